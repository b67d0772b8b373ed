import { expect, waitUntil } from '@open-wc/testing';
import { itIn } from '../../../test/support/engines.js';
import { clearSiteData, closePages, cookies, gateDrained, logged, openPage, siteConfig, trackers, type Loader } from '../../../test/support/pages.js';

/** What Chromium's cookieStore returns beyond the spec's name and value. */
type StoredCookie = CookieListItem & { path: string; sameSite: string; secure: boolean; domain: string | null; expires: number | null };

const resourcesLoaded = (page: { window: Window }): string[] => page.window.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);

for (const loader of ['module', 'iife'] as Loader[]) {
  describe(`script tag (${loader === 'module' ? 'dist/keuze.js' : 'dist/keuze.iife.js'})`, () => {
    beforeEach(clearSiteData);
    afterEach(closePages);

    it('stores nothing and runs no gated script before a choice', async () => {
      const page = await openPage({ loader, config: siteConfig, body: trackers });
      await gateDrained(page);
      expect(page.window.__ran).to.deep.equal([]);
      expect(cookies()).to.deep.equal({});
      expect(page.window.localStorage.length + page.window.sessionStorage.length).to.equal(0);
      expect(resourcesLoaded(page).filter((path) => path.includes('tracker'))).to.deep.equal([]);
      expect(page.keuze.getConsent()).to.equal(null);
      expect(page.keuze.isGranted('necessary')).to.equal(true);
      expect(page.keuze.isGranted('analytics')).to.equal(false);
    });

    it('"accept all" writes the record and runs every tracker once', async () => {
      const page = await openPage({ loader, config: siteConfig, body: trackers });
      await page.keuze.acceptAll();
      await gateDrained(page);
      expect(page.window.__ran).to.deep.equal(['analytics', 'matomo', 'hotjar', 'marketing']);
      const consent = page.keuze.getConsent()!;
      expect(consent.categories).to.deep.equal(['necessary', 'analytics', 'marketing']);
      expect(consent.services).to.deep.equal({ analytics: ['matomo', 'hotjar'] });
      expect(consent.method).to.equal('accept-all');
      expect(consent.revision).to.equal(1);
      expect(consent.language).to.equal('nl');
      expect(consent.gpc).to.equal(false);
      expect(consent.consentId).to.match(/^[\w-]{22}$/);
      expect(consent.firstGiven).to.equal(consent.timestamp);
    });

    itIn(['chromium'], "only Chromium's cookieStore reports a cookie's attributes")('"accept all" stores the record with the right attributes', async () => {
      const page = await openPage({ loader, config: siteConfig });
      await page.keuze.acceptAll();
      const stored = (await page.window.cookieStore.get('keuze_consent')) as StoredCookie;
      expect(stored.path).to.equal('/');
      expect(stored.sameSite).to.equal('lax');
      expect(stored.secure).to.equal(false); // http here; Secure is set on https
      expect(stored.domain).to.equal(null); // host-only unless a domain is configured
      const days = (stored.expires! - Date.now()) / 86_400_000;
      expect(days).to.be.within(179.9, 180.1);
      expect(stored.value!.length).to.be.below(200);
    });

    it('"reject all" stores only necessary and runs no tracker', async () => {
      const page = await openPage({ loader, config: siteConfig, body: trackers });
      await page.keuze.rejectAll();
      await gateDrained(page);
      expect(page.window.__ran).to.deep.equal([]);
      expect(page.keuze.getConsent()!.categories).to.deep.equal(['necessary']);
      expect(page.keuze.getConsent()!.method).to.equal('reject-all');
      expect(Object.keys(cookies())).to.deep.equal(['keuze_consent']);
    });

    it('a custom choice runs exactly the granted category and service', async () => {
      const page = await openPage({ loader, config: siteConfig, body: trackers });
      await page.keuze.setConsent({ categories: ['analytics'], services: { analytics: ['matomo'] } }, { method: 'custom' });
      await gateDrained(page);
      expect(page.window.__ran).to.deep.equal(['analytics', 'matomo']);
      expect(page.keuze.isGranted('analytics', 'matomo')).to.equal(true);
      expect(page.keuze.isGranted('analytics', 'hotjar')).to.equal(false);
      expect(page.keuze.getConsent()!.method).to.equal('custom');
    });

    it('applies the stored choice on the next page load, once, without loading the write path', async () => {
      // A page with its own settings link, so no settings button either.
      const page = await openPage({ loader, config: siteConfig, body: `${trackers}<a href="#" data-keuze-open="preferences">Cookies</a>` });
      await page.keuze.setConsent({ categories: ['marketing'] });
      await page.reload();
      await gateDrained(page);
      expect(page.window.__ran).to.deep.equal(['marketing']);
      expect(page.keuze.getConsent()!.categories).to.deep.equal(['necessary', 'marketing']);
      if (loader === 'module') {
        // A returning visitor downloads the loader alone.
        expect(resourcesLoaded(page).filter((path) => path.startsWith('/dist/'))).to.deep.equal(['/dist/keuze.js']);
      }
      // Choosing the same again runs nothing twice.
      await page.keuze.setConsent({ categories: ['marketing'] });
      await gateDrained(page);
      expect(page.window.__ran).to.deep.equal(['marketing']);
    });
  });
}

