// The Node versions Keuze supports (README: 20, 22 and 24; `engines` says >=20) are the ones the
// dependencies accept: otherwise `npm ci` and a consumer's install print EBADENGINE on Node 20, as
// i18next 27 (node >=22) did. Optional packages are left out: npm skips them quietly on a Node
// they do not accept. CI runs the oldest, Node 20.
//
// Two promises, judged differently:
// - The published packages and what they install for a consumer: any release of 20, 22 and 24
//   (their first, x.0.0), as `engines: >=20` says.
// - Working on Keuze (`npm ci` of the whole lockfile, test tools included): the current release of
//   each line, which is what Node itself supports (only a line's latest patch gets fixes). The test
//   tools' own floors are patch releases: webdriverio 9.33 declares >=20.20.2, >=22.23.4 and
//   >=24.22.1, undici and cheerio >=20.18.1, yargs ^20.19.0. No x.0.0 could install them without a
//   warning, short of pinning years-old test tools. 20.20.2 is this machine's and CI's Node.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import semver from 'semver';
import { root, rootPackage } from '../support/packed.mjs';

const forConsumers = ['20.0.0', '22.0.0', '24.0.0'];
const forContributors = ['20.20.2', '22.23.4', '24.22.1'];
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const packages = lock.packages;

/** Where `name` resolves from the lockfile entry at `from`, as Node walks up the node_modules folders. */
function resolve(from, name) {
  for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
    const path = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[path]) return packages[path].link ? packages[path].resolved : path;
    if (!base) return undefined;
  }
}

/** The lockfile entries a consumer installs: the workspaces' packages and their dependencies, not their devDependencies. */
function installedForConsumers() {
  const seen = new Set();
  const queue = [...rootPackage.workspaces];
  while (queue.length) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const entry = packages[path];
    for (const name of Object.keys({ ...entry.dependencies, ...entry.peerDependencies })) {
      const found = resolve(path, name);
      if (found) queue.push(found);
    }
  }
  return [...seen];
}

function refusals(paths, versions) {
  return paths
    .map((path) => [path, packages[path]])
    .filter(([, entry]) => entry.engines?.node && !entry.optional)
    .flatMap(([path, entry]) => versions.filter((version) => !semver.satisfies(version, entry.engines.node)).map((version) => `${path} (node ${entry.engines.node}) refuses ${version}`));
}

test('the packages and the README name the same Node versions', () => {
  assert.equal(rootPackage.engines.node, '>=20');
  for (const dir of rootPackage.workspaces) assert.equal(JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).engines?.node, '>=20', dir);
  const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
  assert.match(readme, /Node\.js 20 or later: 20, 22 and 24 are supported/);
  assert.ok(readme.includes(`(${forContributors.join(', ')} or later in each line)`), `README names ${forContributors.join(', ')} for working on Keuze`);
});

test('every dependency a consumer installs accepts each supported Node version, from its first release', () => {
  const consumed = installedForConsumers();
  assert.ok(consumed.includes('node_modules/lit') && consumed.includes('node_modules/better-sqlite3'), "the walk reaches the packages' dependencies");
  assert.deepEqual(refusals(consumed, forConsumers), []);
});

test('every dependency in the lockfile installs on the current release of each supported Node version', () => {
  assert.deepEqual(refusals(Object.keys(packages).filter(Boolean), forContributors), []);
});
