// Optional corpus benchmark (not part of `npm test`): Naqi's extractArticle and Mozilla
// Readability alone, side by side in a real Chromium, on public corpora of saved pages.
//
//   npm run bench:corpus -- <dir> [--only=readability|trafilatura] [--limit=N] [--filter=SUBSTR]
//                                 [--out=FILE] [--dump=DIR] [--list-worst=N] [--reps=N] [--tabs=N]
//                                 [--timeout=MS] [--rev=COMMIT] [--naqi-title]
//
// <dir> holds `readability/` (Mozilla Readability's test pages) and/or `trafilatura/`
// (trafilatura's evaluation set), or is one of them. See scripts/bench/corpus/load.mjs.
//
// Each page is served at its original URL (trafilatura) or at https://bench.naqi.test/readability/<name>/
// by intercepting the navigation in the browser: only the HTML document is served; a CSP header
// (default-src 'none'; style-src 'unsafe-inline') keeps page scripts, external CSS, images,
// frames and fonts from loading, while scripting stays enabled so <noscript> parses as it does
// for readers. Other navigations (meta refresh) get a 204, which keeps the page; the rest is aborted.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserPath } from './lib/browsers.mjs';
import { median, quantile, round, withTimeout } from './bench/stats.mjs';
import { findCorpora, pageCharset, readabilityPages, trafilaturaPages } from './bench/corpus/load.mjs';
import { norm, prf, snippetScore, tokenScore } from './bench/corpus/score.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));

function parseArgs(argv) {
  const opts = { dir: null, only: null, limit: Infinity, filter: null, out: join(root, 'bench-results', 'corpus-latest.json'), dump: null, listWorst: 20, reps: 1, tabs: 2, timeout: 20000, recycle: 40, rev: null, naqiTitle: false };
  for (const arg of argv) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      opts.dir = arg;
      continue;
    }
    const [, key, value = ''] = m;
    if (key === 'only') opts.only = value;
    else if (key === 'limit') opts.limit = Number(value);
    else if (key === 'filter') opts.filter = value;
    else if (key === 'out') opts.out = resolve(value);
    else if (key === 'dump') opts.dump = resolve(value);
    else if (key === 'list-worst') opts.listWorst = Number(value || 20);
    else if (key === 'reps') opts.reps = Math.max(1, Number(value) || 1);
    else if (key === 'tabs') opts.tabs = Math.max(1, Number(value) || 1);
    else if (key === 'timeout') opts.timeout = Number(value);
    else if (key === 'recycle') opts.recycle = Number(value);
    else if (key === 'rev') opts.rev = value;
    else if (key === 'naqi-title') opts.naqiTitle = true;
    else throw new Error(`Unknown option --${key}`);
  }
  if (!opts.dir) throw new Error('Usage: npm run bench:corpus -- <corpus dir> [--only=readability|trafilatura] [--limit=N] [--filter=S] [--out=FILE] [--dump=DIR] [--list-worst=N] [--reps=N] [--tabs=N]');
  if (opts.only && !['readability', 'trafilatura'].includes(opts.only)) throw new Error('--only= readability or trafilatura');
  return opts;
}

/**
 * The source tree to bundle: the working tree, or (--rev=COMMIT) that commit's utils/ exported to
 * a temporary folder, to measure committed code while the working tree is mid-edit, or a baseline.
 */
