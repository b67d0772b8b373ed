import type { LitElement } from 'lit';
import { expect, waitUntil } from '@open-wc/testing';
import { clearSiteData, closePages, gateDrained, openPage, roundTrip, siteConfig, type TestPage } from '../../../test/support/pages.js';

/** The shadow DOM of the page's element `tag`, once it rendered `selector`. */
async function rendered(page: TestPage, tag: string, selector = '[part~="base"]'): Promise<ShadowRoot> {
  await waitUntil(() => page.document.querySelector(tag)?.shadowRoot?.querySelector(selector), `<${tag}> did not render ${selector}`, { timeout: 3000 });
  return page.document.querySelector(tag)!.shadowRoot!;
}

/** The chunks of dist/ this page view fetched, by name without hash. */
const chunksLoaded = (page: TestPage): string[] =>
  page.window.performance
    .getEntriesByType('resource')
    .map((entry) => /\/dist\/chunks\/([\w-]+?)-[\w-]{6}\.js$/.exec(entry.name)?.[1])
    .filter((name): name is string => !!name);

/** The chunks once the config's warnings have loaded: they come after the validator, in their own time. */
const chunksAfterWarnings = async (page: TestPage): Promise<string[]> => {
  await waitUntil(() => chunksLoaded(page).includes('config-warnings'), 'the config warnings never loaded');
  return chunksLoaded(page).sort();
};

const returningVisit = async (options: Parameters<typeof openPage>[0] = {}): Promise<TestPage> => {
  const first = await openPage({ config: siteConfig, ...options });
  await first.keuze.rejectAll();
  closePages();
  return openPage({ config: siteConfig, ...options });
};

