import type { CategoryConfig, ConsentRecord, CookieInfo, CookieSpec, LocalizedText, ResolvedConfig } from '@keuze/core';
import { localize, optionalText } from '../i18n/i18n.js';

/** A category's name for visitors: the site's label, Keuze's text for well-known names, or the name. */
export const categoryLabel = (name: string, category: CategoryConfig): string => localize(category.label, '') || optionalText(`category.${name}.label`) || name;

/**
 * A category's name inside a sentence: Keuze's own names in lower case ("statistieken"), a site's
 * label as written (it may be a brand, or a German noun).
 */
export const categoryInSentence = (name: string, category: CategoryConfig): string => localize(category.label, '') || optionalText(`category.${name}.label`)?.toLowerCase() || name;

export const categoryDescription = (name: string, category: CategoryConfig): string => localize(category.description, '') || optionalText(`category.${name}.description`) || '';

export const textOf = (text: LocalizedText | undefined): string => localize(text, '');

export const cookieInfo = (spec: CookieSpec): CookieInfo => (typeof spec == 'string' ? { name: spec } : spec);

/**
 * The optional categories that are off because the browser sends Global Privacy Control, named
 * for a sentence: with `privacySignals.gpc: 'reject'` every one the signal refused, otherwise the
 * sale categories not granted. Empty without the signal.
 */
export function offBySignal(config: ResolvedConfig, consent: ConsentRecord | null): string[] {
  if (globalThis.navigator?.globalPrivacyControl !== true || (consent && !consent.gpc)) return [];
  return Object.entries(config.categories)
    .filter(([name, category]) => !category.readOnly && !consent?.categories.includes(name) && (consent?.method == 'signal' || category.sale))
    .map(([name, category]) => categoryInSentence(name, category));
}
