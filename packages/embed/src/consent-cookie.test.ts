import { expect, waitUntil as waitFor } from '@open-wc/testing';
import { decodeRecord } from '../../core/src/record-codec.js';
import { encodeRecord } from '../../core/src/record-writer.js';
import type { ConsentRecord } from '../../core/src/types.js';
import { engine } from '../../../test/support/engines.js';
import { closePages, gateDrained, logged, openPage, pageUrl, siteConfig, trackers, type PageOptions, type TestPage } from '../../../test/support/pages.js';

/**
 * gateDrained() for code that runs inside a test page (a popup, a sandboxed frame): an expression
 * that resolves once a `necessary` gated script added now has run, so everything the gate had
 * queued before it has run or been skipped.
 */
const gateDrainedInPage = `new Promise((resolve) => {
  const sentinel = document.createElement('script');
  sentinel.type = 'text/plain';
  sentinel.dataset.category = 'necessary';
  window.__gateDrained = resolve;
  sentinel.text = 'window.__gateDrained()';
  document.body.append(sentinel);
})`;

/** WebKit keeps no Secure cookie from http://localhost (Chromium and Firefox do): it says why instead. */
const SECURE_ON_HTTP = '[keuze] the browser did not keep the consent cookie (a Secure cookie on an http page; use https); the choice holds for this page only.';

const DAY = 86_400_000;
/** Waits on a condition; first visits load Lit and the elements, which takes a while with three engines at work. */
const waitUntil = (condition: () => unknown, message?: string): Promise<void> => waitFor(condition, message, { timeout: 5000 });
const NAMES = ['keuze_consent', '_stats', '_pk_id', '_hj', '_ads', '_fbp', 'session', 'AMCV_0A1B2C%40AdobeOrg', 's_cc', 'keuze_newsletter'];
const DEEP = '/shop/checkout/page.html';
/** Every path a cookie of these tests can have. */
const PATHS = ['/', '/shop', '/shop/', '/shop/checkout', '/shop/checkout/', DEEP];

const record = (changes: Partial<ConsentRecord> = {}): ConsentRecord => ({
  consentId: 'AAAAAAAAAAAAAAAAAAAAAA',
  categories: ['necessary', 'analytics', 'marketing'],
  services: { analytics: ['matomo', 'hotjar'] },
  firstGiven: new Date(Date.now() - 10 * DAY).toISOString(),
  timestamp: new Date(Date.now() - 2 * DAY).toISOString(),
  revision: 1,
  language: 'nl',
  gpc: false,
  method: 'accept-all',
  ...changes,
});
const ACCEPTED = record();
const REJECTED = record({ consentId: 'BBBBBBBBBBBBBBBBBBBBBB', categories: ['necessary'], services: {}, method: 'reject-all', timestamp: new Date(Date.now() - DAY).toISOString() });

/**
 * JavaScript that deletes every cookie these tests use, at every path, host-only and on
 * keuze.test, Secure and Partitioned ones too (Firefox lets only a Secure write replace a Secure cookie).
 */
const clearScript = `for (const name of ${JSON.stringify(NAMES)}) for (const path of ${JSON.stringify(PATHS)})
  for (const domain of ['', '; domain=keuze.test']) for (const flags of ['', '; secure', '; secure; samesite=none; partitioned'])
    document.cookie = name + '=; max-age=0; path=' + path + domain + flags;`;
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- one script, run here and in each test page's <head>
const clearAll = (): void => void new Function(clearScript)();

/** The values of the consent cookie a page sees, decoded to their method. */
const stored = (page: TestPage): string[] =>
  page.document.cookie
    .split('; ')
    .filter((pair) => pair.startsWith('keuze_consent='))
    .map((pair) => (decodeRecord(pair.slice('keuze_consent='.length)) as ConsentRecord).method);
const cookieNames = (page: TestPage): string[] =>
  page.document.cookie
    .split('; ')
    .filter(Boolean)
    .map((pair) => pair.split('=')[0]!)
    .sort();
const write = (value: string, attributes = 'path=/'): string => `document.cookie = 'keuze_consent=${value}; ${attributes}';`;
const lateAnalytics = '<script type="text/plain" data-category="analytics" src="/test/support/tracker.js?name=late"></script>';

