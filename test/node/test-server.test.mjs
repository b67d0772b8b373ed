// The browser tests' server (web-test-runner.config.mjs, its plugins in a dev server) hands out the
// built bundles byte for byte, whoever asks: tests must load what we ship. A request without a
// browser's User-Agent once made esbuild lower dist/keuze.js to chrome64, which failed and printed
// "Error while transforming dist/keuze.js" into every `npm test`. Needs the build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startDevServer } from '@web/dev-server';
import config from '../../web-test-runner.config.mjs';
import { root } from '../support/packed.mjs';

let server;
let origin;
before(async () => {
  server = await startDevServer({
    config: { rootDir: root, port: 0, hostname: '127.0.0.1', nodeResolve: config.nodeResolve, plugins: config.plugins, middleware: config.middleware },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: false,
  });
  origin = `http://127.0.0.1:${server.server.address().port}`;
});
after(async () => {
  // fetch keeps its connections alive; the server would wait for them.
  server?.server.closeAllConnections();
  await server?.stop();
  // Run beside the other Node test files (npm test), the stopped dev server sometimes leaves a handle
  // open (its esbuild service or file watcher) and this file never exits, although every test has
  // passed; alone it always exits. Its results are reported by now: end the process if it lingers.
  setTimeout(() => process.exit(), 3000).unref();
});

for (const file of ['dist/keuze.js', 'dist/keuze.iife.js', 'packages/embed/dist/keuze.js']) {
  test(`${file} is served as built, to a browser and to a client without a User-Agent`, async () => {
    const built = readFileSync(join(root, file), 'utf8');
    for (const headers of [{ 'user-agent': '' }, { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36' }]) {
      const response = await fetch(`${origin}/${file}`, { headers });
      assert.equal(response.status, 200);
      assert.equal(await response.text(), built);
    }
  });
}

test('TypeScript is still compiled for the browser', async () => {
  const response = await fetch(`${origin}/packages/core/src/log.ts`, { headers: { 'user-agent': 'Mozilla/5.0 HeadlessChrome/156.0.0.0' } });
  assert.equal(response.status, 200);
  assert.doesNotMatch(await response.text(), /: unknown\[\]/);
});
