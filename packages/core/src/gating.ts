/**
 * Gated markup, the convention site owners know from vanilla-cookieconsent:
 *   <script type="text/plain" data-category="analytics" [data-service="x"] [src or data-src]>
 *   <iframe|img|video|link … data-src="…" data-category="…">  (a link's data-src becomes its href)
 * An element runs (or loads) once its category, and service if named, is granted.
 */
export const GATED_SELECTOR = 'script[type="text/plain"][data-category],[data-src][data-category]';

export type IsAllowed = (category: string, service?: string) => boolean;

/**
 * Returns the function that activates the allowed gated elements (by default all in the page) in
 * document order. Each element runs exactly once; scripts wait for the scripts before them, also
 * across calls, so order holds page-wide.
 */
export function createGate(isAllowed: IsAllowed): (elements?: Iterable<Element>) => Promise<void> {
  const done = new WeakSet<Element>();
  let queue = Promise.resolve();
  return (elements = document.querySelectorAll(GATED_SELECTOR)) => {
    const ready = [...elements].filter((element) => {
      const { category, service } = (element as HTMLElement).dataset;
      return !done.has(element) && element.isConnected && isAllowed(category!, service) && done.add(element);
    });
    return (queue = queue.then(() => run(ready)));
  };
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
  for (const { name, value } of inert.attributes) if (name != 'type' && name != 'data-src') live.setAttribute(name, value);
  // `data-src` is how vanilla-cookieconsent sites mark a gated script's source.
  const src = inert.dataset.src;
  if (src) live.src = src;
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
    if (!live.src || async) resolve();
  });
}

function loadEmbed(element: HTMLElement): void {
  element.setAttribute(element.localName == 'link' ? 'href' : 'src', element.dataset.src!);
  delete element.dataset.src;
}
