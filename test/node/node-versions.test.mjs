// The Node versions Keuze supports (README: 20, 22 and 24; `engines` says >=20) are the ones every
// dependency accepts: otherwise `npm ci` and a consumer's install print EBADENGINE on Node 20, as
// i18next 27 (node >=22) did. Optional packages are left out: npm skips them quietly on a Node
// they do not accept. CI runs the oldest, Node 20.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import semver from 'semver';
import { root, rootPackage } from '../support/packed.mjs';

const supported = ['20.0.0', '22.0.0', '24.0.0'];
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));

test('the packages and the README name the same Node versions', () => {
  assert.equal(rootPackage.engines.node, '>=20');
  for (const dir of rootPackage.workspaces) assert.equal(JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).engines?.node, '>=20', dir);
  assert.match(readFileSync(join(root, 'README.md'), 'utf8'), /Node\.js 20 or later: 20, 22 and 24 are supported/);
});

test('every dependency in the lockfile installs on each supported Node version', () => {
  const refused = Object.entries(lock.packages)
    .filter(([, entry]) => entry.engines?.node && !entry.optional)
    .flatMap(([path, entry]) => supported.filter((version) => !semver.satisfies(version, entry.engines.node)).map((version) => `${path} (node ${entry.engines.node}) refuses ${version}`));
  assert.deepEqual(refused, []);
});
