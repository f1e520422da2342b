/**
 * Approximate substring search: where in `text` does `pattern` occur with at most k edits (insert, delete,
 * substitute)? Myers' bit-parallel algorithm ("A fast bit-vector algorithm for approximate string matching based
 * on dynamic programming", J. ACM 1999) in Hyyrö's multi-block form ("Explaining and extending the bit-parallel
 * approximate string matching algorithm of Myers", 2001), the algorithm the `approx-string-match` package behind
 * Hypothesis's anchoring uses: O(n · ⌈m/32⌉) word operations, so a 10,000-character quote over a
 * 100,000-character paper is ~31 M block steps instead of a billion DP cells.
 *
 * Compares UTF-16 code units (callers pass text normalised by `normalizeReadingText`).
 */

export interface ApproximateMatch {
  /** text[start, end) is the matched substring. */
  start: number;
  end: number;
  /** Edit distance between the pattern and text[start, end). */
  errors: number;
}

/**
 * Calls `column(j, d)` for j = 1..text.length, where d is the least edit distance between `pattern` and a
 * substring of `text` ending at j. With `anchored`, the substring must start at 0 (d = distance to text[0, j)).
 */
export function scanDistances(
  text: string,
  pattern: string,
  anchored: boolean,
  column: (end: number, errors: number) => void,
): void {
  const m = pattern.length;
  if (m === 0) {
    for (let j = 1; j <= text.length; j++) column(j, anchored ? j : 0);
    return;
  }
  const blocks = Math.ceil(m / 32);
  // peq.get(c)[b]: bit i set where pattern[32b + i] === c.
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(i);
    let eq = peq.get(code);
    if (!eq) peq.set(code, (eq = new Int32Array(blocks)));
    eq[i >> 5]! |= 1 << (i & 31);
  }
  const none = new Int32Array(blocks);
  // The bit of each block that holds its last pattern row; the last block may be partly used. Bits above it hold
  // rows past the pattern's end: harmless, since carries only move towards higher rows.
  const lastRow = new Int32Array(blocks).fill(1 << 31);
  lastRow[blocks - 1] = 1 << ((m - 1) & 31);

  const P = new Int32Array(blocks).fill(-1); // vertical +1 deltas: column 0 is D[i][0] = i
  const M = new Int32Array(blocks); // vertical −1 deltas
  let score = m;
  // Semi-global search: row 0 is all zeros (a match may start anywhere), so the horizontal delta entering block 0
  // is 0. Anchored: row 0 is D[0][j] = j, a +1 at every column.
  const topDelta = anchored ? 1 : 0;
  for (let j = 0; j < text.length; j++) {
    const eqs = peq.get(text.charCodeAt(j)) ?? none;
    let hIn = topDelta;
    for (let b = 0; b < blocks; b++) {
      const pv = P[b]!;
      const mv = M[b]!;
      const hInNeg = hIn < 0 ? 1 : 0;
      const eq = eqs[b]! | hInNeg;
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const mask = lastRow[b]!;
      const hOut = (ph & mask ? 1 : 0) - (mh & mask ? 1 : 0);
      ph <<= 1;
      mh <<= 1;
      if (hIn < 0) mh |= 1;
      else if (hIn > 0) ph |= 1;
      P[b] = mh | ~(xv | ph);
      M[b] = ph & xv;
      hIn = hOut;
    }
    score += hIn;
    column(j + 1, score);
  }
}

const reverse = (s: string) => {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
};

/**
 * Substrings of `text` within `maxErrors` edits of `pattern`, best first (fewest errors, then earliest). Each run
 * of consecutive qualifying end positions gives one match (its best end), so a near-exact occurrence is not
 * reported once per shifted end. At most `limit` matches.
 */
export function findApproximate(text: string, pattern: string, maxErrors: number, limit = 50): ApproximateMatch[] {
  // Each run keeps its best distance and the first few ends that reach it (a deletion at the edge of the match
  // ties with a substitution one character later; the start decides which reads better).
  const runs: Array<{ ends: number[]; errors: number }> = [];
  let run: { ends: number[]; errors: number } | undefined;
  scanDistances(text, pattern, false, (end, errors) => {
    if (errors <= maxErrors) {
      if (!run || errors < run.errors) run = { ends: [end], errors };
      else if (errors === run.errors && run.ends.length < MAX_TIED_ENDS) run.ends.push(end);
    } else if (run) {
      runs.push(run);
      run = undefined;
    }
  });
  if (run) runs.push(run);
  runs.sort((a, b) => a.errors - b.errors || a.ends[0]! - b.ends[0]!);

  // The forward scan knows where a match ends; scanning the reversed pattern backwards from that end, anchored
  // there, finds where it starts. Of equally good alignments, keep the one whose length is closest to the
  // pattern's (a substitution rather than an insertion plus a deletion).
  const reversedPattern = reverse(pattern);
  const matches: ApproximateMatch[] = [];
  for (const { ends, errors } of runs.slice(0, limit)) {
    let best: ApproximateMatch | undefined;
    for (const end of ends) {
      const windowStart = Math.max(0, end - pattern.length - errors);
      scanDistances(reverse(text.slice(windowStart, end)), reversedPattern, true, (length, d) => {
        if (d !== errors) return;
        if (!best || Math.abs(length - pattern.length) < Math.abs(best.end - best.start - pattern.length)) {
          best = { start: end - length, end, errors };
        }
      });
    }
    if (best) matches.push(best);
  }
  return matches;
}

const MAX_TIED_ENDS = 4;