/**
 * Runs a page in a top-level window on another host of this server (app., www. and
 * plain.keuze.test resolve here; plain. is no secure context), where cookies on the parent domain
 * keuze.test can exist. The page's
 * module script `scenario` ends with `report(value)`. Cookies of these tests are cleared first.
 */
async function onHost<T>(host: string, options: PageOptions, scenario: string): Promise<T> {
  const channel = new BroadcastChannel(`keuze-${Math.random()}`);
  const url = pageUrl(
    {
      ...options,
      before: `${clearScript}\n${options.before ?? ''}`,
      body: `${options.body ?? ''}<script type="module">
        const report = (value) => opener.postMessage(JSON.parse(JSON.stringify(value)), '*');
        const warnings = () => window.__logs.map((l) => l.text);
        try { ${scenario} } catch (error) { report({ error: String(error) }); }
      </script>`,
    },
    `http://${host}:${location.port}`,
  );
  const result = new Promise<T>((resolve) => window.addEventListener('message', (event: MessageEvent<T>) => resolve(event.data), { once: true }));
  const popup = window.open(url, '_blank')!;
  try {
    return await result;
  } finally {
    popup.close();
    channel.close();
  }
}
const methodsHere = "document.cookie.split('; ').filter((p) => p.startsWith('keuze_consent=')).map((p) => p.split('|')[7])";

describe('the consent cookie: one attribute set, from any path and subdomain', () => {
  beforeEach(clearAll);
  afterEach(() => {
    closePages();
    clearAll();
  });

  it('reset() on a page deep below / forgets the choice, and the next page view asks again', async () => {
    const page = await openPage({ path: DEEP, config: siteConfig, body: trackers });
    await page.keuze.acceptAll();
    await waitUntil(() => page.window.__ran.length == 4);
    // A tracker that sets its cookie without a Path gets the page's directory, /shop/checkout.
    page.document.cookie = '_ads=1';
    await page.keuze.reset();
    expect(stored(page)).to.deep.equal([]);
    expect(cookieNames(page)).to.deep.equal([]);
    await page.reload();
    expect(page.keuze.getConsent()).to.equal(null);
    expect(page.window.__ran).to.deep.equal([]);
  });

  it('a withdrawal on a deep page deletes tracker cookies at every path up to it', async () => {
    const page = await openPage({ path: DEEP, config: siteConfig, body: trackers });
    await page.keuze.acceptAll();
    await waitUntil(() => page.window.__ran.length == 4);
    for (const path of ['/shop', '/shop/checkout/', DEEP]) page.document.cookie = `_fbp=1; path=${path}`;
    await page.keuze.rejectAll();
    expect(cookieNames(page)).to.deep.equal(['keuze_consent']);
  });

  it('reset() on a subdomain, with cookie.domain, deletes the shared cookie, also from a deep path', async () => {
    const report = await onHost<{ before: string[]; after: string[] }>(
      'app.keuze.test',
      { path: DEEP, config: { ...siteConfig, cookie: { domain: 'keuze.test' } } },
      `await window.Keuze.acceptAll();
       const before = ${methodsHere};
       await window.Keuze.reset();
       report({ before, after: ${methodsHere} });`,
    );
    expect(report).to.deep.equal({ before: ['a'], after: [] });
  });

  it('cookie.sameSite "None" writes Secure and Partitioned, and the choice holds', async () => {
    const page = await openPage({ config: { ...siteConfig, cookie: { sameSite: 'None' } } });
    await page.keuze.acceptAll();
    if (engine == 'webkit') return void expect(page.logs()).to.deep.equal([SECURE_ON_HTTP]);
    expect(page.logs()).to.deep.equal([]);
    // cookieStore reports a cookie's attributes; engines without it show only that it is there.
    const cookieStore = (page.window as unknown as { cookieStore?: { get(name: string): Promise<Record<string, unknown>> } }).cookieStore;
    // (Firefox's cookieStore gives names and values only.)
    const cookie = await cookieStore?.get('keuze_consent');
    if (cookie && 'sameSite' in cookie) expect(cookie).to.deep.include({ sameSite: 'none', secure: true, partitioned: true, path: '/' });
    await page.reload();
    expect(page.keuze.getConsent()!.method).to.equal('accept-all');
    await page.keuze.reset();
    expect(stored(page)).to.deep.equal([]);
  });

  it("in another site's iframe where the browser refuses the cookie, the choice holds for the page, with a warning", async () => {
    // A page of app.keuze.test in an iframe of this page: a cross-site frame, where this browser
    // keeps no cookie (third-party cookies blocked).
    const frame = document.createElement('iframe');
    frame.src = pageUrl(
      {
        config: siteConfig,
        body: `<script type="module">
          await window.Keuze.acceptAll();
          parent.postMessage({ method: window.Keuze.getConsent()?.method, errors: window.__errors, warnings: window.__logs.map((l) => l.text) }, '*');
        </script>`,
      },
      `http://app.keuze.test:${location.port}`,
    );
    const result = new Promise<{ method: string; errors: string[]; warnings: string[] }>((resolve) => window.addEventListener('message', (event) => resolve(event.data), { once: true }));
    document.body.append(frame);
    const report = await result;
    frame.remove();
    expect(report.method).to.equal('accept-all');
    expect(report.errors).to.deep.equal([]);
    expect(report.warnings.filter((text) => text.includes('the choice holds for this page only'))).to.have.length(1);
  });
});

