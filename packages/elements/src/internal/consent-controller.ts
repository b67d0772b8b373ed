import type { ConsentRecord, Keuze, ResolvedConfig } from '@keuze/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { KeuzeRequestEvent, type ProvidedConfig } from './keuze-provider.js';

/**
 * Gives an element the page's Keuze (from the one provider, asked for on connect), its validated
 * config and the stored choice, and re-renders the element on every change; subscribes on
 * connect, unsubscribes on disconnect. Elements read config and consent through it and change
 * them only through this Keuze's API. Until the config is there, `config` is undefined and
 * elements render nothing.
 */
export class ConsentController implements ReactiveController {
  /** The page's Keuze, once the provider answered. */
  keuze?: Keuze;
  /**
   * The validated config (frozen: core's alone). The banner (a class with `static firstRead`)
   * shows core's quick read before it on a plain first visit (see `ProvidedConfig`).
   */
  config?: Readonly<ResolvedConfig>;
  private unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** The visitor's valid choice, or null before one is made (or before Keuze is there). */
  get record(): ConsentRecord | null {
    return this.keuze?.getConsent() ?? null;
  }

  hostConnected(): void {
    this.host.dispatchEvent(new KeuzeRequestEvent((keuze, config) => this.connect(keuze, config)));
  }

  private connect(keuze: Keuze, { first, validated }: ProvidedConfig): void {
    if (!this.host.isConnected || this.unsubscribe) return;
    this.keuze = keuze;
    this.unsubscribe = keuze.on('consent', () => this.host.requestUpdate());
    const show = (config: Readonly<ResolvedConfig>): void => {
      if (config.theme && !this.host.hasAttribute('theme')) this.host.setAttribute('theme', config.theme);
      this.config = config;
      this.host.requestUpdate();
    };
    // Only the banner shows the first read; the validated config, which follows it, replaces it.
    if ((this.host.constructor as { firstRead?: boolean }).firstRead && first != validated) void first.then(show);
    void validated.then(show);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
