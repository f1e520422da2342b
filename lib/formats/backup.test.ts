import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBackup, parseBackup } from './backup';
import { planImport } from './import';
import { applyImport } from './merge';
import { snapshotArb } from './testing/arbitraries';
import { emptySnapshot, type LibrarySnapshot } from './snapshot';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);

const small: LibrarySnapshot = {
  papers: [{ id: 'arxiv:1706.03762', arxivId: '1706.03762', title: 'Attention Is All You Need', tags: ['nlp'], addedAt: 1, updatedAt: 2 }],
  lists: [{ id: 'reading-list', name: 'Reading list', createdAt: 1, updatedAt: 1 }],
  memberships: [{ listId: 'reading-list', paperId: 'arxiv:1706.03762', addedAt: 3 }],
  tags: [{ name: 'nlp', createdAt: 1 }],
  notes: [{ id: 'n1', paperId: 'arxiv:1706.03762', text: 'read §3', createdAt: 4, updatedAt: 5 }],
};

describe('exportBackup', () => {
  it('writes format, version and exportedAt before the tables', () => {
    const backup = exportBackup(small, { now: NOW });
    expect(backup.startsWith('{\n "format": "paperlight-backup",\n "version": 1,\n "exportedAt": "2026-01-02T03:04:05.000Z",\n "papers": [')).toBe(true);
    expect(JSON.parse(backup)).toEqual({ format: 'paperlight-backup', version: 1, exportedAt: '2026-01-02T03:04:05.000Z', ...small });
  });
});

describe('backup round trip (export → import into an empty profile → identical library)', () => {
  it('restores every record and field exactly, hostile text and 10,000-character notes included', () => {
    fc.assert(
      fc.property(snapshotArb({ uniqueArxiv: false }, 5), (snapshot) => {
        const plan = planImport(emptySnapshot(), exportBackup(snapshot, { now: NOW }), 'auto', { now: NOW });
        if (!plan.ok) throw new Error(plan.error.message);
        expect(plan.preview).toMatchObject({ format: 'backup', new: snapshot.papers.length, present: 0, invalid: 0 });
        expect(applyImport(emptySnapshot(), plan.apply)).toEqual(snapshot);
      }),
      { numRuns: 150 },
    );
  });

  it('restoring the same backup again changes nothing', () => {
    fc.assert(
      fc.property(snapshotArb({ uniqueArxiv: false }, 4), (snapshot) => {
        const text = exportBackup(snapshot, { now: NOW });
        const first = planImport(emptySnapshot(), text, 'backup', { now: NOW });
        if (!first.ok) throw new Error(first.error.message);
        const second = planImport(applyImport(emptySnapshot(), first.apply), text, 'backup', { now: NOW + 1 });
        expect(second).toMatchObject({ ok: true, preview: { new: 0, present: snapshot.papers.length, notes: 0 } });
        if (second.ok) expect(second.apply).toEqual(emptySnapshot());
      }),
      { numRuns: 80 },
    );
  });
});

