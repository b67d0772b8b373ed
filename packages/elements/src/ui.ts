import type { KeuzeUi } from '@keuze/core';
import { logWarning } from '@keuze/core/internal';
import { i18n, setLanguage, startLanguage } from './i18n/i18n.js';
import { en } from './translations/en.js';

/** Each element's code, loaded only when a page needs that element. */
const definitions: Record<string, () => Promise<unknown>> = {
  'keuze-cookie-banner': () => import('./cookie-banner/define.js'),
  'keuze-cookie-preferences': () => import('./cookie-preferences/define.js'),
  'keuze-reopen-button': () => import('./reopen-button/define.js'),
  'keuze-privacy-statement': () => import('./privacy-statement/define.js'),
  'keuze-cookie-declaration': () => import('./cookie-declaration/define.js'),
  'keuze-newsletter-signup': () => import('./newsletter-signup/define.js'),
  'keuze-newsletter-preferences': () => import('./newsletter-preferences/define.js'),
  'keuze-privacy-request': () => import('./privacy-request/define.js'),
  'keuze-embed-placeholder': () => import('./embed-placeholder/define.js'),
};

const reported = new Set<string>();

async function define(tag: string): Promise<void> {
  const load = definitions[tag];
  if (load) await load();
  else if (!reported.has(tag)) {
    reported.add(tag);
    logWarning(`<${tag}> is not a Keuze element; check its spelling. Known: ${Object.keys(definitions).join(', ')}.`);
  }
}

/** A classic script in <head> runs before <body> exists. */
const bodyReady = (): Promise<void> =>
  document.body ? Promise.resolve() : new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));

/** The one element with this tag in the page, added if the page has none. */
async function ensure<T extends keyof HTMLElementTagNameMap>(tag: T, first = false): Promise<HTMLElementTagNameMap[T]> {
  await Promise.all([define(tag), bodyReady()]);
  // Waits for the layout before it looks: of two calls at once (a body swap during a withdrawal),
  // the second then finds the element the first added.
  const layout = document.querySelector(tag) ? undefined : (await window.Keuze?.validConfig())?.layout;
  let element = document.querySelector(tag);
  if (!element) {
    element = document.createElement(tag);
    if (layout && 'layout' in element) element.layout = layout;
    if ('placedByKeuze' in element) element.placedByKeuze = true;
    // The banner comes first in the Tab order; the rest waits at the end of the page.
    if (first) document.body.prepend(element);
    else document.body.append(element);
  }
  return element;
}

/**
 * What was mounted, put back when the page replaces its body (Turbo, PJAX) or the body's content
 * (HTMX boost) on navigation. Each renders only when it has something to show: the banner while
 * there is no valid choice, the settings button once there is.
 */
const mounted = new Map<Parameters<KeuzeUi['mount']>[0], Element>();
// Made on first use: a server imports this module without a DOM.
let remount: MutationObserver | undefined;

/** The elements' side of Keuze: what the script tag and `init(config, { ui })` call. */
export const ui: KeuzeUi = {
  define,
  async mount(name) {
    remount ??= new MutationObserver(() => mounted.forEach((element, name) => element.isConnected || void ui.mount(name)));
    remount.observe(document.documentElement, { childList: true, subtree: true });
    mounted.set(name, await ensure(name == 'banner' ? 'keuze-cookie-banner' : 'keuze-reopen-button', name == 'banner'));
  },
  async showPreferences(opener) {
    const preferences = await ensure('keuze-cookie-preferences');
    await preferences.show(opener);
  },
  async setLanguage(lang) {
    // The site's translations and the detected language come first, so this choice is the last word.
    const config = await window.Keuze?.validConfig();
    if (config) startLanguage(config);
    setLanguage(lang);
  },
  async placeholders(embeds) {
    const { EmbedPlaceholder } = await import('./embed-placeholder/define.js');
    await bodyReady();
    EmbedPlaceholder.cover(embeds);
  },
  async consentTexts() {
    // What the banner and dialog say in the language shown, the site's overrides and category
    // texts included: the same texts give the same hash, so a host can tell which version was seen.
    const config = await window.Keuze?.validConfig();
    const { categoryLabel, categoryDescription } = await import('./internal/config-text.js');
    const texts = Object.keys(en).filter((key) => /^(banner|preferences)\./.test(key)).map((key) => [key, i18n.t(key)]);
    const categories = Object.entries(config?.categories ?? {}).map(([name, category]) => [name, categoryLabel(name, category), categoryDescription(name, category)]);
    return JSON.stringify({ language: i18n.language, texts, categories });
  },
};
