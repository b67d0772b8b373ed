// Screenshots of the Keuze elements for docs/elements.md, docs/privacy-statement.md,
// docs/newsletter.md and docs/privacy-request.md, taken from the demo site.
//
//   npm start                          # in one terminal: builds and serves the demo
//   node scripts/screenshots.mjs       # in another: writes docs/images/*.png
//   node scripts/screenshots.mjs statement-nl declaration-en   # only these shots
//
// BASE_URL (default http://localhost:$PORT, PORT default 8000) points at the demo server;
// CHROME_PATH (default /usr/bin/chromium) at the browser. Every shot gets a fresh browser context,
// so no consent cookie carries over and the banner always asks.
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const base = process.env.BASE_URL ?? `http://localhost:${process.env.PORT ?? 8000}`;
const out = new URL('../docs/images/', import.meta.url);
const desktop = { width: 1280, height: 800 };
const mobile = { width: 360, height: 740 };

/**
 * Each shot: a page, what to do there, and the context options (viewport, colour scheme).
 * `choose` and `decide` press that banner button (`decide` then waits for the banner to go),
 * `ready` waits for a selector, `scrollTo` scrolls that element to the top of the window, and
 * `act` does anything else with the page (filling in a form) before the shot.
 */
const shots = [
  { file: 'banner-box-nl', path: '/demo/' },
  { file: 'banner-box-en', path: '/demo/en/' },
  { file: 'banner-bar-nl', path: '/demo/', layout: 'bar' },
  { file: 'banner-bar-en', path: '/demo/en/', layout: 'bar' },
  { file: 'banner-inline-nl', path: '/demo/cookies.html' },
  { file: 'banner-inline-en', path: '/demo/en/cookies.html' },
  { file: 'preferences-nl', path: '/demo/', choose: 'Zelf kiezen' },
  { file: 'preferences-en', path: '/demo/en/', choose: 'Choose' },
  { file: 'banner-box-nl-dark', path: '/demo/', colorScheme: 'dark' },
  { file: 'preferences-en-dark', path: '/demo/en/', choose: 'Choose', colorScheme: 'dark' },
  { file: 'banner-box-nl-mobile', path: '/demo/', viewport: mobile },
  // The statement and the declaration, after a choice in the banner so that it no longer covers them.
  { file: 'statement-nl', path: '/demo/privacy.html', decide: 'Alles weigeren', ready: 'keuze-privacy-statement >> [part~="toc"]' },
  {
    file: 'declaration-en',
    path: '/demo/en/cookies.html',
    decide: 'Reject all',
    ready: 'keuze-cookie-declaration >> [part~="table"]',
    scrollTo: '#declaration-title',
  },
  // The newsletter sign-up, filled in halfway: one topic ticked, its label the consent.
  {
    file: 'newsletter-signup-nl',
    path: '/demo/',
    decide: 'Alles weigeren',
    ready: 'keuze-newsletter-signup >> form',
    scrollTo: '#nieuwsbrief-titel',
    act: async (page) => {
      await page.locator('keuze-newsletter-signup >> #email').fill('anna@voorbeeld.nl');
      await page.locator('keuze-newsletter-signup >> input[name="topics"]').first().check();
    },
  },
  // The privacy request form with a made-up ID card, its BSN and photo covered by two black boxes.
  {
    file: 'privacy-request-nl',
    path: '/demo/privacy-request.html',
    decide: 'Alles weigeren',
    ready: 'keuze-privacy-request >> form',
    scrollTo: 'keuze-privacy-request >> .id-copy',
    act: async (page) => {
      await page.locator('keuze-privacy-request >> #kind-access').check();
      await page.locator('keuze-privacy-request >> #name').fill('Anna de Vries');
      await page.locator('keuze-privacy-request >> #email').fill('anna@voorbeeld.nl');
      await page.locator('keuze-privacy-request >> #id-copy').setInputFiles({ name: 'id.png', mimeType: 'image/png', buffer: await madeUpIdCard(page) });
      const add = page.locator('keuze-privacy-request >> #add-box');
      // The first box over the photo, the second over the BSN: arrow keys move, Shift with them resizes.
      const keys = async (key, times) => {
        for (let i = 0; i < times; i++) await page.keyboard.press(key);
      };
      await add.click();
      await keys('ArrowDown', 5);
      await keys('Shift+ArrowDown', 19);
      await keys('Shift+ArrowLeft', 2);
      await add.click();
      await keys('ArrowRight', 11);
      await keys('ArrowDown', 23);
      await keys('Shift+ArrowUp', 3);
    },
  },
  // The preferences page from the link in an email, with the demo host's answer loaded.
  {
    file: 'newsletter-preferences-en',
    path: '/demo/en/newsletter.html?token=demo-123',
    decide: 'Reject all',
    ready: 'keuze-newsletter-preferences >> form',
  },
];

