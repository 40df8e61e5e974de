// JS heap added by the content script on a typical page (Chromium only: CDP).
//
// The same HTML is loaded at its real URL (the content script runs and opens the reader view)
// and at a host the content script does not match (bench.naqi.test: the page alone), in fresh
// tabs, interleaved. After the page settles, two forced full GCs (HeapProfiler.collectGarbage),
// then Performance.getMetrics: JSHeapUsedSize (the renderer's V8 heap, every world of the page,
// so the content script's isolated world included) and Nodes (DOM nodes, shadow ones included).
// The difference of the medians is what the content script (and its reader view) keeps alive.
import { TIMING_INIT_SCRIPT } from './reader-visible.mjs';
import { BENCH_HOST } from './extraction.mjs';
import { median, round, sleep, withTimeout } from './stats.mjs';

async function measure(browser, url, withReader) {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(TIMING_INIT_SCRIPT);
    await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    if (withReader) {
      await withTimeout(
        page.waitForFunction(() => globalThis.__naqiTiming?.painted, null, { timeout: 15000, polling: 50 }),
        20000,
        'reader view',
      );
    }
    await sleep(withReader ? 700 : 1500);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await sleep(100);
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.detach().catch(() => {});
    const get = (name) => metrics.find((m) => m.name === name)?.value ?? null;
    return { jsHeapUsed: get('JSHeapUsedSize'), nodes: get('Nodes'), listeners: get('JSEventListeners') };
  } finally {
    await page.close().catch(() => {});
  }
}

/** `withReader: false` for a supported site's non-article page: the script runs, no reader opens. */
export async function benchHeap(browser, server, fixture, html, { runs = 5, withReader = true, log = () => {} } = {}) {
  const bareUrl = `${BENCH_HOST}/heap/${fixture.name}`;
  server.setPage(bareUrl, html);
  const withExt = [];
  const without = [];
  for (let i = 0; i < runs; i++) {
    // Alternate the order so a slow first load does not always land on one side.
    if (i % 2 === 0) {
      without.push(await measure(browser, bareUrl, false));
      withExt.push(await measure(browser, fixture.url, withReader));
    } else {
      withExt.push(await measure(browser, fixture.url, withReader));
      without.push(await measure(browser, bareUrl, false));
    }
  }
  const m = (list, key) => median(list.map((x) => x[key]));
  const result = {
    page: fixture.name,
    readerOpen: withReader,
    runs,
    withContentScriptBytes: m(withExt, 'jsHeapUsed'),
    pageAloneBytes: m(without, 'jsHeapUsed'),
    addedBytes: m(withExt, 'jsHeapUsed') - m(without, 'jsHeapUsed'),
    addedDomNodes: m(withExt, 'nodes') - m(without, 'nodes'),
    addedListeners: m(withExt, 'listeners') - m(without, 'listeners'),
    samples: { withContentScript: withExt, pageAlone: without },
  };
  log(`  ${fixture.name}: +${round(result.addedBytes / 1024, 1)} KiB JS heap (${round(result.pageAloneBytes / 1024, 0)} → ${round(result.withContentScriptBytes / 1024, 0)} KiB), +${result.addedDomNodes} DOM nodes`);
  return result;
}
