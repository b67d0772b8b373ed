import { ownData, PENDING_LOG_KEY, readConfigForPageView, type ResolvedConfig } from './config.js';
import type { checkConfig } from './config-validation.js';
import type { explain, Notice } from './notices.js';
import type { reportUndeclared } from './undeclared.js';
import type { ConsentEngine } from './consent-engine.js';
import type { startConsentMode } from './consent-mode.js';
import { cookieText, cookieValues } from './cookies/cookie-access.js';
import { isGranted, readStoredConsent, type AnyListener, type ConsentState, type KeuzeUiLink } from './consent-state.js';
import { createGate, GATED_SELECTOR } from './gating.js';
import { logError } from './log.js';
import type { ConsentChoice, ConsentRecord, KeuzeConfig, KeuzeEventOf, KeuzeEventType } from './types.js';

export type KeuzeListener<T extends KeuzeEventType> = (event: KeuzeEventOf<T>) => unknown;

/** The page's Keuze: `window.Keuze` for the script tag, the return value of `init()` for npm users. */
export interface Keuze {
  /** The config in use: the quick read, then (once loaded) the validated one. Frozen: change it in the page's config. */
  readonly config: Readonly<ResolvedConfig>;
  /** The visitor's valid choice, or null before one is made. */
  getConsent(): ConsentRecord | null;
  isGranted(category: string, service?: string): boolean;
  /** Subscribes to consent changes or to the proof of each decision; returns the unsubscribe function. */
  on<T extends 'consent' | 'consent-log' | 'undeclared-storage'>(type: T, listener: KeuzeListener<T>): () => void;
  /** Resolves once the choice is stored, gated elements run and listeners are called. */
  acceptAll(): Promise<void>;
  rejectAll(): Promise<void>;
  setConsent(choice: ConsentChoice, options?: { method?: 'custom' | 'api' }): Promise<void>;
  /** Forgets the choice and deletes the cookies of optional categories; the visitor is asked again. */
  reset(): Promise<void>;
  /**
   * The current choice as a consent record in the structure of ISO/IEC TS 27560:2023, in W3C DPV
   * terms, as JSON-LD (docs/api.md maps each field); null before a choice. Loads the engine.
   */
  receipt(): Promise<Record<string, unknown> | null>;
  /** Opens the preferences dialog; focus returns to `opener` (by default the focused element) on close. */
  showPreferences(opener?: Element | null): Promise<void>;
  /**
   * Switches every Keuze element to this language (a BCP 47 tag; `nl-BE` shows `nl`), live; the
   * next consent record stores it. Without a tag: the config's `lang`, else the page's, else the
   * browser's. A language without texts is reported and the current one stays.
   */
  setLanguage(lang?: string): Promise<void>;
  /**
   * The config after full validation (labels, texts, privacy link checked), which the script tag
   * loads only when something needs it. Elements render from this.
   */
  validConfig(): Promise<Readonly<ResolvedConfig>>;
}

/** What the elements package provides to the engine: the visible half, loaded on demand. */
export interface KeuzeUi {
  /**
   * Called once, when the UI's code has loaded and before any other method: the page's Keuze,
   * which the UI provides to every element, and core's link for what the UI shows. The UI then
   * shows its texts in the default language (the config's `lang`, else the page's or browser's).
   */
  connect(keuze: Keuze, core: KeuzeUiLink): void;
  /** Puts the element in the page unless one is there: the banner first in <body>, the button last. */
  mount(element: 'banner' | 'reopen-button'): Promise<void>;
  /** Opens the dialog; focus returns to `opener` (by default the focused element) when it closes. */
  showPreferences(opener?: Element | null): Promise<void>;
  /** Shows the texts in the best match for `lang` (see `Keuze.setLanguage`), and tells core through its link. */
  setLanguage(lang?: string): Promise<void>;
  /** Defines a keuze-* element found in the page, loading only its code. */
  define(tag: string): Promise<void>;
  /** Stands a placeholder with a choice (`<keuze-embed-placeholder>`) before each blocked iframe. */
  placeholders?(embeds: Element[]): Promise<void>;
}

