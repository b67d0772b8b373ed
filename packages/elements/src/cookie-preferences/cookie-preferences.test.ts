import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { emulateMedia, itIn, itWithMedia, itWithViewport, mediaEmulation, sendKeys, setViewport } from '../../../../test/support/engines.js';
import { deepActiveElement, emulateForcedColors, freshKeuze, part, pixelDifference, pixelsOf } from '../../../../test/support/elements.js';
import type { CookiePreferences } from './cookie-preferences.js';

const banner = (): HTMLElement => document.querySelector('keuze-cookie-banner')!;
const dialogElement = (): CookiePreferences => document.querySelector('keuze-cookie-preferences')!;
const dialog = (): HTMLDialogElement | null | undefined => dialogElement()?.shadowRoot?.querySelector('dialog');
const switchFor = (name: string): HTMLInputElement => dialog()!.querySelector<HTMLInputElement>(`#switch-${name}`)!;
const serviceSwitch = (label: string): HTMLInputElement =>
  [...dialog()!.querySelectorAll<HTMLLabelElement>('label.service')].find((item) => item.textContent!.includes(label))!.querySelector('input')!;
const button = (name: string): HTMLButtonElement => dialog()!.querySelector<HTMLButtonElement>(`[part~="${name}"]`)!;

/** Whether focus is on something inside the dialog (not the browser's own UI, nor the page behind). */
const focusInDialog = (): boolean => deepActiveElement()?.getRootNode() === dialogElement().shadowRoot;
const focusName = (): string => {
  const active = deepActiveElement();
  return active ? `<${active.localName}${active.getAttribute('part') ? ` part="${active.getAttribute('part')}"` : ''}>` : 'nothing';
};

async function pressTab(shift = false): Promise<void> {
  if (shift) await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  if (shift) await sendKeys({ up: 'Shift' });
}

/** A real click (it moves the browser's starting point for Tab), a little inside the element's top left. */
async function clickOn(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'nearest' });
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + 3), Math.round(rect.top + Math.min(rect.height / 2, 8))] });
}

async function openFromBanner(): Promise<void> {
  (await part(banner(), 'choose')).click();
  await waitUntil(() => dialog()?.open, 'the dialog did not open');
}

