// Every size the docs quote is checked: each "N KB" or "N MB" in README.md, docs/ and the package
// READMEs is claimed below, by kind. A size of ours is checked against the built files (gzip -9, as
// the size report measures) or their budget in rollup.config.mjs; a limit the product enforces
// (an upload or body limit) against the constant the code enforces it with; a figure from a bench
// run against today's build, loosely. A new figure without a claim fails, so no hand-typed number
// can drift. Needs the build, as `npm test` runs it first.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ID_COPY_MAX_BYTES } from '../../packages/elements/dist/privacy-request/id-copy.js';
import { RENEWAL_LIMIT } from '../../packages/server/dist/consent-cookie.js';
import { CONSENT_LOG_LIMIT } from '../../packages/server/dist/consent-log.js';
import { NEWSLETTER_LIMIT } from '../../packages/server/dist/newsletter.js';
import { FORM_LIMIT, ID_COPY_LIMIT } from '../../packages/server/dist/privacy-request.js';
import { files as budgets } from '../../rollup.config.mjs';
import { root } from '../support/packed.mjs';

const dist = join(root, 'dist');
const chunks = readdirSync(join(dist, 'chunks'));
/** `keuze.js`, `keuze.iife.js`, or a chunk by name without hash (`consent-mode`). */
function gzipKb(name) {
  const file = name.endsWith('.js') ? name : `chunks/${chunks.find((chunk) => chunk.replace(/-[\w-]{6}\.js$/, '') == name)}`;
  return gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
}
const budgetKb = (name) => budgets[name].gzip / 1024;
const UNIT_BYTES = { KB: 1024, kB: 1024, KiB: 1024, MB: 1024 * 1024 };

/** "about N": the size rounded to N's digits. */
const about = (name) => (figure, digits) => assert.equal(gzipKb(name).toFixed(digits), figure, `${name} is ${gzipKb(name).toFixed(2)} KB gzip`);
/** "at most N": the budget, rounded to N's digits, and the size within it. */
const atMost = (name) => (figure, digits) => {
  assert.equal(budgetKb(name).toFixed(digits), figure, `${name}'s budget is ${budgetKb(name).toFixed(2)} KB`);
  assert.ok(gzipKb(name) <= budgetKb(name));
};
const under = (name) => (figure) => assert.ok(gzipKb(name) < Number(figure), `${name} is ${gzipKb(name).toFixed(2)} KB gzip`);
/** A limit the product enforces, in bytes: the figure, in the text's unit, is the constant the code checks. */
const limit = (bytes) => (figure, digits, unit) => assert.equal(Number(figure) * UNIT_BYTES[unit], bytes, `the code's limit is ${bytes} bytes`);
/** The size of a test's input, as that test builds it (`50 * 1024 * 1024`). */
const testInput = (file) => (figure, digits, unit) => {
  const expression = `${figure} * ${unit == 'MB' ? '1024 * 1024' : '1024'}`;
  assert.ok(read(file).includes(expression), `${file} no longer builds an input of ${expression} bytes`);
};
/** Not a size of ours (a browser limit, a phone photo): checked by nothing, listed so that it is a decision. */
const notOurs = () => () => {};

