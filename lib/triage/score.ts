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
import { STOP_WORDS } from '../search/fold';
import { FIELD_BOOST, K1 } from '../search/rank';
import { MAX_TERM_LENGTH } from '../search/tokenize';
import { parseAuthorName, sameAuthor, type AuthorName } from './authors';
import type { CompiledKeyword } from './keywords';
import { TITLE_TERM_WEIGHT as PROFILE_TITLE_TERM_WEIGHT, type LibraryModel, type Profile } from './profile';
import { FieldTerms, FNV_OFFSET as SCAN_FNV_OFFSET, FNV_PRIME as SCAN_FNV_PRIME, hashString, type ProfileTerms } from './scan';
import type { Reason, TriageEntry, TriageResult } from './types';

/** A module-local copy for the per-term loop (an imported binding can be a getter call per read under tsx). */
const TITLE_TERM_WEIGHT = PROFILE_TITLE_TERM_WEIGHT;

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

/** A keyword as profile term ids. */
interface KeywordIds {
  keyword: CompiledKeyword;
  sequence: Int32Array;
  /** The closed compound's id, or -1. */
  compound: number;
  /**
   * The phrase's first word is an index term (not a stop word, not over-long), so a field where it has no count
   * cannot hold the phrase and its words need not be walked.
   */
  firstCounted: boolean;
}

/** Two fields' worth of scan buffers, reused across calls (scoring is synchronous, so one set is enough). */
const titleTerms = new FieldTerms();
const abstractTerms = new FieldTerms();

export function scoreEntries(profile: Profile, entries: readonly TriageEntry[], options: TriageOptions = {}): TriageResult[] {
  const similarity = profile.library ? new NearestPaper(profile.library) : undefined;
  const needsText = profile.keywords.length > 0 || similarity !== undefined;
  const needsWords = profile.keywords.some((k) => k.sequence.length > 1);
  const needsCompounds = profile.keywords.length > 0;
  const terms = profile.terms;
  terms.beginCall(similarity !== undefined);
  const keywords = keywordIds(profile.keywords, terms);
  const families = familyFilter(profile);
  const title = titleTerms;
  const abstract = abstractTerms;
  const results = entries.map((entry): TriageResult => {
    // Reasons are pushed in kind order, then interest order, so a stable sort by points keeps ties deterministic.
    const reasons: Reason[] = [];
    if (needsText) {
      title.reset();
      abstract.reset();
      terms.scanField(entry.title, title, needsWords, needsCompounds);
      terms.scanField(entry.abstract ?? '', abstract, needsWords, needsCompounds);
      keywordReasons(keywords, title, abstract, reasons);
      authorReasons(profile, families, entry.authors ?? [], reasons);
      if (similarity) {
        const reason = similarity.reason(title, abstract);
        if (reason) reasons.push(reason);
      }
    } else {
      authorReasons(profile, families, entry.authors ?? [], reasons);
    }
    reasons.sort((a, b) => b.points - a.points || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    const score = reasons.reduce((sum, r) => sum + r.points, 0);
    return { score, highlighted: false, reasons };
  });
  title.reset();
  abstract.reset();

  const cap = highlightCap(entries.length, options);
  const passing = results
    .map((result, index) => ({ score: result.score, index }))
    .filter((r) => r.score >= HIGHLIGHT_SCORE)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  for (const { index } of passing.slice(0, cap)) results[index]!.highlighted = true;
  return results;
}

function keywordIds(keywords: readonly CompiledKeyword[], terms: ProfileTerms): KeywordIds[] {
  // The profile interned every keyword term, so each has an id.
  return keywords.map((keyword) => ({
    keyword,
    sequence: Int32Array.from(keyword.sequence, (term) => terms.knownId(term)),
    compound: keyword.compound === undefined ? -1 : terms.knownId(keyword.compound),
    firstCounted: !STOP_WORDS.has(keyword.sequence[0]!) && keyword.sequence[0]!.length <= MAX_TERM_LENGTH,
  }));
}

/**
 * How often a keyword occurs in a field: a one-word keyword as an index term or a compound; a phrase as its words
 * in a row, or (hyphenated) as its closed compound, whichever is more often.
 */
function keywordCount(keyword: KeywordIds, field: FieldTerms): number {
  const { sequence } = keyword;
  const n = sequence.length;
  if (n === 1) {
    const id = sequence[0]!;
    return field.count(id) + field.compoundOccurrences(id);
  }
  let inRow = 0;
  const words = field.words;
  const last = keyword.firstCounted && field.count(sequence[0]!) === 0 ? -1 : field.wordCount - n;
  for (let i = 0; i <= last; i++) {
    let j = 0;
    while (j < n && words[i + j] === sequence[j]) j++;
    if (j === n) inRow++;
  }
  if (keyword.compound < 0) return inRow;
  // `pre-training` yields both the words and the compound: take the larger count, not the sum.
  const closed = field.count(keyword.compound) + field.compoundOccurrences(keyword.compound);
  return Math.max(inRow, closed);
}

function keywordReasons(keywords: readonly KeywordIds[], title: FieldTerms, abstract: FieldTerms, reasons: Reason[]): void {
  for (const keyword of keywords) {
    const inTitle = keywordCount(keyword, title);
    const inAbstract = keywordCount(keyword, abstract);
    if (inTitle === 0 && inAbstract === 0) continue;
    const points = (inTitle > 0 ? KEYWORD_TITLE_POINTS : 0) + (inAbstract > 0 ? KEYWORD_ABSTRACT_POINTS * saturate(inAbstract) : 0);
    reasons.push({ kind: 'keyword', keyword: keyword.keyword.text, field: inTitle > 0 ? 'title' : 'abstract', points });
  }
}

/**
 * A name can only be a watched or library author if its folded family name is in the profile. For a name of
 * ASCII characters that family is one whole chunk of the name (a piece between spaces and commas) with its words
 * lower-cased and joined (parseAuthorName), so names where no chunk, squashed to its letters and digits, hashes
 * like a profile family are skipped unparsed: nearly every name on a page. Other names are always parsed, and so
 * is a name whose chunk only shares a family's hash (the parse then decides).
 */
export class FamilyFilter {
  private readonly hashes: ReadonlySet<number>;

  constructor(families: Iterable<string>) {
    this.hashes = new Set(Array.from(families, hashString));
  }

  has(hash: number): boolean {
    return this.hashes.has(hash);
  }
}

/** Module-local copies for mayBeKnown's per-character loop (see TITLE_TERM_WEIGHT above). */
const FNV_OFFSET = SCAN_FNV_OFFSET;
const FNV_PRIME = SCAN_FNV_PRIME;

export function familyFilter(profile: Profile): FamilyFilter | undefined {
  const families = new Set([...profile.watchedAuthors.keys(), ...profile.libraryAuthors.keys()]);
  return families.size === 0 ? undefined : new FamilyFilter(families);
}

/**
 * Whether `author` may name someone of the profile's families. One pass over the chars, no strings: a listing
 * has ~5 names an entry, and lower-casing and squashing each with regexes cost more than all the rest of the
 * author check.
 */
export function mayBeKnown(author: string, families: FamilyFilter): boolean {
  let hash = FNV_OFFSET;
  let length = 0;
  for (let i = 0; i <= author.length; i++) {
    // A space at the end closes the last chunk.
    let c = i < author.length ? author.charCodeAt(i) : 32;
    if (c >= 0x80) return true;
    if (c === 32 || c === 44 || (c >= 9 && c <= 13)) {
      if (length > 0 && families.has(hash)) return true;
      hash = FNV_OFFSET;
      length = 0;
    } else {
      if (c >= 65 && c <= 90) c += 32;
      // Anything else (`.`, `-`, `'`) is squashed out, as parseAuthorName leaves it out of the family.
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        hash = Math.imul(hash ^ c, FNV_PRIME);
        length++;
      }
    }
  }
  return false;
}