describe('<keuze-cookie-preferences>', () => {
  beforeEach(async () => {
    await freshKeuze();
    await emulateMedia({ colorScheme: 'light' });
  });
  afterEach(() => dialogElement()?.close());
  after(() => window.Keuze?.reset());

  it('opens from the banner as a modal dialog: focus inside, nothing optional on, necessary locked', async () => {
    await openFromBanner();
    expect(dialog()!.matches(':modal')).to.equal(true);
    expect(deepActiveElement()?.id).to.equal('title');
    expect(dialog()!.getAttribute('aria-labelledby')).to.equal('title');
    expect(switchFor('necessary').checked).to.equal(true);
    expect(switchFor('necessary').disabled).to.equal(true);
    expect(switchFor('necessary').getAttribute('role')).to.equal('switch');
    expect(switchFor('analytics').checked).to.equal(false);
    expect(switchFor('marketing').checked).to.equal(false);
    expect(serviceSwitch('Matomo').checked).to.equal(false);
    const texts = dialog()!.textContent!;
    expect(texts).to.include('Keuze opslaan');
    expect(texts).to.include('Altijd aan');
  });

  it('keyboard only: switch a category, save, and focus returns to the opener', async () => {
    const choose = await part(banner(), 'choose');
    choose.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog()?.open);
    // Tab to the analytics switch and turn it on with the space bar.
    for (let i = 0; i < 20 && deepActiveElement() !== switchFor('analytics'); i++) await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(switchFor('analytics'));
    await sendKeys({ press: 'Space' });
    expect(switchFor('analytics').checked).to.equal(true);
    expect(serviceSwitch('Matomo').checked).to.equal(true);
    for (let i = 0; i < 30 && deepActiveElement() !== button('save'); i++) await sendKeys({ press: 'Tab' });
    const saved = oneEvent(document, 'keuze-consent');
    await sendKeys({ press: 'Enter' });
    const { detail } = await saved;
    expect(detail.method).to.equal('custom');
    expect(detail.consent!.categories).to.deep.equal(['necessary', 'analytics']);
    expect(detail.consent!.services.analytics).to.deep.equal(['matomo', 'hotjar']);
    expect(dialog()!.open).to.equal(false);
  });

  it('traps Tab inside, Escape closes without a choice, focus returns to the opener', async () => {
    const choose = await part(banner(), 'choose');
    choose.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog()?.open);
    // Shift+Tab from the title, where focus starts, wraps to the last button; Tab from there to the first.
    await pressTab(true);
    expect(focusName()).to.equal('<button part="button reject-all">');
    await pressTab();
    expect(focusName()).to.equal('<select>');
    for (let i = 0; i < 40; i++) {
      await pressTab();
      expect(focusInDialog(), `Tab ${i}: ${focusName()}`).to.equal(true);
    }
    await pressTab(true);
    expect(focusInDialog(), focusName()).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog()?.open);
    expect(deepActiveElement() === choose, focusName()).to.equal(true);
    expect(window.Keuze!.getConsent()).to.equal(null);
  });

  // One behaviour from wherever focus or the last click is: Tab and Shift+Tab go round the dialog's
  // controls in order and wrap at either end, never leaving for the page or the browser's own UI.
  const startingPoints: [string, () => Promise<void>][] = [
    ['the title', async () => dialog()!.querySelector('h2')!.focus()],
    ['a click on the intro text', () => clickOn(dialog()!.querySelector('.body > p')!)],
    ['a click on a category description', () => clickOn(dialog()!.querySelector('.description')!)],
    ['a click on the footer, between buttons', () => clickOn(dialog()!.querySelector('.footer')!)],
    ['the first control', async () => dialog()!.querySelector('select')!.focus()],
    ['the last button', async () => button('reject-all').focus()],
  ];
  for (const [start, goThere] of startingPoints) {
    it(`keeps focus inside with Tab and Shift+Tab, from ${start}`, async () => {
      for (const shift of [true, false]) {
        await openFromBanner();
        await goThere();
        for (let i = 1; i <= 16; i++) {
          await pressTab(shift);
          expect(focusInDialog(), `${shift ? 'Shift+' : ''}Tab ${i} from ${start}: ${focusName()}`).to.equal(true);
        }
        dialogElement().close();
        await waitUntil(() => !dialog()?.open);
      }
    });
  }

  it('one service off: the category stays granted with the other service', async () => {
    await openFromBanner();
    switchFor('analytics').click();
    await dialogElement().updateComplete;
    serviceSwitch('Hotjar').click();
    button('save').click();
    await waitUntil(() => window.Keuze!.getConsent());
    expect(window.Keuze!.getConsent()!.services.analytics).to.deep.equal(['matomo']);
    expect(window.Keuze!.isGranted('analytics', 'hotjar')).to.equal(false);
  });

  it('shows a service\'s description under its name, as its switch\'s description', async () => {
    await openFromBanner();
    const matomo = serviceSwitch('Matomo');
    const description = dialog()!.querySelector(`#${matomo.getAttribute('aria-describedby')}`);
    expect(description?.textContent).to.equal('Bezoekersstatistieken, op onze eigen server.');
    expect(description!.getBoundingClientRect().top).to.be.at.least(matomo.closest('label')!.getBoundingClientRect().bottom - 1);
    // A service without one gets no empty reference.
    expect(serviceSwitch('Hotjar').hasAttribute('aria-describedby')).to.equal(false);
  });

  it('right to left: services sit inside their border, their switches in line with the category\'s', async () => {
    await openFromBanner();
    // The element takes its direction from its language (i18n.dir): as an Arabic or Hebrew translation sets it.
    dialogElement().dir = 'rtl';
    try {
      const services = dialog()!.querySelector('.services')!.getBoundingClientRect();
      const name = dialog()!.querySelector('label.service bdi')!.getBoundingClientRect();
      // The border is on the right (inline start): the name keeps the same gap from it as in LTR.
      expect(services.right - name.right, 'gap between the border and the service name').to.be.greaterThan(8);
      const category = switchFor('analytics').getBoundingClientRect();
      const service = serviceSwitch('Matomo').getBoundingClientRect();
      expect(Math.abs(service.left - category.left), 'service switch out of line with the category switch').to.be.lessThan(1);
    } finally {
      dialogElement().dir = 'ltr';
    }
  });

  it('reopened, it shows the current choice; reject all withdraws it', async () => {
    await window.Keuze!.setConsent({ categories: ['marketing'] });
    await window.Keuze!.showPreferences();
    await waitUntil(() => dialog()?.open);
    expect(switchFor('marketing').checked).to.equal(true);
    expect(switchFor('analytics').checked).to.equal(false);
    button('reject-all').click();
    await waitUntil(() => !window.Keuze!.isGranted('marketing'));
    expect(window.Keuze!.getConsent()!.method).to.equal('reject-all');
  });

  it('opens from any element with data-keuze-open="preferences", and gives focus back to it', async () => {
    await window.Keuze!.rejectAll();
    const link = await fixture<HTMLAnchorElement>(html`<a href="#cookies" data-keuze-open="preferences">Cookie-instellingen</a>`);
    link.focus();
    link.click();
    await waitUntil(() => dialog()?.open, 'the link did not open the dialog');
    expect(location.hash).not.to.equal('#cookies');
    dialogElement().close();
    await waitUntil(() => !dialog()?.open);
    expect(document.activeElement).to.equal(link);
  });

  it('opened again right after closing, it stays open', async () => {
    await openFromBanner();
    dialogElement().close();
    await dialogElement().updateComplete;
    await openFromBanner();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dialog()!.open).to.equal(true);
  });

  it('lists each category’s cookies with their lifetime, in the page language', async () => {
    await openFromBanner();
    const tables = [...dialog()!.querySelectorAll('table')];
    const rows = tables.flatMap((table) => [...table.querySelectorAll('tbody tr')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim()));
    expect(rows).to.include.members(['session — sessie Houdt je ingelogd.', '_pk_id.* Boekvlot 13 maanden —', '_hj* — — —', '_ads — — —']);
  });

  it('switches every element’s language from its own language switch', async () => {
    await openFromBanner();
    const select = dialog()!.querySelector('select')!;
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await dialogElement().updateComplete;
    expect(button('save').textContent!.trim()).to.equal('Save choices');
    await (banner() as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect((await part(banner(), 'title')).textContent).to.equal('Cookies on this website');
    // The record keeps the language the visitor read.
    button('accept-all').click();
    await waitUntil(() => window.Keuze!.getConsent());
    expect(window.Keuze!.getConsent()!.language).to.equal('en');
  });

  itWithViewport(320)('fits a 320 px wide screen: no sideways scrolling, every button reachable', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      await openFromBanner();
      const box = dialog()!.getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(320);
      const body = dialog()!.querySelector<HTMLElement>('.body')!;
      expect(body.scrollWidth).to.be.at.most(body.clientWidth);
      for (const name of ['save', 'accept-all', 'reject-all']) {
        const rect = button(name).getBoundingClientRect();
        expect(rect.bottom, name).to.be.at.most(640);
        expect(rect.height, name).to.be.at.least(24);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('the language select switches on Enter or on leaving it, not at each arrow key', async () => {
    await openFromBanner();
    const select = (): HTMLSelectElement => dialog()!.querySelector('select')!;
    select().focus();
    // English is listed first.
    await sendKeys({ press: 'ArrowUp' });
    expect(select().value, 'the select after ArrowUp').to.equal('en');
    expect(dialogElement().lang, 'after ArrowUp').to.equal('nl');
    expect(button('save').textContent!.trim()).to.equal('Keuze opslaan');
    // Tab away: the choice counts on leaving.
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => dialogElement().lang == 'en', 'leaving the select did not switch');
    await dialogElement().updateComplete;
    expect(button('save').textContent!.trim()).to.equal('Save choices');
    select().focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(select().value, 'the select after ArrowDown').to.equal('nl');
    expect(dialogElement().lang, 'after ArrowDown').to.equal('en');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialogElement().lang == 'nl', 'Enter did not switch');
  });

  // Windows high contrast: author colours give way to a few system colours. Chromium only: only CDP emulates forced colours.
  for (const colorScheme of ['light', 'dark'] as const) {
    itIn(['chromium'], `${mediaEmulation}, and screenshots need its puppeteer page`)(`in forced colours (${colorScheme}), a switch that is on looks different from one that is off`, async () => {
      await emulateForcedColors({ forcedColors: 'active', colorScheme, reducedMotion: 'reduce' });
      try {
        await openFromBanner();
        const analytics = switchFor('analytics');
        analytics.scrollIntoView({ block: 'center' });
        const off = await pixelsOf(analytics);
        analytics.click();
        await dialogElement().updateComplete;
        expect(analytics.checked).to.equal(true);
        const on = await pixelsOf(analytics);
        expect(pixelDifference(off, on)).to.be.above(0.2);
        // And without forced colours, as designed.
        await emulateForcedColors({ forcedColors: 'none', colorScheme, reducedMotion: 'reduce' });
        analytics.click();
        await dialogElement().updateComplete;
        const normalOff = await pixelsOf(analytics);
        analytics.click();
        await dialogElement().updateComplete;
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
        for (const details of dialog()!.querySelectorAll('details')) details.open = true;
        await expect(dialogElement()).to.be.accessible();
      });
    }
  }
});
