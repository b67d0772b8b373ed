// Faults, with the real CLI as the site runs it: killed in the middle of a burst of consent-log
// posts, and two instances sharing one PostgreSQL database.
import assert from 'node:assert/strict';
import { request, Agent } from 'node:http';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../dist/index.js';
import { runCli, startCli } from '../test-support/cli.mjs';
import { createDatabase, startPostgres } from '../test-support/postgres.mjs';
import { logEntry } from '../test-support/server.mjs';

let cluster;
before(async () => {
  cluster = await startPostgres();
});
after(() => cluster?.stop());

const POSTS = 5000;
const SECRET = 'fault-test-secret-0123456789abcdef0123';

/** POSTs JSON over a pool of keep-alive sockets; resolves to the status, or to 0 when the connection failed. */
function post(agent, base, path, body) {
  return new Promise((resolve) => {
    const data = JSON.stringify(body);
    const req = request(`${base}${path}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end(data);
  });
}

async function storedIds(db) {
  const rows = await db.all('SELECT consent_id, COUNT(*) AS n FROM consent_log GROUP BY consent_id');
  return new Map(rows.map((row) => [row.consent_id, Number(row.n)]));
}

const backends = [
  {
    name: 'sqlite',
    env: () => ({ KEUZE_DB: join(tmpdir(), `keuze-fault-${process.pid}.db`) }),
    open: (env) => openDatabase({ sqliteFile: env.KEUZE_DB }),
    cleanup: (env) => ['', '-wal', '-shm'].forEach((s) => rmSync(env.KEUZE_DB + s, { force: true })),
  },
  { name: 'postgres', env: async () => ({ DATABASE_URL: await createDatabase(cluster.url, 'fault_kill') }), open: (env) => openDatabase({ databaseUrl: env.DATABASE_URL }), cleanup: () => {} },
];

for (const backend of backends) {
  describe(`${backend.name}: SIGKILL during ${POSTS} concurrent consent-log posts`, () => {
    it('after a restart every post answered 2xx is stored, none twice; the retried rest is stored once', async () => {
      const env = await backend.env();
      try {
        const first = await startCli(env);
        const agent = new Agent({ keepAlive: true, maxSockets: 200 });
        const entries = Array.from({ length: POSTS }, () => logEntry());
        let answered = 0;
        const statuses = await Promise.all(
          entries.map((entry) =>
            post(agent, first.base, '/consent-log', entry).then((status) => {
              // Killed when a fifth has been answered: the rest is in flight or not yet sent.
              if (status >= 200 && status < 300 && ++answered == POSTS / 5) first.child.kill('SIGKILL');
              return status;
            }),
          ),
        );
        await first.exited;
        agent.destroy();
        const acknowledged = entries.filter((_, i) => statuses[i] >= 200 && statuses[i] < 300);
        assert.ok(acknowledged.length >= POSTS / 5 && acknowledged.length < POSTS, `${acknowledged.length} acknowledged: the kill came mid-burst`);

        const second = await startCli(env);
        const db = await backend.open(env);
        try {
          const stored = await storedIds(db);
          for (const entry of acknowledged) assert.equal(stored.get(entry.consentId), 1, `${entry.consentId} answered 2xx but is stored ${stored.get(entry.consentId) ?? 0} times`);
          // The browser keeps what was not confirmed and sends it again: each is stored exactly once.
          const retryAgent = new Agent({ keepAlive: true, maxSockets: 50 });
          const retried = await Promise.all(entries.map((entry) => post(retryAgent, second.base, '/consent-log', entry)));
          retryAgent.destroy();
          assert.deepEqual(new Set(retried), new Set(acknowledged.length == POSTS ? [200] : [200, 201]));
          const afterRetry = await storedIds(db);
          assert.equal(afterRetry.size, POSTS);
          assert.ok([...afterRetry.values()].every((count) => count == 1));
        } finally {
          await db.close();
          await second.stop();
        }
      } finally {
        backend.cleanup(env);
      }
    });
  });
}

describe('two instances on one PostgreSQL', () => {
  it('the same entries posted to both are stored once; confirmations clicked on either are all kept', async () => {
    const env = { DATABASE_URL: await createDatabase(cluster.url, 'fault_two'), KEUZE_SECRET: SECRET };
    // When one instance fails to start, the other is stopped, or it would keep the test process alive.
    const started = await Promise.allSettled([startCli(env), startCli(env)]);
    const failed = started.find((result) => result.status == 'rejected');
    if (failed) {
      await Promise.all(started.filter((result) => result.status == 'fulfilled').map((result) => result.value.stop()));
      throw failed.reason;
    }
    const [a, b] = started.map((result) => result.value);
    const agent = new Agent({ keepAlive: true, maxSockets: 100 });
    const db = await openDatabase({ databaseUrl: env.DATABASE_URL });
    try {
      const entries = Array.from({ length: 1000 }, () => logEntry());
      const statuses = await Promise.all(entries.flatMap((entry) => [post(agent, a.base, '/consent-log', entry), post(agent, b.base, '/consent-log', entry)]));
      assert.ok(statuses.every((status) => status == 200 || status == 201));
      assert.equal(statuses.filter((status) => status == 201).length, entries.length);
      const stored = await storedIds(db);
      assert.equal(stored.size, entries.length);
      assert.ok([...stored.values()].every((count) => count == 1));

      // Sign-ups through A (the mails are printed in its terminal), each link clicked on both at once.
      const addresses = Array.from({ length: 40 }, (_, i) => `reader${i}@example.com`);
      await Promise.all(
        addresses.map((email, i) =>
          post(agent, (i % 2 ? a : b).base, '/newsletter', {
            type: 'newsletter-subscribe',
            email,
            topics: ['newsletter', 'research'],
            language: 'en',
            consentText: 'Yes, send me the newsletter.',
            timestamp: new Date().toISOString(),
          }),
        ),
      );
      const links = [...`${a.output()}${b.output()}`.matchAll(/https?:\/\/\S+\/newsletter\/confirm\?token=\S+/g)].map((match) => new URL(match[0]));
      assert.equal(links.length, addresses.length);
      const clicks = await Promise.all(links.flatMap((link) => [a, b].map((server) => fetch(`${server.base}${link.pathname}${link.search}`).then((response) => response.status))));
      assert.ok(
        clicks.every((status) => status == 200),
        String(clicks),
      );
      const [{ n: confirmed }] = await db.all("SELECT COUNT(*) AS n FROM newsletter_topics WHERE state = 'confirmed'");
      assert.equal(Number(confirmed), addresses.length * 2);
      const [{ n: subscribers }] = await db.all('SELECT COUNT(*) AS n FROM newsletter_subscribers');
      assert.equal(Number(subscribers), addresses.length);
      const [{ n: unconfirmedProofs }] = await db.all('SELECT COUNT(*) AS n FROM newsletter_consents WHERE confirmed_at IS NULL');
      assert.equal(Number(unconfirmedProofs), 0);
    } finally {
      agent.destroy();
      await db.close();
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});

describe('CLI', () => {
  it('--help lists every environment variable; purge runs and exits', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    for (const name of ['PORT', 'KEUZE_DB', 'DATABASE_URL', 'KEUZE_ADMIN_TOKEN', 'KEUZE_ALLOWED_ORIGINS', 'KEUZE_SECRET', 'KEUZE_RETENTION_DAYS', 'KEUZE_ID_COPY_DAYS', 'SMTP_URL'])
      assert.match(help.output, new RegExp(`^  ${name} `, 'm'));
    const file = join(tmpdir(), `keuze-cli-${process.pid}.db`);
    try {
      const purged = await runCli(['purge'], { KEUZE_DB: file });
      assert.equal(purged.code, 0, purged.output);
      assert.match(purged.output, /consentLogEntries: 0/);
      const bad = await runCli(['purge'], { KEUZE_DB: file, KEUZE_RETENTION_DAYS: 'five years' });
      assert.equal(bad.code, 1);
      assert.match(bad.output, /KEUZE_RETENTION_DAYS: expected a whole number/);
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    }
  });
});
