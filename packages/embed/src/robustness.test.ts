import { expect, waitUntil } from '@open-wc/testing';
import { checksum } from '../../core/src/record-codec.js';
import { encodeRecord } from '../../core/src/record-writer.js';
import type { ConsentRecord } from '../../core/src/types.js';
import { clearSiteData, closePages, cookies, gateDrained, logged, openPage, siteConfig, trackers, type TestPage } from '../../../test/support/pages.js';

const DAY = 86_400_000;
const record = (changes: Partial<ConsentRecord> = {}): ConsentRecord => ({
  consentId: 'AAAAAAAAAAAAAAAAAAAAAA',
  categories: ['necessary', 'analytics', 'marketing'],
  services: { analytics: ['matomo', 'hotjar'] },
  firstGiven: new Date(Date.now() - DAY).toISOString(),
  timestamp: new Date(Date.now() - DAY).toISOString(),
  revision: 1,
  language: 'nl',
  gpc: false,
  method: 'accept-all',
  ...changes,
});
/** A record edited part by part, with its checksum recomputed: forged, not garbled. */
const withChecksum = (parts: string[]): string => [...parts.slice(0, -1), checksum(parts.slice(0, -1).join('|'))].join('|');
const storeRaw = (value: string): void => void (document.cookie = `keuze_consent=${value}; path=/`);

/** The page ran nothing gated, treats the visitor as new and threw nothing into the host page. */
function expectAskedAgain(page: TestPage): void {
  expect(page.keuze.getConsent()).to.equal(null);
  expect(page.keuze.isGranted('analytics')).to.equal(false);
  expect(page.window.__ran).to.deep.equal([]);
  expect(page.window.__errors).to.deep.equal([]);
}

describe('stored cookies that cannot be trusted', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('reads a valid record, even next to a malformed cookie of another script', async () => {
    document.cookie = 'other=%E0%A4%A; path=/';
    storeRaw(encodeRecord(record()));
    const page = await openPage({ config: siteConfig, body: trackers });
    await gateDrained(page);
    expect(page.keuze.getConsent()!.categories).to.deep.equal(['necessary', 'analytics', 'marketing']);
    expect(page.window.__ran).to.have.length(4);
  });

  const cases: [string, () => string, RegExp][] = [
    ['tampered (a category added by hand)', () => encodeRecord(record({ categories: ['necessary'] })).replace('|necessary|', '|necessary~marketing|'), /was altered/],
    ['garbage', () => '{"categories":["marketing"]}<script>', /is corrupt/],
    ['truncated', () => encodeRecord(record()).slice(0, 40), /is corrupt/],
    ['oversized', () => `${encodeRecord(record())}${'x'.repeat(3200)}`, /is larger than any record Keuze writes/],
    ['of an unknown future format', () => encodeRecord(record()).replace(/^1\|/, '2|'), /is corrupt/],
    // A valid checksum around a time no Date can hold: decoding it must not throw.
    [
      'with a time past any date',
      () =>
        withChecksum(
          encodeRecord(record())
            .split('|')
            .map((part, i) => (i === 3 ? 'zzzzzzzzzzzz' : part)),
        ),
      /is corrupt/,
    ],
    ['for an old revision', () => encodeRecord(record({ revision: 0 })), /revision 0, the config is at revision 1/],
    [
      'older than the lifetime',
      () => encodeRecord(record({ firstGiven: new Date(Date.now() - 200 * DAY).toISOString(), timestamp: new Date(Date.now() - 181 * DAY).toISOString() })),
      /older than 180 days \(config.lifetimeDays\)/,
    ],
  ];
  for (const [name, value, warning] of cases) {
    it(`a ${name} cookie means "no valid consent", with a warning`, async () => {
      storeRaw(value());
      const page = await openPage({ config: siteConfig, body: trackers });
      await waitUntil(() => page.logs('warn').some((text) => warning.test(text)), 'no warning', { timeout: 3000 });
      await gateDrained(page);
      expectAskedAgain(page);
      expect(page.logs('warn').filter((text) => warning.test(text))).to.have.length(1);
    });
  }

  it('a revision bump asks again, and the new choice is stored for the new revision', async () => {
    const first = await openPage({ config: siteConfig, body: trackers });
    await first.keuze.acceptAll();
    closePages();
    const bumped = await openPage({ config: { ...siteConfig, revision: 2 }, body: trackers });
    await gateDrained(bumped);
    expectAskedAgain(bumped);
    await bumped.keuze.rejectAll();
    expect(bumped.keuze.getConsent()!.revision).to.equal(2);
  });
});

