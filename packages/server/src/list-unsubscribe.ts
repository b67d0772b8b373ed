/**
 * The headers a mailing needs for one-click unsubscribe (RFC 8058, required by Gmail and Yahoo for
 * bulk senders since 2024): `List-Unsubscribe` with the HTTPS URL this server answers, and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`. Pass the subscriber's `manage` token (from
 * the preferences link) and the server's public address; add `mailto` for clients without HTTPS
 * support (RFC 2369).
 *
 * @example listUnsubscribeHeaders('https://example.nl/keuze', token, 'unsubscribe@example.nl')
 */
export function listUnsubscribeHeaders(publicUrl: string, token: string, mailto?: string): { 'List-Unsubscribe': string; 'List-Unsubscribe-Post': string } {
  const url = new URL(`${publicUrl.replace(/\/+$/, '')}/newsletter/unsubscribe`);
  url.searchParams.set('token', token);
  const targets = [`<${url.href}>`, ...(mailto ? [`<mailto:${mailto}?subject=unsubscribe>`] : [])];
  return { 'List-Unsubscribe': targets.join(', '), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
