/**
 * The one interface both backends implement: SQL with `?` placeholders, the same statements on
 * SQLite and PostgreSQL (both speak `ON CONFLICT … DO NOTHING` and `RETURNING`).
 */
export interface Database {
  readonly dialect: 'sqlite' | 'postgres';
  /** Rows of a query. Integers come back as numbers on both backends. */
  all<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Runs `work` in one transaction: all of it commits, or none of it (it rethrows). */
  transaction<T>(work: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Column types that differ between the backends; the rest of the schema is the same text. */
export const COLUMN_TYPES = {
  sqlite: { id: 'INTEGER PRIMARY KEY AUTOINCREMENT', bytes: 'BLOB', bigint: 'INTEGER' },
  postgres: { id: 'BIGSERIAL PRIMARY KEY', bytes: 'BYTEA', bigint: 'BIGINT' },
} as const;
