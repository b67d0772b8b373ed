import type { CategoryConfig, KeuzeConfig } from './types.js';

export const NECESSARY = 'necessary';
export const DEFAULT_LIFETIME_DAYS = 180;
/** 13 months: the longest the EDPB and the Dutch regulator accept for a consent choice. */
export const MAX_LIFETIME_DAYS = 395;

/** A config after validation: defaults filled in, invalid values left out. */
export interface ResolvedConfig extends KeuzeConfig {
  revision: number;
  lifetimeDays: number;
  cookie: { name: string; path: string; domain?: string };
  callbackTimeout: number;
  /** False when the config cannot work: Keuze then fails closed and grants nothing optional. */
  usable: boolean;
}

/** The keys a config may have; config-validation.ts holds a rule for each. */
export const CONFIG_KEYS = ['categories', 'revision', 'lifetimeDays', 'cookie', 'privacyUrl', 'lang', 'callbackTimeout', 'onEvent'] as const;
export const CATEGORY_KEYS = ['label', 'description', 'readOnly', 'sale', 'services', 'cookies'] as const;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value == 'object' && value !== null && !Array.isArray(value);

/** Category and service names travel inside the consent cookie, so they are kept to safe characters. */
export const NAME = /^(?!__proto__$)[\w-]{1,40}$/;
export const COOKIE_NAME = /^[\w!#$%&'*+.^`|~-]{1,64}$/;
export const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;
export const isLifetime = (value: unknown): boolean => typeof value == 'number' && value >= 1 && value <= MAX_LIFETIME_DAYS;

export function defaultConfig(): ResolvedConfig {
  return {
    // No prototype: a category named "constructor" or "toString" is only ever the site's own.
    categories: Object.assign(Object.create(null), { [NECESSARY]: { readOnly: true } }),
    revision: 0,
    lifetimeDays: DEFAULT_LIFETIME_DAYS,
    cookie: { name: 'keuze_consent', path: '/' },
    callbackTimeout: 10_000,
    usable: false,
  };
}

/**
 * What a page view needs to honour a stored choice, read without the full validator: the
 * categories, the cookie name and the revision and lifetime that decide whether a record is still
 * valid. Everything it reads passes the same tests as in validateConfig. `checked` is false when
 * anything looks off, and the full validator is then loaded to say what.
 */
export function readConfig(input: unknown): { config: ResolvedConfig; checked: boolean } {
  const config = defaultConfig();
  if (!isObject(input) || !isObject(input.categories)) return { config, checked: false };
  let checked = Object.keys(input).every((key) => (CONFIG_KEYS as readonly string[]).includes(key));
  const { categories, cookie, revision, lifetimeDays } = input;
  config.usable = true;
  for (const [name, category] of Object.entries(categories)) {
    // Keep what validateConfig keeps (it drops only bad names and non-objects), flag the rest.
    if (!NAME.test(name) || !isObject(category)) {
      checked = false;
      continue;
    }
    config.categories[name] = { ...category } as CategoryConfig;
    const { services } = category;
    checked &&=
      Object.keys(category).every((key) => (CATEGORY_KEYS as readonly string[]).includes(key)) &&
      (services === undefined || (isObject(services) && Object.keys(services).every((s) => NAME.test(s))));
  }
  checked &&= NECESSARY in categories;
  config.categories[NECESSARY]!.readOnly = true;
  // Read each value whatever else is wrong, or a record would look stale and the banner return.
  if (isCount(revision)) config.revision = revision as number;
  else if (revision !== undefined) checked = false;
  if (isLifetime(lifetimeDays)) config.lifetimeDays = lifetimeDays as number;
  else if (lifetimeDays !== undefined) checked = false;
  const cookieName = isObject(cookie) ? cookie.name : undefined;
  if (typeof cookieName == 'string' && COOKIE_NAME.test(cookieName)) config.cookie.name = cookieName;
  else if (cookie !== undefined && !(isObject(cookie) && cookieName === undefined)) checked = false;
  return { config, checked };
}
