import pg from 'pg';
import type { Database } from './database.js';

// BIGINT columns hold milliseconds (far below 2^53): read them as numbers, as SQLite gives them.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** `?` placeholders to PostgreSQL's `$1, $2, …` (no statement here has a `?` inside a string). */
const numbered = (sql: string): string => {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
};

type Queryable = pg.Pool | pg.PoolClient;

function over(client: Queryable, transaction: Database['transaction'], close: Database['close']): Database {
  return {
    dialect: 'postgres',
    all: async <Row>(sql: string, params: unknown[] = []) => (await client.query(numbered(sql), params)).rows as Row[],
    run: async (sql, params = []) => (await client.query(numbered(sql), params)).rowCount ?? 0,
    transaction,
    close,
  };
}

/** PostgreSQL through a `pg` connection pool; every instance of the server can share one database. */
export function openPostgres(connectionString: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client losing its connection (a database restart) must not crash the process.
  pool.on('error', (error) => console.error(`[keuze-server] PostgreSQL: ${error.message}`));
  const transaction: Database['transaction'] = async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(
        over(
          client,
          () => Promise.reject(new Error('nested transaction')),
          async () => {},
        ),
      );
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  return over(pool, transaction, () => pool.end());
}
