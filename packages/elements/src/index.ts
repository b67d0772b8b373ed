// @keuze/elements' public API: the element classes (to type, extend or wrap them; define them
// with `@keuze/elements/define` or `@keuze/elements/<element>/define`), the types of their
// `handler` properties, and `ui` for `init(config, { ui })`. Building blocks live in internal/
// and are not part of it; test/types/public-typings.ts checks this list.
export { CookieBanner } from './cookie-banner/cookie-banner.js';
export { CookiePreferences } from './cookie-preferences/cookie-preferences.js';
export { ReopenButton } from './reopen-button/reopen-button.js';
export { PrivacyStatement } from './privacy-statement/privacy-statement.js';
export { CookieDeclaration } from './cookie-declaration/cookie-declaration.js';
export { NewsletterSignup } from './newsletter-signup/newsletter-signup.js';
export { NewsletterPreferences } from './newsletter-preferences/newsletter-preferences.js';
export { PrivacyRequest, type PrivacyRequestHandler } from './privacy-request/privacy-request.js';
export { EmbedPlaceholder } from './embed-placeholder/embed-placeholder.js';
export type { NewsletterHandler } from './internal/newsletter/host-call.js';
export { ui } from './ui.js';
