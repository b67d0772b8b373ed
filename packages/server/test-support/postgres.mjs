// A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, pg_ctl start on a free
// port, stopped and deleted afterwards. Debian's postgresql package (`.ci/run` installs it).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.mjs';

function binDir() {
  if (process.env.KEUZE_PG_BIN) return process.env.KEUZE_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => b - a) : [];
  if (!versions.length) throw new Error('PostgreSQL not found in /usr/lib/postgresql: apt-get install -y postgresql (or set KEUZE_PG_BIN)');
  return join(root, versions[0], 'bin');
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user. */
const asRoot = process.getuid?.() === 0;
function run(program, args) {
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  const result = spawnSync(command, commandArgs, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

/** Starts a cluster; resolves to its connection string and a stop function. */
export async function startPostgres() {
  const bin = binDir();
  const folder = mkdtempSync(join(tmpdir(), 'keuze-pg-'));
  if (asRoot) chownSync(folder, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  const data = join(folder, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'keuze', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  // fsync stays on: the fault test kills the server, not the database, and a crash-safe database is what is tested.
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(folder, 'log'), '-w', '-t', '30', '-o', `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=100`, 'start']);
      return {
        url: `postgres://keuze@127.0.0.1:${port}/postgres`,
        async stop() {
          try {
            run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
          } finally {
            rmSync(folder, { recursive: true, force: true });
          }
        },
      };
    } catch (error) {
      // Another process took the port between the check and the start: try the next one.
      if (attempt >= 5) {
        rmSync(folder, { recursive: true, force: true });
        throw error;
      }
    }
  }
}

/** A fresh, empty database in the cluster, so each suite starts from nothing. */
export async function createDatabase(url, name) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return url.replace(/\/postgres$/, `/${name}`);
}
