import { type NewsletterSubscribeAnswer, type NewsletterTopic } from '@keuze/core';
import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ConsentController } from '../consent-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import { i18n, localize, t, type TextKey } from '../i18n/i18n.js';
import { emailProblem, normalizeEmail, type EmailProblem } from '../newsletter/email-address.js';
import { askHost, DEFAULT_TOPICS, HostError, type NewsletterHandler } from '../newsletter/host-call.js';
import { formStyles } from '../newsletter/newsletter.styles.js';
import { rememberTopics, subscribedTopics } from '../newsletter/subscription-cookie.js';
import { buttonStyles, fieldStyles, themeStyles } from '../styles/theme.styles.js';
import '../newsletter/newsletter.texts.js';

type Outcome = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; status: 'pending' | 'subscribed' } | { kind: 'error'; reason: HostError['reason'] };

/**
 * @tagname keuze-newsletter-signup
 * @summary A newsletter sign-up with explicit consent: an email field, topics (none ticked), an
 * unticked consent box that says what is sent and how often, and a honeypot. The host sends the
 * mail; whatever happens, what the visitor typed stays.
 *
 * @fires {CustomEvent<NewsletterSubscribeEvent>} keuze-newsletter-subscribe - A valid sign-up, with the event sent to the host as detail.
 *
 * @csspart base - The form.
 * @csspart email - The email field.
 * @csspart button - The submit and retry buttons.
 * @csspart message - The outcome (check your inbox, subscribed, or an error).
 *
 * @cssproperty [--keuze-form-max-width=32rem] - The widest the element gets.
 */
export class NewsletterSignup extends LitElement {
  static override styles = [themeStyles, buttonStyles, fieldStyles, formStyles];

  /** Instead of the page config's `onEvent`: a function that receives the sign-up and answers. */
  @property({ attribute: false }) handler?: NewsletterHandler;

  /** `light`, `dark`, or `auto` (the default) to follow the visitor's colour scheme. */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  @state() private email = '';
  @state() private topics = new Set<string>();
  @state() private consentGiven = false;
  @state() private problems: { email?: EmailProblem; topics?: boolean; consent?: boolean } = {};
  @state() private outcome: Outcome = { kind: 'idle' };
  @state() private alreadySubscribed: string[] = [];

  @query('#email') private emailField?: HTMLInputElement;
  @query('#honeypot') private honeypot?: HTMLInputElement;

  private readonly consent = new ConsentController(this);
  private readonly i18n = new I18nController(this);

  // Read on connect, not as a field: a server render constructs the element where there is no cookie.
  override connectedCallback(): void {
    super.connectedCallback();
    this.alreadySubscribed = subscribedTopics();
  }

  protected override render(): unknown {
    const config = this.consent.config;
    if (!config) return nothing;
    const topics = this.offeredTopics();
    if (this.outcome.kind == 'done') {
      return html`<p part="message" class="message" role="status" tabindex="-1">${t(this.outcome.status == 'pending' ? 'newsletter.pending' : 'newsletter.subscribed')}</p>`;
    }
    if (this.alreadySubscribed.length && this.outcome.kind == 'idle') return this.renderSubscribed(topics);
    const sending = this.outcome.kind == 'sending';
    const { problems } = this;
    return html`
      <form part="base" novalidate aria-label=${t('newsletter.title')} @submit=${this.submit}>
        <div>
          <label for="email">${t('newsletter.email')}</label>
          <input
            id="email"
            part="email"
            type="email"
            name="email"
            autocomplete="email"
            inputmode="email"
            required
            .value=${this.email}
            aria-invalid=${problems.email ? 'true' : 'false'}
            aria-describedby="email-error"
            @input=${(event: Event) => (this.email = (event.target as HTMLInputElement).value)}
          />
          <p id="email-error" class="error" role="alert">${problems.email ? t(`email.${problems.email}` as TextKey) : ''}</p>
        </div>
        <fieldset aria-describedby="topics-error">
          <legend>${t('newsletter.topics')}</legend>
          ${topics.map(
            (topic) => html`<label class="check">
              <input type="checkbox" name="topics" .value=${topic.id} .checked=${this.topics.has(topic.id)} @change=${(event: Event) => this.toggleTopic(topic.id, (event.target as HTMLInputElement).checked)} />
              <span>${localize(topic.label, topic.id)}${topic.description ? html`<span class="hint">${localize(topic.description, '')}</span>` : nothing}</span>
            </label>`,
          )}
          <p id="topics-error" class="error" role="alert">${problems.topics ? t('newsletter.pickTopic') : ''}</p>
        </fieldset>
        <div>
          <label class="check">
            <input id="consent" type="checkbox" .checked=${this.consentGiven} aria-describedby="consent-error" @change=${(event: Event) => (this.consentGiven = (event.target as HTMLInputElement).checked)} />
            <span id="consent-text">${this.consentText()}</span>
          </label>
          ${config.privacyUrl ? html`<a href=${config.privacyUrl}>${t('newsletter.privacyLink')}</a>` : nothing}
          <p id="consent-error" class="error" role="alert">${problems.consent ? t('newsletter.needConsent') : ''}</p>
        </div>
        <div class="honeypot" aria-hidden="true">
          <label>${t('newsletter.honeypot')} <input id="honeypot" name="website" type="text" tabindex="-1" autocomplete="off" /></label>
        </div>
        ${this.outcome.kind == 'error'
          ? html`<p part="message" class="message failure" role="alert">${t(`newsletter.${this.outcome.reason}` as TextKey)}</p>`
          : nothing}
        <div class="actions">
          <button part="button" class="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? t('newsletter.sending') : this.outcome.kind == 'error' ? t('newsletter.retry') : t('newsletter.submit')}
          </button>
        </div>
      </form>
    `;
  }