describe('parseBackup refuses', () => {
  const withVersion = (version: unknown) => JSON.stringify({ format: 'paperlight-backup', version, ...small });

  it.each([
    [2, 'backup: version 2 was written by a newer Paperlight; this one reads version 1. Nothing was imported; update the extension and import again.'],
    [0, 'backup: unknown backup version 0; this Paperlight reads version 1. Nothing was imported.'],
    ['1', 'backup: unknown backup version "1"; this Paperlight reads version 1. Nothing was imported.'],
    [undefined, 'backup: unknown backup version undefined; this Paperlight reads version 1. Nothing was imported.'],
  ])('a backup of version %j', (version, message) => {
    expect(parseBackup(withVersion(version), emptySnapshot())).toEqual({ ok: false, error: { line: 1, message } });
  });

  it('JSON that is not a backup', () => {
    expect(parseBackup('{"papers": []}', emptySnapshot())).toEqual({
      ok: false,
      error: { line: 1, message: 'backup: this JSON is not a Paperlight backup (it has no "format": "paperlight-backup"). Nothing was imported.' },
    });
  });

  it('a truncated file, naming the record it ends in and that record\'s line', () => {
    const text = exportBackup(small, { now: NOW });
    const cut = text.slice(0, text.indexOf('read §3'));
    const noteLine = text.slice(0, text.indexOf('{', text.indexOf('"notes"'))).split('\n').length;
    const result = parseBackup(cut, emptySnapshot());
    expect(result).toMatchObject({ ok: false, error: { entry: 'notes[0]', line: noteLine } });
    if (!result.ok) {
      expect(result.error.message).toMatch(
        new RegExp(`^backup: notes\\[0\\] \\(line ${noteLine}\\): not valid JSON: the file ends inside a string \\(it looks truncated\\) at line \\d+, column \\d+\\.`),
      );
    }
  });

  it.each([
    ['a paper without a title', (b: LibrarySnapshot) => ({ ...b, papers: [{ ...b.papers[0]!, title: '' }] }), 'papers[0]', '"title" must be a non-empty string'],
    ['a paper with a bad status', (b: LibrarySnapshot) => ({ ...b, papers: [{ ...b.papers[0]!, status: 'done' }] }), 'papers[0]', '"status", when present, must be one of to-read, reading, read'],
    ['a note on a paper that is nowhere', (b: LibrarySnapshot) => ({ ...b, notes: [{ ...b.notes[0]!, paperId: 'ghost' }] }), 'notes[0]', 'paper "ghost" is neither in the backup nor in this library'],
    ['two papers with one id', (b: LibrarySnapshot) => ({ ...b, papers: [b.papers[0]!, b.papers[0]!] }), 'papers[1]', 'id "arxiv:1706.03762" appears twice'],
    ['a membership without a time', (b: LibrarySnapshot) => ({ ...b, memberships: [{ listId: 'reading-list', paperId: 'arxiv:1706.03762' }] }), 'memberships[0]', '"addedAt" must be a time in milliseconds'],
  ])('%s, naming the record and its line', (_name, edit, entry, problem) => {
    const text = exportBackup(edit(small) as LibrarySnapshot, { now: NOW });
    const [table, index] = [entry.slice(0, entry.indexOf('[')), Number(entry.slice(entry.indexOf('[') + 1, -1))];
    // The record starts at the `{` after `"table": [` (and after `index` earlier records).
    let offset = text.indexOf(`"${table}": [`);
    for (let i = 0; i <= index; i++) offset = text.indexOf('\n  {', offset + 1);
    const line = text.slice(0, offset + 1).split('\n').length;
    expect(parseBackup(text, emptySnapshot())).toEqual({
      ok: false,
      error: { entry, line, message: `backup: ${entry} (line ${line}): ${problem}. Nothing was imported; repair the file or export it again.` },
    });
  });

  it('accepts a note on a paper that only the library it is restored into has', () => {
    const backup = exportBackup({ ...emptySnapshot(), notes: [small.notes[0]!] }, { now: NOW });
    expect(parseBackup(backup, small)).toMatchObject({ ok: true });
  });
});

describe('interests in the backup (issue #7)', () => {
  const interests = { keywords: ['diffusion', 'state space model'], authors: ['Smith, J.'], likeMyLibrary: false };

  it('round-trips the interests', () => {
    const text = exportBackup({ ...small, interests }, { now: NOW });
    expect(JSON.parse(text).interests).toEqual(interests);
    const plan = planImport(emptySnapshot(), text, 'backup', { now: NOW });
    expect(plan.ok && plan.apply.interests).toEqual(interests);
  });

  it('still imports a backup written before interests existed, leaving the interests alone', () => {
    const text = exportBackup(small, { now: NOW });
    expect(JSON.parse(text)).not.toHaveProperty('interests');
    const plan = planImport({ ...emptySnapshot(), interests }, text, 'backup', { now: NOW });
    expect(plan.ok).toBe(true);
    expect(plan.ok && plan.apply.papers).toHaveLength(1);
    expect(plan.ok && plan.apply).not.toHaveProperty('interests');
  });

  it('merges into the interests the library has: nothing watched is lost', () => {
    const current = { keywords: ['SLAM'], authors: ['Fei-Fei Li'], likeMyLibrary: true };
    const plan = planImport({ ...emptySnapshot(), interests: current }, exportBackup({ ...small, interests }, { now: NOW }), 'backup', { now: NOW });
    expect(plan.ok && plan.apply.interests).toEqual({ keywords: ['SLAM', 'diffusion', 'state space model'], authors: ['Fei-Fei Li', 'Smith, J.'], likeMyLibrary: false });
  });

  it('refuses malformed interests, naming the field', () => {
    const text = exportBackup(small, { now: NOW }).replace('"format"', '"interests": {"keywords": "diffusion"},\n "format"');
    const result = parseBackup(text, emptySnapshot());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/^backup: interests.*"keywords", when present, must be an array of strings/);
  });
});
