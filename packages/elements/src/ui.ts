import type { KeuzeUi, KeuzeUiLink, ResolvedConfig } from '@keuze/core';
import { logWarning } from '@keuze/core/internal';
import { afterPaint } from './internal/after-paint.js';
import { readConfigForBanner } from './internal/banner-config.js';
import { categoryDescription, categoryLabel } from './internal/config-text.js';
import { addTranslations, detectLanguage, i18n, setLanguage } from './i18n/i18n.js';
import { provideKeuze, type ProvidedConfig } from './internal/keuze-provider.js';
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

/** What core handed over on connect: its link, and the configs the elements show (the site's texts added). */
let core: KeuzeUiLink | undefined;
let provided: ProvidedConfig | undefined;
/** The config shown last: the banner's first read, then the validated one. */
let current: Readonly<ResolvedConfig> | undefined;

/** What was last pushed to core: the same language and texts are not pushed again. */
let pushed: string | undefined;

async function define(tag: string): Promise<void> {
  const load = definitions[tag];
  if (load) await load();
  else if (!reported.has(tag)) {
    reported.add(tag);
    logWarning(`<${tag}> is not a Keuze element; check its spelling. Known: ${Object.keys(definitions).join(', ')}.`);
  }
}

/** A classic script in <head> runs before <body> exists. */
const bodyReady = (): Promise<void> => (document.body ? Promise.resolve() : new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true })));

/** The one element with this tag in the page, added if the page has none. */
async function ensure<T extends keyof HTMLElementTagNameMap>(tag: T, first = false): Promise<HTMLElementTagNameMap[T]> {
  await Promise.all([define(tag), bodyReady()]);
  // Waits for the layout before it looks: of two calls at once (a body swap during a withdrawal),
  // the second then finds the element the first added.
  const layout = document.querySelector(tag) ? undefined : (await provided?.first)?.layout;
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
  connect(keuze, link) {
    core = link;
    // On a first visit the banner shows from core's quick read, and the validator (with the engine)
    // loads once it is on screen, so neither its file nor its work delays the banner (issue 16).
    const quick = link.config;
    // The site's texts, then the default language; elements render from then on (no flash of the fallback).
    const first = (link.bannerFirst ? Promise.resolve(readConfigForBanner(quick, link.input)) : keuze.validConfig()).then((config) => {
      addTranslations(config.translations);
      showing((current = config), setLanguage(detectLanguage(config.lang)));
      return config;
    });
    const validated = link.bannerFirst
      ? first
          .then(afterPaint)
          .then(() => keuze.validConfig())
          // (Still the quick read if the engine failed to load, which core reported: the first read stays.)
          .then((config) => (config == quick ? first : (showing((current = config), i18n.language), config)))
      : first;
    provideKeuze(keuze, (provided = { first, validated }));
  },
  define,
  async mount(name) {
    remount ??= new MutationObserver(() => mounted.forEach((element, name) => element.isConnected || void ui.mount(name)));
    remount.observe(document.documentElement, { childList: true, subtree: true });
    mounted.set(name, await ensure(name == 'banner' ? 'keuze-cookie-banner' : 'keuze-reopen-button', name == 'banner'));
  },
  async showPreferences(opener) {
    // The dialog lists services and cookies: it shows the validated config only.
    await provided?.validated;
    const preferences = await ensure('keuze-cookie-preferences');
    await preferences.show(opener);
  },
  async setLanguage(lang) {
    // Once the site's translations are in: its languages count too.
    await provided?.first;
    showing(current!, setLanguage(lang ?? detectLanguage(current!.lang)));
  },
  async placeholders(embeds) {
    const { EmbedPlaceholder } = await import('./embed-placeholder/define.js');
    await bodyReady();
    EmbedPlaceholder.cover(embeds);
  },
};

/**
 * Tells core the language shown and what the banner and dialog say in it, the site's overrides
 * and category texts included, for the consent log's hash: the same texts give the same hash, so
 * a host can tell which version was seen. Pushed with each language shown, at once (a choice made
 * right after a switch records the new language), so core never asks during a decision.
 */
function showing(config: Readonly<ResolvedConfig>, lang: string): void {
  const texts = Object.keys(en)
    .filter((key) => /^(banner|preferences)\./.test(key))
    .map((key) => [key, i18n.t(key)]);
  const categories = Object.entries(config.categories).map(([name, category]) => [name, categoryLabel(name, category), categoryDescription(name, category)]);
  const consentTexts = JSON.stringify({ language: lang, texts, categories });
  if (consentTexts != pushed) core!.showing(lang, (pushed = consentTexts));
}
