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

const minify = terser({ ecma: 2020, module: true, compress: { passes: 3, pure_getters: true }, format: { comments: false } });

/**
 * Each npm package: ESM, one module per source file (so npm users can import one element's
 * `define.js` alone), dependencies external; declarations come from tsc.
 */
const packageBuild = (pkg, entries = ['index']) => ({
  input: entries.map((file) => source(pkg, file)),
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  plugins: [esbuild({ target: TARGET, tsconfigRaw })],
  output: { dir: `packages/${pkg}/dist`, format: 'es', preserveModules: true, preserveModulesRoot: `packages/${pkg}/src`, sourcemap: true },
});

/** gzip budgets in bytes; an entry's budget includes the chunks it imports statically. */
const budgets = {
  // The loader: all a returning visitor downloads on a page without Keuze elements.
  'keuze.js': 3 * 1024,
  // The classic-script file holds everything: engine, validator, elements, lit, i18next, and the
  // statement viewer's Markdown parser and sanitiser (about 27 KB of it) and the newsletter forms.
  'keuze.iife.js': 72 * 1024,
};

export default [
  packageBuild('core'),
  packageBuild('elements', ['index', 'define', 'ui', 'cookie-banner/define', 'cookie-preferences/define', 'reopen-button/define', 'privacy-statement/define', 'cookie-declaration/define', 'newsletter-signup/define', 'newsletter-preferences/define']),
  packageBuild('embed'),
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
      // An element's chunk is named after its folder (cookie-banner-….js), not after define.ts.
      chunkFileNames: (chunk) => `chunks/${/([\w-]+)[\\/]define\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1] ?? '[name]'}-[hash].js`,
      // Maps are written beside each file, without the comment that points to them: every
      // visitor would download that line, only developers use the map.
      sourcemap: 'hidden',
      plugins: [sizeReport({ budgets })],
    },
  },
  {
    input: source('embed'),
    treeshake,
    plugins: [workspaceSources, nodeResolve(), esbuild({ target: TARGET, tsconfigRaw }), minify],
    output: { file: 'dist/keuze.iife.js', format: 'iife', inlineDynamicImports: true, sourcemap: true, plugins: [sizeReport({ budgets })] },
  },
];
