import { expect, waitUntil } from '@open-wc/testing';
import type { ConsentLogEntry } from '@keuze/core';
import { clearSiteData, closePages, openPage, siteConfig, type PageOptions, type TestPage } from '../../../test/support/pages.js';

/**
 * The contract between core and the elements (issue 15): core hands its instance to the UI once,
 * elements get it from one provider, and core owns the config, the language and the consent texts'
 * hash. Tested through the script tag and the public API, as a page sees it.
 */

/** The shadow root of the page's `tag`, once it rendered `selector`. */
async function rendered(page: TestPage, tag: string, selector = '[part~="base"]'): Promise<ShadowRoot> {
  await waitUntil(() => page.document.querySelector(tag)?.shadowRoot?.querySelector(selector), `<${tag}> did not render ${selector}`, { timeout: 3000 });
  return page.document.querySelector(tag)!.shadowRoot!;
}

/** A host callback that keeps every consent-log entry in `window.__logged`. */
const keepLogged = "window.__logged = []; window.KeuzeConfig = { onEvent: (e) => e.type == 'consent-log' && window.__logged.push(e.entry) };";
const logged = (page: TestPage): ConsentLogEntry[] => (page.window as unknown as { __logged: ConsentLogEntry[] }).__logged;

/** The consent-log entry of a reject-all in the banner of a page shown in `lang`. */
async function entryOfBannerChoice(lang: string): Promise<ConsentLogEntry> {
  clearSiteData();
  const page = await openPage({ config: siteConfig, before: `${keepLogged} document.documentElement.lang = '${lang}';` });
  (await rendered(page, 'keuze-cookie-banner')).querySelector<HTMLButtonElement>('[part~="reject-all"]')!.click();
  await waitUntil(() => logged(page).length == 1, 'no consent-log entry');
  clearSiteData();
  return logged(page)[0]!;
}

describe('core and the elements: one handshake, one owner per datum', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('the dialog’s language select asks core: the texts, the stored record and the logged texts hash follow', async () => {
    const page = await openPage({ config: siteConfig, before: keepLogged });
    await rendered(page, 'keuze-cookie-banner');
    await page.keuze.showPreferences();
    const dialog = await rendered(page, 'keuze-cookie-preferences', 'select');
    const select = dialog.querySelector('select')!;
    expect(select.value).to.equal('nl');
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => dialog.querySelector('[part~="title"]')!.textContent == 'Cookie settings', 'the dialog is not in English');
    await waitUntil(() => page.document.querySelector('keuze-cookie-banner')!.shadowRoot!.querySelector('[part~="title"]')?.textContent == 'Cookies on this website', 'the banner is not in English');
    dialog.querySelector<HTMLButtonElement>('[part~="reject-all"]')!.click();
    await waitUntil(() => logged(page).length == 1, 'no consent-log entry');
    expect(page.keuze.getConsent()!.language).to.equal('en');
    expect(logged(page)[0]!.language).to.equal('en');
    // The texts the UI pushed when the language changed: the same as a page shown in English from the start.
    const [inEnglish, inDutch] = [await entryOfBannerChoice('en'), await entryOfBannerChoice('nl')];
    expect(logged(page)[0]!.textsHash).to.equal(inEnglish.textsHash);
    expect(inEnglish.textsHash).not.to.equal(inDutch.textsHash);
  });

  it('the config keeps the site’s lang; the language shown is core’s, set through setLanguage', async () => {
    const page = await openPage({ config: { ...siteConfig, lang: 'nl' } });
    await rendered(page, 'keuze-cookie-banner');
    await page.keuze.setLanguage('en-GB');
    await page.keuze.rejectAll();
    expect(page.keuze.getConsent()!.language).to.equal('en');
    expect(page.keuze.config.lang).to.equal('nl');
    expect((await page.keuze.validConfig()).lang).to.equal('nl');
  });

  it('the validated config is read-only: a write fails and changes nothing', async () => {
    const page = await openPage({ config: siteConfig });
    const config = await page.keuze.validConfig();
    expect(page.keuze.config).to.equal(config);
    for (const part of [config, config.categories, config.categories.marketing, config.categories.analytics!.services!.matomo, config.cookie]) expect(Object.isFrozen(part)).to.equal(true);
    // Module code is strict: the write throws rather than being ignored.
    expect(() => ((config.categories.marketing as { readOnly?: boolean }).readOnly = true)).to.throw(TypeError);
    expect(page.keuze.isGranted('marketing')).to.equal(false);
  });

  it('elements get the page’s Keuze from the provider, not from window.Keuze', async () => {
    const page = await openPage({ config: siteConfig });
    const keuze = page.keuze;
    await rendered(page, 'keuze-cookie-banner');
    // The page's own code may reuse the name: the elements already hold their Keuze.
    delete page.window.Keuze;
    page.document.body.insertAdjacentHTML('beforeend', '<keuze-cookie-declaration></keuze-cookie-declaration>');
    await rendered(page, 'keuze-cookie-declaration');
    (await rendered(page, 'keuze-cookie-banner')).querySelector<HTMLButtonElement>('[part~="accept-all"]')!.click();
    await waitUntil(() => keuze.getConsent(), 'the banner’s choice did not reach Keuze');
  });

  for (const loader of ['module', 'iife', 'npm'] as const) {
    it(`${loader}: each config warning is printed once per page view, through a choice, the dialog and a language switch`, async () => {
      const config = { ...siteConfig, privacyUrl: undefined, categories: { ...siteConfig.categories, extra: { services: { chat: {} } } } };
      const options: PageOptions =
        loader == 'npm'
          ? {
              loader: 'none',
              body: `<script type="module">
                import { init } from '/packages/core/src/index.ts';
                import { ui } from '/packages/elements/src/ui.ts';
                init(${JSON.stringify(config)}, { ui });
              </script>`,
            }
          : { config, loader };
      const page = await openPage({ ...options, body: `<keuze-cookie-declaration></keuze-cookie-declaration>${options.body ?? ''}` });
      await rendered(page, 'keuze-cookie-declaration');
      await page.keuze.showPreferences();
      await page.keuze.setLanguage('en');
      await page.keuze.acceptAll();
      const expected = ['config.privacyUrl: missing', 'config.categories.extra.label: missing', 'config.categories.extra.services.chat.description: missing'];
      await waitUntil(() => expected.every((start) => page.logs('warn').some((text) => text.includes(start))), `not every warning came: ${page.logs('warn').join('\n')}`);
      for (const start of expected)
        expect(
          page.logs('warn').filter((text) => text.includes(start)),
          start,
        ).to.have.length(1);
    });
  }
});
