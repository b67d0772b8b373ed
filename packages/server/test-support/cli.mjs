// Runs the real CLI (dist/cli.js) as a child process, as a site would, and waits until it listens.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export async function startCli(env = {}, args = []) {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, '--port', String(port), ...args], { env: { ...process.env, KEUZE_RATE_LIMIT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('listening on')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    exited.then(() => reject(new Error(`keuze-server exited:\n${output}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Runs the CLI to completion (e.g. `--help`, `purge`); resolves to its exit code and output. */
export function runCli(args, env = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}