  private renderSubscribed(topics: NewsletterTopic[]): unknown {
    const names = topics.filter((topic) => this.alreadySubscribed.includes(topic.id)).map((topic) => localize(topic.label, topic.id));
    const url = this.consent.config?.newsletter?.preferencesUrl;
    return html`<p part="message" class="message" role="status">
      ${t('newsletter.already', { topics: names.join(', ') || this.alreadySubscribed.join(', ') })}
      ${url ? html`<a href=${url}>${t('newsletter.manage')}</a>` : nothing}
    </p>
    <button part="button" class="link-button" @click=${() => (this.alreadySubscribed = [])}>${t('newsletter.another')}</button>`;
  }

  /** The topics a visitor can choose at sign-up: the optional ones. */
  private offeredTopics(): NewsletterTopic[] {
    return (this.consent.config?.newsletter?.topics ?? DEFAULT_TOPICS).filter((topic) => !topic.required);
  }

  /** What the visitor agrees to, in words: the chosen topics and how often. Sent along as proof. */
  private consentText(): string {
    const chosen = this.offeredTopics().filter((topic) => this.topics.has(topic.id));
    const frequency = localize(this.consent.config?.newsletter?.frequency, '');
    const names = chosen.map((topic) => localize(topic.label, topic.id).toLowerCase());
    const last = names.pop();
    const topics = names.length ? `${names.join(', ')} ${t('banner.and')} ${last}` : (last ?? '');
    const values = { frequency: frequency ? ` (${frequency})` : '', topics };
    return chosen.length ? t('newsletter.consent', values) : t('newsletter.consentNoTopics', values);
  }

  private toggleTopic(id: string, on: boolean): void {
    const topics = new Set(this.topics);
    if (on) topics.add(id);
    else topics.delete(id);
    this.topics = topics;
  }

  private readonly submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    // One request at a time: a second click while one runs does nothing.
    if (this.outcome.kind == 'sending') return;
    const problems = { email: emailProblem(this.email) ?? undefined, topics: !this.topics.size, consent: !this.consentGiven };
    this.problems = problems;
    if (problems.email || problems.topics || problems.consent) {
      this.outcome = { kind: 'idle' };
      await this.updateComplete;
      if (problems.email) this.emailField?.focus();
      return;
    }
    const topics = [...this.topics];
    // A filled honeypot is a bot: it is told nothing went wrong, and nothing is sent.
    if (this.honeypot?.value) {
      this.outcome = { kind: 'done', status: 'pending' };
      return;
    }
    this.outcome = { kind: 'sending' };
    try {
      const answer = await askHost<NewsletterSubscribeAnswer | undefined>(
        this,
        { type: 'newsletter-subscribe', email: normalizeEmail(this.email), topics, language: i18n.language, consentText: this.consentText(), timestamp: new Date().toISOString() },
        this.consent.config,
        this.handler,
      );
      const status = answer?.status == 'subscribed' ? 'subscribed' : 'pending';
      // Remembered once subscribed; a pending address is not subscribed until it is confirmed.
      if (status == 'subscribed') rememberTopics([...new Set([...subscribedTopics(), ...topics])]);
      this.outcome = { kind: 'done', status };
      // The form is gone: focus the outcome, which also has it read out.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="message"]')?.focus();
    } catch (error) {
      this.outcome = { kind: 'error', reason: error instanceof HostError ? error.reason : 'failed' };
    }
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'keuze-newsletter-subscribe': CustomEvent<import('@keuze/core').NewsletterSubscribeEvent>;
  }
}
