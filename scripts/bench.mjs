#!/usr/bin/env node
// npm run bench [-- --runs N] [-- --only cpu1x|cpu4x|slow4g] [-- --summary-only]
//
// Runs the peer harness (cookie-consent libraries side by side, /work/shared/peer-bench) with this repository
// mounted under /keuze/ three ways: localhost at 1x and at 4x CPU throttle, and 1x on the harness's slow4g network
// profile (150 ms round trip, 1.6 Mbit/s: Lighthouse's mobile profile, where each dependent request costs a round
// trip). Writes to bench/results/: cpu1x, cpu4x and slow4g .md/.json (the harness's own output), screens/ (its
// screenshots), waterfall-slow4g.txt (the requests of one Keuze first visit on slow4g, by scripts/waterfall.mjs) and
// summary.md (Keuze against the peers and the goals of issue 16; also printed at the end).
//
// Steps: copy the harness (env PEER_BENCH, default ../shared/peer-bench from the repo root; read-only) to
// bench/.peer-bench/ without node_modules; `npm ci` there only when its package-lock.json changed since the last
// install; `node build.mjs` there only when its inputs changed; then the three runs against bench/targets.json, which
// loads bench/keuze.html (dist/keuze.js as a site would) next to the peers' pages.
//
// Nothing downloads a browser: the harness drives Chromium at CHROME_PATH (default /usr/bin/chromium).
// dist/ is used as built; when dist/keuze.js is missing, this runs `npm run build` first.
//
// Runs per target: --runs N, else env BENCH_RUNS, else DEFAULT_RUNS, which fits both runs (and a first-time npm ci)
// in 15 minutes on a 2-core machine. With the default, each harness run also gets a --budget so the whole stays under
// TOTAL_S (env BENCH_TOTAL_S) even on a slower machine: the harness then stops early and marks the table TRUNCATED.
// With an explicit N, every run is done. --summary-only rewrites summary.md from the .json files already in bench/results.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PEER_SRC = path.resolve(REPO, process.env.PEER_BENCH || '../shared/peer-bench');
const PEER = path.join(REPO, 'bench', '.peer-bench');
const TARGETS = path.join(REPO, 'bench', 'targets.json');
const RESULTS = path.join(REPO, 'bench', 'results');
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const STAMP = path.join(PEER, '.keuze-bench-stamp.json');

// Measured on a 2-core machine (see bench/README.md): a round of the 5 targets takes ~13 s at 1x and ~17-19 s at 4x;
// fixed costs per harness run (Chromium start, throttle check, warm-up round, checks pass) ~30 s; copy + npm ci +
// build.mjs ~10 s with a warm npm cache. 12 runs: 402-404 s in all (measured, fresh copy and reused copy).
// A slow4g round of the five targets takes ~25 s (measured here): the network, not the CPU, sets its pace.
const DEFAULT_RUNS = 10;
const TOTAL_S = Number(process.env.BENCH_TOTAL_S || 900);
/** The three ways a run is made, with each one's share of the measuring time. */
const PROFILES = {
  cpu1x: { throttle: 1, weight: 0.25, args: [] },
  cpu4x: { throttle: 4, weight: 0.35, args: [] },
  slow4g: { throttle: 1, weight: 0.4, args: ['--network', 'slow4g'] },
};
const CHECKS_RESERVE_S = 35; // per harness run: the checks pass and writing run after the harness's --budget is spent
const SCREENS_MAX_BYTES = 2 * 1024 * 1024;

