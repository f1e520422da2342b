import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/shared';
import { exportBackup } from './backup';
import { exportBibtex } from './bibtex';
import { exportCslJson } from './csl-json';
import { detectFormat, planImport, type ImportPlan } from './import';
import { MAX_INPUT_BYTES } from './input';
import { applyImport } from './merge';
import { exportRis } from './ris';
import { emptySnapshot, type FormatPaper, type LibrarySnapshot } from './snapshot';

const NOW = 1_700_000_000_000;
const messyBib = readFileSync(`${REPO_ROOT}/test/fixtures/formats/messy.bib`, 'utf8');

function applied(existing: LibrarySnapshot, plan: ImportPlan): LibrarySnapshot {
  if (!plan.ok) throw new Error(plan.error.message);
  return applyImport(existing, plan.apply);
}

const paper = (fields: Partial<FormatPaper> & { id: string; title: string }): FormatPaper => ({ tags: [], addedAt: 10, updatedAt: 10, ...fields });

const profile: LibrarySnapshot = {
  papers: [
    paper({ id: 'arxiv:1706.03762', arxivId: '1706.03762', title: 'Attention Is All You Need', status: 'read', tags: ['nlp'] }),
    paper({ id: 'c-00000000000001', corpusId: 'c-00000000000001', title: 'Denoising Diffusion Probabilistic Models', tags: [] }),
  ],
  lists: [{ id: 'reading-list', name: 'Reading list', createdAt: 1, updatedAt: 1 }],
  memberships: [{ listId: 'reading-list', paperId: 'arxiv:1706.03762', addedAt: 11 }],
  tags: [{ name: 'nlp', createdAt: 1 }],
  notes: [{ id: 'n-mine', paperId: 'arxiv:1706.03762', text: 'my own note', createdAt: 12, updatedAt: 12 }],
};

