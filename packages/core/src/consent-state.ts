import type { ResolvedConfig } from './config.js';
import { decodeRecord } from './consent-record.js';
import { cookieValues } from './cookie-access.js';
import type { Notice } from './notices.js';
import type { ConsentRecord, KeuzeEvent, KeuzeEventType } from './types.js';

const DAY_MS = 86_400_000;
/** A record dated further ahead than this (clocks of a server and a browser differ a little) is invalid. */
const FUTURE_TOLERANCE_MS = 300_000;

export type AnyListener = (event: KeuzeEvent) => unknown;

/**
 * What the loader hands the consent engine: the page view's config, choice and listeners, and
 * the loader's own ways to act on a change. A returning visitor's browser runs only the loader.
 */
export interface ConsentState {
  config: ResolvedConfig;
  consent: ConsentRecord | null;
  /** Whether the browser sends Global Privacy Control. */
  readonly gpc: boolean;
  readonly listeners: Map<KeuzeEventType, Set<AnyListener>>;
  /** Runs the gated elements the choice allows that have not run yet, in document order. */
  readonly activate: () => Promise<void>;
  /** Tells Google Consent Mode the current choice (when configured). */
  signal: () => void;
  /** The consent texts the visitor was shown, when the elements are loaded (for the consent log). */
  readonly textsSeen: () => Promise<string | undefined> | undefined;
  /** Switches to the fully validated config, once, which reports every problem in the input. */
  useValidatedConfig(check: (input: unknown) => ResolvedConfig): void;
  /**
   * Every value of the consent cookie when the page last read or wrote it (see `storedValues`):
   * when the browser's differ, another tab (or page) changed the choice.
   */
  seen?: string;
  /** Re-reads the stored choice if it changed since `seen`, and applies the difference. */
  readonly sync: () => void;
}

/** Every value of the consent cookie now, as one string to compare with `ConsentState.seen`. */
export const storedValues = (config: ResolvedConfig): string => String(cookieValues(config.cookie.name));

/** A category or service the config lacks is never granted; the validator reports such markup. */
export function isGranted({ config, consent }: Pick<ConsentState, 'config' | 'consent'>, category: string, service?: string): boolean {
  const known = config.categories[category];
  if (!config.usable || !known) return false;
  return !!(known.readOnly || (consent?.categories.includes(category) && (!service || consent.services[category]?.includes(service))));
}

/**
 * Whether a record counts for this config: its revision, last changed within the lifetime, and
 * not in the future (a record dated in the year 2300 would otherwise hold forever).
 */
export function isCurrent(record: ConsentRecord, config: ResolvedConfig, now = Date.now()): boolean {
  const time = Date.parse(record.timestamp);
  return record.revision === config.revision && time + config.lifetimeDays * DAY_MS >= now && time <= now + FUTURE_TOLERANCE_MS;
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
  if (!values) return notify(['storage']), null;
  let newest: ConsentRecord | null = null;
  for (const value of values) {
    const record = decodeRecord(value);
    // ISO 8601 times of years 0–9999 (the only ones current) sort as strings.
    if (typeof record == 'object' && record && isCurrent(record, config) && !(newest && newest.timestamp >= record.timestamp)) newest = record;
  }
  // Categories and services the config no longer has stay in the record but grant nothing:
  // isGranted asks the config first.
  if (!newest && values.some(Boolean)) notify(['stored', config, values]);
  return newest;
}
