// Starts Keuze's server in this process on a free port, over SQLite in a temporary file or over
// PostgreSQL, and gives the tests a way to call it and to look into its database.
import { createServer } from 'node:http';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeuzeServer, toNodeListener } from '../dist/index.js';
import { freePort } from './ports.mjs';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const SECRET = 'test-secret-0123456789abcdef0123456789';

let files = 0;

/**
 * `backend`: { name: 'sqlite' } or { name: 'postgres', url }. Mails are kept in `mails` (the
 * server's mail sender is the one seam the tests replace: no mail leaves the machine).
 */
export async function startServer(backend, options = {}) {
  const mails = [];
  const sqliteFile = join(tmpdir(), `keuze-test-${process.pid}-${++files}.db`);
  const server = await createKeuzeServer({
    sqliteFile,
    databaseUrl: backend.name == 'postgres' ? backend.url : undefined,
    adminToken: ADMIN_TOKEN,
    secret: SECRET,
    rateLimit: 0,
    mailer: async (mail) => void mails.push(mail),
    ...options,
  });
  const port = await freePort();
  const http = createServer(toNodeListener(server));
  await new Promise((resolve) => http.listen(port, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    server,
    mails,
    db: server.db,
    /** fetch relative to the server. */
    call: (path, init) => fetch(`${base}${path}`, init),
    postJson: (path, body, headers = {}) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body == 'string' ? body : JSON.stringify(body) }),
    /** Rows in every table: what "nothing stored" is checked against. */
    async counts() {
      const counts = {};
      for (const table of ['consent_log', 'consent_texts', 'newsletter_subscribers', 'newsletter_topics', 'newsletter_consents', 'privacy_requests']) {
        const [row] = await server.db.all(`SELECT COUNT(*) AS n FROM ${table}`);
        counts[table] = Number(row.n);
      }
      return counts;
    },
    async stop() {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await server.close();
      if (backend.name == 'sqlite') for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteFile + suffix, { force: true });
    },
  };
}

let entries = 0;
/** A consent-log entry as the browser sends it today (packages/core/src/consent-log.ts). */
export function logEntry(overrides = {}) {
  return {
    consentId: `test-${process.pid}-${++entries}-${Math.random().toString(36).slice(2, 10)}`,
    timestamp: new Date(Date.now() - 1000).toISOString(),
    method: 'custom',
    categories: ['necessary', 'analytics'],
    services: { analytics: ['matomo'] },
    revision: 1,
    statementVersion: '16-09-2016',
    language: 'nl',
    textsHash: `sha256:${'ab'.repeat(32)}`,
    userAgent: 'Chrome',
    ...overrides,
  };
}