function authorReasons(profile: Profile, families: FamilyFilter | undefined, authors: readonly string[], reasons: Reason[]): void {
  if (!families) return;
  const watchedFound = new Set<string>();
  const libraryFound: Reason[] = [];
  for (const author of authors) {
    if (!mayBeKnown(author, families)) continue;
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
  const { terms } = profile;
  terms.beginCall(true);
  return entries.map((e) => {
    titleTerms.reset();
    abstractTerms.reset();
    terms.scanField(e.title, titleTerms, false, false);
    terms.scanField(e.abstract ?? '', abstractTerms, false, false);
    return nearest.nearest(titleTerms, abstractTerms)?.cosine ?? 0;
  });
}

/** Math.log(1 + n) for the counts an entry has, looked up (the same numbers: Math.log is deterministic). */
const LOG_ONE_PLUS = Float64Array.from({ length: 256 }, (_, n) => Math.log(1 + n));

function logOnePlus(count: number): number {
  // Counts are whole while TITLE_TERM_WEIGHT is; any other number takes the long way.
  return count < LOG_ONE_PLUS.length && (count | 0) === count ? LOG_ONE_PLUS[count]! : Math.log(1 + count);
}

/** An entry's nearest library paper by cosine, through the profile's posting lists by term id. */
class NearestPaper {
  /** Dot products by paper over the walked (not common) terms. */
  private readonly dot: Float64Array;
  /** The entry's common terms (by their number) and weights, and the most they can add to any paper. */
  private commonTerms = new Int32Array(64);
  private commonWeights = new Float64Array(64);
  private commonCount = 0;
  private commonBound = 0;

  constructor(private readonly library: LibraryModel) {
    this.dot = new Float64Array(library.papers.length);
  }

  /**
   * The library paper (by number) with the highest cosine, or undefined when no term is shared or (with
   * `minCosine`) when none reaches it.
   *
   * Exact, without walking the common terms' long posting lists (MaxScore, for one best paper): they can add
   * at most `commonBound` to any paper, so only a paper whose walked dot product plus that bound reaches the
   * best complete one found so far can be nearest, and only those few get their common terms added (from the
   * dense rows). The same paper and cosine as walking everything (to the last bits: the sum is taken in another
   * order); ties still go to the paper listed first.
   */
  nearest(title: FieldTerms, abstract: FieldTerms, minCosine = 0): { paper: number; cosine: number } | undefined {
    this.commonCount = 0;
    this.commonBound = 0;
    let squares = 0;
    // Title words count TITLE_TERM_WEIGHT times, as in the saved papers' vectors (buildLibraryModel).
    const titleOrder = title.order;
    for (let k = 0; k < title.distinct; k++) {
      const id = titleOrder[k]!;
      squares += this.add(id, TITLE_TERM_WEIGHT * title.counts[id]! + abstract.count(id));
    }
    const abstractOrder = abstract.order;
    for (let k = 0; k < abstract.distinct; k++) {
      const id = abstractOrder[k]!;
      if (title.count(id) === 0) squares += this.add(id, abstract.counts[id]!);
    }
    const { dot } = this;
    if (dot.length === 0) return undefined;
    // The paper ahead on the walked terms (the first, on a tie), completed: the bar for every other paper.
    let best = 0;
    for (let paper = 1; paper < dot.length; paper++) if (dot[paper]! > dot[best]!) best = paper;
    let bestDot = dot[best]! + this.common(best);
    if (this.commonCount > 0) {
      const floor = minCosine * Math.sqrt(squares);
      const bound = this.commonBound;
      for (let paper = 0; paper < dot.length; paper++) {
        const most = dot[paper]! + bound;
        // Rounding is monotone, so the completed sum never exceeds `most`: a paper under the bar cannot win.
        if (paper === best || most < bestDot || most < floor) continue;
        const d = dot[paper]! + this.common(paper);
        if (d > bestDot || (d === bestDot && paper < best)) {
          bestDot = d;
          best = paper;
        }
      }
    }
    dot.fill(0);
    if (bestDot <= 0 || squares === 0 || bestDot < minCosine * Math.sqrt(squares)) return undefined;
    return { paper: best, cosine: bestDot / Math.sqrt(squares) };
  }

  /** What the entry's common terms add to a paper's dot product (in the order the bound summed them). */
  private common(paper: number): number {
    const { commonWeight } = this.library;
    const papers = this.dot.length;
    let sum = 0;
    for (let k = 0; k < this.commonCount; k++) sum += this.commonWeights[k]! * commonWeight[this.commonTerms[k]! * papers + paper]!;
    return sum;
  }

  /**
   * Adds a term's postings to the dot products, or a common term to the entry's list; returns its squared
   * weight, for the entry's norm.
   */
  private add(id: number, count: number): number {
    const { idf, postingStart, postingPaper, postingWeight, commonIndex } = this.library;
    // A term no saved paper holds (a keyword's, or one only this page has) only counts in the norm.
    const known = id < idf.length;
    const weight = logOnePlus(count) * (known ? idf[id]! : this.library.unseenIdf);
    if (!known) return weight * weight;
    const c = commonIndex[id]!;
    if (c >= 0) {
      const k = this.commonCount++;
      if (k === this.commonTerms.length) this.growCommon();
      this.commonTerms[k] = c;
      this.commonWeights[k] = weight;
      this.commonBound += weight * this.library.commonMax[c]!;
      return weight * weight;
    }
    const dot = this.dot;
    const end = postingStart[id + 1]!;
    for (let i = postingStart[id]!; i < end; i++) {
      const paper = postingPaper[i]!;
      dot[paper] = dot[paper]! + weight * postingWeight[i]!;
    }
    return weight * weight;
  }

  private growCommon(): void {
    const terms = new Int32Array(this.commonTerms.length * 2);
    terms.set(this.commonTerms);
    this.commonTerms = terms;
    const weights = new Float64Array(this.commonWeights.length * 2);
    weights.set(this.commonWeights);
    this.commonWeights = weights;
  }

  reason(title: FieldTerms, abstract: FieldTerms): Reason | undefined {
    const nearest = this.nearest(title, abstract, SIMILAR_REASON_SHARE * HIGHLIGHT_SCORE * SIMILARITY_THRESHOLD);
    if (!nearest) return undefined;
    const points = nearest.cosine / SIMILARITY_THRESHOLD;
    if (points < SIMILAR_REASON_SHARE * HIGHLIGHT_SCORE) return undefined;
    const paper = this.library.papers[nearest.paper]!;
    const similarity = Math.round(nearest.cosine * 1000) / 1000;
    return { kind: 'similar', paperId: paper.id, title: paper.title, similarity, starter: this.library.starter, points };
  }
}
