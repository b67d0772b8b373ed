import { css, html, LitElement, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ConsentController } from '../internal/consent-controller.js';
import { I18nController } from '../internal/i18n-controller.js';
import { shownText } from '../i18n/i18n.js';
import { themeStyles } from '../styles/theme.styles.js';

/**
 * @tagname keuze-reopen-button
 * @summary A floating "cookie settings" button, so changing one's mind is one click away on every
 * page. Shown once a choice is stored (before that, the banner asks). The script tag adds it when
 * the config says `reopenButton: true`.
 *
 * @csspart base - The button.
 */
export class ReopenButton extends LitElement {
  static override styles = [
    themeStyles,
    css`
      button {
        position: fixed;
        z-index: var(--_z);
        inset-block-end: var(--_space);
        inset-inline-start: var(--_space);
        display: inline-flex;
        align-items: center;
        gap: 0.4em;
        min-height: 2.75rem;
        padding: 0.4rem 0.9rem;
        border: 1px solid var(--_border);
        border-radius: 2rem;
        background: var(--_bg);
        color: var(--_text);
        box-shadow: var(--_shadow);
        font: inherit;
        font-size: 0.9em;
        cursor: pointer;
      }
      svg {
        fill: currentColor;
      }
    `,
  ];

  /** `light`, `dark`, or `auto` (the default) to follow the visitor's colour scheme. */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  @query('button') private button?: HTMLButtonElement;

  private readonly consent = new ConsentController(this);
  private readonly i18n = new I18nController(this);

  protected override render(): unknown {
    if (!this.consent.config?.usable || !this.consent.record) return nothing;
    return html`<button part="base" @click=${() => this.consent.keuze?.showPreferences(this.button)}>
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5zm-3.5 7a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm7 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm-6 2a1 1 0 1 1 0 2 1 1 0 0 1 0-2z" />
      </svg>
      ${shownText('reopen.label')}
    </button>`;
  }
}
