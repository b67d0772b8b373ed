import { expect, waitUntil } from '@open-wc/testing';
import { clearSiteData, closePages, cookies, gateDrained, openPage, roundTrip, siteConfig, type TestPage } from '../../../test/support/pages.js';

const DAY = 86_400_000;
const b36 = (time: number): string => time.toString(36);

/** The record's FNV-1a checksum, as Keuze writes it. */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** A consent cookie as an earlier page view (or an earlier Keuze, without `decisions`) wrote it. */
function storeRecord(fields: { revision: number; time: number; method: string; categories: string; services?: string; decisions?: string }): void {
  const parts = ['1', 'AAAAAAAAAAAAAAAAAAAAAA', b36(fields.time), b36(fields.time), fields.revision, 'nl', 0, fields.method, fields.categories, fields.services ?? ''];
  if (fields.decisions !== undefined) parts.push(fields.decisions);
  const body = parts.join('|');
  document.cookie = `keuze_consent=${body}|${checksum(body)}; path=/`;
}

const bannerText = (page: TestPage): string | undefined => page.document.querySelector('keuze-cookie-banner')?.shadowRoot?.querySelector('[part~="text"]')?.textContent?.replace(/\s+/g, ' ').trim();

const revision2 = { ...siteConfig, revision: 2 };
const withFunctional = {
  ...revision2,
  categories: { ...siteConfig.categories, functional: { label: { nl: 'Video’s', en: 'Videos' }, description: 'YouTube.' } },
};

