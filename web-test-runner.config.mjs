import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

/** Debian's Chromium unless CHROME_PATH says otherwise; nothing downloads a browser of its own. */
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Serves `/__page?html=<base64url>`: the exact document a test wants, loaded in an iframe or popup
 * so that every test gets a fresh page with its own Keuze, config and console.
 */
const testPages = {
  name: 'keuze-test-pages',
  serve(context) {
    if (context.path !== '/__page') return undefined;
    return { body: Buffer.from(context.URL.searchParams.get('html') ?? '', 'base64url').toString('utf8'), type: 'html' };
  },
};

/** Fixed, so the subdomain origins below can be named; clear of the demo's 8000. */
const port = Number(process.env.TEST_PORT ?? 8765);
const subdomainOrigins = ['app.keuze.test', 'keuze.test'].map((host) => `http://${host}:${port}`).join(',');

export default {
  rootDir: '.',
  port,
  files: ['packages/*/src/**/*.test.ts'],
  nodeResolve: true,
  // Tests share one cookie jar: one file at a time keeps their cookies apart.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'auto-always', tsconfig: 'tsconfig.json' }), testPages],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-popup-blocking',
          // Subdomains of keuze.test reach this server, for cookies shared across subdomains.
          '--host-resolver-rules=MAP *.keuze.test 127.0.0.1',
          // …as secure contexts (like localhost), so cookieStore can report cookie domains there.
          `--unsafely-treat-insecure-origin-as-secure=${subdomainOrigins}`,
        ],
      },
    }),
  ],
};
