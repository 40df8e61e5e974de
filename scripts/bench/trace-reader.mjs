#!/usr/bin/env node
// Where the time goes between DOMContentLoaded and the reader view on screen (Chromium trace).
//
//   node scripts/bench/trace-reader.mjs [--long | fixture-name] [--css=EXTRA_CSS]
//
// Loads the page three times (the first two warm the caches and the service worker), traces
// the third, and sorts the page's main-thread tasks between the DOMContentLoaded mark and the
// "painted" mark (set by the benchmark's init script) into:
//   page layout/paint   rendering work before the content script started its own work
//   content script JS   tasks running Naqi's content script (extraction, Preact render…)
//   reader layout/paint rendering work after the reader view was inserted
//   other work          the rest of those tasks (parser, page scripts, GC, messages)
// plus idle time (waiting: messages to the background, timers).
//
// --css adds a stylesheet to Naqi's shadow root the moment the host appears (before the
// reader view renders), to try a CSS fix without rebuilding: e.g.
//   --css='.naqi-body > * { content-visibility: auto; contain-intrinsic-size: auto 4em; }'
import { fileURLToPath } from 'node:url';
import { TIMING_INIT_SCRIPT } from './reader-visible.mjs';

const CATEGORIES = ['devtools.timeline', 'v8.execute', 'blink.user_timing', 'disabled-by-default-devtools.timeline', 'loading', 'disabled-by-default-v8.cpu_profiler'];

export async function traceReaderLoad(browser, url, { extraCss = null } = {}) {
  const page = await browser.context.newPage();
  await page.addInitScript(TIMING_INIT_SCRIPT);
  if (extraCss) {
    await page.addInitScript(`(() => {
      const css = ${JSON.stringify(extraCss)};
      new MutationObserver((records, observer) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'NAQI-READER-ROOT' && n.shadowRoot) {
          const style = document.createElement('style');
          style.textContent = css;
          n.shadowRoot.append(style);
          observer.disconnect();
        }
      }).observe(document.documentElement, { childList: true });
    })()`);
  }
  const waitPainted = () => page.waitForFunction(() => globalThis.__naqiTiming?.painted, null, { timeout: 30000, polling: 50 });
  for (let i = 0; i < 2; i++) {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await waitPainted();
  }
  const cdp = await browser.context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await waitPainted();
  const timing = await page.evaluate(() => ({ ...globalThis.__naqiTiming, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart }));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach().catch(() => {});
  await page.close().catch(() => {});
  return { timing, breakdown: breakdown(events), events };
}

/** JS samples of one thread (trace ProfileChunk events): [{ ts, dur, urls: Set }]. */
function jsSamples(events, pid, tid) {
  const out = [];
  for (const profile of events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid)) {
    const nodes = new Map();
    let ts = profile.args?.data?.startTime ?? profile.ts;
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id);
    const raw = [];
    for (const c of chunks) {
      const d = c.args?.data ?? {};
      for (const n of d.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      (d.cpuProfile?.samples ?? []).forEach((id, i) => raw.push([id, d.timeDeltas?.[i] ?? 0]));
    }
    for (let i = 0; i < raw.length; i++) {
      ts += raw[i][1];
      const dur = raw[i + 1]?.[1] ?? 0;
      const urls = new Set();
      const names = [];
      for (let n = nodes.get(raw[i][0]); n; n = nodes.get(n.parent)) {
        if (n.callFrame?.url) urls.add(n.callFrame.url);
        names.push(n.callFrame?.functionName ?? '');
      }
      out.push({ ts, dur, urls, leaf: names[0] ?? '' });
    }
  }
  return out;
}

/**
 * Split DCL → painted on the page's main thread into: JS of the content script (CPU samples
 * whose stack holds a content-scripts/ frame), layout/paint before the content script's first
 * sample (the page's own), layout/paint after the reader view was inserted, and the rest.
 */
