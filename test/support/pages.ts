import type { Keuze } from '@keuze/core';
import { waitUntil } from '@open-wc/testing';

/** How a test page loads Keuze: the built script tags, the npm package's `init()`, or not at all. */
export type Loader = 'module' | 'iife' | 'npm' | 'none';

export interface PageOptions {
  /** The `#keuze-config` JSON element's content; a string is written as is (to test broken JSON). */
  config?: unknown;
  /** JavaScript run before Keuze (e.g. `window.KeuzeConfig = …`). */
  before?: string;
  /** Markup for the body (gated scripts and embeds). */
  body?: string;
  loader?: Loader;
  /** A Content-Security-Policy for the page; scripts of the harness are same-origin files. */
  csp?: string;
  /** For the npm loader: the config given to `init()`, as a JavaScript expression. */
  initConfig?: string;
  /** Where the page is served, e.g. `/shop/checkout/page.html` (any path ending in `.html`). Default `/__page`. */
  path?: string;
  /** A nonce on the harness's and Keuze's script tags, for a CSP with `'nonce-…'` (and 'strict-dynamic'). */
  nonce?: string;
}

export interface PageWindow extends Window {
  Keuze?: Keuze;
  __logs: { level: 'error' | 'warn'; text: string }[];
  __errors: string[];
  __ran: string[];
  /** The sentinels `gateDrained` added that have run. */
  __drained?: number[];
}

const escapeJson = (json: string): string => json.replace(/</g, '\\u003c');

