import type { ResolvedConfig } from './config.js';
import { decodeRecord, readCookie } from './consent-record.js';
import { Gate } from './gating.js';
import type { Notice } from './notices.js';
import type { ConsentRecord, KeuzeEvent, KeuzeEventType } from './types.js';

const DAY_MS = 86_400_000;

export type AnyListener = (event: KeuzeEvent) => unknown;

/**
 * What a page view needs to honour a stored choice: the config, the valid record (or null), the
 * gate and the `on()` listeners. This is all a returning visitor's browser runs; changing the
 * choice is the job of ConsentEngine, loaded when needed.
 */
export class ConsentState {
  consent: ConsentRecord | null;
  /** Whether the browser sends Global Privacy Control. */
  readonly gpc = globalThis.navigator?.globalPrivacyControl === true;
  // A category or service the config lacks is never granted; the validator reports such markup.
  readonly gate = new Gate((category, service) => this.isGranted(category, service));
  readonly listeners = new Map<KeuzeEventType, Set<AnyListener>>();
  /** The config as the page gave it, for the validator. */
  readonly #input: unknown;
  #validated = false;

  /**
   * `input` is the config as the page gave it; `config` what readConfig made of it; `notify`
   * reports what this page view noticed (worded in the diagnostics chunk).
   */
  constructor(
    input: unknown,
    public config: ResolvedConfig,
    notify: (notice: Notice) => void,
  ) {
    this.#input = input;
    this.consent = config.usable ? readStoredConsent(config, notify) : null;
  }

  /** Switches to the fully validated config, once, which reports every problem in the input. */
  useValidatedConfig(check: (input: unknown) => ResolvedConfig): void {
    if (this.#validated) return;
    this.#validated = true;
    this.config = check(this.#input);
  }

  isGranted(category: string, service?: string): boolean {
    const config = this.config.categories[category];
    if (!this.config.usable || !config) return false;
    if (config.readOnly) return true;
    const consent = this.consent;
    return !!(consent?.categories.includes(category) && (!service || consent.services[category]?.includes(service)));
  }

  /**
   * Runs what the stored choice allows, now and for gated elements added later; `onAdded` sees
   * the page once it is parsed, then each element added to it.
   */
  start(onAdded?: (root: Element | Document) => void): void {
    const apply = (): void => {
      void this.gate.activate();
      this.gate.watch(onAdded);
      onAdded?.(document);
    };
    // A classic script in <head> runs before the body is parsed: wait for the markup it gates.
    if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', apply);
    else apply();
  }

}

/** The stored record if it is valid for this config; anything else means "ask again". */
function readStoredConsent(config: ResolvedConfig, notify: (notice: Notice) => void): ConsentRecord | null {
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