/** A made-up identity card, drawn in the page: a photo, a name and a BSN line that the boxes cover. */
async function madeUpIdCard(page) {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 856;
    canvas.height = 540;
    const context = canvas.getContext('2d');
    context.fillStyle = '#dfe9f3';
    context.fillRect(0, 0, 856, 540);
    context.fillStyle = '#1f3b70';
    context.fillRect(0, 0, 856, 70);
    context.fillStyle = '#fff';
    context.font = '600 34px system-ui, sans-serif';
    context.fillText('IDENTITEITSKAART (voorbeeld)', 32, 48);
    context.fillStyle = '#9aa6b2';
    context.fillRect(60, 100, 220, 280);
    context.fillStyle = '#1c1f24';
    context.font = '28px system-ui, sans-serif';
    for (const [i, line] of ['Naam: DE VRIES', 'Voornamen: ANNA', 'Geboren: 01 01 1990', 'Documentnr: XN01234567', 'BSN: 999999990'].entries()) context.fillText(line, 320, 130 + i * 56);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
await mkdir(out, { recursive: true });

try {
  const only = process.argv.slice(2);
  const unknown = only.filter((file) => !shots.some((shot) => shot.file == file));
  if (unknown.length) throw new Error(`no such shot: ${unknown.join(', ')}`);
  for (const shot of shots.filter((shot) => !only.length || only.includes(shot.file))) {
    const context = await browser.newContext({
      viewport: shot.viewport ?? desktop,
      colorScheme: shot.colorScheme ?? 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() == 'error' && problems.push(message.text()));

    await page.goto(base + shot.path);
    // Playwright's CSS selectors pierce shadow roots: `keuze-cookie-banner >> …` finds the banner's parts.
    await page.locator('keuze-cookie-banner >> [part~="base"]').waitFor();
    if (shot.layout) {
      await page.evaluate(async (layout) => {
        const banner = document.querySelector('keuze-cookie-banner');
        banner.layout = layout;
        await banner.updateComplete;
      }, shot.layout);
    }
    if (shot.choose) {
      await page.locator(`keuze-cookie-banner >> text=${shot.choose}`).click();
      await page.locator('keuze-cookie-preferences >> dialog[open]').waitFor();
    }
    if (shot.decide) {
      await page.locator(`keuze-cookie-banner >> text=${shot.decide}`).click();
      await page.locator('keuze-cookie-banner >> [part~="base"]').waitFor({ state: 'detached' });
    }
    if (shot.ready) await page.locator(shot.ready).first().waitFor();
    if (shot.act) await shot.act(page);
    if (shot.scrollTo) {
      await page.locator(shot.scrollTo).evaluate((element) => {
        element.scrollIntoView();
        window.scrollBy(0, -24);
      });
    }
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: new URL(`${shot.file}.png`, out).pathname, animations: 'disabled' });
    await context.close();
    console.log(`docs/images/${shot.file}.png${problems.length ? `  (page errors: ${problems.join('; ')})` : ''}`);
  }
} finally {
  await browser.close();
}