declare global {
  interface Window {
    /** The page's one Keuze, set by the script tag or `init()`. */
    Keuze?: Keuze;
    /** Config (and the `onEvent` callback) a page sets before the Keuze script tag. */
    KeuzeConfig?: Partial<KeuzeConfig>;
  }
}

/**
 * How the write path and the diagnostics (full config validator, console wording) arrive:
 * imported statically by npm users, as lazy chunks by the script tag.
 */
export interface KeuzeLoaders {
  engine: () => Promise<typeof ConsentEngine>;
  diagnostics: () => Promise<{ checkConfig: typeof checkConfig; explain: typeof explain; reportUndeclared: typeof reportUndeclared }>;
  /** Loaded only for a config with `googleConsentMode`. */
  consentMode: () => Promise<typeof startConsentMode>;
  /**
   * The elements; without them the API's UI methods report that none is loaded. `tag`: the
   * keuze-* element wanted, whose files the script tag then fetches alongside (one round trip).
   */
  ui?: (tag?: string) => Promise<KeuzeUi>;
}

/** The link or button of the site's own that opens the preferences dialog. */
const OPENER = '[data-keuze-open=preferences]';

/** Gated markup, and keuze-* elements not yet defined: what a page view looks for, in one query. */
const WATCHED = `${GATED_SELECTOR},:not(:defined)`;

/**
 * Reads the config, applies the stored choice and publishes the page's Keuze: all a returning
 * visit runs. A second call (a second script tag, or the tag plus an npm import) warns and returns
 * the first, so a page never gets two banners, two cookie writes or two events per decision.
 * Never throws.
 */
