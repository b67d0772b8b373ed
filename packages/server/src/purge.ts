import { days, type ServerOptions } from './options.js';
import type { Database } from './store/database.js';
import { CONFIRM_LIFETIME_MS } from './newsletter.js';

export interface PurgeResult {
  consentLogEntries: number;
  consentTexts: number;
  idCopies: number;
  unconfirmedSignups: number;
}

/**
 * Deletes what is kept past its time: consent-log entries older than `retentionDays` (and texts no
 * entry names any more), ID copies older than `idCopyDays` (the request itself stays), and sign-ups
 * never confirmed within the link's lifetime (an address without consent is not kept). Run daily by
 * the CLI's server and by `keuze-server purge`; safe to run on several instances at once.
 */
export async function purge(db: Database, options: Pick<ServerOptions, 'retentionDays' | 'idCopyDays'>, now = Date.now()): Promise<PurgeResult> {
  return db.transaction(async (tx) => ({
    consentLogEntries: await tx.run('DELETE FROM consent_log WHERE received_at < ?', [now - days(options.retentionDays)]),
    consentTexts: await tx.run('DELETE FROM consent_texts WHERE NOT EXISTS (SELECT 1 FROM consent_log WHERE texts_hash = consent_texts.hash) AND received_at < ?', [now - days(options.retentionDays)]),
    idCopies: await tx.run('UPDATE privacy_requests SET id_copy = NULL, id_copy_type = NULL, id_copy_deleted_at = ? WHERE id_copy IS NOT NULL AND received_at < ?', [
      now,
      now - days(options.idCopyDays),
    ]),
    unconfirmedSignups: await tx.run(
      `DELETE FROM newsletter_subscribers WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM newsletter_consents WHERE subscriber_id = newsletter_subscribers.id AND confirmed_at IS NOT NULL)`,
      [now - CONFIRM_LIFETIME_MS - days(1)],
    ),
  }));
}