const started = Date.now();
const elapsed = () => (Date.now() - started) / 1000;
const phases = [];
const phase = (name, fn) => {
  const t = Date.now();
  const r = fn();
  phases.push([name, (Date.now() - t) / 1000]);
  return r;
};
const die = (msg, code = 1) => {
  console.error(`\nbench: ${msg}`);
  process.exit(code);
};

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const o = { runs: null, profiles: Object.keys(PROFILES), extra: [], summaryOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs' || a === '-n') o.runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) o.runs = Number(a.slice(7));
    else if (a === '--only') o.profiles = argv[++i].split(',');
    else if (a === '--summary-only') o.summaryOnly = true;
    else if (a === '--help' || a === '-h') {
      const lines = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
      console.log(
        lines
          .slice(
            1,
            lines.findIndex((l, k) => k > 0 && !l.startsWith('//')),
          )
          .map((l) => l.replace(/^\/\/ ?/, ''))
          .join('\n'),
      );
      process.exit(0);
    } else if (a === '--') (o.extra.push(...argv.slice(i + 1)), (i = argv.length));
    else die(`unknown option ${a} (options: --runs N, --only cpu1x,cpu4x,slow4g, --summary-only, -- <more harness options>)`, 2);
  }
  if (o.runs === null && process.env.BENCH_RUNS) o.runs = Number(process.env.BENCH_RUNS);
  if (o.runs !== null && !(Number.isInteger(o.runs) && o.runs > 0)) die(`--runs / BENCH_RUNS must be a whole number above 0`, 2);
  if (!o.profiles.every((p) => PROFILES[p])) die(`--only takes a list of ${Object.keys(PROFILES).join(', ')}`, 2);
  return o;
}
const opt = parseArgs(process.argv.slice(2));
const explicitRuns = opt.runs !== null;
const runs = opt.runs ?? DEFAULT_RUNS;

// ---------------------------------------------------------------- helpers
const sha = (...files) => {
  const h = createHash('sha256');
  for (const f of files)
    h.update(f)
      .update('\0')
      .update(fs.existsSync(f) ? fs.readFileSync(f) : '<missing>')
      .update('\0');
  return h.digest('hex');
};
const filesUnder = (dir) => {
  try {
    return fs
      .readdirSync(dir, { recursive: true })
      .map((f) => path.join(dir, f))
      .filter((f) => fs.statSync(f, { throwIfNoEntry: false })?.isFile())
      .sort();
  } catch {
    return [];
  }
};
const readStamp = () => {
  try {
    return JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    return {};
  }
};
const writeStamp = (patch) => fs.writeFileSync(STAMP, JSON.stringify({ ...readStamp(), ...patch }, null, 2) + '\n');
// The child processes must not inherit npm's own variables from `npm run bench` (the prefix, workspace, etc. of this repo).
const childEnv = (extra = {}) => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', PUPPETEER_SKIP_DOWNLOAD: '1', ...extra };
};
function run(cmd, args, { cwd, env = childEnv() } = {}) {
  console.log(`\n$ (cd ${path.relative(REPO, cwd) || '.'} && ${[cmd, ...args].join(' ')})`);
  const r = spawnSync(cmd, args, { cwd, env, stdio: 'inherit' });
  if (r.error) die(`${cmd}: ${r.error.message}`);
  return r.status;
}
const rel = (p) => path.relative(process.cwd(), p) || '.';

