// `npm run bench:server`: consent-log POST throughput and latency of @keuze/server's CLI, on SQLite
// and on PostgreSQL (a throwaway cluster), measured with autocannon on 127.0.0.1 only. Writes
// bench/results/server.md. Run `npm run build` first. BENCH_SECONDS (default 10) and
// BENCH_CONNECTIONS (default 50) change the load.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startCli } from '../packages/server/test-support/cli.mjs';
import { createDatabase, startPostgres } from '../packages/server/test-support/postgres.mjs';
import { logEntry } from '../packages/server/test-support/server.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function measure(base) {
  // A fresh entry per request, as browsers send them: every request is a new row.
  const requests = [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(logEntry()) }) }];
  const options = { url: `${base}/consent-log`, connections, method: 'POST', headers: { 'content-type': 'application/json' }, requests };
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, connection pools, the database's caches
  const result = await autocannon({ ...options, duration: seconds });
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, ok: result['2xx'], other: result.non2xx + result.errors + result.timeouts };
}

const backends = [];
const loadAtStart = loadavg()[0].toFixed(2);
const sqliteFile = join(tmpdir(), `keuze-bench-${process.pid}.db`);
const cluster = await startPostgres();
try {
  const pgVersion = execFileSync('psql', ['--version'], { encoding: 'utf8' }).trim();
  for (const [name, env] of [
    ['SQLite (better-sqlite3, WAL)', { KEUZE_DB: sqliteFile }],
    [`PostgreSQL (${pgVersion.replace(/^psql \(PostgreSQL\) /, '')}, pool of 10)`, { DATABASE_URL: await createDatabase(cluster.url, 'bench') }],
  ]) {
    const server = await startCli(env);
    try {
      backends.push({ name, ...(await measure(server.base)) });
      console.log(backends.at(-1));
    } finally {
      await server.stop();
    }
  }
} finally {
  await cluster.stop();
  for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteFile + suffix, { force: true });
}

const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(', ');
const table = backends.map((b) => `| ${b.name} | ${Math.round(b.requestsPerSecond)} | ${b.p50} | ${b.p99} | ${b.ok} | ${b.other} |`).join('\n');
writeFileSync(
  'bench/results/server.md',
  `# @keuze/server: consent-log POST

\`npm run bench:server\` on ${new Date().toISOString().slice(0, 10)}: the CLI (\`keuze-server\`, one Node process, rate limit off) on
127.0.0.1, autocannon with ${connections} connections for ${seconds} s after a 2 s warm-up; every request a new entry (a new row).

| Backend | requests/s | p50 latency (ms) | p99 latency (ms) | 2xx | other |
|---|---:|---:|---:|---:|---:|
${table}

**Read these as a floor, not a capacity figure.** The machine has ${cpus().length} cores, **shared by 8 developers working at the
same time** (1-minute load average ${loadAtStart} when the run started; ${load} for 1, 5 and 15 minutes when it ended), and autocannon, the server and the database ran on it together.
Node ${process.version}. PostgreSQL ran with its defaults (fsync on). SQLite: WAL, synchronous=NORMAL (a killed process
loses nothing it answered for; a power cut can lose the last transactions). Behind a load balancer, PostgreSQL
throughput grows with instances until the database is the limit; SQLite is one process on one machine.
`,
);
console.log('bench/results/server.md written');