describe('bad config', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  /** Fails closed: nothing optional runs, a choice is refused with an error, no exception escapes. */
  async function expectFailsClosed(page: TestPage): Promise<void> {
    expect(page.keuze.config.usable).to.equal(false);
    await page.keuze.acceptAll();
    // The refusal is said once the choice is refused: nothing was granted, so nothing can run.
    await logged(page, 'error', 'consent was not stored');
    expectAskedAgain(page);
    expect(cookies()).to.deep.equal({});
    expect(page.logs('error').some((text) => text.includes('consent was not stored'))).to.equal(true);
  }

  it('no config at all fails closed and says how to add one', async () => {
    const page = await openPage({ body: trackers });
    await logged(page, 'error', 'no config found');
    expect(page.logs('error').filter((text) => text.includes('no config found'))).to.have.length(1);
    await expectFailsClosed(page);
  });

  it('a config element that is not JSON fails closed', async () => {
    const page = await openPage({ config: '{ categories: { analytics: {} }', body: trackers });
    await logged(page, 'error', '#keuze-config: invalid JSON');
    expect(page.logs('error').some((text) => text.includes('#keuze-config: invalid JSON'))).to.equal(true);
    await expectFailsClosed(page);
  });

  for (const [name, config, path] of [
    ['missing categories', { revision: 1 }, 'config.categories: expected an object of entries by name'],
    ['categories as a list', { categories: ['necessary', 'analytics'] }, 'config.categories: expected an object of entries by name'],
    ['a config that is a list', [siteConfig], 'config: expected an object'],
  ] as const) {
    it(`${name} fails closed, naming the key`, async () => {
      const page = await openPage({ config, body: trackers });
      await logged(page, 'error', path);
      expect(page.logs('error').filter((text) => text.includes(path))).to.have.length(1);
      await expectFailsClosed(page);
    });
  }

  it('reports each unknown key and wrong type once, by key path, and keeps working with defaults', async () => {
    const config = {
      ...siteConfig,
      lifetime: 30,
      lifetimeDays: 500,
      privacyUrl: 'javascript:alert(1)',
      cookie: { name: 'my consent', secure: true },
      categories: {
        necessary: { cookies: ['session'] },
        analytics: { ...siteConfig.categories.analytics, cookie: ['_stats'], label: 42 },
        marketing: { cookies: '_ads', readOnly: 'no' },
        'bad name!': {},
      },
    };
    const page = await openPage({ config, before: "window.KeuzeConfig = { onEvent: 'notify me' };", body: trackers });
    await logged(page, 'error', 'config.onEvent: expected a function');
    const errors = page.logs('error');
    for (const expected of [
      'config.lifetime: unknown key',
      'config.lifetimeDays: expected a number of days from 1 to 395',
      'config.privacyUrl: expected an http(s) or relative URL',
      'config.cookie.name: expected a cookie name',
      'config.cookie.secure: unknown key',
      'config.categories.analytics.cookie: unknown key',
      'config.categories.analytics.label: expected a string, or an object of strings per language',
      'config.categories.marketing.cookies: expected an array',
      'config.categories.marketing.readOnly: expected true or false',
      'config.categories.bad name!: expected a name of letters, digits',
      'config.onEvent: expected a function',
    ]) {
      expect(
        errors.filter((text) => text.includes(expected)),
        expected,
      ).to.have.length(1);
    }
    expect(errors, errors.join('\n')).to.have.length(11);
    expect(page.keuze.config.usable).to.equal(true);
    expect(page.keuze.config.lifetimeDays).to.equal(180);
    expect(page.keuze.config.cookie.name).to.equal('keuze_consent');
    expect(page.keuze.config.privacyUrl).to.equal(undefined);
    await page.keuze.acceptAll();
    await gateDrained(page);
    expect(page.window.__ran).to.have.length(4);
  });

  it('a newsletter topic without an id is left out, with an error', async () => {
    const page = await openPage({ config: { ...siteConfig, newsletter: { topics: [{ label: 'No id' }, { id: 'news', label: 'News' }] } } });
    await page.keuze.acceptAll();
    expect(page.logs('error').filter((text) => text.includes('config.newsletter.topics[0].id: expected a topic id'))).to.have.length(1);
    expect(page.keuze.config.newsletter!.topics!.map((topic) => topic.id)).to.deep.equal(['news']);
  });

  it('a missing necessary category is added, locked, with an error', async () => {
    const page = await openPage({ config: { categories: { analytics: {} } } });
    await logged(page, 'error', 'config.categories.necessary: missing');
    expect(page.logs('error').filter((text) => text.includes('config.categories.necessary: missing'))).to.have.length(1);
    expect(page.keuze.isGranted('necessary')).to.equal(true);
  });

  it('warns loudly when a locked category lists tracking cookies', async () => {
    const page = await openPage({ config: { categories: { necessary: { cookies: ['session', '_ga', '_fbp'] }, analytics: {} } } });
    await logged(page, 'warn', '_ga, _fbp');
    expect(page.logs('warn').filter((text) => text.includes('categories.necessary') && text.includes('_ga, _fbp'))).to.have.length(1);
  });

  it('a mistyped readOnly never grants a category, also on a returning visit', async () => {
    storeRaw(encodeRecord(record({ categories: ['necessary'], services: {} })));
    const config = { ...siteConfig, categories: { ...siteConfig.categories, marketing: { readOnly: 'no' } } };
    const page = await openPage({ config, body: trackers });
    await gateDrained(page);
    expect(page.keuze.isGranted('marketing')).to.equal(false);
    expect(page.window.__ran).to.deep.equal([]);
  });

  it('a revision too large for the record is refused, so a choice still sticks', async () => {
    const first = await openPage({ config: { ...siteConfig, revision: 1e12 } });
    await first.keuze.acceptAll();
    expect(first.logs('error').filter((text) => text.includes('config.revision: expected a whole number from 0 to 999999999'))).to.have.length(1);
    await first.reload();
    expect(first.keuze.getConsent()).not.to.equal(null);
  });

  it('gated markup naming a category the config lacks is reported on a first visit', async () => {
    const body = `${trackers}<script type="text/plain" data-category="statistics" src="/test/support/tracker.js?name=typo"></script>
      <iframe data-category="analytics" data-service="matomo-cloud" data-src="/test/support/embed.html"></iframe>`;
    const page = await openPage({ config: siteConfig, body });
    await page.keuze.acceptAll();
    await gateDrained(page);
    await logged(page, 'error', 'no service "matomo-cloud"');
    expect(page.window.__ran).not.to.include('typo');
    const errors = page.logs('error');
    expect(errors.filter((text) => text.includes('a gated <script> will not run: the config has no category "statistics"'))).to.have.length(1);
    expect(errors.filter((text) => text.includes('no service "matomo-cloud" in category "analytics"'))).to.have.length(1);
  });

  it('on a returning visit, a config problem is reported once Keuze shows anything', async () => {
    const first = await openPage({ config: siteConfig });
    await first.keuze.rejectAll();
    closePages();
    // (A page with its own settings link: no settings button, so nothing is shown.)
    const page = await openPage({ config: { ...siteConfig, colour: 'red' }, body: '<a href="#" data-keuze-open="preferences">Cookies</a>' });
    await gateDrained(page);
    expect(page.keuze.getConsent()).not.to.equal(null);
    // The returning visit's loader carries no validator: nothing is shown, nothing is checked.
    const problems = (): string[] => page.logs('error').filter((text) => text.includes('config.colour: unknown key'));
    expect(problems()).to.have.length(0);
    await page.keuze.showPreferences();
    await logged(page, 'error', 'config.colour: unknown key');
    expect(problems()).to.have.length(1);
  });
});

