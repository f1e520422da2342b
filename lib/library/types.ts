/**
 * The user's own data: what they saved, their lists, statuses, tags and notes. These tables are never touched by
 * a corpus load; every write goes through the background (see lib/browser/db.ts).
 */

import { dedupeKey, hashHex } from '../corpus/key';

export type ReadingStatus = 'to-read' | 'reading' | 'read';
export const READING_STATUSES: readonly ReadingStatus[] = ['to-read', 'reading', 'read'];

/** Sort order by status wherever lists are sorted: what is being read, then what is next, then the rest, read last. */
export function statusRank(status: ReadingStatus | undefined): number {
  return { reading: 0, 'to-read': 1, none: 2, read: 3 }[status ?? 'none'];
}

/** The status one key press further: none → to-read → reading → read → none. */
export function nextStatus(status: ReadingStatus | undefined): ReadingStatus | null {
  if (!status) return 'to-read';
  return READING_STATUSES[READING_STATUSES.indexOf(status) + 1] ?? null;
}

export interface SavedPaper {
  /** The paper key: a corpus id (`c-…`), `arxiv:<id>` for an arXiv paper not in the corpus, or `u-…` otherwise. */
  id: string;
  /** Set when the paper is (also) a corpus paper. */
  corpusId?: string;
  /** arXiv identifier without version, e.g. `2401.12345` or `hep-th/9901001`. */
  arxivId?: string;
  arxivVersion?: number;
  title: string;
  authors?: string[];
  abstract?: string;
  url?: string;
  year?: number;
  primaryClass?: string;
  doi?: string;
  /** Where it was published (journal or proceedings), as a citation file gave it. */
  journal?: string;
  status?: ReadingStatus;
  /** When each status was last set (ms since epoch). */
  statusAt?: Partial<Record<ReadingStatus, number>>;
  /** Normalised tag names (see normalizeTag). */
  tags: string[];
  addedAt: number;
  updatedAt: number;
}

export interface PaperList {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

/** The default list every profile has; it cannot be deleted. */
export const READING_LIST_ID = 'reading-list';

export interface ListMembership {
  listId: string;
  paperId: string;
  addedAt: number;
}

export interface Tag {
  /** Normalised: lower case, trimmed, inner whitespace as single hyphens. */
  name: string;
  createdAt: number;
}

export interface Note {
  id: string;
  paperId: string;
  /** Plain text, rendered as Markdown (never as HTML). */
  text: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * The key a paper is kept under, the same whether it is saved from a page or the popup or imported from a file:
 * its corpus id when it is a corpus paper, `arxiv:<id>` for any other arXiv paper, otherwise `u-` + a hash of its
 * DOI or, failing that, of its folded title — so saving and importing the same paper meet on one record.
 */
export function paperKeyFor(paper: { corpusId?: string; arxivId?: string; doi?: string; title: string }): string {
  if (paper.corpusId) return paper.corpusId;
  if (paper.arxivId) return `arxiv:${paper.arxivId}`;
  if (paper.doi) return `u-${hashHex(`doi:${paper.doi.toLowerCase()}`)}`;
  return `u-${hashHex(`title:${dedupeKey(paper.title)}`)}`;
}

/** Normalises a tag as typed: `"  Diffusion Models "` → `diffusion-models`. */
export function normalizeTag(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .trim()
    .replace(/^#+/, '')
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}\-_.+/]/gu, '')
    .slice(0, 64);
}
