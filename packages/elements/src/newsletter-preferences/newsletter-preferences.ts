import type { NewsletterPreferencesAnswer, NewsletterTopic } from '@keuze/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AsyncTask } from '../internal/async-task.js';
import { localize, shownText, t, type TextKey } from '../i18n/i18n.js';
import { askHost, DEFAULT_TOPICS, HostError, type NewsletterHandler } from '../internal/newsletter/host-call.js';
import { formStyles } from '../internal/newsletter/newsletter.styles.js';
import { rememberTopics } from '../internal/newsletter/subscription-cookie.js';
import { buttonStyles, themeStyles } from '../internal/theme.styles.js';
import '../internal/newsletter/newsletter.texts.js';
import { KeuzeElement } from '../internal/keuze-element.js';

type View = { kind: 'loading' } | { kind: 'no-token' } | { kind: 'ready'; notice?: 'saved' } | { kind: 'unsubscribed'; previous: string[]; undoable: boolean };

/**
 * @tagname keuze-newsletter-preferences
 * @summary Newsletter preferences from the link in an email: change topics, or leave everything
 * with one click (then undo for a few seconds, or subscribe again). Opening the page changes
 * nothing: only a click does, because mail scanners open links.
 *
 * @fires {CustomEvent<NewsletterPreferencesGetEvent>} keuze-newsletter-preferences-get - Asking the host for the current topics.
 * @fires {CustomEvent<NewsletterPreferencesSetEvent>} keuze-newsletter-preferences-set - New topics (also after undo or subscribing again).
 * @fires {CustomEvent<NewsletterUnsubscribeEvent>} keuze-newsletter-unsubscribe - The one-click unsubscribe.
 *
 * @csspart base - The form.
 * @csspart button - Each button.
 * @csspart unsubscribe - The unsubscribe button.
 * @csspart message - Saved, unsubscribed, or an error.
 *
 * @cssproperty [--keuze-form-max-width=32rem] - The widest the element gets.
 */
export class NewsletterPreferences extends KeuzeElement {
  static override styles = [themeStyles, buttonStyles, formStyles];

  /** The subscriber's token from the email link; read from `?token=` in the page URL when not set. */
  @property() token?: string;

  /** Seconds during which an unsubscribe can be undone. */
  @property({ type: Number, attribute: 'undo-seconds' }) undoSeconds = 10;

  /** Instead of the page config's `onEvent`: a function that receives each event and answers. */
  @property({ attribute: false }) handler?: NewsletterHandler;

  @state() private view: View = { kind: 'loading' };
  @state() private subscribed = new Set<string>();
  @state() private required = new Set<string>();
  @state() private email = '';
  /** The request to the host: one at a time; after an error, run() again repeats it. */
  private readonly request = new AsyncTask<void>(this);
  private undoTimer?: ReturnType<typeof setTimeout>;

  private loadStarted = false;

