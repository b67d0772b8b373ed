import { decodeRecord, MAX_LIFETIME_DAYS, type ConsentRecord } from '@keuze/core';
import { badRequest, json, readJsonObject } from './http.js';
import { boolean, fields, integer, oneOf, string } from './validation.js';

/** RFC 6265's cookie-name token, as core's config validator allows it. */
const COOKIE_NAME = /^[\w!#$%&'*+.^`|~-]{1,64}$/;
/** A path attribute: no `;`, `,`, spaces or controls (RFC 6265 §4.1.1 path-value). */
const COOKIE_PATH = /^\/[!-+\--:<-~]{0,200}$/;
const DOMAIN = /^\.?[a-z\d]([a-z\d-]{0,62}\.)*[a-z\d-]{1,63}$/i;
/** A renewal body is four short attributes. */
export const RENEWAL_LIMIT = 1024;

/**
 * What the script tag sends with `cookie.renewUrl`: the consent cookie's name and the attributes
 * core writes it with (core's consentCookieAttributes: `path`, `domain`, `sameSite`, `secure`,
 * `partitioned`, and `lifetimeDays`), all optional with core's defaults.
 */
function readRenewal(body: Record<string, unknown>) {
  return fields(
    body,
    {},
    {
      name: string(64, COOKIE_NAME, 'a cookie name'),
      path: string(200, COOKIE_PATH, 'a path starting with /'),
      domain: string(253, DOMAIN, 'a domain name'),
      lifetimeDays: integer(1, MAX_LIFETIME_DAYS),
      sameSite: oneOf(['Lax', 'Strict', 'None'] as const),
      secure: boolean,
      partitioned: boolean,
    },
  );
}

/** Every value the Cookie header holds for `name` (a host-only and a domain copy can both be sent). */
function cookieValues(header: string, name: string): string[] {
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`))
    .map((pair) => pair.slice(name.length + 1));
}

/**
 * `POST /consent-cookie`: re-issues the consent cookie the request carries, unchanged, from the
 * server, because Safari keeps a cookie written by script (document.cookie) for at most 7 days
 * (WebKit's Intelligent Tracking Prevention), while one set by a `Set-Cookie` header of the site's
 * own server lives its full lifetime. The value must be a valid record by core's own decoder; the
 * newest valid copy wins, as in the browser. It expires when core would stop honouring it
 * (the record's time + lifetime), so renewal never makes a choice last longer than it may.
 */
export async function renewConsentCookie(request: Request, page: { hostname: string; secure: boolean }): Promise<Response> {
  const { name = 'keuze_consent', path = '/', domain, lifetimeDays = 180, sameSite = 'Lax', secure = false, partitioned = false } = readRenewal(await readJsonObject(request, RENEWAL_LIMIT));
  const records = cookieValues(request.headers.get('cookie') ?? '', name)
    .map((value) => ({ value, record: decodeRecord(value) }))
    .filter((found): found is { value: string; record: ConsentRecord } => typeof found.record == 'object' && found.record !== null)
    .sort((a, b) => Date.parse(b.record.timestamp) - Date.parse(a.record.timestamp));
  const newest = records[0];
  if (!newest) throw badRequest(`no valid ${name} cookie in the request`);
  const expires = Date.parse(newest.record.timestamp) + lifetimeDays * 86_400_000;
  if (expires <= Date.now()) throw badRequest(`the ${name} cookie has expired (${lifetimeDays} days): the visitor is asked again`);
  const cookieDomain = domain?.replace(/^\./, '').toLowerCase();
  // A browser drops a Set-Cookie for a domain that is not the host or a parent of it: say so instead.
  if (cookieDomain && page.hostname !== cookieDomain && !page.hostname.endsWith(`.${cookieDomain}`)) throw badRequest(`domain: "${cookieDomain}" is not ${page.hostname} or a parent of it`);
  // The attributes the script wrote it with: another SameSite or Partitioned would be a second cookie
  // beside it, not a renewal. Browsers refuse SameSite=None and Partitioned without Secure.
  const secured = secure || page.secure || sameSite == 'None' || partitioned;
  const attributes = [
    `Path=${path}`,
    cookieDomain && `Domain=${cookieDomain}`,
    `Expires=${new Date(expires).toUTCString()}`,
    `SameSite=${sameSite}`,
    secured && 'Secure',
    partitioned && 'Partitioned',
  ].filter(Boolean);
  return json({ renewed: true, expires: new Date(expires).toISOString() }, 200, { 'set-cookie': [`${name}=${newest.value}`, ...attributes].join('; ') });
}
