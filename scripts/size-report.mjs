// Rollup plugin: prints raw / gzip / brotli sizes of every file written and fails the build when
// a file passes its budget, a file has none, a load path passes its own, or a file is not ASCII.
// Bytes are stable from run to run, so CI can hold them; timings are not (those are in bench/).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const gzip = (code) => gzipSync(code, { level: 9 }).length;
const brotli = (code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
/** `chunks/cookie-banner-DS4wRv.js` → `cookie-banner`; entries keep their file name. */
const nameOf = (file) => (file.isEntry ? file.fileName : file.fileName.replace(/^chunks\//, '').replace(/-[\w-]{6}\.js$/, ''));

/**
 * @param {{
 *   files: Record<string, { gzip: number, brotli: number }>,
 *   paths?: Record<string, { files: string[], gzip: number, oneRoundTrip?: string[], askedBy?: string, breakdown?: boolean }>,
 * }} options
 *   files: bytes per built file, by name without hash. paths: what a page view fetches before
 *   something happens (a file's static imports count with it), with a gzip budget for the sum;
 *   `oneRoundTrip` names files that may import only entries, which the page already has: a module
 *   loader finds static imports only once a file has arrived, so each further one is a round trip.
 *   `askedBy` names the entry that must name every file of the path in its code (an element page's
 *   files, listed by the build: see ELEMENT_FILES in embed/src/index.ts), so that it asks for them at once.
 *   `breakdown` prints where the path's bytes go, by library and by our own folders.
 */
export function sizeReport({ files: budgets, paths = {} }) {
  return {
    name: 'keuze-size-report',
    async writeBundle(options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const byName = new Map(chunks.map((file) => [nameOf(file), { file, raw: Buffer.byteLength(file.code), gzip: gzip(file.code), brotli: brotli(file.code) }]));
      const failures = [];
      const lines = ['', `| ${options.dir ?? options.file} | raw | gzip | brotli | budget gzip / brotli |`, '|---|---:|---:|---:|---:|'];
      for (const [name, row] of byName) {
        const budget = budgets[name];
        lines.push(`| ${row.file.fileName} | ${kb(row.raw)} | ${kb(row.gzip)} | ${kb(row.brotli)} | ${budget ? `${kb(budget.gzip)} / ${kb(budget.brotli)}` : '**none**'} |`);
        // One character above U+007F and V8 keeps the file's whole source as two bytes a character
        // (terser's ascii_only writes escapes instead).
        const wide = /[\u0080-\uffff]/.exec(row.file.code);
        if (wide) failures.push(`${name} holds a non-ASCII character (U+${wide[0].codePointAt(0).toString(16).padStart(4, '0')}), which doubles its source's memory in the browser`);
        if (!budget) failures.push(`${name} has no budget: add one in rollup.config.mjs`);
        else if (row.gzip > budget.gzip || row.brotli > budget.brotli) {
          failures.push(`${name} is ${kb(row.gzip)} gzip / ${kb(row.brotli)} brotli, over its budget of ${kb(budget.gzip)} / ${kb(budget.brotli)}`);
        }
      }
      for (const [label, path] of Object.entries(paths)) {
        const loaded = new Set();
        for (const name of path.files) {
          const row = byName.get(name);
          if (!row) failures.push(`path "${label}" names ${name}, which was not built`);
          else for (const fileName of [row.file.fileName, ...staticImports(row.file, bundle)]) loaded.add(fileName);
        }
        const rows = [...byName.values()].filter((row) => loaded.has(row.file.fileName));
        const total = rows.reduce((sum, row) => sum + row.gzip, 0);
        lines.push(`| **${label}**: ${rows.map((row) => nameOf(row.file)).join(' + ')} | | **${kb(total)}** | | ${kb(path.gzip)} |`);
        // Each file the path loads (its static imports too) is named in the loader's code, which
        // asks for them all at once: one round trip after the loader, however deep the imports.
        if (path.askedBy) {
          const loader = byName.get(path.askedBy)?.file;
          // (By name and hash: `ui-CksgYe` in an import(), `newsletter-B5QCwP` in the list.)
          const unnamed = [...loaded].filter((fileName) => fileName != loader?.fileName && !loader?.code.includes(fileName.replace(/^chunks\/|\.js$/g, '')));
          if (unnamed.length) failures.push(`"${label}": ${path.askedBy} does not ask for ${unnamed.join(', ')} itself, one more round trip each`);
        }
        for (const name of path.oneRoundTrip ?? []) {
          const imported = byName.get(name)?.file.imports.filter((fileName) => !bundle[fileName].isEntry) ?? [];
          if (imported.length) failures.push(`"${label}": ${name} imports ${imported.join(', ')}, one more round trip before the banner shows`);
        }
        if (path.breakdown) lines.push(...(await breakdown(rows)));
        if (total > path.gzip) failures.push(`"${label}" loads ${kb(total)} gzip, over its budget of ${kb(path.gzip)}`);
      }
      console.log(lines.join('\n'));
      if (failures.length) this.error(`size budget exceeded:\n  ${failures.join('\n  ')}`);
    },
  };
}

function staticImports(file, bundle, seen = new Set()) {
  for (const name of file.imports) {
    if (seen.has(name)) continue;
    seen.add(name);
    staticImports(bundle[name], bundle, seen);
  }
  return [...seen];
}

/**
 * Each file's gzip bytes shared out over its modules, by each module's own code minified and
 * gzipped alone (whitespace and local names only: a module alone has no exports to keep the rest alive;
 * gzip works on the whole file, so this is an estimate), summed per library and per
 * folder of ours.
 */
async function breakdown(rows) {
  const owners = new Map();
  for (const { file, gzip: fileGzip } of rows) {
    const alone = await Promise.all(
      Object.entries(file.modules).map(async ([id, info]) => {
        const code = info.code ? ((await minify(info.code, { ecma: 2020, compress: false, mangle: { toplevel: false } }).catch(() => ({ code: info.code }))).code ?? '') : '';
        return [id, code ? gzip(code) : 0];
      }),
    );
    const sum = alone.reduce((total, [, bytes]) => total + bytes, 0);
    for (const [id, bytes] of alone) {
      const owner =
        /node_modules[\\/]((?:@[\w.-]+[\\/])?[\w.-]+)/.exec(id)?.[1].replace(/^@lit[\\/]reactive-element$|^lit-(html|element)$/, 'lit') ??
        // ours: by folder, and core (which has none) by file
        /packages[\\/]([\w-]+)[\\/]src[\\/](?:([\w-]+)[\\/]|core-file)?/
          .exec(id.replace(/(packages[\\/]core[\\/]src[\\/])([\w-]+)\.ts$/, '$1$2/'))
          ?.slice(1)
          .filter(Boolean)
          .join('/') ??
        id;
      owners.set(owner, (owners.get(owner) ?? 0) + (sum ? (fileGzip * bytes) / sum : 0));
    }
  }
  return [...owners]
    .sort((a, b) => b[1] - a[1])
    .filter(([, bytes]) => bytes >= 20)
    .map(([owner, bytes]) => `|   ↳ ${owner} | | ${kb(bytes)} | | |`);
}
