/**
 * A listing page against a Profile: a score per entry, in threshold units (1 = highlight), with its reasons.
 *
 * Points, so that one explicit interest is enough and the similarity threshold is the only tuned number:
 * - a watched keyword in the title: FIELD_BOOST[TITLE] (3); in the abstract: FIELD_BOOST[ABSTRACT] (1) for one
 *   occurrence, BM25-saturated for more (at most 2.2); the two add up. An abstract mention alone still
 *   highlights: the reader asked for the word. Title hits rank first when the cap has to choose.
 * - a watched author: AUTHOR_POINTS (3), as strong as a title keyword: the reader named the person.
 * - a full name on several saved papers: LIBRARY_AUTHOR_POINTS per saved paper, so two papers reach the threshold.
 * - similarity to the nearest saved paper: cosine / SIMILARITY_THRESHOLD, so the threshold cosine scores 1.
 */
import { ABSTRACT, TITLE } from '../search/postings';
import { FIELD_BOOST, K1 } from '../search/rank';
import { parseAuthorName, sameAuthor, type AuthorName } from './authors';
import { analyzeField, countKeyword, type AnalyzedField } from './keywords';
import { TITLE_TERM_WEIGHT, type LibraryModel, type Profile } from './profile';
import type { Reason, TriageEntry, TriageResult } from './types';

/** The score at which an entry is highlighted (if the cap allows). Every points constant is relative to it. */
export const HIGHLIGHT_SCORE = 1;

/**
 * Cosine similarity to the nearest saved paper that scores HIGHLIGHT_SCORE on its own. @default 0.2
 *
 * Chosen from data (re-run with `npm run bench -- triage`, which prints the calibration table). Share of entries
 * at or above the cosine, "like the library" / "a listing":
 * - library = 500 seed papers, like = the other 126 seeds, listing = 20k of the 87k conference records:
 *   0.15: 58% / 19%, **0.2: 25% / 5.2%**, 0.25: 15% / 1.5%, 0.3: 6% / 0.4%.
 * - library = N ACL/NAACL/COLING papers, like = 1,000 other such papers, listing = 20k non-NLP records:
 *   N = 20: 0.15: 20% / 1.6%, **0.2: 7% / 0.2%**; N = 100: 44% / 4.1%, **18% / 0.8%**; N = 500: 65% / 13%, **34% / 3.0%**.
 * At 0.2 an unrelated listing lights up 5% at most (under the 15% cap, so the cap stays a backstop) while
 * on-topic papers are 5–30 times likelier to pass; 0.15 lets 13–19% of unrelated entries through with a
 * large library, 0.25 misses most on-topic ones with a small one. Nearest-paper cosines grow with library size
 * (more papers, more chances), so a small library highlights by similarity rarely; keywords carry it there.
 */
export const SIMILARITY_THRESHOLD = 0.2;

/** Below this share of the threshold a similarity is not worth a reason (every paper resembles something). */
const SIMILAR_REASON_SHARE = 0.5;

export const KEYWORD_TITLE_POINTS = FIELD_BOOST[TITLE]!;
export const KEYWORD_ABSTRACT_POINTS = FIELD_BOOST[ABSTRACT]!;
export const AUTHOR_POINTS = 3;
export const LIBRARY_AUTHOR_POINTS = 0.5;

export interface TriageOptions {
  /** Highest share of a page's entries highlighted. @default 0.15 */
  maxShare?: number;
  /** Entries that may be highlighted however short the page (a page of 5 can still show 3). @default 3 */
  minCap?: number;
}

/**
 * The most entries highlighted on a page of `count`: max(minCap, floor(maxShare × count)). On an arXiv daily
 * listing (~100–400 new cs.LG/cs.CL/cs.CV entries) 15% is 15–60 papers, already more than most readers open in
 * a morning; beyond that a highlight stops telling entries apart. The floor of 3 keeps short pages (a search
 * result, a single abstract page) useful: there everything that matches may be highlighted.
 */
export function highlightCap(count: number, options: TriageOptions = {}): number {
  const share = options.maxShare ?? 0.15;
  const floor = options.minCap ?? 3;
  return Math.max(floor, Math.floor(share * count));
}

