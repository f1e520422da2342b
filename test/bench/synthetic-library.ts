/**
 * A large reading list for the benchmarks (library.bench.ts, page.bench.ts): LIBRARY_PAPERS saved papers with
 * arXiv ids, authors, an abstract, a tag, a list membership and a note each.
 */
import type { LibrarySnapshot } from '../../lib/formats/snapshot';
import { READING_LIST_ID } from '../../lib/library/types';

export const LIBRARY_PAPERS = 5_000;

/** Papers numbered from `offset` (two calls with offsets N apart share no paper). */
export function syntheticLibrary(offset: number, count = LIBRARY_PAPERS): LibrarySnapshot {
  const t = 1_700_000_000_000;
  const papers = Array.from({ length: count }, (_, i) => ({
    id: `arxiv:24${String(Math.floor((i + offset) / 10000) + 1).padStart(2, '0')}.${String((i + offset) % 10000).padStart(5, '0')}`,
    arxivId: `24${String(Math.floor((i + offset) / 10000) + 1).padStart(2, '0')}.${String((i + offset) % 10000).padStart(5, '0')}`,
    title: `Paper ${i + offset}: Efficient Methods for Problem ${(i * 7919) % 1000}`,
    authors: ['Ada Lovelace', `Author ${i}`],
    abstract: 'We study a problem and propose a method. '.repeat(20),
    year: 2015 + (i % 10),
    tags: [`t${i % 20}`],
    addedAt: t + i,
    updatedAt: t + i,
  }));
  return {
    papers,
    lists: [{ id: READING_LIST_ID, name: 'Reading list', createdAt: t, updatedAt: t }],
    memberships: papers.map((p) => ({ listId: READING_LIST_ID, paperId: p.id, addedAt: p.addedAt })),
    tags: Array.from({ length: 20 }, (_, i) => ({ name: `t${i}`, createdAt: t })),
    notes: papers.map((p, i) => ({ id: `n-${i + offset}`, paperId: p.id, text: `Note on ${p.title}: read section 3.`, createdAt: t, updatedAt: t })),
  };
}