const outputs = [];
const distChanged = [];
let distBefore = null;
if (opt.summaryOnly) {
  for (const profile of opt.profiles) {
    const out = path.join(RESULTS, profile);
    if (fs.existsSync(out + '.json')) outputs.push({ profile, throttle: PROFILES[profile].throttle, out, data: JSON.parse(fs.readFileSync(out + '.json', 'utf8')) });
  }
  if (!outputs.length) die(`no results in ${rel(RESULTS)}: run \`npm run bench\` first`);
} else {
  // ---------------------------------------------------------------- 1. the harness copy
  if (!fs.existsSync(path.join(PEER_SRC, 'bench.mjs'))) die(`no peer harness at ${PEER_SRC} (set PEER_BENCH to its folder)`);
  if (!fs.existsSync(CHROMIUM)) die(`no Chromium at ${CHROMIUM}: install Debian's chromium or set CHROME_PATH (nothing here downloads a browser)`);

  phase('copy harness', () => {
    fs.mkdirSync(PEER, { recursive: true });
    // Everything but node_modules (and what build.mjs makes); the source folder is read-only, the copy must not be.
    fs.cpSync(PEER_SRC, PEER, {
      recursive: true,
      force: true,
      filter: (src) => {
        const r = path.relative(PEER_SRC, src).split(path.sep)[0];
        return r !== 'node_modules' && r !== 'dist';
      },
    });
    const makeWritable = (p) => {
      const st = fs.statSync(p);
      fs.chmodSync(p, st.mode | (st.isDirectory() ? 0o700 : 0o600));
      if (st.isDirectory()) for (const f of fs.readdirSync(p)) if (!(p === PEER && f === 'node_modules')) makeWritable(path.join(p, f));
    };
    makeWritable(PEER);
  });

  const lockSha = sha(path.join(PEER, 'package-lock.json'));
  if (readStamp().lockSha !== lockSha || !fs.existsSync(path.join(PEER, 'node_modules', 'playwright-core'))) {
    phase('npm ci (harness)', () => {
      writeStamp({ lockSha: null, buildSha: null });
      const status = run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER });
      if (status !== 0) die(`npm ci failed in ${rel(PEER)} (exit ${status})`);
      writeStamp({ lockSha });
    });
  } else console.log(`bench: reusing ${rel(PEER)}/node_modules (package-lock.json unchanged)`);

  const buildSha = sha(path.join(PEER, 'build.mjs'), path.join(PEER, 'package-lock.json'), ...filesUnder(path.join(PEER, 'src')));
  if (readStamp().buildSha !== buildSha || !fs.existsSync(path.join(PEER, 'dist', 'c15t-banner.js'))) {
    phase('node build.mjs (harness)', () => {
      const status = run(process.execPath, ['build.mjs'], { cwd: PEER });
      if (status !== 0) die(`node build.mjs failed in ${rel(PEER)} (exit ${status})`);
      writeStamp({ buildSha });
    });
  } else console.log(`bench: reusing ${rel(PEER)}/dist (build.mjs and its inputs unchanged)`);

  // ---------------------------------------------------------------- 2. Keuze's build
  if (!fs.existsSync(path.join(REPO, 'dist', 'keuze.js'))) {
    console.log('bench: dist/keuze.js is missing, building it with `npm run build`');
    phase('npm run build (keuze)', () => {
      const status = run('npm', ['run', 'build'], { cwd: REPO, env: process.env });
      if (status !== 0 || !fs.existsSync(path.join(REPO, 'dist', 'keuze.js'))) die('no dist/keuze.js: run `npm run build` and fix what it reports, then `npm run bench` again');
    });
  } else {
    const age = (Date.now() - fs.statSync(path.join(REPO, 'dist', 'keuze.js')).mtimeMs) / 60000;
    console.log(`bench: using dist/keuze.js as built ${age < 120 ? `${age.toFixed(0)} min` : `${(age / 60).toFixed(1)} h`} ago (run \`npm run build\` first to measure newer sources)`);
  }

  // Other people may rebuild dist/ while this runs: fingerprint what the page loads, and say so when it changed.
  const distPrint = () => sha(path.join(REPO, 'dist', 'keuze.js'), ...filesUnder(path.join(REPO, 'dist', 'chunks')).filter((f) => f.endsWith('.js')));
  distBefore = distPrint();

  // ---------------------------------------------------------------- 3. the runs
  fs.mkdirSync(RESULTS, { recursive: true });
  for (const [k, profile] of opt.profiles.entries()) {
    const { throttle, args: profileArgs } = PROFILES[profile];
    const out = path.join(RESULTS, profile);
    const args = ['bench.mjs', '--mount', `/keuze/=${REPO}`, '--targets', TARGETS, '--runs', String(runs), '--throttle', String(throttle), ...profileArgs, '--out', out, '--chromium', CHROMIUM];
    if (explicitRuns) args.push('--budget', '100000');
    else {
      // the time left, shared by the runs still to do; each gets its share minus what it spends after its budget
      const left = opt.profiles.slice(k);
      const share = PROFILES[profile].weight / left.reduce((sum, p) => sum + PROFILES[p].weight, 0);
      const budget = Math.floor((TOTAL_S - elapsed() - CHECKS_RESERVE_S * left.length) * share);
      if (budget < 60) die(`only ${(TOTAL_S - elapsed()).toFixed(0)} s of the ${TOTAL_S} s left for the ${profile} run; set BENCH_TOTAL_S higher or pass --runs N`);
      args.push('--budget', String(Math.min(480, budget)));
    }
    args.push(...opt.extra);
    for (const ext of ['.md', '.json']) fs.rmSync(out + ext, { force: true });
    const status = phase(`harness ${profile}`, () => run(process.execPath, args, { cwd: PEER }));
    if (status !== 0 || !fs.existsSync(out + '.json')) die(`the harness failed for ${profile} (exit ${status})`);
    outputs.push({ profile, throttle, out, data: JSON.parse(fs.readFileSync(out + '.json', 'utf8')) });
    if (distPrint() !== distBefore && !distChanged.length) distChanged.push(profile);
  }

  // One Keuze first visit on slow4g, request by request: where the round trips go.
  if (opt.profiles.includes('slow4g')) {
    phase('waterfall slow4g', () => {
      const port = 4000 + Math.floor(Math.random() * 900);
      const server = spawn(process.execPath, ['server.mjs', String(port), '--mount', `/keuze/=${REPO}`], { cwd: PEER, stdio: 'ignore' });
      try {
        spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 1000)']);
        const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'waterfall.mjs'), `http://127.0.0.1:${port}/keuze/bench/keuze.html`, '--network', 'slow4g'], { encoding: 'utf8' });
        fs.writeFileSync(path.join(RESULTS, 'waterfall-slow4g.txt'), r.status === 0 ? r.stdout : `waterfall failed: ${r.stderr}`);
      } finally {
        server.kill();
      }
    });
  }

  // screenshots: the harness writes screens/<target>.png next to --out (the 4x run overwrites the 1x ones)
  const screensBytes = filesUnder(path.join(RESULTS, 'screens')).reduce((s, f) => s + fs.statSync(f).size, 0);
  if (screensBytes > SCREENS_MAX_BYTES) {
    fs.rmSync(path.join(RESULTS, 'screens'), { recursive: true, force: true });
    console.log(`bench: removed ${rel(path.join(RESULTS, 'screens'))} (${(screensBytes / 1048576).toFixed(1)} MB)`);
  }
} // not --summary-only
const screens = path.join(RESULTS, 'screens');

