// The full config validator, loaded by the script tag when the quick read finds something off.
export { checkConfig } from '@keuze/core';
