/**
 * Interests as stored and edited: cleaned once on the way in (trimmed, empty entries dropped, duplicates by
 * folded form dropped, bounded), so the options page, the page panel, a backup import and the background all hold
 * the same shape. Pure: no storage here (lib/browser/interests.ts writes them through the library's write path).
 */
import { parseAuthorName } from './authors';
import { DEFAULT_INTERESTS, type Interests } from './types';

/** Most keywords or authors kept: more is a typo loop or a hostile page, not a reader. @default 200 */
export const MAX_INTERESTS = 200;
/** Longest keyword or author name kept. @default 200 */
export const MAX_INTEREST_LENGTH = 200;

/** Case, accents and spacing aside, so `Diffusion` and ` diffusion ` are one keyword. */
const foldKey = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** Authors are the same entry when they parse to the same family and given name (`Smith, John` = `John Smith`). */
const authorKey = (text: string) => {
  const name = parseAuthorName(text);
  return name ? `${name.family}|${name.given}` : foldKey(text);
};

function cleanList(items: readonly string[], key: (text: string) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of items) {
    const text = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_INTEREST_LENGTH);
    if (!text) continue;
    const k = key(text);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(text);
    if (out.length >= MAX_INTERESTS) break;
  }
  return out;
}

/** Interests cleaned as described above; anything missing takes its default. */
export function normalizeInterests(interests: Partial<Interests> | undefined): Interests {
  return {
    keywords: cleanList(interests?.keywords ?? DEFAULT_INTERESTS.keywords, foldKey),
    authors: cleanList(interests?.authors ?? DEFAULT_INTERESTS.authors, authorKey),
    likeMyLibrary: interests?.likeMyLibrary ?? DEFAULT_INTERESTS.likeMyLibrary,
  };
}

/**
 * A backup's interests restored into the reader's current ones: nothing the reader watches is dropped (keywords
 * and authors are the union, current ones first), and "like my library" takes the backup's setting, as every
 * other restored field does.
 */
export function mergeInterests(current: Interests, incoming: Interests): Interests {
  return normalizeInterests({
    keywords: [...current.keywords, ...incoming.keywords],
    authors: [...current.authors, ...incoming.authors],
    likeMyLibrary: incoming.likeMyLibrary,
  });
}

/** Whether two cleaned interests say the same thing (an import that adds nothing writes nothing). */
export function sameInterests(a: Interests, b: Interests): boolean {
  return a.likeMyLibrary === b.likeMyLibrary && a.keywords.join('\n') === b.keywords.join('\n') && a.authors.join('\n') === b.authors.join('\n');
}
