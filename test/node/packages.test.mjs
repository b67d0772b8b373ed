// Keuze as a consumer gets it: every workspace package packed with `npm pack`, the tarballs installed
// into an empty project (our packages only from the tarballs), each entry point imported in Node,
// the types checked by TypeScript with both module resolutions a consumer uses, the script-tag files
// loaded in Chromium from a CDN-shaped URL, and a React 19 app built for production with rollup.
// Nothing is published. Needs the build (`npm run build`), as `npm test` runs it first.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { installInto, launchChromium, pack, root, rootPackage, serveStatic, shownBanners } from '../support/packed.mjs';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'keuze-packages-'));
const app = join(scratch, 'app');
let packed;
let installOutput;
let browser;
after(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const devVersion = (name) => rootPackage.devDependencies[name];
before(async () => {
  packed = await pack(join(scratch, 'tarballs'));
  // React and its types for the React app and the type check, at the versions the repository tests with.
  const { stdout, stderr } = await installInto(
    app,
    packed.map((report) => report.tarball),
    ['react', 'react-dom', '@types/react', '@types/react-dom'].map((name) => `${name}@${devVersion(name)}`),
  );
  installOutput = stdout + stderr;
});

const byName = (name) => packed.find((report) => report.name == name);
const filesOf = (report) => new Set(report.files.map((file) => file.path));
const manifestOf = (report) => JSON.parse(readFileSync(join(app, 'node_modules', report.name, 'package.json'), 'utf8'));

/** Each export of a package as [subpath, target file], a `*` pattern expanded over the packed files. */
function exportTargets(report) {
  const targets = [];
  const files = [...filesOf(report)];
  for (const [subpath, value] of Object.entries(manifestOf(report).exports)) {
    for (const [condition, target] of typeof value == 'string' ? [['default', value]] : Object.entries(value)) {
      const path = posix.normalize(target);
      if (!path.includes('*')) {
        targets.push({ subpath, condition, path });
        continue;
      }
      const [head, tail] = path.split('*');
      const [subHead, subTail] = subpath.split('*');
      const matches = files.filter((file) => file.startsWith(head) && file.endsWith(tail));
      assert.ok(matches.length, `${report.name}: "${subpath}" (${condition}) matches no packed file`);
      for (const file of matches) targets.push({ subpath: subHead + file.slice(head.length, file.length - tail.length) + subTail, condition, path: file });
    }
  }
  return targets;
}

/** The entry points a consumer imports: every export but package.json and the JSON manifest. */
const entryPoints = () =>
  packed.flatMap((report) =>
    [
      ...new Set(
        exportTargets(report)
          .filter((target) => target.path.endsWith('.js'))
          .map((target) => target.subpath),
      ),
    ].map((subpath) => posix.join(report.name, subpath)),
  );

test('npm install from the tarballs needs no unpublished package and prints no engine warning', () => {
  assert.doesNotMatch(installOutput, /EBADENGINE|ERESOLVE|deprecated/i);
  for (const report of packed) assert.equal(manifestOf(report).version, report.version);
});

test('every package carries its README, the LICENSE, types, and no sources or tests', () => {
  const license = readFileSync(join(root, 'LICENSE'), 'utf8');
  for (const report of packed) {
    const files = filesOf(report);
    for (const file of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']) assert.ok(files.has(file), `${report.name} lacks ${file}`);
    assert.equal(readFileSync(join(app, 'node_modules', report.name, 'LICENSE'), 'utf8'), license, `${report.name}: LICENSE differs from the root's`);
    const readme = readFileSync(join(app, 'node_modules', report.name, 'README.md'), 'utf8');
    assert.match(readme, new RegExp(`npm install [^\\n]*${report.name}`), `${report.name}: README has no install line`);
    assert.match(readme, /```(js|tsx|html)/, `${report.name}: README has no example`);
    const stray = [...files].filter((file) => /\.test\.|(^|\/)src\/|\.tsbuildinfo$/.test(file) || (file.endsWith('.ts') && !file.endsWith('.d.ts')));
    assert.deepEqual(stray, [], `${report.name} packs sources or tests`);
  }
});

test('every package states its repository folder, Node engines, license, files and side effects', () => {
  for (const report of packed) {
    const manifest = manifestOf(report);
    const folder = rootPackage.workspaces.find((dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).name == report.name);
    assert.equal(manifest.repository?.directory, folder, `${report.name}: repository.directory`);
    assert.match(manifest.repository?.url ?? '', /^git\+https:\/\//, `${report.name}: repository.url`);
    assert.equal(manifest.engines?.node, rootPackage.engines.node, `${report.name}: engines.node`);
    assert.equal(manifest.license, 'MIT');
    assert.equal(manifest.type, 'module');
    assert.ok(Array.isArray(manifest.files), `${report.name}: files`);
    assert.ok('sideEffects' in manifest, `${report.name}: say whether importing has side effects`);
  }
});

test('the packages move together: one version, and each depends on the others at exactly it', () => {
  const versions = new Set(packed.map((report) => report.version));
  assert.equal(versions.size, 1, `versions differ: ${[...versions]}`);
  const [version] = versions;
  for (const report of packed) {
    const manifest = manifestOf(report);
    for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      if (name.startsWith('@keuze/')) assert.equal(range, version, `${report.name} depends on ${name}@${range}`);
    }
  }
});

test('every export, with its types, names a file in the tarball', () => {
  for (const report of packed) {
    const files = filesOf(report);
    const targets = exportTargets(report);
    for (const { subpath, condition, path } of targets) assert.ok(files.has(path), `${report.name} exports "${subpath}" (${condition}) as ${path}, which it does not contain`);
    for (const { subpath } of targets.filter((target) => target.path.endsWith('.js'))) {
      assert.ok(
        targets.some((target) => target.subpath == subpath && target.condition == 'types'),
        `${report.name}: "${subpath}" has no types`,
      );
    }
  }
});

test('custom-elements.json names only modules the package contains', () => {
  const report = byName('@keuze/elements');
  const files = filesOf(report);
  const manifest = JSON.parse(readFileSync(join(app, 'node_modules/@keuze/elements/custom-elements.json'), 'utf8'));
  assert.equal(manifestOf(report).customElements, 'custom-elements.json');
  const paths = new Set();
  const walk = (value, key) => {
    if (typeof value == 'string' && (key == 'path' || key == 'module')) paths.add(value);
    else if (value && typeof value == 'object') for (const [inner, child] of Object.entries(value)) walk(child, inner);
  };
  walk(manifest.modules);
  assert.ok(paths.size > 10);
  assert.deepEqual(
    [...paths].filter((path) => !files.has(path)),
    [],
  );
});

test('@keuze/embed carries the script-tag files, and every chunk they import is beside them', () => {
  const report = byName('@keuze/embed');
  const files = filesOf(report);
  for (const file of ['dist/keuze.js', 'dist/keuze.iife.js']) assert.ok(files.has(file), `no ${file}`);
  const chunks = [...files].filter((file) => /^dist\/chunks\/[\w-]+\.js$/.test(file));
  assert.ok(chunks.length > 10, 'no chunks');
  for (const file of ['dist/keuze.js', ...chunks]) {
    const code = readFileSync(join(app, 'node_modules/@keuze/embed', file), 'utf8');
    for (const [, specifier] of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = posix.join(posix.dirname(file), specifier);
      assert.ok(files.has(target), `${file} imports ${specifier}, not in the package`);
    }
  }
  // The README's CDN address names the version it ships in.
  assert.match(readFileSync(join(app, 'node_modules/@keuze/embed/README.md'), 'utf8'), new RegExp(`/@keuze/embed@${report.version.replaceAll('.', '\\.')}/dist/keuze\\.js`));
});

test('each entry point imports in Node from the installed packages', async () => {
  const specifiers = entryPoints();
  assert.ok(specifiers.includes('@keuze/elements/cookie-banner/define'));
  const script = `for (const specifier of ${JSON.stringify(specifiers)}) await import(specifier);`;
  await run(process.execPath, ['--input-type=module', '-e', script], { cwd: app });
});

test('the types resolve with TypeScript moduleResolution node16 and bundler, and are real types', async () => {
  // Every export of every entry point has a real type: one that does not resolve (a declaration file
  // importing a path that is not there) turns into `any` silently, which the check below catches.
  const imports = entryPoints().map(
    (specifier, index) => `import * as entry${index} from '${specifier}';\nconst typed${index}: [AnyExports<typeof entry${index}>] extends [never] ? true : false = true; // ${specifier}`,
  );
  writeFileSync(
    join(app, 'check.ts'),
    `type AnyExports<T> = { [K in keyof T]: 0 extends 1 & T[K] ? K : never }[keyof T];
${imports.join('\n')}
void [${imports.map((_, index) => `typed${index}`).join(', ')}];
import { decodeRecord, init, type KeuzeConfig } from '@keuze/core';
import { CookieBanner, ui } from '@keuze/elements';
import { KeuzeCookieBanner } from '@keuze/react';
import { createElement, type ReactElement } from 'react';

const config: KeuzeConfig = { privacyUrl: '/privacy', categories: { necessary: {}, analytics: { cookies: ['_ga'] } } };
const keuze = init(config, { ui });
const granted: boolean = keuze.isGranted('analytics');
const banner: CookieBanner | null = document.querySelector('keuze-cookie-banner');
const element: ReactElement = createElement(KeuzeCookieBanner, { layout: 'inline' });
const record = decodeRecord('x');
document.addEventListener('keuze-consent', (event) => event.detail.method);
void [granted, banner, element, record];
// @ts-expect-error categories must be an object: the types are real, not any.
init({ categories: 5 });
`,
  );
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  // skipLibCheck: the libraries' declarations are not ours to check (and took a minute); a
  // declaration of ours that does not resolve shows up as the `any` caught above.
  const compilerOptions = { strict: true, noEmit: true, skipLibCheck: true, lib: ['ES2022', 'DOM', 'DOM.Iterable'], target: 'ES2022', types: [] };
  const configs = {
    'tsconfig.node16.json': { ...compilerOptions, module: 'node16', moduleResolution: 'node16' },
    'tsconfig.bundler.json': { ...compilerOptions, module: 'esnext', moduleResolution: 'bundler' },
  };
  await Promise.all(
    Object.entries(configs).map(([file, options]) => {
      writeFileSync(join(app, file), JSON.stringify({ compilerOptions: options, files: ['check.ts'] }));
      return run(process.execPath, [tsc, '-p', file], { cwd: app }).catch((error) => assert.fail(`${file}:\n${error.stdout}${error.stderr}`));
    }),
  );
});

test('the script tag loads from a CDN-shaped address in Chromium, its chunks beside it', async () => {
  browser ??= await launchChromium();
  const version = byName('@keuze/embed').version;
  const cdn = `/npm/@keuze/embed@${version}/`;
  const site = join(scratch, 'site');
  mkdirSync(site, { recursive: true });
  const config = '<script type="application/json" id="keuze-config">{"privacyUrl":"/privacy","categories":{"necessary":{},"analytics":{}}}</script>';
  const gated = '<script type="text/plain" data-category="analytics">window.ranAnalytics = true</script>';
  writeFileSync(
    join(site, 'module.html'),
    `<!doctype html><html lang="en"><head><link rel="icon" href="data:,">${config}<script type="module" src="${cdn}dist/keuze.js"></script></head><body>${gated}</body></html>`,
  );
  writeFileSync(
    join(site, 'iife.html'),
    `<!doctype html><html lang="en"><head><link rel="icon" href="data:,">${config}<script src="${cdn}dist/keuze.iife.js"></script></head><body>${gated}</body></html>`,
  );
  const server = await serveStatic({ [cdn]: join(app, 'node_modules/@keuze/embed'), '/': site });
  try {
    for (const file of ['module.html', 'iife.html']) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() == 'error' && errors.push(message.text()));
      await page.goto(`${server.origin}/${file}`);
      await page.locator('keuze-cookie-banner [part~="accept-all"]').click();
      await page.waitForFunction(() => window.ranAnalytics === true);
      assert.ok(
        (await context.cookies()).some((cookie) => cookie.name == 'keuze_consent'),
        `${file}: no consent cookie`,
      );
      assert.deepEqual(errors, [], file);
      await context.close();
    }
    assert.deepEqual(
      server.requests.filter(([status]) => status != 200),
      [],
    );
    assert.ok(
      server.requests.some(([, path]) => path.startsWith(`${cdn}dist/chunks/`)),
      'keuze.js loaded no chunk from beside it',
    );
  } finally {
    await server.close();
  }
});

test('a React 19 production build with <KeuzeCookieBanner /> beside init(config, { ui }) shows one banner: the one React placed', async () => {
  const [{ rollup }, { default: nodeResolve }, { default: commonjs }, { default: replace }] = await Promise.all([
    import('rollup'),
    import('@rollup/plugin-node-resolve'),
    import('@rollup/plugin-commonjs'),
    import('@rollup/plugin-replace'),
  ]);
  const reactApp = join(app, 'react-app');
  mkdirSync(reactApp, { recursive: true });
  // As docs/frameworks.md shows it (without JSX, so no compiler is needed).
  writeFileSync(
    join(reactApp, 'main.js'),
    `import { init } from '@keuze/core';
import { ui } from '@keuze/elements';
import { KeuzeCookieBanner } from '@keuze/react';
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

init({ privacyUrl: '/privacy', categories: { necessary: {}, analytics: {} } }, { ui });
createRoot(document.getElementById('root')).render(
  createElement(StrictMode, null, createElement('main', { id: 'shop' }, createElement('h1', null, 'Shop'), createElement(KeuzeCookieBanner, { layout: 'inline' }))),
);
`,
  );
  // Counts the banners that render something in every frame from the start, to catch a second one however briefly.
  writeFileSync(
    join(reactApp, 'index.html'),
    `<!doctype html><html lang="en"><head><link rel="icon" href="data:,">
<script>
  window.mostShown = 0;
  const count = () => {
    const shown = [...document.querySelectorAll('keuze-cookie-banner')].filter((banner) => banner.shadowRoot?.querySelector('[part~="base"]')).length;
    window.mostShown = Math.max(window.mostShown, shown);
    requestAnimationFrame(count);
  };
  requestAnimationFrame(count);
</script>
<script type="module" src="build/main.js"></script></head><body><div id="root"></div></body></html>`,
  );
  // React's production build (NODE_ENV), the way a bundler makes it; left unminified, which changes
  // no timing that matters here and saves half a minute.
  const warnings = [];
  const bundle = await rollup({
    input: join(reactApp, 'main.js'),
    onwarn: (warning) => warnings.push(warning.message),
    plugins: [replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }), nodeResolve({ browser: true }), commonjs()],
  });
  await bundle.write({ dir: join(reactApp, 'build'), format: 'es' });
  await bundle.close();
  assert.deepEqual(
    warnings.filter((message) => !/"use client"/.test(message)),
    [],
  );

  browser ??= await launchChromium();
  const server = await serveStatic({ '/': reactApp });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/index.html`);
    await page.locator('#shop keuze-cookie-banner [part~="base"]').waitFor();
    // Every chunk loaded, and two frames more: Keuze's own banner would have been added by now.
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.deepEqual(await shownBanners(page), ['shop']);
    assert.equal(await page.evaluate(() => document.querySelectorAll('keuze-cookie-banner').length), 1);
    assert.equal(await page.evaluate(() => window.mostShown), 1);
    // The banner takes the click (nothing stacked over it).
    await page.locator('#shop keuze-cookie-banner [part~="reject-all"]').click();
    await page.waitForFunction(() => window.Keuze.getConsent()?.categories.join() == 'necessary');
    await context.close();
  } finally {
    await server.close();
  }
});
