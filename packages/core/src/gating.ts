/**
 * Gated markup, the convention site owners know from vanilla-cookieconsent:
 *   <script type="text/plain" data-category="analytics" [data-service="x"] [src]>
 *   <iframe|img|video|link … data-src="…" data-category="…">  (a link's data-src becomes its href)
 * An element runs (or loads) once its category, and service if named, is granted.
 */
export const GATED_SELECTOR = 'script[type="text/plain"][data-category],[data-src][data-category]';

export type IsAllowed = (category: string, service?: string) => boolean;

export class Gate {
  /** Elements already activated (or queued): each runs exactly once. */
  private readonly done = new WeakSet<Element>();
  /** Categories and services whose elements ran in this page view: withdrawing them needs a reload. */
  readonly ran = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private observer?: MutationObserver;

  constructor(
    private readonly isAllowed: IsAllowed,
    private readonly isKnown: (element: HTMLElement) => boolean,
  ) {}

  /** Activates the allowed gated elements (by default all in the document), in document order. */
  activate(elements: Iterable<Element> = document.querySelectorAll(GATED_SELECTOR)): Promise<void> {
    const ready = [...elements].filter((element) => this.claim(element as HTMLElement));
    // Scripts wait for the scripts before them, also across calls, so order holds page-wide.
    this.queue = this.queue.then(() => this.run(ready));
    return this.queue;
  }

  /** Handles gated elements that a SPA or a loaded fragment adds later. */
  watch(): void {
    if (this.observer || typeof MutationObserver === 'undefined') return;
    this.observer = new MutationObserver((mutations) => {
      const gated = mutations.flatMap((mutation) =>
        [...mutation.addedNodes].flatMap((node) =>
          node instanceof Element ? [...(node.matches(GATED_SELECTOR) ? [node] : []), ...node.querySelectorAll(GATED_SELECTOR)] : [],
        ),
      );
      if (gated.length) void this.activate(gated);
    });
    this.observer.observe(document.documentElement, { childList: true, subtree: true });
  }

  private claim(element: HTMLElement): boolean {
    if (this.done.has(element) || !element.isConnected || !this.isKnown(element)) return false;
    const { category, service } = element.dataset;
    if (!this.isAllowed(category!, service)) return false;
    this.done.add(element);
    this.ran.add(category!);
    if (service) this.ran.add(`${category}/${service}`);
    return true;
  }

  private async run(elements: Element[]): Promise<void> {
    for (const element of elements) {
      if (element instanceof HTMLScriptElement) await runScript(element);
      else loadEmbed(element as HTMLElement);
    }
  }
}

/** Replaces an inert script with a live copy; resolves once it has run, or failed to load. */
function runScript(inert: HTMLScriptElement): Promise<void> {
  const live = document.createElement('script');
  // Every attribute carries over (async, defer, crossorigin, integrity, data-category…) but the
  // inert type; `data-type="module"` becomes the live type.
  for (const { name, value } of inert.attributes) if (name != 'type') live.setAttribute(name, value);
  live.type = inert.dataset.type ?? '';
  // The nonce attribute reads as empty once parsed (CSP hides it); the property keeps it.
  live.nonce = inert.nonce;
  live.text = inert.text;
  // Inserted scripts default to async; an external one without `async` keeps document order.
  // (The attribute, not the property: an inert script's `async` property reads true in Chromium.)
  const async = inert.hasAttribute('async');
  live.async = async;
  return new Promise((resolve) => {
    // A 404 or a blocked host must not stall the scripts after it.
    live.onload = live.onerror = () => resolve();
    inert.replaceWith(live);
    if (!inert.src || async) resolve();
  });
}

function loadEmbed(element: HTMLElement): void {
  element.setAttribute(element.localName == 'link' ? 'href' : 'src', element.dataset.src!);
  delete element.dataset.src;
}
