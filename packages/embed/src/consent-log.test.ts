import { expect, waitUntil } from '@open-wc/testing';
import type { ConsentLogEntry } from '@keuze/core';
import { engine } from '../../../test/support/engines.js';
import { clearSiteData, closePages, gateDrained, openPage, roundTrip, siteConfig, type PageOptions, type TestPage } from '../../../test/support/pages.js';

interface Received {
  attempts: number;
  received: { contentType: string; body: ConsentLogEntry }[];
}

/** What the test server's consent-log endpoint `id` got. */
const arrived = async (id: string): Promise<Received> => (await fetch(`/__consent-log/${id}`)).json() as Promise<Received>;
const pending = (page: TestPage): unknown[] => JSON.parse(page.window.localStorage.getItem('keuze_consent_log') ?? '[]') as unknown[];

/** A host callback that keeps every consent-log entry in `window.__logged`. */
const keepLogged = "window.__logged = []; window.KeuzeConfig = { onEvent: (e) => e.type == 'consent-log' && window.__logged.push(e.entry) };";

let id = 0;
/** A page whose config logs to a fresh endpoint (with `query` for its failure mode), and records onEvent. */
async function pageLoggingTo(query = '', options: PageOptions = {}): Promise<{ page: TestPage; endpoint: string }> {
  const endpoint = `test-${Date.now()}-${++id}`;
  const page = await openPage({
    config: { ...siteConfig, statementVersion: '16-09-2016', consentLog: { endpoint: `/__consent-log/${endpoint}${query}` } },
    ...options,
    before: `${keepLogged} ${options.before ?? ''}`,
  });
  return { page, endpoint };
}

const bannerButton = async (page: TestPage, part: string): Promise<HTMLButtonElement> => {
  await waitUntil(() => page.document.querySelector('keuze-cookie-banner')?.shadowRoot?.querySelector(`[part~="${part}"]`), 'no banner', { timeout: 3000 });
  return page.document.querySelector('keuze-cookie-banner')!.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
};

