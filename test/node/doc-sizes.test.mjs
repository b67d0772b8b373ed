// Every size the docs quote comes from the build: each "N KB" in README.md, docs/ and the package
// READMEs is claimed below, and the claim is checked against the built files (gzip -9, as the size
// report measures) or their budget in rollup.config.mjs. A new figure without a claim fails, so no
// hand-typed number can drift. Needs the build, as `npm test` runs it first.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { files as budgets } from '../../rollup.config.mjs';
import { root } from '../support/packed.mjs';

const dist = join(root, 'dist');
const chunks = readdirSync(join(dist, 'chunks'));
/** `keuze.js`, `keuze.iife.js`, or a chunk by name without hash (`consent-mode`). */
function gzipKb(name) {
  const file = name.endsWith('.js') ? name : `chunks/${chunks.find((chunk) => chunk.replace(/-[\w-]{8}\.js$/, '') == name)}`;
  return gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
}
const budgetKb = (name) => budgets[name].gzip / 1024;

/** "about N": the size rounded to N's digits. */
const about = (name) => (figure, digits) => assert.equal(gzipKb(name).toFixed(digits), figure, `${name} is ${gzipKb(name).toFixed(2)} KB gzip`);
/** "at most N": the budget, rounded to N's digits, and the size within it. */
const atMost = (name) => (figure, digits) => {
  assert.equal(budgetKb(name).toFixed(digits), figure, `${name}'s budget is ${budgetKb(name).toFixed(2)} KB`);
  assert.ok(gzipKb(name) <= budgetKb(name));
};
const under = (name) => (figure) => assert.ok(gzipKb(name) < Number(figure), `${name} is ${gzipKb(name).toFixed(2)} KB gzip`);
/** Not a size of ours (a browser limit, say): checked by nothing, listed so that it is a decision. */
const notOurs = () => () => {};

/** [file, the sentence around the figure (a regex; the figure is its `(\d…)` group), what it claims]. */
const claims = [
  ['README.md', /at most\s+(2\.9) KB gzip/, atMost('keuze.js')],
  ['README.md', /about (74) KB gzip, because it holds every element/, about('keuze.iife.js')],
  ['docs/api.md', /The build fails if it goes over (2\.9) KB gzip/, atMost('keuze.js')],
  ['docs/api.md', /It is about (74) KB gzip/, about('keuze.iife.js')],
  ['docs/api.md', /the build caps it at (74) KB/, atMost('keuze.iife.js')],
  ['docs/api.md', /a returning visitor then downloads (2\.9) KB/, atMost('keuze.js')],
  ['docs/getting-started.md', /a small module \((2\.9) KB gzip at most/, atMost('keuze.js')],
  ['docs/integrations.md', /The Consent Mode code \((0\.4) KB gzip\)/, about('consent-mode')],
  ['docs/integrations.md', /The log's code is a chunk of its own \(under (1) KB gzip\)/, under('consent-log')],
  ['docs/privacy-statement.md', /one chunk of about (30) KB gzip/, about('privacy-statement')],
  ['docs/privacy-statement.md', /The declaration's chunk is about (1\.8) KB gzip/, about('cookie-declaration')],
  ['docs/privacy-statement.md', /and is about (74) KB gzip/, about('keuze.iife.js')],
  ['docs/configuration.md', /the browser's (4) KB cookie limit/, notOurs()],
];

const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`), ...readdirSync(join(root, 'packages')).map((dir) => `packages/${dir}/README.md`)];
const read = (file) => {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch {
    return '';
  }
};

test('every size quoted in the docs is claimed here', () => {
  const unclaimed = [];
  for (const file of documents) {
    const text = read(file);
    const covered = claims.filter(([claimFile]) => claimFile == file).flatMap(([, pattern]) => [...text.matchAll(new RegExp(pattern, 'g'))].map((match) => [match.index, match.index + match[0].length]));
    for (const match of text.matchAll(/\d+(?:\.\d+)?\s*(?:KB|kB|KiB|MB)\b/g)) {
      if (!covered.some(([start, end]) => match.index >= start && match.index < end)) unclaimed.push(`${file}: "${text.slice(Math.max(0, match.index - 40), match.index + match[0].length)}"`);
    }
  }
  assert.deepEqual(unclaimed, [], 'add a claim for each (or write the figure into the text from the build)');
});

test('each claimed size matches the build', () => {
  for (const [file, pattern, check] of claims) {
    const match = pattern.exec(read(file));
    assert.ok(match, `${file} no longer says ${pattern}: update the claim`);
    const figure = match[1];
    check(figure, figure.split('.')[1]?.length ?? 0);
  }
});
