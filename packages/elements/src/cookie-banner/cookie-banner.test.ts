import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, itWithMedia, itWithViewport, sendKeys, setViewport } from '../../../../test/support/engines.js';
import { freshKeuze, nextFrame } from '../../../../test/support/elements.js';
import { CookieBannerHarness } from './cookie-banner.harness.js';

const harness = (): CookieBannerHarness => CookieBannerHarness.find();
const banner = (): CookieBannerHarness['element'] => harness().element;
const keuzeCookie = (): string | undefined => document.cookie.split('; ').find((pair) => pair.startsWith('keuze_consent='));

describe('<keuze-cookie-banner>', () => {
  beforeEach(async () => {
    await freshKeuze();
    banner().layout = 'box';
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });
  after(() => window.Keuze?.reset());

  it('asks on a first visit, first in the page, in Dutch, naming the purposes and linking the statement', async () => {
    const base = await harness().base();
    expect(document.body.firstElementChild).to.equal(banner());
    expect(base.localName).to.equal('section');
    expect(base.getAttribute('aria-labelledby')).to.equal('title');
    expect(await harness().title()).to.equal('Cookies op deze website');
    const text = await harness().body();
    expect(text.textContent).to.include('cookies voor statistieken en marketing');
    expect(text.querySelector('a')!.getAttribute('href')).to.equal('/privacy');
    expect(await harness().buttonLabels()).to.deep.equal(['Alles accepteren', 'Alles weigeren', 'Zelf kiezen']);
    expect(keuzeCookie()).to.equal(undefined);
  });

  it('gives accept and reject the same size, weight and colours, side by side', async () => {
    for (const layout of ['box', 'bar', 'inline'] as const) {
      banner().layout = layout;
      await banner().updateComplete;
      // Measured where they stay: mid-slide, WebKit may round the two tops a pixel apart.
      await harness().settled();
      const [accept, reject] = [await harness().button('accept-all'), await harness().button('reject-all')];
      const [a, r] = [accept.getBoundingClientRect(), reject.getBoundingClientRect()];
      expect([Math.round(a.width), Math.round(a.height), Math.round(a.top)], layout).to.deep.equal([Math.round(r.width), Math.round(r.height), Math.round(r.top)]);
      expect(a.height).to.be.at.least(24);
      const style = (element: Element): string[] => {
        const computed = getComputedStyle(element);
        return [computed.fontWeight, computed.fontSize, computed.color, computed.backgroundColor, computed.borderColor];
      };
      expect(style(accept), layout).to.deep.equal(style(reject));
    }
  });

  it('reject all: gone within one frame, only necessary stored', async () => {
    await harness().rejectAll();
    await nextFrame();
    expect(harness().shown()).to.equal(false);
    await window.Keuze!.rejectAll();
    expect(window.Keuze!.getConsent()!.categories).to.deep.equal(['necessary']);
    expect(keuzeCookie()).to.match(/\|necessary\|/);
  });

  it('accept all: gone within one frame, everything granted', async () => {
    await harness().acceptAll();
    await nextFrame();
    expect(harness().shown()).to.equal(false);
    await window.Keuze!.acceptAll();
    expect(window.Keuze!.getConsent()!.categories).to.deep.equal(['necessary', 'analytics', 'marketing']);
  });

  it('comes back after Keuze.reset()', async () => {
    await window.Keuze!.rejectAll();
    await banner().updateComplete;
    expect(harness().shown()).to.equal(false);
    await window.Keuze!.reset();
    await harness().base();
  });

  it('switches language live, every text', async () => {
    await harness().base();
    await window.Keuze!.setLanguage('en');
    await banner().updateComplete;
    expect(await harness().title()).to.equal('Cookies on this website');
    expect((await harness().body()).textContent).to.include('cookies for statistics and marketing');
    expect((await harness().button('reject-all')).textContent.trim()).to.equal('Reject all');
    expect(banner().lang).to.equal('en');
  });

  for (const lang of ['nl', 'en']) {
    for (const layout of ['box', 'bar', 'inline'] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        itWithMedia({ colorScheme })(`has no axe violations: ${layout}, ${lang}, ${colorScheme}`, async () => {
          await emulateMedia({ colorScheme });
          await window.Keuze!.setLanguage(lang);
          banner().layout = layout;
          await banner().updateComplete;
          await harness().base();
          // Judged at once, mid-entrance: the banner is readable from its first frame.
          await expect(banner()).to.be.accessible();
        });
      }
    }
  }

  it('a forced dark theme has readable text', async () => {
    banner().theme = 'dark';
    await banner().updateComplete;
    const base = await harness().settled();
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(22, 25, 30)');
    await expect(banner()).to.be.accessible();
    banner().removeAttribute('theme');
  });

  it('is fully opaque from its first frame', async () => {
    await window.Keuze!.rejectAll();
    await window.Keuze!.reset();
    const base = await harness().base();
    expect(getComputedStyle(base).opacity).to.equal('1');
    await nextFrame();
    expect(getComputedStyle(base).opacity).to.equal('1');
  });

  itWithMedia({ reducedMotion: 'reduce' })('animates only when motion is welcome', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    await window.Keuze!.rejectAll();
    await window.Keuze!.reset();
    expect((await harness().base()).getAnimations()).to.have.length(0);
    await emulateMedia({ reducedMotion: 'no-preference' });
    await window.Keuze!.rejectAll();
    await window.Keuze!.reset();
    expect((await harness().base()).getAnimations()).to.have.length(1);
  });

  // 320 CSS px wide is a small phone, and also a 1280 px window at 400% zoom; 640 × 400 is 200%.
  for (const [width, height] of [
    [320, 640],
    [640, 400],
  ] as const)
    itWithViewport(width)(`fits a ${width} × ${height} px window`, async () => {
      await setViewport({ width, height });
      try {
        for (const layout of ['box', 'bar'] as const) {
          banner().layout = layout;
          await banner().updateComplete;
          // Measured where it stays, after the entrance slide.
          const base = await harness().settled();
          const box = base.getBoundingClientRect();
          expect(box.left, layout).to.be.at.least(0);
          expect(box.right, layout).to.be.at.most(width);
          expect(base.scrollWidth, layout).to.be.at.most(base.clientWidth);
          // Every choice can be reached (scrolling inside the banner if need be) and is 24 px or more.
          for (const name of ['accept-all', 'reject-all', 'choose'] as const) {
            const button = await harness().button(name);
            button.scrollIntoView({ block: 'nearest' });
            const rect = button.getBoundingClientRect();
            expect(rect.bottom, `${layout} ${name}`).to.be.at.most(height);
            expect(rect.height, `${layout} ${name}`).to.be.at.least(24);
          }
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

  it('never takes focus from a page field, and is first in the Tab order', async () => {
    // A window where the box fits: in a shorter one the box scrolls inside itself (at most half the
    // window), and Firefox then makes the scrolling box itself the first Tab stop, so a keyboard
    // visitor can scroll it.
    await setViewport({ width: 800, height: 900 });
    try {
      const field = await fixture<HTMLInputElement>(html`<input aria-label="Your name" />`);
      field.focus();
      await window.Keuze!.rejectAll();
      await window.Keuze!.reset();
      await harness().base();
      expect(document.activeElement).to.equal(field);
      // Tab from the very top of the page.
      const top = Object.assign(document.createElement('div'), { tabIndex: -1 });
      document.body.prepend(top);
      top.focus();
      await sendKeys({ press: 'Tab' });
      top.remove();
      // The privacy statement link in the text comes first, then the three buttons.
      expect(harness().hasFocus()).to.equal(true);
      expect(harness().focusedControl()).to.equal('/privacy');
      for (const name of ['accept-all', 'reject-all', 'choose']) {
        await harness().tab();
        expect(harness().focusedControl()).to.equal(`button ${name}`);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('<keuze-cookie-banner> over a long page', () => {
  beforeEach(freshKeuze);
  after(() => window.Keuze?.reset());

  it('keyboard focus on the page never hides behind it', async () => {
    const page = await fixture(html`<div>${Array.from({ length: 40 }, (_, i) => html`<p><a href="#${i}">Link ${i}</a></p>`)}</div>`);
    const base = await harness().settled();
    const links = [...page.querySelectorAll('a')];
    links[0]!.focus();
    for (const link of links.slice(1, 30)) {
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(link);
      expect(link.getBoundingClientRect().bottom, link.textContent).to.be.at.most(base.getBoundingClientRect().top);
    }
  });
});
