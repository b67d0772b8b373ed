import rollupCommonjs from '@rollup/plugin-commonjs';
import rollupReplace from '@rollup/plugin-replace';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { browserLaunchers, engineCommands } from './test/engines.mjs';
import { renderingCommands } from './test/support/rendering-commands.mjs';

/**
 * Serves `/__page?html=<base64url>`: the exact document a test wants, loaded in an iframe or popup
 * so that every test gets a fresh page with its own Keuze, config and console. Any `….html` path
 * with `?html=` serves it too, for pages deep below `/` (`/shop/checkout/page.html`).
 */
const flakyRequests = new Map();
const lastNewsletterPosts = new Map();
const consentLogs = new Map();
const privacyRequests = new Map();
/** Engines run side by side against this one server: what a test left here is kept per engine. */
const perEngine = (context, key) => `${context.get('user-agent')} ${key}`;
const testPages = {
  name: 'keuze-test-pages',
  async serve(context) {
    if (context.path === '/__page' || (context.path.endsWith('.html') && context.URL.searchParams.has('html'))) {
      return { body: Buffer.from(context.URL.searchParams.get('html') ?? '', 'base64url').toString('utf8'), type: 'html' };
    }
    return undefined;
  },
};

/** `/__flaky/<id>?body=…`: 503 the first time, then the body; `/__slow`: answers after 5 s. */
const unreliableFiles = async (context, next) => {
  if (context.path.startsWith('/__flaky/')) {
    const seen = flakyRequests.get(perEngine(context, context.path)) ?? 0;
    flakyRequests.set(perEngine(context, context.path), seen + 1);
    context.status = seen ? 200 : 503;
    context.body = seen ? (context.URL.searchParams.get('body') ?? '') : 'unavailable';
    return;
  }
  // A newsletter endpoint: answers a POST like a host with double opt-in; GET …/last shows what came in.
  if (context.path === '/__newsletter' && context.method === 'POST') {
    let body = '';
    for await (const chunk of context.req) body += chunk;
    lastNewsletterPosts.set(perEngine(context, ''), { contentType: context.get('content-type'), body: JSON.parse(body) });
    context.body = { status: 'subscribed' };
    return;
  }
  // `/__answer?status=&type=&location=&body=`: exactly that answer, for any method: a login page,
  // a redirect to one, JSON of any shape.
  if (context.path === '/__answer') {
    const answer = context.URL.searchParams;
    context.body = answer.get('body') ?? '';
    context.type = answer.get('type') ?? 'text/html';
    context.status = Number(answer.get('status') ?? 200);
    if (answer.get('location')) context.set('location', answer.get('location'));
    return;
  }
  if (context.path === '/__newsletter/last') {
    context.body = lastNewsletterPosts.get(perEngine(context, '')) ?? null;
    return;
  }
  // A consent-log endpoint per test id: `?fail=N` answers 500 to the first N POSTs, `?hang=1`
  // answers only after 8 s; GET lists what arrived, with the number of attempts.
  const log = /^\/__consent-log\/([\w-]+)$/.exec(context.path);
  if (log) {
    const entry = consentLogs.get(perEngine(context, log[1])) ?? { attempts: 0, received: [] };
    consentLogs.set(perEngine(context, log[1]), entry);
    if (context.method === 'POST') {
      let body = '';
      for await (const chunk of context.req) body += chunk;
      entry.attempts += 1;
      if (context.URL.searchParams.get('hang')) await new Promise((resolve) => setTimeout(resolve, 8000));
      if (entry.attempts <= Number(context.URL.searchParams.get('fail') ?? 0)) {
        context.status = 500;
        return;
      }
      entry.received.push({ contentType: context.get('content-type'), body: JSON.parse(body) });
      context.status = 204;
      return;
    }
    context.body = entry;
    return;
  }
  // A privacy-request endpoint per test id, as @keuze/server answers it: multipart in, `{ reference }`
  // out. `?fail=N` answers 500 to the first N POSTs, `?hang=1` answers after 8 s. GET lists what
  // arrived: each body raw (base64, to search for bytes that must not be there) and its fields.
  const request = /^\/__privacy-request\/([\w-]+)$/.exec(context.path);
  if (request) {
    const entry = privacyRequests.get(perEngine(context, request[1])) ?? { attempts: 0, received: [] };
    privacyRequests.set(perEngine(context, request[1]), entry);
    if (context.method === 'POST') {
      const chunks = [];
      for await (const chunk of context.req) chunks.push(chunk);
      const raw = Buffer.concat(chunks);
      entry.attempts += 1;
      if (context.URL.searchParams.get('hang')) await new Promise((resolve) => setTimeout(resolve, 8000));
      if (entry.attempts <= Number(context.URL.searchParams.get('fail') ?? 0)) {
        context.status = 500;
        return;
      }
      const contentType = context.get('content-type');
      const fields = {};
      for (const [name, value] of await new Response(raw, { headers: { 'content-type': contentType } }).formData()) {
        fields[name] = typeof value === 'string' ? value : { fileName: value.name, type: value.type, base64: Buffer.from(await value.arrayBuffer()).toString('base64') };
      }
      entry.received.push({ contentType, raw: raw.toString('base64'), fields });
      context.body = { reference: `REQ-${request[1]}-${entry.received.length}` };
      return;
    }
    context.body = entry;
    return;
  }
  // The names of the cookies this request carried, for pages on *.keuze.test: fetched from a
  // sibling subdomain, it shows which cookies live on keuze.test itself (a portable cookieStore).
  if (context.path === '/__cookies') {
    const origin = context.get('origin');
    if (/^http:\/\/([\w-]+\.)?keuze\.test:\d+$/.test(origin)) {
      context.set('Access-Control-Allow-Origin', origin);
      context.set('Access-Control-Allow-Credentials', 'true');
    }
    context.body = (context.get('cookie') || '')
      .split(';')
      .map((pair) => pair.split('=')[0].trim())
      .filter(Boolean);
    return;
  }
  if (context.path === '/__slow') {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    context.body = '';
    return;
  }
  await next();
};

