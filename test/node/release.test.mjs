// `npm run release` and the versioning around it: one version for every package (Changesets, one
// fixed group), a CHANGELOG in each, and the self-hosting zip with what a site needs. Nothing is
// published. Needs the build, as `npm test` runs it first.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { root, rootPackage } from '../support/packed.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'keuze-release-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const workspaces = rootPackage.workspaces.map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }));

test('Changesets keeps every package at one version, each with a CHANGELOG it ships', () => {
  const config = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8'));
  const [group] = config.fixed;
  const inGroup = (name) => group.some((pattern) => new RegExp(`^${pattern.replaceAll('*', '.*')}$`).test(name));
  for (const { dir, manifest } of workspaces) {
    assert.ok(inGroup(manifest.name), `${manifest.name} is not in the fixed group`);
    assert.match(readFileSync(join(root, dir, 'CHANGELOG.md'), 'utf8'), new RegExp(`^# ${manifest.name}\\n[\\s\\S]*^## ${manifest.version.replaceAll('.', '\\.')}$`, 'm'));
    assert.ok(manifest.files.includes('CHANGELOG.md'), `${manifest.name} does not pack its CHANGELOG`);
  }
});

test('npm run release writes the tarballs and keuze-<version>.zip with dist/, LICENSE and README', async () => {
  await promisify(execFile)(process.execPath, [join(root, 'scripts/release.mjs'), '--out', scratch], { cwd: root });
  const { version } = workspaces[0].manifest;
  const written = readdirSync(scratch);
  for (const { manifest } of workspaces) assert.ok(written.includes(`${manifest.name.replace('@', '').replace('/', '-')}-${version}.tgz`), `no tarball of ${manifest.name}`);
  const zip = unzipSync(readFileSync(join(scratch, `keuze-${version}.zip`)));
  const folder = `keuze-${version}/`;
  const text = (name) => Buffer.from(zip[folder + name] ?? []).toString('utf8');
  assert.equal(text('LICENSE'), readFileSync(join(root, 'LICENSE'), 'utf8'));
  assert.equal(text('README.md'), readFileSync(join(root, 'packages/embed/README.md'), 'utf8'));
  const dist = join(root, 'packages/embed/dist');
  const scriptTagFiles = readdirSync(dist, { recursive: true }).filter((file) => /^(keuze\.js|keuze\.iife\.js|chunks\/[^/]+\.js)(\.map)?$/.test(file));
  assert.ok(scriptTagFiles.some((file) => file.startsWith('chunks/')));
  assert.deepEqual(
    Object.keys(zip)
      .filter((name) => name.startsWith(`${folder}dist/`))
      .map((name) => name.slice(`${folder}dist/`.length))
      .sort(),
    scriptTagFiles.sort(),
  );
  for (const file of scriptTagFiles) assert.ok(Buffer.from(zip[`${folder}dist/${file}`]).equals(readFileSync(join(dist, file))), `${file} differs from the build`);
});