/** BM25's term-frequency saturation at b = 0: 1 for one occurrence, approaching K1 + 1. */
function saturate(occurrences: number): number {
  return (occurrences * (K1 + 1)) / (occurrences + K1);
}

/**
 * Author names as parsed, remembered across calls (bounded; dropped whole when full). An astro-ph listing carries
 * ~3,700 names and is scored again on every revisit, every interest edit and every rescan; parsing does not depend
 * on the profile, so remembering it is safe. Titles and abstracts are not remembered: keeping 1,000 analysed
 * abstracts alive made a new page's scoring ~20% slower (hashing and garbage collection) for a revisit gain.
 */
const nameMemo = new Map<string, AuthorName | null>();
/** Names remembered. @default 20_000 */
const MEMO_LIMIT = 20_000;

function parsedName(raw: string): AuthorName | undefined {
  let name = nameMemo.get(raw);
  if (name === undefined) {
    name = parseAuthorName(raw) ?? null;
    if (nameMemo.size >= MEMO_LIMIT) nameMemo.clear();
    nameMemo.set(raw, name);
  }
  return name ?? undefined;
}

/** Forgets remembered names: the benchmark's runs on a page never seen before. */
export function clearScoreMemo(): void {
  nameMemo.clear();
}

const KIND_ORDER: Readonly<Record<Reason['kind'], number>> = { keyword: 0, author: 1, 'library-author': 2, similar: 3 };

