/** Token-level F1 between two texts: how close the extracted body is to the expected one. */
export function tokenF1(actual: string, expected: string): number {
  const tokens = (text: string) => text.split(/[\s.,،؛:;!?؟«»"“”()\-–—]+/).filter(Boolean);
  const a = tokens(actual);
  const e = tokens(expected);
  if (!a.length && !e.length) return 1;
  if (!a.length || !e.length) return 0;
  const counts = new Map<string, number>();
  for (const token of e) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of a) {
    const n = counts.get(token) ?? 0;
    if (n > 0) {
      common++;
      counts.set(token, n - 1);
    }
  }
  if (!common) return 0;
  const precision = common / a.length;
  const recall = common / e.length;
  return (2 * precision * recall) / (precision + recall);
}
