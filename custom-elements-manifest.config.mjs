// The custom elements manifest (custom-elements.json) of @keuze/elements, from the JSDoc on each
// element: tags, attributes, properties, events, parts and CSS properties, for editors, docs and
// framework tooling.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

const themeFile = new URL('./packages/elements/src/internal/theme.styles.ts', import.meta.url);

/**
 * The theme tokens, in the order of the JSDoc on `themeStyles` (one description each), with their
 * `var()` fallbacks as defaults: every element that uses themeStyles reads all of them, which its
 * own JSDoc would otherwise repeat thirty times. A colour's `-dark` partner follows it.
 */
function themeTokens() {
  const source = readFileSync(themeFile, 'utf8');
  const defaults = new Map([...source.matchAll(/var\((--keuze-[\w-]+), (.+)\);\s*$/gm)].map(([, name, value]) => [name, value]));
  const tokens = [...source.matchAll(/@cssproperty (--keuze-[\w-]+) - (.+)/g)].flatMap(([, name, description]) => [
    { name, default: defaults.get(name), description },
    ...(defaults.has(`${name}-dark`) ? [{ name: `${name}-dark`, default: defaults.get(`${name}-dark`), description: `\`${name}\` in the dark scheme.` }] : []),
  ]);
  const undocumented = [...defaults.keys()].filter((name) => !tokens.some((token) => token.name == name));
  if (undocumented.length) throw new Error(`${undocumented.join(', ')}: no @cssproperty line in ${themeFile.pathname}`);
  return tokens;
}

const themeTokensOnEveryElement = {
  name: 'keuze-theme-tokens',
  packageLinkPhase({ customElementsManifest }) {
    const tokens = themeTokens();
    for (const module of customElementsManifest.modules) {
      if (!/\bthemeStyles\b/.test(readFileSync(module.path, 'utf8'))) continue;
      for (const element of module.declarations.filter((declaration) => declaration.customElement)) {
        const own = new Set((element.cssProperties ?? []).map((property) => property.name));
        element.cssProperties = [...(element.cssProperties ?? []), ...tokens.filter((token) => !own.has(token.name))];
      }
    }
  },
};

/**
 * The analyzer names the TypeScript sources (`packages/elements/src/…/x.ts`, or `x.js` for a
 * superclass, as its import says), which the npm package does not contain: every such path becomes the module a consumer has, relative to the
 * package (`dist/…/x.js`, with its `.d.ts` beside it). Runs last, after the plugins that read the
 * sources.
 */
const packagePaths = {
  name: 'keuze-package-paths',
  packageLinkPhase({ customElementsManifest }) {
    const rewrite = (value, dir) => {
      if (typeof value == 'string') {
        const built = value.replace(/^\/?packages\/elements\/src\/(.+)\.[jt]s$/, 'dist/$1.js');
        // A re-export names its module relative to the re-exporting one.
        return built.startsWith('./') ? posix.join(dir, built) : built;
      }
      if (Array.isArray(value)) return value.map((inner) => rewrite(inner, dir));
      if (value && typeof value == 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rewrite(inner, dir)]));
      return value;
    };
    customElementsManifest.modules = customElementsManifest.modules.map((module) => {
      const path = rewrite(module.path, '.');
      return rewrite({ ...module, path }, posix.dirname(path));
    });
  },
};

export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['packages/elements/src/**/*.test.ts', 'packages/elements/src/**/*.harness.ts'],
  outdir: 'packages/elements',
  litelement: true,
  plugins: [themeTokensOnEveryElement, packagePaths],
};
