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
  #done = new WeakSet<Element>();
  #queue = Promise.resolve();
  #observer?: MutationObserver;
  #isAllowed: IsAllowed;

  constructor(isAllowed: IsAllowed) {
    this.#isAllowed = isAllowed;
  }

  /** Activates the allowed gated elements (by default all in the document), in document order. */
  activate(elements: Iterable<Element> = document.querySelectorAll(GATED_SELECTOR)): Promise<void> {
    const ready = [...elements].filter((element) => this.#claim(element as HTMLElement));
    // Scripts wait for the scripts before them, also across calls, so order holds page-wide.
    return (this.#queue = this.#queue.then(() => run(ready)));
  }

  /**
   * Handles gated elements that a SPA or a loaded fragment adds later, and hands every added
   * element to `onAdded` (the script tag looks for keuze-* elements to define).
   */
  watch(onAdded?: (element: Element) => void): void {
    if (this.#observer) return;
    this.#observer = new MutationObserver((mutations) => {
      const gated: Element[] = [];
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) {
          if (!(node instanceof Element)) continue;
          onAdded?.(node);
          if (node.matches(GATED_SELECTOR)) gated.push(node);
          gated.push(...node.querySelectorAll(GATED_SELECTOR));
        }
      }
      if (gated.length) void this.activate(gated);
    });
    this.#observer.observe(document.documentElement, { childList: true, subtree: true });
  }

  #claim(element: HTMLElement): boolean {
    if (this.#done.has(element) || !element.isConnected) return false;
    const { category, service } = element.dataset;
    if (!this.#isAllowed(category!, service)) return false;
    this.#done.add(element);
    return true;
  }
}

async function run(elements: Element[]): Promise<void> {
  for (const element of elements) {
    if (element instanceof HTMLScriptElement) await runScript(element);
    else loadEmbed(element as HTMLElement);
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
