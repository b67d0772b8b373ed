import type { ResolvedConfig } from '../config.js';
import { cookieText, cookieValues } from './cookie-access.js';
import { consentCookieAttributes, type CookieAttributes } from './cookie-attributes.js';
import { logError } from '../log.js';

/**
 * Every write and delete of a cookie Keuze owns (the consent cookie, `keuze_newsletter`) or
 * clears (a withdrawn category's cookies) goes through this module, so that all of them use one
 * attribute set: `Path`, `Domain` when configured, `SameSite`, `Secure` on https (and with
 * `SameSite=None`), `Partitioned` with `SameSite=None`. A delete that misses one attribute of the
 * write is a new cookie, not a delete: a cookie written at `Path=/` survives a delete issued from
 * `/shop/checkout/` without it.
 *
 * Names and values are written exactly as `document.cookie` shows them, never percent-encoded:
 * Keuze's own values need no encoding, and a tracker's name such as `AMCV_0A1B2C%40AdobeOrg` is
 * only deleted by that exact name.
 *
 * Reads are in cookie-access.ts, the part a returning visit's loader needs. Never throws: a
 * write that another script's cookie guard throws on is reported as not kept, and markup that
 * clobbers `document.cookie` (`<img name="cookie">`) is written past.
 */
export { consentCookieAttributes, usableDomain, type CookieAttributes, type SameSite } from './cookie-attributes.js';
export { cookieValues };

/** The names of the page's cookies, as `document.cookie` shows them. */
export const cookieNames = (): string[] =>
  (cookieText() ?? '')
    .split(';')
    .map((pair) => pair.split('=')[0]!.trim())
    .filter(Boolean);

/** One cookie string; `attributes` with another `path` or `domain` (undefined: host-only) for a delete. */
function serialize(name: string, value: string, attributes: CookieAttributes, maxAge: number): string {
  const { path, domain, sameSite, secure, partitioned } = attributes;
  return `${name}=${value}; Path=${path}${domain ? `; Domain=${domain}` : ''}; Max-Age=${Math.max(0, Math.floor(maxAge))}; SameSite=${sameSite}${secure ? '; Secure' : ''}${partitioned ? '; Partitioned' : ''}`;
}

let refusalReported = false;

/** One write to `document.cookie`; false when it threw (another script's cookie guard), reported once per page. */
function write(cookie: string): boolean {
  try {
    if (typeof document.cookie == 'string') document.cookie = cookie;
    // Markup can shadow document.cookie (<img name="cookie">), never Document.prototype's accessor.
    else Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!.set!.call(document, cookie);
    return true;
  } catch (error) {
    if (!refusalReported) logError('the page refused a cookie write (a script guarding document.cookie?):', error);
    refusalReported = true;
    return false;
  }
}

/**
 * Writes a cookie with the page's attribute set, for `maxAge` seconds; true when the browser kept
 * it (false when cookies are blocked, refused, or the document has no cookie access).
 */
export function setCookie(config: ResolvedConfig, name: string, value: string, maxAge: number): boolean {
  // No cookie access at all (a sandboxed iframe): nothing to try, and the loader said so.
  return cookieText() !== undefined && write(serialize(name, value, consentCookieAttributes(config, location), maxAge)) && !!cookieValues(name)?.includes(value);
}

/**
 * Every path a cookie visible on this page can have: `/`, and each directory up to the page's
 * own, with and without the trailing slash (a script's cookie without `Path` gets the page's
 * directory), plus the configured path.
 */
function reachablePaths(config: ResolvedConfig): Set<string> {
  const paths = new Set(['/', config.cookie.path ?? '/']);
  let path = '';
  for (const segment of location.pathname.split('/').filter(Boolean)) {
    path += `/${segment}`;
    paths.add(path).add(`${path}/`);
  }
  return paths;
}

/**
 * Every domain a cookie visible on this page can have: host-only, the host itself and each parent
 * (trackers set theirs on the registrable domain; the browser ignores a public suffix).
 */
function reachableDomains(hostname: string): Set<string | undefined> {
  const domains = new Set<string | undefined>([undefined]);
  // An IP address has no parent domains.
  if (!/^[\d.]+$|:/.test(hostname)) {
    const labels = hostname.split('.');
    labels.forEach((_, i) => domains.add(labels.slice(i).join('.')));
  }
  return domains;
}

/**
 * Deletes every copy of these cookies this page can reach: host-only and on every parent domain,
 * at every path up to this page's, with the page's attribute set. Names are exact, as
 * `document.cookie` shows them. `overwriting`: all but the copy that a write with the page's
 * attribute set then replaces, so that a cookie being rewritten never reads as gone in between:
 * another tab would take that for a withdrawal, and WebKit hands such a state back for a moment
 * after the write (seen in the tests). A host-only target keeps the host's own domain copy too:
 * Chrome deletes the host-only cookie of `localhost` for `Domain=localhost`.
 */
export function removeCookies(names: Iterable<string>, config: ResolvedConfig, overwriting = false): void {
  if (cookieText() === undefined) return;
  const attributes = consentCookieAttributes(config, location);
  const target = attributes.domain?.replace(/^\./, '') ?? location.hostname;
  const paths = reachablePaths(config);
  const domains = reachableDomains(location.hostname);
  for (const name of new Set(names)) {
    for (const domain of domains) {
      for (const path of paths) {
        const replaced = overwriting && path == attributes.path && (domain ?? location.hostname) == target;
        if (!replaced) write(serialize(name, '', { ...attributes, path, domain }, 0));
      }
    }
  }
}

/** True when `name` is one of these names or matches one of these `*` patterns. */
export const matchesAny = (name: string, patterns: string[]): boolean => patterns.some((pattern) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(name));

/**
 * Deletes every cookie of the page that matches one of `patterns` (names or `*` patterns), except
 * the consent cookie and those matching `keep` (what locked or still granted categories list):
 * `cookies: ["*"]` in an optional category never takes the visitor's choice or a login with it.
 */
export function deleteCookies(patterns: string[], keep: string[], config: ResolvedConfig): void {
  if (!patterns.length) return;
  removeCookies(
    cookieNames().filter((name) => name != config.cookie.name && matchesAny(name, patterns) && !matchesAny(name, keep)),
    config,
  );
}
