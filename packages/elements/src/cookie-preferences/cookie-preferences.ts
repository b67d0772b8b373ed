import type { CategoryConfig, ConsentChoice, CookieSpec } from '@keuze/core';
import { logWarning } from '@keuze/core/internal';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { categoryDescription, categoryLabel, cookieInfo, offBySignal, textOf } from '../internal/config-text.js';
import { availableLanguages, i18n, optionalText, shownText, t } from '../i18n/i18n.js';
import { buttonStyles, fieldStyles, themeStyles } from '../internal/theme.styles.js';
import { cookieTable } from '../internal/cookie-table.js';
import { KeuzeElement } from '../internal/keuze-element.js';
import { preferencesStyles } from './cookie-preferences.styles.js';

/** What the visitor has switched on in the dialog and not yet saved. */
interface Draft {
  categories: Set<string>;
  services: Map<string, Set<string>>;
}

/**
 * @tagname keuze-cookie-preferences
 * @summary The second layer: a modal dialog with a switch per category and service, what each is
 * for and the cookies it sets. Opens from the banner, `Keuze.showPreferences()` and any element
 * with `data-keuze-open="preferences"`.
 *
 * @fires {CustomEvent<void>} keuze-preferences-show - The dialog opened.
 * @fires {CustomEvent<void>} keuze-preferences-close - The dialog closed, with or without a choice.
 *
 * @csspart base - The `<dialog>`.
 * @csspart header - Title, language switch and close button.
 * @csspart title - The heading.
 * @csspart close - The close button (closes without a choice).
 * @csspart body - The categories.
 * @csspart signal - Says which categories are off because the browser sends Global Privacy Control.
 * @csspart category - One category.
 * @csspart switch - Each switch.
 * @csspart proof - The consent ID and the date of the choice.
 * @csspart copy - The button that copies them.
 * @csspart footer - The three buttons.
 * @csspart button - Each button.
 * @csspart save - "Save choices".
 * @csspart accept-all - "Accept all".
 * @csspart reject-all - "Reject all".
 */
export class CookiePreferences extends KeuzeElement {
  static override styles = [themeStyles, buttonStyles, fieldStyles, preferencesStyles];

  /** Whether the dialog is open. Use `show()` and `close()` to change it. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private draft: Draft = { categories: new Set(), services: new Map() };

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('h2') private heading?: HTMLElement;

  private opener?: HTMLElement | null;

  /** Opens the dialog with the current choice; focus returns to `opener` when it closes. */
  async show(opener: Element | null = document.activeElement): Promise<void> {
    this.opener = opener as HTMLElement | null;
    // Renders from the validated config: wait for it on a first open.
    await this.consent.keuze?.validConfig();
    this.draft = this.currentChoice();
    this.copied = false;
    this.open = true;
    await this.updateComplete;
  }

  /** Closes without changing the choice. */
  close(): void {
    this.open = false;
  }

  protected override updated(): void {
    // The select shows the language shown: once a visitor has used it, its options' `selected`
    // attributes no longer move it, and a language switched elsewhere would leave it behind.
    const select = this.renderRoot.querySelector('select');
    if (select && this.shadowRoot?.activeElement != select) select.value = i18n.language;
    const dialog = this.dialog;
    if (!dialog || this.open === dialog.open) return;
    if (this.open) {
      dialog.showModal();
      // The heading first: a screen reader announces where the visitor is, and Tab goes on from there.
      this.heading?.focus();
      this.emit('keuze-preferences-show');
    } else {
      dialog.close();
    }
  }

  protected override render(): unknown {
    const { config } = this.consent;
    if (!config?.usable) return nothing;
    const languages = availableLanguages();
    const signalled = offBySignal(config, this.consent.record);
    // No <header>/<footer> or named <section>s: inside a dialog they become extra banner,
    // contentinfo and region landmarks of the page around it.
    return html`
      <dialog part="base" aria-labelledby="title" @close=${this.onClose}>
        <span class="focus-guard" data-end="start" tabindex="0" @focus=${this.wrapFocus}></span>
        <div class="content" tabindex="-1">
          <div part="header" class="header">
            <h2 part="title" id="title" tabindex="-1">${shownText('preferences.title')}</h2>
            ${
              languages.length > 1
                ? html`<label class="language">
                  <span>${shownText('preferences.language')}</span>
                  <select @change=${this.pickLanguage} @keydown=${this.pickLanguage} @blur=${this.pickLanguage} @pointerdown=${this.pickLanguage}>
                    ${languages.map((lang) => html`<option value=${lang} lang=${lang} ?selected=${lang === i18n.language}>${optionalText(`language.${lang}`) ?? lang}</option>`)}
                  </select>
                </label>`
                : nothing
            }
            <button class="close" part="close" aria-label=${t('preferences.close')} @click=${this.close}>
              <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" /></svg>
            </button>
          </div>
          <div part="body" class="body">
            <p>
              ${shownText('preferences.intro')}
              ${config.privacyUrl ? html`<a href=${config.privacyUrl}>${shownText('preferences.privacyLink')}</a>` : nothing}
            </p>
            ${signalled.length ? html`<p part="signal" class="signal">${shownText('preferences.signal', { categories: signalled.join(', ') })}</p>` : nothing}
            ${Object.entries(config.categories).map(([name, category]) => this.renderCategory(name, category))}
            ${this.renderProof()}
          </div>
          <div part="footer" class="footer">
            <button part="button save" class="button" @click=${this.save}>${shownText('preferences.save')}</button>
            <button part="button accept-all" class="button" @click=${() => this.decide('acceptAll')}>${shownText('preferences.acceptAll')}</button>
            <button part="button reject-all" class="button" @click=${() => this.decide('rejectAll')}>${shownText('preferences.rejectAll')}</button>
          </div>
        </div>
        <span class="focus-guard" data-end="end" tabindex="0" @focus=${this.wrapFocus}></span>
      </dialog>
    `;
  }

