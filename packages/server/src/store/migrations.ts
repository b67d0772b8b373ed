import { COLUMN_TYPES, type Database } from './database.js';

type Types = (typeof COLUMN_TYPES)[keyof typeof COLUMN_TYPES];

/**
 * The schema, as numbered steps applied in order at start; a step once released never changes
 * (add a new one). Times are milliseconds since 1970 (UTC) in 64-bit integers on both backends.
 * No table has a column for an IP address.
 */
export const MIGRATIONS: ((t: Types) => string[])[] = [
  (t) => [
    // Proof of consent: append-only, one row per decision (consent id + time of the decision).
    `CREATE TABLE consent_log (
      id ${t.id},
      consent_id TEXT NOT NULL,
      decided_at ${t.bigint} NOT NULL,
      method TEXT NOT NULL,
      categories TEXT NOT NULL,
      services TEXT NOT NULL,
      revision ${t.bigint} NOT NULL,
      statement_version TEXT,
      language TEXT NOT NULL,
      texts_hash TEXT,
      user_agent TEXT NOT NULL,
      received_at ${t.bigint} NOT NULL,
      UNIQUE (consent_id, decided_at)
    )`,
    `CREATE INDEX consent_log_received ON consent_log (received_at)`,
    // The texts a hash stands for, once per hash.
    `CREATE TABLE consent_texts (
      hash TEXT PRIMARY KEY,
      texts TEXT NOT NULL,
      received_at ${t.bigint} NOT NULL
    )`,
    `CREATE TABLE newsletter_subscribers (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      language TEXT NOT NULL,
      created_at ${t.bigint} NOT NULL,
      unsubscribed_at ${t.bigint}
    )`,
    // One row per topic: state 'pending' until the address confirms, then 'confirmed'.
    `CREATE TABLE newsletter_topics (
      subscriber_id TEXT NOT NULL REFERENCES newsletter_subscribers (id) ON DELETE CASCADE,
      topic TEXT NOT NULL,
      state TEXT NOT NULL,
      changed_at ${t.bigint} NOT NULL,
      PRIMARY KEY (subscriber_id, topic)
    )`,
    // Proof of each sign-up (Telecommunicatiewet 11.7): the text the visitor saw, and when.
    `CREATE TABLE newsletter_consents (
      id ${t.id},
      subscriber_id TEXT NOT NULL REFERENCES newsletter_subscribers (id) ON DELETE CASCADE,
      topics TEXT NOT NULL,
      consent_text TEXT NOT NULL,
      language TEXT NOT NULL,
      given_at ${t.bigint} NOT NULL,
      received_at ${t.bigint} NOT NULL,
      confirmed_at ${t.bigint}
    )`,
    `CREATE TABLE privacy_requests (
      reference TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      name TEXT NOT NULL,
      email TEXT NOT NULL,
      message TEXT NOT NULL,
      consent TEXT,
      language TEXT NOT NULL,
      submitted_at ${t.bigint} NOT NULL,
      received_at ${t.bigint} NOT NULL,
      deadline ${t.bigint} NOT NULL,
      status TEXT NOT NULL,
      id_copy ${t.bytes},
      id_copy_type TEXT,
      id_copy_deleted_at ${t.bigint}
    )`,
    `CREATE INDEX privacy_requests_received ON privacy_requests (received_at)`,
  ],
  (t) => [
    // The sign-up's two other answers: the age the visitor confirmed (newsletter.minimumAge), and
    // the separate consent to measuring opens and clicks (ePrivacy 5(3)) with the box's text.
    `ALTER TABLE newsletter_consents ADD COLUMN minimum_age INTEGER`,
    `ALTER TABLE newsletter_consents ADD COLUMN tracking ${t.bigint} NOT NULL DEFAULT 0`,
    `ALTER TABLE newsletter_consents ADD COLUMN tracking_text TEXT`,
  ],
];

/**
 * Brings the schema to the latest step. Two instances starting at once on one PostgreSQL wait for
 * each other (an advisory lock), so each step runs once.
 */
export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    // 0x6b65757a: "keuz", any fixed number the site's own code is unlikely to lock.
    if (tx.dialect == 'postgres') await tx.all('SELECT pg_advisory_xact_lock(1801807226)');
    // Under the lock too: two CREATE TABLE IF NOT EXISTS at once on PostgreSQL can both find no
    // table, and the second fails on pg_type's unique index.
    await tx.run(`CREATE TABLE IF NOT EXISTS keuze_migrations (version INTEGER PRIMARY KEY, applied_at ${COLUMN_TYPES[tx.dialect].bigint} NOT NULL)`);
    const [row] = await tx.all<{ version: number | null }>('SELECT MAX(version) AS version FROM keuze_migrations');
    for (let version = (row?.version ?? 0) + 1; version <= MIGRATIONS.length; version++) {
      for (const statement of MIGRATIONS[version - 1]!(COLUMN_TYPES[tx.dialect])) await tx.run(statement);
      await tx.run('INSERT INTO keuze_migrations (version, applied_at) VALUES (?, ?)', [version, Date.now()]);
    }
  });
}
