import type { NewsletterSubscribeAnswer, NewsletterTopic } from '@keuze/core';
import { logWarning } from '@keuze/core/internal';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { AsyncTask } from '../internal/async-task.js';
import { i18n, localize, t, type TextKey } from '../i18n/i18n.js';
import { emailProblem, normalizeEmail, type EmailProblem } from '../internal/newsletter/email-address.js';
import { askHost, DEFAULT_TOPICS, HostError, type NewsletterHandler } from '../internal/newsletter/host-call.js';
import { formStyles } from '../internal/newsletter/newsletter.styles.js';
import { rememberTopics, subscribedTopics } from '../internal/newsletter/subscription-cookie.js';
import { buttonStyles, fieldStyles, themeStyles } from '../internal/theme.styles.js';
import '../internal/newsletter/newsletter.texts.js';
import { KeuzeElement } from '../internal/keuze-element.js';

/** Said once per page, not on every render. */
let warnedNoTopics = false;

/** What is wrong, per field: shown under it until fixed. */
type Problems = { email?: EmailProblem; topics?: boolean; age?: boolean };

/** A checkbox of the form: its id, label, state and what happens when it changes. */
interface Box {
  id: string;
  name?: string;
  value?: string;
  label: string;
  hint?: string;
  checked: boolean;
  invalid?: boolean;
  /** Ids of what else describes it: the error under it, and a line it shares with other boxes. */
  errorId?: string;
  change: (on: boolean) => void;
}