  private renderCategory(name: string, category: CategoryConfig): unknown {
    const locked = !!category.readOnly;
    const services = Object.entries(category.services ?? {});
    const cookies = [...(category.cookies ?? []), ...services.flatMap(([, service]) => service.cookies ?? [])];
    const description = categoryDescription(name, category);
    return html`
      <div part="category" class="category">
        <div class="row">
          <h3 id="label-${name}"><label for="switch-${name}">${categoryLabel(name, category)}</label></h3>
          ${locked ? html`<span class="always-on" id="always-${name}">${shownText('preferences.alwaysOn')}</span>` : nothing}
          <input
            id="switch-${name}"
            part="switch"
            type="checkbox"
            role="switch"
            .checked=${locked || this.draft.categories.has(name)}
            ?disabled=${locked}
            aria-describedby=${[locked ? `always-${name}` : '', description ? `description-${name}` : ''].join(' ').trim() || nothing}
            @change=${(event: Event) => this.toggleCategory(name, category, (event.target as HTMLInputElement).checked)}
          />
        </div>
        ${description ? html`<p id="description-${name}" class="description">${description}</p>` : nothing}
        ${
          services.length
            ? html`<fieldset class="services">
              <legend>${shownText('preferences.services')}</legend>
              ${services.map(([service, config]) => {
                const about = textOf(config.description);
                return html`<label class="service">
                    <bdi>${textOf(config.label) || service}</bdi>
                    <input
                      part="switch"
                      type="checkbox"
                      role="switch"
                      .checked=${locked || !!this.draft.services.get(name)?.has(service)}
                      ?disabled=${locked}
                      aria-describedby=${about ? `description-${name}-${service}` : nothing}
                      @change=${(event: Event) => this.toggleService(name, category, service, (event.target as HTMLInputElement).checked)}
                    />
                  </label>
                  ${about ? html`<p id="description-${name}-${service}" class="description">${about}</p>` : nothing}`;
              })}
            </fieldset>`
            : nothing
        }
        ${cookies.length ? this.renderCookies(name, categoryLabel(name, category), cookies) : nothing}
      </div>
    `;
  }

