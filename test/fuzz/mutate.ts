/**
 * Mutation of real inputs for fuzzing: a seed (a real file, a real page, an export of a random library) with a few
 * edits a broken tool, a truncated download or a hostile file would make — inserted specials, deleted or repeated
 * spans, truncation, swapped lines. Mutated real input reaches deep into a parser; purely random text mostly
 * exercises its first branch.
 */
import fc from 'fast-check';

/** Characters and tokens that mean something to one of our parsers (BibTeX, RIS, JSON, CSV, HTML, seed text, queries). */
export const SPECIALS = [
  '{', '}', '@', '@string{', '@comment{', '"', "'", '\\', '\\"', '%', '#', '$', '&', ',', ';', ':', '=', '[', ']', '(', ')',
  '<', '>', '</', '<!--', '-->', '<script>', '<dd>', '</dl>', '<a href="/abs/', '/abs/2401.00001v', 'hep-th/9901001',
  'TY  - ', 'ER  - ', 'AU  - ', '  - ', '\n', '\n\n', '\r\n', '\r', '\t', ' ', '\u00a0', '\u2028', '\ufeff', '\u0000',
  '\ud800', '\udc00', '😀', 'e\u0301', '•', '·', ' authors', 'Subscribe', '1 day ago', 'Dec 3', '2024', '99999999999999999999',
  '-1', 'NaN', 'null', 'true', '{"', '":', '"format": "paperlight-backup"', 'tag:', 'list:"', 'year:', '..', 'is:saved', '-"',
  '\u201c', '\u201d', 'status:', '='.repeat(3), '+', '*', '?', '.*', '(?:', '\\u0000', '&amp;', '&#0;', '&#x10FFFF;',
];

type Edit =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'repeat'; at: number; length: number; times: number }
  | { op: 'truncate'; at: number }
  | { op: 'swapLines'; a: number; b: number };

const position = fc.nat({ max: 1_000_000 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      at: position,
      text: fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ unit: 'binary', maxLength: 16 }), fc.array(fc.constantFrom(...SPECIALS), { maxLength: 6 }).map((a) => a.join(''))),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at: position, length: fc.nat({ max: 300 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat' as const), at: position, length: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 2, max: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: position, b: position }) },
);

export function applyEdit(text: string, e: Edit): string {
  const at = text.length ? e.op === 'swapLines' ? 0 : e.at % (text.length + 1) : 0;
  switch (e.op) {
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'repeat':
      return text.slice(0, at) + text.slice(at, at + e.length).repeat(e.times) + text.slice(at + e.length);
    case 'truncate':
      return text.slice(0, at);
    case 'swapLines': {
      const lines = text.split('\n');
      const a = e.a % lines.length;
      const b = e.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
  }
}

/** A seed with 0–`maxEdits` edits applied. */
export function mutatedText(seed: fc.Arbitrary<string>, maxEdits = 6): fc.Arbitrary<string> {
  return fc.tuple(seed, fc.array(edit, { maxLength: maxEdits })).map(([text, edits]) => edits.reduce(applyEdit, text));
}

/** A window of `maxLines` lines from a long text, so each case stays small enough for 10,000 of them. */
export function windowOf(text: string, maxLines: number): fc.Arbitrary<string> {
  const lines = text.split('\n');
  return fc.nat({ max: Math.max(0, lines.length - 1) }).map((start) => lines.slice(start, start + maxLines).join('\n'));
}

/** Random text of every kind: specials strung together, Unicode, binary, with line breaks. */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...SPECIALS), { maxLength: 40 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ maxLength: 8 })), { maxLength: 60 }).map((a) => a.join('')),
);
