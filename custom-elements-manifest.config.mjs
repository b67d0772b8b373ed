// The custom elements manifest (custom-elements.json) of @keuze/elements, from the JSDoc on each
// element: tags, attributes, properties, events, parts and CSS properties, for editors, docs and
// framework tooling.
export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['packages/elements/src/**/*.test.ts'],
  outdir: 'packages/elements',
  litelement: true,
};
