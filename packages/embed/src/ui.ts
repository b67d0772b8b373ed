// The elements' chunk for the script tag. The banner comes inside it: a first visit needs both, and
// a module loader finds a file's static imports only once the file has arrived, so a separate banner
// chunk would cost one more round trip before the banner shows. Lit, the theme and the texts come
// with it; every other element is a further chunk of its own that imports them from here.
import '@keuze/elements/cookie-banner/define';
export { ui } from '@keuze/elements/ui';
