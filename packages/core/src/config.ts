import { checksum } from './consent-record.js';
import type { CategoryConfig, KeuzeConfig } from './types.js';

export const NECESSARY = 'necessary';
export const DEFAULT_LIFETIME_DAYS = 180;
/** 13 months: the longest the EDPB and the Dutch regulator accept for a consent choice. */
export const MAX_LIFETIME_DAYS = 395;

/** A config after validation: defaults filled in, invalid values left out. */
export interface ResolvedConfig extends KeuzeConfig {
  revision: number;
  lifetimeDays: number;
  cookie: { name: string; path?: string; domain?: string };
  /** False when the config cannot work: Keuze then fails closed and grants nothing optional. */
  usable: boolean;
}

/**
 * The keys a config may have; config-validation.ts holds a rule for each. Written as one string:
 * the loader carries this list to every page view.
 */
export const CONFIG_KEYS = 'categories revision revisionFrom statementVersion lifetimeDays cookie privacyUrl lang callbackTimeout onEvent translations layout theme reopenButton newsletter'.split(' ') as (keyof KeuzeConfig)[];
export const CATEGORY_KEYS = ['label', 'description', 'readOnly', 'sale', 'services', 'cookies'] as const;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value == 'object' && value !== null && !Array.isArray(value);

/** Category and service names travel inside the consent cookie, so they are kept to safe characters. */
export const NAME = /^(?!__proto__$)[\w-]{1,40}$/;
export const COOKIE_NAME = /^[\w!#$%&'*+.^`|~-]{1,64}$/;
/** The record holds a revision in at most 9 digits. */
export const isRevision = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0 && (value as number) < 1e9;
/** A statement version as a record revision: a number that changes whenever the version does. */
export const statementRevision = (version: unknown): number => parseInt(checksum(String(version)), 36) % 1e9;
export const isLifetime = (value: unknown): boolean => typeof value == 'number' && value >= 1 && value <= MAX_LIFETIME_DAYS;

export function defaultConfig(): ResolvedConfig {
  return {
    // No prototype: a category named "constructor" or "toString" is only ever the site's own.
    categories: Object.assign(Object.create(null), { [NECESSARY]: { readOnly: true } }),
    revision: 0,
    lifetimeDays: DEFAULT_LIFETIME_DAYS,
    cookie: { name: 'keuze_consent' },
    usable: false,
  };
}

/**
 * What a page view needs to honour a stored choice, read without the full validator: the
 * categories, the cookie name and the revision and lifetime that decide whether a record is still
 * valid. Everything it reads passes the same tests as in validateConfig. `checked` is false when
 * anything looks off (an unknown top-level key too), and the full validator is then loaded to say
 * what. The nested texts are checked by the full validator, which runs on every first visit.
 */
export function readConfig(input: unknown): { config: ResolvedConfig; checked: boolean } {
  const config = defaultConfig();
  if (!isObject(input) || !isObject(input.categories)) return { config, checked: false };
  let checked = Object.keys(input).every((key) => (CONFIG_KEYS as string[]).includes(key));
  const { categories, cookie, revision, lifetimeDays, reopenButton, revisionFrom, statementVersion } = input;
  config.usable = true;
  // The one UI setting a returning visit needs: whether to load the settings button.
  config.reopenButton = reopenButton === true;
  for (const [name, category] of Object.entries(categories)) {
    // Keep what validateConfig keeps (it drops only bad names and non-objects), flag the rest.
    if (!NAME.test(name) || !isObject(category)) {
      checked = false;
      continue;
    }
    // Only `true` locks a category on: a mistyped readOnly must never grant without a choice.
    config.categories[name] = { ...category, readOnly: name == NECESSARY || category.readOnly === true } as CategoryConfig;
  }
  checked &&= NECESSARY in categories;
  // Read each value whatever else is wrong, or a record would look stale and the banner return.
  // A bad value falls back to its default here as in the validator, which reports it on first visits.
  if (isRevision(revision)) config.revision = revision as number;
  if (revisionFrom == 'statement') config.revision = statementRevision(statementVersion);
  if (isLifetime(lifetimeDays)) config.lifetimeDays = lifetimeDays as number;
  const cookieName = isObject(cookie) ? cookie.name : undefined;
  if (typeof cookieName == 'string' && COOKIE_NAME.test(cookieName)) config.cookie.name = cookieName;
  else if (cookie !== undefined && !(isObject(cookie) && cookieName === undefined)) checked = false;
  return { config, checked };
}
