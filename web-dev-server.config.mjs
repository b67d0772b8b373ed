import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** `npm start`: serves the repo so the demo loads the built script tag from /dist/. */
const port = Number(process.env.PORT ?? 8000);

/** The demo is the site: `/` and `/en/` are its pages. */
const demoAtRoot = (context, next) => {
  if (context.path === '/' || context.path === '/en' || context.path === '/en/') {
    context.redirect(context.path === '/' ? '/demo/' : '/demo/en/');
    return undefined;
  }
  return next();
};

/**
 * The demo site's server: @keuze/server (built into packages/server/dist by `npm run build`) on
 * SQLite in a temporary file, mounted at /demo-api/ in this same process: the consent log, cookie
 * renewal, the newsletter's double opt-in (the confirmation mail, with its link, is printed in
 * this terminal), one-click unsubscribe and privacy requests.
 */
const sqliteFile = `${tmpdir()}/keuze-demo-${process.pid}.db`;
process.on('exit', () => ['', '-wal', '-shm'].forEach((suffix) => rmSync(sqliteFile + suffix, { force: true })));
// A stop by SIGTERM or SIGHUP (a process manager, a closed terminal) runs the clean-up above too.
for (const [signal, code] of [
  ['SIGTERM', 143],
  ['SIGHUP', 129],
])
  process.once(signal, () => process.exit(code));
let keuzeApi;
const demoApi = async (context, next) => {
  if (!context.path.startsWith('/demo-api/')) return next();
  const { createKeuzeServer, keuzeKoaMiddleware } = await import('./packages/server/dist/index.js');
  keuzeApi ??= createKeuzeServer({
    sqliteFile,
    basePath: '/demo-api',
    publicUrl: `http://localhost:${port}/demo-api`,
    preferencesUrl: `http://localhost:${port}/demo/newsletter.html`,
  }).then((server) => (console.log(`[demo server] @keuze/server on SQLite ${sqliteFile}`), keuzeKoaMiddleware(server)));
  await (
    await keuzeApi
  )(context, next);
  console.log(`[demo server] ${context.method} ${context.path} → ${context.status}`);
  return undefined;
};

export default {
  rootDir: '.',
  port,
  hostname: 'localhost',
  middleware: [demoAtRoot, demoApi],
};
