import { expect, waitUntil } from '@open-wc/testing';
import { encodeRecord } from '../../core/src/record-writer.js';
import type { ConsentRecord } from '../../core/src/types.js';
import { clearSiteData, closePages, gateDrained, logged, openPage, pause, siteConfig, type PageOptions, type TestPage } from '../../../test/support/pages.js';

/**
 * Issue 14: a page under attack, or merely broken. Config that smuggles data through prototypes,
 * Consent Mode without its defaults, injected markup under 'strict-dynamic', Trusted Types, gated
 * elements that cannot run, and hosts that answer or behave unexpectedly. Nothing optional may
 * run without consent, and one bad part never stops the rest.
 */

const DAY = 86_400_000;
const acceptedRecord = (changes: Partial<ConsentRecord> = {}): string =>
  encodeRecord({
    consentId: 'AAAAAAAAAAAAAAAAAAAAAA',
    categories: ['necessary', 'analytics', 'marketing'],
    services: { analytics: ['matomo', 'hotjar'] },
    firstGiven: new Date(Date.now() - DAY).toISOString(),
    timestamp: new Date(Date.now() - DAY).toISOString(),
    revision: 1,
    language: 'nl',
    gpc: false,
    method: 'accept-all',
    ...changes,
  });

/** A gated inline script that records `name` when it runs. */
const gated = (category: string, name = category, attributes = ''): string => `<script type="text/plain" data-category="${category}" ${attributes}>window.__ran.push(${JSON.stringify(name)})</script>`;
/** A gated external stand-in tracker. */
const gatedFile = (category: string, name: string, attributes = ''): string =>
  `<script type="text/plain" data-category="${category}" src="/test/support/tracker.js?name=${name}" ${attributes}></script>`;

const errorsWith = (page: TestPage, text: string): string[] => page.logs('error').filter((log) => log.includes(text));

