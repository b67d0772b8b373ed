import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { sizeReport } from './scripts/size-report.mjs';

const TARGET = 'es2022';
// Parameter properties become plain assignments, without a second field declaration each.
const tsconfigRaw = { compilerOptions: { useDefineForClassFields: false } };
const source = (pkg) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

/** Bundles for the script tag take our packages from source, so build order never matters. */
const workspaceSources = {
  name: 'keuze-workspace-sources',
  resolveId: (id) => (id.startsWith('@keuze/') ? source(id.slice('@keuze/'.length)) : null),
};

/**
 * Core and js-cookie do nothing when imported (core promises that for server rendering), so a
 * loader that imports one function from core must not pull in the rest, js-cookie included.
 */
const treeshake = { moduleSideEffects: (id) => !/[\\/](packages[\\/]core[\\/]src|js-cookie)[\\/]/.test(id) };

const minify = terser({ ecma: 2020, module: true, compress: { passes: 3, pure_getters: true }, format: { comments: false } });

/** Each npm package: ESM that keeps its dependencies external (declarations come from tsc). */
const packageBuild = (pkg) => ({
  input: source(pkg),
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  plugins: [esbuild({ target: TARGET, tsconfigRaw })],
  output: { file: `packages/${pkg}/dist/index.js`, format: 'es', sourcemap: true },
});

/** gzip budgets in bytes; an entry's budget includes the chunks it imports statically. */
const budgets = {
  // Everything a returning visitor downloads: the engine alone.
  'keuze.js': 3 * 1024,
  // The classic-script file holds everything: engine, validator and (later) the UI.
  'keuze.iife.js': 7.5 * 1024,
};

export default [
  packageBuild('core'),
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
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
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
