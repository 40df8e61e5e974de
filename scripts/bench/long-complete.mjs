#!/usr/bin/env node
// On the very long page: DOMContentLoaded → reader view visible (as `npm run bench` measures
// it) and → the WHOLE article rendered and painted, which a sliced render reaches later.
// Not part of `npm run bench`; run it after a build (`npm run build:all`):
//
//   node scripts/bench/long-complete.mjs [--browsers=chromium,firefox] [--runs=10]
//
// "Complete" is the first moment the shadow root's reader body holds every article image's
// report button and is not aria-busy; "complete, painted" the frame after that.
import { startFixtureServer } from '../lib/fixture-server.mjs';
import { closePage, launchWithExtension } from '../lib/launch.mjs';
import { generateLongPage } from '../../tests/fixtures/generate-long.mjs';
import { TIMING_INIT_SCRIPT } from './reader-visible.mjs';
import { summary } from './stats.mjs';

const COMPLETE_INIT_SCRIPT = (images) => `(() => {
  if (!/^https?:$/.test(location.protocol)) return;
  const rec = (globalThis.__naqiComplete = { complete: null, painted: null });
  let settle;
  rec.done = new Promise((resolve) => { settle = resolve; });
  const check = (shadow, observer) => {
    if (rec.complete !== null) return;
    const body = shadow.querySelector('[data-testid="reader-body"]');
    if (!body || body.getAttribute('aria-busy') === 'true') return;
    if (body.querySelectorAll('[data-testid="report-image"]').length < ${images}) return;
    rec.complete = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { rec.painted = performance.now(); settle(); };
      channel.port2.postMessage(null);
    });
  };
  new MutationObserver((records, outer) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'NAQI-READER-ROOT' && n.shadowRoot) {
      outer.disconnect();
      const shadow = n.shadowRoot;
      const o = new MutationObserver(() => check(shadow, o));
      o.observe(shadow, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const browsers = arg('browsers', 'chromium,firefox').split(',');
const runs = Number(arg('runs', '10'));
const long = generateLongPage({ paragraphs: 2000, images: 150, id: 7100001 });
const server = await startFixtureServer();
server.setPage(long.url, long.html);
try {
  for (const name of browsers) {
    const browser = await launchWithExtension(name, { port: server.port });
    const page = await browser.context.newPage();
    await page.addInitScript(TIMING_INIT_SCRIPT);
    await page.addInitScript(COMPLETE_INIT_SCRIPT(long.expected.images.length));
    const rows = [];
    try {
      for (let i = 0; i < runs + 2; i++) {
        await page.goto(long.url, { waitUntil: 'domcontentloaded' });
        const t = await page.evaluate(async () => {
          await Promise.race([Promise.all([globalThis.__naqiTiming.done, globalThis.__naqiComplete.done]), new Promise((r) => setTimeout(r, 20000))]);
          const dcl = performance.getEntriesByType('navigation')[0].domContentLoadedEventStart;
          const a = globalThis.__naqiTiming;
          const b = globalThis.__naqiComplete;
          return { visible: a.painted - dcl, complete: b.complete - dcl, completePainted: b.painted - dcl };
        });
        if (i >= 2) rows.push(t);
      }
    } finally {
      await closePage(page);
      await browser.close();
    }
    const line = (key) => summary(rows.map((r) => r[key]));
    console.log(`${name}: visible ${JSON.stringify(line('visible'))}`);
    console.log(`${name}: complete ${JSON.stringify(line('complete'))}`);
    console.log(`${name}: complete, painted ${JSON.stringify(line('completePainted'))}`);
  }
} finally {
  await server.close();
}