describe('the script tag and the elements', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  for (const loader of ['module', 'iife'] as const) {
    it(`${loader}: shows the banner on a first visit, hides it after a choice and on the next page`, async () => {
      const page = await openPage({ config: siteConfig, loader });
      const banner = await rendered(page, 'keuze-cookie-banner');
      expect(page.document.body.firstElementChild!.localName).to.equal('keuze-cookie-banner');
      expect(banner.querySelector('[part~="title"]')!.textContent).to.equal('Cookies op deze website');
      banner.querySelector<HTMLButtonElement>('[part~="accept-all"]')!.click();
      await waitUntil(() => page.keuze.getConsent());
      expect(banner.querySelector('[part~="base"]')).to.equal(null);
      await page.reload();
      await gateDrained(page);
      await roundTrip();
      expect(page.document.querySelector('keuze-cookie-banner')).to.equal(null);
    });
  }

  it('a returning visit to a page with its own settings link loads no element code, and no engine', async () => {
    // Without the undeclared-storage check: the engines' shared profiles may still hold another
    // test's keys, which would rightly load its report (undeclared.test.ts tests that).
    const page = await returningVisit({ config: { ...siteConfig, detectUndeclared: false }, body: '<a href="#" data-keuze-open="preferences">Cookie-instellingen</a>' });
    await gateDrained(page);
    await roundTrip();
    expect(page.keuze.getConsent()).not.to.equal(null);
    expect(chunksLoaded(page)).to.deep.equal([]);
    expect(page.window.customElements.get('keuze-cookie-banner')).to.equal(undefined);
  });

  it('defines a keuze-* element found in the page with its own code only', async () => {
    const page = await returningVisit({ body: '<keuze-reopen-button></keuze-reopen-button>' });
    await rendered(page, 'keuze-reopen-button');
    // The shared ui chunk (registry, Lit, i18next, theme), the element's own code and the config
    // validator it renders from (with its warnings, and the event hub of the undeclared-storage
    // check); no engine.
    expect(await chunksAfterWarnings(page)).to.deep.equal(['categories', 'config-validation', 'config-warnings', 'cookie-attributes', 'diagnostics', 'events', 'reopen-button', 'ui']);
  });

  it('a first visit fetches all the banner needs at once, one round trip after the loader', async () => {
    // Without the undeclared-storage check, as above: another test's leftover keys would load its report.
    const page = await openPage({ config: { ...siteConfig, detectUndeclared: false } });
    await rendered(page, 'keuze-cookie-banner');
    // engine and ui are asked for by the loader side by side; the validator and the event hub come
    // with the engine while the ui still downloads. After the banner: the config's warnings, and
    // the settings button (the test config's page has no settings link of its own).
    expect(await chunksAfterWarnings(page)).to.deep.equal(['categories', 'config-validation', 'config-warnings', 'cookie-attributes', 'engine', 'events', 'reopen-button', 'ui']);
  });

  it('a page with <keuze-privacy-statement> gets that element’s code, nothing more; a deep link scrolls to its section', async () => {
    const page = await returningVisit({
      before: "history.replaceState(null, '', location.pathname + location.search + '#bewaartermijnen')",
      body: '<keuze-privacy-statement src-nl="/demo/privacy.nl.md" src-en="/demo/privacy.en.md"></keuze-privacy-statement>',
    });
    const statement = await rendered(page, 'keuze-privacy-statement', '#bewaartermijnen');
    // With the async controller it shares with the newsletter elements (internal/async-task.ts).
    expect(await chunksAfterWarnings(page)).to.deep.equal([
      'async-task',
      'categories',
      'config-validation',
      'config-warnings',
      'cookie-attributes',
      'diagnostics',
      'events',
      'privacy-statement',
      'reopen-button',
      'ui',
    ]);
    await waitUntil(() => Math.abs(statement.querySelector('#bewaartermijnen')!.getBoundingClientRect().top) < 20, 'not scrolled to the section');
    expect(statement.activeElement?.id).to.equal('bewaartermijnen');
  });

  it('defines elements added later, and names an unknown keuze-* tag', async () => {
    const page = await returningVisit();
    page.document.body.insertAdjacentHTML('beforeend', '<div><keuze-reopen-button></keuze-reopen-button><keuze-coockie-banner></keuze-coockie-banner></div>');
    await rendered(page, 'keuze-reopen-button');
    await waitUntil(() => page.logs('warn').some((text) => text.includes('<keuze-coockie-banner> is not a Keuze element')));
  });

  it('a data-keuze-open="preferences" link opens the dialog on a returning visit', async () => {
    const page = await returningVisit({ body: '<footer><a href="#settings" data-keuze-open="preferences">Cookie-instellingen</a></footer>' });
    page.document.querySelector<HTMLAnchorElement>('a')!.click();
    const dialog = await rendered(page, 'keuze-cookie-preferences', 'dialog[open]');
    expect(dialog.querySelector<HTMLInputElement>('#switch-analytics')!.checked).to.equal(false);
    expect(page.window.location.hash).to.equal('');
  });

  it('reopenButton: true adds a settings button once a choice is stored', async () => {
    const page = await returningVisit({ config: { ...siteConfig, reopenButton: true } });
    const button = await rendered(page, 'keuze-reopen-button');
    expect(button.querySelector('button')!.textContent.trim()).to.equal('Cookie-instellingen');
    button.querySelector('button')!.click();
    await rendered(page, 'keuze-cookie-preferences', 'dialog[open]');
  });

  it('layout from config', async () => {
    const page = await openPage({ config: { ...siteConfig, layout: 'bar' } });
    const banner = await rendered(page, 'keuze-cookie-banner');
    expect(banner.querySelector('[part~="base"]')!.classList.contains('bar')).to.equal(true);
  });

  it('a banner the page placed itself (inline) is used, no second one is added', async () => {
    const page = await openPage({ config: siteConfig, body: '<main><h1>Cookies</h1><keuze-cookie-banner layout="inline"></keuze-cookie-banner></main>' });
    await rendered(page, 'keuze-cookie-banner');
    await roundTrip();
    expect(page.document.querySelectorAll('keuze-cookie-banner')).to.have.length(1);
    expect(page.document.querySelector('main keuze-cookie-banner')).not.to.equal(null);
  });
});

