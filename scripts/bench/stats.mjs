// Small statistics helpers shared by the benchmark sections.

export function quantile(values, q) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  // Nearest-rank on the sorted sample (p95 of 20 values = the 19th).
  const rank = Math.min(v.length, Math.max(1, Math.ceil(q * v.length)));
  return v[rank - 1];
}

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function summary(values) {
  const v = values.filter((x) => Number.isFinite(x));
  return {
    n: v.length,
    median: round(median(v)),
    p95: round(quantile(v, 0.95)),
    min: round(v.length ? Math.min(...v) : null),
    max: round(v.length ? Math.max(...v) : null),
  };
}

export function round(x, digits = 2) {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function geomean(values) {
  const v = values.filter((x) => Number.isFinite(x) && x > 0);
  if (!v.length) return null;
  return Math.exp(v.reduce((s, x) => s + Math.log(x), 0) / v.length);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the promise's value, or rejects after `ms` (Firefox over BiDi can hang). */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]);
}
