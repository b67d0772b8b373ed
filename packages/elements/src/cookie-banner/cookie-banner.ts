import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { afterPaint } from '../internal/after-paint.js';
import { categoryInSentence, offBySignal } from '../internal/config-text.js';
import { shownText, t } from '../i18n/i18n.js';
import { buttonStyles, themeStyles } from '../internal/theme.styles.js';
import { KeuzeElement } from '../internal/keuze-element.js';
import { bannerStyles } from './cookie-banner.styles.js';

/** The banners in the page, in the order they were connected. */
const banners = new Set<CookieBanner>();

/**
 * The one banner that shows: the first placed by the page (its markup, or a framework's render,
 * such as `<KeuzeCookieBanner />`), or else the one Keuze adds by itself. Every other renders nothing.
 */
function activeBanner(): CookieBanner | undefined {
  for (const banner of banners) if (!banner.placedByKeuze) return banner;
  return banners.values().next().value;
}

/**
 * Focus for a keyboard user to go on from when what they were in disappears: where they came
 * from, else the start of the page's main content (made focusable for this), else its first heading.
 */
function focusAfterLeaving(from?: HTMLElement | null): void {
  const target = from?.isConnected ? from : document.querySelector<HTMLElement>('main, [role="main"], h1');
  if (!target) return;
  if (target != from && target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}

/**
 * @tagname keuze-cookie-banner
 * @summary The first layer of cookie consent: what the site asks, with accept, reject and choose
 * side by side. Shown while there is no valid choice; gone within a frame of one.
 *
 * @csspart base - The banner's box.
 * @csspart title - The heading.
 * @csspart text - The explanation, with the privacy statement link.
 * @csspart signal - Shown when the browser sends Global Privacy Control: what "accept all" leaves off.
 * @csspart button - Each of the three buttons.
 * @csspart accept-all - The "Accept all" button.
 * @csspart reject-all - The "Reject all" button.
 * @csspart choose - The "Choose" button, which opens the preferences dialog.
 */
export class CookieBanner extends KeuzeElement {
  static override styles = [themeStyles, buttonStyles, bannerStyles];

  /**
   * On a plain first visit the banner shows from core's quick read of the config, before the
   * validator has run (issue 16); every other element waits for the validated config.
   * @internal
   */
  static readonly firstRead = true;

  /** `box` (a bottom corner), `bar` (full width at the bottom) or `inline` (where the element is placed). */
  @property({ reflect: true }) layout: 'box' | 'bar' | 'inline' = 'box';

  /**
   * Set by Keuze on the banner it adds when the page has none; a banner the page places takes its
   * place, so a page never shows two.
   * @internal
   */
  placedByKeuze = false;

  @query('[part~="choose"]') private chooseButton?: HTMLButtonElement;

  /** Hides the banner on the click itself, before the choice is stored. */
  private deciding = false;
  /** Where keyboard focus was before it entered the banner: it goes back there when the banner goes. */
  private focusReturn?: HTMLElement;
  private returnFocus = false;

  constructor() {
    super();
    this.addEventListener('focusin', (event) => {
      const from = event.relatedTarget as HTMLElement | null;
      // Not from the banner itself (retargeted to this element) or from Keuze's own dialog.
      if (from && from != this && !from.localName.startsWith('keuze-')) this.focusReturn = from;
    });
  }

  protected override willUpdate(): void {
    // A choice hides the banner (or the dialog opened from it hands focus back first): the focused
    // button goes, and focus must not fall to <body> (WCAG 2.4.3).
    this.returnFocus = !!this.shadowRoot?.activeElement;
  }

  /**
   * While the banner floats over the page, the page keeps its height free at the bottom, so that
   * content focused with the keyboard scrolls into view above it (WCAG 2.2: 2.4.11): scroll padding
   * for where focus scrolls to, and as much padding below the page, so that its last links (the
   * footer's "Cookie settings") can scroll up past the banner too.
   */
  private keepFocusVisible?: ResizeObserver;
  private reserving?: Element;
  /** The page's own padding below, which ours comes on top of. */
  private pagePadding = '';

  protected override updated(): void {
    const base = this.renderRoot.querySelector('[part~="base"]');
    if (this.returnFocus && !base) focusAfterLeaving(this.focusReturn);
    if (base && this.layout != 'inline') {
      // Made here, not as a field: a server render constructs the element where there is no ResizeObserver.
      this.keepFocusVisible ??= new ResizeObserver(([entry]) => {
        if (!entry?.target.isConnected) return;
        const root = document.documentElement.style;
        // From the banner's top to the window's bottom (the box floats a little above it); offsetTop ignores the entrance slide.
        const height = document.documentElement.clientHeight - (entry.target as HTMLElement).offsetTop;
        if (!root.paddingBottom) this.pagePadding = getComputedStyle(document.documentElement).paddingBottom;
        root.scrollPaddingBottom = `calc(${height}px + 2rem)`;
        root.paddingBottom = `calc(${this.pagePadding} + ${height}px)`;
      });
      if (this.reserving != base) this.keepFocusVisible.observe((this.reserving = base));
    } else if (this.reserving) {
      this.releaseSpace();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    banners.add(this);
    // Keuze's own banner gives way to the page's, whichever came first.
    for (const banner of banners) if (banner.placedByKeuze && activeBanner() != banner) banner.remove();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    banners.delete(this);
    // The next banner in line takes over.
    activeBanner()?.requestUpdate();
    if (this.reserving) this.releaseSpace();
  }

  private releaseSpace(): void {
    this.keepFocusVisible?.disconnect();
    this.reserving = undefined;
    document.documentElement.style.scrollPaddingBottom = document.documentElement.style.paddingBottom = '';
  }

  protected override render(): unknown {
    const { config } = this.consent;
    const consent = this.consent.record;
    // A stored choice with categories added since asks about those only (refusals that stick).
    const pending = consent?.pending;
    if (!config?.usable || (consent && !pending?.length) || this.deciding || activeBanner() != this) return nothing;
    const optional = Object.entries(config.categories).filter(([name, category]) => !category.readOnly && (!pending || pending.includes(name)));
    const purposes = optional.map(([name, category]) => categoryInSentence(name, category));
    const last = purposes.pop();
    const list = purposes.length ? `${purposes.join(', ')} ${t('banner.and')} ${last}` : last;
    const text = pending ? shownText('banner.added', { purposes: list! }) : last ? shownText('banner.text', { purposes: list! }) : shownText('banner.textNoPurposes');
    // With 'limit', the visitor is told up front that "accept all" will not grant these.
    const signalled = offBySignal(config, null);
    return html`
      <section part="base" class="banner ${this.layout}" aria-labelledby="title">
        <h2 part="title" id="title">${shownText('banner.title')}</h2>
        <p part="text">
          ${text}
          ${config.privacyUrl ? html`<a href=${config.privacyUrl}>${shownText('banner.privacyLink')}</a>` : nothing}
        </p>
        ${signalled.length ? html`<p part="signal">${t('banner.signal', { categories: signalled.join(', ') })}</p>` : nothing}
        <div class="buttons">
          <button part="button accept-all" class="button" @click=${() => this.decide('acceptAll')}>${shownText('banner.acceptAll')}</button>
          <button part="button reject-all" class="button" @click=${() => this.decide('rejectAll')}>${shownText('banner.rejectAll')}</button>
          <button part="button choose" class="button" @click=${this.choose}>${shownText('banner.choose')}</button>
        </div>
      </section>
    `;
  }

  private async decide(choice: 'acceptAll' | 'rejectAll'): Promise<void> {
    const keuze = this.consent.keuze;
    if (!keuze) return;
    this.deciding = true;
    this.requestUpdate();
    // The banner leaves in the very next paint; writing the choice and running what it grants
    // come right after, so they never hold that frame back.
    await afterPaint();
    const consent = keuze.getConsent();
    if (consent?.pending) {
      // Only the new categories are answered; the rest of the choice stays as it was.
      const categories = [...consent.categories, ...(choice == 'acceptAll' ? consent.pending : [])];
      await keuze.setConsent({ categories, services: consent.services }, { method: 'custom' });
    } else await keuze[choice]();
    // Not stored (the engine failed to load, and said so): ask again rather than pretend.
    this.deciding = false;
    this.requestUpdate();
  }

  private readonly choose = (): void => void this.consent.keuze?.showPreferences(this.chooseButton);
}
