// docs/getting-started.md, followed word for word: its shell commands run in an empty site folder
// (`npm install @keuze/embed` installs the packed tarball, as it is not published from here), each
// "Save this as `file`" block is written to that file, `python3 -m http.server` serves the folder,
// and Chromium visits the pages the guide promises: a banner, a privacy page, a cookies page, no 404.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { installInto, launchChromium, pack, root } from '../support/packed.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'keuze-getting-started-'));
const site = join(scratch, 'site');
const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

/** The guide's steps in order: `{ run: 'command' }` per shell line, `{ save: file, content }` per file block. */
function steps(markdown) {
  const found = [];
  for (const [, saveAs, language, body] of markdown.matchAll(/(?:(?:Save this as|as) `([^`]+)`[^\n]*\n+)?```(\w+)\n([\s\S]*?)```/g)) {
    if (saveAs) found.push({ save: saveAs, content: body });
    else if (language == 'sh') for (const line of body.split('\n').filter((line) => line.trim() && !line.startsWith('#'))) found.push({ run: line.trim() });
  }
  return found;
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts the guide's `python3 -m http.server <port>` on a free port instead; resolves once it listens. */
async function startServer(command) {
  const port = await freePort();
  const args = command
    .replace(/^python3\s+/, '')
    .replace(/\b8000\b/, String(port))
    .split(/\s+/);
  const server = spawn('python3', [...args, '--bind', '127.0.0.1'], { cwd: site, stdio: 'ignore' });
  let exited;
  server.on('exit', (code) => (exited = `${command} exited with ${code}`));
  cleanups.push(() => server.kill());
  const origin = `http://127.0.0.1:${port}`;
  // Python buffers its "Serving HTTP" line when not on a terminal: wait until it answers instead.
  for (;;) {
    if (exited) throw new Error(exited);
    if (
      await fetch(origin).then(
        (response) => response.ok,
        () => false,
      )
    )
      return origin;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('docs/getting-started.md works as written on python3 -m http.server', async () => {
  const guide = steps(readFileSync(join(root, 'docs/getting-started.md'), 'utf8'));
  const files = guide.filter((step) => step.save).map((step) => step.save);
  assert.deepEqual(files, ['index.html', 'privacy/index.html', 'privacy.md', 'cookies/index.html'], 'the guide saves these files');

  mkdirSync(site, { recursive: true });
  // Not on the registry from here: the packed packages stand in for it (@keuze/embed and the two it depends on).
  const tarballs = (await pack(join(scratch, 'tarballs'), ['packages/core', 'packages/elements', 'packages/embed'])).map((report) => report.tarball);
  let origin;
  for (const step of guide) {
    if (step.save) {
      mkdirSync(dirname(join(site, step.save)), { recursive: true });
      writeFileSync(join(site, step.save), step.content);
    } else if (step.run == 'npm install @keuze/embed') {
      await installInto(site, tarballs);
    } else if (step.run.startsWith('python3 -m http.server')) {
      origin = await startServer(step.run);
    } else {
      await promisify(execFile)('sh', ['-c', step.run], { cwd: site });
    }
  }
  assert.ok(origin, 'the guide starts no server');

  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const page = await browser.newPage();
  const failed = [];
  const messages = [];
  page.on('response', (response) => response.status() >= 400 && !response.url().endsWith('/favicon.ico') && failed.push(`${response.status()} ${response.url()}`));
  // A failed request shows up as a console error without its address: `failed` has it (the browser's own favicon.ico left out).
  page.on('console', (message) => !message.text().startsWith('Failed to load resource') && messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));

  // The home page: the banner, whose privacy link leads to the privacy page.
  await page.goto(`${origin}/`);
  const banner = page.locator('keuze-cookie-banner');
  await banner.locator('[part~="base"]').waitFor();
  await banner.locator('[part~="text"] a').click();
  await page.waitForURL(`${origin}/privacy/`);
  await page.locator('keuze-privacy-statement [part~="title"]').waitFor();
  assert.equal(await page.locator('keuze-privacy-statement [part~="title"]').textContent(), 'Privacy statement');
  assert.ok(await page.locator('keuze-privacy-statement h2#who-we-are').count());

  // Accept all: the gated snippet runs, and the cookies page shows the choice.
  await page.goto(`${origin}/`);
  await banner.locator('[part~="accept-all"]').click();
  await page.waitForFunction(() => document.cookie.includes('keuze_consent='));
  await page.waitForFunction(() => window.Keuze.isGranted('analytics'));
  await page.goto(`${origin}/cookies/`);
  const declaration = page.locator('keuze-cookie-declaration');
  await declaration.locator('table').first().waitFor();
  assert.match(await declaration.evaluate((element) => element.shadowRoot.textContent), /_pk_id\.\*/);

  assert.ok(messages.includes('log: Analytics may run now.'), `the gated snippet did not run:\n${messages.join('\n')}`);
  assert.deepEqual(
    messages.filter((line) => /^(error|warning|pageerror)/.test(line)),
    [],
  );
  assert.deepEqual(failed, []);
});