/**
 * @tagname keuze-newsletter-signup
 * @summary A newsletter sign-up with explicit consent in one tick per topic: an email field, one
 * unticked box per topic whose label is the consent (what is sent and how often), optionally an
 * "I am 16 or older" box and a separate box for open and click measurement, and a honeypot. The
 * host sends the mail; whatever happens, what the visitor typed stays.
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
export class NewsletterSignup extends KeuzeElement {
  static override styles = [themeStyles, buttonStyles, fieldStyles, formStyles];

  /** Instead of the page config's `onEvent`: a function that receives the sign-up and answers. */
  @property({ attribute: false }) handler?: NewsletterHandler;

  @state() private email = '';
  @state() private topics = new Set<string>();
  @state() private ageConfirmed = false;
  @state() private tracking = false;
  @state() private problems: Problems = {};
  @state() private alreadySubscribed: string[] = [];

  @query('#email') private emailField?: HTMLInputElement;
  @query('#honeypot') private honeypot?: HTMLInputElement;

  /** Sending the sign-up: 'initial' while the visitor fills in the form, then pending, the host's answer or an error. */
  private readonly sending = new AsyncTask<'pending' | 'subscribed'>(this);

  // Read on connect, not as a field: a server render constructs the element where there is no cookie.
  override connectedCallback(): void {
    super.connectedCallback();
    this.alreadySubscribed = subscribedTopics();
  }

  protected override render(): unknown {
    const config = this.consent.config;
    if (!config) return nothing;
    const topics = this.offeredTopics();
    const { status, value: answer, error } = this.sending;
    if (status == 'complete') {
      return html`<p part="message" class="message" role="status" tabindex="-1">${t(answer == 'pending' ? 'newsletter.pending' : 'newsletter.subscribed')}</p>`;
    }
    if (this.alreadySubscribed.length && status == 'initial') return this.renderSubscribed(topics);
    // A form nobody can send is worse than none.
    if (!topics.length) {
      if (!warnedNoTopics) logWarning('<keuze-newsletter-signup>: config.newsletter.topics has no optional topic; the sign-up shows nothing.');
      warnedNoTopics = true;
      return nothing;
    }
    const sending = status == 'pending';
    const { problems } = this;
    const { minimumAge, tracking } = config.newsletter ?? {};
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
            @input=${this.typeEmail}
          />
          <p id="email-error" class="error" role="alert">${problems.email ? t(`email.${problems.email}` as TextKey) : ''}</p>
        </div>
        ${
          topics.length == 1
            ? html`<div>${this.renderTopic(topics[0]!, true)}<p id="topics-error" class="error" role="alert">${problems.topics ? t('newsletter.needConsent') : ''}</p></div>`
            : html`<fieldset>
              <legend>${t('newsletter.topics')}</legend>
              ${topics.map((topic) => this.renderTopic(topic, false))}
              <p id="unsubscribe-note" class="hint">${t('newsletter.unsubscribe')}</p>
              <p id="topics-error" class="error" role="alert">${problems.topics ? t('newsletter.pickTopic') : ''}</p>
            </fieldset>`
        }
        ${
          minimumAge
            ? html`<div>
              ${this.renderBox({
                id: 'age',
                label: t('newsletter.age', { age: String(minimumAge) }),
                checked: this.ageConfirmed,
                invalid: !!problems.age,
                errorId: 'age-error',
                change: (on) => {
                  this.ageConfirmed = on;
                  if (on) this.problems = { ...this.problems, age: false };
                },
              })}
              <p id="age-error" class="error" role="alert">${problems.age ? t('newsletter.needAge', { age: String(minimumAge) }) : ''}</p>
            </div>`
            : nothing
        }
        ${tracking ? this.renderBox({ id: 'tracking', label: t('newsletter.tracking'), checked: this.tracking, change: (on) => (this.tracking = on) }) : nothing}
        ${config.privacyUrl ? html`<p class="privacy"><a href=${config.privacyUrl}>${t('newsletter.privacyLink')}</a></p>` : nothing}
        <div class="honeypot" aria-hidden="true">
          <label>${t('newsletter.honeypot')} <input id="honeypot" name="website" type="text" tabindex="-1" autocomplete="off" /></label>
        </div>
        ${status == 'error' ? html`<p part="message" class="message failure" role="alert">${t(`newsletter.${error instanceof HostError ? error.reason : 'failed'}` as TextKey)}</p>` : nothing}
        <div class="actions">
          <button part="button" class="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? t('newsletter.sending') : status == 'error' ? t('newsletter.retry') : t('newsletter.submit')}
          </button>
        </div>
      </form>
    `;
  }

  /**
   * A topic's box, labelled with the consent it gives; its description describes it (it is not part
   * of the name), as do the unsubscribe line shared by several boxes and the error while none is ticked.
   */
  private renderTopic(topic: NewsletterTopic, only: boolean): unknown {
    return this.renderBox({
      id: `topic-${topic.id}`,
      name: 'topics',
      value: topic.id,
      label: this.topicLabel(topic, only),
      hint: localize(topic.description, ''),
      checked: this.topics.has(topic.id),
      invalid: !!this.problems.topics,
      errorId: only ? 'topics-error' : 'unsubscribe-note topics-error',
      change: (on) => this.toggleTopic(topic.id, on),
    });
  }

  /** A checkbox with its label beside it, and a description under the label that is not part of its name. */
  private renderBox(box: Box): unknown {
    return html`<div class="check">
      <input
        id=${box.id}
        type="checkbox"
        name=${box.name ?? box.id}
        .value=${box.value ?? 'yes'}
        .checked=${box.checked}
        aria-invalid=${box.invalid ? 'true' : 'false'}
        aria-describedby=${[box.hint ? `${box.id}-hint` : '', box.errorId ?? ''].join(' ').trim() || nothing}
        @change=${(event: Event) => box.change((event.target as HTMLInputElement).checked)}
      />
      <span><label for=${box.id}>${box.label}</label>${box.hint ? html`<span id="${box.id}-hint" class="hint">${box.hint}</span>` : nothing}</span>
    </div>`;
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

  /** The topics a visitor can choose at sign-up: the optional ones the site configured. */
  private offeredTopics(): NewsletterTopic[] {
    return (this.consent.config?.newsletter?.topics ?? DEFAULT_TOPICS).filter((topic) => !topic.required);
  }

  /**
   * A topic box's label, which is the consent: what is sent and how often. The only box says it
   * all, unsubscribing included; with several, that is said once below them.
   */
  private topicLabel(topic: NewsletterTopic, only: boolean): string {
    const frequency = localize(topic.frequency ?? this.consent.config?.newsletter?.frequency, '');
    const values = { frequency: frequency ? ` (${frequency})` : '', topics: localize(topic.label, topic.id) };
    return only ? t('newsletter.consent', values) : t('newsletter.topicConsent', values);
  }

  /** Proof of consent: the labels of exactly the ticked boxes, in the language shown. */
  private consentText(): string {
    const topics = this.offeredTopics();
    if (topics.length == 1) return this.topicLabel(topics[0]!, true);
    const ticked = topics.filter((topic) => this.topics.has(topic.id)).map((topic) => this.topicLabel(topic, false));
    return [...ticked, t('newsletter.unsubscribe')].join(' ');
  }

  private toggleTopic(id: string, on: boolean): void {
    const topics = new Set(this.topics);
    if (on) topics.add(id);
    else topics.delete(id);
    this.topics = topics;
    // An error goes as soon as it is fixed.
    if (topics.size) this.problems = { ...this.problems, topics: false };
  }

  private readonly typeEmail = (event: Event): void => {
    this.email = (event.target as HTMLInputElement).value;
    // Once fixed, its error goes; while still wrong, the message stays as it was (not re-announced per key).
    if (this.problems.email && !emailProblem(this.email)) this.problems = { ...this.problems, email: undefined };
  };

  private readonly submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    // One request at a time: a second click while one runs does nothing.
    if (this.sending.status == 'pending') return;
    const config = this.consent.config;
    const minimumAge = config?.newsletter?.minimumAge;
    const problems: Problems = { email: emailProblem(this.email) ?? undefined, topics: !this.topics.size, age: !!minimumAge && !this.ageConfirmed };
    this.problems = problems;
    if (problems.email || problems.topics || problems.age) {
      this.sending.abort();
      await this.updateComplete;
      const first = problems.email ? this.emailField : this.renderRoot.querySelector<HTMLInputElement>('input[aria-invalid="true"]');
      first?.focus();
      return;
    }
    const topics = this.offeredTopics()
      .filter((topic) => this.topics.has(topic.id))
      .map((topic) => topic.id);
    // A filled honeypot is a bot: it is told nothing went wrong, and nothing is sent.
    if (this.honeypot?.value) {
      void this.sending.run(() => 'pending');
      return;
    }
    const tracking = !!config?.newsletter?.tracking && this.tracking;
    await this.sending.run(async () => {
      const answer = await askHost<NewsletterSubscribeAnswer | undefined>(
        this,
        {
          type: 'newsletter-subscribe',
          email: normalizeEmail(this.email),
          topics,
          language: i18n.language,
          consentText: this.consentText(),
          ...(minimumAge ? { minimumAge } : {}),
          tracking,
          ...(tracking ? { trackingText: t('newsletter.tracking') } : {}),
          timestamp: new Date().toISOString(),
        },
        config,
        this.handler,
      );
      const status = answer?.status == 'subscribed' ? 'subscribed' : 'pending';
      // Remembered once subscribed; a pending address is not subscribed until it is confirmed.
      if (status == 'subscribed') rememberTopics(this.consent.keuze, [...new Set([...subscribedTopics(), ...topics])]);
      return status;
    });
    if (this.sending.status != 'complete') return;
    // The form is gone: focus the outcome, which also has it read out.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="message"]')?.focus();
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'keuze-newsletter-subscribe': CustomEvent<import('@keuze/core').NewsletterSubscribeEvent>;
  }
}
