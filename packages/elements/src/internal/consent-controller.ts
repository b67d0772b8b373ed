import type { ConsentRecord, Keuze, ResolvedConfig } from '@keuze/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { KeuzeRequestEvent } from './keuze-provider.js';

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
  /** The validated config (frozen: core's alone). */
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

  private connect(keuze: Keuze, config: Promise<Readonly<ResolvedConfig>>): void {
    if (!this.host.isConnected || this.unsubscribe) return;
    this.keuze = keuze;
    this.unsubscribe = keuze.on('consent', () => this.host.requestUpdate());
    void config.then((validated) => {
      if (validated.theme && !this.host.hasAttribute('theme')) this.host.setAttribute('theme', validated.theme);
      this.config = validated;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
