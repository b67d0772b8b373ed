import { logError, type ConsentRecord, type Keuze, type ResolvedConfig } from '@keuze/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { startLanguage } from './i18n/i18n.js';

let reported = false;

/** The page's Keuze: set by the script tag or by `init()` from @keuze/core. */
export function pageKeuze(): Keuze | undefined {
  const keuze = window.Keuze;
  if (!keuze && !reported) {
    reported = true;
    logError('Keuze elements need Keuze running on the page: add the script tag, or call init(config, { ui }) first.');
  }
  return keuze;
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

  get consent(): ConsentRecord | null {
    return this.keuze?.getConsent() ?? null;
  }

  hostConnected(): void {
    const keuze = this.keuze;
    if (!keuze) return;
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
  }
}
