import { css } from 'lit';

export const preferencesStyles = css`
  dialog {
    width: min(40rem, calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    box-shadow: var(--_shadow);
    font: inherit;
  }

  dialog[open] {
    display: flex;
    flex-direction: column;
  }

  /* The focus guards around it need no style: empty, they take no room. */
  .content {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-height: 0;
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  .header,
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space) calc(var(--_space) * 1.25);
  }

  .header {
    border-block-end: 1px solid var(--_border);
  }

  h2 {
    flex: 1 1 auto;
    min-width: 0;
    margin: 0;
    font-size: 1.25em;
  }

  /* Focused on open so screen readers start at the title; it is not a control. */
  h2:focus {
    outline: none;
  }

  .language {
    display: flex;
    align-items: center;
    gap: 0.4em;
    font-size: 0.95em;
  }

  select {
    padding: 0.25rem 0.5rem;
  }

  .close {
    display: inline-grid;
    place-items: center;
    width: 2.75rem;
    height: 2.75rem;
    padding: 0;
    border: 1px solid var(--_muted);
    border-radius: var(--_button-radius);
    background: transparent;
    color: var(--_text);
    cursor: pointer;
  }

  .close path {
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
  }

  .body {
    flex: 1 1 auto;
    overflow-y: auto;
    padding: var(--_space) calc(var(--_space) * 1.25);
    overscroll-behavior: contain;
  }

  .body > p {
    margin-block-start: 0;
  }

  .category {
    padding-block: calc(var(--_space) * 0.75);
    border-block-start: 1px solid var(--_border);
  }

  .row,
  .service {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
  }

  h3 {
    flex: 1 1 auto;
    min-width: 0;
    margin: 0;
    font-size: 1.05em;
  }

  h3 label {
    cursor: pointer;
  }

  .always-on,
  .description,
  legend {
    color: var(--_muted);
  }

  .description {
    margin-block: 0.35em 0;
    margin-inline: 0;
  }

  .services {
    margin-block: 0.75em 0;
    margin-inline: 0;
    padding-block: 0.25em 0;
    padding-inline: var(--_space) 0;
    border: 0;
    border-inline-start: 2px solid var(--_border);
  }

  .service > bdi {
    min-width: 0;
  }

  .service {
    justify-content: space-between;
    padding-block: 0.25em;
    cursor: pointer;
  }

  /* A switch: a native checkbox with role="switch", so its state is announced as on or off. */
  input[type='checkbox'] {
    appearance: none;
    flex: none;
    position: relative;
    width: 2.75rem;
    height: 1.5rem;
    margin: 0;
    border: 2px solid var(--_switch-off);
    border-radius: 1rem;
    background: var(--_bg);
    cursor: pointer;
  }

  input[type='checkbox']::before {
    content: '';
    position: absolute;
    inset-block-start: 0.125rem;
    inset-inline-start: 0.125rem;
    width: 1rem;
    height: 1rem;
    border-radius: 50%;
    background: var(--_switch-off);
  }

  input[type='checkbox']:checked {
    border-color: var(--_switch-on);
    background: var(--_switch-on);
  }

  input[type='checkbox']:checked::before {
    inset-inline-start: 1.375rem;
    background: var(--_bg);
  }

  input[type='checkbox']:disabled {
    cursor: not-allowed;
    opacity: 0.75;
  }

  /*
   * Forced colours (Windows high contrast) paint track and knob alike in the page's background:
   * on and off would look the same. System colours keep them apart: off is an outlined track with
   * a knob in the text colour, on is filled with Highlight and its knob moves across.
   */
  @media (forced-colors: active) {
    input[type='checkbox'] {
      border-color: CanvasText;
      background: Canvas;
    }
    input[type='checkbox']::before {
      background: CanvasText;
    }
    input[type='checkbox']:checked {
      border-color: Highlight;
      background: Highlight;
    }
    input[type='checkbox']:checked::before {
      background: HighlightText;
    }
    input[type='checkbox']:disabled {
      border-color: GrayText;
    }
    input[type='checkbox']:checked:disabled {
      background: GrayText;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    input[type='checkbox']::before {
      transition: inset-inline-start 0.15s ease-out;
    }
  }

  .cookies {
    margin-block-start: 0.5em;
  }

  summary {
    display: inline-flex;
    align-items: center;
    min-height: 1.5rem;
    cursor: pointer;
    color: var(--_link);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .table-scroll {
    overflow-x: auto;
  }

  table {
    width: 100%;
    margin-block-start: 0.5em;
    border-collapse: collapse;
    font-size: 0.9em;
  }

  th,
  td {
    padding: 0.35em 0.5em;
    text-align: start;
    vertical-align: top;
    border-block-end: 1px solid var(--_border);
  }

  .footer {
    border-block-start: 1px solid var(--_border);
  }

  .footer .button {
    flex: 1 1 9rem;
  }
  .proof {
    margin-block: 1.25em 0;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .proof code {
    overflow-wrap: anywhere;
    color: var(--_text);
  }
  .copy {
    margin-inline-start: 0.5em;
    min-height: 2.75rem;
    padding: 0.25em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_button-radius);
    background: transparent;
    color: var(--_link);
    font: inherit;
    cursor: pointer;
  }
  .copied {
    margin-inline-start: 0.5em;
  }

  /*
   * A short viewport (400 % zoom: 256 px) has no room for a fixed header and footer: they scroll
   * with the categories, so the list gets the dialog's whole height.
   */
  @media (max-height: 30rem) {
    dialog[open] {
      display: block;
      overflow-y: auto;
      overscroll-behavior: contain;
    }
    .body {
      overflow: visible;
    }
  }
`;
