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
    .map((line) => line.trim().replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1').replace(/:\s+/g, ':'))
    .join('\n');
const minifyCssLiterals = {
  name: 'keuze-minify-css-literals',
  transform(code, id) {
    if (!/[\\/]packages[\\/]elements[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
    return { code: code.replace(/\bcss`([^`]*)`/g, (_, body) => `css\`${minifyCss(body)}\``), map: null };
  },
};

const minify = terser({ ecma: 2020, module: true, compress: { passes: 3, pure_getters: true }, format: { comments: false } });

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
  'keuze.js': { gzip: 2970, brotli: 2650 },
  engine: { gzip: 3750, brotli: 3350 },
  diagnostics: { gzip: 600, brotli: 500 },
  // Only for a config with googleConsentMode.
  'consent-mode': { gzip: 600, brotli: 500 },
  // Proof of consent, loaded after a decision.
  'consent-log': { gzip: 1000, brotli: 900 },
  'config-validation': { gzip: 2600, brotli: 2300 },
  // The elements' registry, Keuze's i18next instance and the consent texts in both languages
  // (each other element brings its own texts).
  // #17: the language's direction on every element, English stand-ins marked, the reviewed texts.
  ui: { gzip: 2950, brotli: 2550 },
  i18next: { gzip: 15500, brotli: 14000 },
  lit: { gzip: 6200, brotli: 5600 },
  'theme.styles': { gzip: 1700, brotli: 1500 },
  'config-text': { gzip: 300, brotli: 250 },
  'cookie-banner': { gzip: 2100, brotli: 1800 },
  // #17 (accessibility) added forced-colour switches, a keyboard-safe language select, landmark-free
  // parts, named cookie tables and short-viewport layout: about 60 bytes over 3700 after the css``
  // minifier paid for the rest.
  'cookie-preferences': { gzip: 3850, brotli: 3300 },
  'reopen-button': { gzip: 950, brotli: 800 },
  // #17: heading-level, isolated names (<bdi>, ltr code), shrinkable headings.
  'cookie-declaration': { gzip: 2000, brotli: 1750 },
  // With marked and DOMPurify, which only pages with the statement load.
  'privacy-statement': { gzip: 30 * 1024, brotli: 27 * 1024 },
  newsletter: { gzip: 3600, brotli: 3100 },
  'newsletter-signup': { gzip: 2450, brotli: 2100 },
  // #17: focus kept after Undo and retries.
  'newsletter-preferences': { gzip: 2000, brotli: 1750 },
  // Everything in one classic script: engine, validator, every element, lit, i18next, marked, DOMPurify.
  // #17 (accessibility) added 0.36 KB gzip before the css`` minifier, which bought most of it back.
  'keuze.iife.js': { gzip: 73.75 * 1024, brotli: 64.5 * 1024 },
};

/** What a page view fetches, as load paths with a budget for the sum. */
const paths = {
  'returning visit': { files: ['keuze.js'], gzip: 2970 },
  // Issue 7 aims at 30 KB here; today's figure (36.5 KB, with Consent Mode and the consent log in
  // the engine and validator) is the budget until the work gets it there.
  'first visit, banner shown': { files: ['keuze.js', 'engine', 'ui', 'cookie-banner'], gzip: 36.75 * 1024 },
};

/**
 * The libraries get chunks named for what they are, so the size table says where the bytes go.
 * (Only libraries: a manual chunk also takes the modules it imports, and ours import core.)
 */
const manualChunks = (id) => {
  if (/node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id)) return 'lit';
  if (/node_modules[\\/]i18next[\\/]/.test(id)) return 'i18next';
  return undefined;
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
    plugins: [workspaceSources, nodeResolve(), minifyCssLiterals, esbuild({ target: TARGET, tsconfigRaw }), minify],
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
      plugins: [sizeReport({ files, paths })],
    },
  },
  {
    input: source('embed'),
    treeshake,
    plugins: [workspaceSources, nodeResolve(), minifyCssLiterals, esbuild({ target: TARGET, tsconfigRaw }), minify],
    output: { file: 'dist/keuze.iife.js', format: 'iife', inlineDynamicImports: true, sourcemap: true, plugins: [sizeReport({ files })] },
  },
];
