import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { sizeReport } from './scripts/size-report.mjs';

const TARGET = 'es2022';
// Lit's decorators (experimental, as Lit documents for TypeScript); fields stay plain assignments.
const tsconfigRaw = { compilerOptions: { useDefineForClassFields: false, experimentalDecorators: true } };
const source = (pkg, file = 'index') => fileURLToPath(new URL(`./packages/${pkg}/src/${file}.ts`, import.meta.url));

/** Bundles for the script tag take our packages from source (`@keuze/elements/ui` too), so build order never matters. */
const workspaceSources = {
  name: 'keuze-workspace-sources',
  resolveId(id) {
    const [, pkg, file] = /^@keuze\/([\w-]+)(?:\/(.+))?$/.exec(id) ?? [];
    return pkg ? source(pkg, file) : null;
  },
};

/**
 * Core does nothing when imported (it promises that for server rendering), so a loader that
 * imports one function from core must not pull in the rest.
 */
const treeshake = { moduleSideEffects: (id) => !/[\\/]packages[\\/]core[\\/]src[\\/]/.test(id) };

/**
 * Lit's css`` literals reach the browser as written, comments and indentation included: terser
 * leaves template strings alone. This strips from each css`` literal in the elements' sources the
 * comments and the white space CSS does not need, keeping every line (so source maps still point at
 * the right line) and never touching an interpolation's `${…}`.
 */
const minifyCss = (css) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => '\n'.repeat(comment.split('\n').length - 1))
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':'),
    )
    .join('\n');
const minifyCssLiterals = {
  name: 'keuze-minify-css-literals',
  transform(code, id) {
    if (!/[\\/]packages[\\/]elements[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
    return { code: code.replace(/\bcss`([^`]*)`/g, (_, body) => `css\`${minifyCss(body)}\``), map: null };
  },
};

/**
 * Writes into the loader, for each element chunk (an element's `define.ts`), the files it needs
 * but the loader and `ui`: its chunk and every chunk it imports, however deep (see
 * ELEMENT_FILES in embed/src/index.ts). Read from rollup's chunk graph as the files are written,
 * so the list cannot go stale; other builds get an empty list. Rollup swaps the file names' hash
 * placeholders (as long as the hashes) for the hashes afterwards, in this text as in imports.
 */
