import { expect, waitUntil } from '@open-wc/testing';
import { clearSiteData, closePages, cookies, gateDrained, openPage, roundTrip, siteConfig, type TestPage } from '../../../test/support/pages.js';

/** The real @keuze/server, mounted by the test server (web-test-runner.config.mjs). */
const renewUrl = '/__keuze-server/consent-cookie';

interface Call {
  url: string;
  body: string;
  status?: number;
}
/** Records the page's fetch calls and their answers in `window.__fetches`. */
const recordFetches = `window.__fetches = []; const realFetch = window.fetch; window.fetch = (url, init) => {
  const call = { url: String(url), body: String(init?.body) }; window.__fetches.push(call);
  return realFetch(url, init).then((response) => { call.status = response.status; return response; });
};`;
const renewals = (page: TestPage): Call[] => (page.window as unknown as { __fetches: Call[] }).__fetches.filter((call) => call.url.includes('/__keuze-server/'));
const chunkLoaded = (page: TestPage): boolean => page.window.performance.getEntriesByType('resource').some((entry) => entry.name.includes('/chunks/cookie-renewal-'));

describe('cookie.renewUrl (Safari’s 7-day cap on cookies written by script)', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('a returning visit asks the server once to re-issue the cookie, which it accepts; the value stays the same', async () => {
    const page = await openPage({ config: { ...siteConfig, lifetimeDays: 90, cookie: { renewUrl } }, before: recordFetches });
    await page.keuze.acceptAll();
    const written = cookies().keuze_consent;
    await roundTrip();
    expect(renewals(page)).to.deep.equal([]);
    expect(chunkLoaded(page)).to.equal(false);
    await page.reload();
    await waitUntil(() => renewals(page)[0]?.status, 'no renewal', { timeout: 3000 });
    await roundTrip();
    expect(renewals(page)).to.have.length(1);
    // The same attribute set the script writes with, so the server's Set-Cookie matches it.
    expect(JSON.parse(renewals(page)[0]!.body)).to.deep.equal({ name: 'keuze_consent', lifetimeDays: 90, path: '/', sameSite: 'Lax', secure: false, partitioned: false });
    // 200: the server decoded the cookie with core's decoder and sent it back with Set-Cookie.
    expect(renewals(page)[0]!.status).to.equal(200);
    expect(page.logs('warn')).to.deep.equal([]);
    expect(cookies().keuze_consent).to.equal(written);
    expect(page.keuze.getConsent()!.categories).to.include('analytics');
  });

  it('without renewUrl nothing is asked and the chunk is not loaded', async () => {
    const page = await openPage({ config: siteConfig, before: recordFetches });
    await page.keuze.acceptAll();
    await page.reload();
    await gateDrained(page);
    await roundTrip();
    expect(renewals(page)).to.deep.equal([]);
    expect(chunkLoaded(page)).to.equal(false);
  });

  it('the config validator checks renewUrl like every URL in the config', async () => {
    const page = await openPage({ config: { ...siteConfig, cookie: { renewUrl: 'javascript:alert(1)' } } });
    await waitUntil(() => page.logs('error').length, 'no error', { timeout: 3000 });
    expect(page.logs('error').filter((text) => text.includes('config.cookie.renewUrl: expected an http(s) or relative URL'))).to.have.length(1);
  });

  it('a renewal the server refuses is a warning; the page and the choice go on', async () => {
    const page = await openPage({ config: { ...siteConfig, cookie: { renewUrl: '/__keuze-server/no-such-route' } } });
    await page.keuze.acceptAll();
    await page.reload();
    await waitUntil(() => page.logs('warn').some((text) => text.includes('was not renewed')), 'no warning', { timeout: 3000 });
    expect(page.keuze.isGranted('analytics')).to.equal(true);
  });
});
