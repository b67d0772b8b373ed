import type { ResolvedConfig } from './config.js';
import { decodeRecord } from './record-codec.js';
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
   * Every value of the consent cookie when the page last read or wrote it, as
   * `String(cookieValues(name))`: when the browser's differ, another tab (or page) changed the choice.
   */
  seen?: string;
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
  if (!values) return notify(['storage']), null;
  let newest: ConsentRecord | null = null;
  const now = Date.now();
  for (const value of values) {
    const record = decodeRecord(value);
    const time = typeof record == 'object' && record ? Date.parse(record.timestamp) : NaN;
    // Counts: this revision, last changed within the lifetime, not in the future (a record dated
    // in the year 2300 would otherwise hold forever). The newest counting copy is the choice.
    if (
      (record as ConsentRecord)?.revision === config.revision &&
      time + config.lifetimeDays * DAY_MS >= now &&
      time <= now + FUTURE_TOLERANCE_MS &&
      !(time <= Date.parse(newest?.timestamp as string))
    )
      newest = record as ConsentRecord;
  }
  // Categories and services the config no longer has stay in the record but grant nothing:
  // isGranted asks the config first.
  if (!newest && values.length) notify(['stored', config, values]);
  return newest;
}