describe('one banner, whichever arrives first', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  /** The banners that render something. */
  const showing = (page: TestPage): Element[] => [...page.document.querySelectorAll('keuze-cookie-banner')].filter((banner) => banner.shadowRoot?.querySelector('[part~="base"]'));

  it('a banner the page places after Keuze added its own takes its place (a framework rendering late)', async () => {
    const page = await openPage({ config: siteConfig, body: '<main id="root"></main>' });
    await rendered(page, 'keuze-cookie-banner');
    const own = page.document.querySelector('keuze-cookie-banner')!;
    page.document.getElementById('root')!.append(page.document.createElement('keuze-cookie-banner'));
    await waitUntil(() => showing(page)[0]?.parentElement?.id == 'root', "the page's banner did not show", { timeout: 3000 });
    expect(own.isConnected).to.equal(false);
    expect(page.document.querySelectorAll('keuze-cookie-banner')).to.have.length(1);
    // The one left works: its click stores the choice.
    (showing(page)[0]!.shadowRoot!.querySelector('[part~="reject-all"]') as HTMLButtonElement).click();
    await waitUntil(() => page.keuze.getConsent(), 'no choice stored', { timeout: 3000 });
  });

  it('of two banners the page places, the first shows; the second takes over when the first leaves', async () => {
    const page = await openPage({ config: siteConfig, body: '<keuze-cookie-banner id="a" layout="inline"></keuze-cookie-banner><keuze-cookie-banner id="b" layout="inline"></keuze-cookie-banner>' });
    await rendered(page, 'keuze-cookie-banner');
    await roundTrip();
    expect(showing(page).map((banner) => banner.id)).to.deep.equal(['a']);
    page.document.getElementById('a')!.remove();
    await waitUntil(() => showing(page)[0]?.id == 'b', 'the second banner did not take over', { timeout: 3000 });
  });
});

describe('a new privacy statement', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  const config = (statementVersion: string) => ({ ...siteConfig, revisionFrom: 'statement', statementVersion });
  const template = (version: string): string =>
    `<keuze-privacy-statement><template lang="nl">---\ntitle: Privacyverklaring\nversion: ${version}\nupdated: 2016-09-02\n---\n## Doelen</template></keuze-privacy-statement>`;

  it('with revisionFrom: "statement", a new statementVersion asks every visitor again', async () => {
    const first = await openPage({ config: config('16-09-2016') });
    await first.keuze.acceptAll();
    await first.reload();
    expect(first.keuze.getConsent()).not.to.equal(null);
    closePages();
    const page = await openPage({ config: config('01-01-2027') });
    expect(page.keuze.getConsent()).to.equal(null);
    await rendered(page, 'keuze-cookie-banner');
  });

  it('the viewer warns when the statement file is newer than the config’s statementVersion', async () => {
    const first = await openPage({ config: config('16-09-2016') });
    await first.keuze.acceptAll();
    closePages();
    // The site published a newer statement but has not yet moved its config on.
    const page = await openPage({ config: config('16-09-2016'), body: template('01-01-2027') });
    await rendered(page, 'keuze-privacy-statement');
    await waitUntil(() => page.logs('warn').some((text) => text.includes("the statement is version 01-01-2027, the config's statementVersion is 16-09-2016")));
    // The banner asks again once the config names the new version; no note in the meantime.
    expect(page.document.querySelector('keuze-privacy-statement')!.shadowRoot!.querySelector('[part~="changed"]')).to.equal(null);
  });
});

describe('npm: elements defined before init()', () => {
  afterEach(closePages);

  it('wait for Keuze and render once init() runs', async () => {
    const page = await openPage({
      loader: 'none',
      body: `<keuze-cookie-declaration></keuze-cookie-declaration>
        <script type="module">
          import '/packages/elements/src/define.ts';
          // The app's init() comes later: this delay is the scenario under test, not a wait for it.
          setTimeout(async () => {
            const { init } = await import('/packages/core/src/index.ts');
            const { ui } = await import('/packages/elements/src/ui.ts');
            init(${JSON.stringify(siteConfig)}, { ui });
          }, 300);
        </script>`,
    });
    await rendered(page, 'keuze-cookie-declaration');
    expect(page.logs('error'), page.logs('error').join()).to.deep.equal([]);
  });

  it('say so when no Keuze arrives', async function () {
    this.timeout(8000);
    const page = await openPage({ loader: 'none', body: '<keuze-cookie-declaration></keuze-cookie-declaration><script type="module">import "/packages/elements/src/define.ts";</script>' });
    await waitUntil(() => page.logs('error').some((text) => text.includes('Keuze elements need Keuze running on the page')), 'no message', { timeout: 5000 });
  });
});