describe('detectFormat', () => {
  it.each([
    ['{\n "format": "paperlight-backup", "version": 1}', 'backup'],
    ['{"version": 9, "papers": []}', 'backup'],
    ['[{"title": "x"}]', 'csl-json'],
    ['  {"title": "x", "type": "article"}', 'csl-json'],
    ['TY  - JOUR\nTI  - x\nER  - \n', 'ris'],
    ['% comment\n\n@misc{a, title={x}}', 'bibtex'],
    ['@STRING{x = "y"}\n@Article(a, title="x")', 'bibtex'],
    ['just some prose', undefined],
    ['', undefined],
  ])('%j is %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});

describe('planImport of citation files', () => {
  it('previews new and present papers and applies nothing by itself', () => {
    const before = structuredClone(profile);
    const plan = planImport(profile, messyBib, 'auto', { now: NOW });
    expect(plan).toMatchObject({ ok: true, preview: { format: 'bibtex', new: 5, present: 2, invalid: 0, duplicatesInInput: 0, notes: 2, warnings: [] } });
    expect(profile).toEqual(before);
  });

  it('matches present papers by arXiv id (from any field), by DOI, then by normalised title', () => {
    const plan = planImport(profile, messyBib, 'auto', { now: NOW });
    const after = applied(profile, plan);
    // Attention is matched by title (the .bib has no arXiv id for it), DDPM by title too; neither is duplicated.
    expect(after.papers.filter((p) => /attention is all you need/i.test(p.title))).toHaveLength(1);
    expect(after.papers.filter((p) => /denoising diffusion/i.test(p.title))).toHaveLength(1);
    // DDPM got the arXiv id from the .bib URL filled in; its corpus id and key stay.
    expect(after.papers.find((p) => p.id === 'c-00000000000001')).toMatchObject({ arxivId: '2006.11239', arxivVersion: 2, corpusId: 'c-00000000000001' });
  });

  it('puts a citation file\'s papers, new and present, into one list named after it; again adds nothing', () => {
    const plan = planImport(profile, messyBib, 'auto', { now: NOW, listName: 'thesis refs' });
    expect(plan).toMatchObject({ ok: true, preview: { new: 5, present: 2, list: 'thesis refs' } });
    const after = applied(profile, plan);
    const list = after.lists.find((l) => l.name === 'thesis refs')!;
    const members = after.memberships.filter((m) => m.listId === list.id).map((m) => m.paperId);
    expect(members).toHaveLength(7);
    // The present papers are in it under their library keys, not the file's.
    expect(members).toEqual(expect.arrayContaining(['arxiv:1706.03762', 'c-00000000000001']));
    expect(members.every((id) => after.papers.some((p) => p.id === id))).toBe(true);
    const again = applied(after, planImport(after, messyBib, 'auto', { now: NOW + 1, listName: 'Thesis refs' }));
    expect(again.lists).toHaveLength(after.lists.length);
    expect(again.memberships).toHaveLength(after.memberships.length);
  });

  it('keeps a citation the corpus holds under its corpus id, so a later save from a page meets it', () => {
    const corpusIdFor = (record: { title: string }) => (/^denoising diffusion probabilistic models$/i.test(record.title) ? 'c-00000000000001' : undefined);
    const after = applied(emptySnapshot(), planImport(emptySnapshot(), messyBib, 'auto', { now: NOW, corpusIdFor }));
    expect(after.papers.find((p) => /denoising diffusion/i.test(p.title))).toMatchObject({ id: 'c-00000000000001', corpusId: 'c-00000000000001', arxivId: '2006.11239' });
    // Its note follows it to that key; the papers the corpus does not hold keep their own keys.
    expect(after.notes.every((n) => after.papers.some((p) => p.id === n.paperId))).toBe(true);
    expect(after.papers.filter((p) => p.id.startsWith('c-'))).toHaveLength(1);
  });

  it('keeps the library\'s values over the file\'s, adds tags and notes', () => {
    const after = applied(profile, planImport(profile, messyBib, 'auto', { now: NOW }));
    const attention = after.papers.find((p) => p.id === 'arxiv:1706.03762')!;
    expect(attention).toMatchObject({ title: 'Attention Is All You Need', status: 'read', year: 2017, addedAt: 10, updatedAt: NOW });
    expect(after.notes.filter((n) => n.paperId === 'c-00000000000001').map((n) => n.text)).toEqual([
      'Read this first – 50% of the math is in the appendix',
      'Key idea: predict the noise, not the image.',
    ]);
    expect(after.tags.map((t) => t.name).sort()).toEqual(['deep-learning', 'nlp', 'optimisation', 'privacy', 'security', 'tex']);
  });

  it.each([
    ['BibTeX', messyBib],
    ['RIS', exportRis(applied(emptySnapshot(), planImport(emptySnapshot(), messyBib, 'bibtex', { now: NOW })))],
    ['CSL-JSON', exportCslJson(applied(emptySnapshot(), planImport(emptySnapshot(), messyBib, 'bibtex', { now: NOW })))],
  ])('importing the same %s file twice adds nothing', (_format, text) => {
    const once = applied(profile, planImport(profile, text, 'auto', { now: NOW }));
    const again = planImport(once, text, 'auto', { now: NOW + 1000 });
    expect(again).toMatchObject({ ok: true, preview: { new: 0, notes: 0 } });
    if (again.ok) expect(again.apply).toEqual(emptySnapshot());
  });

  it('counts a paper listed twice in one file once', () => {
    const twice = '@misc{a, title={Same Paper}, eprint={2401.00001}}\n@misc{b, title={Same paper!}, url={https://arxiv.org/abs/2401.00001v2}}';
    expect(planImport(emptySnapshot(), twice, 'auto', { now: NOW })).toMatchObject({ ok: true, preview: { new: 1, duplicatesInInput: 1 } });
  });

  it('finds a later entry by an arXiv id an earlier entry just gave a library paper', () => {
    const bib =
      '@misc{first, title={Denoising Diffusion Probabilistic Models}, eprint={2006.11239}}\n' +
      '@misc{second, title={DDPM (the same paper under a short title)}, url={https://arxiv.org/abs/2006.11239}}';
    expect(planImport(profile, bib, 'auto', { now: NOW })).toMatchObject({ ok: true, preview: { new: 0, present: 2 } });
  });

  it('keeps two papers with one title apart when their arXiv ids differ', () => {
    const plan = planImport(profile, '@misc{x, title={Attention Is All You Need}, eprint={2501.00002}}', 'auto', { now: NOW });
    expect(plan).toMatchObject({ ok: true, preview: { new: 1, present: 0 } });
  });
});

describe('restoring a backup into a profile that has data', () => {
  // The same library on another machine: edited later there, with its own note, list and tag.
  const other: LibrarySnapshot = {
    papers: [
      paper({ id: 'arxiv:1706.03762', arxivId: '1706.03762', title: 'Attention Is All You Need (v5)', year: 2017, tags: ['transformers'], status: 'reading', statusAt: { reading: 50 }, updatedAt: 50 }),
      paper({ id: 'c-00000000000001', title: 'Denoising Diffusion Probabilistic Models', abstract: 'older abstract', updatedAt: 5 }),
      paper({ id: 'u-new', title: 'A paper only the backup has' }),
    ],
    lists: [
      { id: 'l-elsewhere', name: ' reading LIST ', createdAt: 0, updatedAt: 60 },
      { id: 'l-weekend', name: 'Weekend', createdAt: 5, updatedAt: 5 },
    ],
    memberships: [
      { listId: 'l-elsewhere', paperId: 'u-new', addedAt: 20 },
      { listId: 'l-elsewhere', paperId: 'arxiv:1706.03762', addedAt: 5 },
      { listId: 'l-weekend', paperId: 'c-00000000000001', addedAt: 21 },
    ],
    tags: [{ name: 'transformers', createdAt: 2 }],
    notes: [
      { id: 'n-mine', paperId: 'arxiv:1706.03762', text: 'my own note, edited elsewhere', createdAt: 12, updatedAt: 70 },
      { id: 'n-theirs', paperId: 'arxiv:1706.03762', text: 'a second thought', createdAt: 30, updatedAt: 30 },
    ],
  };
  const plan = planImport(profile, exportBackup(other, { now: NOW }), 'auto', { now: NOW });
  const after = applied(profile, plan);

  it('previews the merge', () => {
    expect(plan).toMatchObject({ ok: true, preview: { format: 'backup', new: 1, present: 2, invalid: 0, notes: 2 } });
  });

  it('takes each field from the newer record and fills gaps from the older', () => {
    expect(after.papers.find((p) => p.id === 'arxiv:1706.03762')).toEqual(
      paper({
        id: 'arxiv:1706.03762',
        arxivId: '1706.03762',
        title: 'Attention Is All You Need (v5)',
        year: 2017,
        status: 'reading',
        statusAt: { reading: 50 },
        tags: ['nlp', 'transformers'],
        updatedAt: 50,
      }),
    );
    // Here the library's copy is newer (10 > 5), so its title stands, and the backup's abstract fills the gap.
    expect(after.papers.find((p) => p.id === 'c-00000000000001')).toMatchObject({ corpusId: 'c-00000000000001', abstract: 'older abstract', updatedAt: 10 });
  });

  it('keeps both versions of a note edited on both sides, and notes only one side has', () => {
    expect(after.notes.filter((n) => n.paperId === 'arxiv:1706.03762').map((n) => [n.id.replace(/-[0-9a-f]{8}$/, '-copy'), n.text])).toEqual([
      ['n-mine', 'my own note, edited elsewhere'],
      ['n-mine-copy', 'my own note'],
      ['n-theirs', 'a second thought'],
    ]);
  });

  it('merges lists by id, then by name, and unions memberships', () => {
    expect(after.lists.map((l) => l.id)).toEqual(['reading-list', 'l-weekend']);
    expect(after.lists[0]).toEqual({ id: 'reading-list', name: ' reading LIST ', createdAt: 0, updatedAt: 60 });
    expect(after.memberships.map((m) => `${m.listId} ${m.paperId}`).sort()).toEqual([
      'l-weekend c-00000000000001',
      'reading-list arxiv:1706.03762',
      'reading-list u-new',
    ]);
  });

  it('loses nothing from either side', () => {
    for (const p of [...profile.papers, ...other.papers]) expect(after.papers.some((q) => q.id === p.id)).toBe(true);
    for (const n of [...profile.notes, ...other.notes]) expect(after.notes.some((m) => m.text === n.text)).toBe(true);
    expect(after.tags.map((t) => t.name).sort()).toEqual(['nlp', 'transformers']);
  });
});

describe('a broken input anywhere applies nothing and names the entry and line', () => {
  const backup = exportBackup(profile, { now: NOW });
  const cases: [string, string | Uint8Array, Record<string, unknown>][] = [
    ['truncated backup JSON', backup.slice(0, backup.indexOf('"my own note"') + 4), { entry: 'notes[0]', message: expect.stringMatching(/truncated/) }],
    [
      'an unclosed brace mid-file',
      messyBib.replace('TITLE = {Denoising Diffusion Probabilistic Models},', 'TITLE = {Denoising Diffusion Probabilistic Models,'),
      { entry: 'Ho2020', line: 35, message: expect.stringMatching(/^bibtex: line 35: entry "Ho2020" could not be read/) },
    ],
    ['a backup of an unknown version', backup.replace('"version": 1', '"version": 7'), { line: 1, message: expect.stringMatching(/^backup: version 7 was written by a newer Paperlight/) }],
    ['CSL-JSON with one bad item', '[{"title": "ok"},\n {"title": 5}]', { entry: '[1]', line: 2, message: expect.stringMatching(/"title" must be a string/) }],
    ['RIS with a missing ER', 'TY  - JOUR\nTI  - fine\nER  - \nTY  - JOUR\nTI  - cut', { entry: '#2', line: 4 }],
    ['unknown text', 'hello', { message: expect.stringMatching(/^import: this is not a format Paperlight reads/) }],
  ];

  it.each(cases)('%s', (_name, input, error) => {
    const before = structuredClone(profile);
    const plan = planImport(profile, input, 'auto', { now: NOW });
    expect(plan).toEqual({ ok: false, error: expect.objectContaining(error) });
    expect(profile).toEqual(before);
  });

  it('refuses an input over 50 MB before parsing it', () => {
    // Valid BibTeX a parser would spend minutes on: the refusal must come from the size check alone.
    const entry = '@misc{k, title = {A title long enough to fill the file quickly}}\n';
    const huge = entry.repeat(Math.ceil((MAX_INPUT_BYTES + 1) / entry.length));
    const started = performance.now();
    const plan = planImport(profile, huge, 'auto', { now: NOW });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(plan).toEqual({
      ok: false,
      error: { message: 'import: the file is 50.0 MB, over the 50.0 MB limit; nothing was read. Split it (for example export one list at a time) and import the parts.' },
    });
    expect(planImport(profile, new Uint8Array(MAX_INPUT_BYTES + 1), 'auto')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/over the 50\.0 MB limit/) } });
  });

  it('counts bytes, not characters: 20 million three-byte characters are over the limit', () => {
    expect(planImport(profile, '€'.repeat(20_000_000), 'auto')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^import: the file is 57\.2 MB/) } });
  });
});

