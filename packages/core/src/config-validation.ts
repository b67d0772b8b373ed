import { COOKIE_NAME, defaultConfig, isRevision, isLifetime, isObject, isSafeUrl, MAX_LIFETIME_DAYS, NAME, NECESSARY, ownData, statementRevision, type ResolvedConfig } from './config.js';
import { isSaleCategory } from './categories.js';
import { GATED_SELECTOR } from './gating.js';
import type { ConsentModeSignal, KeuzeConfig } from './types.js';
import { logError } from './log.js';

/**
 * The data-subject rights a privacy request can invoke, by GDPR article: access (15), rectification
 * (16), erasure (17), objection (21), portability (20), and withdrawing consent (7(3)). One list for
 * this validator, `<keuze-privacy-request>` and `@keuze/server`.
 */
export const PRIVACY_REQUEST_KINDS = ['access', 'rectification', 'erasure', 'objection', 'portability', 'withdraw-consent'] as const;
const CATEGORY_KEYS = ['label', 'description', 'readOnly', 'sale', 'services', 'cookies', 'storage'] as const;

/** One thing wrong: the key path, a code for what was expected, and the value found. */
export type ConfigProblem = [path: string, expected: string, found?: unknown];

/** A rule: a test name, an object of rules by key, `{ '*': rule }` for a map by name, `[rule]` for a list. */
type Rule = string | [Rule] | { [key: string]: Rule };

/** String rules by regular expression. */
const FORMATS: Record<string, RegExp> = {
  pattern: /./,
  lang: /^[a-z]{2,3}(-[a-z\d]{2,8})*$/i,
  cookieName: COOKIE_NAME,
  domain: /^\.?[a-z\d.-]+$/i,
  path: /^\//,
  sameSite: /^(Lax|Strict|None)$/,
  layout: /^(box|bar)$/,
  revisionFrom: /^(config|statement)$/,
  topic: NAME,
  category: NAME,
  theme: /^(light|dark|auto)$/,
  requestKind: new RegExp(`^(${PRIVACY_REQUEST_KINDS.join('|')})$`),
  idCopy: /^(off|optional|required)$/,
  gpc: /^(limit|reject)$/,
  logFormat: /^(keuze|iso27560)$/,
  storageKey: /^[^*]{1,200}\*?$/,
};

/** Other rules by test; a rule in neither table is a `typeof` name ('string', 'boolean', 'function'). */
const TESTS: Record<string, (value: unknown) => boolean> = {
  text: (v) => typeof v == 'string' || (isObject(v) && Object.values(v).every((s) => typeof s == 'string')),
  revision: isRevision,
  days: isLifetime,
  // setTimeout treats anything above 2^31 - 1 ms (Infinity too) as 1 ms.
  ms: (v) => typeof v == 'number' && v > 0 && v < 2 ** 31,
  url: (v) => typeof v == 'string' && isSafeUrl(v),
  texts: (v) => isObject(v) && Object.values(v).every((s) => typeof s == 'string'),
  age: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 99,
  reopenButton: (v) => typeof v == 'boolean' || v == 'auto',
};