describe('bad API input', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('setConsent with services that are not lists changes nothing and says why', async () => {
    const page = await openPage({ config: siteConfig, body: trackers });
    await page.keuze.setConsent({ categories: ['analytics'], services: { analytics: 'matomo' as unknown as string[] } });
    await logged(page, 'error', 'Keuze.setConsent: expected');
    await gateDrained(page);
    expect(page.keuze.getConsent()).to.equal(null);
    expect(page.window.__ran).to.deep.equal([]);
    expect(page.logs('error').filter((text) => text.includes('Keuze.setConsent: expected'))).to.have.length(1);
  });
});

describe('host callbacks', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  const pageWithCallback = (onEvent: string, extra = ''): Promise<TestPage> =>
    openPage({
      config: { ...siteConfig, callbackTimeout: 100 },
      before: `window.KeuzeConfig = { onEvent: ${onEvent} }; ${extra}`,
      body: trackers,
    });

  for (const [name, onEvent, message] of [
    ['throws', '() => { throw new Error("host bug") }', /config\.onEvent threw on the "consent" event: Error: host bug/],
    ['rejects', '() => Promise.reject(new Error("server down"))', /config\.onEvent rejected on the "consent" event: Error: server down/],
    ['never settles', '() => new Promise(() => {})', /config\.onEvent has not settled 100 ms after the "consent" event/],
  ] as const) {
    it(`a callback that ${name} is reported and blocks nothing`, async () => {
      const page = await pageWithCallback(onEvent);
      const heard: string[] = [];
      page.keuze.on('consent', (event) => void heard.push(`on:${event.method}`));
      page.document.addEventListener('keuze-consent', (event) => heard.push(`dom:${event.detail.method}`));
      await page.keuze.acceptAll();
      expect(cookies()).to.have.property('keuze_consent');
      expect(heard).to.deep.equal(['on:accept-all', 'dom:accept-all']);
      await waitUntil(() => page.logs().some((text) => message.test(text)), 'no report of the callback', { timeout: 3000 });
      await gateDrained(page);
      expect(page.window.__ran).to.have.length(4);
      expect(page.logs().filter((text) => message.test(text))).to.have.length(1);
      expect(page.window.__errors).to.deep.equal([]);
    });
  }

  it('a listener that throws does not stop the next one', async () => {
    const page = await openPage({ config: siteConfig });
    const heard: string[] = [];
    page.keuze.on('consent', () => {
      throw new Error('first listener');
    });
    page.keuze.on('consent', () => void heard.push('second'));
    await page.keuze.rejectAll();
    expect(heard).to.deep.equal(['second']);
    expect(page.logs('error').some((text) => text.includes('first listener'))).to.equal(true);
  });

  it('events carry the new and previous record, the method, and whether a reload is needed', async () => {
    const page = await pageWithCallback("(e) => e.type == 'consent' && (window.__events = [...(window.__events ?? []), e])");
    const events = (): { consent: ConsentRecord | null; previous: ConsentRecord | null; method: string; reloadRecommended: boolean }[] => (page.window as unknown as { __events: never[] }).__events;
    await page.keuze.setConsent({ categories: ['analytics'] });
    // hotjar's script has run before the next choice withdraws it.
    await gateDrained(page);
    await page.keuze.setConsent({ categories: ['analytics', 'marketing'] });
    await page.keuze.setConsent({ categories: ['analytics'], services: { analytics: ['matomo'] } }, { method: 'custom' });
    await page.keuze.reset();
    expect(events().map((e) => [e.method, e.consent?.categories ?? null, e.reloadRecommended])).to.deep.equal([
      ['api', ['necessary', 'analytics'], false],
      ['api', ['necessary', 'analytics', 'marketing'], false],
      // hotjar ran in this page and was withdrawn; marketing was withdrawn before its script loaded.
      ['custom', ['necessary', 'analytics'], true],
      ['api', null, true],
    ]);
    expect(events()[1]!.previous!.categories).to.deep.equal(['necessary', 'analytics']);
    expect(events()[2]!.consent!.consentId).to.equal(events()[0]!.consent!.consentId);
    expect(events()[2]!.consent!.firstGiven).to.equal(events()[0]!.consent!.firstGiven);
    expect(page.keuze.getConsent()).to.equal(null);
    expect(cookies()).not.to.have.property('keuze_consent');
  });

  it('ten fast clicks on "accept all": one cookie write, one event', async () => {
    const writes: string[] = [];
    const record = (event: CookieChangeEvent): void => void writes.push(...event.changed.map((cookie) => cookie.name!));
    cookieStore.addEventListener('change', record);
    // Chromium delivers cookie changes to the top window once the subscription has settled: a probe
    // cookie, written anew until its change is heard, shows it has.
    let probes = 0;
    await waitUntil(() => ((document.cookie = `probe=${++probes}; path=/`), writes.includes('probe')), 'the cookie change subscription did not start', { timeout: 5000 });
    document.cookie = 'probe=; path=/; max-age=0';
    const page = await pageWithCallback("(e) => void (e.type == 'consent' && (window.__count = (window.__count ?? 0) + 1))");
    await Promise.all(Array.from({ length: 10 }, () => page.keuze.acceptAll()));
    // The next decision's write and event are the later signal: a second write or event of the clicks would come before them.
    await page.keuze.rejectAll();
    await waitUntil(() => writes.filter((name) => name === 'keuze_consent').length >= 2, 'the next write was not seen', { timeout: 3000 });
    cookieStore.removeEventListener('change', record);
    expect(writes.filter((name) => name === 'keuze_consent')).to.have.length(2);
    expect((page.window as unknown as { __count: number }).__count).to.equal(2);
  });

  it('a stale read of the consent cookie (WebKit hands back the value before a write for a moment) is not taken for another tab’s choice', async () => {
    // Seen in WebKit: right after "reject all", reads returned the earlier "accept all" record for a
    // moment, then the new one, and the page announced two choices nobody made. Here the page's
    // cookie accessor returns, while the test says so, the cookies as they were after the choice
    // before the last one was written.
    const stale = `const real = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
      let before;
      let current = '';
      Object.defineProperty(Document.prototype, 'cookie', {
        configurable: true,
        get() {
          return window.__stale && before !== undefined ? ((window.__staleReads = (window.__staleReads ?? 0) + 1), before) : real.get.call(this);
        },
        set(value) {
          real.set.call(this, value);
          if (/^keuze_consent=[^;]/.test(value)) [before, current] = [current, real.get.call(this)];
        },
      });`;
    const page = await pageWithCallback("(e) => void (e.type == 'consent' && (window.__count = (window.__count ?? 0) + 1))", stale);
    await page.keuze.acceptAll();
    await page.keuze.rejectAll();
    const win = page.window as unknown as { __stale: boolean; __staleReads?: number; __count: number };
    // What makes the page read the cookie again: it became visible (the other-tab check).
    win.__stale = true;
    page.document.dispatchEvent(new Event('visibilitychange'));
    win.__stale = false;
    expect(win.__staleReads, 'the stale value was read').to.be.greaterThan(0);
    page.document.dispatchEvent(new Event('visibilitychange'));
    await page.keuze.receipt();
    expect(page.keuze.getConsent()!.method).to.equal('reject-all');
    expect(win.__count, 'consent events').to.equal(2);
  });

  it('a second choice writes over the consent cookie: it never reads as gone in between (another tab would see a withdrawal)', async () => {
    // Every write of keuze_consent, and whether the cookie was there right after it.
    const watch = `const real = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
      window.__gone = [];
      Object.defineProperty(Document.prototype, 'cookie', {
        configurable: true,
        get() { return real.get.call(this); },
        set(value) {
          real.set.call(this, value);
          if (/^keuze_consent=/.test(value) && !/(^|; )keuze_consent=/.test(real.get.call(this))) window.__gone.push(value.split(';').slice(1, 3).join(';'));
        },
      });`;
    const page = await pageWithCallback('() => {}', watch);
    await page.keuze.acceptAll();
    const win = page.window as unknown as { __gone: string[] };
    win.__gone.length = 0;
    await page.keuze.rejectAll();
    expect(win.__gone, 'writes after which no consent cookie was there').to.deep.equal([]);
    expect(page.keuze.getConsent()!.method).to.equal('reject-all');
  });
});

