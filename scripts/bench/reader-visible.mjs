// DOMContentLoaded → reader view visible, on a typical article and on the very long one.
//
// An init script (main world, before any page script) records, on performance.now()'s clock:
//   dcl      the navigation's domContentLoadedEventStart
//   host     when <naqi-reader-root> (the content script's shadow host) joined <html>
//   inDom    when its shadow root first holds [data-testid=reader-view]
//   painted  the next frame after that: a rAF callback, then a message posted from it, which
//            runs once that frame has been produced (the view is on screen)
// The shadow root is open, so the main world can watch it (MutationObserver) although the
// content script runs in its own isolated world.
import { summary, withTimeout } from './stats.mjs';

export const TIMING_INIT_SCRIPT = `(() => {
  if (!/^https?:$/.test(location.protocol)) return;
  const rec = (globalThis.__naqiTiming = { host: null, inDom: null, painted: null });
  // Resolved once the view is painted: the benchmark awaits this with ONE evaluate instead of
  // polling, so no automation script runs on the page's main thread while it is timed.
  let settle;
  Object.defineProperty(rec, 'done', { value: new Promise((resolve) => { settle = resolve; }), enumerable: false });
  // User-timing marks too, so a trace (scripts/bench/trace-reader.mjs) can line up with these.
  const mark = (name) => { try { performance.mark('naqi-bench-' + name); } catch {} };
  document.addEventListener('DOMContentLoaded', () => mark('dcl'), { capture: true, once: true });
  let shadowObserver = null;
  const onShadow = (shadow) => {
    if (rec.inDom !== null || !shadow.querySelector('[data-testid="reader-view"]')) return;
    rec.inDom = performance.now();
    mark('in-dom');
    shadowObserver?.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { rec.painted = performance.now(); mark('painted'); settle(); };
      channel.port2.postMessage(null);
    });
  };
  const onHost = (host) => {
    if (rec.host !== null || !host.shadowRoot) return;
    rec.host = performance.now();
    mark('host');
    const shadow = host.shadowRoot;
    shadowObserver = new MutationObserver(() => onShadow(shadow));
    shadowObserver.observe(shadow, { childList: true, subtree: true });
    onShadow(shadow);
  };
  const watchHtml = (html) => {
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'NAQI-READER-ROOT') onHost(n);
    }).observe(html, { childList: true });
  };
  if (document.documentElement) watchHtml(document.documentElement);
  else {
    const o = new MutationObserver(() => {
      if (document.documentElement) { o.disconnect(); watchHtml(document.documentElement); }
    });
    o.observe(document, { childList: true });
  }
})();`;

/** Waits in the page (no polling) for the painted mark, then reads the marks. */
async function readTiming(page, timeoutMs) {
  return page.evaluate(async (ms) => {
    const t = globalThis.__naqiTiming;
    if (!t) return { missing: true };
    await Promise.race([t.done, new Promise((resolve) => setTimeout(resolve, ms))]);
    const nav = performance.getEntriesByType('navigation')[0];
    return { dcl: nav ? nav.domContentLoadedEventStart : null, host: t.host, inDom: t.inDom, painted: t.painted };
  }, timeoutMs);
}

/**
 * @param {{ context: import('playwright-core').BrowserContext }} browser
 * @param {{ name: string, url: string }} target
 */
export async function benchReaderVisible(browser, target, { runs = 20, warmup = 2, timeoutMs = 15000, log = () => {} } = {}) {
  const page = await browser.context.newPage();
  await page.addInitScript(TIMING_INIT_SCRIPT);
  const samples = [];
  try {
    for (let i = 0; i < warmup + runs; i++) {
      await page.goto(target.url, { waitUntil: 'domcontentloaded', timeout: 30000 });
      const t = await withTimeout(readTiming(page, timeoutMs), timeoutMs + 10000, 'read timing');
      if (t.painted === null || t.painted === undefined || !t.dcl) {
        throw new Error(`${target.name}: reader view not visible within ${timeoutMs} ms (${JSON.stringify(t)})`);
      }
      if (i >= warmup) {
        samples.push({ host: t.host - t.dcl, inDom: t.inDom - t.dcl, painted: t.painted - t.dcl });
      }
    }
  } finally {
    await page.close().catch(() => {});
  }
  const result = {
    page: target.name,
    runs: samples.length,
    visible: summary(samples.map((s) => s.painted)),
    inDom: summary(samples.map((s) => s.inDom)),
    hostMounted: summary(samples.map((s) => s.host)),
    samplesMs: samples.map((s) => Math.round(s.painted * 10) / 10),
  };
  log(`  ${target.name}: visible median ${result.visible.median} ms, p95 ${result.visible.p95} ms (in DOM ${result.inDom.median}, host ${result.hostMounted.median})`);
  return result;
}
