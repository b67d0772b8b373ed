import type { ConsentRecord, Keuze, ResolvedConfig } from '@keuze/core';
import { logError } from '@keuze/core/internal';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { startLanguage } from './i18n/i18n.js';

let reported = false;

/**
 * The page's Keuze: set by the script tag or by `init()` from @keuze/core. Markup can put an
 * element at `window.Keuze` (`<form id="Keuze">`, DOM clobbering): that is no Keuze.
 */
export function pageKeuze(): Keuze | undefined {
  const keuze = window.Keuze;
  return typeof keuze?.getConsent == 'function' ? keuze : undefined;
}

const waiting = new Set<() => void>();

/**
 * Calls back once the page has a Keuze. A bundle may define the elements before it calls init():
 * the elements then wait for `window.Keuze` to be set (a setter catches it; nothing polls), and
 * say so if the page has been loaded for two seconds without one.
 */
function whenKeuze(callback: () => void): void {
  if (pageKeuze()) return callback();
  waiting.add(callback);
  if (waiting.size > 1) return;
  Object.defineProperty(window, 'Keuze', {
    configurable: true,
    get: () => undefined,
    set(keuze: Keuze) {
      Object.defineProperty(window, 'Keuze', { value: keuze, writable: true, configurable: true, enumerable: true });
      for (const waiter of [...waiting]) waiter();
      waiting.clear();
    },
  });
  const reportMissing = (): void => {
    if (pageKeuze() || reported) return;
    reported = true;
    logError('Keuze elements need Keuze running on the page: add the script tag, or call init(config, { ui }).');
  };
  // An app may start Keuze a little after the page loaded; two seconds on, it is missing.
  if (document.readyState == 'complete') setTimeout(reportMissing, 2000);
  else window.addEventListener('load', () => setTimeout(reportMissing, 2000), { once: true });
}

/**
 * Gives an element the page's validated config and consent, and re-renders it on every change;
 * subscribes on connect, unsubscribes on disconnect. Elements change consent only through this
 * Keuze's API. Until the config is there, `config` is undefined and elements render nothing.
 */
export class ConsentController implements ReactiveController {
  config?: ResolvedConfig;
  private unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  get keuze(): Keuze | undefined {
    return pageKeuze();
  }

  /** The visitor's stored choice, or null before there is one. */
  get record(): ConsentRecord | null {
    return this.keuze?.getConsent() ?? null;
  }

  hostConnected(): void {
    whenKeuze(() => this.connect());
  }

  private connect(): void {
    const keuze = this.keuze;
    if (!keuze || !this.host.isConnected || this.unsubscribe) return;
    this.unsubscribe = keuze.on('consent', () => this.host.requestUpdate());
    void keuze.validConfig().then((config) => {
      startLanguage(config);
      if (config.theme && !this.host.hasAttribute('theme')) this.host.setAttribute('theme', config.theme);
      this.config = config;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