  /**
   * The consent ID and the date of the choice, with a button that copies both: what a visitor
   * sends with a request about the data linked to their cookie.
   */
  private renderProof(): unknown {
    const consent = this.consent.record;
    if (!consent) return nothing;
    const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(consent.timestamp));
    return html`<p part="proof" class="proof">
      ${shownText('preferences.consentId')} <code dir="ltr">${consent.consentId}</code><br />
      ${shownText('preferences.decidedOn', { date })}
      <button part="copy" class="copy" @click=${() => this.copyProof(consent.consentId, consent.timestamp)}>${shownText('preferences.copy')}</button>
      <span role="status" class="copied">${this.copied ? shownText('preferences.copied') : ''}</span>
    </p>`;
  }

  @state() private copied = false;

  private async copyProof(consentId: string, timestamp: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(`${t('preferences.consentId')} ${consentId}\n${timestamp}`);
      this.copied = true;
    } catch (error) {
      // No clipboard (an insecure page, a denied permission): the ID stays on screen to select.
      logWarning('could not copy the consent ID:', error);
    }
  }

  /** The disclosure and its table are named with the category: "Cookies (2) Statistieken", not three times "Cookies (2)". */
  private renderCookies(name: string, label: string, cookies: CookieSpec[]): unknown {
    return html`
      <details class="cookies">
        <summary id="cookies-${name}">${shownText('preferences.cookies')} (${cookies.length})<span class="visually-hidden">: ${label}</span></summary>
        ${cookieTable(
          `cookies-${name}`,
          [
            [shownText('preferences.cookieName'), (cookie) => html`<code dir="ltr">${cookie.name}</code>`],
            [shownText('preferences.cookieProvider'), (cookie) => html`<bdi>${cookie.provider ?? '—'}</bdi>`],
            [shownText('preferences.cookieLifetime'), (cookie) => textOf(cookie.lifetime) || '—'],
            [shownText('preferences.cookiePurpose'), (cookie) => textOf(cookie.purpose) || '—'],
          ],
          cookies.map(cookieInfo),
        )}
      </details>
    `;
  }

  /** The select was pressed with a pointer: its next change is a pick from its list. */
  private pickingLanguage = false;

  /**
   * A closed select changes on every arrow key: switching the whole dialog's language (and what a
   * screen reader reads) at each step would make reaching the third language a trip through the
   * second. While the select has keyboard focus the choice counts on Enter or on leaving it; a pick
   * with the pointer, or a change made by script, counts at once.
   */
  private readonly pickLanguage = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    if (event.type == 'pointerdown') this.pickingLanguage = true;
    else if (event.type == 'keydown' ? (event as KeyboardEvent).key == 'Enter' : event.type == 'blur' || this.pickingLanguage || this.shadowRoot?.activeElement != select) {
      this.pickingLanguage = false;
      // Core keeps the language (the record stores it): the dialog asks it, like any page would.
      if (select.value != i18n.language) void this.consent.keuze?.setLanguage(select.value);
    }
  };

  /** The stored choice, or nothing optional on a first visit. */
  private currentChoice(): Draft {
    const consent = this.consent.record;
    return {
      categories: new Set(consent?.categories ?? []),
      services: new Map(Object.entries(consent?.services ?? {}).map(([name, services]) => [name, new Set(services)])),
    };
  }

  /** A category switch turns all its services with it. */
  private toggleCategory(name: string, category: CategoryConfig, on: boolean): void {
    const draft = { ...this.draft };
    if (on) draft.categories.add(name);
    else draft.categories.delete(name);
    draft.services.set(name, new Set(on ? Object.keys(category.services ?? {}) : []));
    this.draft = draft;
  }

  /** A service switch turns its category on with it, and off with the last service. */
  private toggleService(name: string, category: CategoryConfig, service: string, on: boolean): void {
    const draft = { ...this.draft };
    const services = draft.services.get(name) ?? new Set(draft.categories.has(name) ? Object.keys(category.services ?? {}) : []);
    if (on) services.add(service);
    else services.delete(service);
    draft.services.set(name, services);
    if (services.size) draft.categories.add(name);
    else draft.categories.delete(name);
    this.draft = draft;
  }

  private readonly save = async (): Promise<void> => {
    const choice: ConsentChoice = {
      categories: [...this.draft.categories],
      services: Object.fromEntries([...this.draft.services].map(([name, services]) => [name, [...services]])),
    };
    this.close();
    await this.consent.keuze?.setConsent(choice, { method: 'custom' });
  };

  private async decide(choice: 'acceptAll' | 'rejectAll'): Promise<void> {
    this.close();
    await this.consent.keuze?.[choice]();
  }

  // Also after Escape, which closes the <dialog> itself. The close event comes a task later: a
  // dialog opened again in between is not closed by it.
  private readonly onClose = (): void => {
    if (this.dialog?.open) return;
    this.open = false;
    this.emit('keuze-preferences-close');
    // The opener may be gone (the banner hides after a choice): then focus stays where the browser puts it.
    if (this.opener?.isConnected) this.opener.focus();
    this.opener = null;
  };

  /**
   * Tab and Shift+Tab go round the dialog's controls and wrap at either end, from wherever focus or
   * the visitor's last click is: a modal dialog makes the page inert, but past its ends the browser
   * moves focus to its own UI. A focusable guard at each end catches focus there, whichever key and
   * whichever starting point brought it, and passes it on: reached from inside (the title, a
   * control), to the other end; from nothing or outside, to its own end. A click on text would
   * leave focus on nothing (and Chromium then Shift+Tabs out of the page): the content around the
   * controls takes focus from a click (tabindex -1, never a Tab stop), so Tab goes on from inside.
   */
  private readonly wrapFocus = (event: FocusEvent): void => {
    const from = event.relatedTarget as HTMLElement | null;
    const fromInside = !!from && from !== this.dialog && !from.classList.contains('focus-guard') && !!this.dialog?.contains(from);
    const atStart = (event.target as HTMLElement).dataset['end'] === 'start';
    const controls = [...this.renderRoot.querySelectorAll<HTMLElement>('button, input:not([disabled]), select, summary, a[href]')];
    (atStart === fromInside ? controls.at(-1) : controls[0])?.focus();
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'keuze-preferences-show': CustomEvent<void>;
    'keuze-preferences-close': CustomEvent<void>;
  }
}