const EXPECTED: Record<string, string> = {
  object: 'an object',
  map: 'an object of entries by name, e.g. { necessary: {}, analytics: {} }',
  list: 'an array',
  text: 'a string, or an object of strings per language ({ nl: "…", en: "…" })',
  string: 'a string',
  pattern: 'a cookie name, or a pattern with * such as "_ga_*"',
  cookie: 'a cookie name or pattern, or { name, lifetime, provider, purpose, thirdParty }',
  boolean: 'true or false',
  function: 'a function',
  revision: 'a whole number from 0 to 999999999',
  days: `a number of days from 1 to ${MAX_LIFETIME_DAYS} (13 months)`,
  ms: 'a number of milliseconds from 1 to 2147483647',
  url: 'an http(s) or relative URL',
  lang: 'a language code such as "nl" or "en"',
  cookieName: "a cookie name (letters, digits and !#$%&'*+.^_`|~-, no spaces)",
  domain: 'a domain such as "example.com"',
  path: 'a path starting with "/"',
  sameSite: '"Lax", "Strict" or "None"',
  name: 'a name of letters, digits, "-" or "_" (at most 40)',
  texts: 'an object of texts by key, e.g. { "banner.title": "…" }',
  layout: '"box" or "bar"',
  revisionFrom: '"config" or "statement"',
  topic: 'a topic id of letters, digits, "-" or "_" (at most 40)',
  theme: '"light", "dark" or "auto"',
  category: 'a category name',
  consentMode: 'true, false, or { signals, waitForUpdate }',
  age: 'a whole number of years from 1 to 99',
  requestKind: `one of ${PRIVACY_REQUEST_KINDS.map((kind) => `"${kind}"`).join(', ')}`,
  idCopy: '"off", "optional" or "required"',
  reopenButton: 'true, false or "auto"',
  gpc: '"limit" or "reject"',
  logFormat: '"keuze" or "iso27560"',
  storageKey: 'a storage key, or a prefix ending in * such as "_hj*"',
};

const TEXTS = { label: 'text', description: 'text' };
const COOKIES: Rule = ['cookie'];
const STORAGE: Rule = ['storageKey'];
/** A cookie is its name or `*` pattern, or an object describing it for the declaration. */
const COOKIE_INFO: Rule = { name: 'pattern', lifetime: 'text', provider: 'string', purpose: 'text', thirdParty: 'boolean' };
const CATEGORY: Record<(typeof CATEGORY_KEYS)[number], Rule> = {
  ...TEXTS,
  readOnly: 'boolean',
  sale: 'boolean',
  cookies: COOKIES,
  storage: STORAGE,
  services: { '*': { ...TEXTS, provider: 'string', cookies: COOKIES, storage: STORAGE } },
};
const SCHEMA: Record<keyof KeuzeConfig, Rule> = {
  categories: { '*': CATEGORY },
  revision: 'revision',
  revisionFrom: 'revisionFrom',
  statementVersion: 'string',
  lifetimeDays: 'days',
  cookie: { name: 'cookieName', domain: 'domain', path: 'path', sameSite: 'sameSite', renewUrl: 'url' },
  privacyUrl: 'url',
  lang: 'lang',
  callbackTimeout: 'ms',
  onEvent: 'function',
  translations: { '*': 'texts' },
  layout: 'layout',
  theme: 'theme',
  reopenButton: 'reopenButton',
  privacySignals: { gpc: 'gpc' },
  reaskAfterRefusalDays: 'days',
  detectUndeclared: 'boolean',
  controller: { name: 'string', contact: 'string' },
  newsletter: {
    topics: [{ id: 'topic', label: 'text', description: 'text', frequency: 'text', required: 'boolean' }],
    frequency: 'text',
    minimumAge: 'age',
    tracking: 'boolean',
    endpoint: 'url',
    timeout: 'ms',
    preferencesUrl: 'url',
  },
  privacyRequest: { kinds: ['requestKind'], idCopy: 'idCopy', controller: 'string', endpoint: 'url', timeout: 'ms' },
  googleConsentMode: 'consentMode',
  consentLog: { endpoint: 'url', format: 'logFormat' },
};
/** Every signal of Consent Mode v2, each followed by a category. */
const SIGNALS: Record<ConsentModeSignal, Rule> = {
  ad_storage: 'category',
  ad_user_data: 'category',
  ad_personalization: 'category',
  analytics_storage: 'category',
  functionality_storage: 'category',
  personalization_storage: 'category',
  security_storage: 'category',
};
/** `googleConsentMode` is true or false, or these options. */
const CONSENT_MODE: Rule = {
  signals: SIGNALS,
  waitForUpdate: 'ms',
};

const passes = (rule: string, value: unknown): boolean => (FORMATS[rule] ? typeof value == 'string' && FORMATS[rule].test(value) : TESTS[rule] ? TESTS[rule](value) : typeof value == rule);

