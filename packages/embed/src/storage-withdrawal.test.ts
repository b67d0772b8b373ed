import { expect, waitUntil } from '@open-wc/testing';
import { clearSiteData, closePages, openPage, siteConfig, type TestPage } from '../../../test/support/pages.js';

const config = {
  ...siteConfig,
  categories: {
    ...siteConfig.categories,
    analytics: {
      ...siteConfig.categories.analytics,
      storage: ['stats_visits'],
      services: {
        ...siteConfig.categories.analytics.services,
        hotjar: { ...siteConfig.categories.analytics.services.hotjar, storage: ['_hjSession*'] },
      },
    },
    marketing: { ...siteConfig.categories.marketing, storage: ['ads_*'] },
  },
};

/** The page's Web Storage keys, per area, sorted. */
const keys = (page: TestPage): { local: string[]; session: string[] } => ({
  local: Object.keys(page.window.localStorage).sort(),
  session: Object.keys(page.window.sessionStorage).sort(),
});

const fill = `
  for (const area of [localStorage, sessionStorage]) {
    area.clear();
    for (const key of ['stats_visits', '_hjSession_123', '_hjSessionUser', 'ads_id', 'ads_seen', 'cart', 'stats_visits_other']) area.setItem(key, '1');
  }`;

describe('issue 19.4: withdrawal clears Web Storage too', () => {
  beforeEach(clearSiteData);
  // Cleared through each test page: the runner's window may not share its storage (Firefox).
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) {
      frame.contentWindow?.localStorage.clear();
      frame.contentWindow?.sessionStorage.clear();
    }
    closePages();
  });

  it('deletes the storage keys of a withdrawn category and service, by name and prefix, in both areas', async () => {
    const page = await openPage({ config, before: fill });
    await page.keuze.acceptAll();
    const all = ['_hjSessionUser', '_hjSession_123', 'ads_id', 'ads_seen', 'cart', 'stats_visits', 'stats_visits_other'];
    expect(keys(page)).to.deep.equal({ local: all, session: all });
    await page.keuze.setConsent({ categories: ['analytics', 'marketing'], services: { analytics: ['matomo'] } });
    const withoutHotjar = ['ads_id', 'ads_seen', 'cart', 'stats_visits', 'stats_visits_other'];
    expect(keys(page)).to.deep.equal({ local: withoutHotjar, session: withoutHotjar });
    await page.keuze.rejectAll();
    // A name is exact (stats_visits_other is not declared); a pattern ends in *.
    expect(keys(page)).to.deep.equal({ local: ['cart', 'stats_visits_other'], session: ['cart', 'stats_visits_other'] });
  });

  it('the first choice and reset() clear what a refused category left', async () => {
    const page = await openPage({ config, before: fill });
    await page.keuze.setConsent({ categories: ['analytics'] });
    expect(keys(page).local).to.deep.equal(['_hjSessionUser', '_hjSession_123', 'cart', 'stats_visits', 'stats_visits_other']);
    await page.keuze.reset();
    expect(keys(page).local).to.deep.equal(['cart', 'stats_visits_other']);
    expect(keys(page).session).to.deep.equal(['cart', 'stats_visits_other']);
  });

  it('the cookie declaration lists the storage keys beside the cookies, in Dutch and English', async () => {
    const page = await openPage({ config, body: '<a href="#" data-keuze-open="preferences">Cookies</a><keuze-cookie-declaration></keuze-cookie-declaration>' });
    const root = (): ShadowRoot | null | undefined => page.document.querySelector('keuze-cookie-declaration')?.shadowRoot;
    await waitUntil(() => root()?.querySelector('table'), 'no declaration', { timeout: 3000 });
    const rows = (): string[] => [...root()!.querySelectorAll('tbody th')].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim());
    expect(rows()).to.include('stats_visits (opgeslagen in de browser: localStorage of sessionStorage)');
    expect(rows()).to.include('_hjSession* (opgeslagen in de browser: localStorage of sessionStorage)');
    expect(rows()).to.include('ads_* (opgeslagen in de browser: localStorage of sessionStorage)');
    expect(rows()).to.include('_stats');
    await page.keuze.setLanguage('en');
    await waitUntil(() => rows().includes('ads_* (stored in the browser: localStorage or sessionStorage)'), 'not in English', { timeout: 3000 });
  });
});
