import { isObject, NECESSARY, type ResolvedConfig } from './config.js';
import type { ConsentModeSignal } from './types.js';

/** The category each Consent Mode signal follows unless the config says otherwise. */
export const DEFAULT_SIGNALS: Record<string, string> = {
  ad_storage: 'marketing',
  ad_user_data: 'marketing',
  ad_personalization: 'marketing',
  analytics_storage: 'analytics',
  functionality_storage: NECESSARY,
  security_storage: NECESSARY,
} satisfies Partial<Record<ConsentModeSignal, string>>;

/**
 * Google Consent Mode v2. Pushes `consent default` at once (before any gated tag can run: the gate
 * starts after this), each signal granted only where its category is locked on; returns the
 * function that pushes `consent update` from the current choice, or nothing when not configured.
 */
export function startConsentMode(config: () => ResolvedConfig, isGranted: (category: string) => boolean): (() => void) | undefined {
  const options = config().googleConsentMode;
  if (!options || !globalThis.window) return;
  // Google's tags read commands as `arguments` objects, which is what its own gtag() pushes.
  const gtag = function (..._command: unknown[]) {
    // eslint-disable-next-line prefer-rest-params -- an Arguments object, not an array (above)
    (window.dataLayer ??= []).push(arguments);
  };
  const states = (granted: (category: string) => boolean): Record<string, string> => {
    const { googleConsentMode } = config();
    const signals = { ...DEFAULT_SIGNALS, ...(isObject(googleConsentMode) && isObject(googleConsentMode.signals) && googleConsentMode.signals) };
    return Object.fromEntries(Object.entries(signals).map(([signal, category]) => [signal, granted(category as string) ? 'granted' : 'denied']));
  };
  const { waitForUpdate } = isObject(options) ? options : {};
  gtag('consent', 'default', {
    ...states((category) => !!config().categories[category]?.readOnly),
    wait_for_update: typeof waitForUpdate == 'number' ? waitForUpdate : 500,
  });
  return () => gtag('consent', 'update', states(isGranted));
}
