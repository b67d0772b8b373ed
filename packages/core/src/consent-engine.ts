import { cookiesOf, isSaleCategory, storageOf, warnAboutTrackingInLockedCategories } from './categories.js';
import { isObject } from './config.js';
import { checkConfig } from './config-validation.js';
import type { ConsentState } from './consent-state.js';
import { cookieValues } from './cookies/cookie-access.js';
import { consentCookieAttributes, deleteCookies, removeCookies } from './cookies/cookie-jar.js';
import { EventHub } from './events.js';
import { logError, logWarning } from './log.js';
import { decodeRecord } from './record-codec.js';
import { deleteStorage, newConsentId, storeRecord } from './record-writer.js';
import { carryOver, decisionTimes } from './refusals.js';
import type { ConsentChoice, ConsentMethod, ConsentRecord } from './types.js';

/** How long a host callback may take before it is reported as hanging. */
const DEFAULT_CALLBACK_TIMEOUT = 10_000;

const hasDocument = (): boolean => typeof document != 'undefined';
/** What the loader compares with the browser's cookies to notice a change made elsewhere (ConsentState.seen). */
const storedValues = ({ cookie }: ConsentState['config']): string => String(cookieValues(cookie.name));

/** A list of category or service names, as the API takes them (a Symbol or number is no name). */
const isNameList = (value: unknown): value is string[] => Array.isArray(value) && value.every((name) => typeof name == 'string');

/**
 * Changes the choice: writes the cookie first, then deletes withdrawn cookies, then runs newly
 * granted gated elements, then tells the listeners. Loaded only when a choice is to be made.
 */
export class ConsentEngine {
  private readonly events: EventHub;

  constructor(private readonly state: ConsentState) {
    state.validateConfig(checkConfig);
    const { onEvent, callbackTimeout = DEFAULT_CALLBACK_TIMEOUT } = state.config;
    this.events = new EventHub(state.listeners, onEvent, callbackTimeout);
    warnAboutTrackingInLockedCategories(state.config);
    // The page sees several copies of the consent cookie: only the choice stays.
    if (state.consent && state.seen?.includes(',')) this.tidy();
    if (!state.consent && state.config.usable && hasDocument()) this.carryRefusals();
    // privacySignals.gpc 'reject': the browser's signal is the visitor's decision until they make
    // one themselves, which is then stored as theirs (the dialog stays open to them).
    if (!state.consent && state.gpc && state.config.privacySignals?.gpc == 'reject') this.choose([], undefined, 'signal');
  }

  /**
   * Refusals that stick (issue 19): a stored choice the loader set aside (new revision, expired)
   * keeps its recent refusals. With nothing new to ask, it moves to this revision as it is, silently.
   * Of several copies of the consent cookie, the newest decodable one counts.
   */
  private carryRefusals(): void {
    const { state } = this;
    let stale: ConsentRecord | null = null;
    for (const value of cookieValues(state.config.cookie.name) ?? []) {
      const record = decodeRecord(value);
      if (record && typeof record == 'object' && !(Date.parse(record.timestamp) <= Date.parse(stale?.timestamp as string))) stale = record;
    }
    const carried = stale && carryOver(state.config, stale, this.optional());
    if (!carried) return;
    if (!carried.pending!.length) {
      delete carried.pending;
      storeRecord(state.config, carried);
      this.wrote();
    }
    state.consent = carried;
    state.signalConsentMode();
    void state.activate();
  }

  /**
   * After each write of the consent cookie: what the loader compares with to notice a change made
   * elsewhere. The value written over is kept as one this page replaced (see ConsentState.overwritten).
   */
  private wrote(): void {
    const { state } = this;
    if (state.seen) (state.overwritten ??= []).push(state.seen);
    state.seen = storedValues(state.config);
  }

  acceptAll(): void {
    const { categories } = this.state.config;
    // With GPC, "accept all" leaves sale categories off; only an explicit toggle grants them.
    this.choose(
      Object.keys(categories).filter((name) => !(this.state.gpc && isSaleCategory(name, categories[name]!))),
      undefined,
      'accept-all',
    );
  }

  rejectAll(): void {
    this.choose([], undefined, 'reject-all');
  }

