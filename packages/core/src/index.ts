/*
 * @keuze/core's public API: what docs/api.md documents for sites and servers. The building blocks
 * the script tag (@keuze/embed), @keuze/elements and @keuze/server share with core are in
 * internal.ts (`@keuze/core/internal`), which makes no promise to anyone else.
 * test/node/core-in-node.test.mjs checks this list.
 */
export { init } from './init.js';
export type { Keuze, KeuzeListener, KeuzeUi } from './keuze.js';
export type { KeuzeUiLink } from './consent-state.js';
export { NECESSARY, DEFAULT_LIFETIME_DAYS, MAX_LIFETIME_DAYS, PENDING_LOG_KEY, type ResolvedConfig } from './config.js';
export { validateConfig, reportConfigProblems, checkConfig, type ConfigProblem } from './config-validation.js';
export { isSafeUrl } from './config.js';
export { decodeRecord, RECORD_FORMAT, type RecordProblem } from './record-codec.js';
export { encodeRecord } from './record-writer.js';
export { consentCookieAttributes, cookieValues, setCookie, removeCookies, matchesAny, type CookieAttributes, type SameSite } from './cookies/cookie-jar.js';
export { GATED_SELECTOR } from './gating.js';
export { cookiesOf, isSaleCategory, mayStoreCookie, NEWSLETTER_COOKIE } from './categories.js';
export type * from './types.js';
