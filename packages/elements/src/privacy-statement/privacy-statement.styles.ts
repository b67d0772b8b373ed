import { css } from 'lit';

export const statementStyles = css`
  /* Its own background: the text colours follow the Keuze theme, which may differ from the page's. */
  :host {
    display: block;
    max-width: var(--keuze-statement-max-width, 42rem);
    color: var(--_text);
    background: var(--_bg);
    line-height: 1.65;
  }

  /* As tall as a screen while loading, so the text arriving moves nothing the reader can see. */
  .placeholder {
    min-height: 100vh;
    color: var(--_muted);
  }

  h1 {
    margin: 0 0 0.25em;
    font-size: 2em;
  }

  h2 {
    margin: 1.75em 0 0.5em;
    font-size: 1.35em;
    scroll-margin-top: 1rem;
  }

  h3 {
    font-size: 1.1em;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
    margin: 0 0 1em;
    color: var(--_muted);
  }

  .changed {
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_button-bg);
    background: color-mix(in srgb, var(--_button-bg) 10%, var(--_bg));
  }

  .toc {
    margin: 1.5em 0;
    padding: 1em 1.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .toc h2 {
    margin: 0 0 0.5em;
    font-size: 1.1em;
  }

  .toc ol {
    margin: 0;
    padding-inline-start: 1.25em;
  }

  .toc li {
    padding-block: 0.15em;
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  .error {
    padding: 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  button.link {
    min-height: 1.5rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_link);
    font-weight: inherit;
    text-decoration: underline;
  }

  .error a {
    margin-inline-start: 1em;
  }

  @media print {
    :host {
      max-width: none;
      color: #000;
      background: none;
    }
    .toc,
    .changed,
    button {
      display: none;
    }
    a {
      color: inherit;
    }
    .content a[href^='http']::after {
      content: ' (' attr(href) ')';
      font-size: 0.9em;
    }
    h2 {
      break-after: avoid;
    }
  }
`;
