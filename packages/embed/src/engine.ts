// The write path, loaded by the script tag only when a choice is to be made.
export { ConsentEngine } from '@keuze/core/internal';