  private get subscriberToken(): string | undefined {
    return this.token ?? new URLSearchParams(location.search).get('token') ?? undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.undoTimer);
  }

  protected override willUpdate(): void {
    if (this.loadStarted || !this.consent.config) return;
    this.loadStarted = true;
    if (!this.subscriberToken) this.view = { kind: 'no-token' };
    else void this.run(() => this.load());
  }

  protected override render(): unknown {
    if (!this.consent.config) return nothing;
    const { view } = this;
    if (view.kind == 'no-token') return html`<p part="message" class="message failure" role="alert">${shownText('preferences.newsletter.noToken')}</p>`;
    if (view.kind == 'loading') {
      return html`<div class="panel">
        ${this.request.status == 'error' ? this.renderError() : html`<p role="status">${shownText('preferences.newsletter.loading')}</p>`}
      </div>`;
    }
    if (view.kind == 'unsubscribed') {
      return html`<div class="panel" part="base">
        <p part="message" class="message" role="status" tabindex="-1">${shownText('preferences.newsletter.unsubscribed')}</p>
        ${this.request.status == 'error' ? this.renderError() : nothing}
        <div class="actions">
          ${
            view.undoable
              ? html`<button part="button" class="button" @click=${() => this.run(() => this.setTopics(view.previous))}>${shownText('preferences.newsletter.undo')}</button>`
              : html`<button part="button" class="link-button" @click=${() => this.run(() => this.setTopics(view.previous))}>${shownText('preferences.newsletter.resubscribe')}</button>`
          }
        </div>
      </div>`;
    }
    return html`
      <form part="base" aria-label=${t('preferences.newsletter.title')} @submit=${this.save}>
        ${this.email ? html`<p>${shownText('preferences.newsletter.for', { email: this.email })}</p>` : nothing}
        <fieldset>
          <legend>${shownText('newsletter.topics')}</legend>
          ${this.topics().map((topic) => {
            const required = this.required.has(topic.id) || !!topic.required;
            return html`<label class="check">
              <input type="checkbox" .checked=${required || this.subscribed.has(topic.id)} ?disabled=${required} @change=${(event: Event) => this.toggle(topic.id, (event.target as HTMLInputElement).checked)} />
              <span>
                ${localize(topic.label, topic.id)}
                ${topic.description ? html`<span class="hint">${localize(topic.description, '')}</span>` : nothing}
                ${required ? html`<span class="hint">${shownText('preferences.newsletter.required')}</span>` : nothing}
              </span>
            </label>`;
          })}
        </fieldset>
        ${view.notice == 'saved' ? html`<p part="message" class="message" role="status" tabindex="-1">${shownText('preferences.newsletter.saved')}</p>` : nothing}
        ${this.request.status == 'error' ? this.renderError() : nothing}
        <div class="actions">
          <button part="button" class="button" type="submit" aria-disabled=${this.request.status == 'pending' ? 'true' : 'false'}>${shownText('preferences.newsletter.save')}</button>
          <button part="button unsubscribe" class="button" type="button" aria-disabled=${this.request.status == 'pending' ? 'true' : 'false'} @click=${() => this.run(() => this.unsubscribe())}>
            ${shownText('preferences.newsletter.unsubscribe')}
          </button>
        </div>
      </form>
    `;
  }

  private renderError(): unknown {
    return html`<p part="message" class="message failure" role="alert" tabindex="-1">
      ${shownText(`newsletter.${this.request.error instanceof HostError ? this.request.error.reason : 'failed'}` as TextKey)}
      <button part="button" class="link-button" type="button" @click=${() => this.run()}>${shownText('newsletter.retry')}</button>
    </p>`;
  }

  /** The topics from config, and any the host reports that the config does not name. */
  private topics(): NewsletterTopic[] {
    const configured = this.consent.config?.newsletter?.topics ?? DEFAULT_TOPICS;
    const known = new Set(configured.map((topic) => topic.id));
    const extra = [...this.subscribed, ...this.required].filter((id) => !known.has(id)).map((id) => ({ id, label: id }));
    return [...configured, ...extra];
  }

  private toggle(id: string, on: boolean): void {
    const subscribed = new Set(this.subscribed);
    if (on) subscribed.add(id);
    else subscribed.delete(id);
    this.subscribed = subscribed;
    if (this.view.kind == 'ready') this.view = { kind: 'ready' };
  }

  /** Runs one request at a time (by default the last one again); an error keeps every choice on screen, with a retry. */
  private async run(request?: () => Promise<void>): Promise<void> {
    if (this.request.status == 'pending') return;
    if (this.view.kind == 'ready') this.view = { kind: 'ready' };
    await this.request.run(request);
    // The button pressed may be gone ("Undo", "Try again"): focus goes to what says what happened,
    // never to <body> (WCAG 2.4.3). The message also gets read out.
    await this.updateComplete;
    if (this.isConnected && !this.shadowRoot?.activeElement && document.activeElement == document.body) {
      this.renderRoot.querySelector<HTMLElement>('[part~="message"]')?.focus();
    }
  }

  private async load(): Promise<void> {
    const answer = await askHost<NewsletterPreferencesAnswer>(this, { type: 'newsletter-preferences-get', token: this.subscriberToken! }, this.consent.config, this.handler);
    this.subscribed = new Set(answer?.topics ?? []);
    this.required = new Set(answer?.required ?? []);
    this.email = answer?.email ?? '';
    this.view = { kind: 'ready' };
  }

  private readonly save = (event: Event): void => {
    event.preventDefault();
    void this.run(() => this.setTopics([...this.subscribed]));
  };

  private async setTopics(topics: string[]): Promise<void> {
    await askHost(this, { type: 'newsletter-preferences-set', token: this.subscriberToken!, topics }, this.consent.config, this.handler);
    clearTimeout(this.undoTimer);
    this.subscribed = new Set(topics);
    rememberTopics(this.consent.keuze, topics);
    this.view = { kind: 'ready', notice: 'saved' };
  }

  private async unsubscribe(): Promise<void> {
    const previous = [...this.subscribed];
    await askHost(this, { type: 'newsletter-unsubscribe', token: this.subscriberToken! }, this.consent.config, this.handler);
    this.subscribed = new Set();
    rememberTopics(this.consent.keuze, []);
    this.view = { kind: 'unsubscribed', previous, undoable: true };
    // The button pressed is gone: focus the confirmation, which also has it read out.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="message"]')?.focus();
    // After a few seconds "undo" becomes "subscribe again": the same request, in calmer words.
    this.undoTimer = setTimeout(() => {
      if (this.view.kind == 'unsubscribed') this.view = { ...this.view, undoable: false };
    }, this.undoSeconds * 1000);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'keuze-newsletter-preferences-get': CustomEvent<import('@keuze/core').NewsletterPreferencesGetEvent>;
    'keuze-newsletter-preferences-set': CustomEvent<import('@keuze/core').NewsletterPreferencesSetEvent>;
    'keuze-newsletter-unsubscribe': CustomEvent<import('@keuze/core').NewsletterUnsubscribeEvent>;
  }
}