const ELEMENT_FILES = /(["'])__KEUZE_ELEMENT_FILES__\1/;
const elementFiles = (chunks) => {
  const ui = Object.values(chunks).find((chunk) => chunk.name == 'ui')?.fileName;
  const closure = (fileName, seen = new Set()) => {
    if (!seen.has(fileName) && !chunks[fileName].isEntry && fileName != ui) {
      seen.add(fileName);
      for (const imported of chunks[fileName].imports) closure(imported, seen);
    }
    return seen;
  };
  return (
    Object.values(chunks)
      // Those a site places in its pages. (Not those Keuze places itself, after `ui` or with a click:
      // the dialog, the settings button, the iframe placeholder; each imports only `ui`.)
      .filter((chunk) => /elements[\\/]src[\\/](?!cookie-preferences|reopen-button|embed-placeholder)[\w-]+[\\/]define\.ts$/.test(chunk.facadeModuleId ?? '') && chunk.fileName != ui)
      .map((chunk) => [...closure(chunk.fileName)].map((fileName) => fileName.replace(/^chunks\/|\.js$/g, '')).join(','))
      .join(' ')
  );
};
const writeElementFiles = (list) => ({
  name: 'keuze-element-files',
  renderChunk(code, chunk, options, { chunks }) {
    const found = ELEMENT_FILES.exec(code);
    if (!found) return null;
    const text = new MagicString(code).overwrite(found.index, found.index + found[0].length, JSON.stringify(list ? elementFiles(chunks) : ''));
    return { code: text.toString(), map: text.generateMap({ hires: true }) };
  },
});

const minify = terser({ ecma: 2020, module: true, compress: { passes: 3, pure_getters: true }, format: { comments: false, ascii_only: true } });

/**
 * Each npm package: ESM, one module per source file (so npm users can import one element's
 * `define.js` alone), dependencies external; declarations come from tsc.
 */
const packageBuild = (pkg, entries = ['index'], banner = undefined) => ({
  input: entries.map((file) => source(pkg, file)),
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  plugins: [esbuild({ target: TARGET, tsconfigRaw }), writeElementFiles(false)],
  output: { dir: `packages/${pkg}/dist`, format: 'es', preserveModules: true, preserveModulesRoot: `packages/${pkg}/src`, sourcemap: true, banner },
});

/**
 * Bytes per built file (gzip -9 / brotli 11), by name without hash: a file that grows past its
 * budget, or a new file without one, fails the build. Set a little above today's size, so that
 * growth is a decision.
 */
export const files = {
  // The loader: all a returning visitor downloads on a page without Keuze elements.
  // Issue 14 (+300 B): the config read as own data, the Consent Mode gate, the nonce check under
  // 'strict-dynamic', the Trusted Types policy and a queue that skips what cannot run. Issue 21
  // (+50 B): cookie.renewUrl's check and import (the renewal itself is its own chunk). Issue 19
  // (+365 B): reopenButton 'auto', blocked iframes found for their placeholders, the record's
  // decision times, receipt(), and the quick look for undeclared cookies and storage keys.
  // #13/#14's records work (+200 B gzip, measured 3901 B after merging main): every copy of the
  // consent cookie read (newest valid wins), past a sandboxed frame and a clobbered
  // document.cookie, and the choice re-read on pageshow, visibilitychange, cookieStore changes and
  // later markup (the explanations, the announcement and the clean-up load only when needed).
  // Issue 16 (+236 B gzip, 3901 → 4137 B): each element's files by name and hash (about 200 B of
  // the list: names with an 8-character hash each do not compress), so that a page with the
  // statement, the declaration, a newsletter element or the request form asks for all of them
  // with `ui`, one round trip after the loader instead of three. Issue 15 (+~60 B, measured 4199 B
  // after merging): core hands its instance to the UI once (ui.connect) and keeps the language and
  // the texts the UI shows, instead of the elements finding Keuze through a window property trap.
  // Issue 16, returning-visit bytes (-52 B gzip, measured 4146 B / 3756 B brotli): chunk hashes of
  // 6 characters, not 8, in the element pages' list and the imports (-35 B); the record pattern
  // as a literal and shorter reads of it, of the Trusted Types policy and of async (-37 B); +20 B for
  // the decision times' stricter pattern (a forged cookie made the loader throw).
  // Issue 16, the banner before the validator (+~100 B): the safe-URL check moves here from the
  // validator, so the UI's first read of the config can use it without a round trip, core hands
  // the UI the config as read and whether the banner may show from it, and the other-tab check
  // ignores stale reads of values this page wrote over; no cookie re-read on the first pageshow.
  'keuze.js': { gzip: 4280, brotli: 3860 },
  engine: { gzip: 4000, brotli: 3550 },
  // With issue 19's report of undeclared cookies and storage keys: loaded only when there is one.
  // (+0.2 KB: #13/#14's explanation of why no copy of the consent cookie counts, moved out of the loader.)
  diagnostics: { gzip: 1800, brotli: 1550 },
  // The event hub, shared by the engine and that report.
  events: { gzip: 550, brotli: 450 },
  // Every cookie write and delete (cookie-jar.ts, #13/#14) and the categories' cookie lists: the
  // engine's and the elements' (keuze_newsletter is written only under a granted category).
  categories: { gzip: 1600, brotli: 1400 },
  // The consent cookie's attributes, shared by the cookie writer and the renewal chunk (which sends
  // them to @keuze/server, so the server's copy has the same SameSite and Partitioned).
  'cookie-attributes': { gzip: 400, brotli: 330 },
  // Only for a config with googleConsentMode.
  'consent-mode': { gzip: 600, brotli: 500 },
  // Only on a returning visit with cookie.renewUrl.
  'cookie-renewal': { gzip: 450, brotli: 400 },
  // Proof of consent, loaded after a decision.
  'consent-log': { gzip: 1000, brotli: 900 },
  // Keuze.receipt() and consentLog.format 'iso27560' only (issue 19 item 6).
  receipt: { gzip: 1250, brotli: 1100 },
  // +0.16 KB for the privacyRequest and newsletter.minimumAge / tracking keys (issue 20), +0.14 KB
  // for the warnings for a missing privacyUrl and unlabelled categories and services (issue 18),
  // the schema of issue 19's keys.
  'config-validation': { gzip: 3800, brotli: 3350 },
  // Issue 19's warnings about a config a site should not ship (a missing privacyUrl, label,
  // description, or reopenButton: false without a link of the site's own): after the banner.
  'config-warnings': { gzip: 850, brotli: 700 },
  // All a first visit's banner needs in one file (a round trip per file on a phone network): the
  // elements' registry, i18next, Lit, the theme, the consent texts in both languages and the banner.
  // i18next 26: the last line that installs on Node 20 without EBADENGINE (27 declares node>=22).
  // +60 B gzip for #13 item 4 (body swaps); issue 19's texts (signals, new categories).
  ui: { gzip: 27.7 * 1024, brotli: 25 * 1024 },
  // #17 (accessibility): forced-colour switches, a keyboard-safe language select, landmark-free
  // parts, named cookie tables, short-viewport layout, English stand-ins marked: measured 4.05 KB
  // gzip / 3.51 KB brotli after the css`` minifier, on top of main's focus guards and consent proof.
  'cookie-preferences': { gzip: 4250, brotli: 3650 },
  'reopen-button': { gzip: 950, brotli: 800 },
  // (+0.45 KB: #13/#14's rows for Keuze's own storage, the consent cookie, the pending consent log
  // and keuze_newsletter, with their purposes and lifetimes in both languages.)
  // (brotli +10 B, #15: the chunk's code is the same; the ui chunk lost an export (pageKeuze), so
  // rollup's short export names shifted and terser's names here with them: 2252 B measured.)
  'cookie-declaration': { gzip: 2600, brotli: 2260 },
  // With marked and DOMPurify, which only pages with the statement load.
  'privacy-statement': { gzip: 30 * 1024, brotli: 27 * 1024 },
  // Issue 14: host answers checked against their documented shape (+350 B), and one email rule
  // for every script, with IDNA through the URL parser (+160 B).
  newsletter: { gzip: 4050, brotli: 3550 },
  // One box per topic with its own consent label, the age and tracking boxes (issue 20).
  'newsletter-signup': { gzip: 2750, brotli: 2400 },
  'newsletter-preferences': { gzip: 1950, brotli: 1700 },
  // The async controller (internal/async-task.ts: load, pending, error, retry, abort) of the statement and
  // the newsletter elements, and the cookie table the dialog and the declaration share (issue 15):
  // code that was in those elements' chunks, each of which shrank by more.
  'async-task': { gzip: 360, brotli: 280 },
  'cookie-table': { gzip: 330, brotli: 260 },
  // The rights request form with its texts and the ID copy masker (canvas, pointer and keys).
  'privacy-request': { gzip: 8850, brotli: 7900 },
  // Only for a page with a blocked gated iframe (issue 19 item 1).
  'embed-placeholder': { gzip: 2300, brotli: 2000 },
  // Everything in one classic script: engine, validator, every element, lit, i18next, marked, DOMPurify.
  // (+7 KB with the privacy request form, issue 20; +5 KB for issue 19.)
  // (+0.7 KB for #13/#14: the cookie module, the re-reads, the own-storage rows, the validator's rules.)
  // (+0.25 KB after this session's merges, measured 90.02 KB: #15's base element, async task and
  // handshake, and the new-user fixes: service descriptions, the lang warning, RTL.)
  // (+0.2 KB for issue 16's banner before the validator: the UI's first read of the config, the
  // provider's two configs, the stale-read guard, the overwrite without a gap; measured 90.49 KB.)
  'keuze.iife.js': { gzip: 90.6 * 1024, brotli: 78.75 * 1024 },
};

/** What a page view fetches, as load paths with a budget for the sum. */
export const paths = {
  'returning visit': { files: ['keuze.js'], gzip: 4280, breakdown: true },
  // Issue 16 aims at 30 KB for a first visit (with lit and i18next). What the banner waits for:
  // the loader and `ui`, one round trip after it (`oneRoundTrip`: ui imports nothing but the
  // loader, checked here). The engine and the validator are not on it: the UI asks for them once the
  // banner is on screen (KeuzeUiLink.bannerFirst).
  // Measured 31.78 KB (before: 40.05 KB with the engine and the validator).
  'first visit, banner shown': { files: ['keuze.js', 'ui'], gzip: 31.85 * 1024, oneRoundTrip: ['ui'], breakdown: true },
  // All a first visit loads before the visitor's choice: the above, then the engine with the
  // validator, the categories' cookie lists and the event hub. +1 KB for #13/#14: the loader's
  // records work, and the cookie writer (cookie-jar.ts, in `categories`) with its attributes. +0.25
  // KB for the element pages' list in the loader (issue 16, above), +0.15 KB for issue 15's base
  // element, handshake and language owner (measured 40.05 KB after merging). -0.1 KB for the
  // loader's diet and 6-character hashes in every import (39.96 KB); +0.3 KB for the banner
  // before the validator (the UI's first read of the config, the provider's second answer).
  'first visit, before the choice': { files: ['keuze.js', 'ui', 'engine'], gzip: 40.5 * 1024 },
  // Issue 16: a page with one of these elements gets all its files one round trip after the
  // loader (`askedBy`: the loader names each of them, and asks for them with `ui`). Each +0.1 to
  // 0.25 KB after merging issue 15 (the base element and async-task chunk, the loader's handshake).
  // +0.3 KB each for the banner before the validator (in `ui`); the statement's page lost the
  // validator (−4.8 KB): its safe-URL check now comes from the loader.
  'privacy statement page': { files: ['keuze.js', 'privacy-statement'], gzip: 62.05 * 1024, askedBy: 'keuze.js' },
  'cookie declaration page': { files: ['keuze.js', 'cookie-declaration'], gzip: 36.4 * 1024, askedBy: 'keuze.js' },
  'newsletter signup page': { files: ['keuze.js', 'newsletter-signup'], gzip: 40.15 * 1024, askedBy: 'keuze.js' },
  'newsletter preferences page': { files: ['keuze.js', 'newsletter-preferences'], gzip: 39.45 * 1024, askedBy: 'keuze.js' },
  'privacy request page': { files: ['keuze.js', 'privacy-request'], gzip: 48.95 * 1024, askedBy: 'keuze.js' },
};

/**
 * A first visit must cost one round trip after the loader, not one per layer: a module loader finds
 * a file's static imports only once the file has arrived. So the script tag's `ui` chunk holds all
 * that the banner needs (registry, i18next, Lit, theme, texts, the banner: see embed/src/ui.ts),
 * and all of Lit, so that the other elements, each a chunk of its own, import only from it and the
 * loader. `onlyExplicitManualChunks` keeps rollup from moving the loader's own modules into it.
 */
const isLit = (id) => /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id);
const isBarrel = (id) => /[\\/]packages[\\/][\w-]+[\\/]src[\\/](index|internal)\.ts$/.test(id);
let uiModules;
const manualChunks = (id, { getModuleInfo }) => {
  if (!uiModules) {
    const closure = (roots, skip = new Set()) => {
      const seen = new Set();
      const visit = (moduleId) => {
        // A package's index re-exports everything; what a module takes through it is the loader's.
        if (seen.has(moduleId) || skip.has(moduleId) || isBarrel(moduleId)) return;
        seen.add(moduleId);
        for (const imported of getModuleInfo(moduleId)?.importedIds ?? []) visit(imported);
      };
      roots.forEach(visit);
      return seen;
    };
    // What the loader is made of (its budget and the returning-visit path catch a module moved out of it).
    const loader = closure([source('embed'), source('core', 'keuze'), source('core', 'config'), source('core', 'log')]);
    uiModules = closure([source('embed', 'ui'), source('elements', 'ui')], loader);
  }
  return uiModules.has(id) || isLit(id) ? 'ui' : undefined;
};

/**
 * The script-tag files are written twice, byte for byte: to `dist/` (what the demo, tests and bench
 * load) and into @keuze/embed, the package a CDN that mirrors npm serves them from
 * (`…/@keuze/embed@<version>/dist/keuze.js`, its chunks beside it in `dist/chunks/`).
 */
const scriptTagDirs = ['dist', 'packages/embed/dist'];

export default [
  // `internal`: what @keuze/embed, @keuze/elements and @keuze/server take from core besides its public API.
  packageBuild('core', ['index', 'internal']),
  packageBuild('elements', [
    'index',
    'define',
    'ui',
    'cookie-banner/define',
    'cookie-preferences/define',
    'reopen-button/define',
    'privacy-statement/define',
    'cookie-declaration/define',
    'newsletter-signup/define',
    'newsletter-preferences/define',
    'privacy-request/define',
    'embed-placeholder/define',
  ]),
  packageBuild('embed'),
  // Client components for React Server Components (Next.js App Router): the wrappers use hooks.
  packageBuild('react', ['index'], "'use client';"),
  {
    input: { keuze: source('embed') },
    // The script tag exports nothing; letting rollup drop the signature keeps the loader one file.
    preserveEntrySignatures: false,
    treeshake,
    plugins: [workspaceSources, nodeResolve(), minifyCssLiterals, esbuild({ target: TARGET, tsconfigRaw }), writeElementFiles(true), minify],
    output: scriptTagDirs.map((dir, index) => ({
      dir,
      format: 'es',
      entryFileNames: '[name].js',
      // An element's chunk is named after its folder (cookie-banner-….js), not after define.ts,
      // and the newsletter elements' shared code is "newsletter". Hashes of 6 characters, not
      // rollup's 8 (36 bits: still no collision between two versions of a file in practice): the
      // loader names each element page's files (ELEMENT_FILES), and random characters do not
      // compress (-35 B gzip on keuze.js). Rollup fails the build, with a clear message, if this
      // is too short for its placeholders: at more than 63 chunks.
      chunkFileNames: (chunk) => {
        const element = /([\w-]+)[\\/]define\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1];
        const newsletter = chunk.moduleIds.every((id) => /elements[\\/]src[\\/]internal[\\/]newsletter[\\/]/.test(id)) && 'newsletter';
        return `chunks/${element ?? (newsletter || '[name]')}-[hash:6].js`;
      },
      // Maps are written beside each file, without the comment that points to them: every
      // visitor would download that line, only developers use the map.
      sourcemap: 'hidden',
      // Arrow functions in rollup's own glue (`.then((n) => n.e)` after a dynamic import).
      generatedCode: 'es2015',
      manualChunks,
      onlyExplicitManualChunks: true,
      // One size table: the copies are the same bytes.
      plugins: index ? [] : [sizeReport({ files, paths })],
    })),
  },
  {
    input: source('embed'),
    treeshake,
    plugins: [workspaceSources, nodeResolve(), minifyCssLiterals, esbuild({ target: TARGET, tsconfigRaw }), writeElementFiles(false), minify],
    output: scriptTagDirs.map((dir, index) => ({
      file: `${dir}/keuze.iife.js`,
      format: 'iife',
      inlineDynamicImports: true,
      sourcemap: true,
      plugins: index ? [] : [sizeReport({ files })],
    })),
  },
];
