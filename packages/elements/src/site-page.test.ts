import { expect, waitUntil } from '@open-wc/testing';
import type { KeuzeConfig } from '@keuze/core';
import { emulateMedia, itIn, mediaEmulation } from '../../../test/support/engines.js';
import { elementsConfig } from '../../../test/support/elements.js';
import { axeViolations, closeSites, openSite, siteActiveElement, sitePart, type Site, type SiteOptions } from '../../../test/support/site.js';

/** A site page loads Keuze's sources afresh in its iframe: slow on a loaded machine, in WebKit most. */
const SITE_PAGE_TIMEOUT = 30_000;

const STATEMENT = `---
title: Privacyverklaring Boekvlot
version: 3
updated: 2025-01-15
---
# Privacyverklaring Boekvlot

## Wie zijn wij

Boekvlot verkoopt tweedehands boeken.

## Welke gegevens

### Bestellingen

Je naam en adres.

## Cookies

Zie [cookie-instellingen](#cookies).
`;

const STATEMENT_EN = `---
title: Boekvlot privacy statement
version: 3
updated: 2025-01-15
---
# Boekvlot privacy statement

## Who we are

Boekvlot sells second-hand books.

## What we keep

### Orders

Your name and address.

## Cookies

See [cookie settings](#cookies).
`;

const NEWSLETTER_HOST = `<script type="module">
const element = document.createElement('keuze-newsletter-preferences');
element.token = 'tok-1';
element.handler = (event) => event.type == 'newsletter-preferences-get' ? { topics: ['newsletter'], required: ['service'], email: 'anna@example.com' } : {};
document.querySelector('#newsletter').append(element);
</script>`;

/** Each state of each element, as a visitor meets it on a page of the site. */
const states: { name: string; options?: Omit<SiteOptions, 'config'> & { config?: Partial<KeuzeConfig> }; choose?: boolean; ready: (site: Site) => Promise<unknown> }[] = [
  { name: 'banner as a box', ready: (site) => sitePart(site, 'keuze-cookie-banner', 'base') },
  { name: 'banner as a bar', options: { config: { layout: 'bar' } }, ready: (site) => sitePart(site, 'keuze-cookie-banner', 'base') },
  {
    name: 'banner inline',
    options: { main: '<keuze-cookie-banner layout="inline"></keuze-cookie-banner>' },
    ready: (site) => sitePart(site, 'keuze-cookie-banner', 'base'),
  },
  {
    name: 'dialog open',
    ready: async (site) => {
      (await sitePart(site, 'keuze-cookie-banner', 'choose')).click();
      const dialog = await sitePart<HTMLDialogElement>(site, 'keuze-cookie-preferences', 'base');
      await waitUntil(() => dialog.open);
      for (const details of dialog.querySelectorAll('details')) details.open = true;
    },
  },
  {
    name: 'statement loaded',
    choose: true,
    options: { heading: false, main: `<keuze-privacy-statement><template lang="nl">${STATEMENT}</template><template lang="en">${STATEMENT_EN}</template></keuze-privacy-statement>` },
    ready: (site) => sitePart(site, 'keuze-privacy-statement', 'content'),
  },
  {
    name: 'statement failed',
    choose: true,
    options: { heading: false, main: '<keuze-privacy-statement src="/__missing/privacy.md"></keuze-privacy-statement>' },
    ready: (site) => sitePart(site, 'keuze-privacy-statement', 'error'),
  },
  { name: 'declaration', choose: true, options: { main: '<keuze-cookie-declaration></keuze-cookie-declaration>' }, ready: (site) => sitePart(site, 'keuze-cookie-declaration', 'base') },
  {
    name: 'newsletter preferences',
    choose: true,
    options: { main: `<div id="newsletter"></div>${NEWSLETTER_HOST}` },
    ready: (site) => sitePart(site, 'keuze-newsletter-preferences', 'unsubscribe'),
  },
  { name: 'privacy request form', choose: true, options: { main: '<keuze-privacy-request></keuze-privacy-request>' }, ready: (site) => sitePart(site, 'keuze-privacy-request', 'base') },
  {
    name: 'embed placeholder',
    choose: true,
    options: { main: '<iframe width="560" height="315" title="Bezoekerskaart" data-category="analytics" data-service="matomo" data-src="/test/support/embed.html"></iframe>' },
    ready: (site) => sitePart(site, 'keuze-embed-placeholder', 'base'),
  },
];

