import { expect, waitUntil } from '@open-wc/testing';
import type { ConsentLogEntry, KeuzeEvent } from '@keuze/core';
import { clearSiteData, closePages, cookies, gateDrained, openPage, roundTrip, siteConfig, trackers, type TestPage } from '../../../test/support/pages.js';

const withGpc = "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });";
/** Keeps every event the host's onEvent receives. */
const hostLog = 'window.__events = []; window.KeuzeConfig = { onEvent: (event) => void window.__events.push(event) };';
const events = (page: TestPage): KeuzeEvent[] => (page.window as unknown as { __events: KeuzeEvent[] }).__events;

const shadow = async (page: TestPage, tag: string, selector: string): Promise<ShadowRoot> => {
  await waitUntil(() => page.document.querySelector(tag)?.shadowRoot?.querySelector(selector), `<${tag}> did not render ${selector}`, { timeout: 3000 });
  return page.document.querySelector(tag)!.shadowRoot!;
};

describe('issue 19.3: Global Privacy Control as a full decision', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);
  const rejecting = { ...siteConfig, privacySignals: { gpc: 'reject' } };

  it("'reject': stored as a refusal with method signal, no banner, a consent event and a log entry that say so", async () => {
    const page = await openPage({ config: rejecting, before: `${withGpc}${hostLog}`, body: trackers });
    await waitUntil(() => page.keuze.getConsent(), 'no decision', { timeout: 3000 });
    const consent = page.keuze.getConsent()!;
    expect(consent.method).to.equal('signal');
    expect(consent.categories).to.deep.equal(['necessary']);
    expect(consent.gpc).to.equal(true);
    expect(cookies().keuze_consent).to.match(/\|s\|/);
    await waitUntil(() => events(page).some((event) => event.type == 'consent-log'), 'no log entry', { timeout: 3000 });
    const consentEvent = events(page).find((event) => event.type == 'consent')!;
    expect(consentEvent).to.include({ method: 'signal' });
    expect((events(page).find((event) => event.type == 'consent-log') as { entry: ConsentLogEntry }).entry.method).to.equal('signal');
    await gateDrained(page);
    await roundTrip();
    expect(page.document.querySelector('keuze-cookie-banner')?.shadowRoot?.querySelector('[part~="base"]') ?? null).to.equal(null);
    expect(page.window.__ran).to.deep.equal([]);
    // The next page view reads it like any choice.
    await page.reload();
    expect(page.keuze.getConsent()!.method).to.equal('signal');
  });

  it("'reject': the dialog says why the categories are off, and the visitor's own choice wins and is stored as theirs", async () => {
    const page = await openPage({ config: rejecting, before: withGpc, body: trackers });
    await waitUntil(() => page.keuze.getConsent(), 'no decision', { timeout: 3000 });
    await page.keuze.showPreferences();
    const dialog = await shadow(page, 'keuze-cookie-preferences', 'dialog[open]');
    expect(dialog.querySelector('[part~="signal"]')!.textContent).to.equal(
      'Je browser vraagt om je gegevens niet te delen (Global Privacy Control). Daarom staat dit uit: statistieken, marketing. Je kunt het zelf nog aanzetten.',
    );
    await page.keuze.setLanguage('en');
    await waitUntil(() => dialog.querySelector('[part~="signal"]')!.textContent.startsWith('Your browser'));
    (dialog.querySelector('#switch-analytics') as HTMLInputElement).click();
    (dialog.querySelector('[part~="save"]') as HTMLButtonElement).click();
    await waitUntil(() => page.keuze.getConsent()!.method == 'custom', 'not stored', { timeout: 3000 });
    expect(page.keuze.getConsent()!.categories).to.deep.equal(['necessary', 'analytics']);
    await page.reload();
    expect(page.keuze.getConsent()!.method).to.equal('custom');
    expect(page.window.__ran).to.include('analytics');
  });

  it("'reject' without the signal: the banner asks as usual", async () => {
    const page = await openPage({ config: rejecting });
    await shadow(page, 'keuze-cookie-banner', '[part~="base"]');
    expect(page.keuze.getConsent()).to.equal(null);
  });

  it("'limit' (the default): the banner says that accepting all leaves the sale categories off", async () => {
    const page = await openPage({ config: siteConfig, before: withGpc });
    const banner = await shadow(page, 'keuze-cookie-banner', '[part~="base"]');
    expect(page.keuze.getConsent()).to.equal(null);
    expect(banner.querySelector('[part~="signal"]')!.textContent).to.equal(
      'Je browser vraagt websites om je gegevens niet te delen of te verkopen (Global Privacy Control). Daarom laat “Alles accepteren” dit uit: marketing.',
    );
    (banner.querySelector('[part~="accept-all"]') as HTMLButtonElement).click();
    await waitUntil(() => page.keuze.getConsent(), 'not stored', { timeout: 3000 });
    expect(page.keuze.getConsent()!.categories).to.deep.equal(['necessary', 'analytics']);
    await page.keuze.showPreferences();
    const dialog = await shadow(page, 'keuze-cookie-preferences', 'dialog[open]');
    expect(dialog.querySelector('[part~="signal"]')!.textContent).to.include('Daarom staat dit uit: marketing.');
  });

  it('without the signal, neither the banner nor the dialog mentions it', async () => {
    const page = await openPage({ config: siteConfig });
    const banner = await shadow(page, 'keuze-cookie-banner', '[part~="base"]');
    expect(banner.querySelector('[part~="signal"]')).to.equal(null);
    await page.keuze.showPreferences();
    const dialog = await shadow(page, 'keuze-cookie-preferences', 'dialog[open]');
    expect(dialog.querySelector('[part~="signal"]')).to.equal(null);
  });
});
