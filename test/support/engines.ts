/**
 * The browser suite runs in Chromium, Firefox and WebKit (test/engines.mjs). These are
 * @web/test-runner-commands' sendKeys, setViewport and emulateMedia for all three (the stock ones
 * need puppeteer or Playwright), and a way for a test to say which engines it can run in, and why.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export type Engine = 'chromium' | 'firefox' | 'webkit';

/** The engine this test runs in (MiniBrowser's user agent names neither Chrome nor Firefox). */
export const engine: Engine = navigator.userAgent.includes('Firefox/') ? 'firefox' : /Chrom(e|ium)\//.test(navigator.userAgent) ? 'chromium' : 'webkit';

/**
 * `it`, in the engines listed; elsewhere the test shows as skipped, its title saying why.
 * For tests that need what an engine cannot do here (not for faults: those get fixed).
 */
export const itIn =
  (engines: Engine[], reason: string) =>
  (title: string, test: Mocha.Func | Mocha.AsyncFunc): Mocha.Test =>
    engines.includes(engine) ? it(title, test) : it.skip(`${title} (${engines.join(' and ')} only: ${reason})`, test);

/** Why media tests run in Chromium only. */
export const mediaEmulation = 'only CDP emulates media features; Firefox over BiDi and WebKit over WebDriver cannot';

export type SendKeysPayload = { press: string } | { type: string } | { down: string } | { up: string };

/** Presses, types, holds down or releases keys, as a visitor's keyboard would (trusted events). */
export async function sendKeys(payload: SendKeysPayload): Promise<void> {
  await executeServerCommand('engine-send-keys', payload);
}

/**
 * The narrowest viewport MiniBrowser can give a page here (measured: its toolbar keeps the window
 * at about 430 px), so WebKit cannot run a test at a phone's 320 px.
 */
const narrowestWebKitViewport = 430;

/** `it` for a test that sets a viewport `width` px wide: in WebKit only when its window can be that narrow. */
export const itWithViewport = (width: number): ReturnType<typeof itIn> | Mocha.TestFunction =>
  width < narrowestWebKitViewport ? itIn(['chromium', 'firefox'], `MiniBrowser's window is at least ${narrowestWebKitViewport} px wide`) : it;

/** Sets the size of the page's viewport, in CSS pixels; throws when the engine cannot make it that size. */
export async function setViewport(viewport: { width: number; height: number }): Promise<void> {
  await executeServerCommand('engine-set-viewport', viewport);
  if (innerWidth !== viewport.width || innerHeight !== viewport.height) {
    throw new Error(`${engine} gave a ${innerWidth} × ${innerHeight} viewport for ${viewport.width} × ${viewport.height}`);
  }
}

export interface Media {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
}

/**
 * Emulates `prefers-color-scheme` and `prefers-reduced-motion`. Only Chromium can; elsewhere this
 * succeeds when the page already matches (the engines here default to light and full motion), and
 * throws otherwise: such a test belongs in `itIn(['chromium'], mediaEmulation)`.
 */
export async function emulateMedia(media: Media): Promise<void> {
  if (engine === 'chromium') {
    await executeServerCommand('engine-emulate-media', media);
    return;
  }
  const queries = [media.colorScheme && `(prefers-color-scheme: ${media.colorScheme})`, media.reducedMotion && `(prefers-reduced-motion: ${media.reducedMotion})`].filter(
    (query): query is string => !!query,
  );
  const unmatched = queries.filter((query) => !matchMedia(query).matches);
  if (unmatched.length) throw new Error(`${engine} cannot emulate ${unmatched.join(' and ')}: ${mediaEmulation}`);
}

/** `it` for a test that emulates `media`: everywhere when it asks for the engines' defaults, else in Chromium only. */
export const itWithMedia = (media: Media): ReturnType<typeof itIn> | Mocha.TestFunction => (media.colorScheme === 'dark' || media.reducedMotion === 'reduce' ? itIn(['chromium'], mediaEmulation) : it);