describe('a whole site page', function () {
  this.timeout(SITE_PAGE_TIMEOUT);
  afterEach(closeSites);
  after(() => emulateMedia({ colorScheme: 'light' }));

  for (const state of states) {
    for (const lang of ['nl', 'en']) {
      for (const colorScheme of ['light', 'dark'] as const) {
        // Light is every engine's default; dark needs media emulation.
        (colorScheme == 'light' ? it : itIn(['chromium'], mediaEmulation))(`axe finds nothing: ${state.name}, ${lang}, ${colorScheme}`, async () => {
          await emulateMedia({ colorScheme });
          const { config = {}, ...rest } = state.options ?? {};
          const site = await openSite({ ...rest, lang, config: { ...elementsConfig, lang, reopenButton: !!state.choose, ...config } });
          if (state.choose) await site.keuze.rejectAll();
          await state.ready(site);
          expect(await axeViolations(site)).to.deep.equal([]);
        });
      }
    }
  }
});

/** The part of the viewport a rectangle covers, 0–1. */
const coverage = (rect: DOMRect, width: number, height: number): number =>
  (Math.max(0, Math.min(rect.right, width) - Math.max(rect.left, 0)) * Math.max(0, Math.min(rect.bottom, height) - Math.max(rect.top, 0))) / (width * height);

/** Long Dutch compounds where a site might well have them: a category label, the banner's text, the statement's title. */
const longWords: KeuzeConfig = {
  ...elementsConfig,
  translations: { nl: { 'banner.text': 'Wij gebruiken cookies voor {{purposes}} en voor klanttevredenheidsonderzoeksresultatenverwerking.' } },
  categories: {
    ...elementsConfig.categories,
    analytics: { ...elementsConfig.categories.analytics, label: { nl: 'Bezoekersstatistieken', en: 'Statistics' } },
    functional: { label: { nl: 'Gebruikersvoorkeurenopslag', en: 'Preferences' } },
  },
};

const sizes = [
  [1024, 768],
  [320, 640],
  // A 1280 × 1024 window at 400 % zoom.
  [320, 256],
] as const;

