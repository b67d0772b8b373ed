// The same suite against both backends: SQLite (a temporary file) and a real PostgreSQL cluster
// started for this file. Through HTTP, as a site's pages and mail clients call it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { encodeRecord } from '@keuze/core';
import { listUnsubscribeHeaders } from '../dist/index.js';
import { createDatabase, startPostgres } from '../test-support/postgres.mjs';
import { ADMIN_TOKEN, logEntry, startServer } from '../test-support/server.mjs';

let cluster;
let databases = 0;
before(async () => {
  cluster = await startPostgres();
});
after(() => cluster?.stop());

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const DAY = 86_400_000;

const backends = [
  { name: 'sqlite', start: (options) => startServer({ name: 'sqlite' }, options) },
  { name: 'postgres', start: async (options) => startServer({ name: 'postgres', url: await createDatabase(cluster.url, `suite_${++databases}`) }, options) },
];

/** A consent cookie value as the browser stores it, made by core's own encoder. */
const cookieValue = (overrides = {}) =>
  encodeRecord({
    consentId: 'Zm9vYmFyYmF6cXV4MTIz',
    categories: ['necessary', 'analytics'],
    services: { analytics: ['matomo'] },
    firstGiven: new Date(Date.now() - 10 * DAY).toISOString(),
    timestamp: new Date(Date.now() - 10 * DAY).toISOString(),
    revision: 1,
    language: 'nl',
    gpc: false,
    method: 'custom',
    ...overrides,
  });

/** A minimal valid PNG's first bytes, then filler: what the element sends as the masked ID copy. */
const png = (size = 2048) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
};

const privacyForm = (overrides = {}) => {
  const form = new FormData();
  const fields = {
    kind: 'access',
    name: 'Anna de Vries',
    email: 'anna@example.com',
    message: 'Welke gegevens hebben jullie van mij?',
    consent: JSON.stringify({ consentId: 'Zm9vYmFyYmF6cXV4MTIz', categories: ['necessary'] }),
    language: 'nl',
    timestamp: new Date().toISOString(),
    ...overrides,
  };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.append(key, value);
  return form;
};

