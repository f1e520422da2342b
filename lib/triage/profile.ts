/**
 * Interests + saved papers → a Profile: everything scoring a page needs, computed once per change of either.
 *
 * "Like my library" is nearest-neighbour TF-IDF: each saved paper becomes a unit vector over the search core's
 * index terms (title words count three times, as FIELD_BOOST weighs a title hit against an abstract hit; each
 * count damped by log(1 + tf) and weighted by BM25's idf, the same recipe as PaperIndex.related), and an entry
 * is as similar as its nearest saved paper. Nearest rather than a centroid: a library holding two topics has a
 * centroid resembling neither, while the nearest paper is also the reason shown ("resembles X").
 *
 * Rarity (idf) is counted over the saved papers plus the bundled corpus when the caller passes it: a library of
 * three papers cannot tell on its own that `model` and `propose` are everywhere.
 */
import { ABSTRACT, TITLE } from '../search/postings';
import { FIELD_BOOST, idf } from '../search/rank';
import { parseAuthorName, type AuthorName } from './authors';
import { compileKeyword, type CompiledKeyword } from './keywords';
import { FieldTerms, ProfileTerms } from './scan';
import type { Interests, ProfilePaper } from './types';

/** How many times a title word counts against an abstract word, from the search ranking. */
export const TITLE_TERM_WEIGHT = FIELD_BOOST[TITLE]! / FIELD_BOOST[ABSTRACT]!;
/** A saved paper's author counts as a library author once this many saved papers carry the name. @default 2 */
export const LIBRARY_AUTHOR_MIN_PAPERS = 2;
/**
 * A term on this share of the saved papers is common (LibraryModel.commonIndex). Chosen on the triage bench
 * (500 papers, 1,000 entries), postings walked + common weights read for candidates, per entry: everything
 * walked 3,640; 0.1: 721 + 8,592; 0.15: 1,229 + 1,176; **0.2: 1,701 + 66**; 0.3: 2,484 + 3. @default 0.2
 */
const COMMON_SHARE = 0.2;
/** …and on at least this many: a small library walks every list (they are short). @default 32 */
const COMMON_MIN_PAPERS = 32;
/** Terms listed as the library's distinctive ones (for a "your library is about …" line). @default 20 */
const DISTINCTIVE_TERM_COUNT = 20;

export interface ProfileOptions {
  /**
   * The bundled corpus. Its papers join the saved ones when counting how rare a term is, and while the reader
   * has saved nothing they stand in as a starter library (reasons then say `starter: true`).
   */
  corpus?: readonly ProfilePaper[];
}

export interface WatchedAuthor {
  /** As the reader typed it. */
  text: string;
  name: AuthorName;
}

export interface LibraryAuthor {
  name: AuthorName;
  savedPapers: number;
}

/**
 * The saved papers' unit vectors, read by term: term `id`'s postings are `postingPaper` / `postingWeight` from
 * `postingStart[id]` to `postingStart[id + 1]` (weights already divided by each paper's norm). Flat arrays rather
 * than an object per term: an entry touches ~150 terms, and one object plus two typed arrays per term, scattered
 * over the heap, cost more in cache misses than the multiply-adds themselves (the library-only profile on the bench page, same
 * run: 50 → 40 ms).
 */
export interface LibraryModel {
  papers: readonly { id: string; title: string }[];
  /**
   * Every term seen in the saved papers or the corpus (each paper counted once, by id), in id order: ProfileTerms
   * gives them ids 0, 1, … in this order. A term only the corpus holds has no postings; it still counts in an
   * entry's norm.
   */
  terms: readonly string[];
  /** idf by term id. */
  idf: Float64Array;
  /** Where each term's postings start; one more entry than terms, the last being the total. */
  postingStart: Int32Array;
  postingPaper: Int32Array;
  postingWeight: Float32Array;
  /**
   * Common terms (on COMMON_SHARE of the papers, and at least COMMON_MIN_PAPERS): their number by term id, -1
   * for the others. Their long posting lists are most of an entry's multiply-adds, so NearestPaper bounds them
   * rather than walking them (see there).
   */
  commonIndex: Int32Array;
  /** A common term's heaviest weight, by its number. */
  commonMax: Float64Array;
  /** Common terms' weights as rows by number, one column per paper (0 where the paper lacks the term). */
  commonWeight: Float32Array;
  /** idf of a term no counted paper holds. */
  unseenIdf: number;
  /** The papers are the bundled corpus, standing in for an empty library. */
  starter: boolean;
}