describe('newsletter through the script tag', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  const fillAndSend = async (page: TestPage): Promise<ShadowRoot> => {
    const root = await rendered(page, 'keuze-newsletter-signup', 'form');
    const field = root.querySelector<HTMLInputElement>('#email')!;
    field.value = 'anna@example.com';
    field.dispatchEvent(new InputEvent('input'));
    root.querySelector<HTMLInputElement>('input[name="topics"]')!.click();
    await (root.host as LitElement).updateComplete;
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    return root;
  };

  it('the host callback in window.KeuzeConfig answers the sign-up', async () => {
    const page = await openPage({
      config: siteConfig,
      before:
        "window.__sent = []; window.KeuzeConfig = { onEvent: (e) => { window.__sent.push(e.type); return e.type == 'newsletter-subscribe' ? Promise.resolve({ status: 'pending' }) : undefined; } };",
      body: '<keuze-newsletter-signup></keuze-newsletter-signup>',
    });
    const root = await fillAndSend(page);
    await waitUntil(() => root.querySelector('[part~="message"]')?.textContent?.includes('kijk in je inbox'));
    expect((page.window as unknown as { __sent: string[] }).__sent).to.include('newsletter-subscribe');
  });

  it('or newsletter.endpoint receives it as a JSON POST', async () => {
    const page = await openPage({ config: { ...siteConfig, newsletter: { endpoint: '/__newsletter' } }, body: '<keuze-newsletter-signup></keuze-newsletter-signup>' });
    const root = await fillAndSend(page);
    await waitUntil(() => root.querySelector('[part~="message"]')?.textContent?.includes('Je bent aangemeld'));
    const received = await (await fetch('/__newsletter/last')).json();
    expect(received.contentType).to.equal('application/json');
    expect(received.body).to.deep.include({ type: 'newsletter-subscribe', email: 'anna@example.com', topics: ['newsletter'], language: 'nl' });
  });
});

describe('the privacy request form through the script tag', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('loads its own code only, and sends to the onEvent callback in window.KeuzeConfig, which answers the reference', async () => {
    const page = await returningVisit({
      before: "window.__sent = []; window.KeuzeConfig = { onEvent: (e) => { if (e.type != 'privacy-request') return; window.__sent.push(e); return Promise.resolve({ reference: 'BV-7' }); } };",
      body: '<keuze-privacy-request kind="erasure"></keuze-privacy-request>',
    });
    const root = await rendered(page, 'keuze-privacy-request');
    const chunks = chunksLoaded(page);
    expect(chunks).to.include('privacy-request');
    for (const other of ['cookie-banner', 'cookie-preferences', 'newsletter-signup', 'privacy-statement']) expect(chunks).not.to.include(other);
    expect(root.querySelector<HTMLInputElement>('#kind-erasure')!.checked).to.equal(true);
    for (const [id, value] of [
      ['name', 'Anna'],
      ['email', 'anna@example.com'],
    ]) {
      const field = root.querySelector<HTMLInputElement>(`#${id}`)!;
      field.value = value!;
      field.dispatchEvent(new InputEvent('input'));
    }
    await (root.host as LitElement).updateComplete;
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => root.querySelector('[part~="message"]')?.textContent?.includes('BV-7'), 'no reference shown');
    const [sent] = (page.window as unknown as { __sent: { kind: string; name: string }[] }).__sent;
    expect(sent).to.deep.include({ kind: 'erasure', name: 'Anna' });
  });
});

// Turbo and PJAX put a new <body> in place of the old one; HTMX's hx-boost replaces the body's content.
const bodySwaps: [string, (page: TestPage, html: string) => void][] = [
  [
    'a new <body> (Turbo, PJAX)',
    (page, html) => {
      const body = page.document.createElement('body');
      body.innerHTML = html;
      page.document.body.replaceWith(body);
    },
  ],
  ['the body’s content (HTMX boost)', (page, html) => (page.document.body.innerHTML = html)],
];

