import { fileURLToPath } from 'node:url';
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
 * Core and js-cookie do nothing when imported (core promises that for server rendering), so a
 * loader that imports one function from core must not pull in the rest, js-cookie included.
 */
const treeshake = { moduleSideEffects: (id) => !/[\\/](packages[\\/]core[\\/]src|js-cookie)[\\/]/.test(id) };

const minify = terser({ ecma: 2020, module: true, compress: { passes: 3, pure_getters: true }, format: { comments: false, ascii_only: true } });

/**
 * Each npm package: ESM, one module per source file (so npm users can import one element's
 * `define.js` alone), dependencies external; declarations come from tsc.
 */
const packageBuild = (pkg, entries = ['index'], banner = undefined) => ({
  input: entries.map((file) => source(pkg, file)),
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  plugins: [esbuild({ target: TARGET, tsconfigRaw })],
  output: { dir: `packages/${pkg}/dist`, format: 'es', preserveModules: true, preserveModulesRoot: `packages/${pkg}/src`, sourcemap: true, banner },
});

/**
 * Bytes per built file (gzip -9 / brotli 11), by name without hash: a file that grows past its
 * budget, or a new file without one, fails the build. Set a little above today's size, so that
 * growth is a decision.
 */
const files = {
  // The loader: all a returning visitor downloads on a page without Keuze elements.
  // Issue 14 (+300 B): the config read as own data, the Consent Mode gate, the nonce check under
  // 'strict-dynamic', the Trusted Types policy and a queue that skips what cannot run.
  'keuze.js': { gzip: 3300, brotli: 2950 },
  engine: { gzip: 3750, brotli: 3350 },
  diagnostics: { gzip: 900, brotli: 750 },
  // Only for a config with googleConsentMode.
  'consent-mode': { gzip: 600, brotli: 500 },
  // Proof of consent, loaded after a decision.
  'consent-log': { gzip: 1000, brotli: 900 },
  'config-validation': { gzip: 2600, brotli: 2300 },
  // All a first visit's banner needs in one file (a round trip per file on a phone network): the
  // elements' registry, i18next, Lit, the theme, the consent texts in both languages and the banner.
  ui: { gzip: 26.2 * 1024, brotli: 23.5 * 1024 },
  'cookie-preferences': { gzip: 3700, brotli: 3200 },
  'reopen-button': { gzip: 950, brotli: 800 },
  'cookie-declaration': { gzip: 1900, brotli: 1650 },
  // With marked and DOMPurify, which only pages with the statement load.
  'privacy-statement': { gzip: 30 * 1024, brotli: 27 * 1024 },
  // Issue 14: host answers checked against their documented shape (+350 B), and one email rule
  // for every script, with IDNA through the URL parser (+160 B).
  newsletter: { gzip: 4050, brotli: 3550 },
  'newsletter-signup': { gzip: 2650, brotli: 2300 },
  'newsletter-preferences': { gzip: 1950, brotli: 1700 },
  // Everything in one classic script: engine, validator, every element, lit, i18next, marked, DOMPurify.
  'keuze.iife.js': { gzip: 75 * 1024, brotli: 65.5 * 1024 },
};

/** What a page view fetches, as load paths with a budget for the sum. */
const paths = {
  'returning visit': { files: ['keuze.js'], gzip: 3300 },
  // Issue 16 aims at 30 KB here (34.98 KB today, with lit and i18next; issue 14's checks in the
  // loader add 0.3 KB). `oneRoundTrip`: these files import nothing but the loader, so each arrives
  // one round trip after it (checked by the build).
  'first visit, banner shown': { files: ['keuze.js', 'engine', 'ui'], gzip: 35.6 * 1024, oneRoundTrip: ['ui'], breakdown: true },
};

/**
 * A first visit must cost one round trip after the loader, not one per layer: a module loader finds
 * a file's static imports only once the file has arrived. So the script tag's `ui` chunk holds all
 * that the banner needs (registry, i18next, Lit, theme, texts, the banner: see embed/src/ui.ts),
 * and all of Lit, so that the other elements, each a chunk of its own, import only from it and the
 * loader. `onlyExplicitManualChunks` keeps rollup from moving the loader's own modules into it.
 */
const isLit = (id) => /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id);
const isBarrel = (id) => /[\\/]packages[\\/][\w-]+[\\/]src[\\/]index\.ts$/.test(id);
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

export default [
  packageBuild('core'),
  packageBuild('elements', ['index', 'define', 'ui', 'cookie-banner/define', 'cookie-preferences/define', 'reopen-button/define', 'privacy-statement/define', 'cookie-declaration/define', 'newsletter-signup/define', 'newsletter-preferences/define']),
  packageBuild('embed'),
  // Client components for React Server Components (Next.js App Router): the wrappers use hooks.
  packageBuild('react', ['index'], "'use client';"),
  {
    input: { keuze: source('embed') },
    // The script tag exports nothing; letting rollup drop the signature keeps the loader one file.
    preserveEntrySignatures: false,
    treeshake,
    plugins: [workspaceSources, nodeResolve(), esbuild({ target: TARGET, tsconfigRaw }), minify],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      // An element's chunk is named after its folder (cookie-banner-….js), not after define.ts,
      // and the newsletter elements' shared code is "newsletter".
      chunkFileNames: (chunk) => {
        const element = /([\w-]+)[\\/]define\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1];
        const newsletter = chunk.moduleIds.every((id) => /elements[\\/]src[\\/]newsletter[\\/]/.test(id)) && 'newsletter';
        return `chunks/${element ?? (newsletter || '[name]')}-[hash].js`;
      },
      // Maps are written beside each file, without the comment that points to them: every
      // visitor would download that line, only developers use the map.
      sourcemap: 'hidden',
      manualChunks,
      onlyExplicitManualChunks: true,
      plugins: [sizeReport({ files, paths })],
    },
  },
  {
    input: source('embed'),
    treeshake,
    plugins: [workspaceSources, nodeResolve(), esbuild({ target: TARGET, tsconfigRaw }), minify],
    output: { file: 'dist/keuze.iife.js', format: 'iife', inlineDynamicImports: true, sourcemap: true, plugins: [sizeReport({ files })] },
  },
];
