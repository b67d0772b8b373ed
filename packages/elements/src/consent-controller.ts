import { logError, type ConsentRecord, type Keuze } from '@keuze/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

let reported = false;

/** The page's Keuze: set by the script tag or by `init()` from @keuze/core. */
export function pageKeuze(): Keuze | undefined {
  const keuze = window.Keuze;
  if (!keuze && !reported) {
    reported = true;
    logError('Keuze elements need Keuze running on the page: add the script tag, or call init(config) from @keuze/core first.');
  }
  return keuze;
}

/**
 * Gives an element the page's consent and re-renders it on every change; subscribes on connect,
 * unsubscribes on disconnect. Elements change consent only through this Keuze's API.
 */
export class ConsentController implements ReactiveController {
  private unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get keuze(): Keuze | undefined {
    return pageKeuze();
  }

  get consent(): ConsentRecord | null {
    return this.keuze?.getConsent() ?? null;
  }

  hostConnected(): void {
    this.unsubscribe = this.keuze?.on('consent', () => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }
}
