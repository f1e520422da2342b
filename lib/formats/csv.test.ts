import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanMultiline } from './citation-record';
import { CSV_COLUMNS, exportCsv } from './csv';
import { snapshotArb } from './testing/arbitraries';
import { notesByPaper, type LibrarySnapshot } from './snapshot';

const library: LibrarySnapshot = {
  papers: [
    {
      id: 'arxiv:1706.03762',
      arxivId: '1706.03762',
      arxivVersion: 5,
      title: 'Attention, "quoted", Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      year: 2017,
      url: 'https://arxiv.org/abs/1706.03762',
      primaryClass: 'cs.CL',
      status: 'read',
      tags: ['nlp', 'transformers'],
      addedAt: Date.UTC(2024, 0, 2),
      updatedAt: 0,
    },
    { id: 'u-evil', title: '=HYPERLINK("http://evil.example")', tags: [], addedAt: 0, updatedAt: 0 },
  ],
  lists: [{ id: 'reading-list', name: 'Reading list', createdAt: 0, updatedAt: 0 }],
  memberships: [{ listId: 'reading-list', paperId: 'arxiv:1706.03762', addedAt: 0 }],
  tags: [],
  notes: [{ id: 'n', paperId: 'arxiv:1706.03762', text: 'line one\nline two, with a comma', createdAt: 0, updatedAt: 0 }],
};

describe('exportCsv', () => {
  it('writes RFC 4180: a header, CRLF line ends, quoted fields with commas, quotes or line breaks', () => {
    expect(exportCsv(library)).toBe(
      'title,authors,year,url,arxiv_id,doi,primary_class,status,tags,lists,notes,added_at,id\r\n' +
        '"Attention, ""quoted"", Is All You Need",Ashish Vaswani; Noam Shazeer,2017,https://arxiv.org/abs/1706.03762,1706.03762v5,,cs.CL,read,nlp; transformers,Reading list,"line one\nline two, with a comma",2024-01-02T00:00:00.000Z,arxiv:1706.03762\r\n' +
        `"'=HYPERLINK(""http://evil.example"")",,,,,,,,,,,1970-01-01T00:00:00.000Z,u-evil\r\n`,
    );
  });

  it('defuses a formula even in a cell with line breaks (papaparse\'s default pattern misses those)', () => {
    const csv = exportCsv({ ...library, notes: [{ ...library.notes[0]!, text: "=cmd|' /C calc'!A0\nsecond line" }] });
    expect(csv).toContain(`"'=cmd|' /C calc'!A0\nsecond line"`);
  });

  it('is read back cell for cell by an independent CSV parser (papaparse.parse)', () => {
    fc.assert(
      fc.property(snapshotArb({ uniqueArxiv: false }, 4), (snapshot) => {
        const parsed = Papa.parse<string[]>(exportCsv(snapshot), { newline: '\r\n', skipEmptyLines: true });
        expect(parsed.errors).toEqual([]);
        const [header, ...rows] = parsed.data;
        expect(header).toEqual([...CSV_COLUMNS]);
        expect(rows).toHaveLength(snapshot.papers.length);
        const notes = notesByPaper(snapshot.notes);
        // A cell that a spreadsheet would run as a formula is prefixed with ' (and only such a cell).
        const defused = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
        rows.forEach((row, i) => {
          const p = snapshot.papers[i]!;
          const cell = (column: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(column)];
          expect(cell('title')).toBe(defused(cleanLine(p.title)));
          expect(cell('authors')).toBe(defused((p.authors ?? []).map(cleanLine).join('; ')));
          expect(cell('notes')).toBe(
            defused(
              (notes.get(p.id) ?? [])
                .map((n) => cleanMultiline(n.text))
                .filter((t) => t)
                .join('\n\n'),
            ),
          );
          expect(cell('id')).toBe(p.id);
        });
      }),
      { numRuns: 150 },
    );
  });
});
