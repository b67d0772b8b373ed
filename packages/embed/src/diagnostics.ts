// The full config validator and the console wording, loaded by the script tag only when the quick
// config read or the cookie read found something to report.
export { checkConfig, explain } from '@keuze/core';
