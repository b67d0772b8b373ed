import { expect, waitUntil } from '@open-wc/testing';
import { clearSiteData, closePages, openPage, roundTrip, siteConfig, type TestPage } from '../../../test/support/pages.js';

/**
 * Issue 16: on a first visit nothing on the banner's path waits for the config validator. The
 * banner shows from core's quick read of the config (with what the banner shows, read safely), and
 * the engine, which validates, is asked for once the banner is on screen; the validated config
 * then replaces the first read.
 */

/** What the banner showed the first time it was seen, and what the page had asked for by then. */
interface FirstSight {
  asked: string[];
  text: string;
  title: string;
  link: string | null;
  classes: string;
}

/** Keeps the banner's first sight in `window.atBanner`: checked every frame, from before the loader runs. */
const watchBanner = `(function check() {
  const base = document.querySelector('keuze-cookie-banner')?.shadowRoot?.querySelector('[part~="base"]');
  if (!base) return requestAnimationFrame(check);
  window.atBanner = {
    asked: performance.getEntriesByType('resource').map((entry) => entry.name.split('/').pop()),
    text: base.querySelector('[part~="text"]').textContent,
    title: base.querySelector('[part~="title"]').textContent,
    link: base.querySelector('a')?.getAttribute('href') ?? null,
    classes: base.className,
  };
})();`;

const atBanner = async (page: TestPage): Promise<FirstSight> => {
  const win = page.window as unknown as { atBanner?: FirstSight };
  await waitUntil(() => win.atBanner, 'the banner did not show', { timeout: 5000 });
  return win.atBanner!;
};

const requested = (page: TestPage, name: string): boolean => page.window.performance.getEntriesByType('resource').some((entry) => new RegExp(`/chunks/${name}-[\\w-]+\\.js$`).test(entry.name));

const banner = (page: TestPage): ShadowRoot => page.document.querySelector('keuze-cookie-banner')!.shadowRoot!;

describe('first visit: the banner before the validator', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('shows the banner before the engine and the validator are asked for; they follow without a click', async () => {
    const page = await openPage({ config: { ...siteConfig, privacyUrl: '/privacy' }, before: watchBanner });
    const first = await atBanner(page);
    expect(
      first.asked.filter((file) => /^(engine|config-validation)-/.test(file)),
      'asked for before the banner showed',
    ).to.deep.equal([]);
    expect(first.link).to.equal('/privacy');
    // The write path is there before the visitor chooses: a click is stored at once.
    await waitUntil(() => requested(page, 'engine') && requested(page, 'config-validation'), 'the engine was never asked for');
    banner(page).querySelector<HTMLButtonElement>('[part~="reject-all"]')!.click();
    await waitUntil(() => page.keuze.getConsent(), 'the choice was not stored');
    expect(page.keuze.getConsent()!.categories).to.deep.equal(['necessary']);
  });

  it('the first read shows only what is safe; the validator reports the rest once, and its config replaces the first read', async () => {
    const config = {
      ...siteConfig,
      privacyUrl: 'javascript:alert(1)',
      layout: 'sidebar',
      categories: { ...siteConfig.categories, analytics: { label: { en: 42 } } },
      // A language whose texts are not all strings is left out whole, as the validator does.
      translations: { en: { 'banner.title': 'Our cookies', 'banner.rejectAll': 7 } },
    };
    const page = await openPage({ config, before: `${watchBanner} document.documentElement.lang = 'en';` });
    const first = await atBanner(page);
    expect(first.link, 'an unsafe privacy link').to.equal(null);
    expect(first.title).to.equal('Cookies on this website');
    expect(first.classes.split(' ')).to.include('box');
    // A label that is not text falls back to Keuze's name for the category, as the validator's config does.
    expect(first.text).to.contain('statistics');
    await page.keuze.validConfig();
    await roundTrip();
    // The validator's config, which replaced the first read, changes nothing the visitor sees.
    expect(banner(page).querySelector('[part~="text"]')!.textContent).to.equal(first.text);
    expect(banner(page).querySelector('a')).to.equal(null);
    const errors = page.window.__logs.filter((entry) => entry.level == 'error').map((entry) => entry.text);
    for (const key of ['privacyUrl', 'layout', 'categories.analytics.label', 'translations.en']) {
      expect(errors.filter((text) => text.includes(`config.${key}:`)).length, `errors about ${key}`).to.equal(1);
    }
  });

  it('a label of a shape the validator refuses never breaks the first read', async () => {
    const config = { ...siteConfig, categories: { ...siteConfig.categories, analytics: { label: { en: { x: 1 } } }, marketing: { label: { en: ['a'] } } } };
    const page = await openPage({ config, before: `${watchBanner} document.documentElement.lang = 'en';` });
    const first = await atBanner(page);
    expect(
      first.asked.filter((file) => /^(engine|config-validation)-/.test(file)),
      'asked for before the banner showed',
    ).to.deep.equal([]);
    expect(first.text).to.match(/statistics and marketing/);
    expect(page.window.__errors).to.deep.equal([]);
  });

  it('a stored choice the loader set aside waits for the engine: the banner asks only about what is new', async () => {
    const earlier = await openPage({ config: { ...siteConfig, categories: { necessary: {}, analytics: {} } } });
    await earlier.keuze.rejectAll();
    closePages();
    // A new revision with a new category: the refusal of analytics sticks, marketing is asked about.
    const page = await openPage({ config: { ...siteConfig, revision: 2 }, before: watchBanner });
    const first = await atBanner(page);
    expect(
      first.asked.some((file) => /^engine-/.test(file)),
      'the engine, which carries the refusal over',
    ).to.equal(true);
    expect(first.text).to.match(/marketing/i);
    expect(first.text).not.to.match(/statistie|analytics/i);
  });
});
