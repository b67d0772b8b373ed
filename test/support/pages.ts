import type { Keuze } from '@keuze/core';

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
  /** A nonce on the harness's and Keuze's script tags, for a CSP with `'nonce-…'` (and 'strict-dynamic'). */
  nonce?: string;
}

export interface PageWindow extends Window {
  Keuze?: Keuze;
  __logs: { level: 'error' | 'warn'; text: string }[];
  __errors: string[];
  __ran: string[];
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
  `${origin}/__page?html=${btoa(String.fromCharCode(...new TextEncoder().encode(pageHtml(options)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;

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
      await settle();
    },
    logs: (level) => page.window.__logs.filter((log) => !level || log.level === level).map((log) => log.text),
  };
  await settle();
  return page;
}

/** Lets pending script loads, chunk imports and microtasks finish. */
export const settle = (ms = 50): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function closePages(): void {
  for (const frame of frames.splice(0)) frame.remove();
}

/** Cookies visible to the test origin, as a name → value map. */
export function cookies(): Record<string, string> {
  return Object.fromEntries(
    document.cookie
      .split('; ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
}

export function clearCookies(): void {
  for (const name of Object.keys(cookies())) document.cookie = `${name}=; path=/; max-age=0`;
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
