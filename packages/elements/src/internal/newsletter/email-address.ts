/** Why an address cannot be right, each with its own message; null when it can. */
export type EmailProblem = 'empty' | 'control' | 'too-long' | 'missing-at' | 'double-at' | 'space' | 'local' | 'no-dot' | 'double-dot' | 'label' | 'tld';

// RFC 5322's unquoted local part (atext and dots between them), and, as RFC 6531 adds for
// internationalised mail, any character outside ASCII but controls, separators, unassigned and
// private-use code points: so Devanagari and Thai vowel signs too, not only letters.
const LOCAL_CHARACTERS = /^(?:[\w!#$%&'*+/=?^`{|}~.-]|[^\p{ASCII}\p{C}\p{Z}])+$/u;
// A domain label as DNS carries it: letters, digits and hyphens (an internationalised one as xn--…).
const ASCII_LABEL = /^[a-z\d]([a-z\d-]{0,61}[a-z\d])?$/;
// The full stops UTS 46 maps to "." in a domain (ideographic, fullwidth, halfwidth).
const LABEL_SEPARATOR = /[.\u3002\uff0e\uff61]/;

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/**
 * The address as the sign-up sends it: trimmed, in Unicode normalisation form C, so that "é" typed
 * as one character or as "e" and an accent is the same address to the host.
 */
export const normalizeEmail = (input: string): string => input.trim().normalize('NFC');

/**
 * Checks the shape of an address, as a sign-up form should, with one rule for every script: the
 * address in NFC; a local part of RFC 5322 characters or any non-ASCII character (RFC 6531); a
 * domain that IDNA (UTS 46, as the browser's URL parser applies it) turns into DNS labels. It
 * accepts every address a mail server would (plus-addressing, subdomains, internationalised
 * mailboxes and domains, apostrophes) and names the first thing wrong otherwise; line breaks and
 * control characters (header injection) and more than RFC 5321's 254 bytes (64 before the @) are
 * refused. Whether the mailbox exists is the confirmation mail's job.
 */
export function emailProblem(input: string): EmailProblem | null {
  const address = normalizeEmail(input);
  if (!address) return 'empty';
  if (/\p{Cc}/u.test(address)) return 'control';
  if (utf8Length(address) > 254) return 'too-long';
  if (/[\s\p{Z}]/u.test(address)) return 'space';
  const parts = address.split('@');
  if (parts.length < 2) return 'missing-at';
  if (parts.length > 2) return 'double-at';
  const [local, domain] = parts as [string, string];
  if (utf8Length(local) > 64) return 'too-long';
  const labels = domain.split(LABEL_SEPARATOR);
  if (address.includes('..') || /[.\u3002\uff0e\uff61]{2}/.test(domain)) return 'double-dot';
  if (!local || !LOCAL_CHARACTERS.test(local) || local.startsWith('.') || local.endsWith('.')) return 'local';
  if (labels.length < 2) return 'no-dot';
  if (/^\d+$/.test(labels.at(-1)!)) return 'tld';
  return dnsDomain(domain, labels) ? null : 'label';
}

/** The domain in DNS form, if it is a valid host name: xn-- labels for Unicode ones. */
function dnsDomain(domain: string, labels: string[]): string | undefined {
  // What the URL parser would cut off or decode ("example.com/x", "%2E") is no part of a domain.
  if (/[/\\?#:%[\]<>^|"'`{}@*]/.test(domain) || labels.some((label) => !label || /^-|-$/.test(label))) return undefined;
  try {
    const url = new URL(`http://${domain}/`);
    const ascii = url.hostname;
    return ascii.length <= 253 && ascii.split('.').every((label) => ASCII_LABEL.test(label)) ? ascii : undefined;
  } catch {
    return undefined;
  }
}
