/**
 * The reader's interests (issue #7) on top of the Dexie module: one `meta` row, read and written here. Every write
 * goes through the library's `write`, so it is one transaction that bumps the user revision (the triage profile
 * and the backup follow it).
 */
import { normalizeInterests } from '../triage/interests';
import type { Interests } from '../triage/types';
import type { PaperlightDB } from './db';
import { savePaper, write, type PaperInput, type WriteResult } from './library';

export async function getInterests(db: PaperlightDB): Promise<Interests> {
  const row = await db.meta.get('interests');
  return normalizeInterests(row?.key === 'interests' ? row.interests : undefined);
}

/** Replaces the interests with `next` (cleaned: see normalizeInterests). */
export async function setInterests(db: PaperlightDB, next: Partial<Interests>): Promise<WriteResult & { interests: Interests }> {
  const interests = normalizeInterests(next);
  const result = await write(db, async () => {
    await db.meta.put({ key: 'interests', interests });
    return [];
  });
  return { ...result, interests };
}

/** "Watch this author" from a page: adds the name as the page wrote it (a name already watched is kept once). */
export async function watchAuthor(db: PaperlightDB, name: string): Promise<WriteResult & { interests: Interests }> {
  const current = await getInterests(db);
  return setInterests(db, { ...current, authors: [...current.authors, name] });
}

/**
 * "More like this paper" from a page: the paper joins the reader's library (Reading list), which is what "like my
 * library" learns from, and "like my library" is turned on if the reader had turned it off.
 */
export async function likePaper(db: PaperlightDB, paper: PaperInput): Promise<WriteResult & { interests: Interests; paperId: string }> {
  const saved = await savePaper(db, paper);
  const current = await getInterests(db);
  if (current.likeMyLibrary) return { ...saved, interests: current, paperId: saved.paper.id };
  const result = await setInterests(db, { ...current, likeMyLibrary: true });
  return { ...result, changed: saved.changed, paperId: saved.paper.id };
}
