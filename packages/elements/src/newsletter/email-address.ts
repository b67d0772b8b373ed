/** Why an address cannot be right, each with its own message; null when it can. */
export type EmailProblem = 'empty' | 'missing-at' | 'double-at' | 'space' | 'local' | 'no-dot' | 'double-dot' | 'label' | 'tld';

// Letters and digits of any script (internationalised domains and mailboxes), and what RFC 5322
// allows unquoted in a mailbox name: plus-addressing, apostrophes, dots between characters.
const LOCAL_CHARACTER = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u;
const LABEL = /^[\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/**
 * Checks the shape of an address, as a sign-up form should: it accepts every address a mail
 * server would (plus-addressing, subdomains, internationalised domains, apostrophes) and names the
 * first thing wrong otherwise. Whether the mailbox exists is the confirmation mail's job.
 */
export function emailProblem(input: string): EmailProblem | null {
  const address = input.trim();
  if (!address) return 'empty';
  if (/\s/.test(address)) return 'space';
  const parts = address.split('@');
  if (parts.length < 2) return 'missing-at';
  if (parts.length > 2) return 'double-at';
  const [local, domain] = parts as [string, string];
  if (address.includes('..')) return 'double-dot';
  if (!local || local.length > 64 || !LOCAL_CHARACTER.test(local) || local.startsWith('.') || local.endsWith('.')) return 'local';
  const labels = domain.split('.');
  if (labels.length < 2) return 'no-dot';
  if (domain.length > 253 || !labels.every((label) => LABEL.test(label))) return 'label';
  if (/^\d+$/.test(labels.at(-1)!)) return 'tld';
  return null;
}