describe('config that smuggles data through prototypes (issue 14.1)', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('a JSON "__proto__" in window.KeuzeConfig is a key, not inherited categories', async () => {
    const page = await openPage({
      config: { revision: 1 },
      before: `window.KeuzeConfig = JSON.parse('{"__proto__":{"categories":{"necessary":{},"ads":{"readOnly":true}}}}')`,
      body: gated('ads'),
    });
    await logged(page, 'error', 'config.__proto__: unknown key');
    expect(page.window.__ran).to.deep.equal([]);
    expect(page.keuze.isGranted('ads')).to.equal(false);
    expect(page.keuze.config.usable).to.equal(false);
    expect(errorsWith(page, 'config.__proto__: unknown key')).to.have.length(1);
  });

  const smuggled: [string, unknown, string, string][] = [
    // A category's readOnly inherited through a merged "__proto__".
    ['a locked flag', { ...siteConfig, categories: { ...siteConfig.categories, ads: {} } }, '{"categories":{"ads":{"__proto__":{"readOnly":true}}}}', gated('ads')],
    // A category inherited one level down.
    ['a category', siteConfig, '{"categories":{"__proto__":{"ads":{"readOnly":true}}}}', gated('ads')],
    // "constructor" and "prototype" are keys like any other.
    ['a constructor.prototype', siteConfig, '{"constructor":{"prototype":{"categories":{"ads":{"readOnly":true}}}}}', gated('ads')],
  ];
  for (const [name, config, windowJson, body] of smuggled) {
    it(`${name} smuggled in through "__proto__" or "constructor" never runs markup`, async () => {
      const page = await openPage({ config, before: `window.KeuzeConfig = JSON.parse('${windowJson}')`, body });
      await gateDrained(page);
      expect(page.window.__ran).to.deep.equal([]);
      expect(page.keuze.isGranted('ads')).to.equal(false);
      // A returning visit, where the validator does not run: the same answer.
      await page.keuze.rejectAll();
      await page.reload();
      await gateDrained(page);
      expect(page.window.__ran).to.deep.equal([]);
      expect(page.keuze.isGranted('ads')).to.equal(false);
    });
  }

  it('a cookie name smuggled in through "__proto__" does not make the loader read a planted record', async () => {
    document.cookie = `planted=${acceptedRecord()}; path=/`;
    const page = await openPage({
      config: { ...siteConfig, cookie: { path: '/' } },
      before: `window.KeuzeConfig = JSON.parse('{"cookie":{"__proto__":{"name":"planted"}}}')`,
      body: gated('analytics'),
    });
    await gateDrained(page);
    expect(page.keuze.getConsent()).to.equal(null);
    expect(page.window.__ran).to.deep.equal([]);
  });

  for (const name of ['constructor', 'toString', 'hasOwnProperty', 'prototype', '__defineGetter__', 'valueOf']) {
    it(`a category named "${name}" works like any other`, async () => {
      const config = { revision: 1, categories: { necessary: {}, [name]: {}, analytics: { services: { constructor: {} } } } };
      const body = `${gated(name)}${gated(name, `${name}/svc`, 'data-service="svc"')}${gated('analytics', 'analytics/constructor', 'data-service="constructor"')}`;
      const page = await openPage({ config, body });
      await gateDrained(page);
      expect(page.keuze.isGranted(name)).to.equal(false);
      expect(page.keuze.isGranted(name, 'svc')).to.equal(false);
      await page.keuze.acceptAll();
      await gateDrained(page);
      expect(page.keuze.isGranted(name)).to.equal(true);
      // Markup naming a service the category lacks never runs, even "constructor".
      expect(page.keuze.isGranted(name, 'svc')).to.equal(false);
      expect(page.keuze.isGranted('analytics', 'constructor')).to.equal(true);
      expect(page.window.__ran).to.deep.equal([name, 'analytics/constructor']);
      await page.keuze.setConsent({ categories: [] });
      await page.reload();
      await gateDrained(page);
      expect(page.keuze.isGranted(name)).to.equal(false);
      expect(page.keuze.isGranted(name, 'svc')).to.equal(false);
      expect(page.window.__ran).to.deep.equal([]);
      expect(page.window.__errors).to.deep.equal([]);
    });
  }

  it('markup naming an inherited service ("constructor", "toString") of a category is reported', async () => {
    const page = await openPage({ config: siteConfig, body: gated('analytics', 'x', 'data-service="toString"') });
    await page.keuze.acceptAll();
    await gateDrained(page);
    await logged(page, 'error', 'no service "toString"');
    expect(page.window.__ran).to.deep.equal([]);
    expect(errorsWith(page, 'no service "toString" in category "analytics"')).to.have.length(1);
  });

  // JSON text, since a JavaScript object literal's "__proto__" would set a prototype, not a key.
  const refusedNames = '{"revision":1,"categories":{"necessary":{},"social media":{"readOnly":true},"__proto__":{"readOnly":true},"ünï":{"readOnly":true},"analytics":{}}}';
  it('categories with names the validator refuses never run their markup, even locked, also on a returning visit', async () => {
    const body = `${gated('social media')}${gated('__proto__')}${gated('ünï')}`;
    const page = await openPage({ config: refusedNames, body });
    await gateDrained(page);
    await logged(page, 'error', 'config.categories.social media: expected a name');
    expect(page.window.__ran).to.deep.equal([]);
    expect(errorsWith(page, 'config.categories.social media: expected a name')).to.have.length(1);
    await page.keuze.acceptAll();
    await page.reload();
    await gateDrained(page);
    expect(page.keuze.getConsent()).not.to.equal(null);
    expect(page.window.__ran).to.deep.equal([]);
    for (const name of ['social media', '__proto__', 'ünï']) expect(page.keuze.isGranted(name), name).to.equal(false);
  });
});

/** Google Consent Mode's stand-in tags: each pushes a marker into the dataLayer it would read. */
const googleTags = `
  <script type="text/plain" data-category="necessary">(window.dataLayer ??= []).push({ event: 'google-tag' })</script>
  <script type="text/plain" data-category="analytics">(window.dataLayer ??= []).push({ event: 'analytics-tag' })</script>`;
