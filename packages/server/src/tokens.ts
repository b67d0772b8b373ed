import { createHmac } from 'node:crypto';
import { sameSecret } from './http.js';

/**
 * Signed tokens for newsletter links: `<payload>.<HMAC-SHA256>` in base64url. A token names a
 * subscriber and what it may do; nothing is looked up to check it, so any instance with the same
 * `KEUZE_SECRET` accepts it. `confirm` tokens expire; `manage` tokens (preferences and
 * unsubscribe links in every mail) do not, because RFC 8058 links in old mails must keep working.
 */
export type TokenPurpose = 'confirm' | 'manage';

interface Payload {
  s: string;
  p: TokenPurpose;
  /** Expiry, seconds since 1970; absent for `manage`. */
  e?: number;
}

const encode = (text: string): string => Buffer.from(text).toString('base64url');
const sign = (secret: string, payload: string): string => createHmac('sha256', secret).update(payload).digest('base64url');

/**
 * A token for `subscriberId` and `purpose`, signed with `secret`; `lifetimeMs` makes it expire
 * (confirm links: 7 days). The site's own mailings use a `manage` token for their unsubscribe links.
 */
export function issueToken(secret: string, subscriberId: string, purpose: TokenPurpose, lifetimeMs?: number): string {
  const payload: Payload = { s: subscriberId, p: purpose, ...(lifetimeMs ? { e: Math.floor((Date.now() + lifetimeMs) / 1000) } : {}) };
  const encoded = encode(JSON.stringify(payload));
  return `${encoded}.${sign(secret, encoded)}`;
}

/** The subscriber id, if the token is well formed, signed with `secret`, for `purpose`, and not expired. */
export function verifyToken(secret: string, token: unknown, purpose: TokenPurpose): string | undefined {
  if (typeof token != 'string' || token.length > 400) return undefined;
  const [encoded, signature, extra] = token.split('.');
  if (!encoded || !signature || extra !== undefined || !sameSecret(signature, sign(secret, encoded))) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(encoded, 'base64url').toString()) as Payload;
    if (payload.p !== purpose || typeof payload.s != 'string') return undefined;
    if (payload.e !== undefined && payload.e * 1000 < Date.now()) return undefined;
    return payload.s;
  } catch {
    return undefined;
  }
}