describe('consent log (proof of consent)', () => {
  beforeEach(() => {
    clearSiteData();
    localStorage.removeItem('keuze_consent_log');
    sessionStorage.removeItem('wasOffline');
  });
  afterEach(closePages);

  it('POSTs each decision as JSON, the same entry reaches onEvent, and nothing personal is in it', async () => {
    const { page, endpoint } = await pageLoggingTo();
    (await bannerButton(page, 'accept-all')).click();
    await waitUntil(async () => (await arrived(endpoint)).received.length == 1, 'nothing arrived', { timeout: 3000 });
    const [{ contentType, body }] = (await arrived(endpoint)).received as [Received['received'][number]];
    const record = page.keuze.getConsent()!;
    expect(contentType).to.equal('application/json');
    expect(body).to.deep.equal({
      consentId: record.consentId,
      timestamp: record.timestamp,
      method: 'accept-all',
      categories: ['necessary', 'analytics', 'marketing'],
      services: { analytics: ['matomo', 'hotjar'] },
      revision: 1,
      statementVersion: '16-09-2016',
      language: 'nl',
      textsHash: body.textsHash,
      userAgent: { chromium: 'Chrome', firefox: 'Firefox', webkit: 'Safari' }[engine],
    });
    expect(body.textsHash).to.match(/^sha256:[\da-f]{64}$/);
    expect((page.window as unknown as { __logged: ConsentLogEntry[] }).__logged).to.deep.equal([body]);
    expect(pending(page)).to.deep.equal([]);
  });

  it('the texts hash names the texts shown: the same texts give the same hash, another language another', async () => {
    const hashOf = async (lang: string): Promise<string | null> => {
      const { page, endpoint } = await pageLoggingTo('', { before: `document.documentElement.lang = '${lang}';` });
      (await bannerButton(page, 'reject-all')).click();
      await waitUntil(async () => (await arrived(endpoint)).received.length == 1, 'nothing arrived', { timeout: 3000 });
      clearSiteData();
      return (await arrived(endpoint)).received[0]!.body.textsHash;
    };
    const [nl, nlAgain, en] = [await hashOf('nl'), await hashOf('nl'), await hashOf('en')];
    expect(nl).to.equal(nlAgain);
    expect(en).not.to.equal(nl);
  });

  it('a failing endpoint: the entry is kept and sent again, once, on the next page load', async () => {
    const { page, endpoint } = await pageLoggingTo('?fail=1');
    await page.keuze.rejectAll();
    await waitUntil(async () => (await arrived(endpoint)).attempts == 1, 'no attempt', { timeout: 3000 });
    await waitUntil(() => pending(page).length, 'the entry was not kept', { timeout: 3000 });
    expect(pending(page)).to.have.length(1);
    await page.reload();
    await waitUntil(async () => (await arrived(endpoint)).received.length == 1, 'no retry', { timeout: 3000 });
    expect((await arrived(endpoint)).received[0]!.body.method).to.equal('reject-all');
    expect(pending(page)).to.deep.equal([]);
  });

  it('offline: the entry is kept, not sent, and delivered on the next page load', async () => {
    // Offline on the first page view only.
    const offlineOnce = "if (!sessionStorage.wasOffline) { sessionStorage.wasOffline = 1; Object.defineProperty(Navigator.prototype, 'onLine', { get: () => false, configurable: true }); }";
    const { page, endpoint } = await pageLoggingTo('', { before: offlineOnce });
    await page.keuze.acceptAll();
    await waitUntil(() => pending(page).length, 'the entry was not kept', { timeout: 3000 });
    await roundTrip();
    expect((await arrived(endpoint)).attempts).to.equal(0);
    expect(pending(page)).to.have.length(1);
    await page.reload();
    await waitUntil(async () => (await arrived(endpoint)).received.length == 1, 'not delivered after reconnecting', { timeout: 3000 });
  });

  it('is retried only once: a second failure drops the entry, with a warning', async () => {
    const { page, endpoint } = await pageLoggingTo('?fail=2');
    await page.keuze.acceptAll();
    await waitUntil(async () => (await arrived(endpoint)).attempts == 1, 'no attempt', { timeout: 3000 });
    await page.reload();
    await waitUntil(() => page.logs('warn').some((text) => text.includes('could not be delivered') && text.includes('after a retry')), 'no warning', { timeout: 3000 });
    expect(pending(page)).to.deep.equal([]);
    await page.reload();
    await gateDrained(page);
    await roundTrip();
    expect((await arrived(endpoint)).attempts).to.equal(2);
  });

  it('never blocks the page: with an endpoint that hangs, the choice, the scripts and the events go on', async () => {
    const { page } = await pageLoggingTo('?hang=1', { body: '<script type="text/plain" data-category="analytics" src="/test/support/tracker.js?name=analytics"></script>' });
    const started = performance.now();
    await page.keuze.acceptAll();
    // The endpoint answers after 8 s: the script runs long before.
    await waitUntil(() => page.window.__ran.length, 'the script did not run', { timeout: 3000 });
    expect(performance.now() - started).to.be.below(3000);
    expect(page.window.__ran).to.deep.equal(['analytics']);
    // The entry reaches onEvent once the log's code has loaded, whatever the endpoint does.
    await waitUntil(() => (page.window as unknown as { __logged?: unknown[] }).__logged?.length, 'onEvent received no entry', { timeout: 3000 });
    expect(performance.now() - started).to.be.below(3000);
    expect((page.window as unknown as { __logged: unknown[] }).__logged).to.have.length(1);
  });

  it('with no endpoint, no onEvent and no listener, the code of the log is not even loaded', async () => {
    const page = await openPage({ config: siteConfig });
    await page.keuze.acceptAll();
    await roundTrip();
    const loaded = page.window.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loaded.some((name) => name.includes('/chunks/engine-'))).to.equal(true);
    expect(loaded.some((name) => name.includes('/chunks/consent-log-'))).to.equal(false);
    const heard: unknown[] = [];
    page.keuze.on('consent-log', (event) => void heard.push(event.entry));
    await page.keuze.rejectAll();
    // The log's code loads now, for the listener.
    await waitUntil(() => heard.length, 'the listener heard nothing', { timeout: 3000 });
    expect(heard).to.have.length(1);
  });

  it('without consentLog, nothing is sent or stored, but onEvent still receives the entry', async () => {
    const page = await openPage({ config: siteConfig, before: keepLogged });
    await page.keuze.setConsent({ categories: ['analytics'] });
    await waitUntil(() => (page.window as unknown as { __logged?: unknown[] }).__logged?.length, 'onEvent received no entry', { timeout: 3000 });
    await roundTrip();
    const logged = (page.window as unknown as { __logged: ConsentLogEntry[] }).__logged;
    expect(logged).to.have.length(1);
    expect(logged[0]!.method).to.equal('api');
    expect(pending(page)).to.deep.equal([]);
  });
});
