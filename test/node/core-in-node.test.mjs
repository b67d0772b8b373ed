// @keuze/core must import and run on a server (no window, no document): server-rendered sites
// import it, and read the consent cookie there.
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('the environment really has no DOM', () => {
  assert.equal(typeof window, 'undefined');
  assert.equal(typeof document, 'undefined');
});

const core = await import('@keuze/core');

test("@keuze/core's root exports the public API only (docs/api.md); the building blocks are in @keuze/core/internal", async () => {
  assert.deepEqual(Object.keys(core).sort(), [
    'DEFAULT_LIFETIME_DAYS',
    'GATED_SELECTOR',
    'MAX_LIFETIME_DAYS',
    'NECESSARY',
    'NEWSLETTER_COOKIE',
    'PENDING_LOG_KEY',
    'RECORD_FORMAT',
    'checkConfig',
    'consentCookieAttributes',
    'cookieValues',
    'cookiesOf',
    'decodeRecord',
    'encodeRecord',
    'init',
    'isSafeUrl',
    'isSaleCategory',
    'matchesAny',
    'mayStoreCookie',
    'removeCookies',
    'reportConfigProblems',
    'setCookie',
    'validateConfig',
  ]);
  const internal = await import('@keuze/core/internal');
  for (const name of ['startKeuze', 'ConsentEngine', 'readConfigForPageView', 'ownData', 'isObject', 'NAME', 'explain', 'logError', 'logWarning', 'METHODS']) {
    assert.ok(name in internal, `@keuze/core/internal lacks ${name}`);
    assert.ok(!(name in core), `@keuze/core exports the building block ${name}`);
  }
});

test('@keuze/core imports without a DOM and init() neither throws nor writes', async () => {
  const keuze = core.init({ privacyUrl: '/privacy', categories: { necessary: {}, analytics: {} } });
  assert.equal(keuze.getConsent(), null);
  assert.equal(keuze.isGranted('necessary'), true);
  assert.equal(keuze.isGranted('analytics'), false);
  await keuze.acceptAll();
  assert.deepEqual(keuze.getConsent().categories, ['necessary', 'analytics']);
});

test('a server reads the consent cookie with decodeRecord', () => {
  const record = {
    consentId: 'Zm9vYmFyYmF6cXV4MTIzNA',
    categories: ['necessary', 'analytics'],
    services: { analytics: ['matomo'] },
    firstGiven: '2026-11-01T10:00:00.000Z',
    timestamp: '2026-11-20T10:00:00.000Z',
    revision: 3,
    language: 'nl',
    gpc: true,
    method: 'custom',
  };
  const value = core.encodeRecord(record);
  assert.deepEqual(core.decodeRecord(value), record);
  assert.equal(core.decodeRecord(value.replace('analytics|', 'marketing|')), 'altered');
  assert.equal(core.decodeRecord('garbage'), 'corrupt');
  assert.equal(core.decodeRecord(undefined), null);
});

test('a record with dozens of services stays far under the 4 KB cookie limit', () => {
  const services = Array.from({ length: 48 }, (_, i) => `service-number-${i}`);
  const value = core.encodeRecord({
    consentId: 'Zm9vYmFyYmF6cXV4MTIzNA',
    categories: ['necessary', 'analytics', 'marketing'],
    services: { analytics: services.slice(0, 24), marketing: services.slice(24) },
    firstGiven: new Date().toISOString(),
    timestamp: new Date().toISOString(),
    revision: 12,
    language: 'nl',
    gpc: false,
    method: 'accept-all',
  });
  assert.ok(value.length < 1100, `${value.length} bytes`);
  assert.equal(core.decodeRecord(value).services.marketing.length, 24);
});

test('config validation reports by key path on a server too', () => {
  const { config, problems } = core.validateConfig({ categories: { necessary: {}, ads: { cookies: 'x' } }, colour: 'red' });
  assert.equal(config.usable, true);
  assert.deepEqual(
    problems.map(([path, expected]) => `${path}:${expected}`),
    ['categories.ads.cookies:list', 'colour:known'],
  );
});

test('the consent cookie is Secure on https, SameSite=Lax, first-party, on the configured parent domain', () => {
  const { config } = core.validateConfig({ categories: { necessary: {} }, cookie: { domain: 'example.nl' }, lifetimeDays: 30 });
  assert.deepEqual(core.consentCookieAttributes(config, { hostname: 'app.example.nl', protocol: 'https:' }), {
    path: '/',
    domain: 'example.nl',
    sameSite: 'Lax',
    secure: true,
    partitioned: false,
    expires: 30,
  });
  assert.equal(core.consentCookieAttributes(config, { hostname: 'localhost', protocol: 'http:' }).secure, false);
});

test('cookie.sameSite "None" forces Secure and Partitioned; a __Host- name forces Secure, Path=/ and no Domain', () => {
  const none = core.validateConfig({ categories: { necessary: {} }, cookie: { sameSite: 'None' } }).config;
  assert.deepEqual(core.consentCookieAttributes(none, { hostname: 'localhost', protocol: 'http:' }), {
    path: '/',
    domain: undefined,
    sameSite: 'None',
    secure: true,
    partitioned: true,
    expires: 180,
  });
  const host = core.validateConfig({ categories: { necessary: {} }, cookie: { name: '__Host-consent', domain: 'example.nl', path: '/app' } }).config;
  const attributes = core.consentCookieAttributes(host, { hostname: 'www.example.nl', protocol: 'http:' });
  assert.deepEqual([attributes.path, attributes.domain, attributes.secure], ['/', undefined, true]);
  const { problems } = core.validateConfig({ categories: { necessary: {} }, cookie: { sameSite: 'none' } });
  assert.deepEqual(
    problems.map(([path, expected]) => `${path}:${expected}`),
    ['cookie.sameSite:sameSite'],
  );
});
