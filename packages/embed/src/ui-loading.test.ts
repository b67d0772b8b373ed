import { expect, waitUntil } from '@open-wc/testing';
import { clearCookies, closePages, openPage, settle, siteConfig, type TestPage } from '../../../test/support/pages.js';

/** The shadow DOM of the page's element `tag`, once it rendered `selector`. */
async function rendered(page: TestPage, tag: string, selector = '[part~="base"]'): Promise<ShadowRoot> {
  await waitUntil(() => page.document.querySelector(tag)?.shadowRoot?.querySelector(selector), `<${tag}> did not render ${selector}`, { timeout: 3000 });
  return page.document.querySelector(tag)!.shadowRoot!;
}

/** The chunks of dist/ this page view fetched, by name without hash. */
const chunksLoaded = (page: TestPage): string[] =>
  page.window.performance
    .getEntriesByType('resource')
    .map((entry) => /\/dist\/chunks\/([\w-]+?)-[\w-]{8}\.js$/.exec(entry.name)?.[1])
    .filter((name): name is string => !!name);

const returningVisit = async (options: Parameters<typeof openPage>[0] = {}): Promise<TestPage> => {
  const first = await openPage({ config: siteConfig, ...options });
  await first.keuze.rejectAll();
  closePages();
  return openPage({ config: siteConfig, ...options });
};

describe('the script tag and the elements', () => {
  beforeEach(clearCookies);
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
      await settle(200);
      expect(page.document.querySelector('keuze-cookie-banner')).to.equal(null);
    });
  }

  it('a returning visit to a page with its own settings link loads no element code, and no engine', async () => {
    const page = await returningVisit({ body: '<a href="#" data-keuze-open="preferences">Cookie-instellingen</a>' });
    await settle(200);
    expect(page.keuze.getConsent()).not.to.equal(null);
    expect(chunksLoaded(page)).to.deep.equal([]);
    expect(page.window.customElements.get('keuze-cookie-banner')).to.equal(undefined);
  });

  it('defines a keuze-* element found in the page with its own code only', async () => {
    const page = await returningVisit({ body: '<keuze-reopen-button></keuze-reopen-button>' });
    await rendered(page, 'keuze-reopen-button');
    const chunks = chunksLoaded(page);
    expect(chunks).to.include('reopen-button');
    expect(chunks).not.to.include('cookie-banner');
    expect(chunks).not.to.include('cookie-preferences');
  });

  it('a page with <keuze-privacy-statement> gets that element’s code, nothing more; a deep link scrolls to its section', async () => {
    const page = await returningVisit({
      before: "history.replaceState(null, '', location.pathname + location.search + '#bewaartermijnen')",
      body: '<keuze-privacy-statement src-nl="/demo/privacy.nl.md" src-en="/demo/privacy.en.md"></keuze-privacy-statement>',
    });
    const statement = await rendered(page, 'keuze-privacy-statement', '#bewaartermijnen');
    const chunks = chunksLoaded(page);
    expect(chunks).to.include('privacy-statement');
    expect(chunks).not.to.include('cookie-banner');
    expect(chunks).not.to.include('cookie-preferences');
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
    expect(button.querySelector('button')!.textContent!.trim()).to.equal('Cookie-instellingen');
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
    await settle(100);
    expect(page.document.querySelectorAll('keuze-cookie-banner')).to.have.length(1);
    expect(page.document.querySelector('main keuze-cookie-banner')).not.to.equal(null);
  });
});

describe('a new privacy statement', () => {
  beforeEach(clearCookies);
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
  beforeEach(clearCookies);
  afterEach(closePages);

  const fillAndSend = async (page: TestPage): Promise<ShadowRoot> => {
    const root = await rendered(page, 'keuze-newsletter-signup', 'form');
    const field = root.querySelector<HTMLInputElement>('#email')!;
    field.value = 'anna@example.com';
    field.dispatchEvent(new InputEvent('input'));
    root.querySelector<HTMLInputElement>('input[name="topics"]')!.click();
    root.querySelector<HTMLInputElement>('#consent')!.click();
    await settle(10);
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    return root;
  };

  it('the host callback in window.KeuzeConfig answers the sign-up', async () => {
    const page = await openPage({
      config: siteConfig,
      before: "window.__sent = []; window.KeuzeConfig = { onEvent: (e) => { window.__sent.push(e.type); return e.type == 'newsletter-subscribe' ? Promise.resolve({ status: 'pending' }) : undefined; } };",
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

describe('language', () => {
  beforeEach(clearCookies);
  afterEach(closePages);

  const title = async (page: TestPage): Promise<string> => (await rendered(page, 'keuze-cookie-banner')).querySelector('[part~="title"]')!.textContent!;

  it('config lang comes first', async () => {
    expect(await title(await openPage({ config: { ...siteConfig, lang: 'en' } }))).to.equal('Cookies on this website');
  });

  it('then <html lang>', async () => {
    expect(await title(await openPage({ config: siteConfig, before: "document.documentElement.lang = 'en-GB'" }))).to.equal('Cookies on this website');
    expect(await title(await openPage({ config: siteConfig }))).to.equal('Cookies op deze website');
  });

  it('then the browser’s languages, then English', async () => {
    const page = await openPage({ config: siteConfig, before: "document.documentElement.removeAttribute('lang')" });
    const expected = page.window.navigator.languages.some((lang) => lang.startsWith('nl')) ? 'Cookies op deze website' : 'Cookies on this website';
    expect(await title(page)).to.equal(expected);
  });

  it('Keuze.setLanguage switches the banner and dialog live', async () => {
    const page = await openPage({ config: siteConfig });
    await title(page);
    await page.keuze.setLanguage('en');
    await settle();
    expect(await title(page)).to.equal('Cookies on this website');
    await page.keuze.showPreferences();
    const dialog = await rendered(page, 'keuze-cookie-preferences', 'dialog[open]');
    expect(dialog.querySelector('[part~="save"]')!.textContent!.trim()).to.equal('Save choices');
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
    expect(page.logs('warn')).to.deep.equal([]);
  });

  it('a new language with missing keys falls back to English for those, with a warning, never blank', async () => {
    const config = { ...siteConfig, lang: 'de', translations: { de: { 'banner.title': 'Cookies auf dieser Website', 'banner.acceptAll': '', 'language.de': 'Deutsch' } } };
    const page = await openPage({ config });
    const banner = await rendered(page, 'keuze-cookie-banner');
    expect(banner.querySelector('[part~="title"]')!.textContent).to.equal('Cookies auf dieser Website');
    expect(banner.querySelector('[part~="accept-all"]')!.textContent!.trim()).to.equal('Accept all');
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
    await settle(100);
    expect((page.window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });
});
