import type { ResolvedConfig } from './config.js';
import { checksum, MAX_RECORD_BYTES, METHOD_CODES, METHODS, RECORD_FORMAT } from './record-codec.js';
import { removeCookies, setCookie } from './cookies/cookie-jar.js';
import { logError } from './log.js';
import { hasRefusal, reaskDays } from './refusals.js';
import { patternToRegExp } from './categories.js';
import type { ConsentRecord } from './types.js';

/** Record → cookie value, in the format above. The inverse of decodeRecord (record-codec.ts). */
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
    ...(record.decisions
      ? [
          Object.entries(record.decisions)
            .map(([category, time]) => `${category}.${Date.parse(time).toString(36)}`)
            .join('~'),
        ]
      : []),
  ].join('|');
  return `${body}|${checksum(body)}`;
}

/** 128 random bits, URL-safe. `crypto.getRandomValues` exists in browsers and Node ≥ 19. */
export function newConsentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const DAY_MS = 86_400_000;

/**
 * Stores the record as the only copy of the consent cookie: every copy this page can reach (host,
 * parent domains, paths up to the page's) goes first, so no stale or planted record is left to
 * shadow it. The cookie lives until the record's lifetime ends. Returns false when the browser did
 * not keep it (cookies blocked or refused, no cookie access, or too large).
 */
export function storeRecord(config: ResolvedConfig, record: ConsentRecord): boolean {
  const { name } = config.cookie;
  const value = encodeRecord(record);
  if (value.length > MAX_RECORD_BYTES) {
    logError(`the consent record is ${value.length} bytes, over Keuze's limit of ${MAX_RECORD_BYTES}, and was not stored. Use fewer or shorter service names.`);
    return false;
  }
  // Every other copy goes; this one is written over, so the choice never reads as gone in between.
  removeCookies([name], config, true);
  // A refusal is kept as long as it must not be asked about again (issue 19).
  const days = hasRefusal(record) ? Math.max(config.lifetimeDays, reaskDays(config)) : config.lifetimeDays;
  return setCookie(config, name, value, (Date.parse(record.timestamp) + days * DAY_MS - Date.now()) / 1000);
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
