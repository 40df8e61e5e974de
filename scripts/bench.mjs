#!/usr/bin/env node
// npm run bench [-- options]: Naqi's speed and size, measured in real browsers, side by side
// with Mozilla Readability. Prints a table and writes bench-results/latest.json. Timings never
// fail `npm test`; `--check` makes this command exit 1 when a budget (issue 6) is exceeded.
//
//   --check                exit 1 if a budget is exceeded (or a budgeted figure could not be measured)
//   --no-build             use the existing .output builds and zips (default: `wxt zip` for both browsers, which builds)
//   --browsers=a,b         chromium,firefox (default both)
//   --only=s1,s2           sizes,extraction,visible,heap,roundtrip,store,server (default all; server alone needs no browser or build)
//   --quick                fewer runs and 20,000 reports instead of 100,000 (a smoke test; figures are rough)
//   --out=FILE             JSON output (default bench-results/latest.json)
//   --update-doc           also rewrite the results section of BENCHMARKS.md (between its bench:results markers)
//
// What each figure means, and the budgets: BENCHMARKS.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { closePage, launchWithExtension } from './lib/launch.mjs';
import { browserPath } from './lib/browsers.mjs';
import { readPage } from '../tests/fixtures/index.mjs';
import { generateLongPage } from '../tests/fixtures/generate-long.mjs';
import { extractorBundle } from './bench/extract-bundle.mjs';
import { benchExtraction } from './bench/extraction.mjs';
import { benchReaderVisible } from './bench/reader-visible.mjs';
import { benchHeap } from './bench/heap.mjs';
import { benchReportRoundTrip } from './bench/report-roundtrip.mjs';
import { benchStore } from './bench/store.mjs';
import { contentScriptComposition, measureBuild, measureZips, packageVersions } from './bench/sizes.mjs';
import { profileExtraction, profileTotals } from './bench/profile-extraction.mjs';
import { traceReaderLoad } from './bench/trace-reader.mjs';
import { evaluateBudgets, evaluateServerBudgets } from './bench/budgets.mjs';
import { benchServer, serverTable } from './bench/server.mjs';
import { printReport, updateBenchmarksDoc } from './bench/report.mjs';
import { geomean, round, withTimeout } from './bench/stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const known = ['check', 'no-build', 'quick', 'browsers', 'only', 'out', 'update-doc', 'help'];
for (const a of argv) {
  const name = a.replace(/^--/, '').split('=')[0];
  if (!a.startsWith('--') || !known.includes(name)) {
    console.error(`bench: unknown argument ${a}. Options: ${known.map((k) => `--${k}`).join(' ')}`);
    process.exit(2);
  }
}
if (flag('help')) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 13).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}

const CHECK = flag('check');
const QUICK = flag('quick');
const BROWSERS = option('browsers', 'chromium,firefox').split(',').filter(Boolean);
const SECTIONS = new Set(option('only', 'sizes,extraction,visible,heap,roundtrip,store,server').split(','));
const OUT = resolve(root, option('out', 'bench-results/latest.json'));
const RUNS = QUICK
  ? { extraction: 10, visibleTypical: 8, visibleLong: 5, visibleFallback: 5, heap: 3, roundTrip: 20, storeChunks: 2, cold: 4, warm: 2 }
  : { extraction: 15, visibleTypical: 20, visibleLong: 10, visibleFallback: 8, heap: 4, roundTrip: 30, storeChunks: 10, cold: 7, warm: 3 };
const TYPICAL_PAGE = 'maghress/seed-article';
const FALLBACK_PAGE = 'maghress/redesign';
const LONG = { paragraphs: 2000, images: 150, id: 7100001 };
// A full run takes about 6–9 minutes on 2 cores; past this something hangs: write what we have.
const WATCHDOG_MS = 20 * 60 * 1000;