describe('encodings', () => {
  const expected = planImport(emptySnapshot(), messyBib, 'auto', { now: NOW });
  const utf16 = (text: string, bigEndian: boolean) => {
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      bytes[2 * i + (bigEndian ? 1 : 0)] = unit & 0xff;
      bytes[2 * i + (bigEndian ? 0 : 1)] = unit >> 8;
    }
    return bytes;
  };
  const concat = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      out.set(p, offset);
      offset += p.length;
    }
    return out;
  };

  it.each([
    ['UTF-8', new TextEncoder().encode(messyBib)],
    ['UTF-8 with BOM', concat(new Uint8Array([0xef, 0xbb, 0xbf]), new TextEncoder().encode(messyBib))],
    ['UTF-16 LE with BOM', concat(new Uint8Array([0xff, 0xfe]), utf16(messyBib, false))],
    ['UTF-16 BE with BOM', concat(new Uint8Array([0xfe, 0xff]), utf16(messyBib, true))],
    ['UTF-16 LE without BOM', utf16(messyBib, false)],
  ])('reads %s bytes like the text', (_name, bytes) => {
    expect(planImport(emptySnapshot(), bytes, 'auto', { now: NOW })).toEqual(expected);
  });

  it('reads a string that still starts with a BOM', () => {
    expect(planImport(emptySnapshot(), '\ufeff' + messyBib, 'auto', { now: NOW })).toEqual(expected);
  });

  it('reads an old Latin-1 .bib as Windows-1252', () => {
    const latin1 = Uint8Array.from('@misc{a, title = {Caf\xe9 \x96 na\xefve}}', (c) => c.charCodeAt(0));
    expect(planImport(emptySnapshot(), latin1, 'auto', { now: NOW })).toMatchObject({ ok: true });
    const after = applied(emptySnapshot(), planImport(emptySnapshot(), latin1, 'auto', { now: NOW }));
    expect(after.papers[0]!.title).toBe('Café – naïve');
  });
});
