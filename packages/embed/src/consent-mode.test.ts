import { expect, waitUntil } from '@open-wc/testing';
import { clearSiteData, closePages, gateDrained, openPage, siteConfig, type TestPage } from '../../../test/support/pages.js';

/**
 * Google Consent Mode v2 against a stand-in dataLayer: the page's gated tags push markers into the
 * same queue, so the order of commands and tags is what Google's tag would read.
 */
const tags = `
  <script type="text/plain" data-category="necessary">dataLayer.push({ event: 'google-tag' })</script>
  <script type="text/plain" data-category="analytics">dataLayer.push({ event: 'analytics-tag' })</script>`;

/** The dataLayer as readable entries: a gtag() command as its arguments, a tag's push as its event. */
const queue = (page: TestPage): unknown[] =>
  ((page.window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).map((entry) => (entry as { event?: string }).event ?? Array.from(entry as ArrayLike<unknown>));

const denied = { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied', functionality_storage: 'granted', security_storage: 'granted' };
const granted = Object.fromEntries(Object.keys(denied).map((signal) => [signal, 'granted']));
const config = { ...siteConfig, googleConsentMode: true };

describe('Google Consent Mode v2', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('sets the defaults before any gated tag runs, and updates after the choice, before the tags it allows', async () => {
    const page = await openPage({ config, body: tags });
    // The chunk may take a while on a busy machine: wait for the tag, then check what came first.
    await waitUntil(() => queue(page).includes('google-tag'), 'the necessary tag did not run', { timeout: 3000 });
    expect(queue(page)).to.deep.equal([['consent', 'default', { ...denied, wait_for_update: 500 }], 'google-tag']);
    // Only a gtag() command counts for Google's tag: the entry must be an `arguments` object.
    expect(Object.prototype.toString.call(page.window.dataLayer![0])).to.equal('[object Arguments]');
    await page.keuze.setConsent({ categories: ['analytics'] });
    await waitUntil(() => queue(page).includes('analytics-tag'), 'the analytics tag did not run', { timeout: 3000 });
    expect(queue(page).slice(2)).to.deep.equal([['consent', 'update', { ...denied, analytics_storage: 'granted' }], 'analytics-tag']);
  });

  it('on a returning visit: the defaults, then the stored choice, then the tags', async () => {
    const first = await openPage({ config, body: tags });
    await first.keuze.acceptAll();
    await first.reload();
    await gateDrained(first);
    expect(queue(first)).to.deep.equal([['consent', 'default', { ...denied, wait_for_update: 500 }], ['consent', 'update', granted], 'google-tag', 'analytics-tag']);
  });

  it('sends an update on withdrawal and on reset', async () => {
    const page = await openPage({ config });
    await page.keuze.acceptAll();
    await page.keuze.rejectAll();
    await page.keuze.reset();
    expect(
      queue(page)
        .slice(1)
        .map((entry) => (entry as unknown[])[2]),
    ).to.deep.equal([granted, denied, denied]);
  });

  it('maps signals to the categories the config names, and waits as long as it says', async () => {
    const options = { signals: { ad_personalization: 'analytics', personalization_storage: 'analytics' }, waitForUpdate: 1500 };
    const page = await openPage({ config: { ...siteConfig, googleConsentMode: options } });
    await page.keuze.setConsent({ categories: ['analytics'] });
    expect(queue(page)).to.deep.equal([
      ['consent', 'default', { ...denied, personalization_storage: 'denied', wait_for_update: 1500 }],
      ['consent', 'update', { ...denied, ad_personalization: 'granted', analytics_storage: 'granted', personalization_storage: 'granted' }],
    ]);
  });

  it('without googleConsentMode, the dataLayer is left alone and its code is not loaded', async () => {
    const page = await openPage({ config: siteConfig });
    await page.keuze.acceptAll();
    expect(page.window.dataLayer).to.equal(undefined);
    const chunks = page.window.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(chunks.some((name) => name.includes('consent-mode'))).to.equal(false);
  });

  it('reports a wrong value by key path', async () => {
    const page = await openPage({ config: { ...siteConfig, googleConsentMode: { signals: { analytics: 'analytics' }, waitForUpdate: -1 } } });
    await page.keuze.rejectAll();
    const errors = page.logs('error');
    expect(errors.filter((text) => text.includes('config.googleConsentMode.signals.analytics: unknown key'))).to.have.length(1);
    expect(errors.filter((text) => text.includes('config.googleConsentMode.waitForUpdate: expected a number of milliseconds'))).to.have.length(1);
    const wrong = await openPage({ config: { ...siteConfig, googleConsentMode: 'yes' } });
    await wrong.keuze.rejectAll();
    expect(wrong.logs('error').filter((text) => text.includes('config.googleConsentMode: expected true, false, or { signals, waitForUpdate }'))).to.have.length(1);
  });
});
