/**
 * Ranking quality over a set of queries with known answers: top-1 and top-5 hit rates, and what was missed.
 * Takes any search function, so the benchmark can hold the index and a plain scan to the same standard.
 */
import { dedupeKey } from '../corpus/key';

export interface RankingCase {
  query: string;
  /** The title the query must find. */
  title: string;
  /** What the query exercises (exact, typo, prefix, topic, acronym, accents-greek, near-identical). */
  kind: string;
}

export interface RankingReport {
  cases: number;
  top1: number;
  top5: number;
  /** Cases not ranked first, with the rank found (0 when not in the top 5) and what came first. */
  misses: { query: string; title: string; rank: number; first: string | undefined }[];
}

/** `search` returns titles best first; a title matches when equal after case, accent and punctuation folding. */
export function evaluateRanking(cases: readonly RankingCase[], search: (query: string) => readonly string[]): RankingReport {
  let top1 = 0;
  let top5 = 0;
  const misses: RankingReport['misses'] = [];
  for (const c of cases) {
    const want = dedupeKey(c.title);
    const titles = search(c.query).slice(0, 5);
    const rank = titles.findIndex((t) => dedupeKey(t) === want) + 1;
    if (rank === 1) top1++;
    if (rank >= 1) top5++;
    if (rank !== 1) misses.push({ query: c.query, title: c.title, rank, first: titles[0] });
  }
  const n = Math.max(1, cases.length);
  return { cases: cases.length, top1: top1 / n, top5: top5 / n, misses };
}
