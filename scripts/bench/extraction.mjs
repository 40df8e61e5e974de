// Extraction time per page, in the real browser: Naqi's extractArticle vs Mozilla Readability
// alone (what Firefox's Reader View runs: clone the document, parse with default options),
// on the same loaded document, interleaved, median of the runs, and their ratio.
//
// The page is served at a host the content script does not match (bench.naqi.test), so the
// extension does not touch the document; extractArticle is given the page's real URL, which
// is all it reads of the location (site rules, URL resolution).
import { median, round, withTimeout } from './stats.mjs';

export const BENCH_HOST = 'https://bench.naqi.test';

/** In the page: warm up, calibrate a batch size, then time interleaved batches (ABBA order). */
function inPage({ url, runs, warmup, minBatchMs }) {
  const B = globalThis.__naqiBench;
  const naqi = () => {
    const article = B.extractArticle(document, url);
    if (!article || !(article.blocks.length || article.images.length)) throw new Error('Naqi extracted nothing');
    return article;
  };
  const readability = () => {
    const parsed = new B.Readability(document.cloneNode(true)).parse();
    if (!parsed) throw new Error('Readability found no article');
    return parsed;
  };
  const time = (fn, k) => {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) fn();
    return (performance.now() - t0) / k;
  };
  // Warm-up (JIT, style caches); the last round sizes the batches.
  let slowest = 0;
  for (let i = 0; i < warmup; i++) slowest = Math.max(time(naqi, 1), time(readability, 1));
  // Timers are coarse (100 µs in Chromium, 1 ms in Firefox): small pages are timed in batches
  // of k back-to-back runs (k the same for both), and a run's time is the batch's mean.
  const batch = Math.max(1, Math.min(50, Math.ceil(minBatchMs / Math.max(slowest, 0.05))));
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      a.push(time(naqi, batch));
      b.push(time(readability, batch));
    } else {
      b.push(time(readability, batch));
      a.push(time(naqi, batch));
    }
  }
  const article = naqi();
  const parsed = readability();
  return JSON.stringify({
    batch,
    naqi: a,
    readability: b,
    naqiBlocks: article.blocks.length,
    naqiImages: article.images.length,
    // Which path Naqi took: its site's body selector (as extractArticle checks it, before
    // clean-up) or the Readability fallback (no adapter, or a redesign no selector matches).
    path: (() => {
      const site = B.detectPage(url).site;
      const selectors = site?.selectors.body ?? [];
      const hit = selectors.some((s) => Array.from(document.querySelectorAll(s)).some((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().length >= 140));
      return hit ? 'site rules' : 'readability';
    })(),
    readabilityChars: parsed.length,
  });
}

/**
 * @param {{ context: import('playwright-core').BrowserContext }} browser
 * @param {Array<{ name: string, url: string, html: string, typical: boolean }>} pages
 */
export async function benchExtraction(browser, server, bundle, pages, { runs = 12, warmup = 4, minBatchMs = 25, log = () => {} } = {}) {
  const page = await browser.context.newPage();
  const rows = [];
  try {
    for (const p of pages) {
      const benchUrl = `${BENCH_HOST}/${p.name}`;
      server.setPage(benchUrl, p.html);
      await page.goto(benchUrl, { waitUntil: 'load', timeout: 30000 });
      await withTimeout(page.evaluate(bundle), 15000, 'inject extractor bundle');
      const raw = await withTimeout(page.evaluate(inPage, { url: p.url, runs, warmup, minBatchMs }), 120000, `extraction ${p.name}`);
      const r = JSON.parse(raw);
      const naqiMs = median(r.naqi);
      const readabilityMs = median(r.readability);
      const row = {
        page: p.name,
        typical: p.typical,
        runs: r.naqi.length,
        batch: r.batch,
        naqiMs: round(naqiMs, 3),
        readabilityMs: round(readabilityMs, 3),
        ratio: round(naqiMs / readabilityMs, 3),
        naqiRunsMs: r.naqi.map((x) => round(x, 3)),
        readabilityRunsMs: r.readability.map((x) => round(x, 3)),
        path: r.path,
        blocks: r.naqiBlocks,
        images: r.naqiImages,
      };
      rows.push(row);
      log(`  ${p.name}: naqi ${row.naqiMs} ms, readability ${row.readabilityMs} ms, ×${row.ratio}`);
    }
  } finally {
    await page.close().catch(() => {});
  }
  return rows;
}
