import type { ResolvedConfig } from './config.js';
import { logWarning } from './log.js';

/** Category names Keuze has its own label and description for, in every language it ships. */
const KNOWN_CATEGORIES = ['necessary', 'functional', 'analytics', 'marketing'];

/**
 * Defaults a site cannot get wrong: what a visitor needs to make an informed choice (GDPR Art.
 * 4(11), 13) and to withdraw it (Art. 7(3)). One console warning per missing key, each naming it.
 * Loaded by the validator after the banner, so its words cost a first visit nothing on the way.
 */
export function warnAboutConfig(config: ResolvedConfig): void {
  const missing = (path: string, what: string): void => logWarning(`config.${path}: missing; ${what}`);
  if (!config.privacyUrl) missing('privacyUrl', 'the banner and the dialog cannot link to your privacy statement, which visitors must be able to read before they choose (GDPR Art. 13).');
  // The elements ship Dutch and English; a site adds languages in config.translations (`nl-BE` uses `nl`).
  // config.lang stays what the site set (core keeps the language shown apart from it).
  const languages = ['nl', 'en', ...Object.keys(config.translations ?? {})];
  const { lang } = config;
  if (lang && !languages.includes(lang.toLowerCase().split(/[-_]/)[0]!)) logWarning(`config.lang "${lang}": no texts; only ${languages.join(', ')} (config.translations).`);
  const translated = (key: string): boolean => Object.values(config.translations ?? {}).some((texts) => !!texts[key]);
  for (const [name, category] of Object.entries(config.categories)) {
    for (const key of ['label', 'description'] as const) {
      if (!category[key] && !KNOWN_CATEGORIES.includes(name) && !translated(`category.${name}.${key}`)) {
        missing(`categories.${name}.${key}`, key == 'label' ? `visitors see the name "${name}" instead.` : 'visitors are not told what this category is for.');
      }
    }
    for (const [service, info] of Object.entries(category.services ?? {})) {
      if (!info.label) missing(`categories.${name}.services.${service}.label`, `visitors see the name "${service}" instead.`);
      if (!info.description) missing(`categories.${name}.services.${service}.description`, 'visitors are not told what this service does.');
    }
  }
  if (config.reopenButton !== false || !globalThis.document) return;
  const checkPage = (): void => {
    if (!document.querySelector('[data-keuze-open=preferences]')) {
      logWarning(
        'config.reopenButton: false, and this page has no element with data-keuze-open="preferences". Withdrawing consent must be as easy as giving it (GDPR Art. 7(3)): give every page a link to the cookie settings, or leave reopenButton out.',
      );
    }
  };
  if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', checkPage, { once: true });
  else checkPage();
}
