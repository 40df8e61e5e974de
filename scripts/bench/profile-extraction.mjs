#!/usr/bin/env node
// Where extraction time goes, from a V8 CPU profile (Chromium, CDP): the time of each direct
// step of extractArticle (its direct callees: cloneNode, findSource, removeLikelyJunk, sanitiseInPlace…)
// next to Readability's own two steps (cloneNode, parse), per page, in ms per run.
//
//   node scripts/bench/profile-extraction.mjs [fixture-name …]    (needs a build; Chromium)
//
// `npm run bench` runs this too when the extraction budget is missed, and stores the result
// under chromium.extractionProfile in bench-results/latest.json.
import { fileURLToPath } from 'node:url';
import { extractorBundle } from './extract-bundle.mjs';
import { BENCH_HOST } from './extraction.mjs';
import { round, withTimeout } from './stats.mjs';

/**
 * Attribute each sample under the innermost frame named in `rootNames` to the frame just below
 * it (or to that root itself). Several names: the extractor's entry point has moved between
 * extractArticle and extractArticleWith; the innermost one is the pipeline.
 */
function stepTimes(profile, rootNames) {
  const roots = new Set(rootNames);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const steps = new Map();
  let total = 0;
  let gc = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // the delta after a sample is its duration
    const leaf = byId.get(id);
    if (leaf?.callFrame.functionName === '(garbage collector)') gc += dt;
    let below = null;
    let cur = id;
    while (cur !== undefined) {
      const node = byId.get(cur);
      if (roots.has(node.callFrame.functionName)) {
        const name = below ? below.callFrame.functionName || '(anonymous)' : `${node.callFrame.functionName} (self)`;
        steps.set(name, (steps.get(name) ?? 0) + dt);
        total += dt;
        return;
      }
      below = node;
      cur = parent.get(cur);
    }
  });
  return { total, gc, steps };
}

const profiledBundle = () => extractorBundle({ keepNames: true, minify: false });

/**
 * @param {{ context: import('playwright-core').BrowserContext }} browser a Chromium browser
 * @param {Array<{ name: string, url: string, html: string }>} pages
 */
export async function profileExtraction(browser, server, pages, { iterations = 60, log = () => {} } = {}) {
  const bundle = await profiledBundle();
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const out = [];
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    for (const p of pages) {
      const benchUrl = `${BENCH_HOST}/profile/${p.name}`;
      server.setPage(benchUrl, p.html);
      await page.goto(benchUrl, { waitUntil: 'load' });
      await page.evaluate(bundle);
      await page.evaluate(`(() => {
        const B = globalThis.__naqiBench;
        globalThis.__naqiRun = function naqiRun(url) { return B.extractArticle(document, url); };
        globalThis.__readabilityRun = function readabilityAlone() { return new B.Readability(document.cloneNode(true)).parse(); };
      })()`);
      const run = (n) =>
        page.evaluate(
          ({ url, n }) => {
            for (let i = 0; i < n; i++) {
              globalThis.__naqiRun(url);
              globalThis.__readabilityRun();
            }
          },
          { url: p.url, n },
        );
      await run(5);
      // Fewer iterations on big pages: about the same profiling time for each.
      const n = Math.max(3, Math.round(iterations * Math.min(1, 60000 / p.html.length)));
      await cdp.send('Profiler.start');
      await withTimeout(run(n), 120000, `profile ${p.name}`);
      const { profile } = await cdp.send('Profiler.stop');
      const naqi = stepTimes(profile, ['extractArticle', 'extractArticleWith', 'fromWholePage', 'fromSiteBody']);
      const readability = stepTimes(profile, ['readabilityAlone']);
      const perRun = (m) => Object.fromEntries([...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v / n, 3)]));
      const row = {
        page: p.name,
        runs: n,
        naqiMs: round(naqi.total / n, 3),
        readabilityMs: round(readability.total / n, 3),
        gcMsPerPair: round(naqi.gc / n, 3),
        naqiSteps: perRun(naqi.steps),
        readabilitySteps: perRun(readability.steps),
      };
      out.push(row);
      log(`  ${p.name}: naqi ${row.naqiMs} ms = ${Object.entries(row.naqiSteps).slice(0, 6).map(([k, v]) => `${k} ${v}`).join(', ')}; readability ${row.readabilityMs} ms = ${Object.entries(row.readabilitySteps).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    }
  } finally {
    await cdp.detach().catch(() => {});
    await page.close().catch(() => {});
  }
  return out;
}

/** Sum of the step times over pages, as shares of Naqi's total: the overall picture. */
export function profileTotals(rows) {
  const naqi = new Map();
  const readability = new Map();
  let naqiTotal = 0;
  let readabilityTotal = 0;
  for (const r of rows) {
    naqiTotal += r.naqiMs;
    readabilityTotal += r.readabilityMs;
    for (const [k, v] of Object.entries(r.naqiSteps)) naqi.set(k, (naqi.get(k) ?? 0) + v);
    for (const [k, v] of Object.entries(r.readabilitySteps)) readability.set(k, (readability.get(k) ?? 0) + v);
  }
  const list = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([step, ms]) => ({ step, ms: round(ms, 3), share: round(ms / naqiTotal, 3) }));
  return { pages: rows.length, naqiMs: round(naqiTotal, 3), readabilityMs: round(readabilityTotal, 3), naqiSteps: list(naqi), readabilitySteps: list(readability) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { startFixtureServer } = await import('../lib/fixture-server.mjs');
  const { launchWithExtension } = await import('../lib/launch.mjs');
  const { readPage } = await import('../../tests/fixtures/index.mjs');
  const server = await startFixtureServer();
  const browser = await launchWithExtension('chromium', { port: server.port });
  try {
    const names = process.argv.slice(2);
    const pages = server.fixtures
      .filter((f) => f.expected.isArticle && (names.length ? names.includes(f.name) : !f.name.endsWith('/long')))
      .map((f) => ({ name: f.name, url: f.url, html: readPage(f) }));
    const rows = await profileExtraction(browser, server, pages, { log: console.log });
    const totals = profileTotals(rows);
    console.log(`\nAll ${totals.pages} pages, ms per run of each: Naqi ${totals.naqiMs}, Readability ${totals.readabilityMs}`);
    for (const s of totals.naqiSteps) console.log(`  naqi        ${s.step.padEnd(28)} ${s.ms.toFixed(3).padStart(8)} ms  ${(s.share * 100).toFixed(1)}%`);
    for (const s of totals.readabilitySteps) console.log(`  readability ${s.step.padEnd(28)} ${s.ms.toFixed(3).padStart(8)} ms`);
  } finally {
    await browser.close();
    await server.close();
  }
}
