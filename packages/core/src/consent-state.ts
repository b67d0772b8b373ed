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
  readonly gate = new Gate(
    (category, service) => this.isGranted(category, service),
    (element) => this.isKnown(element),
  );
  readonly listeners = new Map<KeuzeEventType, Set<AnyListener>>();
  private readonly reported = new Set<string>();
  private validated = false;

  /**
   * `input` is the config as the page gave it; `config` what readConfig made of it; `notify`
   * reports what this page view noticed (worded in the diagnostics chunk).
   */
  constructor(
    private readonly input: unknown,
    public config: ResolvedConfig,
    private readonly notify: (notice: Notice) => void,
  ) {
    this.consent = config.usable ? readStoredConsent(config, notify) : null;
  }

  /** Switches to the fully validated config, once, which reports every problem in the input. */
  useValidatedConfig(check: (input: unknown) => ResolvedConfig): void {
    if (this.validated) return;
    this.validated = true;
    this.config = check(this.input);
  }

  isGranted(category: string, service?: string): boolean {
    const config = this.config.categories[category];
    if (!this.config.usable || !config) return false;
    if (config.readOnly) return true;
    const consent = this.consent;
    return !!(consent?.categories.includes(category) && (!service || consent.services[category]?.includes(service)));
  }

  /** Runs what the stored choice allows, now and for gated elements added later. */
  start(): void {
    const apply = (): void => {
      void this.gate.activate();
      this.gate.watch();
    };
    // A classic script in <head> runs before the body is parsed: wait for the markup it gates.
    if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', apply, { once: true });
    else apply();
  }

  /** Gated markup naming a category or service the config lacks never runs, and is reported once. */
  private isKnown(element: HTMLElement): boolean {
    const { category = '', service } = element.dataset;
    const config = this.config.categories[category];
    const missing = !config ? category : service && !config.services?.[service] ? `${category}/${service}` : '';
    if (missing && this.config.usable && !this.reported.has(missing)) {
      this.reported.add(missing);
      this.notify(['unknown', element.localName, category, config && service]);
    }
    return !missing;
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
