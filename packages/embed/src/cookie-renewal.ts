// The consent cookie renewal, loaded by the script tag only on a returning visit with cookie.renewUrl.
export { renewCookie } from '@keuze/core/internal';
