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
const INITIALS = /^\p{Lu}{1,3}$/u;
const SPACE = /\s/;

/** A whitespace-separated piece of a name (`van`, `Dupont-Moretti`, `J.-P.`) as folded words and as written. */
interface Chunk {
  words: string[];
  raw: string;
  /** The chunk comes after the name's first comma. */
  afterComma: boolean;
}

/**
 * The name's chunks in one pass of the search core's analyzer: its words (apostrophes inside dropped, `O'Brien`
 * → `obrien`), folded by foldWord but not stemmed. A page holds thousands of names, so this is one pass per name.
 */
function chunksOf(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const comma = text.indexOf(',');
  let previousEnd = -1;
  let current: Chunk | undefined;
  analyze(text, (_term, kind, start, end) => {
    if (kind !== WORD) return;
    const written = text.slice(start, end);
    const folded = foldWord(written.replace(/['\u2019]/g, ''));
    if (!folded) return;
    const afterComma = comma >= 0 && start > comma;
    const between = previousEnd < 0 ? '' : text.slice(previousEnd, start);
    if (!current || SPACE.test(between) || between.includes(',')) {
      current = { words: [], raw: '', afterComma };
      chunks.push(current);
    }
    current.words.push(folded);
    current.raw += written;
    previousEnd = end;
  });
  return chunks;
}

function isSuffix(chunk: Chunk): boolean {
  return SUFFIXES.has(chunk.words.join(''));
}

/** Reads a name in any of the forms above; undefined when it holds no word. */
export function parseAuthorName(raw: string): AuthorName | undefined {
  const chunks = chunksOf(raw);
  const given = chunks.filter((c) => c.afterComma && !isSuffix(c));
  const family = chunks.filter((c) => !c.afterComma);
  while (family.length > 1 && isSuffix(family[family.length - 1]!)) family.pop();
  if (family.length === 0) return undefined;
  const last = family[family.length - 1]!;
  // `Smith, J.`; but `John Smith, Jr.` (nothing left after the comma) is a plain name.
  if (given.length > 0) return { family: last.words.join(''), given: given[0]!.words[0]! };
  if (family.length === 1) return { family: last.words.join(''), given: '' };
  const first = family[0]!;
  if (INITIALS.test(last.raw) && !INITIALS.test(first.raw)) {
    return { family: family[family.length - 2]!.words.join(''), given: last.words[0]!.slice(0, 1) };
  }
  return { family: last.words.join(''), given: first.words[0]! };
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