describe('gated elements', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('run in document order, each once, past a 404, keeping their attributes', async () => {
    const page = await openPage({
      config: siteConfig,
      body: `
        <script type="text/plain" data-category="analytics" src="/test/support/tracker.js?name=first" crossorigin="anonymous" data-extra="kept"></script>
        <script type="text/plain" data-category="analytics">window.__ran.push('inline after first')</script>
        <script type="text/plain" data-category="analytics" src="/test/support/missing.js"></script>
        <script type="text/plain" data-category="analytics" src="/test/support/tracker.js?name=after 404"></script>
        <script type="text/plain" data-category="analytics" data-type="module">window.__ran.push('module ' + (typeof document.currentScript))</script>`,
    });
    await page.keuze.acceptAll();
    // An inline module runs in a task of its own, after the gate has moved on: wait for it first.
    await waitUntil(() => page.window.__ran.length >= 4, `ran: ${page.window.__ran.join()}`, { timeout: 3000 });
    await gateDrained(page);
    expect(page.window.__ran).to.deep.equal(['first', 'inline after first', 'after 404', 'module object']);
    const first = page.document.querySelector('script[src*="name=first"]')!;
    expect(first.getAttribute('type')).to.equal('');
    expect(first.getAttribute('crossorigin')).to.equal('anonymous');
    expect(first.getAttribute('data-extra')).to.equal('kept');
    expect(page.document.querySelectorAll('script[type="text/plain"]').length).to.equal(0);
    // Accepting again, or choosing again, runs nothing twice.
    await page.keuze.rejectAll();
    await page.keuze.acceptAll();
    await gateDrained(page);
    expect(page.window.__ran).to.have.length(4);
  });

  it('iframes and images load their data-src only when granted', async () => {
    const page = await openPage({
      config: siteConfig,
      body: `<iframe data-category="marketing" data-src="/test/support/embed.html" title="video"></iframe>
             <img data-category="analytics" data-service="hotjar" data-src="/test/support/pixel.gif?hotjar" alt="">`,
    });
    const iframe = page.document.querySelector('iframe')!;
    const img = page.document.querySelector('img')!;
    await gateDrained(page);
    expect(iframe.hasAttribute('src')).to.equal(false);
    expect(img.hasAttribute('src')).to.equal(false);
    await page.keuze.setConsent({ categories: ['marketing', 'analytics'], services: { analytics: ['matomo'] } });
    expect(iframe.getAttribute('src')).to.equal('/test/support/embed.html');
    expect(img.hasAttribute('src')).to.equal(false);
  });

  it('a gated script may name its source in data-src, as vanilla-cookieconsent sites write it', async () => {
    const page = await openPage({
      config: siteConfig,
      body: `<script type="text/plain" data-category="analytics" data-src="/test/support/tracker.js?name=from-data-src"></script>
             <script type="text/plain" data-category="analytics">window.__ran.push('after')</script>`,
    });
    await gateDrained(page);
    expect(page.window.__ran).to.deep.equal([]);
    await page.keuze.setConsent({ categories: ['analytics'] });
    await gateDrained(page);
    // In order: the inline script after it waited for the source to load.
    expect(page.window.__ran).to.deep.equal(['from-data-src', 'after']);
    expect(page.document.querySelector('script[src*="from-data-src"]')!.hasAttribute('data-src')).to.equal(false);
  });

  it('handles gated elements added later, before and after the choice', async () => {
    const page = await openPage({ config: siteConfig });
    const add = (name: string): void => {
      const script = page.document.createElement('script');
      script.type = 'text/plain';
      script.dataset.category = 'analytics';
      script.textContent = `window.__ran.push(${JSON.stringify(name)})`;
      page.document.body.append(script);
    };
    add('added before the choice');
    await gateDrained(page);
    expect(page.window.__ran).to.deep.equal([]);
    await page.keuze.acceptAll();
    await gateDrained(page);
    expect(page.window.__ran).to.deep.equal(['added before the choice']);
    const fragment = page.document.createElement('div');
    fragment.innerHTML = '<iframe data-category="analytics" data-src="/test/support/embed.html" title="late"></iframe>';
    page.document.body.append(fragment);
    add('added after the choice');
    await gateDrained(page);
    expect(page.window.__ran).to.deep.equal(['added before the choice', 'added after the choice']);
    expect(fragment.querySelector('iframe')!.getAttribute('src')).to.equal('/test/support/embed.html');
  });

  it('never runs markup naming a category or service the config lacks, and says so once', async () => {
    const page = await openPage({
      config: siteConfig,
      body: `<script type="text/plain" data-category="stats">window.__ran.push('stats')</script>
             <script type="text/plain" data-category="stats">window.__ran.push('stats again')</script>
             <script type="text/plain" data-category="analytics" data-service="ga">window.__ran.push('ga')</script>`,
    });
    await page.keuze.acceptAll();
    await gateDrained(page);
    await logged(page, 'error', 'service "ga"');
    expect(page.window.__ran).to.deep.equal([]);
    const errors = page.logs('error');
    expect(errors.filter((text) => text.includes('category "stats"'))).to.have.length(1);
    expect(errors.filter((text) => text.includes('service "ga"'))).to.have.length(1);
  });

  it('works under a strict CSP: config as JSON, gated inline scripts keep their nonce', async () => {
    const page = await openPage({
      csp: "script-src 'self' 'nonce-r4nd0m'",
      config: siteConfig,
      body: `<script type="text/plain" data-category="analytics" nonce="r4nd0m">window.__ran.push('with nonce')</script>
             <script type="text/plain" data-category="analytics">window.__ran.push('without nonce')</script>`,
    });
    expect(page.keuze.config.usable).to.equal(true);
    await page.keuze.acceptAll();
    await gateDrained(page, 'r4nd0m');
    expect(page.window.__ran).to.deep.equal(['with nonce']);
    expect(page.window.__errors).to.deep.equal([]);
  });
});