export function pageHtml(options: PageOptions = {}): string {
  const { config, before, body = '', loader = 'module', csp, initConfig, nonce } = options;
  const n = nonce ? ` nonce="${nonce}"` : '';
  const configJson = config === undefined ? '' : typeof config == 'string' ? config : escapeJson(JSON.stringify(config));
  const keuze = {
    module: `<script type="module" src="/dist/keuze.js"${n}></script>`,
    iife: `<script src="/dist/keuze.iife.js"${n}></script>`,
    npm: `<script type="module"${n}>import { init } from '/packages/core/src/index.ts'; init(${initConfig ?? 'undefined'});</script>`,
    none: '',
  }[loader];
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8">
${csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ''}
<script src="/test/support/record-console.js"${n}></script>
${config === undefined ? '' : `<script type="application/json" id="keuze-config">${configJson}</script>`}
${before ? `<script${n}>${before}</script>` : ''}
${keuze}
</head><body>${body}</body></html>`;
}

export const pageUrl = (options: PageOptions, origin = ''): string =>
  `${origin}${options.path ?? '/__page'}?html=${btoa(String.fromCharCode(...new TextEncoder().encode(pageHtml(options))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')}`;

export interface TestPage {
  window: PageWindow;
  document: Document;
  keuze: Keuze;
  /** The same page loaded again: the next page view of the same visitor. */
  reload(): Promise<void>;
  /** Messages Keuze wrote to the console (errors and warnings). */
  logs(level?: 'error' | 'warn'): string[];
}

const frames: HTMLIFrameElement[] = [];

/** Opens the page in a same-origin iframe and waits until it has loaded and Keuze has started. */
export async function openPage(options: PageOptions = {}): Promise<TestPage> {
  const iframe = document.createElement('iframe');
  frames.push(iframe);
  const loaded = (): Promise<void> => new Promise((resolve) => iframe.addEventListener('load', () => resolve(), { once: true }));
  const firstLoad = loaded();
  iframe.src = pageUrl(options);
  document.body.append(iframe);
  await firstLoad;
  const page: TestPage = {
    get window() {
      return iframe.contentWindow as PageWindow;
    },
    get document() {
      return iframe.contentDocument!;
    },
    get keuze() {
      return (iframe.contentWindow as PageWindow).Keuze!;
    },
    async reload() {
      const next = loaded();
      iframe.contentWindow!.location.reload();
      await next;
    },
    logs: (level) => page.window.__logs.filter((log) => !level || log.level === level).map((log) => log.text),
  };
  return page;
}

/**
 * A fixed pause, only where no later event can come: a gate that must stay shut for good has no
 * "afterwards" to wait for. Each use says why it must stay; anything else waits on a condition.
 */
export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let sentinels = 0;
/**
 * Resolves once Keuze's gate has run (or skipped) everything it had queued: a `necessary` gated
 * script added now runs only after them, since the gate runs a page's gated markup one element at
 * a time, in order, across calls (packages/core/src/gating.ts). The later positive signal a test
 * waits for before it asserts that something did NOT run. Needs a usable config (else nothing,
 * not even `necessary`, is granted); `nonce`: the page's, where Keuze requires one.
 */
export async function gateDrained(page: TestPage, nonce?: string): Promise<void> {
  const id = ++sentinels;
  const sentinel = page.document.createElement('script');
  sentinel.type = 'text/plain';
  sentinel.dataset.category = 'necessary';
  if (nonce) sentinel.nonce = nonce;
  sentinel.text = `(window.__drained ??= []).push(${id})`;
  page.document.body.append(sentinel);
  await waitUntil(() => page.window.__drained?.includes(id), `the gate did not reach sentinel ${id}`, { timeout: 5000 });
}

let roundTrips = 0;
/**
 * Resolves once a request made now to the test server has been answered: the later signal before
 * asserting that a page loaded no chunk, asked no server, added no element. Keuze makes such
 * requests when it starts or decides, before this one, and this server answers files at once.
 * (From the test window, so a page that wraps its own fetch does not record it.)
 */
export async function roundTrip(): Promise<void> {
  await (await fetch(`/test/support/embed.html?round-trip=${++roundTrips}`, { cache: 'no-store' })).text();
}

/** Waits until Keuze has written a console message (of `level`) that matches, and returns those that do. */
export async function logged(page: TestPage, level: 'error' | 'warn', text: string | RegExp): Promise<string[]> {
  const matching = (): string[] => page.logs(level).filter((log) => (typeof text == 'string' ? log.includes(text) : text.test(log)));
  await waitUntil(() => matching().length, `no ${level} matching ${text}; ${level}s: ${page.logs(level).join('\n')}`, { timeout: 5000 });
  return matching();
}

export function closePages(): void {
  for (const frame of frames.splice(0)) frame.remove();
}

/** Cookies visible to the test origin (or as `doc`, a test page, sees them), as a name → value map. */
export function cookies(doc: Document = document): Record<string, string> {
  return Object.fromEntries(
    doc.cookie
      .split('; ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
}

/**
 * What a site keeps in the browser, gone: this origin's cookies and its Web Storage, so each test
 * starts as a first visit whichever test file ran before it (a test that left storage keys made
 * "stores nothing before a choice" fail when files ran in another order).
 */
export function clearSiteData(): void {
  for (const name of Object.keys(cookies())) document.cookie = `${name}=; path=/; max-age=0`;
  localStorage.clear();
  sessionStorage.clear();
}

/** A config like a real site's: analytics with two services, marketing with a cookie pattern. */
export const siteConfig = {
  revision: 1,
  privacyUrl: '/privacy',
  categories: {
    necessary: {},
    analytics: {
      cookies: ['_stats'],
      services: {
        matomo: { label: 'Matomo', description: 'Visitor statistics, on our own server.', cookies: ['_pk_*'] },
        hotjar: { label: 'Hotjar', description: 'Heatmaps of how pages are used.', cookies: ['_hj'] },
      },
    },
    marketing: { cookies: ['_ads', '_fbp'] },
  },
};

/** Markup with one gated stand-in tracker per category (and per service). */
export const trackers = `
  <script type="text/plain" data-category="analytics" src="/test/support/tracker.js?name=analytics&cookie=_stats"></script>
  <script type="text/plain" data-category="analytics" data-service="matomo" src="/test/support/tracker.js?name=matomo&cookie=_pk_id"></script>
  <script type="text/plain" data-category="analytics" data-service="hotjar" src="/test/support/tracker.js?name=hotjar&cookie=_hj"></script>
  <script type="text/plain" data-category="marketing" src="/test/support/tracker.js?name=marketing&cookie=_ads"></script>`;
