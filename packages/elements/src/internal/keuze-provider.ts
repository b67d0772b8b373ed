import type { Keuze, ResolvedConfig } from '@keuze/core';
import { logError } from '@keuze/core/internal';

/** What the UI hands the elements: the config to show first, and the validated one. */
export interface ProvidedConfig {
  /**
   * What the banner shows first, once the UI shows its texts in the language core keeps (an element
   * rendered earlier would flash the fallback language): on a plain first visit core's quick read
   * (`KeuzeUiLink.bannerFirst`, issue 16), else the validated config.
   */
  first: Promise<Readonly<ResolvedConfig>>;
  /** The validated config, which every other element waits for (the same promise when there is no quick read to show). */
  validated: Promise<Readonly<ResolvedConfig>>;
}

/** Called with the page's Keuze and its config. */
export type KeuzeAnswer = (keuze: Keuze, config: ProvidedConfig) => void;

/**
 * The request an element makes on connect for the page's Keuze: it bubbles and crosses shadow
 * roots to the document, where the one provider answers (the protocol of @lit/context, for one
 * value per page). Asked before the provider exists (an npm app that defines the elements before
 * it calls init()), the request waits and is answered when the provider appears.
 */
export class KeuzeRequestEvent extends Event {
  static readonly type = 'keuze-request';

  constructor(readonly answer: KeuzeAnswer) {
    super(KeuzeRequestEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KeuzeRequestEvent.type]: KeuzeRequestEvent;
  }
}

let provided: [Keuze, ProvidedConfig] | undefined;
const waiting = new Set<KeuzeAnswer>();
let reported = false;

/**
 * Makes `keuze` the page's one provided Keuze, answering the requests that waited for it. Called
 * once, by `ui.connect()`, when core hands its instance to the UI; a second Keuze is ignored.
 */
export function provideKeuze(keuze: Keuze, config: ProvidedConfig): void {
  if (provided) return;
  provided = [keuze, config];
  for (const answer of waiting) answer(keuze, config);
  waiting.clear();
}

const reportMissing = (): void => {
  if (provided || reported || !waiting.size) return;
  reported = true;
  logError('Keuze elements need Keuze running on the page: add the script tag, or call init(config, { ui }).');
};

// The one listener, registered when the elements' code loads (on a server there is no document).
globalThis.document?.addEventListener(KeuzeRequestEvent.type, (event) => {
  event.stopPropagation();
  if (provided) return event.answer(...provided);
  waiting.add(event.answer);
  // An app may start Keuze a little after the page loaded; two seconds on, it is missing.
  if (document.readyState == 'complete') setTimeout(reportMissing, 2000);
  else addEventListener('load', () => setTimeout(reportMissing, 2000), { once: true });
});
