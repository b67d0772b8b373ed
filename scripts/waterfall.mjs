#!/usr/bin/env node
// node scripts/waterfall.mjs <url> [--network slow4g|none]: loads a page once in a fresh Chromium
// context on the given network profile and prints when each request started and ended (ms from
// navigation start), then when Keuze's banner was fully shown. Used by `npm run bench` for the
// summary's waterfall, and by hand to see the round trips of a first visit.
import { chromium } from 'playwright-core';

const [url, ...rest] = process.argv.slice(2);
const network = rest[rest.indexOf('--network') + 1] ?? 'slow4g';
// Chrome DevTools' presets, as in the peer harness (slow4g is Lighthouse's mobile profile).
const profiles = {
  slow4g: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  none: null,
};
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await (await browser.newContext()).newPage();
const cdp = await page.context().newCDPSession(page);
if (profiles[network]) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', profiles[network]);
}
await page.goto(url, { waitUntil: 'load' });
await page.waitForFunction(
  () => {
    const base = document.querySelector('keuze-cookie-banner')?.shadowRoot?.querySelector('[part~="base"]');
    return base && getComputedStyle(base).opacity === '1' && base.getBoundingClientRect().height > 0;
  },
  null,
  { timeout: 20000 },
);
const shown = await page.evaluate(() => performance.now());
const entries = await page.evaluate(() =>
  performance
    .getEntriesByType('resource')
    .concat(performance.getEntriesByType('navigation'))
    .map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, size: e.encodedBodySize })),
);
for (const e of entries.sort((a, b) => a.start - b.start)) {
  console.log(`${String(Math.round(e.start)).padStart(5)} → ${String(Math.round(e.end)).padStart(5)}  ${new URL(e.name).pathname.split('/').pop() || '/'} (${(e.size / 1024).toFixed(1)} KB)`);
}
console.log(`banner fully shown (observed) ≤ ${Math.round(shown)} ms`);
await browser.close();
