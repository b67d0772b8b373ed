import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { freshKeuze } from '../../../../test/support/elements.js';
import './define.js';
import type { PrivacyStatement } from './privacy-statement.js';

// eslint-disable-next-line no-control-regex -- the control characters a browser drops from a URL's scheme
const DROPPED_FROM_SCHEME = /[\s\0-\x1f]/g;

/**
 * Issue 14.13: the statement viewer against hostile or odd input: its source URL, the page's
 * fragment, section titles and the markdown property set again.
 */
const ready = (element: PrivacyStatement): Promise<unknown> => waitUntil(() => element.shadowRoot?.querySelector('[part~="base"], [part~="error"]'), 'the statement did not render', { timeout: 4000 });
const statement = (body: string, title = 'Test'): string => `---\ntitle: ${title}\nversion: 2\nupdated: 2026-01-01\n---\n${body}`;

describe('<keuze-privacy-statement> and hostile input (issue 14.13)', () => {
  beforeEach(freshKeuze);

  for (const src of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>']) {
    it(`src=${JSON.stringify(src)} never becomes a link`, async () => {
      const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement src=${src}></keuze-privacy-statement>`);
      await ready(element);
      for (const link of element.shadowRoot!.querySelectorAll('a[href]')) {
        expect(link.getAttribute('href')!.replace(DROPPED_FROM_SCHEME, '').toLowerCase()).not.to.match(/^(javascript|vbscript|data):/);
      }
    });
  }

  for (const fragment of ['#%E0%A4%A', '#%', '#%ZZ', '#%C0%80']) {
    it(`a page opened at ${fragment} shows the statement, without an error`, async () => {
      const errors: string[] = [];
      const record = (event: ErrorEvent | PromiseRejectionEvent): void => void errors.push(String('message' in event ? event.message : event.reason));
      window.addEventListener('error', record);
      window.addEventListener('unhandledrejection', record);
      const before = location.href;
      history.replaceState(null, '', fragment);
      try {
        const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement .markdown=${statement('## Eerste sectie')}></keuze-privacy-statement>`);
        await ready(element);
        // An error in the update that scrolls to the fragment rejects this.
        await element.updateComplete;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expect(element.shadowRoot!.querySelector('#eerste-sectie')).not.to.equal(null);
        expect(errors).to.deep.equal([]);
      } finally {
        history.replaceState(null, '', before);
        window.removeEventListener('error', record);
        window.removeEventListener('unhandledrejection', record);
      }
    });
  }

  it('sections titled like the viewer’s own headings get ids of their own', async () => {
    const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement .markdown=${statement('## TOC title\n\n## Statement title\n\n## Inhoud')}></keuze-privacy-statement>`);
    await ready(element);
    const ids = [...element.shadowRoot!.querySelectorAll('[id]')].map((item) => item.id);
    expect(new Set(ids).size, ids.join(', ')).to.equal(ids.length);
    // The contents are still labelled by their own heading.
    const toc = element.shadowRoot!.querySelector('[part~="toc"]')!;
    expect(element.shadowRoot!.getElementById(toc.getAttribute('aria-labelledby')!)!.textContent).to.equal('Inhoud');
    const links = [...toc.querySelectorAll('a')].map((link) => element.shadowRoot!.getElementById(link.getAttribute('href')!.slice(1))?.textContent);
    expect(links).to.deep.equal(['TOC title', 'Statement title', 'Inhoud']);
  });

  it('setting the markdown property again shows the new text', async () => {
    const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement .markdown=${statement('## Eerste', 'Versie een')}></keuze-privacy-statement>`);
    await ready(element);
    expect(element.shadowRoot!.querySelector('h1')!.textContent).to.equal('Versie een');
    element.markdown = statement('## Tweede', 'Versie twee');
    await waitUntil(() => element.shadowRoot!.querySelector('h1')?.textContent == 'Versie twee', 'still the first text', { timeout: 2000 });
    expect(element.shadowRoot!.querySelector('#tweede')).not.to.equal(null);
    element.markdown = { nl: statement('## Derde', 'Versie drie'), en: statement('## Third', 'Version three') };
    await waitUntil(() => element.shadowRoot!.querySelector('h1')?.textContent == 'Versie drie', 'still the second text', { timeout: 2000 });
  });
});
