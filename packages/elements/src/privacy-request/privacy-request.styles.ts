import { css } from 'lit';

/** The request form's own styles, on top of the newsletter's form styles: text fields, and the ID copy masker. */
export const requestStyles = css`
  /* At 320 px nothing may push the form wider than its box: not a file field's own width, not a long word. */
  form {
    grid-template-columns: minmax(0, 1fr);
  }

  fieldset {
    min-inline-size: 0;
  }

  label,
  .hint {
    overflow-wrap: anywhere;
  }

  input[type='text'],
  textarea {
    display: block;
    width: 100%;
    min-height: 2.75rem;
    margin-top: 0.25rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_muted);
    border-radius: var(--_button-radius);
  }

  textarea {
    resize: vertical;
  }

  input[type='text'][aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }

  p.hint {
    margin: 0.15rem 0 0;
  }

  input[type='file'] {
    display: block;
    width: 100%;
    min-height: 2.75rem;
    margin-top: 0.25rem;
    font: inherit;
  }

  .id-copy {
    display: grid;
    gap: 0.5rem;
  }

  .id-copy > label {
    font-weight: 600;
  }

  /* The image to mask: boxes lie on it in percentages, so they follow any width. */
  .stage {
    position: relative;
    max-width: 100%;
    border: 1px solid var(--_border);
    touch-action: none;
    user-select: none;
    cursor: crosshair;
  }

  canvas {
    display: block;
    width: 100%;
    height: auto;
  }

  .mask {
    position: absolute;
    background: #000;
    cursor: move;
    /* Black in every colour mode: a forced-colours theme must not turn the box see-through. */
    forced-color-adjust: none;
  }

  .mask:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 5px #fff;
  }

  .button.secondary {
    background: var(--_bg);
    color: var(--_link);
    border-color: var(--_link);
  }

  .button.secondary:hover {
    background: var(--_bg);
    text-decoration: underline;
  }

  .message p {
    margin: 0;
  }

  .message p + p {
    margin-top: 0.5rem;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