const dataLayerEvents = (page: TestPage): unknown[] =>
  ((page.window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).map((entry) => (entry as { event?: string }).event ?? Array.from(entry as ArrayLike<unknown>)[1]);
/**
 * A page that starts Keuze as the script tag does, through the public startKeuze(), but whose
 * Consent Mode chunk is missing from the deploy: its import fails for real (a 404). The page's
 * code is a fixture file (test/support/fixtures/without-consent-mode-chunk.ts), type-checked.
 */
const withoutConsentModeChunk = (config: unknown): PageOptions => ({
  loader: 'none',
  config,
  body: `${googleTags}<script type="module" src="/test/support/fixtures/without-consent-mode-chunk.ts"></script>`,
});

describe('Consent Mode without its defaults (issue 14.2)', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);
  const config = { ...siteConfig, googleConsentMode: true };

  it('with the consent-mode chunk missing, no gated tag runs on a first visit, before or after the choice', async () => {
    const page = await openPage(withoutConsentModeChunk(config));
    await waitUntil(() => errorsWith(page, 'Google Consent Mode could not start').length, 'no error about Consent Mode', { timeout: 3000 });
    await page.keuze.acceptAll();
    // The gate is shut for good (no Consent Mode defaults), so no later signal can come: a pause gives a
    // wrongly opened gate the time to run the tags.
    await pause(200);
    expect(dataLayerEvents(page)).to.deep.equal([]);
  });

  it('with the consent-mode chunk missing, a returning visitor’s tags do not run either', async () => {
    const first = await openPage({ config, body: googleTags });
    await first.keuze.acceptAll();
    closePages();
    const page = await openPage(withoutConsentModeChunk(config));
    await waitUntil(() => errorsWith(page, 'Google Consent Mode could not start').length, 'no error about Consent Mode', { timeout: 3000 });
    // The gate stays shut for good: no later signal can come (see above).
    await pause(200);
    expect(page.keuze.isGranted('analytics')).to.equal(true);
    expect(dataLayerEvents(page)).to.deep.equal([]);
  });

  for (const [name, dataLayer] of [
    ['frozen', 'Object.freeze([])'],
    ['not a list', '"gtm"'],
  ] as const) {
    for (const loader of ['module', 'npm'] as const) {
      it(`a dataLayer that is ${name} cannot take the defaults, so no gated tag runs (${loader})`, async () => {
        const page = await openPage({
          loader,
          config,
          initConfig: JSON.stringify(config),
          before: `window.dataLayer = ${dataLayer};`,
          body: googleTags.replaceAll('(window.dataLayer ??= [])', 'window.__ran'),
        });
        await waitUntil(() => errorsWith(page, 'Google Consent Mode could not start').length, 'no error about Consent Mode', { timeout: 3000 });
        await page.keuze.acceptAll();
        // The gate stays shut for good: no later signal can come (see above).
        await pause(200);
        expect(page.window.__ran).to.deep.equal([]);
      });
    }
  }

  it('the other keuze-* elements still load', async () => {
    const first = await openPage({ config });
    await first.keuze.rejectAll();
    closePages();
    const page = await openPage({ config, before: 'window.dataLayer = Object.freeze([]);', body: '<keuze-reopen-button></keuze-reopen-button>' });
    await waitUntil(() => errorsWith(page, 'Google Consent Mode could not start').length, 'no error about Consent Mode', { timeout: 3000 });
    await waitUntil(() => page.document.querySelector('keuze-reopen-button')?.shadowRoot?.querySelector('button'), 'the element did not render', { timeout: 3000 });
  });
});

describe("injected gated markup under 'strict-dynamic' (issue 14.4)", () => {
  beforeEach(clearSiteData);
  afterEach(closePages);
  const strictDynamic: PageOptions = { csp: "script-src 'nonce-r4nd0m' 'strict-dynamic'", nonce: 'r4nd0m', config: siteConfig };

  for (const loader of ['module', 'iife'] as const) {
    it(`${loader}: a gated script without the page's nonce is never revived, and Keuze says why`, async () => {
      const page = await openPage({
        ...strictDynamic,
        loader,
        body: `${gated('necessary', 'injected')}${gated('necessary', 'site', 'nonce="r4nd0m"')}${gated('necessary', 'guessed', 'nonce="guess"')}
          ${gatedFile('analytics', 'injected-file')}${gatedFile('analytics', 'site-file', 'nonce="r4nd0m"')}${gated('analytics', 'site-after', 'nonce="r4nd0m"')}`,
      });
      await gateDrained(page, 'r4nd0m');
      expect(page.window.__ran).to.deep.equal(['site']);
      await page.keuze.acceptAll();
      await waitUntil(() => page.window.__ran.length == 3, `ran: ${page.window.__ran.join()}`, { timeout: 3000 });
      await gateDrained(page, 'r4nd0m');
      await waitUntil(
        () => errorsWith(page, "without the page's nonce").length >= 3,
        `errors: ${page.logs('error').join(
          '\
      ',
        )}`,
        { timeout: 3000 },
      );
      expect(page.window.__ran).to.deep.equal(['site', 'site-file', 'site-after']);
      expect(errorsWith(page, "a gated <script> without the page's nonce was not run")).to.have.length(3);
      expect(page.window.__errors).to.deep.equal([]);
    });
  }

  it("without a nonce on Keuze's own tag, gated scripts run as before", async () => {
    const page = await openPage({ config: siteConfig, body: gated('necessary', 'plain') });
    await gateDrained(page);
    expect(page.window.__ran).to.deep.equal(['plain']);
  });
});