describe('several consent cookies with one name', () => {
  beforeEach(clearAll);
  afterEach(() => {
    closePages();
    clearAll();
  });

  it('the newest valid record wins over an older one on a deeper path, and the stale copy goes', async () => {
    // The browser lists the cookie with the longer path first: the older accept-all.
    const before = `${write(encodeRecord(ACCEPTED), 'path=/shop')} ${write(encodeRecord(REJECTED))}`;
    const page = await openPage({ path: DEEP, config: siteConfig, before, body: trackers });
    expect(page.keuze.getConsent()!.method).to.equal('reject-all');
    await gateDrained(page);
    expect(page.window.__ran).to.deep.equal([]);
    await waitUntil(() => stored(page).length == 1, 'the stale copy was not removed');
    expect(stored(page)).to.deep.equal(['reject-all']);
    expect(page.window.__errors).to.deep.equal([]);
  });

  it('www. then app. with cookie.domain: the newer parent-domain choice wins over the older host-only one', async () => {
    // Chosen on www. before the site set cookie.domain (host-only), then rejected on app.
    const report = await onHost<{ method: string; ran: string[]; left: string[] }>(
      'www.keuze.test',
      {
        config: { ...siteConfig, cookie: { domain: 'keuze.test' } },
        before: `${write(encodeRecord(ACCEPTED))} ${write(encodeRecord(REJECTED), 'path=/; domain=keuze.test')}`,
        body: trackers,
      },
      `for (let i = 0; i < 40 && ${methodsHere}.length > 1; i++) await new Promise((resolve) => setTimeout(resolve, 50));
       report({ method: window.Keuze.getConsent()?.method, ran: window.__ran, left: ${methodsHere}, logs: warnings() });`,
    );
    expect(report).to.deep.equal({ method: 'reject-all', ran: [], left: ['r'], logs: [] });
  });

  it("a visitor's choice replaces a record planted on the parent domain, and holds", async () => {
    // A sibling subdomain set an accept-all on keuze.test; this site stores host-only.
    const planted = encodeRecord(record({ timestamp: new Date(Date.now() - 60_000).toISOString() }));
    const report = await onHost<{ first: string; left: string[]; warnings: string[] }>(
      'app.keuze.test',
      { config: siteConfig, before: write(planted, 'path=/; domain=keuze.test') },
      `const first = window.Keuze.getConsent()?.method;
       await window.Keuze.rejectAll();
       report({ first, left: ${methodsHere}, warnings: warnings() });`,
    );
    expect(report.first).to.equal('accept-all');
    expect(report.left).to.deep.equal(['r']);
    expect(report.warnings).to.deep.equal([]);
  });

  it("a visitor's choice on a deep page replaces an older record on a deeper path", async () => {
    const page = await openPage({ path: DEEP, config: siteConfig, before: write(encodeRecord(ACCEPTED), 'path=/shop/checkout') });
    await page.keuze.rejectAll();
    expect(stored(page)).to.deep.equal(['reject-all']);
    expect(page.logs()).to.deep.equal([]);
    await page.reload();
    expect(page.keuze.getConsent()!.method).to.equal('reject-all');
  });

  it('a record from the future is invalid, alone or beside a valid one', async () => {
    const future = encodeRecord(record({ timestamp: new Date('2300-01-01').toISOString() }));
    const alone = await openPage({ config: siteConfig, before: write(future), body: trackers });
    await logged(alone, 'warn', 'dated in the future');
    await gateDrained(alone);
    expect(alone.keuze.getConsent()).to.equal(null);
    expect(alone.window.__ran).to.deep.equal([]);
    expect(alone.logs('warn').filter((text) => text.includes('dated in the future'))).to.have.length(1);
    closePages();
    clearAll();
    const beside = await openPage({ path: DEEP, config: siteConfig, before: `${write(future, 'path=/shop')} ${write(encodeRecord(REJECTED), 'path=/shop/checkout')}`, body: trackers });
    expect(beside.keuze.getConsent()!.method).to.equal('reject-all');
  });

  it('an invalid copy beside a valid one does not hide it (corrupt, old revision, expired)', async () => {
    const expired = encodeRecord(record({ timestamp: new Date(Date.now() - 400 * DAY).toISOString() }));
    const oldRevision = encodeRecord(record({ revision: 0, timestamp: new Date().toISOString() }));
    const before = `${write('garbage', 'path=/shop/checkout')} ${write(oldRevision, 'path=/shop/')} ${write(expired, 'path=/shop')} ${write(encodeRecord(REJECTED))}`;
    const page = await openPage({ path: DEEP, config: siteConfig, before });
    expect(page.keuze.getConsent()!.consentId).to.equal(REJECTED.consentId);
    await waitUntil(() => stored(page).length == 1, 'the stale copies were not removed');
  });
});

