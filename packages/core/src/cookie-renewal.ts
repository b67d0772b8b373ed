import type { ResolvedConfig } from './config.js';
import { isObject } from './config.js';
import { consentCookieAttributes } from './cookies/cookie-attributes.js';
import { logWarning } from './log.js';

/**
 * Asks the site's server (`cookie.renewUrl`, @keuze/server's `POST /consent-cookie`) to re-issue
 * the consent cookie with `Set-Cookie`: Safari caps a cookie written by script at 7 days, one set
 * by the site's own server lives its whole lifetime. Sends the attributes core writes the cookie
 * with; the server checks the cookie itself with core's decoder. Never throws, never waits.
 */
export async function renewCookie(input: unknown, config: ResolvedConfig): Promise<void> {
  const cookie = isObject(input) && isObject(input.cookie) ? input.cookie : {};
  const text = (value: unknown): string | undefined => (typeof value == 'string' ? value : undefined);
  const url = text(cookie.renewUrl);
  if (!url) return;
  const { path, domain, sameSite, secure, partitioned } = consentCookieAttributes(config, location);
  try {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      // Every attribute as core writes them (cookie-jar.ts), so the server's copy replaces the
      // script's instead of standing beside it. `secure` too: a proxy that ends TLS, or a
      // no-referrer page's `Origin: null`, hides it from the server.
      body: JSON.stringify({ name: config.cookie.name, path, domain, sameSite, secure, partitioned, lifetimeDays: config.lifetimeDays }),
    });
    if (!response.ok) logWarning(`cookie.renewUrl: ${url} answered ${response.status}; the consent cookie was not renewed.`);
  } catch {
    // Offline, or the server is down: the cookie stays as it is, and the next page view tries again.
  }
}
