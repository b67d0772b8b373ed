import type { KeuzeConfig } from '@keuze/core';
import { isObject, logError, ownData, startKeuze } from '@keuze/core/internal';

/**
 * The page's config: `<script type="application/json" id="keuze-config">` (data, so it works under
 * a strict CSP) merged with `window.KeuzeConfig` (which can also hold the `onEvent` function).
 * A config element that is not a JSON object fails closed: its categories were what the site meant.
 * Values from the window win; plain objects (categories, cookie) merge key by key, own keys only.
 */
function readPageConfig(): unknown {
  const fromWindow = window.KeuzeConfig;
  const element = document.getElementById('keuze-config');
  if (!element) return fromWindow;
  try {
    const fromElement: unknown = JSON.parse(element.textContent);
    // Anything but two objects is passed on whole, so that validation reports it and fails closed.
    return fromWindow === undefined || !isObject(fromElement) ? fromElement : isObject(fromWindow) ? ownData(fromWindow, fromElement) : fromWindow;
  } catch (error) {
    logError('#keuze-config: invalid JSON:', error);
    return null;
  }
}

const loadEngine = () => import('./engine.js').then((chunk) => chunk.ConsentEngine);
const loadDiagnostics = () => import('./diagnostics.js');
const loadConsentMode = () => import('./consent-mode.js').then((chunk) => chunk.startConsentMode);
/**
 * Each keuze-* element's files, written in by the build from rollup's chunk graph (so the list
 * cannot go stale): `name-hash,dep-hash,…` per element, space-separated, the element's own chunk
 * (named after its tag) first, `ui` and this file left out. A module loader finds a file's static
 * imports only once the file has arrived; asking for all of them with the ui chunk makes an
 * element page one round trip after the loader, not one per layer. Empty in keuze.iife.js.
 */
const ELEMENT_FILES = '__KEUZE_ELEMENT_FILES__';

const loadUi = (tag = '') => {
  const files = ELEMENT_FILES.split(' ').find((entry) => entry.startsWith(`${tag.slice(6)}-`));
  // Fetched now, run in import order; a file that fails is reported by the element's own import.
  for (const file of files?.split(',') ?? []) import(`./chunks/${file}.js`).catch(() => {});
  return import('./ui.js').then((chunk) => chunk.ui);
};

// The script tag must never throw into the host page, whatever the config holds.
if (globalThis.document) {
  try {
    const config = readPageConfig();
    const keuze = startKeuze(config, { engine: loadEngine, diagnostics: loadDiagnostics, consentMode: loadConsentMode, ui: loadUi });
    // Safari keeps a cookie written by script 7 days: a returning visit has the site's server re-issue it.
    if (keuze.getConsent() && (config as KeuzeConfig | undefined)?.cookie?.renewUrl) void import('./cookie-renewal.js').then((chunk) => chunk.renewCookie(config, keuze.config));
  } catch (error) {
    logError('could not start:', error);
  }
}
