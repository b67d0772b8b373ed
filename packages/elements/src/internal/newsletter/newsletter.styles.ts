import { css } from 'lit';

/** Form styles shared by the newsletter elements. */
export const formStyles = css`
  :host {
    display: block;
    max-width: var(--keuze-form-max-width, 32rem);
    color: var(--_text);
    background: var(--_bg);
  }

  form,
  .panel {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  label {
    font-weight: 600;
  }

  input[type='email'] {
    display: block;
    width: 100%;
    margin-top: 0.25rem;
    padding: 0.5rem 0.75rem;
  }

  input[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    margin-bottom: 0.25rem;
    font-weight: 600;
  }

  .check {
    display: flex;
    gap: 0.6rem;
    align-items: flex-start;
    padding-block: 0.3rem;
    font-weight: normal;
  }

  .check input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    accent-color: var(--_button-bg);
  }

  .check label {
    font-weight: normal;
  }

  .hint {
    display: block;
    color: var(--_muted);
    font-size: 0.9em;
  }

  fieldset > .hint {
    margin: 0.25rem 0 0;
  }

  /* Its own line, and a target of at least 24 by 24 px (WCAG 2.5.8), clear of the labels above. */
  .privacy {
    margin: 0;
  }

  .privacy a {
    display: inline-block;
    min-height: 1.5rem;
    padding-block: 0.125rem;
  }

  .error {
    margin: 0;
    color: var(--_error);
    font-weight: 600;
  }

  .error:empty {
    display: none;
  }

  .message {
    margin: 0;
    outline: none;
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--_button-bg);
    background: var(--_bg);
  }

  .message.failure {
    border-color: var(--_error);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.85;
  }

  .link-button {
    min-height: 1.5rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_link);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }

  /* Kept out of sight and out of the Tab order; bots fill it in, people never see it. */
  .honeypot {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
