import type { ResolvedConfig } from './config.js';
import { matchesAny } from './cookies/cookie-jar.js';
import { logWarning } from './log.js';
import type { CategoryConfig, CookieSpec } from './types.js';

/**
 * Keuze's newsletter cookie: the topic ids this browser subscribed to, for 13 months. Written only
 * while a granted category lists it (see mayStoreCookie).
 */
export const NEWSLETTER_COOKIE = { name: 'keuze_newsletter', days: 395 } as const;

/** Cookies of well-known analytics and advertising tools: never strictly necessary. */
const TRACKING_COOKIE = /^(_ga|_gid|_gat|__utm|_gcl|_fbp|_fbc|_hj|_pk_|_uet|_clck|_clsk|_ttp|mp_|ajs_|IDE$|fr$)/;

/** A cookie name or storage key, or a pattern where `*` stands for any characters. */
export const patternToRegExp = (pattern: string): RegExp => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);

const cookieNames = (specs: CookieSpec[] = []): string[] => specs.map((spec) => (typeof spec == 'string' ? spec : spec.name));

/** Names of the cookies a category sets, or only those of the given services. */
export function cookiesOf(category: CategoryConfig | undefined, services?: string[]): string[] {
  const serviceCookies = Object.entries(category?.services ?? {})
    .filter(([name]) => !services || services.includes(name))
    .flatMap(([, service]) => cookieNames(service.cookies));
  return services ? serviceCookies : [...cookieNames(category?.cookies), ...serviceCookies];
}

/** Web Storage keys (names or `prefix*` patterns) a category keeps, or only those of the given services. */
export function storageOf(category: CategoryConfig | undefined, services?: string[]): string[] {
  const serviceKeys = Object.entries(category?.services ?? {})
    .filter(([name]) => !services || services.includes(name))
    .flatMap(([, service]) => service.storage ?? []);
  return services ? serviceKeys : [...(category?.storage ?? []), ...serviceKeys];
}

/** GPC applies to categories marked `sale`, and to `marketing` unless it says otherwise. */
export const isSaleCategory = (name: string, category: CategoryConfig): boolean => category.sale ?? name === 'marketing';

/**
 * Consent law lets only strictly necessary cookies skip the visitor's choice. Checked when a choice
 * is about to be made (every first visit), which is where a site owner testing the banner looks.
 */
export function warnAboutTrackingInLockedCategories(config: ResolvedConfig): void {
  for (const [name, category] of Object.entries(config.categories)) {
    if (!category.readOnly) continue;
    const cookies = cookiesOf(category).filter((cookie) => TRACKING_COOKIE.test(cookie));
    if (!cookies.length && !/analytic|statist|marketing|advert|track/i.test(name)) continue;
    logWarning(
      `config.categories.${name}: a locked (always on) category may hold strictly necessary cookies only, but ` +
        `${cookies.length ? `it lists tracking cookies (${cookies.join(', ')})` : 'its name suggests tracking'}. ` +
        "These need the visitor's consent: move them to an optional category.",
    );
  }
}

/**
 * Whether a granted category (or a granted service) lists this cookie, by name or pattern: the
 * only case in which Keuze writes a cookie of its own that is not strictly necessary, such as
 * `keuze_newsletter`. `granted` is the page's `isGranted`, so locked categories count.
 */
export function mayStoreCookie(config: ResolvedConfig, granted: (category: string, service?: string) => boolean, name: string): boolean {
  return Object.entries(config.categories).some(
    ([category, spec]) =>
      (matchesAny(name, cookieNames(spec.cookies)) && granted(category)) ||
      Object.entries(spec.services ?? {}).some(([service, { cookies }]) => matchesAny(name, cookieNames(cookies)) && granted(category, service)),
  );
}