  setConsent(choice: ConsentChoice, options?: { method?: 'custom' | 'api' }): void {
    const { categories, services = {} } = (choice ?? {}) as Partial<ConsentChoice>;
    if (!isNameList(categories) || !isObject(services) || !Object.values(services).every(isNameList)) {
      logError('Keuze.setConsent: expected { categories: string[], services?: { [category]: string[] } }; nothing changed.');
      return;
    }
    const unknown = categories.filter((name) => !this.state.config.categories[name]);
    if (unknown.length) logError(`Keuze.setConsent: unknown categories ignored: ${unknown.join(', ')}.`);
    this.choose(categories, services, options?.method ?? 'api');
  }

  /** Forgets the choice: every copy of the consent cookie and the cookies of every optional category go. */
  reset(): void {
    const { state } = this;
    const { config } = state;
    state.sync();
    const previous = state.consent;
    if (hasDocument()) {
      removeCookies([config.cookie.name], config);
      this.wrote();
      const { cookies, keep, storage } = this.withdrawn(previous, null);
      deleteCookies(cookies, keep, config);
      deleteStorage(storage);
    }
    state.consent = null;
    state.signalConsentMode();
    this.events.emit({ type: 'consent', consent: null, previous, method: 'api', reloadRecommended: hasDocument() && activatedKeys().size > 0 });
  }

  /**
   * Tells the listeners of a choice this page did not make: another tab's, or one made after the
   * back/forward cache kept this page. The loader has applied it (gate, Consent Mode) already.
   */
  announceStored(previous: ConsentRecord | null): void {
    const { consent } = this.state;
    // The same record (another copy of it went): nothing to say.
    if (JSON.stringify(previous) == JSON.stringify(consent)) return;
    this.events.emit({
      type: 'consent',
      consent: structuredClone(consent),
      previous: structuredClone(previous),
      method: consent?.method ?? 'api',
      reloadRecommended: this.withdrawn(previous, consent).keys.some((key) => activatedKeys().has(key)),
    });
  }

  /** Leaves the choice as the only copy of the consent cookie: every copy goes first, the one it is written over too. */
  private tidy(): void {
    const { state } = this;
    if (!state.consent) return;
    removeCookies([state.config.cookie.name], state.config);
    if (storeRecord(state.config, state.consent)) this.wrote();
  }

  private optional(): string[] {
    const { categories } = this.state.config;
    return Object.keys(categories).filter((name) => !categories[name]!.readOnly);
  }

  private choose(chosen: string[], chosenServices: ConsentChoice['services'], method: ConsentMethod): void {
    const { state } = this;
    const { config } = state;
    if (!config.usable) {
      logError('consent was not stored: the config cannot work (see the errors above), so nothing optional may run.');
      return;
    }
    const categories = Object.keys(config.categories).filter((name) => config.categories[name]!.readOnly || chosen.includes(name));
    const services: Record<string, string[]> = {};
    for (const name of categories) {
      const known = Object.keys(config.categories[name]!.services ?? {});
      const picked = chosenServices?.[name];
      // A granted category without a service list gets all its services.
      if (known.length) services[name] = Array.isArray(picked) ? known.filter((service) => picked.includes(service)) : known;
    }
    // Compared with what is stored now, not with what this page remembers: another tab may have
    // changed the choice since (that change is applied and announced first).
    state.sync();
    const previous = state.consent;
    // The same choice again (ten fast clicks, a second tag) writes nothing and announces nothing.
    // (A choice with pending categories is answered, though: by leaving them off too.)
    if (previous && !previous.pending && sameChoice(previous, { categories, services })) return;

    const now = new Date().toISOString();
    const record: ConsentRecord = {
      consentId: previous?.consentId ?? newConsentId(),
      categories,
      services,
      firstGiven: previous?.firstGiven ?? now,
      timestamp: now,
      revision: config.revision,
      language: state.lang ?? config.lang ?? (hasDocument() ? document.documentElement.lang : ''),
      gpc: state.gpc,
      method,
      decisions: decisionTimes(this.optional(), categories, previous, now),
    };
    if (hasDocument()) {
      if (!storeRecord(config, record)) {
        // Secure (SameSite=None, a __Host- name) on http: some browsers allow it on localhost, WebKit never.
        const why = consentCookieAttributes(config, location).secure && location.protocol != 'https:' ? 'a Secure cookie on an http page; use https' : 'cookies blocked?';
        logWarning(`the browser did not keep the consent cookie (${why}); the choice holds for this page only.`);
      }
      this.wrote();
    }
    state.consent = record;
    // Consent Mode hears of the change before a newly granted Google tag can run.
    state.signalConsentMode();
    const withdrawn = this.withdrawn(previous, record);
    if (hasDocument()) {
      deleteCookies(withdrawn.cookies, withdrawn.keep, config);
      deleteStorage(withdrawn.storage);
      void state.activate();
    }
    this.events.emit({
      type: 'consent',
      consent: structuredClone(record),
      previous: previous && structuredClone(previous),
      method,
      reloadRecommended: hasDocument() && withdrawn.keys.some((key) => activatedKeys().has(key)),
    });
    void this.log(record);
  }

