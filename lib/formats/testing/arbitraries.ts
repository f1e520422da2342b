/**
 * fast-check generators shared by the format tests: hostile text (TeX and JSON specials, Markdown, Unicode,
 * line breaks, 10,000-character notes) and whole consistent library snapshots. Test support only.
 */
import fc from 'fast-check';
import { normalizeTag, READING_LIST_ID, READING_STATUSES, type ListMembership, type Note, type PaperList, type Tag } from '../../library/types';
import { cleanLine } from '../citation-record';
import type { FormatPaper, LibrarySnapshot } from '../snapshot';

/** Pieces that break naive escaping somewhere: TeX specials, ligatures, markup, quotes, whitespace, Unicode. */
const HOSTILE_PIECES = [
  '{', '}', '\\', '%', '&', '$', '#', '_', '~', '^', '"', "'", '`', '<', '>', '|', '-', '--', '---', "''", '``',
  ',,', '!`', '@', '@misc{x,', '\\par', '\\\\', '$x^2$', '{\\"u}', '\\textit{x}', '<i>', '</i>', '<br>', '<p>',
  '&amp;', '\n', '\n\n', '\r\n', '\t', ' ', '   ', '\u00a0', '\u2028', '\ufeff', 'é', 'e\u0301', 'ı', 'ß', 'Ł',
  '日本語', 'עברית', '😀', '👩‍🔬', 'a', 'Z', 'and', ' and ', 'others', '0', '42', '[', ']', '(', ')', '*', '=',
  'TY  - JOUR', 'ER  - ', '",', '\\u0000', '%20',
];

/** Short text mixing hostile pieces with arbitrary Unicode (including lone surrogates and controls). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...HOSTILE_PIECES), { maxLength: 12 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 24 }) },
);

/** A 10,000-character note built from hostile text, so the big-input paths see the same characters. */
export const longNoteText: fc.Arbitrary<string> = hostileText.map((t) => {
  const unit = `${t}\n  indented line with a tab\there and 50% {braces}\n`;
  return unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000);
});

export const noteText: fc.Arbitrary<string> = fc.oneof({ weight: 9, arbitrary: hostileText }, { weight: 1, arbitrary: longNoteText });

// Titles with something visible in them: the app never saves a title of only spaces or control characters.
const titleText = hostileText.filter((t) => cleanLine(t).length > 0);
const tagName = fc
  .oneof(fc.constantFrom('transformers', 'diffusion-models', 'rl', 'to_read', 'c++', 'a/b', 'v1.2'), hostileText)
  .map(normalizeTag)
  .filter((t) => t.length > 0);
const time = fc.integer({ min: 0, max: 4_102_444_800_000 }); // up to 2100
const arxivNumber = fc.tuple(fc.integer({ min: 7, max: 26 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 99_999 }));
const doi = fc
  .tuple(fc.integer({ min: 1000, max: 99_999 }), fc.stringMatching(/^[A-Za-z0-9._;()/:-]{1,20}$/))
  .map(([registrant, suffix]) => `10.${registrant}/${suffix}`);

export interface PaperShape {
  /** Give every paper a distinct arXiv id, so citation imports keep them apart (they dedupe on it). */
  uniqueArxiv: boolean;
}

function paperArb(index: number, shape: PaperShape): fc.Arbitrary<FormatPaper> {
  return fc
    .record(
      {
        title: titleText,
        authors: fc.array(hostileText, { maxLength: 4 }),
        abstract: noteText,
        url: fc.webUrl({ withQueryParameters: true, withFragments: true }),
        year: fc.integer({ min: 1900, max: 2100 }),
        arxiv: arxivNumber,
        arxivVersion: fc.integer({ min: 1, max: 12 }),
        primaryClass: fc.constantFrom('cs.LG', 'cs.CL', 'stat.ML', 'hep-th', 'math.GT'),
        doi,
        journal: fc.constantFrom('Nature', 'J. Mach. Learn. Res.', 'Transactions on {ML} & AI — 100%'),
        corpusId: fc.constant(`c-${index.toString(16).padStart(14, '0')}`),
        status: fc.constantFrom(...READING_STATUSES),
        statusAt: fc.dictionary(fc.constantFrom(...READING_STATUSES), time),
        tags: fc.uniqueArray(tagName, { maxLength: 4 }),
        addedAt: time,
        updatedAt: time,
      },
      { requiredKeys: ['title', 'tags', 'addedAt', 'updatedAt'] },
    )
    .map(({ arxiv, ...rest }) => {
      const paper: FormatPaper = { id: `p-${index}`, ...rest };
      if (shape.uniqueArxiv || arxiv) {
        // The index makes the number unique; the tuple only varies the shape (old vs new digit counts).
        const [yy, m] = arxiv ?? [17, 6];
        // Real ids only (lib/identity rejects the rest): new-style numbering began in 2007-04, with four digits
        // after the dot up to 2014 and five from 2015.
        const mm = yy === 7 && m < 4 ? m + 3 : m;
        const digits = yy >= 15 ? 5 : 4;
        paper.arxivId = `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}.${String(index).padStart(digits, '0')}`;
      } else {
        delete paper.arxivVersion;
      }
      return paper;
    });
}

/** A consistent library: unique ids, memberships and notes that point at real papers and lists, a Tag per tag. */
export function snapshotArb(shape: PaperShape = { uniqueArxiv: false }, maxPapers = 5): fc.Arbitrary<LibrarySnapshot> {
  return fc
    .integer({ min: 0, max: maxPapers })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => paperArb(i, shape))))
    .chain((papers) => {
      const paperIds = papers.map((p) => p.id);
      const lists: fc.Arbitrary<PaperList[]> = fc
        .array(fc.record({ name: titleText, createdAt: time, updatedAt: time }), { maxLength: 3 })
        .map((ls) => ls.map((l, i) => ({ id: i === 0 ? READING_LIST_ID : `l-${i}`, ...l })));
      const notes: fc.Arbitrary<Note[]> =
        paperIds.length === 0
          ? fc.constant([])
          : fc
              .array(fc.record({ paperId: fc.constantFrom(...paperIds), text: noteText, createdAt: time, updatedAt: time }), { maxLength: 6 })
              .map((ns) => ns.map((n, i) => ({ id: `n-${i}`, ...n })));
      return fc.tuple(fc.constant(papers), lists, notes);
    })
    .chain(([papers, lists, notes]) => {
      const pairs = lists.flatMap((l) => papers.map((p) => [l.id, p.id] as const));
      const memberships: fc.Arbitrary<ListMembership[]> =
        pairs.length === 0
          ? fc.constant([])
          : fc
              .uniqueArray(fc.constantFrom(...pairs), { maxLength: pairs.length, selector: ([l, p]) => `${l}\u0000${p}` })
              .chain((chosen) => fc.tuple(...chosen.map(([listId, paperId]) => time.map((addedAt) => ({ listId, paperId, addedAt })))));
      const usedTags = [...new Set(papers.flatMap((p) => p.tags))];
      const tags: fc.Arbitrary<Tag[]> = fc.tuple(...usedTags.map((name) => time.map((createdAt) => ({ name, createdAt }))));
      return fc.record({ papers: fc.constant(papers), lists: fc.constant(lists), memberships, tags, notes: fc.constant(notes) });
    });
}