const started = Date.now();
const log = (...args) => console.log(...args);
const results = {
  schema: 1,
  date: new Date().toISOString(),
  command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
  quick: QUICK,
  machine: machineInfo(),
  git: gitInfo(),
  packages: packageVersions(),
  runs: RUNS,
  pages: { typical: TYPICAL_PAGE, long: `generated: ${LONG.paragraphs} paragraphs, ${LONG.images} images`, fallback: FALLBACK_PAGE },
};

function machineInfo() {
  const cpus = os.cpus();
  let osName = `${os.type()} ${os.release()}`;
  try {
    osName = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)"?/m)?.[1] ?? osName;
  } catch {
    /* not Linux */
  }
  const version = (name) => {
    try {
      const path = browserPath(name);
      const out = execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 15000 });
      return out.trim().split('\n').pop();
    } catch (error) {
      return `unavailable (${String(error.message).split('\n')[0]})`;
    }
  };
  return {
    nproc: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    os: osName,
    node: process.version,
    chromium: version('chromium'),
    firefox: version('firefox'),
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
  };
}

function gitInfo() {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  // The benchmark's own files do not count: what matters is whether the measured code is HEAD's.
  const own = /^(BENCHMARKS\.md|bench-results\/|scripts\/bench(\.mjs|\/))/;
  const changes = git('status', '--porcelain').split('\n').filter(Boolean).map((l) => l.slice(3)).filter((p) => !own.test(p));
  return { commit: git('rev-parse', '--short', 'HEAD'), uncommittedChanges: changes.length, changedFiles: changes.slice(0, 20) };
}

