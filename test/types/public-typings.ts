// Never run: `npm run lint` (tsc) checks it. Each line states a typing an app relies on; each
// expected error fails the lint once the mistake below it stops being one (say, if an event falls
// back to a plain Event or `any`).
import type { ConsentEventDetail, ConsentRecord, NewsletterEvent, NewsletterPreferencesSetEvent, NewsletterSubscribeEvent, PrivacyRequestEvent } from '@keuze/core';
import type { CookieBanner, CookieDeclaration, CookiePreferences, NewsletterPreferences, NewsletterSignup, PrivacyRequest, PrivacyStatement, ReopenButton } from '@keuze/elements';
import '@keuze/elements/define';
import type * as elementsRoot from '@keuze/elements';
import { KeuzeCookieBanner, KeuzeCookiePreferences, KeuzeNewsletterPreferences, KeuzeNewsletterSignup, KeuzePrivacyRequest } from '@keuze/react';
import { createElement } from 'react';

declare function typed<T>(value: T): void;
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// @keuze/elements' root exports its public API and nothing else (building blocks stay in internal/):
// a name added to or dropped from index.ts fails here until this list says so.
typed<
  Exactly<
    keyof typeof elementsRoot,
    'CookieBanner' | 'CookiePreferences' | 'ReopenButton' | 'PrivacyStatement' | 'CookieDeclaration' | 'NewsletterSignup' | 'NewsletterPreferences' | 'PrivacyRequest' | 'EmbedPlaceholder' | 'ui'
  >
>(true);
// …and the types of the elements' `handler` properties.
typed<elementsRoot.NewsletterHandler>((event: NewsletterEvent) => event.type);
typed<elementsRoot.PrivacyRequestHandler>((event: PrivacyRequestEvent) => event.kind);

// Every tag gives its own class.
typed<CookieBanner>(document.createElement('keuze-cookie-banner'));
typed<CookiePreferences>(document.createElement('keuze-cookie-preferences'));
typed<ReopenButton>(document.createElement('keuze-reopen-button'));
typed<PrivacyStatement>(document.createElement('keuze-privacy-statement'));
typed<CookieDeclaration>(document.createElement('keuze-cookie-declaration'));
typed<NewsletterSignup>(document.createElement('keuze-newsletter-signup'));
typed<NewsletterPreferences>(document.createElement('keuze-newsletter-preferences'));
typed<PrivacyRequest>(document.createElement('keuze-privacy-request'));

const banner = document.createElement('keuze-cookie-banner');
banner.layout = 'bar';
// @ts-expect-error: not a layout
banner.layout = 'corner';

// Each element's events, on the element and (they bubble out of shadow roots) on document.
const signup = document.createElement('keuze-newsletter-signup');
signup.addEventListener('keuze-newsletter-subscribe', (event) => typed<NewsletterSubscribeEvent>(event.detail));
// @ts-expect-error: a sign-up has no token
signup.addEventListener('keuze-newsletter-subscribe', (event) => event.detail.token);
document.addEventListener('keuze-newsletter-preferences-set', (event) => typed<NewsletterPreferencesSetEvent>(event.detail));
document.addEventListener('keuze-newsletter-unsubscribe', (event) => typed<string>(event.detail.token));
document.addEventListener('keuze-newsletter-preferences-get', (event) => typed<string>(event.detail.token));
document.addEventListener('keuze-privacy-request', (event) => typed<PrivacyRequestEvent>(event.detail));
document.addEventListener('keuze-privacy-request', (event) => typed<Blob | undefined>(event.detail.idCopy));
document.addEventListener('keuze-privacy-request', (event) => typed<ConsentRecord | undefined>(event.detail.consent));
// @ts-expect-error: only the six kinds
document.createElement('keuze-privacy-request').kind = 'delete';
document.addEventListener('keuze-preferences-show', (event) => typed<CustomEvent<void>>(event));
document.addEventListener('keuze-preferences-close', (event) => typed<CustomEvent<void>>(event));
// Elements send their events with emit(), checked against the same registrations.
const preferences = document.createElement('keuze-cookie-preferences');
preferences.emit('keuze-preferences-show');
// @ts-expect-error: no such event
preferences.emit('keuze-preferences-shown');
// @ts-expect-error: this event carries no detail
preferences.emit('keuze-preferences-close', 'closed');
// @ts-expect-error: a sign-up's detail is a NewsletterSubscribeEvent, which has no token
signup.emit('keuze-newsletter-subscribe', { type: 'newsletter-unsubscribe', token: 'abc' });

// Core's consent event goes to document only.
document.addEventListener('keuze-consent', (event) => typed<ConsentEventDetail>(event.detail));
// @ts-expect-error: elements do not dispatch it, so it is a plain Event there
banner.addEventListener('keuze-consent', (event) => event.detail);

// React: element properties are props, each event has a typed on… prop.
createElement(KeuzeCookieBanner, { layout: 'inline', theme: 'dark' });
// @ts-expect-error: not a layout
createElement(KeuzeCookieBanner, { layout: 'corner' });
createElement(KeuzeNewsletterSignup, { onNewsletterSubscribe: (event) => typed<NewsletterSubscribeEvent>(event.detail) });
createElement(KeuzeNewsletterSignup, { handler: async (_event: NewsletterEvent) => ({ status: 'pending' }) });
// @ts-expect-error: a sign-up's event carries no token
createElement(KeuzeNewsletterSignup, { onNewsletterSubscribe: (event) => event.detail.token });
createElement(KeuzeCookiePreferences, { onPreferencesShow: (event) => typed<CustomEvent<void>>(event), onPreferencesClose: () => {} });
createElement(KeuzeNewsletterPreferences, {
  token: 'abc',
  undoSeconds: 5,
  onNewsletterPreferencesGet: (event) => typed<string>(event.detail.token),
  onNewsletterPreferencesSet: (event) => typed<string[]>(event.detail.topics),
  onNewsletterUnsubscribe: (event) => typed<string>(event.detail.token),
});
createElement(KeuzePrivacyRequest, { kind: 'erasure', onPrivacyRequest: (event) => typed<PrivacyRequestEvent['kind']>(event.detail.kind) });
createElement(KeuzePrivacyRequest, { handler: async (event: PrivacyRequestEvent) => ({ reference: event.email }) });