describe('a choice made elsewhere: other tabs, back/forward', () => {
  beforeEach(clearAll);
  afterEach(() => {
    closePages();
    clearAll();
  });

  it("a stale tab's explicit choice is stored, compared with what is stored now", async () => {
    document.cookie = `keuze_consent=${encodeRecord(REJECTED)}; path=/`;
    const a = await openPage({ config: siteConfig });
    const b = await openPage({ config: siteConfig });
    await a.keuze.acceptAll();
    // B still remembers the reject-all it loaded with.
    await b.keuze.rejectAll();
    expect(stored(b)).to.deep.equal(['reject-all']);
    expect(b.keuze.getConsent()!.method).to.equal('reject-all');
    await a.reload();
    expect(a.keuze.isGranted('analytics')).to.equal(false);
  });

  for (const cookieStoreEvents of [true, false]) {
    it(`another tab's withdrawal applies before later markup runs, and is announced (${cookieStoreEvents ? 'cookieStore events where the browser has them' : 'without cookieStore: when the tab becomes visible'})`, async () => {
      document.cookie = `keuze_consent=${encodeRecord(ACCEPTED)}; path=/`;
      const before = cookieStoreEvents ? '' : "Object.defineProperty(window, 'cookieStore', { value: undefined });";
      const a = await openPage({ config: siteConfig, before, body: trackers });
      await waitUntil(() => a.window.__ran.length == 4);
      const events: (string | null)[] = [];
      a.keuze.on('consent', (event) => void events.push(event.consent?.method ?? null));
      const b = await openPage({ config: siteConfig });
      await b.keuze.rejectAll();
      if (!cookieStoreEvents || !('cookieStore' in window)) a.document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => events.length == 1, 'tab A did not hear of the change');
      expect(events).to.deep.equal(['reject-all']);
      expect(a.keuze.isGranted('analytics')).to.equal(false);
      a.document.body.insertAdjacentHTML('beforeend', lateAnalytics);
      await gateDrained(a);
      expect(a.window.__ran).not.to.include('late');
    });
  }

  it('late markup never runs on a withdrawn choice, even before the tab hears of it', async () => {
    document.cookie = `keuze_consent=${encodeRecord(ACCEPTED)}; path=/`;
    const a = await openPage({ config: siteConfig, before: "Object.defineProperty(window, 'cookieStore', { value: undefined });" });
    const b = await openPage({ config: siteConfig });
    await b.keuze.rejectAll();
    a.document.body.insertAdjacentHTML('beforeend', lateAnalytics);
    await gateDrained(a);
    expect(a.window.__ran).to.deep.equal([]);
  });

  it('a choice made in another tab takes the banner away here', async () => {
    const a = await openPage({ config: siteConfig });
    const banner = (): Element | null | undefined => a.document.querySelector('keuze-cookie-banner')?.shadowRoot?.querySelector('[part~="base"]');
    await waitUntil(banner, 'no banner');
    const b = await openPage({ config: siteConfig });
    await b.keuze.acceptAll();
    a.document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => !banner(), 'the banner stayed');
    expect(a.keuze.getConsent()!.method).to.equal('accept-all');
  });

  it('Back to a page kept in the back/forward cache: the withdrawal made on the next page applies there', async () => {
    document.cookie = `keuze_consent=${encodeRecord(ACCEPTED)}; path=/`;
    const id = `keuze-bfcache-${Math.random()}`;
    const channel = new BroadcastChannel(id);
    const pageB = pageUrl({ config: siteConfig, body: `<script type="module">await window.Keuze.rejectAll(); history.back();</script>` });
    const pageA = pageUrl({
      config: siteConfig,
      body: `${trackers}<script type="module">
        const channel = new BroadcastChannel(${JSON.stringify(id)});
        const events = [];
        window.Keuze.on('consent', (event) => events.push(event.consent?.method ?? null));
        addEventListener('pageshow', async (event) => {
          if (!event.persisted && !sessionStorage.getItem(${JSON.stringify(id)})) {
            sessionStorage.setItem(${JSON.stringify(id)}, '1');
            // The accepted trackers have run before the visitor moves on, in a task after this one: a
            // navigation before the page has completely loaded replaces its history entry, leaving Back nowhere to go.
            await ${gateDrainedInPage};
            setTimeout(() => (location.href = ${JSON.stringify(pageB)}));
            return;
          }
          // Shown again: markup a script adds now must not run on the withdrawn choice.
          document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(lateAnalytics).replace(/</g, '\\u003c')});
          // Kept in the cache: the withdrawal is announced here too (the engine loads to say so).
          if (event.persisted && !events.length) await new Promise((resolve) => window.Keuze.on('consent', resolve));
          await ${gateDrainedInPage};
          channel.postMessage({ persisted: event.persisted, method: window.Keuze.getConsent()?.method, ran: window.__ran, events });
          close();
        });
      </script>`,
    });
    const result = new Promise<{ persisted: boolean; method: string; ran: string[]; events: string[] }>((resolve) => (channel.onmessage = (event) => resolve(event.data)));
    // No opener: browsers keep only pages without one in the back/forward cache.
    window.open(pageA, '_blank', 'noopener');
    const report = await result;
    channel.close();
    // Chromium keeps the page; an engine that does not loads it afresh, which must hold too.
    if (navigator.userAgent.includes('Chrome/')) expect(report.persisted).to.equal(true);
    expect(report.method).to.equal('reject-all');
    expect(report.ran).not.to.include('late');
    if (report.persisted) expect(report.events).to.deep.equal(['reject-all']);
  });
});

