import Cookies from 'js-cookie';
import type { ResolvedConfig } from './config.js';
import { checksum, MAX_RECORD_BYTES, METHOD_CODES, METHODS, readCookie } from './consent-record.js';
import { logError } from './log.js';
import { hasRefusal, reaskDays } from './refusals.js';
import { patternToRegExp } from './categories.js';
import type { ConsentRecord } from './types.js';

/** The record's format, its first field (the decoder's pattern accepts this one only). */
export const RECORD_FORMAT = '1';

export function encodeRecord(record: ConsentRecord): string {
  const body = [
    RECORD_FORMAT,
    record.consentId,
    Date.parse(record.firstGiven).toString(36),
    Date.parse(record.timestamp).toString(36),
    record.revision,
    record.language.replace(/[^\w-]/g, '').slice(0, 20),
    record.gpc ? 1 : 0,
    METHOD_CODES[METHODS.indexOf(record.method)],
    record.categories.join('~'),
    Object.entries(record.services)
      .map(([category, names]) => `${category}:${names.join('+')}`)
      .join('~'),
    ...(record.decisions ? [Object.entries(record.decisions).map(([category, time]) => `${category}.${Date.parse(time).toString(36)}`).join('~')] : []),
  ].join('|');
  return `${body}|${checksum(body)}`;
}

/** 128 random bits, URL-safe. `crypto.getRandomValues` exists in browsers and Node ≥ 19. */
export function newConsentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The configured domain, if the page may set cookies on it: the host itself or a parent of it.
 * Anything else the browser would drop silently, so it is reported and not used (never guessed).
 */
export function usableDomain(config: ResolvedConfig, hostname: string): string | undefined {
  const domain = config.cookie.domain?.replace(/^\./, '').toLowerCase();
  if (!domain || !hostname) return undefined;
  if (hostname === domain || hostname.endsWith(`.${domain}`)) return domain;
  logError(`config.cookie.domain: "${domain}" is not ${hostname} or a parent of it; consent is stored for ${hostname} only.`);
  return undefined;
}

export interface CookieAttributes {
  path: string;
  domain?: string;
  sameSite: 'Lax';
  secure: boolean;
  expires: number;
}

/** First-party, `SameSite=Lax`, `Secure` on https (js-cookie's default is not), for the configured lifetime. */
export function consentCookieAttributes(config: ResolvedConfig, page: { hostname: string; protocol: string }): CookieAttributes {
  return {
    path: config.cookie.path ?? '/',
    domain: usableDomain(config, page.hostname),
    sameSite: 'Lax',
    secure: page.protocol === 'https:',
    expires: config.lifetimeDays,
  };
}

/** Writes the record; false when the browser did not keep it (cookies blocked, or too large). */
export function storeRecord(config: ResolvedConfig, record: ConsentRecord): boolean {
  const { name } = config.cookie;
  const value = encodeRecord(record);
  if (value.length > MAX_RECORD_BYTES) {
    logError(`the consent record is ${value.length} bytes, over Keuze's limit of ${MAX_RECORD_BYTES}, and was not stored. Use fewer or shorter service names.`);
    return false;
  }
  const attributes = consentCookieAttributes(config, location);
  // A refusal is kept as long as it must not be asked about again.
  if (hasRefusal(record)) attributes.expires = Math.max(attributes.expires, reaskDays(config));
  // A host-only copy, written before the site set cookie.domain, is sent first and would shadow this one.
  if (attributes.domain) Cookies.remove(name, { path: attributes.path });
  Cookies.set(name, value, attributes);
  return readCookie(name) === value;
}

/** Deletes the consent cookie, wherever this config may have written it. */
export function removeRecord(config: ResolvedConfig): void {
  const { name, path } = config.cookie;
  Cookies.remove(name, { path });
  const domain = usableDomain(config, location.hostname);
  if (domain) Cookies.remove(name, { path, domain });
}


/**
 * Deletes every cookie matching the names or `*` patterns: host-only and on each domain from the
 * host up, because trackers set theirs on the registrable domain (the browser ignores the attempt
 * on a public suffix), at `/` and at the configured path.
 */
export function deleteCookies(patterns: string[], config: ResolvedConfig): void {
  if (!patterns.length) return;
  const matchers = patterns.map(patternToRegExp);
  const names = new Set(
    document.cookie
      .split(';')
      .map((pair) => pair.split('=')[0]!.trim())
      .filter((name) => name && matchers.some((matcher) => matcher.test(name))),
  );
  const { hostname } = location;
  const labels = hostname.split('.');
  const isAddress = /^[\d.]+$|:/.test(hostname);
  const domains = new Set<string | undefined>([undefined, usableDomain(config, hostname)]);
  if (!isAddress) labels.forEach((_, i) => domains.add(labels.slice(i).join('.')));
  for (const name of names) {
    for (const domain of domains) for (const path of new Set(['/', config.cookie.path ?? '/'])) Cookies.remove(name, { domain, path });
  }
}

/**
 * Deletes every localStorage and sessionStorage key matching the names or `prefix*` patterns, in
 * this origin (Web Storage has no domains or paths). Storage that is blocked holds nothing to delete.
 */
export function deleteStorage(patterns: string[]): void {
  if (!patterns.length) return;
  const matchers = patterns.map(patternToRegExp);
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    try {
      const storage = window[area];
      for (const key of Object.keys(storage)) if (matchers.some((matcher) => matcher.test(key))) storage.removeItem(key);
    } catch {
      // A sandboxed frame, or storage switched off: there is nothing of ours in it.
    }
  }
}
