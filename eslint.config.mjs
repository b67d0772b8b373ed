// ESLint for Keuze: `npm run lint` runs it after tsc and before `prettier --check`.
// Formatting is Prettier's job (.prettierrc.json); nothing here is a layout rule.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Built, installed and generated files.
  globalIgnores(['**/dist/', 'docs/_site/', 'coverage/', 'release/', 'tmp/', 'bench/results/', 'bench/.peer-bench/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,

  // TypeScript, type-aware: the package sources and browser tests through tsconfig.json, the
  // server through packages/server/tsconfig.json (Node types, NodeNext resolution).
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './packages/server/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // tsc's noUnusedLocals/noUnusedParameters report these already, with the same meaning.
      '@typescript-eslint/no-unused-vars': 'off',
      // A promise nobody awaits loses its rejection: say `void` where that is meant.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // @open-wc/semantic-dom-diff types chai's `equal` as returning a promise, for its async
          // `.dom.equal` snapshot form; a plain `expect(x).to.equal(y)` asserts at once. `accessible()`
          // stays checked: unawaited, it passes silently.
          allowForKnownSafeCalls: [{ from: 'package', package: 'chai', name: 'Equal' }],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // An async function without await is how an implementation of a promise-returning API (a
      // handler, a store's method, a test double) says so; tsc checks what it returns.
      '@typescript-eslint/require-await': 'off',
    },
  },

  // Lit templates and custom elements, wherever they are written (elements, tests, React wrappers).
  {
    files: ['packages/*/src/**/*.ts', 'test/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice']],
    rules: {
      'lit/attribute-names': 'error',
      'lit/lifecycle-super': 'error',
      'lit/no-classfield-shadowing': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-legacy-imports': 'error',
      'lit/no-native-attributes': 'error',
      'lit/no-template-bind': 'error',
      // Not lit/no-this-assign-in-render: it also flags assignments in the listeners a template
      // declares (`@change=${() => (this.x = …)}`), which run on events, not during render.
      'lit/no-useless-template-literals': 'error',
      'lit/no-value-attribute': 'error',
      'lit/prefer-nothing': 'error',
      // LitElement defines every lifecycle callback, so `super.connectedCallback()` needs no guard
      // (open-wc's config turns this off for Lit for the same reason).
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    rules: {
      // Lit calls a template's listeners with the element as `this`: `@click=${this.close}` is the
      // idiom, and this rule cannot tell it from a method that loses its object.
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // Tests read what our own test servers and frames send back (`response.json()`, `event.data`),
  // typed `any`; an assertion on a wrong shape fails anyway. The type test (test/types) uses what
  // tsc must reject on purpose.
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // Plain JavaScript: Node scripts and configs, browser pages' scripts.
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Scripts and Node tests that drive a browser: what they pass to `page.evaluate()` runs in the page.
    files: ['scripts/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['demo/**/*.js', 'test/support/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
);
