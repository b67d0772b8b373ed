import { expect, waitUntil } from '@open-wc/testing';
import { engine } from '../../../test/support/engines.js';
import { clearSiteData, closePages, openPage, siteConfig, type TestPage } from '../../../test/support/pages.js';

const config = { ...siteConfig, statementVersion: '16-09-2016', controller: { name: 'Boekvlot B.V.', contact: 'privacy@boekvlot.nl' } };

async function dialog(page: TestPage): Promise<ShadowRoot> {
  await page.keuze.showPreferences();
  await waitUntil(() => page.document.querySelector('keuze-cookie-preferences')?.shadowRoot?.querySelector('dialog[open]'), 'no dialog', { timeout: 3000 });
  return page.document.querySelector('keuze-cookie-preferences')!.shadowRoot!;
}

type Purpose = Record<string, unknown> & { 'dct:identifier': string };

describe('issue 19.6: proof a visitor can hold', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('the dialog shows the consent ID and the date of the choice, in Dutch and English, and copies them', async () => {
    const page = await openPage({ config });
    let root = await dialog(page);
    expect(root.querySelector('[part~="proof"]')).to.equal(null);
    page.document.querySelector('keuze-cookie-preferences')!.close();
    await page.keuze.setConsent({ categories: ['analytics'] }, { method: 'custom' });
    const { consentId, timestamp } = page.keuze.getConsent()!;
    root = await dialog(page);
    const proof = root.querySelector('[part~="proof"]')!;
    const date = new Intl.DateTimeFormat('nl', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(timestamp));
    expect(proof.textContent.replace(/\s+/g, ' ').trim()).to.equal(`Je toestemmings-ID: ${consentId} Gekozen op ${date}. ID en datum kopiëren`);
    // Reading the clipboard needs a permission only Chromium grants here; the copy is checked there.
    if (engine === 'chromium') {
      let copied = '';
      Object.defineProperty(page.window.navigator, 'clipboard', { value: { writeText: async (text: string) => void (copied = text) }, configurable: true });
      root.querySelector<HTMLButtonElement>('[part~="copy"]')!.click();
      await waitUntil(() => root.querySelector('[role="status"]')!.textContent == 'Gekopieerd.', 'no confirmation', { timeout: 3000 });
      expect(copied).to.equal(`Je toestemmings-ID: ${consentId}\n${timestamp}`);
    }
    await page.keuze.setLanguage('en');
    await waitUntil(() => root.querySelector('[part~="proof"]')!.textContent.includes('Your consent ID:'), 'not in English', { timeout: 3000 });
    expect(root.querySelector('[part~="copy"]')!.textContent).to.equal('Copy ID and date');
  });

  it('Keuze.receipt() returns the choice as an ISO/IEC TS 27560 record in DPV terms (JSON-LD)', async () => {
    const page = await openPage({ config });
    expect(await page.keuze.receipt()).to.equal(null);
    await page.keuze.setConsent({ categories: ['analytics'], services: { analytics: ['matomo'] } }, { method: 'custom' });
    const consent = page.keuze.getConsent()!;
    const receipt = (await page.keuze.receipt())!;
    expect(receipt['@context']).to.deep.equal({ dpv: 'https://w3id.org/dpv#', dct: 'http://purl.org/dc/terms/' });
    expect(receipt).to.include({
      '@type': 'dpv:ConsentRecord',
      'dct:conformsTo': 'ISO/IEC TS 27560:2023',
      'dct:identifier': consent.consentId,
      'dct:created': consent.firstGiven,
      'dct:modified': consent.timestamp,
      'dpv:isIndicatedAtTime': consent.timestamp,
      'dct:hasVersion': '1',
      'dct:language': 'nl',
    });
    // Refused marketing: the record lives for reaskAfterRefusalDays (182), longer than lifetimeDays.
    expect(receipt['dct:valid']).to.equal(new Date(Date.parse(consent.timestamp) + 182 * 86_400_000).toISOString());
    expect(receipt['dpv:hasDataController']).to.deep.equal({ '@type': 'dpv:DataController', 'dpv:hasName': 'Boekvlot B.V.', 'dpv:hasContact': 'privacy@boekvlot.nl' });
    expect(receipt['dpv:hasIndicationMethod']).to.have.property('dct:identifier', 'custom');
    const notice = receipt['dpv:hasNotice'] as Record<string, string>;
    expect(notice['dct:hasVersion']).to.equal('16-09-2016');
    expect(notice['dct:source']).to.match(/\/privacy$/);
    const purposes = receipt['dpv:hasPurpose'] as Purpose[];
    const purpose = (name: string): Purpose => purposes.find((item) => item['dct:identifier'] == name)!;
    expect(purpose('necessary')['dpv:hasLegalBasis']).to.deep.equal({ '@id': 'dpv:LegitimateInterest' });
    expect(purpose('analytics')['dpv:hasConsentStatus']).to.deep.equal({ '@id': 'dpv:ConsentGiven' });
    expect(purpose('analytics')['dct:hasPart']).to.deep.equal([{ 'dct:identifier': 'matomo', 'dct:title': 'Matomo' }]);
    expect(purpose('marketing')['dpv:hasConsentStatus']).to.deep.equal({ '@id': 'dpv:ConsentRefused' });
    expect(purpose('marketing')['dpv:isIndicatedAtTime']).to.equal(consent.decisions!.marketing);
    // JSON all the way: what a visitor or a log can keep.
    expect(JSON.parse(JSON.stringify(receipt))).to.deep.equal(receipt);
  });

  it('a real receipt has the shape of the fixture that @keuze/server is tested with (test/fixtures/consent-receipt.json)', async () => {
    const page = await openPage({ config });
    await page.keuze.setConsent({ categories: ['analytics'], services: { analytics: ['matomo'] } }, { method: 'custom' });
    // Every value replaced by its type: the same keys, nesting and kinds of value, whatever the times and IDs.
    const shape = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(shape) : value && typeof value == 'object' ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shape(item)])) : typeof value;
    const fixture: unknown = await (await fetch('/test/fixtures/consent-receipt.json')).json();
    expect(shape(await page.keuze.receipt())).to.deep.equal(shape(fixture));
  });

  it('consentLog.format "iso27560" sends that record to the endpoint', async () => {
    const id = `receipt-${Math.random().toString(36).slice(2)}`;
    const page = await openPage({ config: { ...config, consentLog: { endpoint: `/__consent-log/${id}`, format: 'iso27560' } } });
    await page.keuze.rejectAll();
    let received: { body: Record<string, unknown> }[] = [];
    await waitUntil(async () => (received = (await (await fetch(`/__consent-log/${id}`)).json()).received).length > 0, 'nothing sent', { timeout: 5000 });
    expect(received[0]!.body).to.include({ '@type': 'dpv:ConsentRecord', 'dct:identifier': page.keuze.getConsent()!.consentId });
    expect((received[0]!.body['dpv:hasIndicationMethod'] as Record<string, string>)['dct:identifier']).to.equal('reject-all');
  });
});
