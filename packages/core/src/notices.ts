import { logError, logWarning } from './log.js';

/**
 * What the loader noticed, as codes: the words are here, in the diagnostics chunk, which a page
 * only loads when there is something to say. A returning visitor's loader stays small.
 */
export type Notice =
  | [code: 'cookie', name: string, reason: 'oversized' | 'corrupt' | 'altered']
  | [code: 'revision', name: string, stored: number, current: number]
  | [code: 'expired', name: string, days: number]
  | [code: 'twice']
  | [code: 'ui']
  | [code: 'engine', error: unknown];

const COOKIE_REASONS = { oversized: 'is larger than any record Keuze writes', corrupt: 'is corrupt', altered: 'was altered (checksum mismatch)' };

export function explain(notice: Notice): void {
  switch (notice[0]) {
    case 'cookie':
      return logWarning(`the consent cookie "${notice[1]}" ${COOKIE_REASONS[notice[2]]}; asking again.`);
    case 'revision':
      return logWarning(`the consent cookie "${notice[1]}" holds a choice for revision ${notice[2]}, the config is at revision ${notice[3]}; asking again.`);
    case 'expired':
      return logWarning(`the consent cookie "${notice[1]}" holds a choice older than ${notice[2]} days (config.lifetimeDays); asking again.`);
    case 'twice':
      return logWarning('Keuze is loaded twice on this page (two script tags, or the tag and init()); using the first instance.');
    case 'engine':
      // If this chunk could not load either, the loader logs that failure instead.
      return logError('could not load the consent engine, so a choice could not be stored:', notice[1]);
    case 'ui':
      return logError('no elements loaded: use the script tag, or pass the ui of @keuze/elements to init(config, { ui }).');
  }
}