  /**
   * Proof of the decision, to the host and the configured endpoint, after everything else. Made
   * only when someone takes it: an endpoint, `onEvent`, or a `consent-log` listener.
   */
  private async log(record: ConsentRecord): Promise<void> {
    const { config, listeners } = this.state;
    if (!config.consentLog && !config.onEvent && !listeners.get('consent-log')?.size) return;
    try {
      // Its own chunk: a first visit shows the banner without waiting for it.
      const { consentLogEntry, sendLogEntry } = await import('./consent-log.js');
      const entry = await consentLogEntry(this.state, record);
      this.events.emit({ type: 'consent-log', entry });
      const endpoint = config.consentLog?.endpoint;
      // consentLog.format 'iso27560': the endpoint gets the record Keuze.receipt() returns.
      const body = config.consentLog?.format == 'iso27560' ? await (await import('./receipt.js')).consentReceipt(this.state, record) : entry;
      if (endpoint && hasDocument()) await sendLogEntry(endpoint, body);
    } catch (error) {
      logError('consentLog: the record of this decision could not be made:', error);
    }
  }

  /** The current choice as an ISO/IEC TS 27560 consent record (JSON-LD, DPV terms); null before one. */
  async receipt(): Promise<Record<string, unknown> | null> {
    const record = this.state.consent;
    return record && !record.pending ? (await import('./receipt.js')).consentReceipt(this.state, record) : null;
  }

  /** Sends, once, the entries an earlier page view could not deliver. */
  async retryLog(): Promise<void> {
    const endpoint = this.state.config.consentLog?.endpoint;
    if (endpoint) await (await import('./consent-log.js')).retryPendingLog(endpoint);
  }

  /**
   * What `next` takes away: category and `category/service` keys, and the cookies and storage keys
   * to delete; and the cookies to keep whatever the patterns say, those of the categories and
   * services `next` grants (locked ones included).
   */
  private withdrawn(previous: ConsentRecord | null, next: ConsentRecord | null): { keys: string[]; cookies: string[]; keep: string[]; storage: string[] } {
    const keys: string[] = [];
    const cookies: string[] = [];
    const keep: string[] = [];
    const storage: string[] = [];
    for (const [name, category] of Object.entries(this.state.config.categories)) {
      if (category.readOnly) keep.push(...cookiesOf(category));
      else if (!next?.categories.includes(name)) {
        if (previous?.categories.includes(name)) keys.push(name);
        // Also with no previous record: cookies left from an expired or altered one go too.
        cookies.push(...cookiesOf(category));
        storage.push(...storageOf(category));
      } else {
        const dropped = Object.keys(category.services ?? {}).filter((service) => !next.services[name]?.includes(service));
        const droppedCookies = cookiesOf(category, dropped);
        keys.push(...dropped.map((service) => `${name}/${service}`));
        cookies.push(...droppedCookies);
        storage.push(...storageOf(category, dropped));
        keep.push(...cookiesOf(category).filter((cookie) => !droppedCookies.includes(cookie)));
      }
    }
    return { keys, cookies, keep, storage };
  }
}

/**
 * Categories and `category/service` keys whose gated elements ran in this page view, read from the
 * page: a live copy keeps its data-category, an embed loses its data-src once loaded.
 */
function activatedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const element of document.querySelectorAll<HTMLElement>('[data-category]:not([type="text/plain"]):not([data-src])')) {
    const { category, service } = element.dataset;
    keys.add(category!);
    if (service) keys.add(`${category}/${service}`);
  }
  return keys;
}

function sameChoice(record: ConsentRecord, choice: Pick<ConsentRecord, 'categories' | 'services'>): boolean {
  const key = ({ categories, services }: typeof choice): string =>
    JSON.stringify([
      [...categories].sort(),
      Object.keys(services)
        .sort()
        .map((name) => [name, [...services[name]!].sort()]),
    ]);
  return key(record) === key(choice);
}
