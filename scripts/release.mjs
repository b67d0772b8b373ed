// `npm run release` (after the build): packs every workspace package into release/ (the tarballs
// `npm publish` would upload; nothing is published here) and writes release/keuze-<version>.zip
// for sites that host Keuze themselves: the script-tag files (dist/), LICENSE and README.md.
// `--out <dir>` writes elsewhere (the tests use it).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { pack, root } from '../test/support/packed.mjs';

const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'release') } } });
const out = values.out;

const tarballs = await pack(out);
const versions = new Set(tarballs.map((report) => report.version));
if (versions.size != 1) throw new Error(`the packages disagree on the version (${[...versions].join(', ')}): run npm run version-packages`);
const [version] = versions;

/** Everything in the zip sits in one folder named like the zip, as release archives usually do. */
const folder = `keuze-${version}`;
const dist = join(root, 'packages/embed/dist');
const entries = {
  [`${folder}/LICENSE`]: readFileSync(join(root, 'LICENSE')),
  // The embed package's README: what each file is and how to put it on a site.
  [`${folder}/README.md`]: readFileSync(join(dist, '../README.md')),
};
// The script-tag files only: the package's ES modules for bundlers (index.js, engine.js…) stay on npm.
for (const file of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  const path = relative(dist, join(file.parentPath ?? file.path, file.name))
    .split('\\')
    .join('/');
  if (file.isFile() && /^(keuze\.js|keuze\.iife\.js|chunks\/.+)(\.map)?$/.test(path)) entries[`${folder}/dist/${path}`] = readFileSync(join(dist, path));
}
if (!entries[`${folder}/dist/keuze.js`]) throw new Error('no packages/embed/dist/keuze.js: run npm run build first');
mkdirSync(out, { recursive: true });
const zip = join(out, `${folder}.zip`);
writeFileSync(zip, zipSync(entries, { level: 9 }));
console.log([...tarballs.map((report) => relative(root, report.tarball)), relative(root, zip)].map((file) => `wrote ${file}`).join('\n'));
