/**
 * Test-runner commands for what a visitor sees, which need a puppeteer page (Chromium here):
 *
 * - `screenshot-region`: a PNG (base64) of a rectangle of the test page, in CSS pixels. Forced
 *   colours replace author colours in the rendering only, so tests measure pixels.
 * - `emulate-forced-colors`: `forced-colors: active | none` (Windows high contrast), along with the
 *   colour scheme and motion preference. The stock emulateMedia drops forcedColors on puppeteer,
 *   and each CDP call replaces every emulated feature, so all three are set together.
 */
const sessions = new WeakMap();

export const renderingCommands = {
  name: 'keuze-rendering-commands',
  async executeCommand({ command, payload, session }) {
    if (command !== 'screenshot-region' && command !== 'emulate-forced-colors') return undefined;
    const page = session.browser.getPage?.(session.id);
    if (!page?.screenshot) throw new Error(`${command} needs a puppeteer page (Chromium); ${session.browser.name} has none`);
    if (command === 'screenshot-region') return page.screenshot({ clip: payload, encoding: 'base64' });
    const { forcedColors = 'none', colorScheme = 'light', reducedMotion = 'no-preference' } = payload;
    // Straight to CDP: puppeteer's emulateMediaFeatures refuses forced-colors. The session stays open,
    // since emulation ends with the session that set it.
    if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
    await sessions.get(page).send('Emulation.setEmulatedMedia', {
      features: [
        { name: 'forced-colors', value: forcedColors },
        { name: 'prefers-color-scheme', value: colorScheme },
        { name: 'prefers-reduced-motion', value: reducedMotion },
      ],
    });
    return true;
  },
};