export function breakdown(events) {
  const markOf = (name) => events.filter((e) => e.name === `naqi-bench-${name}`).sort((a, b) => a.ts - b.ts).pop();
  const dcl = markOf('dcl');
  const painted = markOf('painted');
  const inDom = markOf('in-dom');
  const host = markOf('host');
  if (!dcl || !painted) throw new Error('trace has no DCL/painted marks');
  const from = dcl.ts;
  const to = painted.ts;
  const main = events.filter((e) => e.pid === dcl.pid && e.tid === dcl.tid && e.ph === 'X' && e.dur);
  const union = (list, a, b) => {
    let sum = 0;
    let reach = -Infinity;
    for (const e of [...list].sort((x, y) => x.ts - y.ts)) {
      const s = Math.max(e.ts, a, reach);
      const f = Math.min(e.ts + e.dur, b);
      if (f > s) sum += f - s;
      reach = Math.max(reach, Math.min(e.ts + e.dur, b));
    }
    return sum / 1000;
  };
  const CONTENT = /-extension:\/\/[^/]+\/content-scripts\//;
  const samples = jsSamples(events, dcl.pid, dcl.tid).filter((x) => x.ts >= from && x.ts < to);
  const naqi = samples.filter((x) => [...x.urls].some((u) => CONTENT.test(u)));
  const naqiGc = samples.filter((x) => x.leaf === '(garbage collector)');
  const firstNaqi = naqi[0]?.ts ?? to;
  const RENDER = /^(UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|Commit|Document::UpdateStyleAndLayout|LocalFrameView::RunStyleAndLayoutLifecyclePhases|LocalFrameView::RunCompositingInputsLifecyclePhase|LocalFrameView::RunPrePaintLifecyclePhase|LocalFrameView::RunPaintLifecyclePhase)$/;
  const render = main.filter((e) => RENDER.test(e.name));
  const busy = union(main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask' || RENDER.test(e.name)), from, to);
  const phases = {
    'page layout/paint before Naqi ran': union(render, from, firstNaqi),
    'content script JS (CPU samples)': naqi.reduce((a, x) => a + x.dur, 0) / 1000,
    'garbage collection': naqiGc.reduce((a, x) => a + x.dur, 0) / 1000,
    'layout/paint while Naqi worked': union(render, firstNaqi, inDom?.ts ?? to),
    'reader view layout/paint': inDom ? union(render, inDom.ts, to) : 0,
  };
  const accounted = Object.values(phases).reduce((a, b) => a + b, 0);
  const total = (to - from) / 1000;
  phases['other busy (parser, messages, page scripts)'] = Math.max(0, busy - accounted);
  phases['idle (waiting: storage, messages to the background)'] = Math.max(0, total - busy);
  const top = (list) => {
    const by = new Map();
    for (const x of list) by.set(x.leaf, (by.get(x.leaf) ?? 0) + x.dur);
    return [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, us]) => ({ name: name || '(anonymous)', ms: Math.round(us / 100) / 10 }));
  };
  return {
    totalMs: Math.round(total),
    marks: { host: host ? Math.round((host.ts - from) / 1000) : null, inDom: inDom ? Math.round((inDom.ts - from) / 1000) : null, firstContentScriptSample: Math.round((firstNaqi - from) / 1000) },
    phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)])),
    contentScriptHotFunctions: top(naqi),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { startFixtureServer } = await import('../lib/fixture-server.mjs');
  const { launchWithExtension } = await import('../lib/launch.mjs');
  const { generateLongPage } = await import('../../tests/fixtures/generate-long.mjs');
  const args = process.argv.slice(2);
  const css = args.find((a) => a.startsWith('--css='))?.slice(6) ?? null;
  const name = args.find((a) => !a.startsWith('--')) ?? (args.includes('--long') ? null : 'maghress/seed-article');
  const server = await startFixtureServer();
  const browser = await launchWithExtension('chromium', { port: server.port });
  try {
    let url;
    if (!name) {
      const long = generateLongPage({ paragraphs: 2000, images: 150, id: 7100001 });
      server.setPage(long.url, long.html);
      url = long.url;
    } else url = server.fixtures.find((f) => f.name === name).url;
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await traceReaderLoad(browser, url, { extraCss: css }));
    for (const r of runs) {
      const b = r.breakdown;
      console.log(`DCL → painted ${b.totalMs} ms (content script's first sample at ${b.marks.firstContentScriptSample}, host at ${b.marks.host}, reader in DOM at ${b.marks.inDom})`);
      for (const [k, v] of Object.entries(b.phases)) console.log(`  ${String(v).padStart(5)} ms  ${k}`);
      console.log(`  content script's hottest leaf functions: ${b.contentScriptHotFunctions.map((f) => `${f.name} ${f.ms}`).join(', ')}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
