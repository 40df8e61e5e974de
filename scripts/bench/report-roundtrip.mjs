// Report round trip: click "Send" in the report dialog → the thanks toast is on screen.
//
// In the reader view of a typical article, each iteration opens the report dialog on the
// image, picks a reason (the six that need no note, in turn), and clicks report-submit
// (a real click through the automation protocol). In the page's main world, a capturing
// click listener on the open shadow root stamps the click, and a MutationObserver the
// insertion of [data-testid=report-thanks]; "visible" is the frame after that insertion.
// The round trip includes the message to the background, validation, the IndexedDB write
// (one transaction), the reply and the re-render. Each sample is split at the moment the
// dialog disables its button (the request is out) to show where slow samples lose time. Each report is then undone (the toast's
// Undo), so every iteration writes a new report rather than updating the previous one, and
// the next one starts `pauseMs` later.
import { summary, sleep, withTimeout } from './stats.mjs';

const ARM = `(() => {
  const host = document.querySelector('naqi-reader-root');
  const shadow = host && host.shadowRoot;
  if (!shadow) throw new Error('no Naqi shadow root');
  const rec = (globalThis.__naqiReport = { click: null, sending: null, inDom: null, painted: null });
  // Awaited with one evaluate (no polling while the round trip is timed).
  let settle;
  Object.defineProperty(rec, 'done', { value: new Promise((resolve) => { settle = resolve; }), enumerable: false });
  const submit = shadow.querySelector('[data-testid="report-submit"]');
  const onClick = (event) => {
    const target = event.composedPath()[0];
    if (rec.click === null && target && target.closest && target.closest('[data-testid="report-submit"]')) rec.click = performance.now();
  };
  shadow.addEventListener('click', onClick, true);
  const observer = new MutationObserver(() => {
    // The dialog disables its button while the message is out: the request has left the page.
    if (rec.click !== null && rec.sending === null && submit && submit.disabled) rec.sending = performance.now();
    if (rec.click === null || rec.inDom !== null || !shadow.querySelector('[data-testid="report-thanks"]')) return;
    rec.inDom = performance.now();
    observer.disconnect();
    shadow.removeEventListener('click', onClick, true);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { rec.painted = performance.now(); settle(); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(shadow, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  return true;
})()`;

const REASONS = ['sexual', 'violence', 'hate', 'misleading', 'privacy', 'copyright'];

/**
 * @param {{ context: import('playwright-core').BrowserContext }} browser
 * @param {{ name: string, url: string }} target an article with at least one image
 */
export async function benchReportRoundTrip(browser, target, { runs = 25, warmup = 2, pauseMs = 300, log = () => {} } = {}) {
  const page = await browser.context.newPage();
  const samples = [];
  try {
    await page.goto(target.url, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('reader-view').waitFor({ state: 'visible', timeout: 15000 });
    for (let i = 0; i < warmup + runs; i++) {
      await page.getByTestId('report-image').first().click();
      await page.locator(`[data-testid="report-reason"][data-reason="${REASONS[i % REASONS.length]}"]`).click();
      await withTimeout(page.evaluate(ARM), 10000, 'arm');
      await page.getByTestId('report-submit').click();
      const rec = await withTimeout(
        page.evaluate(async () => {
          const r = globalThis.__naqiReport;
          await Promise.race([r.done, new Promise((resolve) => setTimeout(resolve, 10000))]);
          return { click: r.click, sending: r.sending, inDom: r.inDom, painted: r.painted };
        }),
        20000,
        'report round trip',
      );
      if (rec.painted === null) throw new Error(`report-thanks not visible within 10 s (${JSON.stringify(rec)})`);
      if (i >= warmup) {
        samples.push({
          inDom: rec.inDom - rec.click,
          painted: rec.painted - rec.click,
          // click → button disabled (the dialog's handler ran and re-rendered), → thanks in the
          // DOM (message to the background, write, reply, re-render), → the frame with it.
          phases: rec.sending === null ? null : { handler: rec.sending - rec.click, background: rec.inDom - rec.sending, frame: rec.painted - rec.inDom },
        });
      }
      // Undo: the report is deleted, so the next iteration is a new report again.
      const thanks = page.getByTestId('report-thanks');
      await thanks.getByRole('button').first().click();
      await thanks.waitFor({ state: 'detached', timeout: 10000 });
      // A reader does not report twice within milliseconds: let the undo's follow-up work
      // (badge count, images.changed broadcast, the page's state refresh) finish first.
      await sleep(pauseMs);
    }
  } finally {
    await page.close().catch(() => {});
  }
  const result = {
    page: target.name,
    runs: samples.length,
    visible: summary(samples.map((s) => s.painted)),
    inDom: summary(samples.map((s) => s.inDom)),
    samplesMs: samples.map((s) => Math.round(s.painted * 10) / 10),
    // Per sample: [handler, background round trip + re-render, wait for the frame] in ms.
    phasesMs: samples.map((s) => (s.phases ? [s.phases.handler, s.phases.background, s.phases.frame].map((x) => Math.round(x * 10) / 10) : null)),
  };
  const slow = samples.map((s, i) => [s.painted, i]).sort((a, b) => b[0] - a[0]).slice(0, 3);
  result.slowest = slow.map(([ms, i]) => ({ ms: Math.round(ms * 10) / 10, phases: result.phasesMs[i] }));
  log(`  ${target.name}: round trip median ${result.visible.median} ms, p95 ${result.visible.p95} ms (in DOM: median ${result.inDom.median}, p95 ${result.inDom.p95})`);
  return result;
}