describe('Global Privacy Control', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);
  const withGpc = "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });";

  it('with GPC, "accept all" leaves sale categories off; an explicit choice still grants them', async () => {
    const page = await openPage({ config: siteConfig, before: withGpc, body: trackers });
    await page.keuze.acceptAll();
    await gateDrained(page);
    expect(page.keuze.getConsent()!.categories).to.deep.equal(['necessary', 'analytics']);
    expect(page.keuze.getConsent()!.gpc).to.equal(true);
    expect(page.window.__ran).not.to.include('marketing');
    await page.keuze.setConsent({ categories: ['analytics', 'marketing'] }, { method: 'custom' });
    await gateDrained(page);
    expect(page.keuze.isGranted('marketing')).to.equal(true);
    expect(page.window.__ran).to.include('marketing');
  });

  it('with GPC, a category marked sale is left off too', async () => {
    const config = { ...siteConfig, categories: { ...siteConfig.categories, analytics: { sale: true } } };
    const page = await openPage({ config, before: withGpc });
    await page.keuze.acceptAll();
    expect(page.keuze.getConsent()!.categories).to.deep.equal(['necessary']);
  });

  it('without GPC, "accept all" grants everything and the record says no GPC', async () => {
    const page = await openPage({ config: siteConfig });
    await page.keuze.acceptAll();
    expect(page.keuze.getConsent()!.categories).to.deep.equal(['necessary', 'analytics', 'marketing']);
    expect(page.keuze.getConsent()!.gpc).to.equal(false);
  });
});