export function scoreEntries(profile: Profile, entries: readonly TriageEntry[], options: TriageOptions = {}): TriageResult[] {
  const similarity = profile.library ? new NearestPaper(profile.library) : undefined;
  const needsText = profile.keywords.length > 0 || similarity !== undefined;
  const needsWords = profile.keywords.some((k) => k.sequence.length > 1);
  const results = entries.map((entry): TriageResult => {
    // Reasons are pushed in kind order, then interest order, so a stable sort by points keeps ties deterministic.
    const reasons: Reason[] = [];
    if (needsText) {
      const title = analyzeField(entry.title, needsWords);
      const abstract = analyzeField(entry.abstract ?? '', needsWords);
      keywordReasons(profile, title, abstract, reasons);
      authorReasons(profile, entry.authors ?? [], reasons);
      if (similarity) {
        const reason = similarity.reason(title, abstract);
        if (reason) reasons.push(reason);
      }
    } else {
      authorReasons(profile, entry.authors ?? [], reasons);
    }
    reasons.sort((a, b) => b.points - a.points || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    const score = reasons.reduce((sum, r) => sum + r.points, 0);
    return { score, highlighted: false, reasons };
  });

  const cap = highlightCap(entries.length, options);
  const passing = results
    .map((result, index) => ({ score: result.score, index }))
    .filter((r) => r.score >= HIGHLIGHT_SCORE)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  for (const { index } of passing.slice(0, cap)) results[index]!.highlighted = true;
  return results;
}

function keywordReasons(profile: Profile, title: AnalyzedField, abstract: AnalyzedField, reasons: Reason[]): void {
  for (const keyword of profile.keywords) {
    const inTitle = countKeyword(keyword, title);
    const inAbstract = countKeyword(keyword, abstract);
    if (inTitle === 0 && inAbstract === 0) continue;
    const points = (inTitle > 0 ? KEYWORD_TITLE_POINTS : 0) + (inAbstract > 0 ? KEYWORD_ABSTRACT_POINTS * saturate(inAbstract) : 0);
    reasons.push({ kind: 'keyword', keyword: keyword.text, field: inTitle > 0 ? 'title' : 'abstract', points });
  }
}

function authorReasons(profile: Profile, authors: readonly string[], reasons: Reason[]): void {
  if (profile.watchedAuthors.size === 0 && profile.libraryAuthors.size === 0) return;
  const watchedFound = new Set<string>();
  const libraryFound: Reason[] = [];
  for (const author of authors) {
    const name = parsedName(author);
    if (!name) continue;
    let watchedHere = false;
    for (const watched of profile.watchedAuthors.get(name.family) ?? []) {
      if (watchedFound.has(watched.text) || !sameAuthor(watched.name, name)) continue;
      watchedFound.add(watched.text);
      watchedHere = true;
      reasons.push({ kind: 'author', watched: watched.text, author, points: AUTHOR_POINTS });
    }
    // A watched author already says it; the same person's library count would count them twice.
    if (watchedHere) continue;
    for (const known of profile.libraryAuthors.get(name.family) ?? []) {
      if (!sameAuthor(known.name, name)) continue;
      libraryFound.push({ kind: 'library-author', author, savedPapers: known.savedPapers, points: LIBRARY_AUTHOR_POINTS * known.savedPapers });
      break;
    }
  }
  reasons.push(...libraryFound);
}

/**
 * Each entry's cosine with its nearest library paper (0 without a library or a shared term), unthresholded: what
 * the threshold is calibrated on (test/bench/triage.bench.ts).
 */
export function nearestSimilarities(profile: Profile, entries: readonly TriageEntry[]): number[] {
  if (!profile.library) return entries.map(() => 0);
  const nearest = new NearestPaper(profile.library);
  return entries.map((e) => nearest.nearest(analyzeField(e.title, false), analyzeField(e.abstract ?? '', false))?.cosine ?? 0);
}

/** Cosine of an entry with every library paper sharing a term, through the profile's posting lists. */
class NearestPaper {
  private readonly dot: Float64Array;
  private readonly touched: Int32Array;

  constructor(private readonly library: LibraryModel) {
    this.dot = new Float64Array(library.papers.length);
    this.touched = new Int32Array(library.papers.length);
  }

  /** The library paper (by number) with the highest cosine, or undefined when no term is shared. */
  nearest(title: AnalyzedField, abstract: AnalyzedField): { paper: number; cosine: number } | undefined {
    this.squares = 0;
    this.touchedCount = 0;
    // Title words count TITLE_TERM_WEIGHT times, as in the saved papers' vectors (paperTermCounts).
    for (const [term, n] of title.terms) this.add(term, TITLE_TERM_WEIGHT * n + (abstract.terms.get(term) ?? 0));
    for (const [term, n] of abstract.terms) if (!title.terms.has(term)) this.add(term, n);
    const { dot, touched } = this;
    let best = -1;
    let bestDot = 0;
    for (let i = 0; i < this.touchedCount; i++) {
      const paper = touched[i]!;
      // Ties go to the paper listed first, so reasons do not depend on posting order.
      if (dot[paper]! > bestDot || (dot[paper] === bestDot && paper < best)) {
        bestDot = dot[paper]!;
        best = paper;
      }
      dot[paper] = 0;
    }
    if (best < 0 || this.squares === 0) return undefined;
    return { paper: best, cosine: bestDot / Math.sqrt(this.squares) };
  }

  // The walk keeps its running totals in fields, not in a closure: a closure's captured variables are context
  // slots V8 reloads on every posting, which made this loop a third of scoring a page.
  private squares = 0;
  private touchedCount = 0;

  private add(term: string, count: number): void {
    const list = this.library.postings.get(term);
    const weight = Math.log(1 + count) * (list ? list.idf : this.library.unseenIdf);
    this.squares += weight * weight;
    if (!list) return;
    const { papers, weights } = list;
    const { dot, touched } = this;
    let touchedCount = this.touchedCount;
    for (let i = 0; i < papers.length; i++) {
      const paper = papers[i]!;
      const before = dot[paper]!;
      if (before === 0) touched[touchedCount++] = paper;
      dot[paper] = before + weight * weights[i]!;
    }
    this.touchedCount = touchedCount;
  }

  reason(title: AnalyzedField, abstract: AnalyzedField): Reason | undefined {
    const nearest = this.nearest(title, abstract);
    if (!nearest) return undefined;
    const points = nearest.cosine / SIMILARITY_THRESHOLD;
    if (points < SIMILAR_REASON_SHARE * HIGHLIGHT_SCORE) return undefined;
    const paper = this.library.papers[nearest.paper]!;
    const similarity = Math.round(nearest.cosine * 1000) / 1000;
    return { kind: 'similar', paperId: paper.id, title: paper.title, similarity, starter: this.library.starter, points };
  }
}
