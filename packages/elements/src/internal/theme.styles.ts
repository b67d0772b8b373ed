import { css } from 'lit';

/** The dark scheme's tokens: used by `theme="dark"` and, unless `theme="light"`, by a dark system setting. */
const darkTokens = css`
  --_bg: var(--keuze-color-background-dark, #16191e);
  --_text: var(--keuze-color-text-dark, #eef1f5);
  --_muted: var(--keuze-color-muted-dark, #b7bfcb);
  --_border: var(--keuze-color-border-dark, #4a515c);
  --_button-bg: var(--keuze-color-button-dark, #8fb0ff);
  --_button-text: var(--keuze-color-button-text-dark, #0b1530);
  --_button-hover: var(--keuze-color-button-hover-dark, #b3caff);
  --_link: var(--keuze-color-link-dark, #a9c1ff);
  --_focus: var(--keuze-color-focus-dark, #ffb4a9);
  --_error: var(--keuze-color-error-dark, #ffb4a9);
  --_switch-on: var(--keuze-color-switch-on-dark, #8fb0ff);
  --_switch-off: var(--keuze-color-switch-off-dark, #8a93a1);
  --_shadow: var(--keuze-shadow-dark, 0 0.5rem 2rem rgb(0 0 0 / 0.6));
  color-scheme: dark;
`;

/**
 * The design tokens every Keuze element reads. A site themes Keuze by setting any `--keuze-*`
 * property on `:root` or on an element; the defaults below meet WCAG AA (≥ 4.5:1) in light and dark.
 * `theme="light|dark"` on an element forces a scheme; `auto` (the default) follows the visitor.
 *
 * The manifest lists these on every element that uses them (custom-elements-manifest.config.mjs
 * reads the lines below), each colour and the shadow with its `-dark` partner for the dark scheme:
 * @cssproperty --keuze-color-background - Background of the banner, dialog, reopen button and fields; inside a switch that is off, the knob of one that is on.
 * @cssproperty --keuze-color-text - Text.
 * @cssproperty --keuze-color-muted - Descriptions, "Always on", the "Services" label, the borders of the language select and close button.
 * @cssproperty --keuze-color-border - Borders and dividers.
 * @cssproperty --keuze-color-button - Background and border of every choice button.
 * @cssproperty --keuze-color-button-text - Text on those buttons.
 * @cssproperty --keuze-color-button-hover - Button background on hover.
 * @cssproperty --keuze-color-link - Links and the "Cookies (n)" disclosures.
 * @cssproperty --keuze-color-focus - The focus outline.
 * @cssproperty --keuze-color-error - Error texts and a wrong field.
 * @cssproperty --keuze-color-switch-on - A switch that is on.
 * @cssproperty --keuze-color-switch-off - The border and knob of a switch that is off.
 * @cssproperty --keuze-shadow - Shadow of the box, bar, dialog and reopen button.
 * @cssproperty --keuze-radius - Corner radius of the box, the inline banner and the dialog.
 * @cssproperty --keuze-button-radius - Corner radius of buttons, the language select and the close button.
 * @cssproperty --keuze-font - Font family.
 * @cssproperty --keuze-font-size - Base font size; the rest scales with it.
 * @cssproperty --keuze-spacing - Base spacing: padding, gaps, and the distance of the box and reopen button from the window's edge.
 * @cssproperty --keuze-z-index - Stacking order of the box, bar and reopen button.
 */
export const themeStyles = css`
  :host {
    --_bg: var(--keuze-color-background, #ffffff);
    --_text: var(--keuze-color-text, #1c1f24);
    --_muted: var(--keuze-color-muted, #4d5562);
    --_border: var(--keuze-color-border, #c9ced6);
    --_button-bg: var(--keuze-color-button, #1f4fd1);
    --_button-text: var(--keuze-color-button-text, #ffffff);
    --_button-hover: var(--keuze-color-button-hover, #163b9e);
    --_link: var(--keuze-color-link, #1f4fd1);
    --_focus: var(--keuze-color-focus, #b3261e);
    --_error: var(--keuze-color-error, #b3261e);
    --_switch-on: var(--keuze-color-switch-on, #1f4fd1);
    --_switch-off: var(--keuze-color-switch-off, #6b7280);
    --_radius: var(--keuze-radius, 0.75rem);
    --_button-radius: var(--keuze-button-radius, 0.5rem);
    --_font: var(--keuze-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--keuze-font-size, 1rem);
    --_space: var(--keuze-spacing, 1rem);
    --_shadow: var(--keuze-shadow, 0 0.5rem 2rem rgb(0 0 0 / 0.18));
    --_z: var(--keuze-z-index, 2147483000);
    color-scheme: light;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    /* Long Dutch compounds ("Bezoekersstatistieken") wrap at 320 px rather than push the page sideways. */
    overflow-wrap: break-word;
    hyphens: auto;
  }

  :host([theme='dark']) {
    ${darkTokens}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /*
   * Controls take the text's font and spacing (browsers reset them to "normal"), and headings and
   * buttons keep the inherited line height: a visitor's text-spacing override (WCAG 1.4.12) reaches them.
   */
  button,
  input,
  select,
  textarea {
    font: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
  }

  a {
    color: var(--_link);
    text-underline-offset: 0.15em;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;

/**
 * One button style for every choice: "accept" and "reject" must look equally prominent (same size,
 * weight and colours), as the Dutch regulator and the EDPB require.
 */
export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--_button-bg);
    border-radius: var(--_button-radius);
    background: var(--_button-bg);
    color: var(--_button-text);
    font: inherit;
    font-weight: 600;
    text-align: center;
    cursor: pointer;
  }

  .button:hover {
    background: var(--_button-hover);
    border-color: var(--_button-hover);
  }
`;

/** Text fields and selects look alike in every element: height, border, colours. */
export const fieldStyles = css`
  select,
  input[type='email'] {
    min-height: 2.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_muted);
    border-radius: var(--_button-radius);
  }
`;