function sourceRoot(rev) {
  if (!rev) return root;
  const dir = mkdtempSync(join(tmpdir(), 'naqi-corpus-rev-'));
  const archive = execFileSync('git', ['archive', '--format=tar', rev, 'utils'], { cwd: root, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return `${dir}/`;
}

/** Which code was measured: the commit, and whether utils/ had uncommitted changes. */
function sourceInfo(rev) {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  return { commit: git('rev-parse', rev ?? 'HEAD'), utilsDirty: rev ? false : Boolean(git('status', '--porcelain', '--', 'utils')) };
}

/** Naqi's extractor + Readability + the in-page helpers, as one IIFE. */
async function corpusBundle(rev) {
  const src = sourceRoot(rev);
  const extractSrc = readFileSync(join(src, 'utils/reader/extract.ts'), 'utf8');
  // issue 11: extract.ts exports blocksText; until it does, take it from text.ts.
  const fromExtract = /export\s*\{[^}]*\bblocksText\b|export\s+(?:function|const)\s+blocksText\b|export\s*\*\s*from\s*['"]\.\/text['"]/.test(extractSrc);
  const shim = `export { extractArticle, detectPage } from './utils/reader/extract.ts';\nexport { blocksText } from '${fromExtract ? './utils/reader/extract.ts' : './utils/reader/text.ts'}';\n`;
  const result = await build({
    entryPoints: [join(root, 'scripts/bench/corpus/in-page.mjs')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    alias: { '@': src.replace(/\/$/, '') },
    nodePaths: [join(root, 'node_modules')],
    plugins: [
      {
        name: 'naqi-bench-extract',
        setup(b) {
          b.onResolve({ filter: /^naqi-bench-extract$/ }, () => ({ path: 'naqi-bench-extract', namespace: 'naqi-shim' }));
          b.onLoad({ filter: /.*/, namespace: 'naqi-shim' }, () => ({ contents: shim, resolveDir: src, loader: 'ts' }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'";

async function newTab(context, bundle) {
  const page = await context.newPage();
  const state = { pending: null };
  await page.route('**/*', async (route) => {
    const req = route.request();
    if (state.pending && req.isNavigationRequest() && req.frame() === page.mainFrame()) {
      const doc = state.pending;
      state.pending = null;
      await route.fulfill({ status: 200, headers: { 'content-type': `text/html; charset=${doc.charset}`, 'content-security-policy': CSP, 'cache-control': 'no-store' }, body: doc.bytes }).catch(() => {});
    } else if (req.isNavigationRequest()) {
      // A 204 cancels a navigation (meta refresh, a frame) and keeps the current document;
      // aborting it would replace the page with Chromium's error page.
      await route.fulfill({ status: 204, body: '' }).catch(() => {});
    } else {
      await route.abort('blockedbyclient').catch(() => {});
    }
  });
  return { page, state, used: 0, bundle };
}

async function closeTab(tab) {
  await Promise.race([tab.page.close({ runBeforeUnload: false }).catch(() => {}), new Promise((r) => setTimeout(r, 3000))]);
}

async function runPage(tab, p, opts, index) {
  const bytes = readFileSync(p.file);
  const charset = pageCharset(bytes);
  const row = { corpus: p.corpus, name: p.name, url: p.url, ...(p.key && p.key !== p.url ? { key: p.key } : {}), charset, site: null, error: null };
  tab.state.pending = { bytes, charset };
  const { page } = tab;
  await page.goto(p.url, { waitUntil: 'domcontentloaded', timeout: opts.timeout });
  tab.state.pending = null;
  const has = await page.evaluate(() => typeof globalThis.__naqiCorpus === 'object').catch(() => false);
  if (!has) await withTimeout(page.evaluate(tab.bundle), opts.timeout, 'inject bundle');
  row.site = await page.evaluate((url) => globalThis.__naqiCorpus.site(url), p.url);
  const call = async (what, fn, arg) => {
    try {
      return await withTimeout(page.evaluate(fn, arg), opts.timeout, what);
    } catch (e) {
      return { ms: null, crash: null, timeout: String(e.message ?? e).slice(0, 200), isNull: true, text: '' };
    }
  };
  const naqiCall = () => call('naqi', ({ url, reps }) => globalThis.__naqiCorpus.runNaqi(url, reps), { url: p.url, reps: opts.reps });
  const readCall = () => call('readability', ({ reps }) => globalThis.__naqiCorpus.runReadability(reps), { reps: opts.reps });
  let naqi;
  let read;
  // Alternate which runs first: the first one pays for cold code and style caches.
  if (index % 2 === 0) {
    naqi = await naqiCall();
    if (naqi.timeout) return { row, naqi, read: { ms: null, crash: null, skipped: true, isNull: true, text: '' }, expected: null, broken: true };
    read = await readCall();
  } else {
    read = await readCall();
    if (read.timeout) return { row, naqi: { ms: null, crash: null, skipped: true, isNull: true, text: '' }, read, expected: null, broken: true };
    naqi = await naqiCall();
  }
  // Naqi's text is blocksText(article.blocks), the body without the title (shown apart);
  // --naqi-title puts the title first, as the reader view shows it.
  if (opts.naqiTitle && naqi.title) naqi.text = `${naqi.title}\n\n${naqi.text}`;
  let expected = null;
  if (p.corpus === 'readability' && existsSync(p.expectedFile)) {
    expected = await page.evaluate((html) => globalThis.__naqiCorpus.htmlText(html), readFileSync(p.expectedFile, 'utf8'));
  }
  return { row, naqi, read, expected, broken: Boolean(naqi.timeout || read.timeout) };
}

const side = (r) => ({
  chars: norm(r.text).length,
  ms: r.ms === null || r.ms === undefined ? null : round(r.ms, 3),
  crash: r.crash ?? null,
  timeout: r.timeout ?? null,
  isNull: Boolean(r.isNull),
});

function scorePage(p, res) {
  const { row } = res;
  row.naqi = side(res.naqi);
  row.readability = side(res.read);
  if (p.corpus === 'trafilatura') {
    const n = snippetScore(res.naqi.text, p);
    const r = snippetScore(res.read.text, p);
    Object.assign(row.naqi, { tp: n.tp, fp: n.fp, fn: n.fn, tn: n.tn });
    Object.assign(row.readability, { tp: r.tp, fp: r.fp, fn: r.fn, tn: r.tn });
    // Main-text snippets Readability keeps and Naqi loses, and boilerplate Naqi keeps that Readability drops.
    row.lost = p.with.filter((_, i) => r.withFound[i] && !n.withFound[i]);
    row.gained = p.with.filter((_, i) => !r.withFound[i] && n.withFound[i]);
    row.junkKept = p.without.filter((_, i) => n.withoutFound[i] && !r.withoutFound[i]);
    row.junkDropped = p.without.filter((_, i) => !n.withoutFound[i] && r.withoutFound[i]);
  } else {
    const expected = res.expected ?? '';
    Object.assign(row.naqi, tokenScore(res.naqi.text, expected));
    Object.assign(row.readability, tokenScore(res.read.text, expected));
    row.expectedWords = (expected.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).length;
  }
  for (const s of [row.naqi, row.readability]) {
    const { p: pp, r, f1 } = prf(s);
    Object.assign(s, { p: round(pp, 4), r: round(r, 4), f1: round(f1, 4) });
  }
  row.ratio = row.naqi.ms !== null && row.readability.ms ? round(row.naqi.ms / row.readability.ms, 3) : null;
  return row;
}

const EMPTY_MIN = 200;
const pct = (x) => (x === null || x === undefined ? '–' : x.toFixed(3));

function summarise(corpus, rows) {
  const generic = rows.filter((r) => !r.site);
  const sum = (key, sideName) => generic.reduce((s, r) => s + (r[sideName][key] ?? 0), 0);
  const stats = {};
  for (const sideName of ['naqi', 'readability']) {
    const tp = sum('tp', sideName);
    const fp = sum('fp', sideName);
    const fn = sum('fn', sideName);
    const { p, r, f1 } = prf({ tp, fp, fn });
    const other = sideName === 'naqi' ? 'readability' : 'naqi';
    stats[sideName] = {
      crashes: generic.filter((x) => x[sideName].crash).length,
      timeouts: generic.filter((x) => x[sideName].timeout).length,
      nulls: generic.filter((x) => x[sideName].isNull && !x[sideName].crash && !x[sideName].timeout).length,
      // Empty: nothing to show where the other extractor has ≥ 200 characters.
      empty: generic.filter((x) => x[sideName].chars === 0 && x[other].chars >= EMPTY_MIN).length,
      // Near-empty: under a fifth of what the other one shows (it having ≥ 200 characters).
      short: generic.filter((x) => x[sideName].chars > 0 && x[other].chars >= EMPTY_MIN && x[sideName].chars < x[other].chars / 5).length,
      tp, fp, fn, p, r, f1,
      meanF1: generic.length ? generic.reduce((s, x) => s + x[sideName].f1, 0) / generic.length : null,
      lost: corpus === 'readability' ? generic.filter((x) => x[sideName].r < 0.5).length : null,
      ms: sum('ms', sideName),
    };
  }
  const timed = generic.filter((x) => x.naqi.ms !== null && x.readability.ms !== null);
  const ratios = timed.map((x) => x.ratio).filter((x) => x !== null);
  return {
    corpus,
    pages: rows.length,
    generic: generic.length,
    siteRules: rows.length - generic.length,
    errors: rows.filter((r) => r.error).length,
    naqi: stats.naqi,
    readability: stats.readability,
    worse: generic.filter((x) => x.naqi.f1 < x.readability.f1 - 1e-9).length,
    better: generic.filter((x) => x.naqi.f1 > x.readability.f1 + 1e-9).length,
    timeRatio: timed.length ? timed.reduce((s, x) => s + x.naqi.ms, 0) / timed.reduce((s, x) => s + x.readability.ms, 0) : null,
    medianRatio: median(ratios),
    p90Ratio: quantile(ratios, 0.9),
    naqiMsSum: timed.reduce((s, x) => s + x.naqi.ms, 0),
    readabilityMsSum: timed.reduce((s, x) => s + x.readability.ms, 0),
  };
}

function markdown(summaries) {
  const out = [];
  out.push('| corpus | extractor | pages | crashes | timeouts | empty¹ | near-empty² | P | R | F1 | mean page F1 | lost³ |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of summaries) {
    for (const [label, x] of [['Naqi', s.naqi], ['Readability', s.readability]]) {
      out.push(`| ${s.corpus} | ${label} | ${s.generic} | ${x.crashes} | ${x.timeouts} | ${x.empty} | ${x.short} | ${pct(x.p)} | ${pct(x.r)} | ${pct(x.f1)} | ${pct(x.meanF1)} | ${x.lost ?? '–'} |`);
    }
  }
  out.push('');
  out.push('| corpus | pages Naqi F1 < Readability | > Readability | time Naqi (sum ms) | time Readability (sum ms) | ratio of sums | median page ratio | p90 page ratio |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of summaries) {
    out.push(`| ${s.corpus} | ${s.worse} | ${s.better} | ${Math.round(s.naqiMsSum)} | ${Math.round(s.readabilityMsSum)} | ${s.timeRatio?.toFixed(2) ?? '–'} | ${s.medianRatio?.toFixed(2) ?? '–'} | ${s.p90Ratio?.toFixed(2) ?? '–'} |`);
  }
  out.push('');
  out.push(`¹ no text where the other extractor has ≥ ${EMPTY_MIN} characters. ² under a fifth of the other's characters (it having ≥ ${EMPTY_MIN}). ³ readability corpus: pages with word recall < 0.5 against expected.html.`);
  out.push('P/R/F1: trafilatura = snippet counts summed over all pages (micro); readability = word-token overlap with expected.html summed over all pages.');
  const excluded = summaries.filter((s) => s.siteRules || s.errors);
  for (const s of excluded) out.push(`${s.corpus}: ${s.siteRules} page(s) on a site rule excluded; ${s.errors} page(s) failed to load.`);
  return out.join('\n');
}

function worstList(rows, n) {
  const ranked = rows
    .filter((r) => !r.site)
    .map((r) => ({ r, delta: r.naqi.f1 - r.readability.f1 }))
    .filter((x) => x.delta < 0 || x.r.naqi.crash || x.r.naqi.timeout)
    .sort((a, b) => a.delta - b.delta || (a.r.name < b.r.name ? -1 : 1))
    .slice(0, n);
  const out = [];
  for (const { r, delta } of ranked) {
    const flags = [r.naqi.crash ? `CRASH ${r.naqi.crash.split('\n')[0]}` : '', r.naqi.timeout ? 'TIMEOUT' : '', r.naqi.chars === 0 ? 'EMPTY' : ''].filter(Boolean).join(' ');
    out.push(`- ${r.corpus}/${r.name} ΔF1 ${delta.toFixed(3)} (Naqi ${r.naqi.f1.toFixed(3)} vs ${r.readability.f1.toFixed(3)}; chars ${r.naqi.chars} vs ${r.readability.chars})${flags ? ` ${flags}` : ''}`);
    out.push(`  ${r.url}`);
    if (r.lost?.length) {
      r.lost.forEach((s, i) => {
        out.push(`  lost: "${s.length > 90 ? `${s.slice(0, 87)}…` : s}"`);
        const chain = r.lostWhere?.[i];
        if (chain) out.push(`    in: ${chain.slice(2).join(' > ')}`);
      });
    }
    if (r.junkKept?.length) out.push(`  boilerplate kept: ${r.junkKept.map((s) => `"${s.slice(0, 60)}"`).join(', ')}`);
    if (r.corpus === 'readability') out.push(`  word recall ${r.naqi.r.toFixed(3)} vs ${r.readability.r.toFixed(3)}, precision ${r.naqi.p.toFixed(3)} vs ${r.readability.p.toFixed(3)}`);
  }
  return out.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const corpora = findCorpora(opts.dir);
  if (opts.only) for (const k of Object.keys(corpora)) if (k !== opts.only) delete corpora[k];
  if (!Object.keys(corpora).length) throw new Error(`No corpus found in ${opts.dir} (expected readability/pages/<name>/source.html or trafilatura/evaldata.json)`);
  let pages = [];
  if (corpora.readability) pages.push(...readabilityPages(corpora.readability));
  if (corpora.trafilatura) pages.push(...trafilaturaPages(corpora.trafilatura));
  if (opts.filter) pages = pages.filter((p) => p.name.includes(opts.filter) || p.url.includes(opts.filter));
  if (Number.isFinite(opts.limit)) {
    const byCorpus = {};
    pages = pages.filter((p) => (byCorpus[p.corpus] = (byCorpus[p.corpus] ?? 0) + 1) <= opts.limit);
  }
  const t0 = Date.now();
  const bundle = await corpusBundle(opts.rev);
  const browser = await chromium.launch({
    executablePath: browserPath('chromium'),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions', '--blink-settings=imagesEnabled=false',
      // Each page is at another site: without these, every navigation starts a new renderer
      // process (site isolation), which costs more than the extraction. One renderer for all
      // tabs also keeps the tabs from timing each other's work (one main thread).
      '--disable-site-isolation-trials', '--disable-features=site-per-process,IsolateOrigins', '--renderer-process-limit=1'],
  });
  const context = await browser.newContext({ javaScriptEnabled: true, viewport: { width: 1200, height: 900 }, serviceWorkers: 'block' });
  await context.addInitScript(bundle);
  const rows = new Array(pages.length);
  const startedAt = {};
  const took = {};
  let next = 0;
  let done = 0;
  const worker = async () => {
    let tab = await newTab(context, bundle);
    for (;;) {
      const i = next++;
      if (i >= pages.length) break;
      const p = pages[i];
      startedAt[p.corpus] ??= Date.now();
      if (tab.used >= opts.recycle) {
        await closeTab(tab);
        tab = await newTab(context, bundle);
      }
      tab.used++;
      let res;
      try {
        res = await runPage(tab, p, opts, i);
      } catch (e) {
        res = { row: { corpus: p.corpus, name: p.name, url: p.url, site: null, error: String(e.message ?? e).split('\n')[0] }, naqi: { ms: null, isNull: true, text: '' }, read: { ms: null, isNull: true, text: '' }, expected: '', broken: true };
      }
      const row = scorePage(p, res);
      if (row.lost?.length && !res.broken) {
        row.lostWhere = await withTimeout(tab.page.evaluate((s) => globalThis.__naqiCorpus.locate(s), row.lost), opts.timeout, 'locate').catch(() => null);
      }
      if (opts.dump) {
        const dir = join(opts.dump, p.corpus);
        mkdirSync(dir, { recursive: true });
        const base = p.name.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/\.html$/, '');
        writeFileSync(join(dir, `${base}.naqi.txt`), res.naqi.text ?? '');
        writeFileSync(join(dir, `${base}.readability.txt`), res.read.text ?? '');
        if (res.expected) writeFileSync(join(dir, `${base}.expected.txt`), res.expected);
      }
      rows[i] = row;
      took[p.corpus] = Date.now();
      done++;
      if (res.broken) {
        await closeTab(tab);
        tab = await newTab(context, bundle);
      }
      if (done % 50 === 0 || done === pages.length) process.stderr.write(`  ${done}/${pages.length} pages, ${Math.round((Date.now() - t0) / 1000)} s\n`);
    }
    await closeTab(tab);
  };
  try {
    await Promise.all(Array.from({ length: Math.min(opts.tabs, pages.length) }, worker));
  } finally {
    await browser.close().catch(() => {});
  }
  const summaries = [];
  for (const corpus of ['readability', 'trafilatura']) {
    const cr = rows.filter((r) => r.corpus === corpus);
    if (cr.length) summaries.push({ ...summarise(corpus, cr), seconds: round((took[corpus] - startedAt[corpus]) / 1000, 1) });
  }
  console.log(markdown(summaries));
  const src = sourceInfo(opts.rev);
  console.log(`\nCode: ${src.commit?.slice(0, 10) ?? '?'}${src.utilsDirty ? ' + uncommitted utils/' : ''}. Wall time ${Math.round((Date.now() - t0) / 1000)} s (${summaries.map((s) => `${s.corpus} ${s.seconds} s`).join(', ')}; ${opts.tabs} tab(s), reps ${opts.reps}).`);
  if (opts.listWorst > 0) {
    for (const corpus of ['trafilatura', 'readability']) {
      const list = worstList(rows.filter((r) => r.corpus === corpus), opts.listWorst);
      if (list) console.log(`\n### ${corpus}: the ${opts.listWorst} pages where Naqi's F1 is furthest below Readability's\n\n${list}`);
    }
  }
  mkdirSync(dirname(opts.out), { recursive: true });
  const summaryOut = summaries.map((s) => JSON.parse(JSON.stringify(s, (k, v) => (typeof v === 'number' ? round(v, 4) : v))));
  writeFileSync(opts.out, `${JSON.stringify({ date: new Date().toISOString(), dir: resolve(opts.dir), options: { reps: opts.reps, tabs: opts.tabs, rev: opts.rev, naqiTitle: opts.naqiTitle }, source: sourceInfo(opts.rev), summaries: summaryOut, pages: rows }, null, 1)}\n`);
  console.error(`Per-page rows: ${opts.out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