/** [file, the sentence around the figure (a regex; the figure is its `(\d…)` group), what it claims]. */
const claims = [
  ['README.md', /at most\s+(4\.2) KB gzip/, atMost('keuze.js')],
  ['README.md', /about (90) KB gzip, because it holds every element/, about('keuze.iife.js')],
  ['docs/api.md', /The build fails if it goes over (4\.2) KB gzip/, atMost('keuze.js')],
  ['docs/api.md', /It is about (90) KB gzip/, about('keuze.iife.js')],
  ['docs/api.md', /the build caps it at (91) KB/, atMost('keuze.iife.js')],
  ['docs/api.md', /a returning visitor then downloads at most (4\.2) KB/, atMost('keuze.js')],
  ['docs/getting-started.md', /a small module \((4\.2) KB gzip at most/, atMost('keuze.js')],
  ['docs/integrations.md', /The Consent Mode code \((0\.4) KB gzip\)/, about('consent-mode')],
  ['docs/integrations.md', /The log's code is a chunk of its own \(under (1) KB gzip\)/, under('consent-log')],
  ['docs/privacy-statement.md', /one chunk of about (30) KB gzip/, about('privacy-statement')],
  ['docs/privacy-statement.md', /The declaration's chunk is about (2\.5) KB gzip/, about('cookie-declaration')],
  ['docs/privacy-statement.md', /with (0\.3) KB more for the cookie table/, about('cookie-table')],
  ['docs/privacy-statement.md', /and is about (90) KB gzip/, about('keuze.iife.js')],
  ['docs/privacy-request.md', /a JPEG or a PNG up to (15) MB/, limit(ID_COPY_MAX_BYTES)],
  ['docs/privacy-request.md', /a phone photo is usually 2–(8) MB/, notOurs()],
  ['docs/privacy-request.md', /Deze afbeelding is te groot \(meer dan (15) MB/, limit(ID_COPY_MAX_BYTES)],
  ['docs/translations.md', /This image is too large \(over (15) MB/, limit(ID_COPY_MAX_BYTES)],
  ['docs/translations.md', /Deze afbeelding is te groot \(meer dan (15) MB/, limit(ID_COPY_MAX_BYTES)],
  ['docs/configuration.md', /the browser's (4) KB cookie limit/, notOurs()],
  ['docs/server.md', /The body may be at most (64) KB/, limit(CONSENT_LOG_LIMIT)],
  ['docs/server.md', /The call lives\s+in a (0\.4) KB chunk/, about('cookie-renewal')],
  ['docs/server.md', /PDF file of at most (10) MB/, limit(ID_COPY_LIMIT)],
  ['docs/server.md', /Body limits\*\*: (64) KB for a consent-log entry/, limit(CONSENT_LOG_LIMIT)],
  ['docs/server.md', /(16) KB for a newsletter event/, limit(NEWSLETTER_LIMIT)],
  ['docs/server.md', /(1) KB for a cookie renewal/, limit(RENEWAL_LIMIT)],
  ['docs/server.md', /and\s+(10) MB plus 64 KB for a privacy request/, limit(ID_COPY_LIMIT)],
  ['docs/server.md', /10 MB plus (64) KB for a privacy request/, limit(FORM_LIMIT - ID_COPY_LIMIT)],
  ['docs/server.md', /and a (50) MB image with and without/, testInput('packages/server/test/server.test.mjs')],
];

const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
  ...readdirSync(join(root, 'packages')).map((dir) => `packages/${dir}/README.md`),
];
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
    const covered = claims
      .filter(([claimFile]) => claimFile == file)
      .flatMap(([, pattern]) => [...text.matchAll(new RegExp(pattern, 'g'))].map((match) => [match.index, match.index + match[0].length]));
    for (const match of text.matchAll(/\d+(?:\.\d+)?\s*(?:KB|kB|KiB|MB)\b/g)) {
      if (!covered.some(([start, end]) => match.index >= start && match.index < end)) unclaimed.push(`${file}: "${text.slice(Math.max(0, match.index - 40), match.index + match[0].length)}"`);
    }
  }
  assert.deepEqual(unclaimed, [], 'add a claim for each (or write the figure into the text from the build)');
});

test('each claimed size matches the build', () => {
  for (const [file, pattern, check] of claims) {
    const match = new RegExp(pattern, 'd').exec(read(file));
    assert.ok(match, `${file} no longer says ${pattern}: update the claim`);
    const figure = match[1];
    const unit = /^\s*(\w+)/.exec(match.input.slice(match.indices[1][1]))[1];
    check(figure, figure.split('.')[1]?.length ?? 0, unit);
  }
});
