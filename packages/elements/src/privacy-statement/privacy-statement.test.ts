import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, itWithMedia } from '../../../../test/support/engines.js';
import { freshKeuze } from '../../../../test/support/elements.js';
import { roundTrip } from '../../../../test/support/pages.js';
import './define.js';
import { PrivacyStatementHarness } from './privacy-statement.harness.js';
import type { PrivacyStatement } from './privacy-statement.js';

/** The visitor's view of a statement element. */
const view = (element: PrivacyStatement): PrivacyStatementHarness => new PrivacyStatementHarness(element);
const content = (element: PrivacyStatement): HTMLElement => view(element).content();
const ready = (element: PrivacyStatement): Promise<void> => view(element).ready();

const statement = (body: string, front = 'title: Test\nversion: 2\nupdated: 2026-01-01'): string => `---\n${front}\n---\n${body}`;

/** Every element and attribute left in the statement's text. */
function inventory(root: Element): { tags: Set<string>; attributes: Set<string>; hrefs: string[] } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  const hrefs: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    tags.add(element.localName);
    for (const attribute of element.attributes) attributes.add(attribute.name);
    if (element.hasAttribute('href')) hrefs.push(element.getAttribute('href')!);
  }
  return { tags, attributes, hrefs };
}

describe('<keuze-privacy-statement>', () => {
  beforeEach(async () => {
    await freshKeuze();
    await emulateMedia({ colorScheme: 'light' });
  });
  after(() => window.Keuze?.reset());

  it('renders the seed statement: title, version, date, contents and a heading per section', async () => {
    const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement src-nl="/demo/privacy.nl.md" src-en="/demo/privacy.en.md"></keuze-privacy-statement>`);
    await ready(element);
    const root = element.shadowRoot!;
    expect(root.querySelector('h1')!.textContent).to.equal('Privacyverklaring Basecone');
    expect(root.querySelector('[part~="meta"]')!.textContent).to.include('Versie 16-09-2016');
    expect(root.querySelector('[part~="meta"]')!.textContent).to.include('Laatst gewijzigd op 2 september 2016');
    expect(root.querySelectorAll('h1')).to.have.length(1);
    const sections = [...content(element).querySelectorAll('h2')].map((heading) => heading.id);
    expect(sections).to.include.members([
      'gebruik-van-persoonsgegevens',
      'cookies',
      'beveiliging',
      'cameratoezicht',
      'bewaartermijnen',
      'minderjarigen',
      'autoriteit-persoonsgegevens',
      'contactgegevens',
    ]);
    const toc = [...root.querySelectorAll('[part~="toc"] a')].map((link) => link.getAttribute('href'));
    expect(toc).to.deep.equal(sections.map((id) => `#${id}`));
    // One h1, then h2 sections: the levels a screen reader expects.
    expect(root.querySelectorAll('h1')).to.have.length(1);
    expect(content(element).querySelector('h1')).to.equal(null);
  });

  it('switching language keeps the reader at the same section', async () => {
    const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement src-nl="/demo/privacy.nl.md" src-en="/demo/privacy.en.md"></keuze-privacy-statement>`);
    await ready(element);
    const dutch = [...content(element).querySelectorAll('h2')];
    const index = dutch.findIndex((heading) => heading.id == 'bewaartermijnen');
    dutch[index]!.scrollIntoView();
    await window.Keuze!.setLanguage('en');
    await waitUntil(() => element.shadowRoot!.querySelector('h1')?.textContent == 'Basecone Privacy Statement', 'no English statement', { timeout: 4000 });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const english = [...content(element).querySelectorAll('h2')];
    expect(english).to.have.length(dutch.length);
    expect(Math.abs(english[index]!.getBoundingClientRect().top)).to.be.below(20);
    await window.Keuze!.setLanguage('nl');
  });

  it('a failed fetch says so in the page language, links the file, and retries', async () => {
    const url = `/__flaky/${Date.now()}.md?body=${encodeURIComponent(statement('## Eerste sectie'))}`;
    const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement src=${url}></keuze-privacy-statement>`);
    await ready(element);
    const error = element.shadowRoot!.querySelector('[part~="error"]')!;
    expect(error.querySelector('[role="alert"]')!.textContent).to.equal('De privacyverklaring kon niet worden geladen.');
    // The page still has its h1 (the statement is the page's title).
    expect(error.querySelector('h1')!.textContent).to.equal('Privacyverklaring');
    expect(error.querySelector('a')!.getAttribute('href')).to.equal(url);
    error.querySelector('button')!.focus();
    error.querySelector('button')!.click();
    await waitUntil(() => content(element)?.querySelector('#eerste-sectie'), 'the retry did not load the statement', { timeout: 4000 });
    // Focus moves to what replaced the retry button, not to the page's start.
    expect(element.shadowRoot!.activeElement?.localName).to.equal('h1');
  });

  it('a slow file times out with the same message', async () => {
    const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement src="/__slow" timeout="300"></keuze-privacy-statement>`);
    expect(element.shadowRoot!.querySelector('[part~="placeholder"]')).not.to.equal(null);
    await waitUntil(() => element.shadowRoot!.querySelector('[part~="error"]'), 'no timeout', { timeout: 3000 });
  });

  it('a 404 fails the same way', async () => {
    const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement src="/demo/nothing-here.md"></keuze-privacy-statement>`);
    await ready(element);
    expect(element.shadowRoot!.querySelector('[part~="error"]')).not.to.equal(null);
  });

  it('reads inline statements from <template lang> children', async () => {
    const element = document.createElement('keuze-privacy-statement');
    for (const [lang, source] of [
      ['nl', statement('## Doelen\n\nWij verwerken **weinig**.', 'title: Inline NL\nversion: 1\nupdated: 2020-01-01')],
      ['en', statement('## Purposes', 'title: Inline EN\nversion: 1\nupdated: 2020-01-01')],
    ] as const) {
      const template = Object.assign(document.createElement('template'), { lang });
      template.content.append(source);
      element.append(template);
    }
    await fixture(element);
    await ready(element);
    expect(element.shadowRoot!.querySelector('h1')!.textContent).to.equal('Inline NL');
    expect(content(element).querySelector('strong')!.textContent).to.equal('weinig');
  });

  it('notes a statement changed since the visitor last chose, and links their settings', async () => {
    await window.Keuze!.rejectAll();
    const newer = await fixture<PrivacyStatement>(html`<keuze-privacy-statement .markdown=${statement('## A', 'title: T\nversion: 3\nupdated: 2999-01-01')}></keuze-privacy-statement>`);
    await ready(newer);
    const note = newer.shadowRoot!.querySelector('[part~="changed"]')!;
    expect(note.textContent).to.include('gewijzigd sinds je je cookiekeuze hebt gemaakt');
    note.querySelector('button')!.click();
    await waitUntil(() => document.querySelector('keuze-cookie-preferences')?.shadowRoot?.querySelector('dialog[open]'), 'the note did not open the settings');
    document.querySelector('keuze-cookie-preferences')!.close();
    const older = await fixture<PrivacyStatement>(html`<keuze-privacy-statement .markdown=${statement('## A', 'title: T\nversion: 1\nupdated: 2001-01-01')}></keuze-privacy-statement>`);
    await ready(older);
    expect(older.shadowRoot!.querySelector('[part~="changed"]')).to.equal(null);
  });

  it('a malformed link does not break the statement', async () => {
    const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement .markdown=${statement('## Eerste\n\nZie [dit](http://[kapot) en [dat](/privacy).')}></keuze-privacy-statement>`);
    await ready(element);
    expect(content(element).querySelector('#eerste')).not.to.equal(null);
    expect(content(element).querySelector('a[href="/privacy"]')).not.to.equal(null);
  });

  it('a # heading in the text becomes an h2 under the title, and joins the contents', async () => {
    const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement .markdown=${statement('# Doelen\n\n## Details\n\n# Rechten')}></keuze-privacy-statement>`);
    await ready(element);
    expect(element.shadowRoot!.querySelectorAll('h1')).to.have.length(1);
    expect([...content(element).querySelectorAll('h2, h3')].map((heading) => heading.localName + '#' + heading.id)).to.deep.equal(['h2#doelen', 'h3#details', 'h2#rechten']);
    expect(element.shadowRoot!.querySelectorAll('[part~="toc"] li')).to.have.length(2);
  });

  it('a statement that opens with its own # Title: the title once, and every ## section in the contents', async () => {
    const markdown = statement('# Privacyverklaring Test\n\nIntro.\n\n## Wie wij zijn\n\n### Adres\n\n## Je rechten\n\n#### Diep', 'title: Privacyverklaring Test\nversion: 2');
    const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement .markdown=${markdown}></keuze-privacy-statement>`);
    await ready(element);
    const root = element.shadowRoot!;
    expect([...root.querySelectorAll('h1')].map((heading) => heading.textContent)).to.deep.equal(['Privacyverklaring Test']);
    expect([...root.querySelectorAll('[part~="toc"] li')].map((item) => item.textContent)).to.deep.equal(['Wie wij zijn', 'Je rechten']);
    expect([...content(element).querySelectorAll('h2, h3, h4, h5, h6')].map((heading) => heading.localName)).to.deep.equal(['h2', 'h3', 'h2', 'h4']);
  });

  it('takes the title from a lone # Title when the front matter has none; sections that start at ### still make the contents', async () => {
    const untitled = await fixture<PrivacyStatement>(
      html`<keuze-privacy-statement .markdown=${statement('# Onze privacyverklaring\n\n## Doelen\n\n## Rechten', 'version: 2')}></keuze-privacy-statement>`,
    );
    await ready(untitled);
    expect([...untitled.shadowRoot!.querySelectorAll('h1')].map((heading) => heading.textContent)).to.deep.equal(['Onze privacyverklaring']);
    expect(untitled.shadowRoot!.querySelectorAll('[part~="toc"] li')).to.have.length(2);
    const deep = await fixture<PrivacyStatement>(html`<keuze-privacy-statement .markdown=${statement('### Doelen\n\n#### Details\n\n### Rechten')}></keuze-privacy-statement>`);
    await ready(deep);
    expect([...content(deep).querySelectorAll('h2, h3')].map((heading) => heading.localName)).to.deep.equal(['h2', 'h3', 'h2']);
    expect(deep.shadowRoot!.querySelectorAll('[part~="toc"] li')).to.have.length(2);
  });

  it('the "changed" note goes once the visitor has opened their settings from it', async () => {
    await window.Keuze!.rejectAll();
    const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement .markdown=${statement('## A', 'title: T\nversion: 3\nupdated: 2999-01-01')}></keuze-privacy-statement>`);
    await ready(element);
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="changed"] button')!.click();
    await waitUntil(() => document.querySelector('keuze-cookie-preferences')?.shadowRoot?.querySelector('dialog[open]'));
    document.querySelector('keuze-cookie-preferences')!.close();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part~="changed"]')).to.equal(null);
  });

  it('a #cookies link in the text opens the cookie settings', async () => {
    await window.Keuze!.rejectAll();
    const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement .markdown=${statement('Zie [je cookie-instellingen](#cookies).\n\n## Cookies')}></keuze-privacy-statement>`);
    await ready(element);
    content(element).querySelector<HTMLAnchorElement>('a[href="#cookies"]')!.click();
    await waitUntil(() => document.querySelector('keuze-cookie-preferences')?.shadowRoot?.querySelector('dialog[open]'), 'no settings dialog');
    document.querySelector('keuze-cookie-preferences')!.close();
  });

  it('runs nothing from an XSS corpus and keeps only the safe elements and attributes', async () => {
    const corpus = [
      '<script>window.__xss = 1</script>',
      '<img src=x onerror="window.__xss = 2">',
      '[a](javascript:window.__xss=3)',
      '[b](JaVaScRiPt:window.__xss=4)',
      '[c](java&#x09;script:window.__xss=5)',
      '[d]( javascript:window.__xss=6)',
      '<a href="&#106;avascript:window.__xss=7">e</a>',
      '<svg onload="window.__xss = 8"><circle r="1"/></svg>',
      '<iframe src="javascript:window.__xss=9"></iframe>',
      '<iframe srcdoc="<script>parent.__xss=10</script>"></iframe>',
      '<style>body { background: url(javascript:window.__xss=11) }</style>',
      '<p style="background: url(javascript:window.__xss=12)">styled</p>',
      '[f](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTM8L3NjcmlwdD4=)',
      '<a href="data:text/html,<script>parent.__xss=14</script>">g</a>',
      '<object data="javascript:window.__xss=15"></object>',
      '<embed src="javascript:window.__xss=16">',
      '<form action="javascript:window.__xss=17"><button>h</button></form>',
      '<details open ontoggle="window.__xss=18">i</details>',
      '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=19"></style></mglyph></table></mtext></math>',
      '<a href="https://example.org" onclick="window.__xss=20">j</a>',
      '![k](javascript:window.__xss=21)',
      '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=22">',
      '<base href="javascript:window.__xss=23//">',
      '<link rel="stylesheet" href="javascript:window.__xss=24">',
      '<input autofocus onfocus="window.__xss=25">',
    ].join('\n\n');
    const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement .markdown=${statement(`## Corpus\n\n${corpus}`)}></keuze-privacy-statement>`);
    await ready(element);
    // An image or link the sanitizer let through would have asked the server before this request is answered.
    await roundTrip();
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
    const { tags, attributes, hrefs } = inventory(content(element));
    const safeTags = ['h2', 'p', 'a', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'br', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del', 'b', 'i'];
    expect(
      [...tags].filter((tag) => !safeTags.includes(tag)),
      'unsafe elements',
    ).to.deep.equal([]);
    expect(
      [...attributes].filter((name) => !['href', 'id', 'rel', 'title', 'start'].includes(name)),
      'unsafe attributes',
    ).to.deep.equal([]);
    expect(
      hrefs.filter((href) => !/^(https?:|mailto:|#|\/)/.test(href)),
      'unsafe links',
    ).to.deep.equal([]);
  });

  it('gives links to other sites rel="noopener noreferrer", and a new tab only when asked', async () => {
    const markdown = statement('[site](https://example.org/x) and [here](/privacy)');
    const same = await fixture<PrivacyStatement>(html`<keuze-privacy-statement .markdown=${markdown}></keuze-privacy-statement>`);
    await ready(same);
    const external = content(same).querySelector('a[href^="https"]')!;
    expect(external.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(external.hasAttribute('target')).to.equal(false);
    expect(content(same).querySelector('a[href="/privacy"]')!.hasAttribute('rel')).to.equal(false);
    const newTab = await fixture<PrivacyStatement>(html`<keuze-privacy-statement external-links="new-tab" .markdown=${markdown}></keuze-privacy-statement>`);
    await ready(newTab);
    expect(content(newTab).querySelector('a[href^="https"]')!.getAttribute('target')).to.equal('_blank');
  });

  for (const [lang, colorScheme] of [
    ['nl', 'light'],
    ['en', 'light'],
    ['nl', 'dark'],
    ['en', 'dark'],
  ] as const) {
    itWithMedia({ colorScheme })(`has no axe violations with the seed statement: ${lang}, ${colorScheme}`, async () => {
      await emulateMedia({ colorScheme });
      await window.Keuze!.setLanguage(lang);
      const element = await fixture<PrivacyStatement>(html`<keuze-privacy-statement src-nl="/demo/privacy.nl.md" src-en="/demo/privacy.en.md"></keuze-privacy-statement>`);
      await ready(element);
      await expect(element).to.be.accessible();
      await window.Keuze!.setLanguage('nl');
    });
  }
});