describe('pages that swap their body', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  const shows = (page: TestPage, tag: string): boolean => !!page.document.querySelector(tag)?.shadowRoot?.querySelector('[part~="base"]');

  for (const [swapped, swap] of bodySwaps) {
    it(`${swapped}: the banner comes back while there is no valid choice, the settings button after one`, async () => {
      const page = await openPage({ config: { ...siteConfig, reopenButton: true } });
      await rendered(page, 'keuze-cookie-banner');
      swap(page, '<main><h1>Page 2</h1></main>');
      await rendered(page, 'keuze-cookie-banner');
      expect(page.document.body.firstElementChild!.localName, 'first in the Tab order').to.equal('keuze-cookie-banner');
      swap(page, '<main><h1>Page 3</h1></main>');
      await rendered(page, 'keuze-cookie-banner');
      await page.keuze.acceptAll();
      await rendered(page, 'keuze-reopen-button');
      swap(page, '<main><h1>Page 4</h1></main>');
      await rendered(page, 'keuze-reopen-button');
      expect(shows(page, 'keuze-cookie-banner'), 'a banner after the choice').to.equal(false);
      // Withdrawn: no valid choice again, so the next swap brings the banner back.
      await page.keuze.reset();
      await rendered(page, 'keuze-cookie-banner');
      swap(page, '<main><h1>Page 5</h1></main>');
      await rendered(page, 'keuze-cookie-banner');
      expect(page.document.querySelectorAll('keuze-cookie-banner')).to.have.length(1);
    });
  }

  it('a banner the site placed itself in the new body is the one shown', async () => {
    const page = await openPage({ config: siteConfig });
    await rendered(page, 'keuze-cookie-banner');
    bodySwaps[0]![1](page, '<main><keuze-cookie-banner id="own" layout="inline"></keuze-cookie-banner></main>');
    await rendered(page, 'keuze-cookie-banner');
    await roundTrip();
    expect([...page.document.querySelectorAll('keuze-cookie-banner')].map((banner) => banner.id)).to.deep.equal(['own']);
  });
});

