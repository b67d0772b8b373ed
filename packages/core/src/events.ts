import type { AnyListener } from './consent-state.js';
import { logError, logWarning } from './log.js';
import type { KeuzeEvent, KeuzeEventType } from './types.js';

/**
 * Delivers each event to the host's `onEvent`, to `on()` listeners and as a `keuze-<type>` DOM
 * event on `document`. A listener that throws, rejects or never settles is reported and skipped:
 * it cannot hold up the cookie write, the gated scripts or the other listeners.
 */
export class EventHub {
  constructor(
    private readonly listeners: Map<KeuzeEventType, Set<AnyListener>>,
    private readonly hostCallback: AnyListener | undefined,
    private readonly timeout: number,
  ) {}

  /**
   * Each recipient gets its own copy of `event`, so one that changes it (`event.type = 'x'`) cannot
   * change what the next one hears, or what Keuze itself reacts to (the banner after `reset()`).
   */
  emit(event: KeuzeEvent): void {
    const { type } = event;
    if (this.hostCallback) this.deliver(this.hostCallback, 'config.onEvent', event);
    for (const listener of [...(this.listeners.get(type) ?? [])]) this.deliver(listener, `a Keuze.on("${type}") listener`, event);
    if (typeof document !== 'undefined') document.dispatchEvent(new CustomEvent(`keuze-${type}`, { detail: structuredClone(event) }));
  }

  private deliver(listener: AnyListener, name: string, event: KeuzeEvent): void {
    try {
      const result = listener(structuredClone(event));
      if (result && typeof (result as PromiseLike<unknown>).then === 'function') {
        let settled = false;
        const timer = setTimeout(() => {
          if (!settled) logWarning(`${name} has not settled ${this.timeout} ms after the "${event.type}" event; Keuze did not wait for it.`);
        }, this.timeout);
        Promise.resolve(result)
          .then(
            () => (settled = true),
            (reason: unknown) => logError(`${name} rejected on the "${event.type}" event:`, reason),
          )
          .finally(() => {
            settled = true;
            clearTimeout(timer);
          });
      }
    } catch (error) {
      logError(`${name} threw on the "${event.type}" event:`, error);
    }
  }
}
