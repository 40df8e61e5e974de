#!/usr/bin/env node
// Where the time of `import.apply` (10,000 reports) goes, from a Chromium trace: busy time of
// the threads that work on it (the browser process's IndexedDB backend sequence, the
// extension's service worker), the IndexedDB operations by total time, and the service
// worker's hottest functions (V8 CPU samples in the trace).
//
//   node scripts/bench/trace-import.mjs [reports already stored, default 0]
import { fileURLToPath } from 'node:url';
import { inExtensionPage } from './store.mjs';
import { reportsExport } from './seed-reports.mjs';

const CATEGORIES = ['devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'IndexedDB', 'ServiceWorker', 'toplevel', 'v8'];

async function timedSend(message) {
  const api = globalThis.browser ?? globalThis.chrome;
  const t0 = performance.now();
  const reply = await api.runtime.sendMessage(message);
  return { ms: performance.now() - t0, reply };
}

export function summariseImportTrace(events) {
  const threadName = new Map();
  const processName = new Map();
  for (const e of events) {
    if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args.name);
    if (e.name === 'process_name') processName.set(e.pid, e.args.name);
  }
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const k = `${e.pid}:${e.tid}`;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push(e);
  }
  const threads = [];
  for (const [k, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts);
    let reach = -Infinity;
    let busy = 0;
    const ops = new Map();
    for (const e of list) {
      const s = Math.max(e.ts, reach);
      const f = e.ts + e.dur;
      if (f > s) busy += f - s;
      reach = Math.max(reach, f);
      if (/Operation|BackingStore::|Transaction::Commit|LevelDB/.test(e.name)) ops.set(e.name, (ops.get(e.name) ?? 0) + e.dur);
    }
    threads.push({
      thread: `${processName.get(Number(k.split(':')[0])) ?? '?'} / ${threadName.get(k) ?? k}`,
      busyMs: Math.round(busy / 1000),
      indexedDbOps: [...ops.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, us]) => ({ name, ms: Math.round(us / 1000) })),
    });
  }
  threads.sort((a, b) => b.busyMs - a.busyMs);
  // Service worker CPU samples: self time by function.
  const hot = [];
  for (const p of events.filter((e) => e.name === 'Profile')) {
    if (!/ServiceWorker/.test(threadName.get(`${p.pid}:${p.tid}`) ?? '')) continue;
    const nodes = new Map();
    const self = new Map();
    const raw = [];
    for (const c of events.filter((e) => e.name === 'ProfileChunk' && e.id === p.id)) {
      const d = c.args?.data ?? {};
      for (const n of d.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      (d.cpuProfile?.samples ?? []).forEach((id, i) => raw.push([id, d.timeDeltas?.[i] ?? 0]));
    }
    for (let i = 0; i < raw.length; i++) {
      const n = nodes.get(raw[i][0]);
      const name = n?.callFrame?.functionName || '(anonymous)';
      if (name === '(idle)' || name === '(program)') continue;
      self.set(name, (self.get(name) ?? 0) + (raw[i + 1]?.[1] ?? 0));
    }
    hot.push(...[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([name, us]) => ({ name, ms: Math.round(us / 1000) })));
  }
  return { threads: threads.slice(0, 6), serviceWorkerSelfTime: hot };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { startFixtureServer } = await import('../lib/fixture-server.mjs');
  const { launchWithExtension, closePage } = await import('../lib/launch.mjs');
  const before = Number(process.argv[2] ?? 0);
  const server = await startFixtureServer();
  const browser = await launchWithExtension('chromium', { port: server.port });
  try {
    const host = await browser.openExtensionPage('popup.html');
    for (let c = 0; c < before / 10000; c++) {
      await inExtensionPage(host, timedSend, { type: 'import.apply', text: reportsExport({ chunk: 100 + c, count: 10000 }).text }, 120000);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const cdp = await browser.context.newCDPSession(host);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
    const file = reportsExport({ chunk: 0, count: 10000 });
    const r = await inExtensionPage(host, timedSend, { type: 'import.apply', text: file.text }, 120000);
    await cdp.send('Tracing.end');
    await complete;
    console.log(`import.apply of ${file.reports} reports (${file.images} images, ${file.decisions} decisions) into ${before}: ${Math.round(r.ms)} ms, reply ${JSON.stringify(r.reply)}`);
    const s = summariseImportTrace(events);
    for (const t of s.threads) {
      console.log(`  ${String(t.busyMs).padStart(6)} ms busy  ${t.thread}${t.indexedDbOps.length ? `: ${t.indexedDbOps.map((o) => `${o.name} ${o.ms}`).join(', ')}` : ''}`);
    }
    console.log(`  service worker self time: ${s.serviceWorkerSelfTime.map((f) => `${f.name} ${f.ms}`).join(', ')}`);
    await closePage(host);
  } finally {
    await browser.close();
    await server.close();
  }
}
