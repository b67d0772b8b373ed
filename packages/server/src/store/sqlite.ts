import BetterSqlite3 from 'better-sqlite3';
import type { Database } from './database.js';

/**
 * SQLite through better-sqlite3, in WAL mode: a statement has reached the file (the OS's copy of it)
 * before its promise resolves, so a killed process loses nothing it answered for.
 *
 * better-sqlite3 is synchronous; a transaction whose work awaits would let another request's
 * statement run inside it, so every statement and transaction waits its turn in one queue.
 */
export function openSqlite(file: string): Database {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string): BetterSqlite3.Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
    return statement;
  };
  // SQLite has no boolean type and takes Buffers for BLOBs; other values bind as they are.
  const bind = (params: unknown[]): unknown[] => params.map((value) => (typeof value == 'boolean' ? Number(value) : value));

  const direct: Database = {
    dialect: 'sqlite',
    all: async <Row>(sql: string, params: unknown[] = []) => {
      const statement = prepare(sql);
      return (statement.reader ? statement.all(...bind(params)) : (statement.run(...bind(params)), [])) as Row[];
    },
    run: async (sql, params = []) => prepare(sql).run(...bind(params)).changes,
    transaction: () => Promise.reject(new Error('nested transaction')),
    close: async () => void sqlite.close(),
  };

  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };
  return {
    dialect: 'sqlite',
    all: (sql, params) => inTurn(() => direct.all(sql, params)),
    run: (sql, params) => inTurn(() => direct.run(sql, params)),
    transaction: (work) =>
      inTurn(async () => {
        sqlite.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          sqlite.exec('COMMIT');
          return result;
        } catch (error) {
          sqlite.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () => inTurn(() => direct.close()),
  };
}
