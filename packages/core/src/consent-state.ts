import type { ResolvedConfig } from './config.js';
import { decodeRecord } from './record-codec.js';
import { cookieValues } from './cookies/cookie-access.js';
import type { Notice } from './notices.js';
import type { ConsentRecord, KeuzeEvent, KeuzeEventType } from './types.js';

const DAY_MS = 86_400_000;
/** A record dated further ahead than this (clocks of a server and a browser differ a little) is invalid. */
const FUTURE_TOLERANCE_MS = 300_000;

export type AnyListener = (event: KeuzeEvent) => unknown;

/**
 * What core hands the UI once, when the UI's code has loaded (`KeuzeUi.connect`): the one way in
 * that is not the page's public API.
 */
export interface KeuzeUiLink {
  /** The loader's quick read of the config, then (after `validateConfig`) the validated, frozen one. */
  readonly config: Readonly<ResolvedConfig>;
  /** The page's config as the loader read it (own data, not validated): what the banner's first read takes its texts from. */
  readonly input: unknown;
  /**
   * True on a first visit with nothing stored and no privacy signal: the engine has nothing to
   * decide before the visitor does. The UI then shows the banner from `config` and `input`
   * (readConfigForBanner), and asks for the engine and the validated config (`Keuze.validConfig`)
   * once it is on screen (issue 16: nothing on the banner's path waits for the validator). Else the
   * engine loads with the loader's start, and the UI shows the validated config from the outset.
   */
  readonly bannerFirst: boolean;
  /**
   * What the UI shows, pushed when it starts and after each `KeuzeUi.setLanguage`: the language
   * (a tag of its texts, e.g. `nl`), which the next record stores, and the consent texts (banner
   * and dialog in that language), whose hash the consent log takes. Core never asks the UI during
   * a decision.
   */
  showing(lang: string, texts: string): void;
}

/**
 * The page view's consent state. One owner: the loader (startKeuze) makes it and alone changes
 * the config and the language; the engine, the consent log and the diagnostics read it, and the
 * engine changes the choice (`consent`, `seen`). The UI gets only its `KeuzeUiLink` side.
 */
export interface ConsentState extends KeuzeUiLink {
  consent: ConsentRecord | null;
  /** Whether the browser sends Global Privacy Control. */
  readonly gpc: boolean;
  readonly listeners: Map<KeuzeEventType, Set<AnyListener>>;
  /**
   * Every value of the consent cookie when the page last read or wrote it, as
   * `String(cookieValues(name))`: when the browser's differ, another tab (or page) changed the choice.
   */
  seen?: string;
  /**
   * The values of `seen` that this page's own writes replaced (not the empty one: another tab's
   * withdrawal reads as that). A read that returns one is not another tab's choice, which carries a
   * new timestamp, but a stale read: WebKit hands back the value from before a write for a moment
   * (seen in the tests, right after a second choice), and the page would announce, and apply,
   * choices nobody made.
   */
  overwritten?: string[];
  /** The language the UI shows (changed only through `Keuze.setLanguage`); the record stores it. */
  readonly lang?: string;
  /** The consent texts the UI shows: the consent log's hash is of these. */
  readonly texts?: string;
  /** Switches to the fully validated config, once (the validator reports every problem in the input); returns it. */
  validateConfig(check: (input: unknown) => Readonly<ResolvedConfig>): Readonly<ResolvedConfig>;
  /** Tells Google Consent Mode the current choice (when the config has `googleConsentMode`). */
  signalConsentMode(): void;
  /** Runs the gated elements the choice allows that have not run yet, in document order. */
  activate(): Promise<void>;
  /** Re-reads the stored choice if it changed since `seen`, and applies the difference. */
  readonly sync: () => void;
}

/** A category or service the config lacks is never granted; the validator reports such markup. */
export function isGranted({ config, consent }: Pick<ConsentState, 'config' | 'consent'>, category: string, service?: string): boolean {
  const known = config.categories[category];
  if (!config.usable || !known) return false;
  // Own keys only: a category named "constructor" or "toString" is not Object.prototype's.
  return !!(known.readOnly || (consent?.categories.includes(category) && (!service || (Object.hasOwn(consent.services, category) && consent.services[category]!.includes(service)))));
}

/**
 * The choice: the newest valid record (last changed) among every copy of the consent cookie this
 * page sees (host-only, parent domains, paths up to the page's). A copy that is corrupt, for
 * another revision, expired or dated in the future never counts; without a valid copy the visitor
 * is asked again, and the diagnostics say why. Sets `state.seen`.
 */
export function readStoredConsent(state: ConsentState, notify: (notice: Notice) => void): ConsentRecord | null {
  const { config } = state;
  const values = cookieValues(config.cookie.name);
  state.seen = String(values);
  if (!values) return (notify(['storage']), null);
  let newest: ConsentRecord | null = null;
  const now = Date.now();
  for (const value of values) {
    // A problem ('corrupt', …) is a string: it has no revision, and its time is NaN, as is none.
    const record = decodeRecord(value) as ConsentRecord | null;
    const time = Date.parse(record?.timestamp as string);
    // Counts: this revision, last changed within the lifetime, not in the future (a record dated
    // in the year 2300 would otherwise hold forever). The newest counting copy is the choice.
    if (record?.revision === config.revision && time + config.lifetimeDays * DAY_MS >= now && time <= now + FUTURE_TOLERANCE_MS && !(time <= Date.parse(newest?.timestamp as string))) newest = record;
  }
  // Categories and services the config no longer has stay in the record but grant nothing:
  // isGranted asks the config first.
  if (!newest && values.length) notify(['stored', config, values]);
  return newest;
}