// ---------------------------------------------------------------- 4. summary
const KEUZE = 'keuze';
const BASE = 'baseline';
/** Issue 7's reference for the returning-visit heap: a page whose only script reads the config element. */
const CONFIG_ONLY = 'config-only';
const FRAME_MS = 1000 / 60;
const n = (x, d = 0) => (x == null || Number.isNaN(x) ? '–' : x.toFixed(d));
const sign = (x, d = 0) => (x == null || Number.isNaN(x) ? '–' : `${x >= 0 ? '+' : ''}${x.toFixed(d)}`);

function summarize({ profile, throttle, data }) {
  const S = data.summary;
  const names = Object.keys(S);
  const peers = names.filter((t) => t !== KEUZE && t !== BASE && t !== CONFIG_ONLY);
  const med = (t, k) => S[t]?.metrics?.[k]?.median ?? null;
  const max = (t, k) => S[t]?.metrics?.[k]?.max ?? null;
  const delta = (t, k) => (med(t, k) == null || med(BASE, k) == null ? null : med(t, k) - med(BASE, k));
  const withLongTask = (t, k) => {
    const rs = data.runs[t].filter((r) => r[k] != null);
    return `${rs.filter((r) => r[k] > 0).length}/${rs.length}`;
  };
  const libGz = (b) => (b && b.allResources?.length ? b.libJs.gzip + b.libCss.gzip : null);
  const rows = [
    ['Returning visit: library bytes (gzip)', (t) => n(libGz(S[t].returnBytes))],
    ['Returning visit: banner shown / trackers ran (runs)', (t) => `${S[t].return.bannerShown}/${S[t].return.runs} · ${S[t].return.trackersRan}/${S[t].return.runs}`],
    ['Returning visit: long tasks, median (max); runs with any', (t) => `${n(med(t, 'returnLongTaskCount'), 1)} (${n(max(t, 'returnLongTaskCount'))}); ${withLongTask(t, 'returnLongTaskCount')}`],
    ['Returning visit: long-task ms, median Δ vs baseline', (t) => sign(delta(t, 'returnLongTaskTotalMs'), 1)],
    ['Returning visit: heap after GC, median Δ vs baseline (KiB)', (t) => sign(delta(t, 'returnHeapUsedAfterGcKB'), 1)],
    ['First visit: banner visible (ms)', (t) => n(med(t, 'visibleMs'))],
    ['First visit: banner fully opaque (ms)', (t) => n(med(t, 'opaqueMs'))],
    ['First visit: TBT-like, median Δ vs baseline (ms); runs with a long task', (t) => `${sign(delta(t, 'tbtLikeMs'), 1)}; ${withLongTask(t, 'longTaskCount')}`],
    ['First visit: heap after GC, median Δ vs baseline (KiB)', (t) => sign(delta(t, 'heapUsedAfterGcKB'), 1)],
    ['First visit: CLS, median (max)', (t) => `${n(med(t, 'cls'), 4)} (${n(max(t, 'cls'), 4)})`],
    ['First visit: library bytes JS+CSS (gzip)', (t) => n(libGz(S[t].bytes))],
    ['Reject click → banner hidden, median (max) (ms)', (t) => `${n(med(t, 'rejectToHiddenMs'), 1)} (${n(max(t, 'rejectToHiddenMs'), 1)})`],
    ['Runs ok / done', (t) => `${S[t].ok}/${S[t].runs}`],
  ];
  const cols = [KEUZE, ...peers, CONFIG_ONLY, BASE].filter((t) => S[t]);
  const md = [
    `### ${profile === 'slow4g' ? 'slow4g network (150 ms round trip, 1.6 Mbit/s), CPU 1x' : `localhost, CPU throttle ${throttle}x`} (${data.meta.options.runs} runs per target${data.meta.truncated ? ', TRUNCATED by --budget' : ''}; medians; harness ${data.meta.durationS.toFixed(0)} s)`,
    '',
  ];
  if (data.meta.throttleCheck) md.push(`Throttle check: busy loop ×${data.meta.throttleCheck.ratio.toFixed(2)} slower (asked for ×${throttle}).`, '');
  md.push(`| Metric | ${cols.join(' | ')} |`, `|---|${cols.map(() => '---:').join('|')}|`);
  for (const [label, fn] of rows) md.push(`| ${label} | ${cols.map((t) => ((t === BASE || t === CONFIG_ONLY) && /banner|Reject|library/.test(label) ? '–' : fn(t))).join(' | ')} |`);

  // the goals of issue 16 (and what issue 7 met, kept), for Keuze
  if (S[KEUZE]) {
    const goal = [];
    const check = (label, value, limit, unit, d = 0, ok = value != null && limit != null && value <= limit) =>
      goal.push(
        `- ${ok ? 'MET ' : value == null || limit == null ? 'n/a ' : 'MISSED'} ${label}: ${n(value, d)} ${unit} vs ${n(limit, d)} ${unit}${value != null && limit != null ? ` (${ok ? 'margin' : 'over by'} ${n(Math.abs(limit - value), d)} ${unit})` : ''}`,
      );
    check('returning-visit library bytes ≤ 2 KB gzip', libGz(S[KEUZE].returnBytes), 2048, 'B');
    check(
      `returning-visit long tasks: none added over the baseline (median count; runs with one: Keuze ${withLongTask(KEUZE, 'returnLongTaskCount')}, baseline ${withLongTask(BASE, 'returnLongTaskCount')})`,
      med(KEUZE, 'returnLongTaskCount'),
      med(BASE, 'returnLongTaskCount'),
      '',
      1,
    );
    if (S[CONFIG_ONLY]) {
      const overConfigOnly = med(KEUZE, 'returnHeapUsedAfterGcKB') - med(CONFIG_ONLY, 'returnHeapUsedAfterGcKB');
      check('returning-visit heap ≤ 50 KiB over the config-only page (whose only script reads the config element)', overConfigOnly, 50, 'KiB', 1);
    }
    const fastest = peers
      .map((t) => [t, med(t, 'opaqueMs')])
      .filter(([, v]) => v != null)
      .sort((a, b) => a[1] - b[1])[0];
    // On the phone network the goal is a lead (0.85x the fastest peer); on localhost, not to be later.
    const factor = profile === 'slow4g' ? 0.85 : 1;
    const ratio = fastest ? med(KEUZE, 'opaqueMs') / fastest[1] : null;
    check(`first visit: banner fully opaque ≤ ${factor}× the fastest peer (${fastest?.[0]}; Keuze is ${n(ratio, 2)}×)`, med(KEUZE, 'opaqueMs'), fastest ? fastest[1] * factor : null, 'ms');
    if (S['vanilla-cookieconsent']) check('first visit: TBT-like Δ no worse than vanilla-cookieconsent', delta(KEUZE, 'tbtLikeMs'), delta('vanilla-cookieconsent', 'tbtLikeMs'), 'ms', 1);
    if (S['c15t-headless']) check('first visit: heap Δ no worse than c15t', delta(KEUZE, 'heapUsedAfterGcKB'), delta('c15t-headless', 'heapUsedAfterGcKB'), 'KiB', 1);
    check('first visit: CLS 0 (max over runs)', max(KEUZE, 'cls'), 0, '', 4);
    check('reject click hides the banner within one frame (median, 16.7 ms at 60 Hz)', med(KEUZE, 'rejectToHiddenMs'), FRAME_MS, 'ms', 1);
    check('reject click hides the banner within one frame (max)', max(KEUZE, 'rejectToHiddenMs'), FRAME_MS, 'ms', 1);
    check('first-visit library bytes JS+CSS ≤ 30 KB gzip', libGz(S[KEUZE].bytes), 30 * 1024, 'B');
    md.push('', `Keuze against the goals of issue 16 (${profile}):`, '', ...goal);
    const c = data.checks?.[KEUZE];
    if (c) {
      md.push(
        '',
        c.error
          ? `- axe / accept check: ERROR ${c.error}`
          : `- axe on Keuze's banner: ${c.axe.violations.length ? c.axe.violations.map((v) => `${v.id} [${v.impact}] (${v.nodes})`).join(', ') : 'no violations'}; incomplete: ${c.axe.incomplete.map((v) => v.id).join(', ') || 'none'}; trackers after "accept all": ${c.trackersAfterAccept ? `${c.trackersAfterAccept.analytics} / ${c.trackersAfterAccept.marketing}` : '–'}`,
      );
    }
    const s = S[KEUZE];
    const R = s.return;
    const errors = [
      ...s.errors.map((e) => `run error: ${e}`),
      ...s.pageErrors.map((e) => `page error: ${e}`),
      ...s.consoleErrors.map((e) => `console error: ${e}`),
      ...s.failed.map((e) => `failed request: ${e}`),
      ...R.errors.map((e) => `returning visit error: ${e}`),
      ...R.pageErrors.map((e) => `returning visit page error: ${e}`),
      ...R.consoleErrors.map((e) => `returning visit console error: ${e}`),
      ...R.failed.map((e) => `returning visit failed request: ${e}`),
    ];
    md.push(`- errors seen for Keuze: ${errors.length ? errors.join('; ') : 'none'}`);
  }
  return md.join('\n');
}