describe('Trusted Types (issue 14.5)', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);
  const body = `${gated('analytics', 'inline')}${gatedFile('analytics', 'file')}
    <iframe data-category="analytics" data-src="/test/support/embed.html" title="embed"></iframe>${gated('analytics', 'inline-after')}`;

  it('with the policy "keuze" allowed, gated scripts and embeds run under require-trusted-types-for \'script\'', async () => {
    const page = await openPage({ csp: "require-trusted-types-for 'script'; trusted-types keuze lit-html", config: siteConfig, body });
    await page.keuze.acceptAll();
    await waitUntil(() => page.window.__ran.length == 3, `ran: ${page.window.__ran.join()}`, { timeout: 3000 });
    expect(page.window.__ran).to.deep.equal(['inline', 'file', 'inline-after']);
    expect(page.document.querySelector('iframe')!.getAttribute('src')).to.equal('/test/support/embed.html');
    expect(page.logs('error')).to.deep.equal([]);
    expect(page.window.__errors).to.deep.equal([]);
  });

  it('with the policy not allowed, Keuze says so, and each failing script stops nothing after it', async () => {
    const page = await openPage({ csp: "require-trusted-types-for 'script'; trusted-types lit-html", config: siteConfig, body });
    await page.keuze.acceptAll();
    await waitUntil(() => page.document.querySelector('iframe')!.getAttribute('src'), 'the embed after the failing scripts did not load', { timeout: 3000 });
    await waitUntil(() => errorsWith(page, 'could not run').length == 3, `errors: ${page.logs('error').join('\n')}`, { timeout: 3000 });
    expect(page.window.__ran).to.deep.equal([]);
    expect(errorsWith(page, 'could not create the Trusted Types policy "keuze"')).to.have.length(1);
    expect(errorsWith(page, 'add keuze to the CSP')).to.have.length(1);
    expect(page.window.__errors).to.deep.equal([]);
  });
});

describe('Trusted Types and the elements (issue 14.5)', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);
  const statementPage = (policies: string): PageOptions => ({
    csp: `require-trusted-types-for 'script'; trusted-types ${policies}`,
    config: siteConfig,
    body: '<keuze-privacy-statement src-nl="/demo/privacy.nl.md"></keuze-privacy-statement>',
  });
  const statementRoot = (page: TestPage): ShadowRoot | null | undefined => page.document.querySelector('keuze-privacy-statement')?.shadowRoot;

  it('with keuze, lit-html and dompurify allowed, as the docs say, the banner and the statement render', async () => {
    const page = await openPage(statementPage('keuze lit-html dompurify'));
    await waitUntil(() => statementRoot(page)?.querySelector('h2'), 'no statement', { timeout: 4000 });
    await waitUntil(() => page.document.querySelector('keuze-cookie-banner')?.shadowRoot?.querySelector('[part~="base"]'), 'no banner', { timeout: 3000 });
    expect(page.logs('error')).to.deep.equal([]);
  });

  it('without dompurify, the statement fails with a message that names it', async () => {
    const page = await openPage(statementPage('keuze lit-html'));
    await waitUntil(() => statementRoot(page)?.querySelector('[part~="error"]'), 'no error shown', { timeout: 4000 });
    expect(errorsWith(page, "add dompurify to the CSP's trusted-types directive")).to.have.length(1);
    expect(page.window.__errors).to.deep.equal([]);
  });
});