for (const backend of backends) {
  describe(`${backend.name}`, () => {
    let s;
    before(async () => {
      s = await backend.start();
    });
    after(() => s?.stop());

    describe('consent log', () => {
      it('stores an entry as the browser sends it, once: a retry answers 200 and stores nothing new', async () => {
        const entry = logEntry();
        assert.equal((await s.postJson('/consent-log', entry)).status, 201);
        assert.equal((await s.postJson('/consent-log', entry)).status, 200);
        const history = await (await s.call(`/consent-log/${entry.consentId}`, { headers: admin })).json();
        assert.equal(history.entries.length, 1);
        const { receivedAt, texts, ...stored } = history.entries[0];
        assert.deepEqual(stored, entry);
        assert.equal(texts, null);
        assert.ok(Date.parse(receivedAt) <= Date.now());
      });

      it('returns a visitor’s whole history, oldest first, only with the admin token', async () => {
        const first = logEntry({ timestamp: new Date(Date.now() - 60_000).toISOString(), method: 'accept-all' });
        const second = { ...first, timestamp: new Date(Date.now() - 1000).toISOString(), method: 'reject-all', categories: ['necessary'], services: {} };
        await s.postJson('/consent-log', second);
        await s.postJson('/consent-log', first);
        const history = await (await s.call(`/consent-log/${first.consentId}`, { headers: admin })).json();
        assert.deepEqual(
          history.entries.map((entry) => entry.method),
          ['accept-all', 'reject-all'],
        );
        assert.equal((await s.call(`/consent-log/${first.consentId}`)).status, 401);
        assert.equal((await s.call(`/consent-log/${first.consentId}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}x` } })).status, 401);
        assert.equal((await s.call(`/consent-log/${first.consentId}`, { headers: { authorization: ADMIN_TOKEN } })).status, 401);
        assert.equal((await s.call('/consent-log/nobody-at-all', { headers: admin })).status, 404);
      });

      it('stores a consent record of consentLog.format "iso27560" (ISO/IEC TS 27560 in DPV terms) as the same entry, and names the first fault in one', async () => {
        // The fixture has the shape of a real Keuze.receipt(): packages/embed/src/receipt.test.ts checks that.
        const receipt = JSON.parse(readFileSync(new URL('../../../test/fixtures/consent-receipt.json', import.meta.url), 'utf8'));
        const firefox = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' };
        assert.equal((await s.postJson('/consent-log', receipt, firefox)).status, 201);
        assert.equal((await s.postJson('/consent-log', receipt, firefox)).status, 200);
        const history = await (await s.call(`/consent-log/${receipt['dct:identifier']}`, { headers: admin })).json();
        const { receivedAt, texts, ...stored } = history.entries[0];
        assert.equal(texts, null);
        assert.ok(Date.parse(receivedAt) <= Date.now());
        assert.deepEqual(stored, {
          consentId: 'k3uze-receipt-0001',
          timestamp: '2026-11-02T09:30:00.000Z',
          method: 'custom',
          categories: ['necessary', 'analytics'],
          services: { analytics: ['matomo'] },
          revision: 1,
          statementVersion: '16-09-2016',
          language: 'nl',
          textsHash: receipt['dpv:hasNotice']['dct:identifier'],
          userAgent: 'Firefox',
        });
        const faulty = async (change) => {
          const copy = structuredClone(receipt);
          change(copy);
          copy['dct:identifier'] = copy['dpv:hasDataSubject']['dpv:hasIdentifier'] = `faulty-${Math.random().toString(36).slice(2)}`;
          const response = await s.postJson('/consent-log', copy, firefox);
          assert.equal(response.status, 400);
          return (await response.json()).error;
        };
        assert.match(await faulty((copy) => (copy['dpv:hasPurpose'][1]['dpv:hasConsentStatus']['@id'] = 'dpv:ConsentMaybe')), /^dpv:hasPurpose\[1\]\.dpv:hasConsentStatus\.@id: expected one of/);
        assert.match(await faulty((copy) => (copy['dpv:hasIndicationMethod']['dct:identifier'] = 'nudged')), /^dpv:hasIndicationMethod\.dct:identifier: expected one of/);
        assert.match(await faulty((copy) => delete copy['dpv:hasPurpose'][2]['dpv:hasConsentStatus']), /^dpv:hasPurpose\[2\]: expected dpv:hasConsentStatus or dpv:hasLegalBasis/);
        assert.match(await faulty((copy) => (copy['dpv:hasPurpose'][2]['dct:hasPart'] = [{ 'dct:identifier': 'pixel' }])), /services of a refused purpose/);
        assert.match(await faulty((copy) => (copy['dpv:hasPurpose'][0]['dct:identifier'] = '__proto__')), /^dpv:hasPurpose\[0\]\.dct:identifier: expected a category name/);
        assert.match(await faulty((copy) => copy['dpv:hasPurpose'].push(copy['dpv:hasPurpose'][1])), /a category is listed twice/);
        assert.match(await faulty((copy) => (copy.userAgent = 'Chrome')), /^userAgent: unknown field/);
        assert.match(await faulty((copy) => (copy['dct:hasVersion'] = '1;DROP')), /^dct:hasVersion: expected the config revision as digits/);
        assert.equal(history.entries.length, 1);
      });

      it('stores the texts a hash stands for once per hash, and only when they match it', async () => {
        const texts = 'Wij gebruiken cookies. Alles accepteren / Alles weigeren / Kiezen';
        const textsHash = `sha256:${createHash('sha256').update(texts).digest('hex')}`;
        const before = await s.counts();
        assert.equal((await s.postJson('/consent-log', logEntry({ textsHash, texts: `${texts}!` }))).status, 400);
        assert.deepEqual(await s.counts(), before);
        const entry = logEntry({ textsHash, texts });
        assert.equal((await s.postJson('/consent-log', entry)).status, 201);
        assert.equal((await s.postJson('/consent-log', logEntry({ textsHash, texts }))).status, 201);
        const after = await s.counts();
        assert.equal(after.consent_texts, before.consent_texts + 1);
        assert.equal(after.consent_log, before.consent_log + 2);
        const history = await (await s.call(`/consent-log/${entry.consentId}`, { headers: admin })).json();
        assert.equal(history.entries[0].texts, texts);
      });

      it('purges entries past the retention period, and texts no entry names any more', async () => {
        const old = logEntry();
        await s.postJson('/consent-log', old);
        const { purge } = await import('../dist/index.js');
        const kept = await purge(s.db, { retentionDays: 1826, idCopyDays: 30 });
        assert.equal(kept.consentLogEntries, 0);
        const purged = await purge(s.db, { retentionDays: 1826, idCopyDays: 30 }, Date.now() + 1827 * DAY);
        assert.ok(purged.consentLogEntries >= 1);
        assert.equal(purged.consentTexts >= 1, true);
        assert.equal((await s.call(`/consent-log/${old.consentId}`, { headers: admin })).status, 404);
        assert.equal((await s.counts()).consent_log, 0);
      });
    });

    describe('consent cookie renewal', () => {
      const renew = (cookie, body = {}, headers = {}) => s.postJson('/consent-cookie', body, { cookie, ...headers });

      it('re-issues the cookie unchanged, with the same name, path, SameSite and the record’s own expiry', async () => {
        const value = cookieValue();
        const response = await renew(`other=1; keuze_consent=${value}`, { lifetimeDays: 180 });
        assert.equal(response.status, 200);
        const [setCookie, ...more] = response.headers.getSetCookie();
        assert.equal(more.length, 0);
        const expires = new Date(Date.now() - 10 * DAY + 180 * DAY);
        assert.match(setCookie, new RegExp(`^keuze_consent=${value.replace(/[|]/g, '\\|')}; Path=/; Expires=[^;]+; SameSite=Lax$`));
        assert.ok(Math.abs(Date.parse(setCookie.match(/Expires=([^;]+)/)[1]) - expires) < 2000);
      });

      it('honours cookie.name, path and domain, and Secure when the page is https', async () => {
        const value = cookieValue();
        const response = await renew(`site_consent=${value}`, { name: 'site_consent', path: '/shop', domain: '127.0.0.1', lifetimeDays: 30 }, { origin: 'https://127.0.0.1' });
        // An https page on another origin is refused (CORS allowlist) before the cookie is looked at.
        assert.equal(response.status, 403);
        const sameOrigin = await renew(`site_consent=${value}`, { name: 'site_consent', path: '/shop', lifetimeDays: 30 });
        assert.match(sameOrigin.headers.getSetCookie()[0], /^site_consent=[^;]+; Path=\/shop; Expires=[^;]+; SameSite=Lax$/);
        // The page was https (the script tag says so: a proxy ending TLS hides it from the server).
        const secure = await renew(`site_consent=${value}`, { name: 'site_consent', domain: '127.0.0.1', secure: true });
        assert.match(secure.headers.getSetCookie()[0], /^site_consent=[^;]+; Path=\/; Domain=127\.0\.0\.1; Expires=[^;]+; SameSite=Lax; Secure$/);
      });

      it('honours cookie.sameSite and Partitioned as the script wrote them (a framed site’s SameSite=None cookie)', async () => {
        const value = cookieValue();
        const strict = await renew(`keuze_consent=${value}`, { sameSite: 'Strict' });
        assert.match(strict.headers.getSetCookie()[0], /; SameSite=Strict$/);
        // Browsers refuse SameSite=None and Partitioned without Secure: the server adds it.
        const framed = await renew(`keuze_consent=${value}`, { sameSite: 'None', secure: true, partitioned: true });
        assert.match(framed.headers.getSetCookie()[0], /; SameSite=None; Secure; Partitioned$/);
        const unsecured = await renew(`keuze_consent=${value}`, { sameSite: 'None', partitioned: true });
        assert.match(unsecured.headers.getSetCookie()[0], /; SameSite=None; Secure; Partitioned$/);
        for (const body of [{ sameSite: 'lax' }, { sameSite: 'None; Domain=evil.example' }, { partitioned: 'yes' }]) {
          assert.equal((await renew(`keuze_consent=${value}`, body)).status, 400, JSON.stringify(body));
        }
      });

      it('the newest valid copy wins when the browser sends two', async () => {
        const older = cookieValue({ timestamp: new Date(Date.now() - 20 * DAY).toISOString(), method: 'reject-all', categories: ['necessary'], services: {} });
        const newer = cookieValue();
        const response = await renew(`keuze_consent=${older}; keuze_consent=${newer}`);
        assert.ok(response.headers.getSetCookie()[0].startsWith(`keuze_consent=${newer};`));
      });

      it('refuses what core’s decoder refuses, an expired choice and a foreign domain, with no Set-Cookie', async () => {
        const value = cookieValue();
        const altered = value.replace('analytics', 'marketing');
        const cases = [
          ['', {}],
          [`keuze_consent=${altered}`, {}],
          ['keuze_consent=1|x|y', {}],
          [`keuze_consent=${'a'.repeat(3500)}`, {}],
          [`keuze_consent=${value}`, { lifetimeDays: 5 }],
          [`keuze_consent=${value}`, { domain: 'example.com' }],
          [`keuze_consent=${value}`, { lifetimeDays: 400 }],
          [`keuze_consent=${value}`, { path: '/; Domain=evil.example' }],
          [`keuze_consent=${value}`, { name: 'a b' }],
          [`keuze_consent=${value}`, { secure: 'yes' }],
        ];
        for (const [cookie, body] of cases) {
          const response = await renew(cookie, body);
          assert.equal(response.status, 400, `${cookie.slice(0, 40)} ${JSON.stringify(body)}`);
          assert.deepEqual(response.headers.getSetCookie(), []);
          assert.match((await response.json()).error, /\w/);
        }
      });
    });

    describe('newsletter (double opt-in)', () => {
      const subscribe = (email, topics = ['newsletter']) =>
        s.postJson('/newsletter', { type: 'newsletter-subscribe', email, topics, language: 'nl', consentText: 'Ja, stuur mij de nieuwsbrief (maandelijks).', timestamp: new Date().toISOString() });
      const linkIn = (mail) => new URL(/https?:\/\/\S+/.exec(mail.text)[0]);
      const event = (body) => s.postJson('/newsletter', body).then((response) => response.json());

      it('a sign-up is pending until the link in the mail is opened; then the topics are subscribed', async () => {
        const response = await subscribe('Bert@Example.com', ['newsletter', 'research']);
        assert.deepEqual(await response.json(), { status: 'pending' });
        const mail = s.mails.at(-1);
        assert.equal(mail.to, 'bert@example.com');
        const link = linkIn(mail);
        assert.equal(link.pathname, '/newsletter/confirm');
        const [subscriber] = await s.db.all("SELECT id FROM newsletter_subscribers WHERE email = 'bert@example.com'");
        assert.deepEqual(await s.db.all("SELECT topic FROM newsletter_topics WHERE subscriber_id = ? AND state = 'confirmed'", [subscriber.id]), []);
        const confirmed = await s.call(`${link.pathname}${link.search}`, { redirect: 'manual' });
        assert.equal(confirmed.status, 200);
        assert.match(await confirmed.text(), /bevestigd/);
        const topics = await s.db.all("SELECT topic FROM newsletter_topics WHERE subscriber_id = ? AND state = 'confirmed' ORDER BY topic", [subscriber.id]);
        assert.deepEqual(
          topics.map((row) => row.topic),
          ['newsletter', 'research'],
        );
        const [proof] = await s.db.all('SELECT consent_text, confirmed_at FROM newsletter_consents WHERE subscriber_id = ?', [subscriber.id]);
        assert.equal(proof.consent_text, 'Ja, stuur mij de nieuwsbrief (maandelijks).');
        assert.ok(proof.confirmed_at > 0);
      });

      it('keeps the age the visitor confirmed and the separate consent to measuring opens and clicks, with its text, as <keuze-newsletter-signup> sends them', async () => {
        const signUp = {
          type: 'newsletter-subscribe',
          email: 'dirk@example.com',
          topics: ['newsletter'],
          language: 'nl',
          consentText: 'Stuur mij per e-mail (maandelijks): Nieuwsbrief.',
          timestamp: new Date().toISOString(),
        };
        const trackingText = 'Ja, jullie mogen meten of ik de e-mails open en op welke links ik klik.';
        assert.equal((await s.postJson('/newsletter', { ...signUp, minimumAge: 16, tracking: true, trackingText })).status, 200);
        assert.equal((await s.postJson('/newsletter', { ...signUp, email: 'eva@example.com', tracking: false })).status, 200);
        const proof = async (address) =>
          (await s.db.all('SELECT minimum_age, tracking, tracking_text FROM newsletter_consents c JOIN newsletter_subscribers s ON s.id = c.subscriber_id WHERE s.email = ?', [address])).map(
            (row) => ({ ...row, tracking: Number(row.tracking) }),
          );
        assert.deepEqual(await proof('dirk@example.com'), [{ minimum_age: 16, tracking: 1, tracking_text: trackingText }]);
        assert.deepEqual(await proof('eva@example.com'), [{ minimum_age: null, tracking: 0, tracking_text: null }]);
        const refused = async (body) => (await (await s.postJson('/newsletter', { ...signUp, email: 'fay@example.com', ...body })).json()).error;
        assert.match(await refused({ tracking: true }), /^trackingText: missing/);
        assert.match(await refused({ tracking: false, trackingText }), /^trackingText: sent only with tracking: true/);
        assert.match(await refused({ minimumAge: 160 }), /^minimumAge: expected a whole number from 1 to 99/);
        assert.match(await refused({ tracking: 'yes' }), /^tracking: expected true or false/);
        assert.deepEqual(await proof('fay@example.com'), []);
      });

      it('with a preferences page, confirming redirects there with a token that reads and changes the preferences; one-click unsubscribe empties them', async () => {
        const withPage = await backend.start({ preferencesUrl: 'https://shop.example/newsletter' });
        try {
          await withPage.postJson('/newsletter', {
            type: 'newsletter-subscribe',
            email: 'carla@example.com',
            topics: ['newsletter'],
            language: 'en',
            consentText: 'Yes, send me the newsletter.',
            timestamp: new Date().toISOString(),
          });
          const link = linkIn(withPage.mails.at(-1));
          const confirmed = await withPage.call(`${link.pathname}${link.search}`, { redirect: 'manual' });
          assert.equal(confirmed.status, 303);
          const landing = new URL(confirmed.headers.get('location'));
          assert.equal(`${landing.origin}${landing.pathname}`, 'https://shop.example/newsletter');
          const token = landing.searchParams.get('token');
          const ask = (body) => withPage.postJson('/newsletter', body).then((response) => response.json());
          assert.deepEqual(await ask({ type: 'newsletter-preferences-get', token }), { email: 'carla@example.com', topics: ['newsletter'], required: [] });
          assert.deepEqual((await ask({ type: 'newsletter-preferences-set', token, topics: ['research'] })).topics, ['research']);
          // Opening the List-Unsubscribe URL (a mail scanner does) changes nothing.
          const opened = await withPage.call(`/newsletter/unsubscribe?token=${token}`, { redirect: 'manual' });
          assert.equal(opened.status, 303);
          assert.deepEqual((await ask({ type: 'newsletter-preferences-get', token })).topics, ['research']);
          const { 'List-Unsubscribe': header, 'List-Unsubscribe-Post': post } = listUnsubscribeHeaders(withPage.base, token);
          assert.equal(post, 'List-Unsubscribe=One-Click');
          const url = new URL(/<(.+?)>/.exec(header)[1]);
          const oneClick = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
          assert.equal((await oneClick()).status, 200);
          assert.equal((await oneClick()).status, 200);
          assert.deepEqual((await ask({ type: 'newsletter-preferences-get', token })).topics, []);
          assert.equal((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=Yes' })).status, 400);
        } finally {
          await withPage.stop();
        }
      });

      it('the elements’ unsubscribe event leaves every topic; forged, wrong-purpose and expired tokens are refused', async () => {
        await subscribe('dirk@example.com');
        const confirmLink = linkIn(s.mails.at(-1));
        const confirmToken = confirmLink.searchParams.get('token');
        // A confirm token is not a manage token.
        assert.equal((await s.postJson('/newsletter', { type: 'newsletter-preferences-get', token: confirmToken })).status, 403);
        const [payload, signature] = confirmToken.split('.');
        const forged = `${Buffer.from(JSON.stringify({ s: JSON.parse(Buffer.from(payload, 'base64url')).s, p: 'manage' })).toString('base64url')}.${signature}`;
        assert.equal((await s.postJson('/newsletter', { type: 'newsletter-unsubscribe', token: forged })).status, 403);
        const { issueToken } = await import('../dist/index.js');
        const { SECRET } = await import('../test-support/server.mjs');
        const expired = issueToken(SECRET, JSON.parse(Buffer.from(payload, 'base64url')).s, 'confirm', -1000);
        const refused = await s.call(`/newsletter/confirm?token=${expired}`);
        assert.equal(refused.status, 400);
        const manage = issueToken(SECRET, JSON.parse(Buffer.from(payload, 'base64url')).s, 'manage');
        await s.call(`${confirmLink.pathname}${confirmLink.search}`);
        assert.deepEqual((await event({ type: 'newsletter-preferences-get', token: manage })).topics, ['newsletter']);
        assert.deepEqual(await event({ type: 'newsletter-unsubscribe', token: manage }), { topics: [] });
        assert.deepEqual((await event({ type: 'newsletter-preferences-get', token: manage })).topics, []);
      });

      it('answers pending for an address already subscribed (no way to find out who is), and a failing mail server is a 503', async () => {
        await subscribe('erik@example.com');
        assert.deepEqual(await (await subscribe('erik@example.com')).json(), { status: 'pending' });
        const failing = await backend.start({
          mailer: async () => {
            throw new Error('SMTP down');
          },
        });
        try {
          const response = await failing.postJson('/newsletter', {
            type: 'newsletter-subscribe',
            email: 'fem@example.com',
            topics: ['newsletter'],
            language: 'nl',
            consentText: 'Ja.',
            timestamp: new Date().toISOString(),
          });
          assert.equal(response.status, 503);
          assert.doesNotMatch(await response.text(), /SMTP down|at /);
        } finally {
          await failing.stop();
        }
      });
    });

    describe('privacy requests', () => {
      it('stores a request with its ID copy, answers a reference and the deadline a month later; admins list the open ones', async () => {
        const form = privacyForm();
        form.append('idCopy', new Blob([png()], { type: 'image/png' }), 'id.png');
        const response = await s.call('/privacy-request', { method: 'POST', body: form });
        assert.equal(response.status, 201);
        const { reference, deadline } = await response.json();
        assert.match(reference, /^PR-[A-Z\d]{10}$/);
        assert.ok(Date.parse(deadline) - Date.now() > 27 * DAY && Date.parse(deadline) - Date.now() < 32 * DAY);
        assert.equal((await s.call('/privacy-requests')).status, 401);
        const { requests } = await (await s.call('/privacy-requests', { headers: admin })).json();
        const stored = requests.find((request) => request.reference == reference);
        assert.equal(stored.kind, 'access');
        assert.equal(stored.email, 'anna@example.com');
        assert.deepEqual(stored.consent, { consentId: 'Zm9vYmFyYmF6cXV4MTIz', categories: ['necessary'] });
        assert.deepEqual(stored.idCopy, { type: 'image/png' });
        const copy = await s.call(`/privacy-requests/${reference}/id-copy`, { headers: admin });
        assert.deepEqual(new Uint8Array(await copy.arrayBuffer()), png());
      });

      it('deletes the ID copy after KEUZE_ID_COPY_DAYS; the request itself stays', async () => {
        const form = privacyForm({ kind: 'erasure' });
        form.append('idCopy', new Blob([png()], { type: 'image/png' }), 'id.png');
        const { reference } = await (await s.call('/privacy-request', { method: 'POST', body: form })).json();
        const { purge } = await import('../dist/index.js');
        assert.equal((await purge(s.db, { retentionDays: 1826, idCopyDays: 30 }, Date.now() + 29 * DAY)).idCopies, 0);
        assert.ok((await purge(s.db, { retentionDays: 1826, idCopyDays: 30 }, Date.now() + 31 * DAY)).idCopies >= 1);
        const { requests } = await (await s.call('/privacy-requests', { headers: admin })).json();
        const stored = requests.find((request) => request.reference == reference);
        assert.equal(stored.idCopy, null);
        assert.ok(stored.idCopyDeletedAt);
        assert.equal((await s.call(`/privacy-requests/${reference}/id-copy`, { headers: admin })).status, 404);
      });
    });

    describe('safety', () => {
      it('CORS: only allowed origins; another origin is refused before anything is stored', async () => {
        const cors = await backend.start({ allowedOrigins: ['https://shop.example'] });
        try {
          const preflight = await cors.call('/consent-log', { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
          assert.equal(preflight.status, 204);
          assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example');
          assert.equal((await cors.call('/consent-log', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } })).status, 403);
          const allowed = await cors.postJson('/consent-log', logEntry(), { origin: 'https://shop.example' });
          assert.equal(allowed.status, 201);
          assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example');
          const before = await cors.counts();
          const refused = await cors.postJson('/consent-log', logEntry(), { origin: 'https://evil.example' });
          assert.equal(refused.status, 403);
          assert.equal(refused.headers.get('access-control-allow-origin'), null);
          assert.deepEqual(await cors.counts(), before);
        } finally {
          await cors.stop();
        }
      });

      it('a per-client rate limit answers 429, for that client only', async () => {
        const limited = await backend.start({ rateLimit: 5, trustProxy: true });
        try {
          const from = (client) => limited.postJson('/consent-log', logEntry(), { 'x-forwarded-for': client });
          const statuses = [];
          for (let i = 0; i < 7; i++) statuses.push((await from('203.0.113.7')).status);
          assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429]);
          assert.equal((await from('203.0.113.8')).status, 201);
          // No address is stored anywhere.
          const columns = JSON.stringify(await limited.db.all('SELECT * FROM consent_log'));
          assert.doesNotMatch(columns, /203\.0\.113/);
        } finally {
          await limited.stop();
        }
      });

      it('admin routes are closed when no admin token is configured', async () => {
        const closed = await backend.start({ adminToken: undefined });
        try {
          for (const path of ['/privacy-requests', '/consent-log/abcdefgh']) {
            assert.equal((await closed.call(path)).status, 401);
            assert.equal((await closed.call(path, { headers: { authorization: 'Bearer ' } })).status, 401);
            assert.equal((await closed.call(path, { headers: { authorization: 'Bearer undefined' } })).status, 401);
          }
        } finally {
          await closed.stop();
        }
      });

      it('a failure inside the server is a 500 without a stack trace or the cause', async () => {
        const broken = await backend.start();
        await broken.db.run('DROP TABLE consent_log');
        try {
          const originalError = console.error;
          console.error = () => {};
          const response = await broken.postJson('/consent-log', logEntry()).finally(() => (console.error = originalError));
          assert.equal(response.status, 500);
          assert.deepEqual(await response.json(), { error: 'internal error' });
        } finally {
          await broken.stop();
        }
      });

      it('bad input: malformed, oversized, wrong-type and hostile bodies get a 4xx with a message, nothing is stored, the server stays up', async () => {
        const entry = logEntry();
        const json = (body) => ({ path: '/consent-log', body: typeof body == 'string' ? body : JSON.stringify(body) });
        const newsletter = (body) => ({
          path: '/newsletter',
          body: JSON.stringify({ type: 'newsletter-subscribe', email: 'x@example.com', topics: ['newsletter'], language: 'nl', consentText: 'Ja.', timestamp: new Date().toISOString(), ...body }),
        });
        const nested = (depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
        const corpus = [
          json(''),
          json('abc'),
          json('{'),
          json('null'),
          json('[]'),
          json('123'),
          json('"text"'),
          json(nested(10_000)),
          json('['.repeat(40_000) + ']'.repeat(40_000)),
          json({ ...entry, statementVersion: 'x'.repeat(70_000) }),
          json(`{"__proto__": {"admin": true}, ${JSON.stringify(entry).slice(1)}`),
          json({ ...entry, constructor: { prototype: { admin: true } } }),
          json(`${JSON.stringify({ ...entry, services: {} }).slice(0, -1)}, "services": {"__proto__": ["x"]}}`),
          json({ ...entry, consentId: "x' OR '1'='1" }),
          json({ ...entry, categories: ["a'; DROP TABLE consent_log;--"] }),
          json({ ...entry, revision: '1' }),
          json({ ...entry, revision: -1 }),
          json({ ...entry, revision: 1.5 }),
          json({ ...entry, revision: 1e10 }),
          json({ ...entry, categories: 'analytics' }),
          json({ ...entry, categories: ['a', 'a'] }),
          json({ ...entry, categories: Array.from({ length: 101 }, (_, i) => `c${i}`) }),
          json({ ...entry, services: [] }),
          json({ ...entry, services: { analytics: 'matomo' } }),
          json({ ...entry, timestamp: 'yesterday' }),
          json({ ...entry, timestamp: '2026-01-01' }),
          json({ ...entry, timestamp: '9999-01-01T00:00:00.000Z' }),
          json({ ...entry, method: 'accept' }),
          json({ ...entry, language: '<script>' }),
          json({ ...entry, userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' }),
          json({ ...entry, textsHash: 'md5:abc' }),
          json({ ...entry, consentId: undefined }),
          json({ ...entry, extra: 1 }),
          json({ ...entry, texts: 'unhashed', textsHash: null }),
          { ...json(entry), type: 'text/plain' },
          { ...json(entry), type: 'application/x-www-form-urlencoded' },
          { path: '/consent-log', body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
          newsletter({ type: 'newsletter-hack' }),
          newsletter({ email: 'a@b' }),
          newsletter({ email: `${'a'.repeat(300)}@example.com` }),
          newsletter({ email: 'a@example.com\r\nBcc: all@example.com' }),
          newsletter({ topics: [] }),
          newsletter({ topics: ['__proto__'] }),
          newsletter({ consentText: 'x'.repeat(6000) }),
          newsletter({ consentText: ' ' }),
          newsletter({ timestamp: undefined }),
          { path: '/newsletter', body: JSON.stringify({ type: 'newsletter-preferences-set', token: 'a.b', topics: ['newsletter'] }) },
        ];
        const before = await s.counts();
        for (const { path, body, type = 'application/json' } of corpus) {
          const response = await s.call(path, { method: 'POST', headers: { 'content-type': type }, body });
          const label = `${path} ${String(typeof body == 'string' ? body : 'bytes').slice(0, 80)}`;
          assert.ok(response.status >= 400 && response.status < 500, `${label}: ${response.status}`);
          assert.match((await response.json()).error, /\w/, label);
        }
        const multipart = [
          { type: 'multipart/form-data', body: 'kind=access' },
          { type: 'multipart/form-data; boundary=xyz', body: 'not multipart at all' },
          { type: 'application/json', body: '{"kind":"access"}' },
        ];
        for (const { type, body } of multipart) {
          const response = await s.call('/privacy-request', { method: 'POST', headers: { 'content-type': type }, body });
          assert.ok(response.status >= 400 && response.status < 500, `${type}: ${response.status}`);
        }
        const forms = [
          privacyForm({ kind: undefined }),
          privacyForm({ kind: 'hack' }),
          privacyForm({ email: 'not an address' }),
          privacyForm({ name: ' ' }),
          privacyForm({ consent: '{"__proto__": {"admin": true}}' }),
          privacyForm({ consent: '[1]' }),
          privacyForm({ consent: '{' }),
          privacyForm({ timestamp: 'now' }),
          privacyForm({ idCopy: 'text, not a file' }),
          privacyForm({ unknown: 'x' }),
        ];
        const twice = privacyForm();
        twice.append('kind', 'erasure');
        const executable = privacyForm();
        executable.append('idCopy', new Blob([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], { type: 'image/png' }), 'id.png');
        for (const form of [...forms, twice, executable]) {
          const response = await s.call('/privacy-request', { method: 'POST', body: form });
          assert.ok(response.status >= 400 && response.status < 500, `${[...form.keys()]}: ${response.status}`);
        }
        // A 50 MB image: refused by its Content-Length, and, sent chunked without one, while it streams.
        const huge = privacyForm();
        huge.append('idCopy', new Blob([png(50 * 1024 * 1024)], { type: 'image/png' }), 'id.png');
        assert.equal((await s.call('/privacy-request', { method: 'POST', body: huge })).status, 413);
        const encoded = new Response(huge);
        const chunked = await s.call('/privacy-request', { method: 'POST', headers: { 'content-type': encoded.headers.get('content-type') }, body: encoded.body, duplex: 'half' });
        assert.equal(chunked.status, 413);
        assert.deepEqual(await s.counts(), before);
        assert.equal((await s.call('/health')).status, 200);
        assert.equal((await s.postJson('/consent-log', logEntry())).status, 201);
      });

      it('SQL meta-characters in free text are stored as text', async () => {
        const hostile = "x'); DROP TABLE consent_log; --";
        const entry = logEntry({ statementVersion: hostile });
        assert.equal((await s.postJson('/consent-log', entry)).status, 201);
        const history = await (await s.call(`/consent-log/${entry.consentId}`, { headers: admin })).json();
        assert.equal(history.entries[0].statementVersion, hostile);
      });
    });
  });
}
