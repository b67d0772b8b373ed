// The full config validator and the console wording, loaded by the script tag only when the quick
// config read or the cookie read found something to report.
// (And the report of undeclared cookies and storage keys, when the loader's quick look found one.)
export { checkConfig } from '@keuze/core';
export { explain, reportUndeclared } from '@keuze/core/internal';