describe('one Keuze per page', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('a second script tag warns and reuses the first instance: one write, one event (and its proof)', async () => {
    const page = await openPage({
      config: siteConfig,
      before: 'window.__events = []; window.KeuzeConfig = { onEvent: (e) => window.__events.push(e.type) };',
      loader: 'module',
      body: '<script src="/dist/keuze.iife.js"></script>',
    });
    await waitUntil(() => page.logs('warn').some((text) => text.includes('loaded twice')), 'no warning', { timeout: 3000 });
    expect(page.logs('warn').filter((text) => text.includes('loaded twice'))).to.have.length(1);
    await page.keuze.acceptAll();
    const events = (): string[] => (page.window as unknown as { __events: string[] }).__events;
    await waitUntil(() => events().length >= 2, 'no events', { timeout: 3000 });
    // The next decision's event is the later signal: a second instance's extra events would come before it.
    await page.keuze.reset();
    await waitUntil(() => events().length >= 3, 'no event for reset()', { timeout: 3000 });
    expect(events().slice(0, 3)).to.deep.equal(['consent', 'consent-log', 'consent']);
  });

  it('the npm init() path works like the script tag', async () => {
    const page = await openPage({
      loader: 'npm',
      initConfig: JSON.stringify(siteConfig),
      body: trackers,
    });
    await page.keuze.acceptAll();
    await gateDrained(page);
    expect(page.window.__ran).to.deep.equal(['analytics', 'matomo', 'hotjar', 'marketing']);
    expect(cookies()).to.have.property('keuze_consent');
  });
});
