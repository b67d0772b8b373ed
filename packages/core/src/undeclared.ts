import { cookiesOf, patternToRegExp, storageOf } from './categories.js';
import { checkConfig } from './config-validation.js';
import { cookieValues } from './cookies/cookie-access.js';
import type { ConsentState } from './consent-state.js';
import { EventHub } from './events.js';
import { logWarning } from './log.js';

/** Well-known names, and the purpose they serve: where a site most likely should list them. */
const KNOWN: [RegExp, string][] = [
  [/^(_gcl|_fbp|_fbc|_uet|_ttp|IDE$|fr$|_pin_|_rdt_|li_)/, 'marketing'],
  [/^(_ga|_gid|_gat|__utm|_hj|_pk_|_clck|_clsk|mp_|ajs_|_vwo|_dc_gtm)/, 'analytics'],
];

/**
 * Checks the names the loader found against what the validated config declares, exactly, and
 * reports each undeclared one: a console warning naming it and the category that could list it,
 * and one `undeclared-storage` event. `beforeConsent` when no optional category is granted: a
 * cookie before consent is the Dutch regulator's first finding. Loaded only when there is a name.
 */
export function reportUndeclared(state: ConsentState, names: string[]): void {
  state.validateConfig(checkConfig);
  const { config, consent } = state;
  const categories = Object.entries(config.categories);
  const declared = [config.cookie.name, 'keuze_*', ...categories.flatMap(([, category]) => [...cookiesOf(category), ...storageOf(category)])].map(patternToRegExp);
  const undeclared = names.filter((name) => !declared.some((pattern) => pattern.test(name)));
  if (!undeclared.length) return;
  const optional = categories.filter(([, category]) => !category.readOnly).map(([name]) => name);
  const beforeConsent = !optional.some((name) => consent?.categories.includes(name));
  for (const name of undeclared) {
    // Read through core's cookie module: past markup that clobbers document.cookie.
    const storage = !cookieValues(name)?.length;
    const purpose = KNOWN.find(([pattern]) => pattern.test(name))?.[1];
    const category = purpose && config.categories[purpose] ? purpose : purpose ? optional[0] : undefined;
    const key = storage ? 'storage' : 'cookies';
    logWarning(
      `the ${storage ? 'Web Storage key' : 'cookie'} "${name}" is not declared in the config${beforeConsent ? ', and is there before any consent' : ''}. ` +
        (category
          ? `List it in config.categories.${category}.${key}`
          : `List it in the ${key} of the category it serves (config.categories.<name>.${key}; the necessary category only if it is strictly necessary)`) +
        ', so that visitors are told about it and withdrawal deletes it.',
    );
  }
  const { onEvent, callbackTimeout = 10_000 } = config;
  new EventHub(state.listeners, onEvent, callbackTimeout).emit({ type: 'undeclared-storage', names: undeclared, beforeConsent });
}
