import type { Notice } from './notices.js';

/**
 * Gated markup, the convention site owners know from vanilla-cookieconsent:
 *   <script type="text/plain" data-category="analytics" [data-service="x"] [src or data-src]>
 *   <iframe|img|video|link … data-src="…" data-category="…">  (a link's data-src becomes its href)
 * An element runs (or loads) once its category, and service if named, is granted.
 */
export const GATED_SELECTOR = 'script[type="text/plain"][data-category],[data-src][data-category]';

export type IsAllowed = (category: string, service?: string) => boolean;

/** The part of the Trusted Types API Keuze uses (not yet in TypeScript's DOM types). */
interface TrustedTypes {
  createPolicy(name: string, rules: Policy): Policy;
}
interface Policy {
  createScript(text: string): string;
  createScriptURL(url: string): string;
}

/** The page's own gated markup, passed through unchanged: the "keuze" policy's rules, and what stands in without one. */
const AS_WRITTEN: Policy = { createScript: String, createScriptURL: String };

/**
 * Returns the function that activates the allowed gated elements (by default all in the page) in
 * document order. Each element runs exactly once; scripts wait for the scripts before them, also
 * across calls, so order holds page-wide. Nothing runs before `ready` (Google Consent Mode's
 * defaults); one element that cannot run is reported and skipped, never stalls the ones after it.
 * With `nonce` (that of Keuze's own script tag), a gated script without the same nonce never runs.
 */
export function createGate(isAllowed: IsAllowed, notify: (notice: Notice) => void, ready: Promise<void> = Promise.resolve(), nonce?: string): (elements?: Iterable<Element>) => Promise<void> {
  const done = new WeakSet<Element>();
  let queue = ready;
  /**
   * The one Trusted Types policy, "keuze": under `require-trusted-types-for 'script'` a script's
   * text and URL must come from a policy. It passes the page's own gated markup through unchanged.
   * A CSP whose `trusted-types` list lacks "keuze" refuses it: said once, and where Trusted Types
   * are enforced each gated script then fails, reported, without stopping the others. Without
   * Trusted Types (or the policy), the text and URL go as written.
   */
  let policy = AS_WRITTEN;
  try {
    policy = (globalThis as { trustedTypes?: TrustedTypes }).trustedTypes?.createPolicy('keuze', AS_WRITTEN) ?? AS_WRITTEN;
  } catch (error) {
    notify(['trusted-types', error]);
  }
  const activate = async (element: Element): Promise<void> => {
    try {
      if (!(element instanceof HTMLScriptElement)) return loadEmbed(element as HTMLElement, policy);
      // Keuze runs only where modules do, so a `nomodule` fallback never needs to; a script the
      // page removed before its turn has nothing left to run.
      if (element.noModule || !element.isConnected) return;
      // Under 'strict-dynamic' any script Keuze inserts runs: only the page's nonce shows markup
      // is the site's, not injected (a gadget for an HTML-injection hole).
      if (nonce && element.nonce != nonce) return notify(['nonce', element]);
      await runScript(element, policy);
    } catch (error) {
      notify(['gated', element, error]);
    }
  };
  return (elements = document.querySelectorAll(GATED_SELECTOR)) => {
    const allowed = [...elements].filter((element) => {
      const { category, service } = (element as HTMLElement).dataset;
      return !done.has(element) && element.isConnected && isAllowed(category!, service) && done.add(element);
    });
    return (queue = queue.then(async () => {
      for (const element of allowed) await activate(element);
    }));
  };
}

/** Replaces an inert script with a live copy; resolves once it has run, or failed to load. */
function runScript(inert: HTMLScriptElement, policy: Policy): Promise<void> {
  const live = document.createElement('script');
  // Every attribute carries over (async, defer, crossorigin, integrity, data-category…) but the
  // inert type and the source, which (with the text) goes through the Trusted Types policy.
  for (const { name, value } of inert.attributes) if (!/^(type|src|data-src)$/.test(name)) live.setAttribute(name, value);
  // `data-src` is how vanilla-cookieconsent sites mark a gated script's source.
  const src = inert.dataset.src ?? inert.getAttribute('src');
  if (src) live.src = policy.createScriptURL(src);
  live.type = inert.dataset.type ?? '';
  // The nonce attribute reads as empty once parsed (CSP hides it); the property keeps it.
  live.nonce = inert.nonce;
  live.text = policy.createScript(inert.text);
  // Inserted scripts default to async; an external one without `async` keeps document order.
  // (The attribute, not the property: an inert script's `async` property reads true in Chromium.)
  live.async = inert.hasAttribute('async');
  return new Promise((resolve) => {
    // A 404 or a blocked host must not stall the scripts after it.
    live.onload = live.onerror = () => resolve();
    inert.replaceWith(live);
    // A type the browser does not run as JavaScript (text/babel, importmap…) fires no event either.
    if (!live.src || live.async || !/^(module|.*script)?$/i.test(live.type)) resolve();
  });
}

/** Loads an embed. (An <embed>'s source is a Trusted Types sink; an iframe's, image's or link's takes the trusted URL as text.) */
function loadEmbed(element: HTMLElement, policy: Policy): void {
  element.setAttribute(element.localName == 'link' ? 'href' : 'src', policy.createScriptURL(element.dataset.src!));
  delete element.dataset.src;
}
