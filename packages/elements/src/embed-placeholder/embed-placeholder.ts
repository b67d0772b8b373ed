import type { ConsentChoice } from '@keuze/core';
import { logWarning } from '@keuze/core/internal';
import { css, html, nothing } from 'lit';
import { categoryInSentence, textOf } from '../internal/config-text.js';
import { t } from '../i18n/i18n.js';
import { buttonStyles, themeStyles } from '../internal/theme.styles.js';
import { KeuzeElement } from '../internal/keuze-element.js';
import './placeholder.texts.js';

/** What a placeholder needs of its embed: a gated `<iframe data-src data-category [data-service]>`. */
type Embed = HTMLElement & { dataset: { category: string; service?: string; src?: string; placeholderImage?: string } };

const covered = new WeakMap<Element, EmbedPlaceholder>();

/**
 * @tagname keuze-embed-placeholder
 * @summary Stands where a gated embed (`<iframe data-src data-category [data-service]>`) will be,
 * at its size, until the visitor allows it: what it is, who provides it, why it is not loaded, and
 * two buttons: "Load once" (this embed, this page view, nothing stored) and "Always allow
 * <service>" (stored like any choice). Keuze adds it before each blocked iframe, hides the iframe,
 * and removes both effects once the embed may load. Nothing is requested from the third party
 * before that: a site may give its own image with `data-placeholder-image` (same origin only).
 * `data-keuze-placeholder="off"` on the iframe leaves it without one.
 *
 * @csspart base - The placeholder's box.
 * @csspart title - What the embed is.
 * @csspart text - Who provides it and why it is not loaded.
 * @csspart button - Each button.
 * @csspart load-once - "Load once".
 * @csspart allow - "Always allow <service>".
 */
export class EmbedPlaceholder extends KeuzeElement {
  static override styles = [
    themeStyles,
    buttonStyles,
    css`
      :host {
        display: block;
        box-sizing: border-box;
        max-width: 100%;
        color: var(--_text);
      }
      [part~='base'] {
        box-sizing: border-box;
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: 0.5em;
        width: 100%;
        height: 100%;
        padding: var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg) center / cover no-repeat;
      }
      .image [part~='title'],
      .image [part~='text'] {
        align-self: flex-start;
        padding: 0.25em 0.5em;
        border-radius: var(--_radius);
        background: var(--_bg);
      }
      [part~='title'] {
        margin: 0;
        font-weight: 600;
      }
      [part~='text'] {
        margin: 0;
        color: var(--_muted);
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
    `,
  ];

  /** The gated iframe this placeholder stands for. */
  embed?: Embed;

  private hiddenDisplay?: [value: string, priority: string];

  /**
   * Puts a placeholder before each gated iframe that is not allowed and has none yet. Called by
   * Keuze's loader for the iframes it finds blocked, also those a page adds later.
   */
  static cover(embeds: Iterable<Element>): void {
    for (const embed of embeds) {
      if (covered.has(embed) || !embed.isConnected || (embed as Embed).dataset.keuzePlaceholder == 'off') continue;
      const placeholder = document.createElement('keuze-embed-placeholder');
      placeholder.embed = embed as Embed;
      covered.set(embed, placeholder);
      placeholder.takeSize();
      embed.before(placeholder);
    }
  }

