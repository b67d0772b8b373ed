import { checkConfig } from './config-validation.js';
import { explain } from './notices.js';
import { ConsentEngine } from './consent-engine.js';
import { startKeuze, type Keuze } from './keuze.js';
import type { KeuzeConfig } from './types.js';

/**
 * Starts Keuze from a bundler: the config is validated, the stored choice applied to the page and
 * `window.Keuze` set. Safe to import on a server; call it in the browser.
 */
export function init(config: KeuzeConfig): Keuze {
  return startKeuze(config, {
    engine: () => Promise.resolve(ConsentEngine),
    diagnostics: () => Promise.resolve({ checkConfig, explain }),
  });
}
