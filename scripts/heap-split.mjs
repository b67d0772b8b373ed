#!/usr/bin/env node
// node scripts/heap-split.mjs  (after `npm run build` and one `npm run bench`, which sets up bench/.peer-bench)
//
// Issue 16 asks what holds the first visit's memory. This loads bench/keuze.html on the peer harness's server in
// headless Chromium, five times per variant, and prints the JS heap after a forced GC over the harness's baseline page,
// with some of Keuze's chunks blocked: so the loader's, the ui chunk's and the engine's shares can be told apart. Then
// one heap snapshot of the full first visit minus one of the loader alone, summed by V8 node type (compiled code,
// object shapes, strings, ...). Not run by the tests: timings and heap sizes are measured, not asserted.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 4179;
const BASE = `http://127.0.0.1:${PORT}`;
const server = spawn(process.execPath, ['server.mjs', String(PORT), '--mount', `/keuze/=${REPO}`], { cwd: path.join(REPO, 'bench', '.peer-bench'), stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 1500));

const PAGE = '/keuze/bench/keuze.html';
const variants = {
  'baseline page (no library)': ['/pages/baseline.html', null],
  'Keuze, first visit (banner, then engine)': [PAGE, null],
  'Keuze, engine and validator blocked': [PAGE, /chunks\/(engine|config-validation|categories|events|cookie-attributes|diagnostics|config-warnings)-/],
  'Keuze, every chunk blocked (loader alone)': [PAGE, /chunks\//],
};

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** Opens `url` in a fresh context with `blocked` requests failing; hands the page's CDP session to `measure` once it has settled. */
async function visit(url, blocked, measure) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => void (blocked?.test(request.url()) ? request.abort() : request.continue()));
  await page.goto(BASE + url, { waitUntil: 'load' });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const client = await page.createCDPSession();
  await client.send('HeapProfiler.enable');
  await client.send('HeapProfiler.collectGarbage');
  const result = await measure(client);
  await context.close();
  return result;
}

const heapKiB = async (url, blocked) => {
  const values = [];
  for (let run = 0; run < 5; run++) values.push(await visit(url, blocked, async (client) => (await client.send('Runtime.getHeapUsage')).usedSize / 1024));
  return values.sort((a, b) => a - b)[2];
};

/** Self sizes by V8 node type, in bytes. */
const snapshotByType = (url, blocked) =>
  visit(url, blocked, async (client) => {
    let json = '';
    client.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => (json += chunk));
    await client.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const { snapshot, nodes } = JSON.parse(json);
    const fields = snapshot.meta.node_fields;
    const [typeAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('self_size')];
    const byType = {};
    for (let i = 0; i < nodes.length; i += fields.length) {
      const type = snapshot.meta.node_types[0][nodes[i + typeAt]];
      byType[type] = (byType[type] ?? 0) + nodes[i + sizeAt];
    }
    return byType;
  });

try {
  const heaps = {};
  for (const [name, [url, blocked]] of Object.entries(variants)) heaps[name] = await heapKiB(url, blocked);
  const baseline = heaps['baseline page (no library)'];
  console.log('JS heap after GC, median of 5 (KiB), and over the baseline page:');
  for (const [name, kib] of Object.entries(heaps)) console.log(`  ${name.padEnd(44)} ${kib.toFixed(0).padStart(6)}  (+${(kib - baseline).toFixed(0)})`);
  const [loaderOnly, full] = [await snapshotByType(PAGE, /chunks\//), await snapshotByType(PAGE, null)];
  console.log('Heap snapshot, first visit minus the loader alone, by node type (KiB):');
  const growth = Object.keys(full).map((type) => [type, (full[type] - (loaderOnly[type] ?? 0)) / 1024]);
  for (const [type, kib] of growth.sort((a, b) => b[1] - a[1]).filter(([, kib]) => Math.abs(kib) >= 1)) console.log(`  ${type.padEnd(20)} ${kib.toFixed(0).padStart(6)}`);
} finally {
  await browser.close();
  server.kill();
}
