import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, itIn, itWithMedia, itWithViewport, mediaEmulation, sendKeys, setViewport } from '../../../../test/support/engines.js';
import { emulateForcedColors, freshKeuze, pixelDifference, pixelsOf } from '../../../../test/support/elements.js';
import { deepActiveElement } from '../../../../test/support/harness.js';
import { CookieBannerHarness } from '../cookie-banner/cookie-banner.harness.js';
import { CookiePreferencesHarness } from './cookie-preferences.harness.js';

const banner = (): CookieBannerHarness => CookieBannerHarness.find();
const preferences = (): CookiePreferencesHarness => CookiePreferencesHarness.find();

async function openFromBanner(): Promise<void> {
  await banner().choose();
  await preferences().opened();
}

describe('<keuze-cookie-preferences>', () => {
  beforeEach(async () => {
    await freshKeuze();
    await emulateMedia({ colorScheme: 'light' });
  });
  afterEach(() => document.querySelector('keuze-cookie-preferences')?.close());
  after(() => window.Keuze?.reset());

  it('opens from the banner as a modal dialog: focus inside, nothing optional on, necessary locked', async () => {
    await openFromBanner();
    expect(preferences().dialog!.matches(':modal')).to.equal(true);
    expect(deepActiveElement()?.id).to.equal('title');
    expect(preferences().dialog!.getAttribute('aria-labelledby')).to.equal('title');
    expect(preferences().categorySwitch('necessary').checked).to.equal(true);
    expect(preferences().categorySwitch('necessary').disabled).to.equal(true);
    expect(preferences().categorySwitch('necessary').getAttribute('role')).to.equal('switch');
    expect(preferences().categorySwitch('analytics').checked).to.equal(false);
    expect(preferences().categorySwitch('marketing').checked).to.equal(false);
    expect(preferences().serviceSwitch('Matomo').checked).to.equal(false);
    const texts = preferences().texts();
    expect(texts).to.include('Keuze opslaan');
    expect(texts).to.include('Altijd aan');
  });

  it('keyboard only: switch a category, save, and focus returns to the opener', async () => {
    const choose = await banner().button('choose');
    choose.focus();
    await sendKeys({ press: 'Enter' });
    await preferences().opened();
    // Tab to the analytics switch and turn it on with the space bar.
    for (let i = 0; i < 20 && deepActiveElement() !== preferences().categorySwitch('analytics'); i++) await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(preferences().categorySwitch('analytics'));
    await sendKeys({ press: 'Space' });
    expect(preferences().categorySwitch('analytics').checked).to.equal(true);
    expect(preferences().serviceSwitch('Matomo').checked).to.equal(true);
    for (let i = 0; i < 30 && deepActiveElement() !== preferences().button('save'); i++) await sendKeys({ press: 'Tab' });
    const saved = oneEvent(document, 'keuze-consent');
    await sendKeys({ press: 'Enter' });
    const { detail } = await saved;
    expect(detail.method).to.equal('custom');
    expect(detail.consent!.categories).to.deep.equal(['necessary', 'analytics']);
    expect(detail.consent!.services.analytics).to.deep.equal(['matomo', 'hotjar']);
    expect(preferences().isOpen()).to.equal(false);
  });

  it('traps Tab inside, Escape closes without a choice, focus returns to the opener', async () => {
    const choose = await banner().button('choose');
    choose.focus();
    await sendKeys({ press: 'Enter' });
    await preferences().opened();
    // Shift+Tab from the title, where focus starts, wraps to the last button; Tab from there to the first.
    await preferences().tab(true);
    expect(preferences().focusName()).to.equal('<button part="button reject-all">');
    await preferences().tab();
    expect(preferences().focusName()).to.equal('<select>');
    for (let i = 0; i < 40; i++) {
      await preferences().tab();
      expect(preferences().hasFocus(), `Tab ${i}: ${preferences().focusName()}`).to.equal(true);
    }
    await preferences().tab(true);
    expect(preferences().hasFocus(), preferences().focusName()).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await preferences().closed();
    expect(deepActiveElement() === choose, preferences().focusName()).to.equal(true);
    expect(window.Keuze!.getConsent()).to.equal(null);
  });

  // One behaviour from wherever focus or the last click is: Tab and Shift+Tab go round the dialog's
  // controls in order and wrap at either end, never leaving for the page or the browser's own UI.
  const startingPoints: [string, () => Promise<void>][] = [
    ['the title', async () => preferences().dialog!.querySelector('h2')!.focus()],
    ['a click on the intro text', () => preferences().mouseClick(preferences().dialog!.querySelector('.body > p')!)],
    ['a click on a category description', () => preferences().mouseClick(preferences().dialog!.querySelector('.description')!)],
    ['a click on the footer, between buttons', () => preferences().mouseClick(preferences().dialog!.querySelector('.footer')!)],
    ['the first control', async () => preferences().dialog!.querySelector('select')!.focus()],
    ['the last button', async () => preferences().button('reject-all').focus()],
  ];
  for (const [start, goThere] of startingPoints) {
    it(`keeps focus inside with Tab and Shift+Tab, from ${start}`, async () => {
      for (const shift of [true, false]) {
        await openFromBanner();
        await goThere();
        for (let i = 1; i <= 16; i++) {
          await preferences().tab(shift);
          expect(preferences().hasFocus(), `${shift ? 'Shift+' : ''}Tab ${i} from ${start}: ${preferences().focusName()}`).to.equal(true);
        }
        preferences().element.close();
        await preferences().closed();
      }
    });
  }

  it('one service off: the category stays granted with the other service', async () => {
    await openFromBanner();
    preferences().categorySwitch('analytics').click();
    await preferences().element.updateComplete;
    preferences().serviceSwitch('Hotjar').click();
    preferences().button('save').click();
    await waitUntil(() => window.Keuze!.getConsent());
    expect(window.Keuze!.getConsent()!.services.analytics).to.deep.equal(['matomo']);
    expect(window.Keuze!.isGranted('analytics', 'hotjar')).to.equal(false);
  });

  it("shows a service's description under its name, as its switch's description", async () => {
    await openFromBanner();
    const matomo = preferences().serviceSwitch('Matomo');
    const description = preferences().dialog!.querySelector(`#${matomo.getAttribute('aria-describedby')}`);
    expect(description?.textContent).to.equal('Bezoekersstatistieken, op onze eigen server.');
    expect(description!.getBoundingClientRect().top).to.be.at.least(matomo.closest('label')!.getBoundingClientRect().bottom - 1);
    // A service without one gets no empty reference.
    expect(preferences().serviceSwitch('Hotjar').hasAttribute('aria-describedby')).to.equal(false);
  });

  it("right to left: services sit inside their border, their switches in line with the category's", async () => {
    await openFromBanner();
    // The element takes its direction from its language (i18n.dir): as an Arabic or Hebrew translation sets it.
    preferences().element.dir = 'rtl';
    try {
      const services = preferences().dialog!.querySelector('.services')!.getBoundingClientRect();
      const name = preferences().dialog!.querySelector('label.service bdi')!.getBoundingClientRect();
      // The border is on the right (inline start): the name keeps the same gap from it as in LTR.
      expect(services.right - name.right, 'gap between the border and the service name').to.be.greaterThan(8);
      const category = preferences().categorySwitch('analytics').getBoundingClientRect();
      const service = preferences().serviceSwitch('Matomo').getBoundingClientRect();
      expect(Math.abs(service.left - category.left), 'service switch out of line with the category switch').to.be.lessThan(1);
    } finally {
      preferences().element.dir = 'ltr';
    }
  });

  it('reopened, it shows the current choice; reject all withdraws it', async () => {
    await window.Keuze!.setConsent({ categories: ['marketing'] });
    await window.Keuze!.showPreferences();
    await preferences().opened();
    expect(preferences().categorySwitch('marketing').checked).to.equal(true);
    expect(preferences().categorySwitch('analytics').checked).to.equal(false);
    preferences().button('reject-all').click();
    await waitUntil(() => !window.Keuze!.isGranted('marketing'));
    expect(window.Keuze!.getConsent()!.method).to.equal('reject-all');
  });

  it('opens from any element with data-keuze-open="preferences", and gives focus back to it', async () => {
    await window.Keuze!.rejectAll();
    const link = await fixture<HTMLAnchorElement>(html`<a href="#cookies" data-keuze-open="preferences">Cookie-instellingen</a>`);
    link.focus();
    link.click();
    await waitUntil(() => preferences().dialog?.open, 'the link did not open the dialog');
    expect(location.hash).not.to.equal('#cookies');
    preferences().element.close();
    await preferences().closed();
    expect(document.activeElement).to.equal(link);
  });

  it('opened again right after closing, it stays open', async () => {
    await openFromBanner();
    const closed = new Promise((resolve) => preferences().dialog!.addEventListener('close', resolve, { once: true }));
    preferences().element.close();
    await preferences().element.updateComplete;
    await openFromBanner();
    // The first close's event comes a task later: it must not close the dialog again.
    await closed;
    await preferences().element.updateComplete;
    expect(preferences().isOpen()).to.equal(true);
  });

  it('lists each category’s cookies with their lifetime, in the page language', async () => {
    await openFromBanner();
    const tables = [...preferences().dialog!.querySelectorAll('table')];
    const rows = tables.flatMap((table) => [...table.querySelectorAll('tbody tr')].map((row) => row.textContent.replace(/\s+/g, ' ').trim()));
    expect(rows).to.include.members(['session — sessie Houdt je ingelogd.', '_pk_id.* Boekvlot 13 maanden —', '_hj* — — —', '_ads — — —']);
  });

  it('switches every element’s language from its own language switch', async () => {
    await openFromBanner();
    const select = preferences().dialog!.querySelector('select')!;
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    // The dialog asks Keuze, which keeps the language, and the texts follow.
    await waitUntil(() => preferences().button('save').textContent.trim() == 'Save choices', 'the dialog is not in English');
    await banner().element.updateComplete;
    expect(await banner().title()).to.equal('Cookies on this website');
    // The record keeps the language the visitor read.
    preferences().button('accept-all').click();
    await waitUntil(() => window.Keuze!.getConsent());
    expect(window.Keuze!.getConsent()!.language).to.equal('en');
  });

  itWithViewport(320)('fits a 320 px wide screen: no sideways scrolling, every button reachable', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      await openFromBanner();
      const box = preferences().dialog!.getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(320);
      const body = preferences().dialog!.querySelector<HTMLElement>('.body')!;
      expect(body.scrollWidth).to.be.at.most(body.clientWidth);
      for (const name of ['save', 'accept-all', 'reject-all'] as const) {
        const rect = preferences().button(name).getBoundingClientRect();
        expect(rect.bottom, name).to.be.at.most(640);
        expect(rect.height, name).to.be.at.least(24);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('the language select switches on Enter or on leaving it, not at each arrow key', async () => {
    await openFromBanner();
    const select = (): HTMLSelectElement => preferences().dialog!.querySelector('select')!;
    select().focus();
    // English is listed first.
    await sendKeys({ press: 'ArrowUp' });
    expect(select().value, 'the select after ArrowUp').to.equal('en');
    expect(preferences().element.lang, 'after ArrowUp').to.equal('nl');
    expect(preferences().button('save').textContent.trim()).to.equal('Keuze opslaan');
    // Tab away: the choice counts on leaving.
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => preferences().element.lang == 'en', 'leaving the select did not switch');
    await preferences().element.updateComplete;
    expect(preferences().button('save').textContent.trim()).to.equal('Save choices');
    select().focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(select().value, 'the select after ArrowDown').to.equal('nl');
    expect(preferences().element.lang, 'after ArrowDown').to.equal('en');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => preferences().element.lang == 'nl', 'Enter did not switch');
  });

  // Windows high contrast: author colours give way to a few system colours. Chromium only: only CDP emulates forced colours.
  for (const colorScheme of ['light', 'dark'] as const) {
    itIn(['chromium'], `${mediaEmulation}, and screenshots need its puppeteer page`)(`in forced colours (${colorScheme}), a switch that is on looks different from one that is off`, async () => {
      await emulateForcedColors({ forcedColors: 'active', colorScheme, reducedMotion: 'reduce' });
      try {
        await openFromBanner();
        const analytics = preferences().categorySwitch('analytics');
        analytics.scrollIntoView({ block: 'center' });
        const off = await pixelsOf(analytics);
        analytics.click();
        await preferences().element.updateComplete;
        expect(analytics.checked).to.equal(true);
        const on = await pixelsOf(analytics);
        expect(pixelDifference(off, on)).to.be.above(0.2);
        // And without forced colours, as designed.
        await emulateForcedColors({ forcedColors: 'none', colorScheme, reducedMotion: 'reduce' });
        analytics.click();
        await preferences().element.updateComplete;
        const normalOff = await pixelsOf(analytics);
        analytics.click();
        await preferences().element.updateComplete;
        expect(pixelDifference(normalOff, await pixelsOf(analytics))).to.be.above(0.2);
      } finally {
        await emulateForcedColors({ forcedColors: 'none' });
      }
    });
  }

  for (const lang of ['nl', 'en']) {
    for (const colorScheme of ['light', 'dark'] as const) {
      itWithMedia({ colorScheme })(`has no axe violations: ${lang}, ${colorScheme}`, async () => {
        await emulateMedia({ colorScheme });
        await window.Keuze!.setLanguage(lang);
        await openFromBanner();
        for (const details of preferences().dialog!.querySelectorAll('details')) details.open = true;
        await expect(preferences().element).to.be.accessible();
      });
    }
  }
});