export interface Profile {
  keywords: readonly CompiledKeyword[];
  /** Watched authors by folded family name, so an entry's author is looked up, not compared with every name. */
  watchedAuthors: ReadonlyMap<string, readonly WatchedAuthor[]>;
  /** Names on at least LIBRARY_AUTHOR_MIN_PAPERS saved papers, by folded family name. */
  libraryAuthors: ReadonlyMap<string, readonly LibraryAuthor[]>;
  /** Absent when `likeMyLibrary` is off or there is nothing to learn from. */
  library?: LibraryModel;
  /** The library's heaviest terms (centroid of its vectors), heaviest first. */
  distinctiveTerms: readonly string[];
  /** Interests that were set aside, each saying why (`triage: keyword "the" …`). */
  warnings: readonly string[];
  /** The library's terms, the keywords' terms and the stop words with ids, and the scanner that reads entries. */
  terms: ProfileTerms;
}

/** A profile that can highlight nothing: no keyword, no author, no library. */
export function isEmptyProfile(profile: Profile): boolean {
  return profile.keywords.length === 0 && profile.watchedAuthors.size === 0 && profile.libraryAuthors.size === 0 && !profile.library;
}

export function buildProfile(interests: Interests, libraryPapers: readonly ProfilePaper[], options: ProfileOptions = {}): Profile {
  const warnings: string[] = [];
  const keywords: CompiledKeyword[] = [];
  const seenKeywords = new Set<string>();
  for (const text of interests.keywords) {
    const keyword = compileKeyword(text);
    if (!keyword) {
      if (text.trim()) warnings.push(`triage: keyword "${text}" holds only common words (the, of, …); add a more specific word`);
      continue;
    }
    const key = keyword.sequence.join(' ');
    if (seenKeywords.has(key)) continue;
    seenKeywords.add(key);
    keywords.push(keyword);
  }

  const watchedAuthors = new Map<string, WatchedAuthor[]>();
  for (const text of interests.authors) {
    const name = parseAuthorName(text);
    if (!name) {
      if (text.trim()) warnings.push(`triage: author "${text}" holds no name; type it as "Jane Smith" or "Smith, J."`);
      continue;
    }
    const list = watchedAuthors.get(name.family) ?? [];
    list.push({ text, name });
    watchedAuthors.set(name.family, list);
  }

  let library: { model: LibraryModel; distinctiveTerms: string[] } | undefined;
  if (interests.likeMyLibrary) {
    const corpus = options.corpus ?? [];
    const starter = libraryPapers.length === 0;
    const learnFrom = starter ? corpus : libraryPapers;
    if (learnFrom.length > 0) library = buildLibraryModel(learnFrom, corpus, starter);
  }
  // The library's terms take ids 0, 1, … in LibraryModel.terms order; then the keywords' own.
  const keywordTerms = keywords.flatMap((k) => (k.compound === undefined ? k.sequence : [...k.sequence, k.compound]));
  const profile: Profile = {
    keywords,
    watchedAuthors,
    libraryAuthors: interests.likeMyLibrary ? libraryAuthorsOf(libraryPapers) : new Map(),
    distinctiveTerms: library?.distinctiveTerms ?? [],
    warnings,
    terms: new ProfileTerms([...(library?.model.terms ?? []), ...keywordTerms]),
  };
  if (library) profile.library = library.model;
  return profile;
}

