// Scoring. Trafilatura's set: its evaluation's snippet counts (a `with` snippet in the output
// = TP, missing = FN; a `without` snippet in it = FP, absent = TN; P/R/F1 over all snippets),
// matched as plain case-sensitive substrings like trafilatura's script, but after collapsing
// whitespace on both sides (its outputs put one block per line; ours are normalised the same way).
// Readability's set: bag-of-words overlap with Readability's own expected output.

const SPACES = /[\s\u00A0\u200B\u200E\u200F\u202A-\u202E\uFEFF]+/g;
export const norm = (s) => (s ?? '').replace(SPACES, ' ').trim();

export function snippetScore(text, page) {
  const t = norm(text);
  const found = (s) => {
    const n = norm(s);
    return n.length > 0 && t.includes(n);
  };
  const withFound = page.with.map(found);
  const withoutFound = page.without.map(found);
  const tp = withFound.filter(Boolean).length;
  const fp = withoutFound.filter(Boolean).length;
  return { tp, fn: page.with.length - tp, fp, tn: page.without.length - fp, withFound, withoutFound };
}

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
function bag(text) {
  const m = new Map();
  for (const w of (text ?? '').toLowerCase().match(TOKEN) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}
const total = (m) => {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
};

/** Multiset overlap of word tokens: TP = common tokens, FP = extra in output, FN = missing from it. */
export function tokenScore(text, expectedText) {
  const a = bag(text);
  const b = bag(expectedText);
  let tp = 0;
  for (const [w, n] of a) tp += Math.min(n, b.get(w) ?? 0);
  return { tp, fp: total(a) - tp, fn: total(b) - tp };
}

export function prf({ tp, fp, fn }) {
  const p = tp + fp ? tp / (tp + fp) : tp + fn ? 0 : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f1 };
}
