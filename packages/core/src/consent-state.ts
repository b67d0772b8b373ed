import type { ResolvedConfig } from './config.js';
import { decodeRecord, readCookie } from './consent-record.js';
import type { Notice } from './notices.js';
import type { ConsentRecord, KeuzeEvent, KeuzeEventType } from './types.js';

const DAY_MS = 86_400_000;

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
}

/** A category or service the config lacks is never granted; the validator reports such markup. */
export function isGranted({ config, consent }: Pick<ConsentState, 'config' | 'consent'>, category: string, service?: string): boolean {
  const known = config.categories[category];
  if (!config.usable || !known) return false;
  // Own keys only: a category named "constructor" or "toString" is not Object.prototype's.
  return !!(known.readOnly || (consent?.categories.includes(category) && (!service || (Object.hasOwn(consent.services, category) && consent.services[category]!.includes(service)))));
}

/** The stored record if it is valid for this config; anything else means "ask again". */
export function readStoredConsent(config: ResolvedConfig, notify: (notice: Notice) => void): ConsentRecord | null {
  const { name } = config.cookie;
  const record = decodeRecord(readCookie(name));
  if (!record) return null;
  if (typeof record == 'string') notify(['cookie', name, record]);
  else if (record.revision !== config.revision) notify(['revision', name, record.revision, config.revision]);
  else if (Date.parse(record.timestamp) + config.lifetimeDays * DAY_MS < Date.now()) notify(['expired', name, config.lifetimeDays]);
  // Categories and services the config no longer has stay in the record but grant nothing:
  // isGranted asks the config first.
  else return record;
  return null;
}