function buildAndZip() {
  log('build: wxt zip (chrome) and wxt zip -b firefox (each builds first)');
  for (const args of [['zip'], ['zip', '-b', 'firefox']]) {
    const r = spawnSync(join(root, 'node_modules', '.bin', 'wxt'), args, { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) {
      console.error(r.stdout, r.stderr);
      throw new Error(`wxt ${args.join(' ')} failed`);
    }
  }
}

/** Runs one section; a failure is recorded (and reported) instead of ending the run. */
async function section(target, key, fn, timeoutMs) {
  const t0 = Date.now();
  try {
    target[key] = await withTimeout(fn(), timeoutMs, key);
  } catch (error) {
    target[key] = { error: String(error?.message ?? error).split('\n').slice(0, 3).join(' ') };
    log(`  ${key}: FAILED: ${target[key].error}`);
  }
  log(`  (${key}: ${round((Date.now() - t0) / 1000, 1)} s)`);
}

function extractionPages(server) {
  const pages = server.fixtures
    .filter((f) => f.expected.isArticle)
    .map((f) => ({ name: f.name, url: f.url, html: readPage(f), typical: !f.name.endsWith('/long') }));
  const long = generateLongPage(LONG);
  pages.push({ name: `generated/long-${LONG.paragraphs}`, url: long.url, html: long.html, typical: false });
  return pages;
}

function summariseExtraction(rows) {
  if (!Array.isArray(rows)) return null;
  const typical = rows.filter((r) => r.typical);
  const ratios = typical.map((r) => r.ratio);
  return {
    typicalPages: typical.length,
    geomeanRatio: round(geomean(ratios), 3),
    sumRatio: round(typical.reduce((s, r) => s + r.naqiMs, 0) / typical.reduce((s, r) => s + r.readabilityMs, 0), 3),
    pagesOverBudget: typical.filter((r) => r.ratio > 1).map((r) => r.page),
    // Naqi's own path (the site's body selector matched) vs the pages where it runs Readability.
    siteRulesGeomean: round(geomean(typical.filter((r) => r.path === 'site rules').map((r) => r.ratio)), 3),
    fallbackGeomean: round(geomean(typical.filter((r) => r.path !== 'site rules').map((r) => r.ratio)), 3),
  };
}

async function runBrowser(name, server, bundle) {
  const out = {};
  log(`\n${name}: launching with the extension`);
  const browser = await withTimeout(launchWithExtension(name, { port: server.port }), 60000, `launch ${name}`);
  try {
    const fixture = (n) => server.fixtures.find((f) => f.name === n);
    const long = generateLongPage(LONG);
    server.setPage(long.url, long.html);

    if (SECTIONS.has('extraction')) {
      log(`${name}: extraction, Naqi vs Readability (median of ${RUNS.extraction} interleaved runs)`);
      await section(out, 'extraction', () => benchExtraction(browser, server, bundle, extractionPages(server), { runs: RUNS.extraction, log }), 240000);
      out.extractionSummary = summariseExtraction(out.extraction);
      if (name === 'chromium' && out.extractionSummary && out.extractionSummary.geomeanRatio > 1) {
        log(`${name}: extraction is over budget: CPU profile of each step`);
        await section(
          out,
          'extractionProfile',
          async () => {
            const rows = await profileExtraction(browser, server, extractionPages(server).filter((p) => p.typical), { iterations: QUICK ? 20 : 60, log });
            return { totals: profileTotals(rows), pages: rows };
          },
          240000,
        );
      }
    }

    if (SECTIONS.has('visible')) {
      log(`${name}: DOMContentLoaded → reader view visible`);
      out.readerVisible = {};
      const typical = fixture(TYPICAL_PAGE);
      await section(out.readerVisible, 'typical', () => benchReaderVisible(browser, { name: typical.name, url: typical.url }, { runs: RUNS.visibleTypical, log }), 180000);
      await section(out.readerVisible, 'long', () => benchReaderVisible(browser, { name: `generated/long-${LONG.paragraphs}`, url: long.url }, { runs: RUNS.visibleLong, log, timeoutMs: 30000 }), 300000);
      const longMedian = out.readerVisible.long?.visible?.median;
      if (name === 'chromium' && longMedian > 600) {
        log(`${name}: the very long page is over budget: tracing where the time goes (3 loads)`);
        await section(
          out.readerVisible,
          'longTrace',
          async () => {
            const runs = [];
            for (let i = 0; i < (QUICK ? 1 : 3); i++) {
              const { breakdown } = await traceReaderLoad(browser, long.url);
              runs.push(breakdown);
              log(`  DCL → painted ${breakdown.totalMs} ms: ${Object.entries(breakdown.phases).map(([k, v]) => `${k} ${v}`).join(', ')}`);
            }
            return runs;
          },
          180000,
        );
      }
      const fallback = fixture(FALLBACK_PAGE);
      await section(out.readerVisible, 'fallback', () => benchReaderVisible(browser, { name: fallback.name, url: fallback.url }, { runs: RUNS.visibleFallback, log }), 180000);
    }

    if (SECTIONS.has('heap')) {
      if (name === 'chromium') {
        log(`${name}: JS heap added by the content script`);
        out.heap = {};
        const typical = fixture(TYPICAL_PAGE);
        await section(out.heap, 'typical', () => benchHeap(browser, server, typical, readPage(typical), { runs: RUNS.heap, log }), 180000);
        const home = fixture('maghress/home');
        await section(out.heap, 'nonArticle', () => benchHeap(browser, server, home, readPage(home), { runs: RUNS.heap, log, withReader: false }), 180000);
      } else {
        out.heap = {
          notMeasured:
            'Firefox has no heap metric reachable from automation: Playwright drives stock Firefox over WebDriver BiDi, which has no memory commands (no CDP HeapProfiler/Performance.getMetrics), and Firefox has no performance.memory; about:memory is not scriptable from a test.',
        };
      }
    }

    if (SECTIONS.has('roundtrip')) {
      log(`${name}: report round trip (click submit → thanks visible)`);
      const typical = fixture(TYPICAL_PAGE);
      await section(out, 'roundTrip', () => benchReportRoundTrip(browser, { name: typical.name, url: typical.url }, { runs: RUNS.roundTrip, log }), 240000);
    }

    if (SECTIONS.has('store')) {
      log(`${name}: import, storage, popup and review first render (${RUNS.storeChunks} × 10,000 reports)`);
      await section(
        out,
        'store',
        () => benchStore(browser, { chunks: RUNS.storeChunks, chunkSize: 10000, cold: RUNS.cold, warm: RUNS.warm, log, closePage }),
        name === 'firefox' ? 420000 : 360000,
      );
    }
  } finally {
    await browser.close();
  }
  return out;
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${WATCHDOG_MS / 60000} min: writing partial results and stopping`);
    results.aborted = 'watchdog';
    finish(2);
  }, WATCHDOG_MS);
  watchdog.unref();

  const [load1] = os.loadavg();
  if (load1 > os.cpus().length) {
    const note = `load average ${load1.toFixed(1)} on ${os.cpus().length} CPUs at start: other work is competing for the CPU, timings (tails above all) will be noisy`;
    results.notes = [note];
    log(`bench: warning: ${note}`);
  }
  // The server section alone needs neither a build nor a browser.
  const browserWork = [...SECTIONS].some((s) => s !== 'server');
  if (browserWork && !flag('no-build')) buildAndZip();
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

  if (SECTIONS.has('sizes')) {
    log('sizes: scripts per entrypoint, zips');
    results.sizes = {
      chrome: measureBuild(join(root, '.output', 'chrome-mv3')),
      firefox: measureBuild(join(root, '.output', 'firefox-mv3')),
      zips: measureZips(version),
    };
    try {
      results.sizes.contentScriptComposition = await contentScriptComposition();
    } catch (error) {
      results.sizes.contentScriptComposition = { error: String(error.message).split('\n')[0] };
    }
  }

  if (SECTIONS.has('server')) {
    log('\nserver: the community server under autocannon (PGlite, then PostgreSQL)');
    await section(results, 'server', () => benchServer({ quick: QUICK, log }), 600000);
  }
  if (!browserWork) {
    clearTimeout(watchdog);
    finish(0);
    return;
  }

  const server = await startFixtureServer();
  try {
    const bundle = await extractorBundle();
    for (const name of BROWSERS) {
      try {
        results[name] = await runBrowser(name, server, bundle);
      } catch (error) {
        results[name] = { error: String(error?.message ?? error).split('\n')[0] };
        log(`${name}: FAILED: ${results[name].error}`);
      }
    }
  } finally {
    await server.close();
  }
  clearTimeout(watchdog);
  finish(0);
}

function finish(code) {
  results.durationSeconds = round((Date.now() - started) / 1000, 1);
  results.machine.loadAverageAtEnd = os.loadavg().map((x) => round(x, 2));
  results.budgets = evaluateBudgets(results, BROWSERS);
  results.serverBudgets = evaluateServerBudgets(results);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  const lines = [];
  printReport(results, (...a) => lines.push(a.join(' ')));
  if (results.server) {
    lines.push('\n## Community server\n', serverTable(results.server), '');
    for (const b of results.serverBudgets) lines.push(`- ${b.label}: ${b.value ?? b.note} (budget ${b.limit}) ${b.ok ? '✓' : '✗ MISSED'}`);
  }
  log(lines.join('\n'));
  log(`\nwrote ${OUT.replace(root, '')} in ${results.durationSeconds} s`);
  if (flag('update-doc')) log(updateBenchmarksDoc(join(root, 'BENCHMARKS.md'), results, lines.join('\n')));
  const missed = [...results.budgets, ...results.serverBudgets].filter((b) => !b.ok);
  if (CHECK && missed.length) {
    console.error(`\nbench --check: ${missed.length} budget(s) missed: ${missed.map((b) => b.label).join('; ')}`);
    process.exit(1);
  }
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  results.error = String(error?.message ?? error);
  finish(2);
});