/**
 * Full names (not initials: `J. Smith` on two papers may be two people) on at least LIBRARY_AUTHOR_MIN_PAPERS
 * saved papers. Counted per paper, so a name written twice on one paper counts once.
 */
function libraryAuthorsOf(papers: readonly ProfilePaper[]): Map<string, LibraryAuthor[]> {
  const counts = new Map<string, LibraryAuthor>();
  for (const paper of papers) {
    const onThisPaper = new Set<string>();
    for (const raw of paper.authors ?? []) {
      const name = parseAuthorName(raw);
      if (!name || name.given.length < 2) continue;
      const key = `${name.family} ${name.given}`;
      if (onThisPaper.has(key)) continue;
      onThisPaper.add(key);
      const known = counts.get(key);
      if (known) known.savedPapers++;
      else counts.set(key, { name, savedPapers: 1 });
    }
  }
  const byFamily = new Map<string, LibraryAuthor[]>();
  for (const author of counts.values()) {
    if (author.savedPapers < LIBRARY_AUTHOR_MIN_PAPERS) continue;
    const list = byFamily.get(author.name.family) ?? [];
    list.push(author);
    byFamily.set(author.name.family, list);
  }
  return byFamily;
}

function buildLibraryModel(
  papers: readonly ProfilePaper[],
  corpus: readonly ProfilePaper[],
  starter: boolean,
): { model: LibraryModel; distinctiveTerms: string[] } {
  // The papers' terms through the listing scanner (the search analyzer's index terms, scan.test.ts) rather
  // than analyze() and a Map of strings per paper: the profile is rebuilt on every library write, and this
  // way takes a third of the time (npm run bench -- triage, build column). Term numbers are the scanner's:
  // first seen first, as a Map of all the papers' terms would iterate them.
  const scanner = new ProfileTerms([]);
  scanner.beginCall(true);
  const title = new FieldTerms();
  const abstract = new FieldTerms();
  let documentFrequency = new Int32Array(1024);
  // Each paper once, by id: a saved paper that is also a corpus paper must not count twice for rarity.
  const counted = new Set<string>();
  /**
   * A paper's index terms (scanner numbers) with their counts, title words counting TITLE_TERM_WEIGHT times;
   * the abstract's terms first, then the title's others.
   */
  const countDocument = (paper: ProfilePaper): { ids: number[]; counts: number[] } | undefined => {
    if (counted.has(paper.id)) return undefined;
    counted.add(paper.id);
    title.reset();
    abstract.reset();
    scanner.scanField(paper.abstract ?? '', abstract, false, false);
    scanner.scanField(paper.title, title, false, false);
    const ids: number[] = [];
    const counts: number[] = [];
    for (let k = 0; k < abstract.distinct; k++) {
      const id = abstract.order[k]!;
      ids.push(id);
      counts.push(abstract.counts[id]! + TITLE_TERM_WEIGHT * title.count(id));
    }
    for (let k = 0; k < title.distinct; k++) {
      const id = title.order[k]!;
      if (abstract.count(id) > 0) continue;
      ids.push(id);
      counts.push(TITLE_TERM_WEIGHT * title.counts[id]!);
    }
    if (scanner.termCount > documentFrequency.length) {
      const grown = new Int32Array(Math.max(scanner.termCount, documentFrequency.length * 2));
      grown.set(documentFrequency);
      documentFrequency = grown;
    }
    for (const id of ids) documentFrequency[id]!++;
    return { ids, counts };
  };
  const kept: { id: string; title: string }[] = [];
  const paperCounts: { ids: number[]; counts: number[] }[] = [];
  for (const paper of papers) {
    const counts = countDocument(paper);
    if (!counts || counts.ids.length === 0) continue;
    kept.push({ id: paper.id, title: paper.title });
    paperCounts.push(counts);
  }
  if (!starter) for (const paper of corpus) countDocument(paper);
  const docCount = counted.size;

  // Commonest first (the stable sort keeps first-seen order among equals): the terms most words of a listing
  // are get the lowest ids, so the scanner's table keeps their chars together in a few cache lines.
  // Every number with a paper: a stop word's too, when a word that is not one stems to it (`ours` → `our`).
  const order = Array.from({ length: scanner.termCount }, (_, k) => k)
    .filter((scanned) => documentFrequency[scanned]! > 0)
    .sort((a, b) => documentFrequency[b]! - documentFrequency[a]!);
  const termId = new Int32Array(scanner.termCount).fill(-1);
  order.forEach((scanned, id) => (termId[scanned] = id));
  const terms = order.map((scanned) => scanner.term(scanned));
  const termIdf = Float64Array.from(order, (scanned) => idf(documentFrequency[scanned]!, docCount));
  const unitVectors: { ids: number[]; units: number[] }[] = [];
  const postingCount = new Int32Array(terms.length + 1);
  const centroid = new Float64Array(terms.length);
  for (const { ids: scannedIds, counts } of paperCounts) {
    const ids = scannedIds.map((scanned) => termId[scanned]!);
    const weights = ids.map((id, k) => Math.log(1 + counts[k]!) * termIdf[id]!);
    let squares = 0;
    for (const weight of weights) squares += weight * weight;
    const norm = Math.sqrt(squares);
    // Whole vectors: pruning each to its heaviest 48 terms lowered cosines by 0.01–0.05 for little time.
    const units = weights.map((weight) => weight / norm);
    ids.forEach((id, k) => {
      postingCount[id]!++;
      centroid[id]! += units[k]!;
    });
    unitVectors.push({ ids, units });
  }
  // Counting sort into the flat arrays: each term's postings in paper order, as the papers were read.
  const postingStart = new Int32Array(terms.length + 1);
  for (let id = 0; id < terms.length; id++) postingStart[id + 1] = postingStart[id]! + postingCount[id]!;
  const next = postingStart.slice(0, terms.length);
  const postingPaper = new Int32Array(postingStart[terms.length]!);
  const postingWeight = new Float32Array(postingPaper.length);
  unitVectors.forEach(({ ids, units }, paper) => {
    for (let k = 0; k < ids.length; k++) {
      const at = next[ids[k]!]!++;
      postingPaper[at] = paper;
      postingWeight[at] = units[k]!;
    }
  });
  // Common terms: at most (postings / COMMON_MIN_PAPERS) of them, so the rows stay within 1 / COMMON_SHARE times
  // the postings' size.
  const paperCount = unitVectors.length;
  const commonAt = Math.max(COMMON_MIN_PAPERS, Math.ceil(COMMON_SHARE * paperCount));
  const commonIndex = new Int32Array(terms.length).fill(-1);
  let commonCount = 0;
  for (let id = 0; id < terms.length; id++) if (postingCount[id]! >= commonAt) commonIndex[id] = commonCount++;
  const commonMax = new Float64Array(commonCount);
  const commonWeight = new Float32Array(commonCount * paperCount);
  for (let id = 0; id < terms.length; id++) {
    const c = commonIndex[id]!;
    if (c < 0) continue;
    for (let at = postingStart[id]!; at < postingStart[id + 1]!; at++) {
      commonWeight[c * paperCount + postingPaper[at]!] = postingWeight[at]!;
      if (postingWeight[at]! > commonMax[c]!) commonMax[c] = postingWeight[at]!;
    }
  }
  const distinctiveTerms = Array.from(terms.keys())
    .sort((a, b) => centroid[b]! - centroid[a]! || (terms[a]! < terms[b]! ? -1 : 1))
    .slice(0, DISTINCTIVE_TERM_COUNT)
    .map((id) => terms[id]!);
  const model: LibraryModel = {
    papers: kept,
    terms,
    idf: termIdf,
    postingStart,
    postingPaper,
    postingWeight,
    commonIndex,
    commonMax,
    commonWeight,
    unseenIdf: idf(0, docCount),
    starter,
  };
  return { model, distinctiveTerms };
}
