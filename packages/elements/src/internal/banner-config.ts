import { isSafeUrl, type ResolvedConfig } from '@keuze/core';
import { isObject, NAME } from '@keuze/core/internal';

/**
 * The config the banner shows on a first visit before the validator has run (issue 16: nothing on
 * the banner's path waits for it, neither its file nor its work). It is the loader's quick read
 * (categories, cookie, revision) plus what the banner shows: the privacy link, the layout, the
 * language, the theme and the site's texts. A value is taken only if it is of a kind the banner can
 * show safely (the privacy link http(s) or relative, as the validator demands); anything else is
 * left out and its default applies. Labels and texts are shown as text, never as markup.
 *
 * The validator still reports every problem: it runs with the engine, which the UI asks for once
 * the banner is on screen, and its config then replaces this one (`KeuzeUiLink.bannerFirst`).
 * The UI's own read (core hands it `input` for this), so it travels in the UI's file, not in the loader.
 */
export function readConfigForBanner(quick: Readonly<ResolvedConfig>, input: unknown): Readonly<ResolvedConfig> {
  if (!isObject(input)) return quick;
  const { privacyUrl, layout, lang, theme, translations } = input;
  return {
    ...quick,
    privacyUrl: typeof privacyUrl == 'string' && isSafeUrl(privacyUrl) ? privacyUrl : undefined,
    // The validator's choices, repeated: a value it refuses would otherwise style the banner until it runs.
    layout: layout == 'bar' ? 'bar' : undefined,
    theme: theme == 'light' || theme == 'dark' || theme == 'auto' ? (theme as ResolvedConfig['theme']) : undefined,
    lang: typeof lang == 'string' ? lang : undefined,
    // Each language's texts as the validator takes them: a language named as a name (never
    // "__proto__"), with an object of strings, else left out whole.
    translations: isObject(translations)
      ? (Object.fromEntries(
          Object.entries(translations).filter(([lang, texts]) => NAME.test(lang) && isObject(texts) && Object.values(texts).every((text) => typeof text == 'string')),
        ) as ResolvedConfig['translations'])
      : undefined,
  };
}