/**
 * `/__keuze-server/*`: the real @keuze/server (its built dist/, SQLite in memory), for the
 * script tag's and the elements' calls to it (cookie.renewUrl, consentLog, newsletter). Started
 * on the first request. Its mails are kept, not printed; tests read back what it stored through
 * its admin routes with this token.
 */
const KEUZE_SERVER_ADMIN = 'wtr-admin-token-0123456789abcdef';
let keuzeApi;
const realServer = async (context, next) => {
  if (!context.path.startsWith('/__keuze-server/')) return next();
  const { createKeuzeServer, keuzeKoaMiddleware } = await import('./packages/server/dist/index.js');
  keuzeApi ??= createKeuzeServer({ sqliteFile: ':memory:', rateLimit: 0, basePath: '/__keuze-server', adminToken: KEUZE_SERVER_ADMIN, mailer: async () => {} }).then(keuzeKoaMiddleware);
  return (await keuzeApi)(context, next);
};

/**
 * React ships CommonJS only, and picks its build by `process.env.NODE_ENV`: for the React wrappers'
 * test, its packages are turned into ES modules, limited to them so nothing else pays for it. Each
 * arrives as a default export only: the named ones need rollup's syntheticNamedExports, which the
 * dev server lacks, and without `strictRequires: false` there is not even the default.
 */
const reactPackages = ['**/node_modules/react/**', '**/node_modules/react-dom/**', '**/node_modules/scheduler/**'];
const commonjs = fromRollup(rollupCommonjs);
const replace = fromRollup(rollupReplace);

/**
 * TypeScript for the browsers. The built bundles (dist/ and each package's dist/) are served as built: tests
 * load the bytes we ship, and a request without a browser's User-Agent no longer makes esbuild
 * lower dist/keuze.js to chrome64 ("Error while transforming dist/keuze.js").
 */
const typescript = esbuildPlugin({ ts: true, target: 'auto-always', tsconfig: 'tsconfig.json' });
const transform = typescript.transform.bind(typescript);
const isBuilt = (path) => /^\/(packages\/[\w-]+\/)?dist\//.test(path);
typescript.transform = (context) => (isBuilt(context.path) ? undefined : transform(context));

/**
 * The test page: Lit's one-time "Lit is in dev mode" notice is marked as issued before Lit loads
 * (Lit reads `litIssuedWarnings`), so it is not printed by every test file; its other
 * development warnings still are.
 */
const testRunnerHtml = (testFramework) =>
  `<!doctype html><html><head><script>globalThis.litIssuedWarnings = new Set(['dev-mode']);</script></head><body><script type="module" src="${testFramework}"></script></body></html>`;

/** Fixed, so the subdomain origins below can be named; clear of the demo's 8000. */
const port = Number(process.env.TEST_PORT ?? 8765);

export default {
  rootDir: '.',
  port,
  files: ['packages/*/src/**/*.test.ts'],
  nodeResolve: true,
  // Within an engine, tests share one cookie jar: one file at a time keeps their cookies apart.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testRunnerHtml,
  middleware: [unreliableFiles, realServer],
  plugins: [
    replace({ include: reactPackages, preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('development') } }),
    commonjs({ include: reactPackages, strictRequires: false, requireReturnsDefault: 'preferred' }),
    typescript,
    testPages,
    engineCommands,
    renderingCommands,
  ],
  // Chromium, Firefox and WebKit, those installed (test/engines.mjs); engines run side by side.
  browsers: browserLaunchers(port),
};