describe('other scripts and markup on the page', () => {
  beforeEach(clearAll);
  afterEach(() => {
    closePages();
    clearAll();
  });

  it('a cookie guard that throws on writes: "Alles accepteren" throws nothing, and the choice holds for the page', async () => {
    const guard = `const { get, set } = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
      Object.defineProperty(document, 'cookie', { configurable: true, get() { return get.call(this); }, set(value) { throw new Error('cookie guard: ' + value.split('=')[0] + ' not allowed'); } });`;
    const body = '<script type="text/plain" data-category="analytics" src="/test/support/tracker.js?name=analytics"></script>';
    const page = await openPage({ config: siteConfig, before: guard, body });
    const accept = (): HTMLButtonElement | null | undefined => page.document.querySelector('keuze-cookie-banner')?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="accept-all"]');
    await waitUntil(accept, 'no banner');
    accept()!.click();
    await waitUntil(() => page.keuze.getConsent(), 'the choice was lost');
    expect(page.keuze.getConsent()!.method).to.equal('accept-all');
    await waitUntil(() => page.window.__ran.includes('analytics'));
    expect(page.window.__errors).to.deep.equal([]);
    expect(page.logs('warn').some((text) => text.includes('the choice holds for this page only'))).to.equal(true);
    expect(page.logs('error').some((text) => text.includes('cookie guard'))).to.equal(true);
    // The same through the API: resolves, never rejects.
    await page.keuze.rejectAll();
    expect(page.keuze.getConsent()!.method).to.equal('reject-all');
  });

  it('DOM clobbering (<img name="cookie">, <form id="Keuze">) neither switches Keuze off nor crashes it', async () => {
    const body = `<form id="Keuze"><input name="getConsent"></form><img name="cookie" src="/test/support/pixel.gif">${trackers}`;
    const page = await openPage({ config: siteConfig, before: write(encodeRecord(ACCEPTED)), body });
    await gateDrained(page);
    expect(typeof page.keuze.getConsent).to.equal('function');
    expect(page.keuze.getConsent()!.method).to.equal('accept-all');
    expect(page.window.__ran).to.have.length(4);
    await page.keuze.rejectAll();
    const jar = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!.get!.call(page.document) as string;
    expect(jar).to.include(`keuze_consent=1|${ACCEPTED.consentId}`);
    expect(jar).to.include('|r|necessary|');
    expect(page.window.__errors).to.deep.equal([]);
    expect(page.logs('error')).to.deep.equal([]);
  });

  it('in <iframe sandbox="allow-scripts"> (no cookie access) Keuze starts without storage and says so', async () => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    // A classic script: an opaque origin fetches module scripts with CORS, which this server lacks.
    frame.src = pageUrl({
      loader: 'iife',
      config: siteConfig,
      body: `<script type="text/plain" data-category="analytics" src="/test/support/tracker.js?name=analytics"></script>
        <script>addEventListener('load', async () => {
          const started = typeof window.Keuze?.getConsent == 'function';
          let accepted = null;
          if (started) { await window.Keuze.acceptAll(); await ${gateDrainedInPage}; accepted = window.Keuze.getConsent()?.method; }
          parent.postMessage({ started, accepted, ran: window.__ran, errors: window.__errors, logs: window.__logs.map((l) => l.text) }, '*');
        });</script>`,
    });
    const result = new Promise<{ started: boolean; accepted: string; ran: string[]; errors: string[]; logs: string[] }>((resolve) =>
      window.addEventListener('message', (event) => resolve(event.data), { once: true }),
    );
    document.body.append(frame);
    const report = await result;
    frame.remove();
    expect(report.started).to.equal(true);
    expect(report.accepted).to.equal('accept-all');
    expect(report.ran).to.deep.equal(['analytics']);
    expect(report.errors).to.deep.equal([]);
    expect(report.logs).to.deep.equal([
      '[keuze] this document has no cookie access (a sandboxed iframe without allow-same-origin?): Keuze runs without storage, and a choice holds for this page only.',
      '[keuze] the browser did not keep the consent cookie (cookies blocked?); the choice holds for this page only.',
    ]);
  });
});

