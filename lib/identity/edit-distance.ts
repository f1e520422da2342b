/**
 * Levenshtein distance (insert, delete, substitute; each costs 1) with a ceiling: once the distance is known to
 * exceed `max`, it stops and returns `max + 1`. Only the diagonal band |i − j| ≤ max is computed (a cell outside it
 * is already more than `max` edits away), so a title pair costs O(max · length) instead of O(length²).
 * Compares UTF-16 code units; callers pass normalised ASCII-ish text.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (a.length > b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (m - n > max) return max + 1;
  if (n === 0) return m;
  const over = max + 1;
  // prev[j] / cur[j]: distance between a[0..i) and b[0..j). Cells outside the band hold `over`.
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    cur[from - 1] = from === 1 ? (i <= max ? i : over) : over;
    let rowMin = cur[from - 1]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const substitute = prev[j - 1]! + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = prev[j]! + 1;
      const insert = cur[j - 1]! + 1;
      let d = substitute < remove ? substitute : remove;
      if (insert < d) d = insert;
      if (d > over) d = over;
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (to < m) cur[to + 1] = over;
    if (rowMin > max) return over;
    [prev, cur] = [cur, prev];
  }
  const d = prev[m]!;
  return d > max ? over : d;
}
