// Prints a run's results as Markdown tables (readable in a terminal, pasteable into
// BENCHMARKS.md), and rewrites the results section of BENCHMARKS.md.
import { readFileSync, writeFileSync } from 'node:fs';

const fmt = {
  ms: (x) => (x === null || x === undefined ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`),
  bytes: (x) => (x === null || x === undefined ? '–' : x >= 1e6 ? `${(x / 1e6).toFixed(2)} MB` : `${(x / 1000).toFixed(1)} kB`),
  ratio: (x) => (x === null || x === undefined ? '–' : `${x.toFixed(2)}×`),
};

function table(headers, rows) {
  const all = [headers, ...rows].map((r) => r.map((c) => String(c ?? '–')));
  const widths = headers.map((_, i) => Math.max(...all.map((r) => [...r[i]].length)));
  const line = (r) => `| ${r.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join(' | ')} |`;
  return [line(all[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...all.slice(1).map(line)].join('\n');
}

const err = (x) => (x && x.error ? `error: ${x.error}` : null);

export function printReport(r, log = console.log) {
  const browsers = ['chromium', 'firefox'].filter((b) => r[b]);
  const bname = (b) => (b === 'chromium' ? `Chromium ${r.machine.chromium.match(/[\d.]+/)?.[0] ?? ''}` : `Firefox ${r.machine.firefox.match(/[\d.]+\S*/)?.[0] ?? ''}`);
  log(`\n## Budgets${r.quick ? ' (--quick run: rough figures)' : ''}\n`);
  const budgetCols = ['chromium', 'firefox'];
  log(
    table(
      ['budget', 'limit', ...budgetCols.map((b) => (b === 'chromium' ? 'Chromium / chrome build' : 'Firefox / firefox build')), 'ok'],
      (r.budgets ?? []).map((b) => [
        b.label,
        b.unit === 'ratio' ? `≤ ${fmt.ratio(b.limit)}` : b.unit === 'bytes' ? `≤ ${fmt.bytes(b.limit)}` : `≤ ${fmt.ms(b.limit)}`,
        ...budgetCols.map((name) => {
          const row = b.results.find((x) => x.browser === name);
          if (!row) return 'not run';
          if (row.value === null) return row.note;
          const v = b.unit === 'ratio' ? fmt.ratio(row.value) : b.unit === 'bytes' ? fmt.bytes(row.value) : fmt.ms(row.value);
          return `${v} ${row.ok ? '✓' : '✗'}`;
        }),
        b.ok ? 'yes' : '**MISSED**',
      ]),
    ),
  );

  if (browsers.some((b) => r[b].extraction)) {
    log('\n## Extraction: Naqi vs Readability alone (median ms per run)\n');
    const pages = [];
    for (const b of browsers) for (const row of Array.isArray(r[b].extraction) ? r[b].extraction : []) if (!pages.includes(row.page)) pages.push(row.page);
    const rows = pages.map((page) => {
      const cells = [page];
      let path = '';
      for (const b of browsers) {
        const row = Array.isArray(r[b].extraction) ? r[b].extraction.find((x) => x.page === page) : null;
        path ||= row?.path ?? '';
        cells.push(row ? fmt.ms(row.naqiMs) : '–', row ? fmt.ms(row.readabilityMs) : '–', row ? fmt.ratio(row.ratio) : '–');
      }
      const typical = browsers.map((b) => (Array.isArray(r[b].extraction) ? r[b].extraction.find((x) => x.page === page) : null)).find(Boolean)?.typical;
      return [...cells, path, typical ? 'typical' : 'long'];
    });
    const gm = (list) => (list.length ? Math.exp(list.reduce((a, x) => a + Math.log(x), 0) / list.length) : null);
    for (const b of browsers) {
      const s = r[b].extractionSummary;
      if (!s) continue;
      const typical = Array.isArray(r[b].extraction) ? r[b].extraction.filter((x) => x.typical) : [];
      const own = s.siteRulesGeomean ?? gm(typical.filter((x) => x.path === 'site rules').map((x) => x.ratio));
      const fallback = s.fallbackGeomean ?? gm(typical.filter((x) => x.path !== 'site rules').map((x) => x.ratio));
      const cell = (x) => (x === b ? ['', '', `**${fmt.ratio(s.geomeanRatio)}** geo-mean`] : ['', '', '']);
      rows.push([`**${bname(b)}: typical pages**`, ...browsers.flatMap(cell), `${s.pagesOverBudget.length}/${s.typicalPages} over 1.0×`, '']);
      rows.push([`${bname(b)}: site-rules pages / fallback pages`, ...browsers.flatMap((x) => (x === b ? ['', '', `${fmt.ratio(own)} / ${fmt.ratio(fallback)}`] : ['', '', ''])), '', '']);
    }
    log(table(['page', ...browsers.flatMap((b) => [`${bname(b)} Naqi`, 'Readability', 'ratio']), 'Naqi took', 'kind'], rows));
    for (const b of browsers) if (err(r[b].extraction)) log(`${bname(b)} extraction: ${err(r[b].extraction)}`);
    const prof = r.chromium?.extractionProfile?.totals;
    if (prof) {
      log(`\nChromium CPU profile, all ${prof.pages} typical pages together (ms per run of each page, summed; profiler overhead included): Naqi ${fmt.ms(prof.naqiMs)}, Readability ${fmt.ms(prof.readabilityMs)}\n`);
      log(table(['Naqi step', 'ms', 'share'], prof.naqiSteps.filter((s) => s.share >= 0.01).map((s) => [s.step, s.ms.toFixed(2), `${(s.share * 100).toFixed(0)}%`])));
      log('');
      log(table(['Readability alone', 'ms'], prof.readabilitySteps.filter((s) => s.ms >= 0.05).map((s) => [s.step, s.ms.toFixed(2)])));
    }
  }

  if (browsers.some((b) => r[b].readerVisible)) {
    log('\n## DOMContentLoaded → reader view (ms)\n');
    const rows = [];
    for (const key of ['typical', 'long', 'fallback']) {
      for (const b of browsers) {
        const v = r[b].readerVisible?.[key];
        if (!v) continue;
        if (v.error) rows.push([key, bname(b), `error: ${v.error}`, '', '', '', '']);
        else rows.push([`${key}: ${v.page}`, bname(b), v.runs, fmt.ms(v.visible.median), fmt.ms(v.visible.p95), fmt.ms(v.inDom.median), fmt.ms(v.hostMounted.median)]);
      }
    }
    log(table(['page', 'browser', 'runs', 'visible median', 'visible p95', 'in DOM median', 'shadow host median'], rows));
    const traces = r.chromium?.readerVisible?.longTrace;
    if (Array.isArray(traces) && traces.length) {
      log('\nChromium trace of the very long page, DOMContentLoaded → painted (ms, one column per load):\n');
      const keys = Object.keys(traces[0].phases);
      log(table(['where the time went', ...traces.map((_, i) => `load ${i + 1}`)], [['**total**', ...traces.map((t) => t.totalMs)], ...keys.map((k) => [k, ...traces.map((t) => t.phases[k])])]));
    }
  }

  if (r.sizes) {
    log('\n## Scripts per entrypoint (gzip -9)\n');
    const rows = [];
    const entries = new Map();
    for (const build of ['chrome', 'firefox']) for (const e of r.sizes[build]?.entries ?? []) entries.set(e.entrypoint, true);
    for (const name of entries.keys()) {
      const c = r.sizes.chrome?.entries?.find((e) => e.entrypoint === name);
      const f = r.sizes.firefox?.entries?.find((e) => e.entrypoint === name);
      rows.push([name, fmt.bytes(c?.raw), fmt.bytes(c?.gzip), fmt.bytes(f?.raw), fmt.bytes(f?.gzip)]);
    }
    rows.push(['**zip**', fmt.bytes(r.sizes.zips?.chrome?.bytes), '', fmt.bytes(r.sizes.zips?.firefox?.bytes), '']);
    rows.push(['unpacked build', fmt.bytes(r.sizes.chrome?.unpackedBytes), '', fmt.bytes(r.sizes.firefox?.unpackedBytes), '']);
    log(table(['entrypoint', 'chrome raw', 'chrome gzip', 'firefox raw', 'firefox gzip'], rows));
    const comp = r.sizes.contentScriptComposition;
    if (comp?.parts) {
      log(`\nContent script composition (${comp.bundler}: ${fmt.bytes(comp.totalMinified)} minified, ${fmt.bytes(comp.totalGzip)} gzip)\n`);
      log(table(['part', 'minified', 'share'], comp.parts.filter((p) => p.minifiedBytes >= 300).map((p) => [p.part, fmt.bytes(p.minifiedBytes), `${((100 * p.minifiedBytes) / comp.totalMinified).toFixed(0)}%`])));
    }
  }

  const other = [];
  for (const b of browsers) {
    const h = r[b].heap;
    if (h?.typical && !h.typical.error) other.push([`JS heap added by the content script, ${h.typical.page} (reader open)`, bname(b), `${fmt.bytes(h.typical.addedBytes)} (${fmt.bytes(h.typical.pageAloneBytes)} → ${fmt.bytes(h.typical.withContentScriptBytes)}), +${h.typical.addedDomNodes} DOM nodes`]);
    if (h?.nonArticle && !h.nonArticle.error) other.push([`JS heap added by the content script, ${h.nonArticle.page} (not an article)`, bname(b), `${fmt.bytes(h.nonArticle.addedBytes)}, +${h.nonArticle.addedDomNodes} DOM nodes`]);
    if (h?.notMeasured) other.push(['JS heap added by the content script', bname(b), 'not measurable (see BENCHMARKS.md)']);
    for (const k of ['typical', 'nonArticle']) if (h?.[k]?.error) other.push([`JS heap (${k})`, bname(b), `error: ${h[k].error}`]);
    const rt = r[b].roundTrip;
    if (rt && !rt.error) {
      other.push([`report round trip (${rt.runs} reports)`, bname(b), `median ${fmt.ms(rt.visible.median)}, p95 ${fmt.ms(rt.visible.p95)} (thanks in DOM: median ${fmt.ms(rt.inDom.median)}, p95 ${fmt.ms(rt.inDom.p95)})`]);
      if (rt.slowest?.length) other.push(['report round trip, slowest samples = handler + background + frame', bname(b), rt.slowest.map((x) => `${fmt.ms(x.ms)} = ${x.phases ? x.phases.map((p) => p.toFixed(0)).join(' + ') : '?'}`).join('; ')]);
    }
    else if (rt?.error) other.push(['report round trip', bname(b), `error: ${rt.error}`]);
    const st = r[b].store;
    if (st && !st.error) {
      const first = st.imports[0];
      const last = st.imports[st.imports.length - 1];
      if (first) other.push(['import 10,000 reports into an empty database', bname(b), `apply ${fmt.ms(first.applyMs)} (preview ${fmt.ms(first.previewMs)})`]);
      if (st.imports.length > 2) other.push([`import 10,000 reports, each of the ${st.imports.length} files (apply)`, bname(b), st.imports.map((i) => fmt.ms(i.applyMs)).join(', ')]);
      if (last && last !== first) other.push([`import 10,000 reports into ${last.into.toLocaleString('en')}`, bname(b), `apply ${fmt.ms(last.applyMs)} (preview ${fmt.ms(last.previewMs)})`]);
      for (const bp of st.bytesPerReport ?? []) other.push([`IndexedDB bytes per stored report (${bp.reports.toLocaleString('en')} stored)`, bname(b), `${bp.bytes} B (${bp.source})`]);
      for (const [n, rr] of Object.entries(st.renders ?? {})) {
        other.push([`popup first render, ${Number(n).toLocaleString('en')} reports`, bname(b), `after a write: median ${fmt.ms(rr.popup.cold.median)}, p95 ${fmt.ms(rr.popup.cold.p95)}; cached: median ${fmt.ms(rr.popup.warm.median)}`]);
        other.push([`review first render, ${Number(n).toLocaleString('en')} reports`, bname(b), `after a write: median ${fmt.ms(rr.review.cold.median)}, p95 ${fmt.ms(rr.review.cold.p95)}; cached: median ${fmt.ms(rr.review.warm.median)}`]);
      }
    } else if (st?.error) other.push(['import / storage / first renders', bname(b), `error: ${st.error}`]);
    if (r[b].error) other.push(['(whole browser run)', bname(b), `error: ${r[b].error}`]);
  }
  if (other.length) {
    log('\n## Other figures\n');
    log(table(['figure', 'browser', 'value'], other));
  }
  for (const note of r.notes ?? []) log(`\nNote: ${note}.`);
  const m = r.machine;
  log('\n## Machine\n');
  log(
    table(
      ['machine', ''],
      [
        ['CPUs (nproc)', `${m.nproc} × ${m.cpu}`],
        ['memory', `${m.memoryGiB} GiB`],
        ['system', `${m.os}, Node ${m.node}`],
        ['Chromium', m.chromium],
        ['Firefox', m.firefox],
        ['load average (1/5/15 min)', `start ${m.loadAverageAtStart.join(' / ')}, end ${m.loadAverageAtEnd?.join(' / ') ?? '?'}`],
      ],
    ),
  );
}

/** Replaces the text between the bench:results markers of BENCHMARKS.md; returns a log line. */
export function updateBenchmarksDoc(file, results, markdown) {
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return 'BENCHMARKS.md not found: not updated';
  }
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return 'BENCHMARKS.md has no bench:results markers: not updated';
  const body = markdown.replace(/^## /gm, '### ');
  const g = results.git ?? {};
  const header = `Run of ${results.date.slice(0, 16).replace('T', ' ')} UTC, \`${results.command}\`, commit ${g.commit}${g.uncommittedChanges ? ` plus uncommitted changes to ${g.changedFiles?.join(', ') ?? `${g.uncommittedChanges} files`}` : ''}, ${results.durationSeconds} s.`;
  writeFileSync(file, `${text.slice(0, a + start.length)}\n${header}\n${body}\n${text.slice(b)}`);
  return 'updated the results section of BENCHMARKS.md';
}