describe('withdrawal deletes what it should, and only that', () => {
  beforeEach(clearAll);
  afterEach(() => {
    closePages();
    clearAll();
  });

  it('cookies: ["*"] never deletes Keuze\'s own cookie, nor those of locked or still granted categories', async () => {
    const config = {
      revision: 1,
      categories: { necessary: { cookies: ['session'] }, analytics: { cookies: ['_stats'] }, marketing: { cookies: ['*'] } },
    };
    const page = await openPage({ config });
    await page.keuze.acceptAll();
    for (const name of ['session', '_stats', '_ads', 'AMCV_0A1B2C%40AdobeOrg']) page.document.cookie = `${name}=1; path=/`;
    await page.keuze.setConsent({ categories: ['analytics'] });
    expect(cookieNames(page)).to.deep.equal(['_stats', 'keuze_consent', 'session']);
    await page.keuze.reset();
    expect(cookieNames(page)).to.deep.equal(['session']);
  });

  it('patterns match names as document.cookie shows them: AMCV_* deletes AMCV_0A1B2C%40AdobeOrg', async () => {
    const config = { revision: 1, categories: { necessary: {}, analytics: { cookies: ['AMCV_*', 's_cc'] } } };
    const page = await openPage({ config });
    await page.keuze.acceptAll();
    page.document.cookie = 'AMCV_0A1B2C%40AdobeOrg=MCMID%7C1; path=/';
    page.document.cookie = 's_cc=true; path=/';
    await page.keuze.rejectAll();
    expect(cookieNames(page)).to.deep.equal(['keuze_consent']);
  });
});

