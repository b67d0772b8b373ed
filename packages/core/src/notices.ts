import type { ResolvedConfig } from './config.js';
import { decodeRecord } from './record-codec.js';
import { logError, logWarning } from './log.js';

/**
 * What the loader noticed, as codes: the words are here, in the diagnostics chunk, which a page
 * only loads when there is something to say. A returning visitor's loader stays small.
 */
export type Notice =
  /** No copy of the consent cookie is valid: the values the page sees, explained here. */
  | [code: 'stored', config: ResolvedConfig, values: string[]]
  | [code: 'storage']
  | [code: 'twice']
  | [code: 'ui']
  | [code: 'engine', error: unknown]
  | [code: 'consent-mode', error: unknown]
  | [code: 'nonce', element: Element]
  | [code: 'trusted-types', error: unknown]
  | [code: 'gated', element: Element, error: unknown];

const COOKIE_REASONS = { oversized: 'is larger than any record Keuze writes', corrupt: 'is corrupt', altered: 'was altered (checksum mismatch)' };

/** The start of an element's markup, to find it in the page. */
const excerpt = (element: Element): string => {
  const html = element.outerHTML;
  return html.length > 120 ? `${html.slice(0, 120)}…` : html;
};

export function explain(notice: Notice): void {
  switch (notice[0]) {
    case 'stored':
      return explainStored(notice[1], notice[2]);
    case 'storage':
      return logWarning('this document has no cookie access (a sandboxed iframe without allow-same-origin?): Keuze runs without storage, and a choice holds for this page only.');
    case 'twice':
      return logWarning('Keuze is loaded twice on this page (two script tags, or the tag and init()); using the first instance.');
    case 'engine':
      // If this chunk could not load either, the loader logs that failure instead.
      return logError('could not load the consent engine, so a choice could not be stored:', notice[1]);
    case 'consent-mode':
      return logError('Google Consent Mode could not start, so no gated script or embed runs on this page: a Google tag must not run before its consent defaults.', notice[1]);
    case 'nonce':
      return logError(
        `a gated <script> without the page's nonce was not run: Keuze's own script tag has a nonce, so each gated script must carry the same one ` +
          `(under 'strict-dynamic' an injected script would otherwise run). ${excerpt(notice[1])}`,
      );
    case 'trusted-types':
      return logError(`could not create the Trusted Types policy "keuze", which gated scripts need where the page requires Trusted Types: add keuze to the CSP's trusted-types directive.`, notice[1]);
    case 'gated':
      return logError(`a gated <${notice[1].localName}> could not run; the ones after it still do. ${excerpt(notice[1])}`, notice[2]);
    case 'ui':
      return logError('no elements loaded: use the script tag, or pass the ui of @keuze/elements to init(config, { ui }).');
  }
}

/** Why the first copy of the consent cookie that holds anything does not count (see isCurrent). */
function explainStored(config: ResolvedConfig, values: string[]): void {
  const { name } = config.cookie;
  const record = decodeRecord(values.find(Boolean));
  const cookie = `the consent cookie "${name}"`;
  if (!record) return;
  if (typeof record == 'string') return logWarning(`${cookie} ${COOKIE_REASONS[record]}; asking again.`);
  const time = Date.parse(record.timestamp);
  const why =
    record.revision !== config.revision
      ? `holds a choice for revision ${record.revision}, the config is at revision ${config.revision}`
      : time > Date.now()
        ? 'holds a choice dated in the future, which Keuze never writes'
        : `holds a choice older than ${config.lifetimeDays} days (config.lifetimeDays)`;
  logWarning(`${cookie} ${why}; asking again.`);
}