  /** The embed's width and aspect ratio: from its width and height attributes, else as rendered. */
  private takeSize(): void {
    const embed = this.embed!;
    const width = embed.getAttribute('width') ?? '';
    const height = embed.getAttribute('height') ?? '';
    const rendered = embed.getBoundingClientRect();
    const computedRatio = getComputedStyle(embed).aspectRatio;
    const px = (value: string): string => (/^\d+(\.\d+)?$/.test(value) ? `${value}px` : value);
    this.style.width = px(width) || (rendered.width ? `${rendered.width}px` : '100%');
    this.style.aspectRatio =
      /^\d+$/.test(width) && /^\d+$/.test(height) ? `${width} / ${height}` : computedRatio != 'auto' ? computedRatio : rendered.height ? `${rendered.width} / ${rendered.height}` : '16 / 9';
    // The iframe keeps its place in the markup (and the site's CSS), only out of sight.
    this.hiddenDisplay = [embed.style.getPropertyValue('display'), embed.style.getPropertyPriority('display')];
    embed.style.setProperty('display', 'none', 'important');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.embed && covered.get(this.embed) === this) covered.delete(this.embed);
  }

  protected override render(): unknown {
    const { config } = this.consent;
    const embed = this.embed;
    if (!config?.usable || !embed) return nothing;
    const { category: name, service: serviceName } = embed.dataset;
    const category = config.categories[name];
    // Granted meanwhile (the banner, the dialog, another placeholder): the gate loads the iframe.
    if (!category || this.consent.keuze?.isGranted(name, serviceName)) {
      queueMicrotask(() => this.uncover());
      return nothing;
    }
    const service = serviceName ? category.services?.[serviceName] : undefined;
    const label = (service && textOf(service.label)) || serviceName || categoryInSentence(name, category);
    const image = (this.backgroundImage = this.image(embed.dataset.placeholderImage));
    return html`
      <section part="base" class=${image ? 'image' : ''} aria-labelledby="title">
        <p part="title" id="title">${t('placeholder.title', { service: label })}</p>
        <p part="text">
          ${
            // The sentence's own full stop ends a provider that has one ("Ltd."): not "Ltd..".
            service?.provider ? t('placeholder.provider', { provider: service.provider.replace(/\.$/, '') }) : nothing
          }
          ${t('placeholder.blocked', { category: categoryInSentence(name, category) })}
        </p>
        <div class="buttons">
          <button part="button load-once" class="button" @click=${this.loadOnce}>${t('placeholder.loadOnce')}</button>
          <button part="button allow" class="button" @click=${this.allow}>${t('placeholder.allow', { service: label })}</button>
        </div>
      </section>
    `;
  }

  private backgroundImage?: string;

  // Through the CSSOM, not a style attribute: a strict CSP (style-src without 'unsafe-inline') allows it.
  protected override updated(): void {
    const base = this.renderRoot.querySelector<HTMLElement>('[part~="base"]');
    if (base) base.style.backgroundImage = this.backgroundImage ? `url("${this.backgroundImage}")` : '';
  }

  /** The site's own image, if it is on this origin: a remote one would be a request before consent. */
  private image(src: string | undefined): string | undefined {
    if (!src) return undefined;
    const url = new URL(src, document.baseURI);
    if (url.origin === location.origin) return url.href.replace(/["\\\n]/g, encodeURIComponent);
    logWarning(`data-placeholder-image "${src}" is not on this site's origin, so it is not shown: loading it would be a request to another party before consent.`);
    return undefined;
  }

  /** This embed, this page view: nothing is stored, no other embed loads. */
  private readonly loadOnce = (): void => {
    const embed = this.embed!;
    embed.setAttribute('src', embed.dataset.src!);
    delete embed.dataset.src;
    this.uncover();
  };

  /** Grants the service (or the category, for an embed without one), keeping the rest of the choice. */
  private readonly allow = async (): Promise<void> => {
    const keuze = this.consent.keuze;
    const { category, service } = this.embed!.dataset;
    if (!keuze) return;
    const current = keuze.getConsent();
    const categories = new Set(current?.categories ?? []);
    const services: NonNullable<ConsentChoice['services']> = structuredClone(current?.services ?? {});
    if (service) services[category] = [...(categories.has(category) ? (services[category] ?? []) : []), service];
    else delete services[category];
    categories.add(category);
    // The gate loads the iframe; render() then removes this placeholder.
    await keuze.setConsent({ categories: [...categories], services }, { method: 'custom' });
  };

  /** Shows the iframe again (loaded by the gate, or by "Load once") and leaves; focus follows. */
  private uncover(): void {
    const embed = this.embed;
    if (!embed || !this.isConnected) return;
    const hadFocus = this.matches(':focus-within');
    const [value, priority] = this.hiddenDisplay ?? ['', ''];
    if (value) embed.style.setProperty('display', value, priority);
    else embed.style.removeProperty('display');
    this.remove();
    if (hadFocus) embed.focus();
  }
}