describe('cookie settings the browser would refuse', () => {
  beforeEach(clearAll);
  afterEach(closePages);

  for (const [name, cookie, expected] of [
    ['a __Host- name', { name: '__Host-consent' }, 'config.cookie.name: "__Host-consent" needs https'],
    ['a __Secure- name', { name: '__Secure-consent' }, 'config.cookie.name: "__Secure-consent" needs https'],
    ['SameSite=None', { sameSite: 'None' }, 'config.cookie.sameSite: "None" needs https'],
  ] as const) {
    it(`${name} on a plain http page is reported at validation`, async () => {
      const report = await onHost<{ errors: string[] }>(
        'plain.keuze.test',
        { config: { ...siteConfig, cookie } },
        `await window.Keuze.validConfig(); report({ errors: window.__logs.filter((l) => l.level == 'error').map((l) => l.text) });`,
      );
      expect(report.errors.filter((text) => text.includes(expected))).to.have.length(1);
    });
  }

  it('the same names on a secure page (localhost) are not reported, and a __Host- cookie is stored', async () => {
    const page = await openPage({ config: { ...siteConfig, cookie: { name: '__Host-consent', domain: 'localhost' } } });
    await page.keuze.acceptAll();
    expect(page.logs('error')).to.deep.equal(['[keuze] config.cookie: a __Host- cookie has no Domain and Path=/, so Keuze ignores cookie.domain and cookie.path for "__Host-consent".']);
    if (engine == 'webkit') return void expect(page.logs('warn')).to.deep.equal([SECURE_ON_HTTP]);
    expect(page.document.cookie).to.include('__Host-consent=1|');
    page.document.cookie = '__Host-consent=; max-age=0; path=/; secure';
  });
});

