import { checkConfig } from './config-validation.js';
import { explain } from './notices.js';
import { reportUndeclared } from './undeclared.js';
import { ConsentEngine } from './consent-engine.js';
import { startConsentMode } from './consent-mode.js';
import { renewCookie } from './cookie-renewal.js';
import { startKeuze, type Keuze, type KeuzeUi } from './keuze.js';
import type { KeuzeConfig } from './types.js';

/**
 * Starts Keuze from a bundler: the config is validated, the stored choice applied to the page and
 * `window.Keuze` set. Pass `ui` from @keuze/elements for the banner, dialog and `keuze-*` elements;
 * without it Keuze stays headless. Safe to import on a server; call it in the browser.
 */
export function init(config: KeuzeConfig, options: { ui?: KeuzeUi } = {}): Keuze {
  const { ui } = options;
  const keuze = startKeuze(config, {
    engine: () => Promise.resolve(ConsentEngine),
    diagnostics: () => Promise.resolve({ checkConfig, explain, reportUndeclared }),
    consentMode: () => Promise.resolve(startConsentMode),
    ui: ui && (() => Promise.resolve(ui)),
  });
  // The UI is loaded already: connect it now (any call through to it does), so that elements
  // defined before init() get their Keuze.
  if (ui && globalThis.document) void keuze.setLanguage();
  // Safari keeps a cookie written by script 7 days: a returning visit has the site's server re-issue it.
  if (globalThis.document && keuze.getConsent()) void renewCookie(config, keuze.config);
  return keuze;
}
