import { checksum } from './record-codec.js';
import type { SameSite } from './cookies/cookie-jar.js';
import type { KeuzeConfig } from './types.js';

export const NECESSARY = 'necessary';
export const DEFAULT_LIFETIME_DAYS = 180;
/** 13 months: the longest the EDPB and the Dutch regulator accept for a consent choice. */
export const MAX_LIFETIME_DAYS = 395;

/** A config after validation: defaults filled in, invalid values left out. */
export interface ResolvedConfig extends KeuzeConfig {
  revision: number;
  lifetimeDays: number;
  cookie: { name: string; path?: string; domain?: string; sameSite?: SameSite };
  /** False when the config cannot work: Keuze then fails closed and grants nothing optional. */
  usable: boolean;
}

/**
 * The localStorage key of consent-log entries not yet confirmed by the endpoint. Each is kept
 * before it is sent, so one lost to a closing page or a failing endpoint is retried once, on the
 * next page load. (Here, not in consent-log.ts, because the loader checks it on every page view.)
 */
export const PENDING_LOG_KEY = 'keuze_consent_log';

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value == 'object' && value !== null && !Array.isArray(value);

export const COOKIE_NAME = /^[\w!#$%&'*+.^`|~-]{1,64}$/;
/** Category and service names travel inside the consent cookie, so they are kept to safe characters. */
export const NAME = /^(?!__proto__$)[\w-]{1,40}$/;

/**
 * Config data as data: a deep copy of `override` merged over `base`, made of own enumerable
 * properties only, on objects without a prototype. A JSON `"__proto__"`, `"constructor"` or
 * `"prototype"` key stays a key (which the validator reports), never inheritance, and every getter
 * is read once: the loader's quick read and the validator see the same config. Plain objects merge
 * key by key; anything else in `override` (a list, a function) replaces what `base` has.
 */
export function ownData(override: unknown, base?: unknown): unknown {
  if (!isObject(override)) return Array.isArray(override) ? override.map((item) => ownData(item)) : override;
  const copy = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of [...Object.entries(isObject(base) ? base : {}), ...Object.entries(override)]) copy[key] = ownData(value, copy[key]);
  return copy;
}
/** Only http(s) and relative URLs: a `javascript:` or `data:` privacy link would be an injection door. */
export function isSafeUrl(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, 'https://keuze.invalid/').protocol);
  } catch {
    return false;
  }
}

/** The record holds a revision in at most 9 digits. */
export const isRevision = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0 && (value as number) < 1e9;
/** A statement version as a record revision: a number that changes whenever the version does. */
export const statementRevision = (version: unknown): number => parseInt(checksum(String(version)), 36) % 1e9;
export const isLifetime = (value: unknown): boolean => typeof value == 'number' && value >= 1 && value <= MAX_LIFETIME_DAYS;

export function defaultConfig(): ResolvedConfig {
  return {
    // No prototype: a category named "constructor" or "toString" is only ever the site's own.
    categories: Object.assign(Object.create(null) as ResolvedConfig['categories'], { [NECESSARY]: { readOnly: true } }),
    revision: 0,
    lifetimeDays: DEFAULT_LIFETIME_DAYS,
    cookie: { name: 'keuze_consent' },
    usable: false,
  };
}

/**
 * The hot path, on every page view (checkConfig in config-validation.ts is the cold one).
 * What a page view needs to honour a stored choice, read without the full validator: the
 * categories, the cookie name and the revision and lifetime that decide whether a record is still
 * valid, and the settings a returning visit acts on. Each value read passes the test it passes in
 * validateConfig, or falls back to its default as there, so the loader and the engine agree on
 * which record is valid. The validator, which reports every problem, runs whenever the page shows
 * Keuze's UI or changes the choice (every first visit), and when this read finds no categories.
 */
export function readConfigForPageView(input: unknown): ResolvedConfig {
  const config = defaultConfig();
  input = ownData(input);
  if (!isObject(input) || !isObject(input.categories)) return config;
  const { categories, cookie, revision, lifetimeDays, reopenButton, revisionFrom, statementVersion, googleConsentMode, consentLog, detectUndeclared } = input;
  // Only `false` turns the settings button off, only `true` forces it: anything else is 'auto'.
  Object.assign(config, { usable: true, reopenButton: reopenButton ?? 'auto', googleConsentMode, consentLog, detectUndeclared });
  for (const [name, category] of Object.entries(categories)) {
    // Only `true` locks a category on: a mistyped readOnly must never grant without a choice. A
    // name the validator refuses is no category, also on a returning visit, when it does not run.
    if (isObject(category) && NAME.test(name)) config.categories[name] = { ...category, readOnly: name == NECESSARY || category.readOnly === true };
  }
  if (isRevision(revision)) config.revision = revision as number;
  if (revisionFrom == 'statement') config.revision = statementRevision(statementVersion);
  if (isLifetime(lifetimeDays)) config.lifetimeDays = lifetimeDays as number;
  const cookieName = isObject(cookie) && cookie.name;
  if (typeof cookieName == 'string' && COOKIE_NAME.test(cookieName)) config.cookie.name = cookieName;
  return config;
}