describe("Keuze's own storage: only what a choice allows, all of it declared", () => {
  beforeEach(clearAll);
  afterEach(() => {
    closePages();
    clearAll();
  });

  const config = {
    revision: 1,
    lang: 'nl',
    consentLog: { endpoint: '/__consent-log/own-storage' },
    categories: { necessary: {}, preferences: { label: 'Voorkeuren', cookies: ['keuze_newsletter'] } },
  };
  // The host answers every sign-up with "subscribed".
  const before = "window.KeuzeConfig = { onEvent: (event) => event.type == 'newsletter-subscribe' ? { status: 'subscribed' } : undefined };";
  const body = '<keuze-newsletter-signup></keuze-newsletter-signup><keuze-cookie-declaration></keuze-cookie-declaration>';

  async function subscribe(page: TestPage): Promise<void> {
    const root = (): ShadowRoot | null | undefined => page.document.querySelector('keuze-newsletter-signup')?.shadowRoot;
    await waitUntil(() => root()?.querySelector('#email'), 'no sign-up form');
    const email = root()!.querySelector<HTMLInputElement>('#email')!;
    email.value = 'anna@example.com';
    email.dispatchEvent(new InputEvent('input'));
    // One tick: the topic's box is the consent (no separate agree box).
    root()!.querySelector<HTMLInputElement>('input[name="topics"]')!.click();
    root()!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => root()!.querySelector('[part~="message"]')?.textContent?.includes('aangemeld'), 'not subscribed');
  }

  for (const [when, choose] of [
    ['before any choice', async () => {}],
    ['after "Alles weigeren"', (page: TestPage) => page.keuze.rejectAll()],
  ] as const) {
    it(`a newsletter sign-up ${when} writes no keuze_newsletter cookie`, async () => {
      const page = await openPage({ config, before, body });
      await choose(page);
      await subscribe(page);
      expect(cookieNames(page)).not.to.include('keuze_newsletter');
    });
  }

  it('with the category that lists it granted, the cookie is written; withdrawing the category deletes it', async () => {
    const page = await openPage({ config, before, body });
    await page.keuze.acceptAll();
    await subscribe(page);
    expect(page.document.cookie).to.include('keuze_newsletter=newsletter');
    await page.keuze.rejectAll();
    expect(cookieNames(page)).to.deep.equal(['keuze_consent']);
  });

  it('the cookie declaration lists the consent cookie, the consent log key and keuze_newsletter, each with its lifetime', async () => {
    const page = await openPage({ config, before, body });
    const rows = (category: string): string[][] =>
      [...(page.document.querySelector('keuze-cookie-declaration')?.shadowRoot?.querySelectorAll(`section[aria-labelledby="category-${category}"] tbody tr`) ?? [])].map((row) =>
        [...row.children].map((cell) => cell.textContent.trim()),
      );
    await waitUntil(() => rows('preferences').length, 'the declaration did not render');
    expect(rows('necessary').map(([name, , , , lifetime]) => [name, lifetime])).to.deep.equal([
      // The longest the consent cookie is kept: after a refusal, reaskAfterRefusalDays (182) outlasts lifetimeDays (180).
      ['keuze_consent', '182 dagen'],
      ['keuze_consent_log', 'Tot het is afgeleverd, hooguit tot je volgende bezoek'],
    ]);
    expect(rows('preferences').map(([name, , , , lifetime]) => [name, lifetime])).to.deep.equal([['keuze_newsletter', '395 dagen']]);
  });
});

describe("a choice made elsewhere reaches Consent Mode, and a site that declares Keuze's cookie itself", () => {
  beforeEach(clearAll);
  afterEach(() => {
    closePages();
    clearAll();
  });

  it("another tab's withdrawal updates Google Consent Mode here", async () => {
    document.cookie = `keuze_consent=${encodeRecord(ACCEPTED)}; path=/`;
    const a = await openPage({ config: { ...siteConfig, googleConsentMode: true } });
    const updates = (): Record<string, string>[] =>
      ((a.window as unknown as { dataLayer?: IArguments[] }).dataLayer ?? []).filter((command) => command[1] == 'update').map((command) => command[2] as Record<string, string>);
    await waitUntil(() => updates().length == 1, 'no update from the stored choice');
    expect(updates()[0]!.analytics_storage).to.equal('granted');
    const b = await openPage({ config: siteConfig });
    await b.keuze.rejectAll();
    a.document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => updates().length == 2, 'Consent Mode did not hear of the withdrawal');
    expect(updates()[1]).to.deep.include({ analytics_storage: 'denied', ad_storage: 'denied' });
  });

  it("the declaration shows Keuze's consent cookie once, as the site describes it, when the config lists it", async () => {
    const config = { ...siteConfig, lang: 'nl', categories: { ...siteConfig.categories, necessary: { cookies: [{ name: 'keuze_consent', purpose: 'Onze eigen tekst.' }] } } };
    const page = await openPage({ config, body: '<keuze-cookie-declaration></keuze-cookie-declaration>' });
    const rows = (): string[][] =>
      [...(page.document.querySelector('keuze-cookie-declaration')?.shadowRoot?.querySelectorAll('section[aria-labelledby="category-necessary"] tbody tr') ?? [])].map((row) =>
        [...row.children].map((cell) => cell.textContent.trim()),
      );
    await waitUntil(() => rows().length, 'the declaration did not render');
    expect(rows().map(([name, , , purpose]) => [name, purpose])).to.deep.equal([['keuze_consent', 'Onze eigen tekst.']]);
  });
});
