// Rollup plugin: prints raw / gzip / brotli sizes of every file written and fails the build when
// a budget is passed. Bytes are stable from run to run, so CI can hold them; timings are not.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const gzip = (code) => gzipSync(code, { level: 9 }).length;
const brotli = (code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * @param {{ budgets: Record<string, number>, label?: string }} options
 *   budgets: gzip bytes per entry file name; an entry's budget covers it and every chunk it imports
 *   statically, i.e. everything the browser must fetch before the entry runs.
 */
export function sizeReport({ budgets }) {
  return {
    name: 'keuze-size-report',
    writeBundle(options, bundle) {
      const files = Object.values(bundle).filter((file) => file.type === 'chunk');
      const rows = files.map((file) => ({ name: file.fileName, raw: Buffer.byteLength(file.code), gzip: gzip(file.code), brotli: brotli(file.code) }));
      const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
      const lines = ['', `| ${options.dir ?? options.file} | raw | gzip | brotli |`, '|---|---:|---:|---:|'];
      for (const row of rows) lines.push(`| ${row.name} | ${kb(row.raw)} | ${kb(row.gzip)} | ${kb(row.brotli)} |`);
      const failures = [];
      for (const file of files) {
        const budget = budgets[file.fileName];
        if (!file.isEntry || budget === undefined) continue;
        const loaded = [file.fileName, ...staticImports(file, bundle)];
        const total = loaded.reduce((sum, name) => sum + byName[name].gzip, 0);
        lines.push(`| **${file.fileName} + static imports** (budget ${kb(budget)}) | | **${kb(total)}** | |`);
        if (total > budget) failures.push(`${file.fileName} loads ${kb(total)} gzip (${loaded.join(', ')}), over its budget of ${kb(budget)}`);
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
