/**
 * Ranking knobs and the title check that reorders the best candidates.
 *
 * Scores are BM25 per field (title, abstract, authors, tags, notes), each field weighted, summed over fields
 * and, for each query word, taking the best of the index terms it matched (exact, prefix completion, typo).
 * Papers matching every query word come before papers matching fewer (the hard tier). Then the top candidates
 * are compared with the query word by word on their *titles*: people search for a paper they have seen, so a
 * title that holds every query word, in the query's order, with nothing else besides, is the one they mean.
 * That check is what tells apart the 35 "Scaling Laws for …" titles of the seed corpus.
 */
import { ABSTRACT, AUTHORS, NOTES, TAGS, TITLE } from './postings';

/** BM25 term-frequency saturation. @default 1.2 */
export const K1 = 1.2;

/** Field weights: a title hit is worth three abstract hits. */
export const FIELD_BOOST: Readonly<Record<number, number>> = { [TITLE]: 3, [ABSTRACT]: 1, [AUTHORS]: 2, [TAGS]: 2.5, [NOTES]: 1.5 };

/**
 * BM25 length normalisation per field. Titles are all short, so a long title is barely penalised (the title
 * check below rewards complete matches instead); abstracts vary from one line to a page.
 */
export const FIELD_B: Readonly<Record<number, number>> = { [TITLE]: 0.3, [ABSTRACT]: 0.75, [AUTHORS]: 0.3, [TAGS]: 0, [NOTES]: 0.75 };

/** Weight of a prefix completion relative to the word itself, before the length discount. @default 0.8 */
export const PREFIX_WEIGHT = 0.8;
/** Weight of a term one or two typos away, before the distance discount. @default 0.5 */
export const FUZZY_WEIGHT = 0.5;

/**
 * Typos allowed for a word of this length: none up to 3 letters (`gan`/`gpt`/`vit` are all real), one up to 7,
 * two from 8 (`reinforcment`, `optimzation`).
 */
export function typoBudget(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/** Weight of `completion` for a word typed as far as `prefix`: what share of it was typed. */
export function prefixWeight(prefix: string, completion: string): number {
  return completion.length === prefix.length ? 1 : PREFIX_WEIGHT * Math.sqrt(prefix.length / completion.length);
}

/** Inverse document frequency, BM25's smoothed form (never negative). */
export function idf(docFrequency: number, docCount: number): number {
  return Math.log(1 + (docCount - docFrequency + 0.5) / (docFrequency + 0.5));
}

/**
 * How a query meets one title: `weights[p * words + q]` is how well query word q matches title word p (1 for the
 * word itself, less for a completion or a typo, 0 for no match). Built by the index from cached titles.
 */
export interface TitleMatch {
  weights: Float64Array;
  positions: number;
  words: number;
  /** 1 where the title word / query word is a stop word. */
  titleStop: Uint8Array;
  queryStop: Uint8Array;
  /** Title words before its first colon or spaced dash (the name part); 0 when the title has none. */
  head: number;
}

export interface TitleFeatures {
  /** Share of the query's content words found in the title (weighted by match quality). */
  coverage: number;
  /** Share of the title's content words the query matched (weighted by match quality). */
  completeness: number;
  /** Longest run of consecutive query words matching consecutive title words, over the query length. */
  order: number;
  /** Share of the query matched, in order, from the title's first word: titles are typed from the start. */
  lead: number;
  /** The title is the query: every word, in order, nothing else. */
  exact: boolean;
  /** The title's head (the name before the colon) is the query: "batch normalization" for "Batch
   *  Normalization: Accelerating Deep Network Training…". */
  headExact: boolean;
}

/**
 * Compares the query with a title word by word. Stop words count for order and exactness (so "Attention Is All
 * You Need" beats "Attention Is Not All You Need" for that query) but not for coverage.
 */
export function titleFeatures(m: TitleMatch): TitleFeatures {
  const { weights, positions, words, titleStop, queryStop, head } = m;
  let content = 0;
  let covered = 0;
  for (let q = 0; q < words; q++) {
    if (queryStop[q]) continue;
    content++;
    let best = 0;
    for (let p = 0; p < positions; p++) best = Math.max(best, weights[p * words + q]!);
    covered += best;
  }
  let titleContent = 0;
  let titleMatched = 0;
  for (let p = 0; p < positions; p++) {
    if (titleStop[p]) continue;
    titleContent++;
    let best = 0;
    for (let q = 0; q < words; q++) if (!queryStop[q]) best = Math.max(best, weights[p * words + q]!);
    titleMatched += best;
  }
  // Longest common run, consecutive on both sides: a diagonal of matches in the matrix.
  let run = 0;
  for (let start = -(words - 1); start < positions; start++) {
    let length = 0;
    for (let q = Math.max(0, -start); q < words && q + start < positions; q++) {
      length = weights[(q + start) * words + q]! > 0 ? length + 1 : 0;
      if (length > run) run = length;
    }
  }
  let lead = 0;
  while (lead < words && lead < positions && weights[lead * words + lead]! > 0) lead++;
  const headExact = head > 0 && lead === words && words === head;
  return {
    coverage: content ? covered / content : 0,
    // A query naming the paper leaves nothing of its name unmatched; the rest of the title describes it.
    completeness: headExact ? 1 : titleContent ? titleMatched / titleContent : 0,
    order: words > 1 ? run / words : 0,
    lead: words ? lead / words : 0,
    exact: words > 0 && run === words && run === positions,
    headExact,
  };
}

/**
 * The factor the title check applies to a candidate's BM25 score. Coverage counts most; completeness only
 * together with coverage (a one-word title fully matched by one query word is no evidence); order and a
 * matching start break ties among titles holding the same words; the exact title wins among near-identical ones,
 * and a query naming the paper (its head, before the colon) counts nearly as much.
 */
export function titleBoost(f: TitleFeatures): number {
  return 1 + 1.5 * f.coverage * f.coverage + 1.5 * f.coverage * f.completeness + 0.75 * f.order + 0.5 * f.lead + (f.exact ? 1.5 : 0) + (f.headExact ? 0.5 : 0);
}
