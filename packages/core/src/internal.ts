/*
 * `@keuze/core/internal`: what the script tag (@keuze/embed), @keuze/elements and @keuze/server
 * take from core besides its public API (index.ts). Not for sites: names and shapes here change
 * without notice, with the packages that use them, in one release.
 */
export { startKeuze, type KeuzeLoaders } from './keuze.js';
export type { ConsentState } from './consent-state.js';
export { ConsentEngine } from './consent-engine.js';
export { startConsentMode } from './consent-mode.js';
export { renewCookie } from './cookie-renewal.js';
export { readConfigForPageView, isObject, ownData, NAME } from './config.js';
export { PRIVACY_REQUEST_KINDS } from './config-validation.js';
export { METHODS } from './record-codec.js';
export { browserFamily } from './consent-log.js';
export { explain, type Notice } from './notices.js';
export { reportUndeclared } from './undeclared.js';
export { logError, logWarning } from './log.js';
