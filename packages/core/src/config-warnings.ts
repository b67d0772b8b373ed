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
  if (!config.privacyUrl) missing('privacyUrl', 'the banner and the preferences dialog cannot link to your privacy statement, which visitors must be able to read before they choose (GDPR Art. 13).');
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
        'config.reopenButton: false, and this page has no element with data-keuze-open="preferences". Withdrawing consent must be as easy as giving it (GDPR Art. 7(3)): give every page a link that opens the cookie settings, or leave reopenButton out (its default, "auto", adds the settings button where the page has no such link).',
      );
    }
  };
  if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', checkPage, { once: true });
  else checkPage();
}
