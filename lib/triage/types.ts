/**
 * Triage of a listing page (issue #7): which entries match the reader's interests, and why. `Interests` is what
 * the reader states and what gets stored with their data; a `Profile` is built from it (and from their saved
 * papers) whenever either changes; `scoreEntries` runs once per listing page.
 */

/** What the reader watches. Plain data: survives JSON and structured clone, so it can be stored and messaged. */
export interface Interests {
  /**
   * Words and phrases as typed (`diffusion`, `state space model`, `pre-training`). A keyword of several words
   * matches those words in a row; folding, plurals and hyphen compounds follow the search index.
   */
  keywords: string[];
  /** Author names as typed, in any usual form: `Smith, J.`, `J. Smith`, `John Smith`, `Smith, John`. */
  authors: string[];
  /**
   * Also highlight entries resembling the papers in the reader's lists (or, while there are none, the bundled
   * corpus). @default true
   */
  likeMyLibrary: boolean;
}

export const DEFAULT_INTERESTS: Readonly<Interests> = { keywords: [], authors: [], likeMyLibrary: true };

/** A paper the profile learns from: a saved paper or a corpus paper (both fit this shape as they are). */
export interface ProfilePaper {
  id: string;
  title: string;
  abstract?: string;
  authors?: string[];
}

/** One entry of a listing page, as a site adapter extracts it. */
export interface TriageEntry {
  title: string;
  authors?: string[];
  abstract?: string;
}

export type ReasonField = 'title' | 'abstract';

/** Why an entry scored. `points` is the reason's share of the score; a score of 1 is the highlight threshold. */
export type Reason =
  | {
      kind: 'keyword';
      /** The keyword as the reader typed it. */
      keyword: string;
      /** The strongest field it appeared in; abstract occurrences add to `points` either way. */
      field: ReasonField;
      points: number;
    }
  | {
      kind: 'author';
      /** The watched name as the reader typed it. */
      watched: string;
      /** The name as the entry wrote it. */
      author: string;
      points: number;
    }
  | {
      kind: 'library-author';
      /** The name as the entry wrote it. */
      author: string;
      /** Saved papers carrying the same name. */
      savedPapers: number;
      points: number;
    }
  | {
      kind: 'similar';
      /** The saved (or, for a starter profile, corpus) paper the entry most resembles. */
      paperId: string;
      title: string;
      /** Cosine similarity of TF-IDF vectors, 0..1, rounded to 3 decimals. */
      similarity: number;
      /** The paper is from the bundled corpus standing in for an empty library, not one the reader saved. */
      starter: boolean;
      points: number;
    };

export interface TriageResult {
  /** Sum of the reasons' points (0 when nothing matched); 1 or more clears the threshold. */
  score: number;
  /** Cleared the threshold and fits under the page's cap. */
  highlighted: boolean;
  /** Strongest first; ties in the order keywords, authors, library authors, similar, then as the reader listed them. */
  reasons: Reason[];
}