/** Returns a copy holding only the valid parts of `value`, and records a problem for each other part. */
function clean(value: unknown, rule: Rule, path: string, problems: ConfigProblem[]): unknown {
  const at = (key: string | number): string => (typeof key == 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
  if (rule === 'cookie') {
    if (typeof value == 'string') rule = 'pattern';
    else if (isObject(value) && 'name' in value) rule = COOKIE_INFO;
    else return void problems.push([path, 'cookie', value]);
  }
  if (rule === 'consentMode') {
    if (typeof value == 'boolean') return value;
    if (!isObject(value)) return void problems.push([path, 'consentMode', value]);
    rule = CONSENT_MODE;
  }
  if (typeof rule == 'string') return passes(rule, value) ? value : void problems.push([path, rule, value]);
  if (Array.isArray(rule)) {
    if (!Array.isArray(value)) return void problems.push([path, 'list', value]);
    return value.map((item, i) => clean(item, rule[0], at(i), problems)).filter((item) => item !== undefined);
  }
  if (!isObject(value)) return void problems.push([path, '*' in rule ? 'map' : 'object', value]);
  // No prototype: a service named "constructor" is only ever the site's own.
  const result = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) {
    const itemRule = rule['*'] ?? (Object.hasOwn(rule, key) ? rule[key] : undefined);
    if (!itemRule) problems.push([at(key), 'known', Object.keys(rule)]);
    else if (rule['*'] && !NAME.test(key)) problems.push([at(key), 'name', key]);
    else {
      const valid = item === undefined ? undefined : clean(item, itemRule, at(key), problems);
      if (valid !== undefined) result[key] = valid;
    }
  }
  return result;
}

/**
 * Checks every key of a config against its rule without throwing. Invalid values are left out
 * (their defaults apply); without usable `categories` the config fails closed.
 */
export function validateConfig(input: unknown): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config = defaultConfig();
  // As the loader reads it: own properties only.
  input = ownData(input);
  if (!isObject(input)) {
    problems.push(['', input === undefined ? 'config' : 'object', input]);
    return { config, problems };
  }
  const valid = clean(input, SCHEMA, '', problems) as Partial<ResolvedConfig>;
  if (!('categories' in input)) problems.push(['categories', 'map']);
  // A topic is nothing without its id: it names the topic to the host and in the cookie.
  const topics = valid.newsletter?.topics;
  if (topics) {
    valid.newsletter!.topics = topics.filter((topic, i) => topic.id || void problems.push([`newsletter.topics[${i}].id`, 'topic', topic.id]));
  }
  if (isObject(input.consentLog) && !valid.consentLog?.endpoint) problems.push(['consentLog.endpoint', 'url', input.consentLog.endpoint]);
  const { categories, cookie, ...rest } = valid;
  // (The loader's quick read gives the same default.)
  Object.assign(config, { reopenButton: 'auto' }, rest);
  // As the loader reads it: the stored revision must match on the next page view.
  if (input.revisionFrom == 'statement') {
    if (input.statementVersion === undefined) problems.push(['statementVersion', 'string']);
    config.revision = statementRevision(input.statementVersion);
  }
  Object.assign(config.cookie, cookie);
  if (categories) {
    config.usable = true;
    if (!categories[NECESSARY]) problems.push([`categories.${NECESSARY}`, NECESSARY]);
    Object.assign(config.categories, categories);
    config.categories[NECESSARY]!.readOnly = true;
    // Resolved here, so the elements read the flag and need not know the default.
    for (const [name, category] of Object.entries(config.categories)) category.sale = isSaleCategory(name, category);
  }
  return { config, problems };
}

const describe = (value: unknown): string =>
  Array.isArray(value) ? 'an array' : isObject(value) || typeof value == 'function' ? typeof value : typeof value == 'string' ? JSON.stringify(value).slice(0, 80) : String(value);

