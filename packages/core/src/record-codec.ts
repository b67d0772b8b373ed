import type { ConsentMethod, ConsentRecord } from './types.js';

/**
 * The record codec: the consent cookie's value format, defined once, and its decoder. The encoder,
 * encodeRecord, is in record-writer.ts and builds on the definitions here: the loader, which every
 * page view downloads, needs only the decoder, and a module is never split between chunks
 * (encodeRecord here measured +172 B gzip on keuze.js).
 *
 * The consent cookie's value, format 1: eleven `|`-separated fields of characters that need no
 * percent-encoding, so a record with dozens of services stays far under the 4 KB cookie limit:
 *
 *   1|consentId|firstGiven|timestamp|revision|language|gpc|method|categories|services|decisions|checksum
 *
 * `decisions` is `category.time~category2.time`: when each optional category was last decided
 * (granted or refused), for refusals that stick (issue 19). Records written before it existed
 * lack the field and read as before.
 * Times are milliseconds in base 36; categories are joined with `~`; services are
 * `category:a+b~category2:c`. The FNV-1a checksum catches hand-edited and truncated values. It
 * is not a signature: the record lives in the visitor's own browser and only narrows what runs.
 */
/**
 * Browsers drop a cookie whose name and value pass 4096 bytes; a record of 40 services with long
 * names stays under 2 KB. Anything longer was not written by Keuze, and is refused on both sides.
 */
export const MAX_RECORD_BYTES = 3000;
/** The record's format, its first field (the decoder accepts this one only). */
export const RECORD_FORMAT = '1';
/** The methods, and their one-letter codes in the record, in the same order (@keuze/server checks a log entry's method against this list). */
export const METHODS = ['accept-all', 'reject-all', 'custom', 'api', 'signal'] as const satisfies readonly ConsentMethod[];
export const METHOD_CODES = 'arcps';

// No part can contain "|", so a hostile 4 KB value cannot make this regex backtrack. Times have at
// most 9 base-36 digits (until the year 5138): a larger one would make toISOString throw.
// The twelfth field, the decision times, came later: a record without it is read as before. Each
// of its entries is `category.time`, ended by `~` or the field's end (so the pattern never has two
// ways to split it): an entry without a time would make the decoder throw or invent one.
// The leading `1` is RECORD_FORMAT, and `[arcps]` METHOD_CODES, as literals: a regex literal is
// 15 B gzip smaller on the loader than one built from them; record-codec.test.ts fails if they part.
const RECORD = /^1\|([\w-]{8,64})\|([\da-z]{1,9})\|([\da-z]{1,9})\|(\d{1,9})\|([\w-]{0,20})\|([01])\|([arcps])\|([\w~-]*)\|([\w:+~-]*)(?:\|((?:[\w-]+\.[\da-z]{1,9}(?:~|(?=\|)))*))?\|([\da-z]+)$/;

/** FNV-1a, 32 bits, in base 36: the record's last field (and the consent log's text hash). */
export function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

export type RecordProblem = 'oversized' | 'corrupt' | 'altered';

/**
 * Reads a cookie value: the record, or why it is not valid. Nothing stored is `null`. Never throws.
 */
export function decodeRecord(value: string | undefined): ConsentRecord | RecordProblem | null {
  if (!value) return null;
  if (value.length > MAX_RECORD_BYTES) return 'oversized';
  const match = RECORD.exec(value);
  if (!match) return 'corrupt';
  if (checksum(value.slice(0, value.lastIndexOf('|'))) !== match[11]) return 'altered';
  const [, consentId, firstGiven, timestamp, revision, language, gpc, method, categories, services, decisions] = match as unknown as string[];
  const time = (base36: string): string => new Date(parseInt(base36, 36)).toISOString();
  return {
    consentId: consentId!,
    categories: categories ? categories.split('~') : [],
    services: Object.fromEntries(
      (services ? services.split('~') : []).map((entry) => {
        const [category, names] = entry.split(':') as [string, string];
        return [category, names ? names.split('+') : []];
      }),
    ),
    firstGiven: time(firstGiven!),
    timestamp: time(timestamp!),
    revision: +revision!,
    language: language!,
    gpc: gpc === '1',
    method: METHODS[METHOD_CODES.indexOf(method!)]!,
    // `category.time~…`, when each optional category was last granted or refused.
    ...(decisions != null && {
      decisions: Object.fromEntries(
        decisions
          .split('~')
          .filter(Boolean)
          .map((entry) => [entry.split('.')[0]!, time(entry.split('.')[1]!)]),
      ),
    }),
  };
}
