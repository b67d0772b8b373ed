import { expect, waitUntil } from '@open-wc/testing';
import { clearSiteData, closePages, cookies, openPage, pageUrl, siteConfig, trackers } from '../../../test/support/pages.js';

interface PopupReport {
  afterAccept: string[];
  afterReject: string[];
  consentDomain: string | null;
  errors: string[];
}

/**
 * Runs `scenario` (a module script that ends with `opener.postMessage(report, '*')`) on
 * http://app.keuze.test (mapped to this server by the browser's resolver rules) in a top-level
 * window, where cookies on the parent domain keuze.test can exist. Every cookie of this host and of
 * keuze.test is cleared first, then `before` runs, then Keuze starts.
 */
async function onSubdomain<T>(config: object, before: string, scenario: string): Promise<T> {
  const clear = `for (const pair of document.cookie.split('; ').filter(Boolean)) {
      const name = pair.split('=')[0];
      for (const domain of ['', '; domain=keuze.test']) document.cookie = name + '=; path=/; max-age=0' + domain;
    }`;
  // A scenario that throws reports why, rather than leaving the test to time out.
  const body = `<script type="module">try { ${scenario} } catch (error) { opener.postMessage({ failed: String(error) }, '*'); }</script>`;
  const url = pageUrl({ config, before: `${clear}\n${before}`, body }, `http://app.keuze.test:${location.port}`);
  const report = new Promise<T & { failed?: string }>((resolve) => window.addEventListener('message', (event: MessageEvent<T & { failed?: string }>) => resolve(event.data), { once: true }));
  const popup = window.open(url, '_blank')!;
  try {
    const result = await report;
    if (result.failed) throw new Error(`the scenario on app.keuze.test failed: ${result.failed}`);
    return result;
  } finally {
    popup.close();
  }
}

/**
 * Cookie names with their domain (`host` for host-only), from the popup, in every engine (only
 * Chromium's cookieStore reports domains): the cookies a sibling host (www.keuze.test) is sent live
 * on keuze.test, the others the popup sees are host-only.
 */
const cookieNames = `const names = async () => {
  const shared = await (await fetch('http://www.keuze.test:' + location.port + '/__cookies', { credentials: 'include' })).json();
  const hostOnly = document.cookie.split('; ').filter(Boolean).map((pair) => pair.split('=')[0]);
  for (const name of shared) hostOnly.splice(hostOnly.indexOf(name), 1);
  return [...shared.map((name) => name + '@keuze.test'), ...hostOnly.map((name) => name + '@host')].sort();
};
const consentCookieDomain = async () => (await names()).find((name) => name.startsWith('keuze_consent@'))?.endsWith('@keuze.test') ? 'keuze.test' : null;`;

function withdrawOnSubdomain(cookieOptions: object | undefined): Promise<PopupReport> {
  const config = { ...siteConfig, ...(cookieOptions ? { cookie: cookieOptions } : {}) };
  return onSubdomain(
    config,
    '',
    `${cookieNames}
      // Trackers set their cookies on the registrable domain and on the host.
      document.cookie = '_ads=1; domain=keuze.test; path=/';
      document.cookie = '_ads=1; path=/';
      document.cookie = '_pk_id.1a2b=1; domain=keuze.test; path=/';
      document.cookie = '_hj=1; path=/';
      await window.Keuze.acceptAll();
      const afterAccept = await names();
      const consentDomain = await consentCookieDomain();
      await window.Keuze.rejectAll();
      opener.postMessage({ afterAccept, afterReject: await names(), consentDomain, errors: window.__logs.filter((l) => l.level === 'error').map((l) => l.text) }, '*');`,
  );
}

describe('withdrawing consent', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('deletes the cookies of a withdrawn category and service on this host, and announces it', async () => {
    const page = await openPage({ config: siteConfig, body: trackers });
    // As the page itself sees them: WebKit updates another document's view of the cookies later.
    const names = (): string[] => Object.keys(cookies(page.document)).sort();
    await page.keuze.acceptAll();
    await waitUntil(() => page.window.__ran.length == 4, 'the trackers did not run', { timeout: 3000 });
    expect(names()).to.deep.equal(['_ads', '_hj', '_pk_id', '_stats', 'keuze_consent']);
    await page.keuze.setConsent({ categories: ['analytics'], services: { analytics: ['matomo'] } });
    // marketing (its names) and the hotjar service (its names) are gone; matomo's pattern stays.
    expect(names()).to.deep.equal(['_pk_id', '_stats', 'keuze_consent']);
    await page.keuze.rejectAll();
    expect(names()).to.deep.equal(['keuze_consent']);
  });

  it('deletes tracker cookies on every parent domain, also without a configured domain', async () => {
    const report = await withdrawOnSubdomain(undefined);
    expect(report.afterAccept).to.include.members(['_ads@keuze.test', '_ads@host', '_pk_id.1a2b@keuze.test', '_hj@host']);
    expect(report.consentDomain).to.equal(null);
    expect(report.afterReject).to.deep.equal(['keuze_consent@host']);
    expect(report.errors).to.deep.equal([]);
  });

  it('stores consent on the configured parent domain, shared by its subdomains', async () => {
    const report = await withdrawOnSubdomain({ domain: 'keuze.test' });
    expect(report.consentDomain).to.equal('keuze.test');
    expect(report.afterReject).to.deep.equal(['keuze_consent@keuze.test']);
  });

  it('refuses a configured domain the page is not on, storing consent for the host only', async () => {
    const report = await withdrawOnSubdomain({ domain: 'example.com' });
    expect(report.consentDomain).to.equal(null);
    expect(report.errors.filter((text) => text.includes('config.cookie.domain: "example.com" is not app.keuze.test or a parent of it'))).to.have.length.above(0);
  });

  it('a site that adds cookie.domain later: the old host-only cookie no longer shadows the new one', async () => {
    // The choice stored before the site set a domain: the browser sends this older cookie first.
    const report = await onSubdomain<{ cookies: string[]; warnings: string[]; kept: boolean }>(
      { ...siteConfig, cookie: { domain: 'keuze.test' } },
      "document.cookie = 'keuze_consent=1|from-before-the-domain|0|0|0||0|r|necessary||0; path=/';",
      `${cookieNames}
        await window.Keuze.acceptAll();
        opener.postMessage({
          cookies: await names(),
          warnings: window.__logs.filter((l) => l.level === 'warn').map((l) => l.text),
          kept: document.cookie.includes('keuze_consent=1|' + window.Keuze.getConsent().consentId),
        }, '*');`,
    );
    expect(report.cookies).to.deep.equal(['keuze_consent@keuze.test']);
    expect(report.warnings.filter((text) => text.includes('did not keep the consent cookie'))).to.deep.equal([]);
    expect(report.kept).to.equal(true);
  });
});
