import { logWarning } from '@keuze/core/internal';
import i18next, { type i18n as I18n } from 'i18next';
import { html, type TemplateResult } from 'lit';
import type { DeclarationKey } from '../cookie-declaration/declaration.texts.js';
import type { PlaceholderKey } from '../embed-placeholder/placeholder.texts.js';
import type { NewsletterKey } from '../internal/newsletter/newsletter.texts.js';
import type { RequestKey } from '../privacy-request/privacy-request.texts.js';
import type { StatementKey } from '../privacy-statement/statement.texts.js';
import { en, type TranslationKey } from '../translations/en.js';
import { nl } from '../translations/nl.js';

/** Every text's key: the consent texts here, and those each element brings with its code. */
export type TextKey = TranslationKey | DeclarationKey | StatementKey | NewsletterKey | RequestKey | PlaceholderKey;
export type { TranslationKey };

/**
 * Keys a site may set that are not among the consent texts here: per-name texts (a category's
 * label, a language's name) and the texts of elements that load later. Any other key (a typo such
 * as `banner.titel`) is reported.
 */
const LATER_KEYS = /^(category|language|statement|declaration|newsletter|email|request)\.[\w.-]+$/;

/**
 * Keuze's own i18next instance: a host page's i18next (and its language) stays untouched.
 * Keys are flat, and every value is plain text: Lit escapes it, so nothing is interpolated as HTML.
 */
export const i18n: I18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, nl: { translation: nl } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
});

const warned = new Set<string>();

/** Languages with texts: the shipped ones and any a site added in `config.translations`. */
export const availableLanguages = (): string[] => Object.keys(i18n.store.data);

/**
 * The best available match for a language tag: exact, then by primary subtag (`nl-BE` → `nl`).
 * Tags are compared in their BCP 47 form (RFC 5646: case-insensitive, `-` between subtags), so
 * what sites write instead also matches: `NL`, `nl-nl`, a POSIX locale such as `nl_NL.UTF-8` or
 * `nl_NL@euro`, stray spaces.
 */
export function matchLanguage(tag: string | undefined | null): string | undefined {
  const normal = tag
    ?.trim()
    .replace(/[.@].*$/, '')
    .replace(/_/g, '-')
    .toLowerCase();
  if (!normal) return undefined;
  const available = availableLanguages();
  return available.find((lang) => lang.toLowerCase() === normal) ?? available.find((lang) => lang === normal.split('-')[0]);
}

/** Config `lang`, then `<html lang>`, then the browser's languages, then English. */
export function detectLanguage(configLang?: string): string {
  const candidates = [configLang, document.documentElement.lang, ...(navigator.languages ?? [navigator.language])];
  for (const candidate of candidates) {
    const match = matchLanguage(candidate);
    if (match) return match;
  }
  return 'en';
}

/**
 * Adds a site's texts from `config.translations`. Empty texts are refused (a button must never be
 * blank); a language lacking keys shows the English texts there, with one warning listing them
 * when that language is first used. `language.<code>` names a language in the switch.
 */
export function addTranslations(translations: Record<string, Record<string, string>> | undefined): void {
  for (const [lang, texts] of Object.entries(translations ?? {})) {
    const usable = Object.fromEntries(
      Object.entries(texts).filter(([key, text]) => {
        if (!(key in en) && !LATER_KEYS.test(key)) logWarning(`config.translations.${lang}.${key}: Keuze has no text with this key; ignored.`);
        else if (typeof text != 'string' || !text.trim()) logWarning(`config.translations.${lang}.${key}: empty; the default text stays.`);
        else return true;
        return false;
      }),
    );
    i18n.addResources(lang, 'translation', usable);
  }
}

/**
 * Switches every Keuze element to `lang` (if Keuze has texts for it); returns the language used.
 * Only ui.ts calls it (at start, and for core, which keeps the language): elements and pages call
 * `Keuze.setLanguage`.
 */
export function setLanguage(lang: string): string {
  const match = matchLanguage(lang);
  if (!match) {
    logWarning(`no texts for language "${lang}"; add them in config.translations. Keeping ${i18n.language}.`);
    return i18n.language;
  }
  if (match !== i18n.language) void i18n.changeLanguage(match);
  const missing = Object.keys(en).filter((key) => !i18n.exists(key, { lng: match, fallbackLng: [] }));
  if (missing.length && !warned.has(match)) {
    warned.add(match);
    logWarning(`translations for "${match}" lack ${missing.join(', ')}; showing the English texts there.`);
  }
  return match;
}

export const t = (key: TextKey, values: Record<string, string> = {}): string => i18n.t(key, values);

/**
 * A text for the page, as `t()`; when the language shown lacks it and the English one stands in,
 * that English is marked as such (WCAG 3.1.2, language of parts) and isolated left-to-right, so an
 * Arabic page shows "Cookie settings." and not ".Cookie settings".
 */
export const shownText = (key: TextKey, values?: Record<string, string>): string | TemplateResult =>
  i18n.language == 'en' || i18n.exists(key, { lng: i18n.language, fallbackLng: [] }) ? t(key, values) : html`<span lang="en" dir="ltr">${t(key, values)}</span>`;

/**
 * Adds an element's own texts when its code loads. Keys a site already set in
 * `config.translations` keep the site's text.
 */
export function registerTexts(texts: Record<string, Record<string, string>>): void {
  for (const [lang, bundle] of Object.entries(texts)) i18n.addResourceBundle(lang, 'translation', bundle, true, false);
}

/**
 * A config text: one string, or one per language (falling back to English, then to `fallback`).
 * Only a string counts: on a first visit the banner shows the config before the validator has
 * checked it, and a label such as `{ nl: { x: 1 } }` must fall back, not break the banner.
 */
export function localize(text: string | Record<string, string> | undefined, fallback: string): string {
  if (typeof text == 'string') return text;
  const string = (value: unknown): string | undefined => (typeof value == 'string' ? value : undefined);
  return string(text?.[i18n.language]) ?? string(text?.en) ?? fallback;
}

/** A shipped text that only some names have, such as `category.analytics.label`. */
export const optionalText = (key: string): string | undefined => (i18n.exists(key) ? i18n.t(key) : undefined);