describe('gated elements that cannot or need not run (issue 14.6)', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('a nomodule script is skipped, and the ones after it run', async () => {
    const page = await openPage({
      config: siteConfig,
      body: `${gated('analytics', 'modern', 'data-type="module"')}${gatedFile('analytics', 'legacy', 'nomodule')}${gated('analytics', 'legacy-inline', 'nomodule')}${gatedFile('analytics', 'after')}`,
    });
    await page.keuze.acceptAll();
    await waitUntil(() => page.window.__ran.length == 2, `ran: ${page.window.__ran.join()}`, { timeout: 3000 });
    await gateDrained(page);
    expect(page.window.__ran).to.have.members(['modern', 'after']);
  });

  it('a script the page removed before its turn is skipped, and the ones after it run', async () => {
    const page = await openPage({
      config: siteConfig,
      body: `${gatedFile('analytics', 'first')}${gatedFile('analytics', 'removed', 'id="removed"')}${gatedFile('analytics', 'after')}`,
    });
    await page.keuze.acceptAll();
    // The first script is still loading: the second's turn has not come.
    page.document.getElementById('removed')!.remove();
    await waitUntil(() => page.window.__ran.includes('after'), `ran: ${page.window.__ran.join()}`, { timeout: 3000 });
    expect(page.window.__ran).to.deep.equal(['first', 'after']);
  });

  it('an external script of a type the browser does not run is skipped, and the ones after it run', async () => {
    const page = await openPage({
      config: siteConfig,
      body: `${gatedFile('analytics', 'babel', 'data-type="text/babel"')}${gatedFile('analytics', 'after')}`,
    });
    await page.keuze.acceptAll();
    await waitUntil(() => page.window.__ran.includes('after'), `ran: ${page.window.__ran.join()}`, { timeout: 3000 });
    expect(page.window.__ran).to.deep.equal(['after']);
  });
});

describe('hosts that do unexpected things (issue 14.12)', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('a host that mutates the event it receives changes nothing for the others: reset() asks again', async () => {
    const page = await openPage({
      config: siteConfig,
      before: `window.KeuzeConfig = { onEvent(event) { event.type = 'x'; if (event.consent) event.consent.categories.length = 0; } };`,
    });
    const heard: string[] = [];
    page.keuze.on('consent', (event) => void heard.push(`${event.type}:${event.consent?.categories.length ?? null}`));
    page.document.addEventListener('keuze-consent', (event) => heard.push(`dom:${event.detail.type}`));
    await page.keuze.acceptAll();
    await page.keuze.reset();
    expect(heard).to.deep.equal(['consent:3', 'dom:consent', 'consent:null', 'dom:consent']);
    expect(page.keuze.getConsent()).to.equal(null);
    // The banner, which listens for the "consent" event, is back.
    await waitUntil(() => page.document.querySelector('keuze-cookie-banner')?.shadowRoot?.querySelector('[part~="base"]'), 'no banner after reset()', { timeout: 3000 });
  });

  for (const [name, choice] of [
    ['[Symbol()]', '[Symbol()]'],
    ['{ categories: [Symbol()] }', '{ categories: [Symbol()] }'],
    ['{ categories: [42, null] }', '{ categories: [42, null] }'],
    ['{ categories: ["analytics"], services: { analytics: [Symbol()] } }', '{ categories: ["analytics"], services: { analytics: [Symbol()] } }'],
    ['"analytics"', '"analytics"'],
  ] as const) {
    it(`setConsent(${name}) is reported and changes nothing`, async () => {
      const page = await openPage({ config: siteConfig });
      // Made in the page, so the values are the page's own (a Symbol from this window is no different).
      const call = new (page.window as unknown as { Function: FunctionConstructor }).Function('keuze', `return keuze.setConsent(${choice})`) as (keuze: unknown) => Promise<void>;
      await call(page.keuze);
      await logged(page, 'error', 'Keuze.setConsent: expected');
      expect(page.keuze.getConsent()).to.equal(null);
      expect(errorsWith(page, 'Keuze.setConsent: expected')).to.have.length(1);
      expect(page.window.__errors).to.deep.equal([]);
    });
  }
});
