import { expect, waitUntil } from '@open-wc/testing';
import { clearSiteData, closePages, gateDrained, openPage, roundTrip, siteConfig, type TestPage } from '../../../test/support/pages.js';

/** The chunks of dist/ this page view fetched, by name without hash. */
const chunksLoaded = (page: TestPage): string[] =>
  page.window.performance
    .getEntriesByType('resource')
    .map((entry) => /\/dist\/chunks\/([\w-]+?)-[\w-]{6}\.js$/.exec(entry.name)?.[1])
    .filter((name): name is string => !!name);

const ownLink = '<footer><a href="#cookies" data-keuze-open="preferences">Cookie-instellingen</a></footer>';

/** A second page view after a stored choice. */
async function returningVisit(config: object, body = ''): Promise<TestPage> {
  const first = await openPage({ config, body });
  await first.keuze.rejectAll();
  closePages();
  return openPage({ config, body });
}

const settingsButton = (page: TestPage): Element | null | undefined => page.document.querySelector('keuze-reopen-button')?.shadowRoot?.querySelector('button');

describe('issue 19.7: a way to withdraw on every page', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('by default (reopenButton "auto") a page without its own settings link gets the settings button', async () => {
    const page = await returningVisit(siteConfig);
    await waitUntil(() => settingsButton(page), 'no settings button', { timeout: 3000 });
    expect(page.keuze.config.reopenButton).to.equal('auto');
  });

  it('a page with its own data-keuze-open link gets no button, and a returning visit loads the loader alone', async () => {
    const page = await returningVisit(siteConfig, ownLink);
    await gateDrained(page);
    await roundTrip();
    expect(page.document.querySelector('keuze-reopen-button')).to.equal(null);
    expect(chunksLoaded(page)).to.deep.equal([]);
  });

  it('reopenButton: true adds the button even beside the site’s own link', async () => {
    const page = await returningVisit({ ...siteConfig, reopenButton: true }, ownLink);
    await waitUntil(() => settingsButton(page), 'no settings button', { timeout: 3000 });
  });

  it('reopenButton: false adds none, and warns when the page has no link of its own', async () => {
    const page = await openPage({ config: { ...siteConfig, reopenButton: false } });
    await page.keuze.rejectAll();
    await waitUntil(() => page.logs('warn').some((text) => text.startsWith('[keuze] config.reopenButton: false')), 'no warning', { timeout: 3000 });
    expect(page.logs('warn').filter((text) => text.includes('config.reopenButton: false'))).to.have.length(1);
    await roundTrip();
    expect(page.document.querySelector('keuze-reopen-button')).to.equal(null);
    const withLink = await openPage({ config: { ...siteConfig, reopenButton: false }, body: ownLink });
    await withLink.keuze.validConfig();
    await roundTrip();
    expect(withLink.logs('warn').filter((text) => text.includes('config.reopenButton: false'))).to.deep.equal([]);
  });
});

describe('issue 19.7: warnings for a config a site should not ship', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('one warning per missing privacyUrl, label and description, naming the key', async () => {
    const { privacyUrl: _unused, ...withoutPrivacyUrl } = siteConfig;
    const config = {
      ...withoutPrivacyUrl,
      categories: {
        ...siteConfig.categories,
        // A name Keuze has no texts for, and a service with neither label nor description.
        video: { services: { youtube: { cookies: ['YSC'] } } },
        // Texts from translations count.
        social: { label: 'Social media' },
      },
      translations: { en: { 'category.social.description': 'Share buttons.' } },
    };
    const page = await openPage({ config });
    await page.keuze.validConfig();
    const expected = [
      'config.privacyUrl: missing',
      'config.categories.video.label: missing',
      'config.categories.video.description: missing',
      'config.categories.video.services.youtube.label: missing',
      'config.categories.video.services.youtube.description: missing',
    ];
    await waitUntil(() => expected.every((start) => page.logs('warn').some((text) => text.startsWith(`[keuze] ${start}`))), `warnings: ${page.logs('warn').join(' / ')}`, { timeout: 3000 });
    const missing = page.logs('warn').filter((text) => text.includes(': missing;'));
    expect(missing.map((text) => text.slice('[keuze] '.length, text.indexOf(';')))).to.have.members(expected);
    // Keuze's own category names (necessary, analytics, marketing) and labelled services are fine.
    expect(missing.some((text) => text.includes('categories.social') || text.includes('categories.analytics'))).to.equal(false);
  });

  it('a lang Keuze has no texts for is named, with the languages there are', async () => {
    const page = await openPage({ config: { ...siteConfig, lang: 'fr', translations: { de: { 'banner.title': 'Cookies' } } } });
    await page.keuze.validConfig();
    await waitUntil(() => page.logs('warn').some((text) => text.startsWith('[keuze] config.lang')), `warnings: ${page.logs('warn').join(' / ')}`, { timeout: 3000 });
    const warning = page.logs('warn').find((text) => text.startsWith('[keuze] config.lang'))!;
    expect(warning).to.include('"fr"');
    expect(warning).to.include('nl, en, de');
    // A language with texts (shipped, a regional variant of one, or added in translations) is fine.
    for (const lang of ['nl', 'en-GB', 'de']) {
      // A service without a description: its warning comes from the same check, so once it is there, all are.
      const categories = { ...siteConfig.categories, video: { services: { youtube: { label: 'YouTube' } } } };
      const fine = await openPage({ config: { ...siteConfig, categories, lang, translations: { de: { 'banner.title': 'Cookies' } } } });
      await fine.keuze.validConfig();
      await waitUntil(() => fine.logs('warn').some((text) => text.includes('youtube.description')), `warnings: ${fine.logs('warn').join(' / ')}`, { timeout: 3000 });
      expect(
        fine.logs('warn').filter((text) => text.includes('config.lang')),
        lang,
      ).to.deep.equal([]);
    }
  });

  it('a locked category listing a known tracking cookie is named once (see also robustness.test.ts)', async () => {
    const config = { ...siteConfig, categories: { ...siteConfig.categories, necessary: { cookies: ['session', '_gcl_au', '_clck'] } } };
    const page = await openPage({ config });
    await page.keuze.validConfig();
    await waitUntil(() => page.logs('warn').some((text) => text.includes('config.categories.necessary')), 'no warning', { timeout: 3000 });
    const warnings = page.logs('warn').filter((text) => text.includes('config.categories.necessary'));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('_gcl_au, _clck');
  });
});
