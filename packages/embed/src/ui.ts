// The elements' chunk for the script tag: each element's code is a further chunk of its own.
export { ui } from '@keuze/elements/ui';
