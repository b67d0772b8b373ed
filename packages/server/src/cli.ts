#!/usr/bin/env node
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createKeuzeServer } from './handler.js';
import { toNodeListener } from './node.js';
import { ENVIRONMENT, optionsFromEnv } from './options.js';

const HELP = `keuze-server: Keuze's consent log, consent cookie renewal, newsletter double opt-in and privacy requests.

Usage:
  keuze-server [--port 8787] [--host 127.0.0.1]   run the server
  keuze-server purge                              delete what is past its retention, then exit
  keuze-server --help                             this text

Environment:
${ENVIRONMENT.map(([name, meaning]) => `  ${name.padEnd(22)} ${meaning}`).join('\n')}
`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void process.stdout.write(HELP);
  const command = positionals[0];
  if (command !== undefined && command !== 'purge') throw new Error(`unknown command "${command}"; see --help`);
  const server = await createKeuzeServer(optionsFromEnv());
  const backend = server.options.databaseUrl ? 'PostgreSQL' : `SQLite ${server.options.sqliteFile}`;
  if (command == 'purge') {
    console.log(`[keuze-server] purged from ${backend}:`, await server.purge());
    return server.close();
  }
  const port = Number(values.port ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: expected a port number, got "${values.port ?? process.env.PORT}"`);
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  const http = createServer(toNodeListener(server));
  // A slow client may not hold a connection open forever (slowloris).
  http.requestTimeout = 30_000;
  http.headersTimeout = 10_000;
  const daily = setInterval(() => void server.purge().catch((error: unknown) => console.error('[keuze-server] purge failed:', error)), 86_400_000);
  daily.unref();
  void server.purge().catch((error: unknown) => console.error('[keuze-server] purge failed:', error));
  http.listen(port, host, () => {
    const address = http.address();
    console.log(`[keuze-server] listening on http://${host}:${typeof address == 'object' && address ? address.port : port} (${backend})`);
  });
  const stop = (): void => {
    http.close(() => void server.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(`keuze-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
