// One React component per Keuze element, each in its own module: importing a component defines
// its element, and (with "sideEffects": false) a bundler leaves out the elements a site never uses.
// Nothing here touches window or document when imported, so server renders can import it.
export { KeuzeCookieBanner } from './cookie-banner.js';
export { KeuzeCookiePreferences } from './cookie-preferences.js';
export { KeuzeReopenButton } from './reopen-button.js';
export { KeuzePrivacyStatement } from './privacy-statement.js';
export { KeuzeCookieDeclaration } from './cookie-declaration.js';
export { KeuzeNewsletterSignup } from './newsletter-signup.js';
export { KeuzeNewsletterPreferences } from './newsletter-preferences.js';
export { KeuzePrivacyRequest } from './privacy-request.js';
