import { readConfig, type ResolvedConfig } from './config.js';
import type { checkConfig } from './config-validation.js';
import type { explain, Notice } from './notices.js';
import type { ConsentEngine } from './consent-engine.js';
import { ConsentState, type AnyListener } from './consent-state.js';
import { logError } from './log.js';
import type { ConsentChoice, ConsentRecord, KeuzeConfig, KeuzeEventOf, KeuzeEventType } from './types.js';

export type KeuzeListener<T extends KeuzeEventType> = (event: KeuzeEventOf<T>) => unknown;

/** The page's Keuze: `window.Keuze` for the script tag, the return value of `init()` for npm users. */
export interface Keuze {
  readonly config: ResolvedConfig;
  /** The visitor's valid choice, or null before one is made. */
  getConsent(): ConsentRecord | null;
  isGranted(category: string, service?: string): boolean;
  /** Subscribes to an event type; returns the unsubscribe function. */
  on<T extends KeuzeEventType>(type: T, listener: KeuzeListener<T>): () => void;
  /** Resolves once the choice is stored, gated elements run and listeners are called. */
  acceptAll(): Promise<void>;
  rejectAll(): Promise<void>;
  setConsent(choice: ConsentChoice, options?: { method?: 'custom' | 'api' }): Promise<void>;
  /** Forgets the choice and deletes the cookies of optional categories; the visitor is asked again. */
  reset(): Promise<void>;
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
  diagnostics: () => Promise<{ checkConfig: typeof checkConfig; explain: typeof explain }>;
}

/**
 * Validates the config, applies the stored choice and publishes the page's Keuze. A second call
 * (a second script tag, or the tag plus an npm import) warns and returns the first, so a page
 * never gets two banners, two cookie writes or two events per decision. Never throws.
 */
export function startKeuze(input: unknown, loaders: KeuzeLoaders): Keuze {
  const notify = (notice: Notice): void => void loaders.diagnostics().then((chunk) => chunk.explain(notice), logError);
  const existing = globalThis.window?.Keuze;
  if (existing?.getConsent) {
    notify(['twice']);
    return existing;
  }
  const { config, checked } = readConfig(input);
  const state = new ConsentState(input, config, notify);
  // The quick read found something off: load the validator to say what, and to use its result.
  if (!checked) void loaders.diagnostics().then((chunk) => state.useValidatedConfig(chunk.checkConfig), logError);

  let engine: Promise<ConsentEngine | void> | undefined;
  const loadEngine = (): Promise<ConsentEngine | void> =>
    (engine ??= loaders.engine().then(
      (Engine) => new Engine(state),
      (error: unknown) => {
        engine = undefined;
        logError('could not load the consent engine; the choice was not stored:', error);
      },
    ));
  const change = (act: (engine: ConsentEngine) => void) => (): Promise<void> =>
    loadEngine().then((loaded) => loaded && act(loaded));

  const keuze: Keuze = {
    get config() {
      return state.config;
    },
    getConsent: () => (state.consent ? structuredClone(state.consent) : null),
    isGranted: (category, service) => state.isGranted(category, service),
    // A listener that is not a function is reported when an event reaches it, like one that throws.
    on(type, listener) {
      const set = state.listeners.get(type) ?? new Set<AnyListener>();
      state.listeners.set(type, set.add(listener as AnyListener));
      return () => void set.delete(listener as AnyListener);
    },
    acceptAll: change((e) => e.acceptAll()),
    rejectAll: change((e) => e.rejectAll()),
    setConsent: (choice, options) => change((e) => e.setConsent(choice, options?.method))(),
    reset: change((e) => e.reset()),
  };
  // On a server there is no page to gate: the instance only reads and reports.
  if (globalThis.document) {
    window.Keuze = keuze;
    state.start();
  }
  // No valid choice: the visitor is about to make one, so fetch the write path now.
  if (!state.consent && config.usable) void loadEngine();
  return keuze;
}