describe('language', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  const title = async (page: TestPage): Promise<string> => (await rendered(page, 'keuze-cookie-banner')).querySelector('[part~="title"]')!.textContent;

  it('config lang comes first', async () => {
    expect(await title(await openPage({ config: { ...siteConfig, lang: 'en' } }))).to.equal('Cookies on this website');
  });

  it('then <html lang>', async () => {
    expect(await title(await openPage({ config: siteConfig, before: "document.documentElement.lang = 'en-GB'" }))).to.equal('Cookies on this website');
    expect(await title(await openPage({ config: siteConfig }))).to.equal('Cookies op deze website');
  });

  // Tags as sites write them: a POSIX locale, upper case, a region in lower case, stray spaces.
  for (const tag of ['nl_NL', 'NL', 'nl-nl', 'nl_BE', ' nl ', 'nl_NL.UTF-8', 'nl_NL@euro', 'nl-Latn-NL']) {
    it(`<html lang="${tag}"> resolves like its BCP 47 form`, async () => {
      const page = await openPage({ config: siteConfig, before: `document.documentElement.lang = ${JSON.stringify(tag)}` });
      expect(await title(page)).to.equal('Cookies op deze website');
      await page.keuze.acceptAll();
      expect(page.keuze.getConsent()!.language).to.equal('nl');
    });
  }

  it('then the browser’s languages, then English', async () => {
    const page = await openPage({ config: siteConfig, before: "document.documentElement.removeAttribute('lang')" });
    const expected = page.window.navigator.languages.some((lang) => lang.startsWith('nl')) ? 'Cookies op deze website' : 'Cookies on this website';
    expect(await title(page)).to.equal(expected);
  });

  it('Keuze.setLanguage switches the banner and dialog live', async () => {
    const page = await openPage({ config: siteConfig });
    await title(page);
    await page.keuze.setLanguage('en');
    await waitUntil(async () => (await title(page)) == 'Cookies on this website', 'the banner did not switch to English', { timeout: 3000 });
    expect(await title(page)).to.equal('Cookies on this website');
    await page.keuze.showPreferences();
    const dialog = await rendered(page, 'keuze-cookie-preferences', 'dialog[open]');
    expect(dialog.querySelector('[part~="save"]')!.textContent.trim()).to.equal('Save choices');
  });

  it('a site overrides any text per language', async () => {
    const page = await openPage({ config: { ...siteConfig, translations: { nl: { 'banner.title': 'Mogen we koekjes bakken?' } } } });
    expect(await title(page)).to.equal('Mogen we koekjes bakken?');
  });

  it('a site overrides an element’s own text too, though that text loads with the element', async () => {
    const page = await openPage({
      config: { ...siteConfig, translations: { nl: { 'declaration.change': 'Pas je keuze aan' } } },
      body: '<keuze-cookie-declaration></keuze-cookie-declaration>',
    });
    const root = await rendered(page, 'keuze-cookie-declaration');
    expect(root.querySelector('[part~="button"]')!.textContent).to.equal('Pas je keuze aan');
    expect(root.querySelector('th')!.textContent).to.equal('Cookie');
    expect(page.logs('warn').filter((text) => text.includes('translations'))).to.deep.equal([]);
  });

  it('a key with a typo in the banner’s or the dialog’s texts is reported, once, and ignored', async () => {
    const config = { ...siteConfig, translations: { nl: { 'banner.titel': 'Koekjes?', 'preferences.titel': 'Instellingen', 'category.mycat.label': 'Eigen' } } };
    const page = await openPage({ config });
    const banner = await rendered(page, 'keuze-cookie-banner');
    expect(banner.querySelector('[part~="title"]')!.textContent).to.equal('Cookies op deze website');
    await page.keuze.validConfig();
    const warnings = page.logs('warn').filter((text) => text.includes('has no text with this key'));
    expect(warnings).to.deep.equal([
      '[keuze] config.translations.nl.banner.titel: Keuze has no text with this key; ignored.',
      '[keuze] config.translations.nl.preferences.titel: Keuze has no text with this key; ignored.',
    ]);
  });

  it('a new language with missing keys falls back to English for those, with a warning, never blank', async () => {
    const config = { ...siteConfig, lang: 'de', translations: { de: { 'banner.title': 'Cookies auf dieser Website', 'banner.acceptAll': '', 'language.de': 'Deutsch' } } };
    const page = await openPage({ config });
    const banner = await rendered(page, 'keuze-cookie-banner');
    expect(banner.querySelector('[part~="title"]')!.textContent).to.equal('Cookies auf dieser Website');
    expect(banner.querySelector('[part~="accept-all"]')!.textContent.trim()).to.equal('Accept all');
    const warnings = page.logs('warn');
    expect(warnings.filter((text) => text.includes('config.translations.de.banner.acceptAll: empty'))).to.have.length(1);
    expect(warnings.filter((text) => text.includes('translations for "de" lack') && text.includes('banner.rejectAll'))).to.have.length(1);
    await page.keuze.showPreferences();
    const dialog = await rendered(page, 'keuze-cookie-preferences', 'dialog[open]');
    expect([...dialog.querySelectorAll('option')].map((option) => option.textContent)).to.include('Deutsch');
  });

  it('config strings are text: markup in a label or override stays inert', async () => {
    const xss = '<img src=x onerror="window.__xss = 1">';
    const config = {
      ...siteConfig,
      categories: { ...siteConfig.categories, analytics: { ...siteConfig.categories.analytics, label: xss } },
      translations: { nl: { 'banner.title': xss } },
    };
    const page = await openPage({ config });
    const banner = await rendered(page, 'keuze-cookie-banner');
    expect(banner.querySelector('[part~="title"]')!.textContent).to.equal(xss);
    expect(banner.querySelector('[part~="text"]')!.textContent).to.include(xss);
    expect(banner.querySelector('img')).to.equal(null);
    await page.keuze.showPreferences();
    const dialog = await rendered(page, 'keuze-cookie-preferences', 'dialog[open]');
    expect(dialog.querySelector('#label-analytics')!.textContent).to.equal(xss);
    expect(dialog.querySelector('img')).to.equal(null);
    await roundTrip();
    expect((page.window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });
});
