import type { ResolvedConfig } from '../config.js';
import { logError } from '../log.js';

/*
 * The consent cookie's attributes, apart from cookie-jar.ts (which writes with them) so that the
 * renewal chunk (cookie.renewUrl) can send them to the server without loading the cookie writer.
 */

/** `SameSite` values, as the cookie standard spells them. */
export type SameSite = 'Lax' | 'Strict' | 'None';

/** The attributes of every cookie Keuze writes or deletes on this page. */
export interface CookieAttributes {
  path: string;
  /** Only the configured domain, when it is the host or a parent of it; otherwise host-only. */
  domain?: string;
  sameSite: SameSite;
  /** On https, and always with `SameSite=None` or a `__Host-`/`__Secure-` name (browsers refuse them without it). */
  secure: boolean;
  /** With `SameSite=None`: the cookie is kept per top-level site (CHIPS), which browsers that block third-party cookies still allow. */
  partitioned: boolean;
  /** The consent cookie's lifetime in days (`config.lifetimeDays`). */
  expires: number;
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

/**
 * First-party, `SameSite` as configured (`Lax` by default), `Secure` on https, for the configured
 * lifetime. A `__Host-` name has no `Domain` and `Path=/`, as its prefix demands.
 */
export function consentCookieAttributes(config: ResolvedConfig, page: { hostname: string; protocol: string }): CookieAttributes {
  const { sameSite = 'Lax', path = '/', name } = config.cookie;
  const host = /^__host-/i.test(name);
  const none = sameSite == 'None';
  return {
    path: host ? '/' : path,
    domain: host ? undefined : usableDomain(config, page.hostname),
    sameSite,
    // A __Host- or __Secure- name demands Secure (browsers allow it on localhost too).
    secure: none || /^__(host|secure)-/i.test(name) || page.protocol == 'https:',
    partitioned: none,
    expires: config.lifetimeDays,
  };
}
