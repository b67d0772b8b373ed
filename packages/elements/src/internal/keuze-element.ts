import { LitElement, type PropertyDeclarations } from 'lit';
import { ConsentController } from './consent-controller.js';
import { I18nController } from './i18n-controller.js';

/**
 * The name of every event a Keuze element sends: each element registers its own in
 * `GlobalEventHandlersEventMap` (name and `CustomEvent<Detail>`), beside its class.
 */
export type KeuzeEventName = Extract<keyof GlobalEventHandlersEventMap, `keuze-${string}`>;

/** The detail an event carries, as registered; events without one take no argument. */
type DetailArgument<K extends KeuzeEventName> = [GlobalEventHandlersEventMap[K]] extends [CustomEvent<infer Detail>] ? ([Detail] extends [void] ? [] : [detail: Detail]) : never;

/**
 * What every Keuze element has: the `theme` attribute, the page's Keuze with its config and the
 * visitor's consent (re-rendering on every change), the language shown (re-rendering on a
 * switch), and `emit()` for its events. Not an element itself: no tag, no entry in the manifest
 * (where each element lists what it inherits from here).
 * @internal
 */
export class KeuzeElement extends LitElement {
  // Declared without a decorator: esbuild writes a decorator helper into each module that has one,
  // and this module is in every first visit's download.
  static override properties: PropertyDeclarations = { theme: { reflect: true } };

  /** `light`, `dark`, or `auto` (the default) to follow the visitor's colour scheme. */
  declare theme?: 'light' | 'dark' | 'auto';

  /** The page's Keuze, its validated config and the consent record; until the config is there, elements render nothing. */
  protected readonly consent = new ConsentController(this);

  /** Re-renders on a language switch and keeps the element's `lang` and `dir` to the language shown. */
  protected readonly languageController = new I18nController(this);

  /**
   * Sends one of this element's events. It bubbles and crosses shadow roots (composed), so a page
   * can listen on the element or on `document`. The name and detail are checked against
   * `GlobalEventHandlersEventMap`: a misspelt event, or a detail of the wrong shape, does not compile.
   * @internal
   */
  emit<K extends KeuzeEventName>(name: K, ...[detail]: DetailArgument<K>): void {
    // Made first, then sent: the manifest analyzer takes `dispatchEvent(new CustomEvent(name…))` for
    // an event called "name"; each element documents its own events with @fires.
    const event = new CustomEvent(name, { bubbles: true, composed: true, detail });
    this.dispatchEvent(event);
  }
}
