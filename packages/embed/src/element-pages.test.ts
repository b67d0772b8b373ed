import { expect } from '@open-wc/testing';
import { clearSiteData, closePages, openPage, siteConfig, type TestPage } from '../../../test/support/pages.js';

/**
 * Issue 16: a page with a keuze-* element gets that element's whole graph one round trip after
 * the loader. A module loader finds a file's static imports only once the file has arrived, so
 * without the loader's list the element's chunk would wait for `ui` (which defines it), and the
 * chunks it imports for the element's chunk: a round trip per layer on a phone network.
 */

/** The files a built chunk imports statically, however deep, by URL (keuze.js, the entry, left out). */
async function staticGraph(url: string, seen = new Set<string>()): Promise<Set<string>> {
  const code = await (await fetch(url)).text();
  // `import{a as b}from"./x.js"` and `import"./x.js"`; not `import("./x.js")`, which loads later.
  for (const [, specifier] of code.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+)"/g)) {
    const imported = new URL(specifier!, url).href;
    if (seen.has(imported) || imported.endsWith('/dist/keuze.js')) continue;
    seen.add(imported);
    await staticGraph(imported, seen);
  }
  return seen;
}

/**
 * When the ui chunk ran: it defines the banner. (Not when it arrived: from the browser's cache, as
 * on a returning visit, it arrives at once, and WebKit then reports the other requests as later.)
 */
const uiRan = "customElements.whenDefined('keuze-cookie-banner').then(() => (window.uiRan = performance.now()));";

const returningVisit = async (body: string): Promise<TestPage> => {
  // The site's own settings link: no settings button, whose chunk would come along.
  const options = { config: siteConfig, before: uiRan, body: `<a href="#" data-keuze-open="preferences">Cookies</a>${body}` };
  const first = await openPage(options);
  await first.keuze.rejectAll();
  closePages();
  return openPage(options);
};

const pages = {
  'keuze-privacy-statement': '<keuze-privacy-statement><template lang="nl">---\ntitle: Privacyverklaring\nversion: 1\nupdated: 2016-09-02\n---\n## Doelen</template></keuze-privacy-statement>',
  'keuze-cookie-declaration': '<keuze-cookie-declaration></keuze-cookie-declaration>',
  'keuze-newsletter-signup': '<keuze-newsletter-signup></keuze-newsletter-signup>',
  'keuze-newsletter-preferences': '<keuze-newsletter-preferences></keuze-newsletter-preferences>',
  'keuze-privacy-request': '<keuze-privacy-request></keuze-privacy-request>',
};

describe('element pages: one round trip after the loader', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  for (const [tag, body] of Object.entries(pages)) {
    it(`<${tag}>: every file of its graph is asked for before the ui chunk has run`, async () => {
      const page = await returningVisit(body);
      await page.window.customElements.whenDefined(tag);
      const requests = page.window.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const chunk = (name: string): PerformanceResourceTiming | undefined => requests.find((entry) => new RegExp(`/dist/chunks/${name}-[\\w-]{6}\\.js$`).test(entry.name));
      const own = chunk(tag.slice('keuze-'.length))!;
      expect(own, "the element's chunk").to.not.equal(undefined);
      const graph = [own.name, ...(await staticGraph(own.name))].filter((url) => !/\/chunks\/ui-/.test(url));
      expect(graph.length).to.be.greaterThan(0);
      const ran = (page.window as unknown as { uiRan: number }).uiRan;
      expect(ran).to.be.a('number');
      const late = graph.filter((url) => !(requests.find((entry) => entry.name == url)!.startTime < ran)).map((url) => url.split('/').pop());
      expect(late, 'asked for only once the ui chunk had run').to.deep.equal([]);
    });
  }
});
