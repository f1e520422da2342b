/**
 * The shapes of the bundled corpus. Shared by the seed parser (build time), the Dexie module (load time) and the
 * search index. Optional fields are absent, never `null`, so the asset stays compact.
 */

/** A calendar date as the seed page gave it: Hugging Face omits the year for the current year, so it may be missing. */
export interface PaperDate {
  /** Four-digit year, only when the page wrote it. We never invent one. */
  year?: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** Where an entry was read: seed file name and 1-based line of its title. */
export interface SeedSource {
  file: string;
  line: number;
}

export interface CorpusPaper {
  /** Stable id derived from the normalised title (`c-` + 12 hex digits), the same across corpus versions. */
  id: string;
  title: string;
  /** Empty when the seed gave a title without an abstract (a warning says so). */
  abstract: string;
  /** Author names, when the source gave them (the seed pages only give a count). */
  authors?: string[];
  authorCount?: number;
  published?: PaperDate;
  upvotes?: number;
  /** Code, project and data links found in the abstract, in order of appearance, deduplicated. */
  links?: string[];
  /** Every seed entry merged into this paper (duplicates across or within files). */
  sources: SeedSource[];
}

export interface ParseWarning {
  file: string;
  line: number;
  message: string;
}

/** The result of parsing one or more seed files. Never thrown: bad input yields warnings. */
export interface CorpusParseResult {
  papers: CorpusPaper[];
  warnings: ParseWarning[];
  /** Title+abstract entries read, before duplicates were merged. */
  entries: number;
  /** Entries folded into an earlier paper with the same normalised title. */
  duplicatesMerged: number;
}

/** The compact asset the build writes (`corpus.json`) and the background loads. */
export interface CorpusAsset {
  /** Content hash of `papers` (16 hex digits of SHA-256): the corpus version. */
  version: string;
  count: number;
  papers: CorpusPaper[];
}
