import { expect, waitUntil } from '@open-wc/testing';
import type { UndeclaredStorageEvent } from '@keuze/core';
import { clearSiteData, closePages, gateDrained, openPage, roundTrip, siteConfig, trackers, type TestPage } from '../../../test/support/pages.js';

/** The chunks of dist/ this page view fetched, by name without hash. */
const chunksLoaded = (page: TestPage): string[] =>
  page.window.performance
    .getEntriesByType('resource')
    .map((entry) => /\/dist\/chunks\/([\w-]+?)-[\w-]{6}\.js$/.exec(entry.name)?.[1])
    .filter((name): name is string => !!name);

const ownLink = '<a href="#" data-keuze-open="preferences">Cookies</a>';
/** Keeps the undeclared-storage events from onEvent, Keuze.on and the DOM. */
const listen = `localStorage.clear(); sessionStorage.clear();
  window.__undeclared = [];
  window.KeuzeConfig = { onEvent: (event) => event.type == 'undeclared-storage' && window.__undeclared.push(['onEvent', event]) };
  document.addEventListener('keuze-undeclared-storage', (event) => window.__undeclared.push(['dom', event.detail]));`;
const received = (page: TestPage): [string, UndeclaredStorageEvent][] => (page.window as unknown as { __undeclared: [string, UndeclaredStorageEvent][] }).__undeclared;

describe('issue 19.5: finding what the config does not declare', () => {
  beforeEach(clearSiteData);
  // Cleared through each test page: the runner's window may not share its storage (Firefox).
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) {
      frame.contentWindow?.localStorage.clear();
      frame.contentWindow?.sessionStorage.clear();
    }
    closePages();
  });

  it('reports each undeclared cookie and storage key once, with a warning naming the category that could list it, and the event', async () => {
    const before = `${listen}
      document.cookie = '_gcl_au=1; path=/';
      document.cookie = 'session_id=1; path=/';
      document.cookie = '_pk_id.1a=1; path=/';
      localStorage.setItem('_hjSessionUser', '1');`;
    const page = await openPage({ config: siteConfig, before, body: ownLink });
    await waitUntil(() => received(page).length >= 2, 'no event', { timeout: 3000 });
    const [onEvent, dom] = received(page);
    expect(onEvent![0]).to.equal('onEvent');
    expect(dom![0]).to.equal('dom');
    expect(dom![1].names.sort()).to.deep.equal(['_gcl_au', '_hjSessionUser', 'session_id']);
    // Nothing was granted yet: the regulator's first finding.
    expect(dom![1].beforeConsent).to.equal(true);
    const warnings = page.logs('warn').filter((text) => text.includes('is not declared in the config'));
    expect(warnings).to.have.length(3);
    expect(warnings.find((text) => text.includes('"_gcl_au"'))).to.include('List it in config.categories.marketing.cookies');
    expect(warnings.find((text) => text.includes('"_hjSessionUser"')))
      .to.include('Web Storage key')
      .and.include('config.categories.analytics.storage');
    expect(warnings.find((text) => text.includes('"session_id"'))).to.include('the necessary category only if it is strictly necessary');
    // _pk_id.1a matches the declared _pk_*; keuze_consent is Keuze's own. Once per page view:
    const listened: UndeclaredStorageEvent[] = [];
    page.keuze.on('undeclared-storage', (event) => void listened.push(event));
    await page.keuze.acceptAll();
    await gateDrained(page);
    await roundTrip();
    expect(page.logs('warn').filter((text) => text.includes('is not declared in the config'))).to.have.length(3);
    expect(listened).to.deep.equal([]);
  });

  it('a name that appears after consent is reported with beforeConsent false, through Keuze.on', async () => {
    const page = await openPage({ config: siteConfig, body: `${ownLink}${trackers}` });
    const listened: UndeclaredStorageEvent[] = [];
    page.keuze.on('undeclared-storage', (event) => void listened.push(event));
    page.window.document.cookie = 'late_tracker=1; path=/';
    await page.keuze.setConsent({ categories: ['analytics'] });
    await waitUntil(() => listened.length, 'no event', { timeout: 3000 });
    expect(listened[0]).to.deep.equal({ type: 'undeclared-storage', names: ['late_tracker'], beforeConsent: false });
  });

  it('a returning visit with nothing undeclared loads nothing for it; detectUndeclared: false turns it off', async () => {
    const first = await openPage({ config: siteConfig, body: `${ownLink}${trackers}` });
    await first.keuze.acceptAll();
    await gateDrained(first);
    closePages();
    const page = await openPage({ config: siteConfig, body: `${ownLink}${trackers}` });
    await gateDrained(page);
    await roundTrip();
    // The trackers set _stats, _pk_id, _hj and _ads: all declared.
    expect(page.logs('warn')).to.deep.equal([]);
    expect(chunksLoaded(page)).to.deep.equal([]);
    closePages();
    const off = await openPage({ config: { ...siteConfig, detectUndeclared: false }, before: "document.cookie = 'session_id=1; path=/'", body: ownLink });
    await roundTrip();
    expect(off.logs('warn').filter((text) => text.includes('is not declared'))).to.deep.equal([]);
    expect(chunksLoaded(off)).not.to.include('diagnostics');
  });
});
