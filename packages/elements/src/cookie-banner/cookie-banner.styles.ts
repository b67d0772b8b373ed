import { css } from 'lit';

export const bannerStyles = css`
  :host {
    display: contents;
  }

  :host([layout='inline']) {
    display: block;
  }

  .banner {
    /*
     * No cookie wall (WCAG 1.4.10): the page keeps at least half of a short viewport (400 % zoom
     * leaves 320 × 256 px) and 20rem of a tall one; the banner scrolls inside itself beyond that.
     */
    --_max-height: max(50vh, 100vh - 20rem);
    z-index: var(--_z);
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 1.25);
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    overflow-y: auto;
    /* One column that may shrink below its longest word, so a long word wraps instead of widening the banner. */
    grid-template-columns: minmax(0, 1fr);
  }

  .box {
    position: fixed;
    inset-block-end: var(--_space);
    inset-inline-end: var(--_space);
    width: min(30rem, calc(100vw - 2 * var(--_space)));
    max-height: min(calc(100vh - 2 * var(--_space)), var(--_max-height));
  }

  .bar {
    position: fixed;
    inset-inline: 0;
    inset-block-end: 0;
    max-height: var(--_max-height);
    border-radius: 0;
    border-width: 1px 0 0;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    padding-inline: max(var(--_space), calc((100vw - 72rem) / 2));
  }

  .bar h2 {
    grid-column: 1 / -1;
  }

  .inline {
    box-shadow: none;
  }

  h2 {
    margin: 0;
    font-size: 1.15em;
  }

  p {
    margin: 0;
  }

  .buttons {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: calc(var(--_space) * 0.5);
  }

  /* Accept and reject side by side at the same size; "choose" below them where three do not fit. */
  .box .buttons {
    grid-template-columns: 1fr 1fr;
  }

  .box [part~='choose'] {
    grid-column: 1 / -1;
  }

  .bar .buttons {
    grid-template-columns: repeat(3, 1fr);
  }

  @media (max-width: 48rem) {
    .bar {
      grid-template-columns: minmax(0, 1fr);
    }
    .bar .buttons {
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    }
  }

  /* A printed page shows the page, not the question. */
  @media print {
    .box,
    .bar {
      display: none;
    }
  }

  /*
   * Only an entrance, and only a short slide: the banner is opaque (readable, and counted as
   * shown) from its first frame, and a choice hides it at once, whatever the motion setting.
   */
  @media (prefers-reduced-motion: no-preference) {
    .box,
    .bar {
      animation: keuze-enter 0.2s ease-out;
    }
    @keyframes keuze-enter {
      from {
        transform: translateY(0.75rem);
      }
    }
  }
`;