describe('issue 19.2: refusals that stick, re-asking only what is new', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('keeps per category when it was decided, and a new revision that adds nothing does not ask again after a refusal', async () => {
    const first = await openPage({ config: siteConfig });
    await first.keuze.setConsent({ categories: ['analytics'] }, { method: 'custom' });
    const decided = first.keuze.getConsent()!;
    expect(Object.keys(decided.decisions!).sort()).to.deep.equal(['analytics', 'marketing']);
    expect(decided.decisions!.marketing).to.equal(decided.timestamp);
    closePages();
    const page = await openPage({ config: revision2, body: '<a href="#" data-keuze-open="preferences">Cookies</a>' });
    await waitUntil(() => page.keuze.getConsent(), 'the refusal was not kept', { timeout: 3000 });
    await gateDrained(page);
    await roundTrip();
    expect(bannerText(page)).to.equal(undefined);
    const consent = page.keuze.getConsent()!;
    expect(consent.categories).to.deep.equal(['necessary', 'analytics']);
    expect(consent.revision).to.equal(2);
    expect(consent.method).to.equal('custom');
    expect(consent.decisions).to.deep.equal(decided.decisions);
    // Moved to the new revision: the next page view reads it with the loader alone.
    expect(cookies().keuze_consent).to.include('|2|nl|');
    await page.reload();
    expect(page.keuze.getConsent()!.revision).to.equal(2);
  });

  it('a revision that adds a category asks about that one only, and the choices made stay (nothing pre-ticked)', async () => {
    const first = await openPage({ config: siteConfig });
    await first.keuze.setConsent({ categories: ['analytics'] }, { method: 'custom' });
    const before = first.keuze.getConsent()!;
    closePages();
    const page = await openPage({ config: withFunctional });
    await waitUntil(() => bannerText(page), 'no banner', { timeout: 3000 });
    expect(bannerText(page)).to.match(/^Sinds je vorige bezoek is dit erbij gekomen: Video’s\. Sta je dat ook toe\? Je eerdere keuzes blijven zoals ze waren\./);
    expect(page.keuze.getConsent()!.pending).to.deep.equal(['functional']);
    expect(page.keuze.isGranted('analytics')).to.equal(true);
    expect(page.keuze.isGranted('marketing')).to.equal(false);
    await page.keuze.showPreferences();
    const dialog = page.document.querySelector('keuze-cookie-preferences')!.shadowRoot!;
    await waitUntil(() => dialog.querySelector('dialog[open]'));
    expect((dialog.querySelector('#switch-functional') as HTMLInputElement).checked).to.equal(false);
    expect((dialog.querySelector('#switch-analytics') as HTMLInputElement).checked).to.equal(true);
    expect((dialog.querySelector('#switch-marketing') as HTMLInputElement).checked).to.equal(false);
    page.document.querySelector('keuze-cookie-preferences')!.close();
    page.document.querySelector('keuze-cookie-banner')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="accept-all"]')!.click();
    await waitUntil(() => !page.keuze.getConsent()!.pending, 'not answered', { timeout: 3000 });
    const after = page.keuze.getConsent()!;
    expect(after.categories).to.deep.equal(['necessary', 'analytics', 'functional']);
    expect(after.revision).to.equal(2);
    // The earlier decisions keep their time; the new one is now.
    expect(after.decisions!.marketing).to.equal(before.decisions!.marketing);
    expect(after.decisions!.analytics).to.equal(before.decisions!.analytics);
    expect(after.decisions!.functional).to.equal(after.timestamp);
    await page.reload();
    await gateDrained(page);
    await roundTrip();
    expect(bannerText(page)).to.equal(undefined);
  });

  it('"reject all" in that banner refuses the new category and stores the answer', async () => {
    const first = await openPage({ config: siteConfig });
    await first.keuze.rejectAll();
    closePages();
    const page = await openPage({ config: withFunctional });
    await waitUntil(() => bannerText(page), 'no banner', { timeout: 3000 });
    page.document.querySelector('keuze-cookie-banner')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="reject-all"]')!.click();
    await waitUntil(() => page.keuze.getConsent() && !page.keuze.getConsent()!.pending, 'not answered', { timeout: 3000 });
    expect(page.keuze.getConsent()!.categories).to.deep.equal(['necessary']);
    expect(Object.keys(page.keuze.getConsent()!.decisions!).sort()).to.deep.equal(['analytics', 'functional', 'marketing']);
    expect(cookies().keuze_consent).to.include('|2|nl|');
  });

  it('without a refusal (all accepted), a new revision asks everything again, as before', async () => {
    const first = await openPage({ config: siteConfig });
    await first.keuze.acceptAll();
    closePages();
    const page = await openPage({ config: revision2 });
    await waitUntil(() => bannerText(page), 'no banner', { timeout: 3000 });
    expect(bannerText(page)).to.match(/^We gebruiken cookies/);
    expect(page.keuze.getConsent()).to.equal(null);
  });

  it('a record from before decision times (no twelfth field) is read as before and asked again on a new revision', async () => {
    storeRecord({ revision: 1, time: Date.now() - DAY, method: 'r', categories: 'necessary' });
    const same = await openPage({ config: siteConfig });
    expect(same.keuze.getConsent()!.method).to.equal('reject-all');
    expect(same.keuze.getConsent()!.decisions).to.equal(undefined);
    closePages();
    const page = await openPage({ config: revision2 });
    await waitUntil(() => bannerText(page), 'no banner', { timeout: 3000 });
    expect(page.keuze.getConsent()).to.equal(null);
  });

  it('asks again once reaskAfterRefusalDays have passed since the refusal', async () => {
    const time = Date.now() - 10 * DAY;
    storeRecord({ revision: 1, time, method: 'r', categories: 'necessary', decisions: `analytics.${b36(time)}~marketing.${b36(time)}` });
    const page = await openPage({ config: { ...revision2, reaskAfterRefusalDays: 7 } });
    await waitUntil(() => bannerText(page), 'no banner', { timeout: 3000 });
    expect(page.keuze.getConsent()).to.equal(null);
    closePages();
    const within = await openPage({ config: { ...revision2, reaskAfterRefusalDays: 30 } });
    await waitUntil(() => within.keuze.getConsent(), 'the refusal was not kept', { timeout: 3000 });
    expect(within.keuze.getConsent()!.categories).to.deep.equal(['necessary']);
  });

  it('a choice past lifetimeDays asks again about what was granted; what was refused stays refused', async () => {
    const time = Date.now() - 40 * DAY;
    storeRecord({ revision: 1, time, method: 'c', categories: 'necessary~analytics', services: 'analytics:matomo+hotjar', decisions: `analytics.${b36(time)}~marketing.${b36(time)}` });
    const page = await openPage({ config: { ...siteConfig, lifetimeDays: 30 } });
    await waitUntil(() => bannerText(page), 'no banner', { timeout: 3000 });
    expect(page.keuze.getConsent()!.pending).to.deep.equal(['analytics']);
    expect(page.keuze.isGranted('analytics')).to.equal(false);
    expect(bannerText(page)).to.include('erbij gekomen: statistieken.');
    await page.keuze.setLanguage('en');
    await waitUntil(() => bannerText(page)!.startsWith('Since your last visit we have added: statistics.'), `English: ${bannerText(page)}`, { timeout: 3000 });
  });
});
