// For the Node tests that use Keuze as a consumer would: the workspace packages packed with `npm pack`
// (from the build in packages/*/dist), installed from those tarballs into an empty project, a static
// server and a browser.
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const run = promisify(execFile);

/** Runs npm; rejects with its output when it fails. */
export async function npm(args, cwd) {
  try {
    return await run('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: 'false' } });
  } catch (error) {
    throw new Error(`npm ${args.join(' ')} failed:\n${error.stdout}\n${error.stderr}`, { cause: error });
  }
}

/**
 * Packs the given workspaces (all by default) into `destination`. Returns npm's report per
 * package: `{ name, version, filename, files: [{ path }] }`, with `tarball`, the file's path.
 */
export async function pack(destination, workspaces = rootPackage.workspaces) {
  mkdirSync(destination, { recursive: true });
  const { stdout } = await npm(['pack', '--json', '--pack-destination', destination, ...workspaces.flatMap((dir) => ['-w', dir])], root);
  return JSON.parse(stdout).map((report) => ({ ...report, tarball: join(destination, report.filename) }));
}

/**
 * An empty project in `dir` with the tarballs and `dependencies` installed. Our packages come only
 * from the tarballs: the @keuze scope points at an address where nothing answers, so a dependency
 * on an unpublished @keuze package fails instead of reaching the registry. Third-party packages
 * come from the registry (or npm's cache). Returns npm's output, to check for warnings.
 */
export async function installInto(dir, tarballs, dependencies = []) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'keuze-consumer', private: true, type: 'module' }, null, 2));
  return npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--@keuze:registry=http://127.0.0.1:9/', ...tarballs, ...dependencies], dir);
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.md': 'text/markdown', '.css': 'text/css', '.map': 'application/json' };

/**
 * A static file server: each request path is looked up under the first `mounts` prefix it starts
 * with (`{ '/': dir }` serves dir). Returns `{ origin, requests, close }`; `requests` lists
 * `[status, path]` of every request, to catch a 404.
 */
export async function serveStatic(mounts) {
  const requests = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const [prefix, dir] = Object.entries(mounts).find(([mount]) => path.startsWith(mount)) ?? [];
    let file = dir && resolve(dir, `.${path.slice(prefix.length - 1)}`);
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = file && file.startsWith(resolve(dir)) && existsSync(file);
    requests.push([found ? 200 : 404, path]);
    if (!found) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((done) => server.close(done)) };
}

/** Debian's Chromium (CHROME_PATH overrides), headless; nothing downloads a browser. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The element's shadow root once it rendered its base part (a shown banner), in a Playwright page. */
export const shownBanners = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('keuze-cookie-banner')]
      .filter((banner) => banner.shadowRoot?.querySelector('[part~="base"]'))
      .map((banner) => banner.parentElement?.id || banner.parentElement?.localName),
  );
