// Google Consent Mode, loaded by the script tag only for a config that asks for it.
export { startConsentMode } from '@keuze/core/internal';
