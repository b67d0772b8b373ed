// The ways a site runs the server besides the CLI: as Connect-style middleware (Express, Fastify
// through middie) in front of the site's own routes, and with real SMTP through nodemailer.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createKeuzeServer, keuzeMiddleware } from '../dist/index.js';
import { freePort } from '../test-support/ports.mjs';
import { logEntry } from '../test-support/server.mjs';

const sqliteFile = join(tmpdir(), `keuze-adapters-${process.pid}.db`);
after(() => ['', '-wal', '-shm'].forEach((suffix) => rmSync(sqliteFile + suffix, { force: true })));

/** Starts a Node HTTP server; resolves to its base URL and a stop function. */
async function listen(listener) {
  const port = await freePort();
  const http = createServer(listener);
  await new Promise((resolve) => http.listen(port, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => (http.closeAllConnections(), http.close(resolve))) };
}

describe('Connect-style middleware', () => {
  let keuze;
  let app;
  before(async () => {
    keuze = await createKeuzeServer({ sqliteFile, rateLimit: 0 });
    const middleware = keuzeMiddleware(keuze);
    // What Express does for app.use('/keuze', …): the mount path is taken off req.url.
    app = await listen((req, res) => {
      if (!req.url.startsWith('/keuze/')) return res.end('the site');
      req.url = req.url.slice('/keuze'.length);
      middleware(req, res, () => res.end('next'));
    });
  });
  after(async () => {
    await app.stop();
    await keuze.close();
  });

  it('answers its routes, and passes every other request on to the app', async () => {
    const posted = await fetch(`${app.base}/keuze/consent-log`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(logEntry()) });
    assert.equal(posted.status, 201);
    assert.equal(await (await fetch(`${app.base}/keuze/not-ours`)).text(), 'next');
    assert.equal(await (await fetch(`${app.base}/about`)).text(), 'the site');
  });
});

describe('SMTP', () => {
  it('with SMTP_URL the confirmation mail goes out through nodemailer', async () => {
    // A minimal SMTP server (RFC 5321): enough for nodemailer to deliver one plain-text mail.
    const received = [];
    const port = await freePort();
    const smtp = createTcpServer((socket) => {
      let data = null;
      socket.write('220 test ESMTP\r\n');
      let buffer = '';
      socket.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\r\n')) >= 0) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (data !== null) {
            if (line === '.') {
              received.push(data.join('\n'));
              data = null;
              socket.write('250 queued\r\n');
            } else data.push(line);
          } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 test\r\n');
          else if (/^DATA/i.test(line)) {
            data = [];
            socket.write('354 go on\r\n');
          } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
          else socket.write('250 ok\r\n');
        }
      });
    });
    await new Promise((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    const keuze = await createKeuzeServer({ sqliteFile, rateLimit: 0, smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`, mailFrom: 'Boekvlot <nieuws@boekvlot.example>' });
    const app = await listen((req, res) => keuzeMiddleware(keuze)(req, res, () => res.end()));
    try {
      const response = await fetch(`${app.base}/newsletter`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'newsletter-subscribe', email: 'gert@example.com', topics: ['newsletter'], language: 'nl', consentText: 'Ja.', timestamp: new Date().toISOString() }),
      });
      assert.deepEqual(await response.json(), { status: 'pending' });
      assert.equal(received.length, 1);
      assert.match(received[0], /^To: gert@example\.com$/m);
      assert.match(received[0], /^From: Boekvlot <nieuws@boekvlot\.example>$/m);
      assert.match(received[0].replace(/=\n/g, '').replace(/=3D/g, '='), /\/newsletter\/confirm\?token=[\w-]+\.[\w-]+/);
    } finally {
      await app.stop();
      await keuze.close();
      smtp.close();
    }
  });
});