describe('a site page at every size', function () {
  this.timeout(SITE_PAGE_TIMEOUT);
  afterEach(closeSites);

  for (const [width, height] of sizes) {
    for (const layout of ['box', 'bar'] as const) {
      it(`every focusable element of the page can be scrolled clear of the ${layout} at ${width} × ${height}`, async () => {
        const site = await openSite({ width, height, config: { ...elementsConfig, layout } });
        const base = await sitePart(site, 'keuze-cookie-banner', 'base');
        await Promise.all(base.getAnimations().map((animation) => animation.finished));
        const focusable = [...site.document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')];
        expect(focusable.length).to.be.above(5);
        for (const element of focusable) {
          element.focus();
          // As far as the page lets it: the scroll padding keeps the banner's height free.
          element.scrollIntoView({ block: 'nearest' });
          const rect = element.getBoundingClientRect();
          const banner = base.getBoundingClientRect();
          const clear = rect.bottom <= banner.top + 0.5 || rect.top >= banner.bottom - 0.5 || rect.right <= banner.left || rect.left >= banner.right;
          expect(clear, `${element.textContent} (${Math.round(rect.top)}–${Math.round(rect.bottom)}) under the ${layout} (from ${Math.round(banner.top)})`).to.equal(true);
          expect(rect.top, element.textContent).to.be.at.least(0);
        }
      });
    }
  }

  for (const layout of ['box', 'bar'] as const) {
    it(`the ${layout} covers at most half of a 320 × 256 viewport, and scrolls inside itself`, async () => {
      const site = await openSite({ width: 320, height: 256, config: { ...elementsConfig, layout } });
      const base = await sitePart(site, 'keuze-cookie-banner', 'base');
      await Promise.all(base.getAnimations().map((animation) => animation.finished));
      expect(coverage(base.getBoundingClientRect(), 320, 256)).to.be.at.most(0.5);
      for (const name of ['accept-all', 'reject-all', 'choose']) {
        const button = await sitePart(site, 'keuze-cookie-banner', name);
        // Reachable by scrolling inside the banner (how far focus() alone scrolls differs per engine).
        button.scrollIntoView({ block: 'nearest' });
        const rect = button.getBoundingClientRect();
        expect(rect.top, name).to.be.at.least(base.getBoundingClientRect().top - 0.5);
        expect(rect.bottom, name).to.be.at.most(base.getBoundingClientRect().bottom + 0.5);
      }
    });
  }

  it('the dialog at 320 × 256 gives most of its height to the categories', async () => {
    const site = await openSite({ width: 320, height: 256 });
    (await sitePart(site, 'keuze-cookie-banner', 'choose')).click();
    const dialog = await sitePart<HTMLDialogElement>(site, 'keuze-cookie-preferences', 'base');
    await waitUntil(() => dialog.open);
    const list = dialog.querySelector<HTMLElement>('[part~="category"]')!;
    // The box that scrolls the categories: fixed parts of the dialog take the rest of its height.
    let scroller: HTMLElement | null = list.parentElement;
    while (scroller && scroller !== dialog && getComputedStyle(scroller).overflowY == 'visible') scroller = scroller.parentElement;
    expect(scroller!.clientHeight / dialog.clientHeight).to.be.above(0.5);
  });

  it('nothing scrolls sideways at 320 px with long Dutch words', async () => {
    const site = await openSite({
      width: 320,
      height: 640,
      heading: false,
      config: longWords,
      main: `<keuze-privacy-statement><template>---\ntitle: Privacyverklaring Basecone\nversion: 1\n---\n## Bewaartermijnen\n\nTekst.</template></keuze-privacy-statement><keuze-cookie-declaration></keuze-cookie-declaration>`,
    });
    const base = await sitePart(site, 'keuze-cookie-banner', 'base');
    await sitePart(site, 'keuze-privacy-statement', 'content');
    await sitePart(site, 'keuze-cookie-declaration', 'base');
    const root = site.document.scrollingElement!;
    expect(root.scrollWidth, 'the page').to.be.at.most(320);
    expect(base.scrollWidth, 'the banner').to.be.at.most(base.clientWidth);
    const text = await sitePart(site, 'keuze-cookie-banner', 'text');
    expect(text.getBoundingClientRect().right, "the banner's text").to.be.at.most(base.getBoundingClientRect().right);
    (await sitePart(site, 'keuze-cookie-banner', 'choose')).click();
    const dialog = await sitePart<HTMLDialogElement>(site, 'keuze-cookie-preferences', 'base');
    await waitUntil(() => dialog.open);
    const box = dialog.getBoundingClientRect();
    for (const control of dialog.querySelectorAll('input, select, button')) {
      const rect = control.getBoundingClientRect();
      expect(rect.left, control.id || control.textContent).to.be.at.least(box.left);
      expect(rect.right, control.id || control.textContent).to.be.at.most(box.right);
    }
    expect(root.scrollWidth, 'the page with the dialog open').to.be.at.most(320);
  });
});

/** An element of the site page in words: chai cannot print an element from another window (it never ends). */
const named = (element: Element | null | undefined): string => (element ? `<${element.localName}> ${element.textContent.trim().slice(0, 40)}` : 'nothing');

describe('focus on a site page', function () {
  this.timeout(SITE_PAGE_TIMEOUT);
  afterEach(closeSites);

  for (const layout of ['box', 'bar'] as const) {
    it(`after a choice in the ${layout}, focus goes back to where it was before the banner`, async () => {
      const site = await openSite({ config: { ...elementsConfig, layout } });
      const link = site.document.querySelector<HTMLElement>('nav a')!;
      link.focus();
      const accept = await sitePart(site, 'keuze-cookie-banner', 'accept-all');
      accept.focus();
      accept.click();
      await waitUntil(() => site.keuze.getConsent(), 'no choice stored');
      await waitUntil(() => siteActiveElement(site) != accept, 'focus stayed on the button that went');
      expect(named(siteActiveElement(site))).to.equal(named(link));
    });
  }

  it('after a choice in the banner reached from the top of the page, focus goes to the main content', async () => {
    const site = await openSite();
    const reject = await sitePart(site, 'keuze-cookie-banner', 'reject-all');
    reject.focus();
    reject.click();
    await waitUntil(() => site.keuze.getConsent(), 'no choice stored');
    await waitUntil(() => siteActiveElement(site) != reject);
    expect(named(siteActiveElement(site))).to.equal(named(site.document.querySelector('main')));
  });

  it('after a choice in the dialog opened from the banner, focus is on the page, not <body>', async () => {
    const site = await openSite();
    const link = site.document.querySelector<HTMLElement>('nav a')!;
    link.focus();
    const choose = await sitePart(site, 'keuze-cookie-banner', 'choose');
    choose.focus();
    choose.click();
    const dialog = await sitePart<HTMLDialogElement>(site, 'keuze-cookie-preferences', 'base');
    await waitUntil(() => dialog.open);
    const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
    (await sitePart(site, 'keuze-cookie-preferences', 'save')).click();
    await waitUntil(() => site.keuze.getConsent(), 'no choice stored');
    await waitUntil(() => !dialog.open && !site.document.querySelector('keuze-cookie-banner')!.shadowRoot!.querySelector('[part~="base"]'));
    // The dialog's close event comes a task later: focus must still be right after it.
    await closed;
    expect(named(siteActiveElement(site))).to.equal(named(link));
  });

  it('after "Ongedaan maken" on the newsletter preferences, focus is on the message', async () => {
    const site = await openSite({ main: `<div id="newsletter"></div>${NEWSLETTER_HOST}` });
    await site.keuze.rejectAll();
    const element = site.document.querySelector('keuze-newsletter-preferences')!;
    (await sitePart(site, 'keuze-newsletter-preferences', 'unsubscribe')).click();
    const undo = (): HTMLButtonElement | undefined => [...element.shadowRoot!.querySelectorAll('button')].find((item) => item.textContent.trim() == 'Ongedaan maken');
    await waitUntil(undo, 'no undo button');
    const button = undo()!;
    button.focus();
    button.click();
    await waitUntil(() => element.shadowRoot!.textContent.includes('Je voorkeuren zijn opgeslagen.'), 'the undo did not save');
    await waitUntil(() => siteActiveElement(site) != button);
    expect(named(siteActiveElement(site))).to.equal('<p> Je voorkeuren zijn opgeslagen.');
  });
});

describe('writing direction and language on a site page', function () {
  this.timeout(SITE_PAGE_TIMEOUT);
  afterEach(closeSites);

  const everyElement = `<keuze-privacy-statement><template>${STATEMENT}</template></keuze-privacy-statement><keuze-cookie-declaration></keuze-cookie-declaration><div id="newsletter"></div>${NEWSLETTER_HOST}`;
  const tags = ['keuze-cookie-banner', 'keuze-privacy-statement', 'keuze-cookie-declaration', 'keuze-newsletter-preferences'];

  it('each element sets dir and lang on its content, for the language it shows', async () => {
    const site = await openSite({ heading: false, main: everyElement });
    for (const tag of tags) await waitUntil(() => site.document.querySelector(tag)?.shadowRoot?.firstElementChild, `${tag} did not render`);
    (await sitePart(site, 'keuze-cookie-banner', 'choose')).click();
    await sitePart(site, 'keuze-cookie-preferences', 'base');
    for (const tag of [...tags, 'keuze-cookie-preferences']) {
      const host = site.document.querySelector(tag)!;
      expect([host.getAttribute('lang'), host.getAttribute('dir')], tag).to.deep.equal(['nl', 'ltr']);
    }
  });

  it('on a right-to-left page in Hebrew: the layout mirrors, English stand-ins and cookie names read left to right', async () => {
    const config: KeuzeConfig = {
      ...elementsConfig,
      lang: 'he',
      translations: { he: { 'banner.title': 'עוגיות באתר הזה', 'banner.text': 'אנחנו משתמשים בעוגיות עבור {{purposes}}.' } },
    };
    const site = await openSite({ lang: 'he', dir: 'rtl', config });
    const base = await sitePart(site, 'keuze-cookie-banner', 'base');
    const banner = site.document.querySelector('keuze-cookie-banner')!;
    expect([banner.getAttribute('lang'), banner.getAttribute('dir')]).to.deep.equal(['he', 'rtl']);
    expect(getComputedStyle(base).direction).to.equal('rtl');
    // "Accept all" has no Hebrew text here: the English one is marked English and runs left to right.
    const accept = await sitePart(site, 'keuze-cookie-banner', 'accept-all');
    const english = accept.querySelector('[lang]')!;
    expect([english.getAttribute('lang'), getComputedStyle(english).direction, english.textContent]).to.deep.equal(['en', 'ltr', 'Accept all']);
    // The site's Hebrew title is not marked.
    expect((await sitePart(site, 'keuze-cookie-banner', 'title')).querySelector('[lang]')).to.equal(null);
    accept.click();
    await waitUntil(() => site.keuze.getConsent());
    await site.keuze.showPreferences();
    const dialog = await sitePart<HTMLDialogElement>(site, 'keuze-cookie-preferences', 'base');
    for (const details of dialog.querySelectorAll('details')) details.open = true;
    const name = [...dialog.querySelectorAll('code')].find((code) => code.textContent == '_pk_id.*')!;
    expect(getComputedStyle(name).direction).to.equal('ltr');
    expect(getComputedStyle(name).unicodeBidi).to.equal('isolate');
    expect(getComputedStyle(dialog).direction).to.equal('rtl');
  });
});

/** The WCAG 1.4.12 text spacing override, as the usual bookmarklet applies it to a page. */
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

describe('text spacing (WCAG 1.4.12) on a site page at 320 px', function () {
  this.timeout(SITE_PAGE_TIMEOUT);
  afterEach(closeSites);

  it("a page-level override reaches Keuze's buttons and headings", async () => {
    const site = await openSite({ width: 320, height: 640, before: `document.head.append(Object.assign(document.createElement('style'), { textContent: ${JSON.stringify(TEXT_SPACING)} }))` });
    // Inherited into the shadow root: spacing arrives as the host's length (0.12em of its font size),
    // line height as the number 1.5.
    await sitePart(site, 'keuze-cookie-banner', 'base');
    const host = parseFloat(getComputedStyle(site.document.querySelector('keuze-cookie-banner')!).fontSize);
    for (const name of ['title', 'text', 'accept-all', 'choose']) {
      const style = getComputedStyle(await sitePart(site, 'keuze-cookie-banner', name));
      expect(parseFloat(style.letterSpacing) / host, `${name} letter spacing`).to.be.closeTo(0.12, 0.005);
      expect(parseFloat(style.wordSpacing) / host, `${name} word spacing`).to.be.closeTo(0.16, 0.005);
      expect(parseFloat(style.lineHeight) / parseFloat(style.fontSize), `${name} line height`).to.be.at.least(1.5 - 0.01);
    }
    (await sitePart(site, 'keuze-cookie-banner', 'choose')).click();
    const dialog = await sitePart<HTMLDialogElement>(site, 'keuze-cookie-preferences', 'base');
    await waitUntil(() => dialog.open);
    for (const element of dialog.querySelectorAll('h2, h3, button, select, summary, th')) {
      const style = getComputedStyle(element);
      const name = element.textContent.trim() || element.localName;
      expect(parseFloat(style.letterSpacing) / host, `${name} letter spacing`).to.be.closeTo(0.12, 0.005);
      // A closed select draws its own line box (Chromium computes "normal" whatever is set).
      if (element.localName != 'select') expect(parseFloat(style.lineHeight) / parseFloat(style.fontSize), `${name} line height`).to.be.at.least(1.5 - 0.01);
    }
  });

  it('with the override also inside the elements (as a user style sheet applies it), no switch or button is cut off', async () => {
    const site = await openSite({
      width: 320,
      height: 640,
      config: longWords,
      before: `document.head.append(Object.assign(document.createElement('style'), { textContent: ${JSON.stringify(TEXT_SPACING)} }))`,
    });
    (await sitePart(site, 'keuze-cookie-banner', 'choose')).click();
    const dialog = await sitePart<HTMLDialogElement>(site, 'keuze-cookie-preferences', 'base');
    await waitUntil(() => dialog.open);
    const sheet = new (site.window as unknown as typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(TEXT_SPACING);
    const root = dialog.getRootNode() as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const box = dialog.getBoundingClientRect();
    for (const control of dialog.querySelectorAll('input, select, button')) {
      const rect = control.getBoundingClientRect();
      const name = control.id || control.textContent.trim() || control.localName;
      expect(rect.left, name).to.be.at.least(box.left);
      expect(rect.right, name).to.be.at.most(box.right);
      expect(control.scrollWidth, `${name} cuts its text`).to.be.at.most(control.clientWidth + 1);
    }
  });
});