// what the summary says about the run itself; kept in run-info.json so that --summary-only can say it again
const INFO = path.join(RESULTS, 'run-info.json');
const info = opt.summaryOnly
  ? (() => {
      try {
        return JSON.parse(fs.readFileSync(INFO, 'utf8'));
      } catch {
        return null;
      }
    })()
  : { finishedAt: new Date().toISOString(), totalS: elapsed(), phases, distFingerprint: distBefore, distChangedDuring: distChanged[0] ?? null };
if (!opt.summaryOnly) fs.writeFileSync(INFO, JSON.stringify(info, null, 2) + '\n');
const summary = [
  '## Keuze vs peers (npm run bench)',
  '',
  `Harness: ${PEER_SRC} (copied to bench/.peer-bench); page bench/keuze.html with dist/keuze.js; targets bench/targets.json. Full tables: ${outputs.map((o) => `bench/results/${path.basename(o.out)}.md`).join(', ')}.`,
  info
    ? `dist/ fingerprint ${info.distFingerprint.slice(0, 12)}${info.distChangedDuring ? `; WARNING: dist/ changed during the ${info.distChangedDuring} run (rebuilt meanwhile?), so the results may mix two builds: run again` : ', unchanged during the runs'}.`
    : '',
  '',
  ...outputs.map(summarize).flatMap((s) => [s, '']),
  ...(fs.existsSync(path.join(RESULTS, 'waterfall-slow4g.txt'))
    ? [
        '### One Keuze first visit on slow4g, request by request (ms from navigation start; scripts/waterfall.mjs)',
        '',
        '```',
        fs.readFileSync(path.join(RESULTS, 'waterfall-slow4g.txt'), 'utf8').trimEnd(),
        '```',
        '',
      ]
    : []),
  info ? `Total time of \`npm run bench\` ${info.totalS.toFixed(0)} s (${info.phases.map(([p, s]) => `${p} ${s.toFixed(0)} s`).join(', ')}), finished ${info.finishedAt}.` : '',
  opt.summaryOnly ? '(Summary rewritten with --summary-only from the .json files.)' : '',
]
  .join('\n')
  .trimEnd();
fs.writeFileSync(path.join(RESULTS, 'summary.md'), summary + '\n');

console.log('\n' + summary);
console.log('\nResult tables:');
for (const o of outputs) console.log(`  ${rel(o.out)}.md  (data: ${rel(o.out)}.json)`);
console.log(`  ${rel(path.join(RESULTS, 'summary.md'))}`);
if (fs.existsSync(screens)) console.log(`  ${rel(screens)}/ (screenshots of the last run)`);
