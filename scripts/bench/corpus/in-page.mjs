// Runs inside the benchmark tab (bundled by esbuild with Naqi's extractor and Readability):
// defines globalThis.__naqiCorpus. Each call times one extractor on the loaded document and
// returns its text; the scoring happens in Node.
import { Readability } from '@mozilla/readability';
import { extractArticle, detectPage, blocksText } from 'naqi-bench-extract';

const BLOCK = new Set(
  'address article aside blockquote br dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(' '),
);

/** Text of a subtree with a line break around block elements (textContent glues `<p>a</p><p>b</p>` into "ab"). */
function spacedText(root) {
  let out = '';
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.data;
      else if (child.nodeType === 1) {
        const tag = child.localName;
        if (tag === 'script' || tag === 'style' || tag === 'template') continue;
        const block = BLOCK.has(tag);
        if (block) out += '\n';
        walk(child);
        if (block) out += '\n';
      }
    }
  };
  if (root) walk(root);
  return out;
}

const htmlText = (html) => spacedText(new DOMParser().parseFromString(html, 'text/html').body);

function timed(fn, reps) {
  const times = [];
  let result;
  // With reps > 1: one untimed warm-up, then the median of `reps` runs.
  if (reps > 1) fn();
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { result, ms: times[times.length >> 1] };
}

const errorText = (e) => String((e && (e.stack || e.message)) || e).slice(0, 600);

function runNaqi(url, reps) {
  try {
    const { result: article, ms } = timed(() => extractArticle(document, url), reps);
    return { ms, crash: null, isNull: !article, text: article ? blocksText(article.blocks) : '', title: (article && article.title) || '', blocks: article ? article.blocks.length : 0 };
  } catch (e) {
    return { ms: null, crash: errorText(e), isNull: true, text: '', blocks: 0 };
  }
}

function runReadability(reps) {
  try {
    const { result: parsed, ms } = timed(() => new Readability(document.cloneNode(true)).parse(), reps);
    return { ms, crash: null, isNull: !parsed, text: parsed && parsed.content ? htmlText(parsed.content) : '' };
  } catch (e) {
    return { ms: null, crash: errorText(e), isNull: true, text: '' };
  }
}

function site(url) {
  try {
    const page = detectPage(url);
    const s = page && page.site;
    return s ? String(s.id || s.name || s.host || 'site') : null;
  } catch {
    return null;
  }
}

const SPACES = /[\s\u00A0\u200B\u200E\u200F\u202A-\u202E\uFEFF]+/g;
const norm = (s) => s.replace(SPACES, ' ').trim();

function describe(el) {
  let d = el.localName;
  if (el.id) d += `#${el.id}`;
  const cls = (el.getAttribute('class') || '').trim().split(/\s+/).filter(Boolean);
  if (cls.length) d += `.${cls.slice(0, 6).join('.')}`;
  return d.length > 120 ? `${d.slice(0, 117)}…` : d;
}

/** For each snippet: the chain of elements (html → innermost) whose text holds it, in the page as served. */
function locate(snippets) {
  return snippets.map((snippet) => {
    const want = norm(snippet);
    let el = document.documentElement;
    if (!el || !norm(spacedText(el)).includes(want)) return null;
    const chain = [];
    for (;;) {
      chain.push(describe(el));
      let next = null;
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
        if (norm(spacedText(c)).includes(want)) {
          next = c;
          break;
        }
      }
      if (!next) break;
      el = next;
    }
    return chain;
  });
}

globalThis.__naqiCorpus = { runNaqi, runReadability, htmlText, site, locate };
