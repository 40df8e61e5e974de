// Stored reports: import time, IndexedDB bytes per report, and the first render of the popup
// and of the review page with 10,000 and 100,000 reports.
//
// Everything runs from one extension page (popup.html, "the host") the way the review page's
// import does it: the export text goes to the background in `import.apply` (one transaction).
// First renders load popup.html / review.html in a same-origin iframe of the host and time,
// on the iframe's own clock (ms since its navigation started), when the element appears
// (MutationObserver) and the frame after it (painted). "Cold" samples follow a write
// (settings.set, which drops the background's cached list totals, as any report or decision
// does), then a pause for the background's follow-up work (badge count, broadcasts);
// "warm" samples repeat the same page right after, with the totals cached.
import { reportsExport } from './seed-reports.mjs';
import { round, sleep, summary } from './stats.mjs';

/**
 * Evaluate `fn(arg)` in an extension page. The result is serialised in the page and raced
 * against an in-page timer: over Firefox's BiDi a promise from an extension realm may never
 * settle for the client (see tests/e2e/lib/harness.mjs).
 */
export async function inExtensionPage(page, fn, arg, timeoutMs = 60000) {
  const text = await page.evaluate(
    `Promise.race([
      Promise.resolve().then(() => (${fn.toString()})(${JSON.stringify(arg)}))
        .then((value) => JSON.stringify({ value: value ?? null }), (error) => JSON.stringify({ thrown: String((error && error.stack) || error) })),
      new Promise((resolve) => setTimeout(() => resolve(JSON.stringify({ thrown: 'no result within ${timeoutMs} ms' })), ${timeoutMs})),
    ])`,
  );
  const result = JSON.parse(text);
  if ('thrown' in result) throw new Error(result.thrown);
  return result.value;
}

async function timedSend(message) {
  const api = globalThis.browser ?? globalThis.chrome;
  const t0 = performance.now();
  const reply = await api.runtime.sendMessage(message);
  return { ms: performance.now() - t0, reply };
}

async function estimate() {
  // Let the database settle on disk before reading the usage.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const e = await navigator.storage.estimate();
  return { usage: e.usage, indexedDB: e.usageDetails?.indexedDB ?? null };
}

/** In the host page: load `path` in an iframe, time `selector` appearing on the iframe's clock. */
function firstRender({ path, selector, width, height, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.cssText = `position:fixed;inset:0 auto auto 0;width:${width}px;height:${height}px;border:0;background:#fff;z-index:9`;
    const done = (value, error) => {
      clearTimeout(timer);
      clearInterval(poll);
      frame.remove();
      if (error) reject(error);
      else resolve(value);
    };
    const timer = setTimeout(() => done(null, new Error(`${path}: ${selector} not seen within ${timeoutMs} ms`)), timeoutMs);
    let observed = null;
    let found = false;
    const check = () => {
      const win = frame.contentWindow;
      const doc = frame.contentDocument;
      if (found || !win || !doc || doc.location.href === 'about:blank' || !doc.documentElement) return;
      if (!doc.querySelector(selector)) {
        if (observed !== doc) {
          observed = doc;
          new MutationObserver(check).observe(doc, { childList: true, subtree: true });
        }
        return;
      }
      found = true;
      const inDom = win.performance.now();
      win.requestAnimationFrame(() => {
        const channel = new win.MessageChannel();
        channel.port1.onmessage = () => done({ inDom, painted: win.performance.now() });
        channel.port2.postMessage(null);
      });
    };
    const poll = setInterval(check, 4);
    frame.src = path;
    document.body.append(frame);
  });
}

async function renderSamples(host, { path, selector, width, height, cold = 8, warm = 4, settleMs = 800, log }) {
  const coldSamples = [];
  const warmSamples = [];
  for (let i = 0; i < cold; i++) {
    await inExtensionPage(host, timedSend, { type: 'settings.set', settings: { threshold: 3 } });
    await sleep(settleMs);
    coldSamples.push(await inExtensionPage(host, firstRender, { path, selector, width, height, timeoutMs: 30000 }, 40000));
    if (i < warm) warmSamples.push(await inExtensionPage(host, firstRender, { path, selector, width, height, timeoutMs: 30000 }, 40000));
  }
  const result = {
    cold: summary(coldSamples.map((s) => s.painted)),
    coldInDom: summary(coldSamples.map((s) => s.inDom)),
    warm: summary(warmSamples.map((s) => s.painted)),
    coldSamplesMs: coldSamples.map((s) => round(s.painted, 1)),
  };
  log?.(`  ${path} (${selector}): cold median ${result.cold.median} ms, p95 ${result.cold.p95} ms; warm median ${result.warm.median} ms`);
  return result;
}

/**
 * @param {{ openExtensionPage(path: string): Promise<import('playwright-core').Page> }} browser
 */
export async function benchStore(browser, { chunks = 10, chunkSize = 10000, cold = 8, warm = 4, log = () => {}, closePage }) {
  const host = await browser.openExtensionPage('popup.html');
  const out = { chunkSize, imports: [], storage: [], renders: {} };
  try {
    await host.getByTestId('report-count').waitFor({ state: 'attached', timeout: 15000 }).catch(() => {});
    const before = await inExtensionPage(host, estimate);
    out.storage.push({ reports: 0, ...before });
    let stored = 0;
    for (let c = 0; c < chunks; c++) {
      const file = reportsExport({ chunk: c, count: chunkSize });
      const preview = await inExtensionPage(host, timedSend, { type: 'import.preview', text: file.text }, 120000);
      if (!preview.reply?.ok) throw new Error(`import.preview failed: ${JSON.stringify(preview.reply).slice(0, 300)}`);
      const apply = await inExtensionPage(host, timedSend, { type: 'import.apply', text: file.text }, 120000);
      if (!apply.reply?.ok || apply.reply.added !== file.reports) throw new Error(`import.apply failed: ${JSON.stringify(apply.reply).slice(0, 300)}`);
      out.imports.push({ into: stored, added: apply.reply.added, decisions: apply.reply.decisions, previewMs: round(preview.ms, 1), applyMs: round(apply.ms, 1), fileChars: file.text.length });
      stored += file.reports;
      log(`  import ${file.reports} reports into ${stored - file.reports}: preview ${round(preview.ms, 0)} ms, apply ${round(apply.ms, 0)} ms`);
      // Let the background's follow-up work (badge count, broadcasts) finish before measuring.
      await sleep(1000);
      if (stored === chunkSize || c === chunks - 1) {
        const usage = await inExtensionPage(host, estimate);
        out.storage.push({ reports: stored, ...usage });
        const first = out.storage[0];
        const bytes = (usage.indexedDB ?? usage.usage) - (first.indexedDB ?? first.usage);
        log(`  storage with ${stored} reports: +${round(bytes / 1e6, 2)} MB → ${round(bytes / stored, 0)} bytes per report`);
        out.renders[stored] = {
          popup: await renderSamples(host, { path: '/popup.html', selector: '[data-testid="report-count"]', width: 400, height: 600, cold, warm, log }),
          review: await renderSamples(host, { path: '/review.html', selector: '[data-testid="review-row"]', width: 1200, height: 900, cold, warm, log }),
        };
      }
    }
  } finally {
    await closePage(host);
  }
  const first = out.storage[0];
  out.bytesPerReport = out.storage.slice(1).map((s) => ({
    reports: s.reports,
    bytes: round(((s.indexedDB ?? s.usage) - (first.indexedDB ?? first.usage)) / s.reports, 0),
    source: s.indexedDB !== null ? 'usageDetails.indexedDB' : 'usage',
  }));
  return out;
}