export function startKeuze(pageInput: unknown, loaders: KeuzeLoaders): Keuze {
  const notify = (notice: Notice): void => void loaders.diagnostics().then((chunk) => chunk.explain(notice), logError);
  const existing = globalThis.window?.Keuze;
  // A function: markup such as <form id="Keuze"><input name="getConsent"> is not a running Keuze.
  if (typeof existing?.getConsent == 'function') {
    notify(['twice']);
    return existing;
  }
  // Read once, as data: the quick read and the validator (maybe much later) see the same config.
  const input = ownData(pageInput);
  const config = readConfigForPageView(input);
  let ui: Promise<KeuzeUi> | undefined;
  let validated = false;
  /** Pushes Google Consent Mode's `consent update`, once a config with `googleConsentMode` started it. */
  let consentMode: (() => void) | undefined;
  const granted = (category: string, service?: string): boolean => isGranted(state, category, service);
  // Written here only (readonly to the rest): the config, and what the UI shows.
  const state: ConsentState & { config: ResolvedConfig; lang?: string; texts?: string; bannerFirst: boolean } = {
    config,
    input,
    bannerFirst: false,
    consent: null,
    gpc: globalThis.navigator?.globalPrivacyControl === true,
    listeners: new Map(),
    validateConfig(check) {
      if (!validated) state.config = check(input);
      validated = true;
      return state.config;
    },
    signalConsentMode: () => consentMode?.(),
    showing(lang, texts) {
      state.lang = lang;
      state.texts = texts;
    },
    activate: () => activate(),
    // Another tab, or this page before the back/forward cache kept it, changed the choice: the
    // stored one applies at once (gate, Consent Mode); the engine announces it.
    sync() {
      const previous = state.consent;
      const now = String(cookieValues(state.config.cookie.name));
      if (config.usable && now != state.seen && !state.overwritten?.includes(now)) {
        state.consent = readStoredConsent(state, notify);
        state.signalConsentMode();
        void activate();
        void loadEngine().then((loaded) => loaded?.announceStored(previous));
      }
    },
  };
  if (config.usable) state.consent = readStoredConsent(state, notify);
  // No copy of the consent cookie at all (`seen` is empty) and no signal to act on: see KeuzeUiLink.
  state.bannerFirst = config.usable && !state.seen && !state.gpc;
  // Consent Mode's defaults must be in the dataLayer before any gated tag runs: the gate waits for
  // them, and stays shut if they cannot be set (a missing chunk, a blocked request, a broken
  // dataLayer). A Google tag gated on `necessary` would otherwise run as if consent were given.
  const ready =
    config.googleConsentMode && globalThis.document
      ? loaders
          .consentMode()
          .then((startConsentMode) => {
            consentMode = startConsentMode(() => state.config, granted);
            if (state.consent) state.signalConsentMode();
          })
          .catch((error: unknown) => {
            notify(['consent-mode', error]);
            return new Promise<void>(() => {});
          })
      : undefined;
  // Under 'strict-dynamic' the nonce of Keuze's own script tag tells the site's markup from injected markup.
  const ownScript = globalThis.document && ((document.currentScript as HTMLScriptElement | null) ?? [...document.scripts].find((script) => script.src == import.meta.url));
  const activate = createGate(granted, notify, ready, ownScript?.nonce);
  const validate = (): Promise<Readonly<ResolvedConfig>> => loaders.diagnostics().then((chunk) => state.validateConfig(chunk.checkConfig));
  // Without categories nothing can be granted: say why at once.
  if (!config.usable) void validate().catch(logError);

  let engine: Promise<ConsentEngine | void> | undefined;
  const loadEngine = (): Promise<ConsentEngine | void> =>
    (engine ??= loaders.engine().then(
      (Engine) => new Engine(state),
      (error: unknown) => {
        engine = undefined;
        notify(['engine', error]);
      },
    ));
  // The UI's code, handed this Keuze once, when it first loads. Each call names the keuze-* element
  // it is for, whose files the script tag then fetches alongside (one round trip).
  const withUi: WithUi = (act, tag) => {
    const loading = loaders.ui?.(tag);
    if (!loading) return Promise.resolve(notify(['ui']));
    ui ??= loading.then((loaded) => (loaded.connect(keuze, state), loaded));
    return ui.then(act).catch(logError);
  };

  const keuze = {
    get config() {
      return state.config;
    },
    getConsent: () => structuredClone(state.consent),
    isGranted: granted,
    // A listener that is not a function is reported when an event reaches it, like one that throws.
    on(type: KeuzeEventType, listener: AnyListener) {
      const set = state.listeners.get(type) ?? new Set<AnyListener>();
      state.listeners.set(type, set.add(listener));
      return () => void set.delete(listener);
    },
    // While the engine loads (every first visit) it validates: no second chunk. On a plain first
    // visit the UI asks once the banner is on screen, and the engine is wanted then anyway.
    validConfig: () => (engine || state.bannerFirst ? loadEngine().then(() => state.config) : validate()),
  } as Keuze;
  // The methods that change something (and the receipt) load their code when first called.
  for (const method of ['acceptAll', 'rejectAll', 'setConsent', 'reset', 'receipt'] as const) {
    (keuze as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => loadEngine().then((loaded) => loaded && (loaded[method] as (...a: unknown[]) => unknown)(...args));
  }
  for (const method of ['showPreferences', 'setLanguage'] as const) {
    keuze[method] = (arg?: unknown) => withUi((loaded) => (loaded[method] as (a: unknown) => Promise<void>)(arg));
  }
  // On a server there is no page to gate: the instance only reads and reports.
  if (globalThis.document) {
    window.Keuze = keuze;
    // A page shown again from the back/forward cache, or a choice made in another tab: the stored
    // choice is re-read before anything else runs. cookieStore reports other tabs' changes where
    // browsers have it; elsewhere a tab that becomes visible checks.
    // (Not on the page's first load, which just read it: each read of document.cookie is a round
    // trip to the browser's cookie store, about 1 ms of a phone's main thread, measured.)
    addEventListener('pageshow', (event) => event.persisted && state.sync());
    document.addEventListener('visibilitychange', state.sync);
    (globalThis as { cookieStore?: EventTarget }).cookieStore?.addEventListener('change', state.sync);
    const scan = (root: Element | Document): void => {
      const found = [root, ...root.querySelectorAll(WATCHED)] as Element[];
      const gated = found.filter((element) => element.matches?.(GATED_SELECTOR)) as HTMLElement[];
      void activate(gated);
      // Blocked iframes get a placeholder with a choice; their code loads only when there is one.
      const blocked = gated.filter((element) => element.localName == 'iframe' && !granted(element.dataset.category!, element.dataset.service));
      if (blocked.length && loaders.ui) void withUi((loaded) => loaded.placeholders!(blocked));
      for (const { localName } of found) if (loaders.ui && localName?.startsWith('keuze-')) void withUi((loaded) => loaded.define(localName), localName);
    };
    // Undeclared cookies and storage keys (issue 19.5): a quick look here, the words in the
    // diagnostics chunk, which loads only when this finds a name the config may not declare.
    const reported = new Set<string>();
    const detect = (): void => {
      if (state.config.detectUndeclared === false) return;
      // Every name the config holds, and Keuze's own (keuze_*), as JSON strings; `*` ends a prefix.
      const declared = JSON.stringify([state.config.categories, config.cookie.name, 'keuze_*']);
      // Past markup that clobbers document.cookie, and nothing in a frame without cookie access.
      let names = (cookieText() ?? '').split('; ').map((pair) => pair.split('=')[0]!);
      try {
        names = names.concat(Object.keys(localStorage), Object.keys(sessionStorage));
      } catch {
        // Storage blocked: nothing in it to report.
      }
      const prefixes = [...declared.matchAll(/"([^"]*)\*"/g)].map(([, prefix]) => prefix!);
      const found = names.filter((name) => name && !reported.has(name) && !declared.includes(`"${name}"`) && !prefixes.some((prefix) => name.startsWith(prefix)));
      for (const name of found) reported.add(name);
      if (found.length) void loaders.diagnostics().then((chunk) => chunk.reportUndeclared(state, found), logError);
    };
    const start = (): void => {
      scan(document);
      detect();
      keuze.on('consent', detect);
      // 'auto' (the default): a way to withdraw on every page, unless the page has its own link.
      const { reopenButton } = state.config;
      if (loaders.ui && reopenButton !== false && (reopenButton === true || !document.querySelector(OPENER))) void withUi((loaded) => loaded.mount('reopen-button'));
      // Gated markup and keuze-* elements that a SPA or a loaded fragment adds later.
      new MutationObserver((mutations) => {
        state.sync();
        for (const { addedNodes } of mutations) for (const node of addedNodes) if (node instanceof Element) scan(node);
      }).observe(document.documentElement, { childList: true, subtree: true });
    };
    // A classic script in <head> runs before the body is parsed: wait for the markup it gates.
    if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
    if (loaders.ui) connectUi(keuze, withUi);
    // Proof of consent that an earlier page view could not deliver: sent once more, by the engine.
    try {
      if (config.consentLog && localStorage.getItem(PENDING_LOG_KEY)) void loadEngine().then((loaded) => loaded?.retryLog());
    } catch {
      // Storage blocked: there is nothing kept to retry.
    }
  }
  // No valid choice: the visitor is about to make one, so fetch the write path now (but after the
  // banner, when the UI shows it first). Several copies of the cookie (one name, other domains or
  // paths): the engine leaves only the choice.
  if (config.usable && (!state.consent || state.seen!.includes(',')) && !(state.bannerFirst && loaders.ui && globalThis.document)) void loadEngine();
  return keuze;
}

type WithUi = (act: (ui: KeuzeUi) => Promise<void>, tag?: string) => Promise<void>;

/** The banner whenever there is no valid choice, the settings button, and the footer links. */
function connectUi(keuze: Keuze, withUi: WithUi): void {
  // (With an unusable config the banner renders nothing: there is nothing to ask.)
  const prompt = (): unknown => !keuze.getConsent() && withUi((ui) => ui.mount('banner'));
  prompt();
  keuze.on('consent', prompt);
  // The link every site needs to let visitors change their mind, found also inside shadow roots.
  document.addEventListener('click', (event) => {
    const opener = event.composedPath().find((target) => (target as Element).matches?.(OPENER));
    if (opener) {
      event.preventDefault();
      void keuze.showPreferences(opener as Element);
    }
  });
}
