import { expect, waitUntil } from '@open-wc/testing';
import { clearSiteData, closePages, openPage, siteConfig } from '../../../test/support/pages.js';

/**
 * The script tag's page against @keuze/server itself, mounted at /__keuze-server/ by the test
 * server (web-test-runner.config.mjs) on SQLite: what the elements and the engine send, the server accepts.
 * (The server's own suite, packages/server/test, checks what it stores, on SQLite and PostgreSQL.)
 */
/** The admin token web-test-runner.config.mjs gives that server (KEUZE_SERVER_ADMIN there). */
const admin = { authorization: 'Bearer wtr-admin-token-0123456789abcdef' };

const newsletter = {
  endpoint: '/__keuze-server/newsletter',
  topics: [
    { id: 'newsletter', label: { nl: 'Nieuwsbrief', en: 'Newsletter' } },
    { id: 'research', label: { nl: 'Onderzoek', en: 'Research' } },
  ],
  minimumAge: 16,
  tracking: true,
};

describe('the script tag with @keuze/server', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('a sign-up with the age box and the measurement box ticked is accepted: the visitor is told to confirm by mail', async () => {
    const page = await openPage({ config: { ...siteConfig, newsletter }, body: '<keuze-newsletter-signup></keuze-newsletter-signup>' });
    await page.keuze.rejectAll();
    const element = page.document.querySelector('keuze-newsletter-signup')!;
    await waitUntil(() => element.shadowRoot?.querySelector('form'), 'no form', { timeout: 5000 });
    const root = element.shadowRoot!;
    const field = root.querySelector<HTMLInputElement>('input[name="email"]')!;
    field.value = `anna-${Math.random().toString(36).slice(2)}@example.com`;
    field.dispatchEvent(new InputEvent('input'));
    // Every box: both topics, "I am 16 or older", and consent to measuring opens and clicks.
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.length).to.equal(4);
    for (const box of boxes) box.click();
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const message = (): string => root.querySelector('[part~="message"]')?.textContent?.trim() ?? '';
    await waitUntil(() => message(), 'no outcome', { timeout: 8000 });
    expect(message()).to.equal('Bijna klaar: kijk in je inbox en bevestig je adres met de link die we je net hebben gestuurd.');
    expect(page.logs()).to.deep.equal([]);
  });

  for (const format of ['keuze', 'iso27560'] as const) {
    it(`the consent log (consentLog.format "${format}") is stored as the same entry, with the browser's family`, async () => {
      const page = await openPage({ config: { ...siteConfig, consentLog: { endpoint: '/__keuze-server/consent-log', format } } });
      await page.keuze.setConsent({ categories: ['analytics'], services: { analytics: ['matomo'] } }, { method: 'custom' });
      const consent = page.keuze.getConsent()!;
      const stored = async (): Promise<{ entries?: Record<string, unknown>[] }> => (await fetch(`/__keuze-server/consent-log/${consent.consentId}`, { headers: admin })).json();
      let history: { entries?: Record<string, unknown>[] } = {};
      await waitUntil(async () => (history = await stored()).entries, `nothing stored: ${JSON.stringify(history)}`, { timeout: 5000 });
      expect(history.entries).to.have.length(1);
      expect(history.entries![0]).to.include({ consentId: consent.consentId, timestamp: consent.timestamp, method: 'custom', revision: 1, language: 'nl' });
      expect(history.entries![0]!.categories).to.deep.equal(['necessary', 'analytics']);
      expect(history.entries![0]!.services).to.deep.equal({ analytics: ['matomo'] });
      expect(history.entries![0]!.userAgent).to.be.oneOf(['Chrome', 'Firefox', 'Safari']);
      expect(page.logs()).to.deep.equal([]);
    });
  }
});
