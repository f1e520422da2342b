/**
 * Author names in the forms listings and readers write them: `Smith, J.`, `J. Smith`, `John Smith`,
 * `Smith, John`, `Smith J` (PubMed), with or without accents. Two names are the same person when their family
 * names are equal after folding and their first given names agree: equal when both are spelled out, the same
 * initial when either is an initial. So `J. Smith` meets `John Smith` and `Jane Smith` (an initial cannot tell
 * them apart) but not `Jane Smyth`, and `John Smith` does not meet `Jane Smith`. Middle names are ignored:
 * listings drop them as often as they write them.
 *
 * Words and folding come from the search core (analyze's word spans, foldWord), so `Jürgen` meets `Jurgen` here
 * exactly as it does in a search; names are not stemmed (`Williams` is not a plural).
 */
import { foldWord } from '../search/fold';
import { analyze, WORD } from '../search/tokenize';

export interface AuthorName {
  /** The folded family name; for several words (`van der Maaten`), the last one, hyphen parts joined. */
  family: string;
  /** The first given name folded (`john`, or `j` for an initial); empty when the name has none. */
  given: string;
}

/** Generational suffixes dropped from the end of a name (`John Smith Jr.`, `Smith, John, III`). */
const SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** `Smith J`, `Smith JH`: a trailing run of capitals is initials, the PubMed order. */
const TRAILING_INITIALS = /^\p{Lu}{1,3}\.?$/u;

/** The folded words of `text`, split as the search index splits text (apostrophes inside words dropped). */
function foldedWords(text: string): string[] {
  const words: string[] = [];
  analyze(text, (_term, kind, start, end) => {
    if (kind !== WORD) return;
    const folded = foldWord(text.slice(start, end).replace(/['\u2019]/g, ''));
    if (folded) words.push(folded);
  });
  return words;
}

function chunksWithoutSuffixes(text: string): string[] {
  const chunks = text.split(/\s+/).filter((c) => foldedWords(c).length > 0);
  while (chunks.length > 1 && SUFFIXES.has(foldedWords(chunks[chunks.length - 1]!).join(''))) chunks.pop();
  return chunks;
}

/** Reads a name in any of the forms above; undefined when it holds no word. */
export function parseAuthorName(raw: string): AuthorName | undefined {
  const comma = raw.indexOf(',');
  if (comma >= 0) {
    const givenWords = foldedWords(raw.slice(comma + 1)).filter((w) => !SUFFIXES.has(w));
    const familyChunks = chunksWithoutSuffixes(raw.slice(0, comma));
    // `John Smith, Jr.` is a plain name with a suffix, not `Jr., John Smith`.
    if (givenWords.length > 0 && familyChunks.length > 0) return nameOf(familyChunks[familyChunks.length - 1]!, givenWords[0]!);
    if (familyChunks.length === 0) return undefined;
    return parsePlain(familyChunks);
  }
  const chunks = chunksWithoutSuffixes(raw);
  return chunks.length === 0 ? undefined : parsePlain(chunks);
}

function parsePlain(chunks: string[]): AuthorName {
  const last = chunks[chunks.length - 1]!;
  if (chunks.length >= 2 && TRAILING_INITIALS.test(last) && !TRAILING_INITIALS.test(chunks[0]!)) {
    return nameOf(chunks[chunks.length - 2]!, foldedWords(last)[0]!.slice(0, 1));
  }
  const given = chunks.length >= 2 ? (foldedWords(chunks[0]!)[0] ?? '') : '';
  return nameOf(last, given);
}

function nameOf(familyChunk: string, given: string): AuthorName {
  return { family: foldedWords(familyChunk).join(''), given };
}

/** Whether two parsed names can be the same person (see the module comment). */
export function sameAuthor(a: AuthorName, b: AuthorName): boolean {
  if (a.family !== b.family) return false;
  if (!a.given || !b.given) return true;
  if (a.given.length === 1 || b.given.length === 1) return a.given[0] === b.given[0];
  return a.given === b.given;
}

/** Whether two names as written can be the same person. */
export function authorsMatch(a: string, b: string): boolean {
  const x = parseAuthorName(a);
  const y = parseAuthorName(b);
  return x !== undefined && y !== undefined && sameAuthor(x, y);
}