/** One console error per problem, naming the key path and what was expected. */
export function reportConfigProblems(problems: ConfigProblem[]): void {
  for (const [path, expected, found] of problems) {
    const key = `config${path ? `.${path}` : ''}`;
    if (expected === 'config') {
      logError('no config found. Add <script type="application/json" id="keuze-config"> or set window.KeuzeConfig before the Keuze script. Nothing optional will run.');
    } else if (expected === 'known') {
      logError(`${key}: unknown key; expected one of ${(found as string[]).join(', ')}.`);
    } else if (expected === NECESSARY) {
      logError(`${key}: missing; expected the category of strictly necessary cookies. Keuze added it, locked on.`);
    } else {
      const failsClosed = path === '' || path === 'categories';
      logError(`${key}: expected ${EXPECTED[expected]}, got ${describe(found)}.${failsClosed ? ' Nothing optional will run.' : ' Ignored.'}`);
    }
  }
}

/**
 * The cold path (readConfigForPageView in config.ts is the hot one, on every page view): the full
 * validator, in the engine's and the diagnostics chunk. Validates and reports in one go; the
 * result is the config to use. Runs on every first visit
 * (and whenever the loader's quick read finds something off), so gated markup is checked here too.
 */
export function checkConfig(input: unknown): Readonly<ResolvedConfig> {
  const { config, problems } = validateConfig(input);
  freeze(config);
  reportConfigProblems(problems);
  if (globalThis.location) reportUnstorableCookie(config);
  // The words are many and only developers read them: their own chunk, after the banner. It gets
  // the input too: by then the elements have set config.lang to the language they show.
  if (config.usable) void import('./config-warnings.js').then((chunk) => chunk.warnAboutConfig(config), logError);
  if (globalThis.document && config.usable) {
    const checkPage = (): void => {
      reportUnknownGated(config);
    };
    if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', checkPage, { once: true });
    else checkPage();
  }
  return config;
}

/**
 * The validated config is core's alone: every object and list in it is frozen, so an element or a
 * host script that writes into it fails (a TypeError in strict code) instead of changing what
 * core decides by. Functions (`onEvent`) are left as they are.
 */
const freeze = (value: unknown): unknown => value && typeof value == 'object' && Object.values(Object.freeze(value)).map(freeze);

/**
 * Cookie settings this page's browser refuses: the write would fail without a word, and no
 * choice could be stored. Browsers keep `Secure` cookies (all `__Host-` and `__Secure-` names,
 * and every `SameSite=None` cookie) only from secure pages: https, or localhost.
 */
function reportUnstorableCookie({ cookie }: ResolvedConfig): void {
  const { name, sameSite, domain, path = '/' } = cookie;
  const prefix = /^__(host|secure)-/i.exec(name)?.[0];
  const insecure = !globalThis.isSecureContext;
  const consequence = `browsers refuse it on this ${location.protocol} page, so no choice can be stored here.`;
  if (prefix && insecure) logError(`config.cookie.name: "${name}" needs https: a ${prefix} cookie must be Secure, and ${consequence}`);
  if (sameSite == 'None' && insecure) logError(`config.cookie.sameSite: "None" needs https: such a cookie must be Secure, and ${consequence}`);
  if (/^__host-/i.test(name) && (domain || path != '/')) {
    logError(`config.cookie: a __Host- cookie has no Domain and Path=/, so Keuze ignores cookie.domain and cookie.path for "${name}".`);
  }
}

/** Gated markup naming a category or service the config lacks never runs: say so, once per name. */
function reportUnknownGated(config: ResolvedConfig): void {
  const reported = new Set<string>();
  for (const element of document.querySelectorAll<HTMLElement>(GATED_SELECTOR)) {
    const { category = '', service } = element.dataset;
    const known = config.categories[category];
    const missing = !known ? `no category "${category}"` : service && !known.services?.[service] ? `no service "${service}" in category "${category}"` : '';
    if (missing && !reported.has(missing)) {
      reported.add(missing);
      logError(`a gated <${element.localName}> will not run: the config has ${missing}.`);
    }
  }
}
