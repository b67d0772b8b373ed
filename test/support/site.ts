import type { Keuze, KeuzeConfig } from '@keuze/core';
import { waitUntil } from '@open-wc/testing';
import { elementsConfig } from './elements.js';

/**
 * A realistic site page for whole-page checks: its own header with navigation, a main with an h1 and
 * enough text to scroll, and a footer whose links (the privacy statement, "Cookie-instellingen") are
 * the page's last Tab stops. Loaded from the sources (init with the elements' ui) in an iframe of the
 * given size, so the viewport is set the same way in every engine.
 */
export interface SiteOptions {
  width?: number;
  height?: number;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  config?: KeuzeConfig;
  /** Markup placed in <main> after the heading and text. */
  main?: string;
  /** The page's own <h1> in <main>; off for a page whose element brings the h1 (the privacy statement). */
  heading?: boolean;
  /** Script run in the page before Keuze starts. */
  before?: string;
}

export interface Site {
  iframe: HTMLIFrameElement;
  window: Window & { Keuze?: Keuze; axe?: { run: (context: unknown, options: unknown) => Promise<AxeResults> } };
  document: Document;
  keuze: Keuze;
  remove(): void;
}

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
}

const sitePages: HTMLIFrameElement[] = [];

function siteHtml(options: SiteOptions): string {
  const { lang = 'nl', dir = 'ltr', config = elementsConfig, main = '', before = '', heading = true } = options;
  const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Alinea ${i + 1}: Boekvlot verkoopt tweedehands boeken. <a href="/boeken/${i}">Lees meer over boek ${i + 1}</a>.</p>`).join('');
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Boekvlot</title>
<style>body { margin: 0; font-family: sans-serif; } main { min-height: 100vh; } header, main, footer { padding: 1rem; } nav ul, footer { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; list-style: none; } header > a, nav a, footer a { display: inline-block; padding-block: 0.5rem; }</style>
<script src="/node_modules/axe-core/axe.min.js"></script>
<script>${before}</script>
<script type="module">
import { init } from '/packages/core/src/index.ts';
import { ui } from '/packages/elements/src/ui.ts';
init(${JSON.stringify(config).replace(/</g, '\\u003c')}, { ui });
</script>
</head><body>
<header><a href="/">Boekvlot</a><nav aria-label="Hoofdmenu"><ul><li><a href="/boeken">Boeken</a></li><li><a href="/over">Over ons</a></li></ul></nav></header>
<main>${heading ? '<h1>Welkom bij Boekvlot</h1>' : ''}${paragraphs}${main}</main>
<footer><a href="/privacy">Privacyverklaring</a><a href="/voorwaarden">Voorwaarden</a><a href="#" data-keuze-open="preferences">Cookie-instellingen</a></footer>
</body></html>`;
}

/** Opens the site page and waits until Keuze has started in it. */
export async function openSite(options: SiteOptions = {}): Promise<Site> {
  const { width = 1024, height = 768 } = options;
  const iframe = document.createElement('iframe');
  iframe.title = 'site';
  iframe.style.cssText = `width:${width}px;height:${height}px;border:0;display:block`;
  sitePages.push(iframe);
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  const bytes = new TextEncoder().encode(siteHtml(options));
  iframe.src = `/__page?html=${btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')}`;
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as Site['window'];
  await waitUntil(() => win.Keuze, 'Keuze did not start in the site page', { timeout: 15_000 });
  await win.Keuze!.validConfig();
  // Test pages share one cookie jar: each site page starts as a first visit.
  if (win.Keuze!.getConsent()) await win.Keuze!.reset();
  return {
    iframe,
    window: win,
    document: iframe.contentDocument!,
    keuze: win.Keuze!,
    remove: () => iframe.remove(),
  };
}

/** Removes every site page a test opened. */
export function closeSites(): void {
  for (const iframe of sitePages.splice(0)) iframe.remove();
}

/** The shadow part of an element in the site page, once rendered. */
export async function sitePart<T extends Element = HTMLElement>(site: Site, selector: string, name: string): Promise<T> {
  await waitUntil(() => site.document.querySelector(selector)?.shadowRoot?.querySelector(`[part~="${name}"]`), `no part "${name}" in ${selector}`, { timeout: 10_000 });
  return site.document.querySelector(selector)!.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
}

/** WCAG 2.0, 2.1 and 2.2 at A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Every axe violation on the whole site page, one line each: rule, element, why. */
export async function axeViolations(site: Site): Promise<string[]> {
  const results = await site.window.axe!.run(site.document, { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] });
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.help}): ${JSON.stringify(node.target)} ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
  );
}

/** The element that has focus in the site page, looking into shadow roots. */
export function siteActiveElement(site: Site): Element | null {
  let active = site.document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
