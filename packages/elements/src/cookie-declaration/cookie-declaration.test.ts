import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, itWithMedia } from '../../../../test/support/engines.js';
import { elementsConfig, freshKeuze } from '../../../../test/support/elements.js';
import './define.js';
import { CookieDeclarationHarness } from './cookie-declaration.harness.js';
import type { CookieDeclaration } from './cookie-declaration.js';

const rendered = (element: CookieDeclaration): Promise<ShadowRoot> => new CookieDeclarationHarness(element).rendered();
const rows = (root: ShadowRoot, category: string): string[][] => new CookieDeclarationHarness(root.host as CookieDeclaration).rows(category);

describe('<keuze-cookie-declaration>', () => {
  beforeEach(async () => {
    await freshKeuze();
    await emulateMedia({ colorScheme: 'light' });
  });
  after(() => window.Keuze?.reset());

  it('lists every cookie of the config, per category, with service, provider, purpose, lifetime and party', async () => {
    const root = await rendered(await fixture<CookieDeclaration>(html`<keuze-cookie-declaration></keuze-cookie-declaration>`));
    // Keuze's own cookie first, with its lifetime: no config lists it. After a refusal it is kept
    // until it may ask again (reaskAfterRefusalDays, 182) when that is longer than lifetimeDays (180).
    expect(rows(root, 'necessary')).to.deep.equal([
      ['keuze_consent', '—', 'Deze website (Keuze)', 'Bewaart je cookiekeuze, zodat we die niet op elke pagina opnieuw vragen.', '182 dagen', 'Deze website'],
      ['session', '—', '—', 'Houdt je ingelogd.', 'sessie', 'Deze website'],
    ]);
    expect(rows(root, 'analytics')).to.deep.equal([
      ['_pk_id.*', 'Matomo', 'Boekvlot', '—', '13 maanden', '—'],
      ['_hj*', 'Hotjar', '—', '—', '—', '—'],
    ]);
    // Party unknown is said as unknown, not as first party.
    expect(rows(root, 'marketing')).to.deep.equal([['_ads', '—', '—', '—', '—', 'Derde partij']]);
    // One row per cookie in the config, and Keuze's own: nothing else added, nothing left out.
    const configured = Object.values(elementsConfig.categories).flatMap((category) => [
      ...(category.cookies ?? []),
      ...Object.values(category.services ?? {}).flatMap((service) => service.cookies ?? []),
    ]);
    expect(root.querySelectorAll('tbody tr')).to.have.length(configured.length + 1);
  });

  it('lists each category’s services: name, provider and description', async () => {
    const root = await rendered(await fixture<CookieDeclaration>(html`<keuze-cookie-declaration></keuze-cookie-declaration>`));
    const services = (category: string): string[] =>
      [...root.querySelectorAll(`section[aria-labelledby="category-${category}"] [part~="services"] li`)].map((item) => item.textContent.replace(/\s+/g, ' ').trim());
    expect(services('analytics')).to.deep.equal(['Matomo: Bezoekersstatistieken, op onze eigen server.', 'Hotjar (Hotjar Ltd.)']);
    expect(services('marketing')).to.deep.equal([]);
  });

  it("fits the page's outline: category headings at level 2, or the heading-level given", async () => {
    const levels = (root: ShadowRoot): string[] => [...root.querySelectorAll('[role="heading"]')].map((heading) => heading.getAttribute('aria-level')!);
    const plain = await rendered(await fixture<CookieDeclaration>(html`<keuze-cookie-declaration></keuze-cookie-declaration>`));
    expect(levels(plain)).to.deep.equal(['2', '2', '2']);
    const nested = await rendered(await fixture<CookieDeclaration>(html`<keuze-cookie-declaration heading-level="3"></keuze-cookie-declaration>`));
    expect(levels(nested)).to.deep.equal(['3', '3', '3']);
    expect(nested.querySelector('[role="heading"]')!.textContent.replace(/\s+/g, ' ').trim()).to.equal('Noodzakelijk Altijd aan');
    const wrong = await rendered(await fixture<CookieDeclaration>(html`<keuze-cookie-declaration heading-level="9"></keuze-cookie-declaration>`));
    expect(levels(wrong)).to.deep.equal(['6', '6', '6']);
  });

  it('shows the current choice and follows it live', async () => {
    const root = await rendered(await fixture<CookieDeclaration>(html`<keuze-cookie-declaration></keuze-cookie-declaration>`));
    expect(root.querySelector('[part~="choice"]')!.textContent).to.include('nog geen cookiekeuze');
    await window.Keuze!.setConsent({ categories: ['analytics'] });
    await waitUntil(() => root.querySelector('[part~="choice"]')!.textContent.includes('Noodzakelijk, Statistieken'));
    const states = [...root.querySelectorAll('[part~="state"]')].map((state) => state.textContent);
    expect(states).to.deep.equal(['Altijd aan', 'Toegestaan', 'Niet toegestaan']);
  });

  it('switches language live', async () => {
    const root = await rendered(await fixture<CookieDeclaration>(html`<keuze-cookie-declaration></keuze-cookie-declaration>`));
    await window.Keuze!.setLanguage('en');
    await waitUntil(() => root.querySelector('th')?.textContent == 'Cookie' && root.querySelector('[part~="button"]')!.textContent == 'Change cookie settings');
    expect(rows(root, 'necessary')[0]).to.deep.equal([
      'keuze_consent',
      '—',
      'This website (Keuze)',
      'Stores your cookie choice, so that you are not asked again on every page.',
      '182 days',
      'This website',
    ]);
    expect(rows(root, 'necessary')[1]).to.deep.equal(['session', '—', '—', 'Keeps you signed in.', 'session', 'This website']);
    expect(rows(root, 'marketing')[0]![5]).to.equal('Third party');
  });

  it('its button opens the cookie settings', async () => {
    const root = await rendered(await fixture<CookieDeclaration>(html`<keuze-cookie-declaration></keuze-cookie-declaration>`));
    root.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
    await waitUntil(() => document.querySelector('keuze-cookie-preferences')?.shadowRoot?.querySelector('dialog[open]'), 'no settings dialog');
    document.querySelector('keuze-cookie-preferences')!.close();
  });

  for (const [lang, colorScheme] of [
    ['nl', 'light'],
    ['en', 'dark'],
  ] as const) {
    itWithMedia({ colorScheme })(`has no axe violations: ${lang}, ${colorScheme}`, async () => {
      await emulateMedia({ colorScheme });
      await window.Keuze!.setLanguage(lang);
      const element = await fixture<CookieDeclaration>(html`<keuze-cookie-declaration></keuze-cookie-declaration>`);
      await rendered(element);
      await expect(element).to.be.accessible();
    });
  }
});
