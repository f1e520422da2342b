/** Highlights in the exports and the backup (issue #8). */
import { describe, expect, it } from 'vitest';
import { exportBackup, parseBackup } from './backup';
import { planImport } from './import';
import { exportMarkdown } from './markdown';
import { applyImport } from './merge';
import { emptySnapshot, selectList, type LibrarySnapshot } from './snapshot';
import type { Highlight } from '../library/highlights';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const highlight = (id: string, exact: string, start: number, extra: Partial<Highlight> = {}): Highlight => ({
  id,
  paperId: 'arxiv:1706.03762',
  selector: { quote: { exact, prefix: 'before ', suffix: ' after' }, position: { start, end: start + exact.length }, section: 'S3.SS2' },
  url: 'https://arxiv.org/html/1706.03762v7',
  createdAt: 10,
  updatedAt: 10,
  ...extra,
});

const library: LibrarySnapshot = {
  papers: [{ id: 'arxiv:1706.03762', arxivId: '1706.03762', title: 'Attention Is All You Need', tags: [], addedAt: 1, updatedAt: 2 }],
  lists: [{ id: 'reading-list', name: 'Reading list', createdAt: 1, updatedAt: 1 }],
  memberships: [{ listId: 'reading-list', paperId: 'arxiv:1706.03762', addedAt: 3 }],
  tags: [],
  notes: [{ id: 'n1', paperId: 'arxiv:1706.03762', text: 'read §3', createdAt: 4, updatedAt: 5 }],
  highlights: [
    highlight('hl-b', 'An attention function can be described as mapping a query', 900, { comment: 'the *definition*\nto remember' }),
    highlight('hl-a', 'dispensing with recurrence and convolutions entirely', 120),
  ],
};

describe('Markdown export', () => {
  it('lists a paper\'s highlights under it in reading order, with comment and a link back to the place', () => {
    expect(exportMarkdown(library)).toBe(
      [
        '## Reading list',
        '',
        '- [ ] [Attention Is All You Need](https://arxiv.org/abs/1706.03762)',
        '  > read §3',
        '  - “dispensing with recurrence and convolutions entirely” ([§ S3.SS2](https://arxiv.org/html/1706.03762v7#paperlight-highlight=hl-a))',
        '  - “An attention function can be described as mapping a query” — the \\*definition\\* to remember ([§ S3.SS2](https://arxiv.org/html/1706.03762v7#paperlight-highlight=hl-b))',
        '',
      ].join('\n'),
    );
  });

  it('a list export keeps only its papers\' highlights', () => {
    expect(selectList(library, 'reading-list').highlights).toHaveLength(2);
    expect(selectList({ ...library, memberships: [] }, 'reading-list').highlights).toEqual([]);
  });
});

describe('backup', () => {
  it('round-trips highlights exactly', () => {
    const plan = planImport(emptySnapshot(), exportBackup(library, { now: NOW }), 'auto', { now: NOW });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(applyImport(emptySnapshot(), plan.apply)).toEqual(library);
  });

  it('a backup without highlights (written before them) still imports, and writes no highlights key', () => {
    const { highlights: _, ...before } = library;
    const text = exportBackup(before, { now: NOW });
    expect(text).not.toContain('"highlights"');
    const parsed = parseBackup(text, emptySnapshot());
    expect(parsed).toEqual({ ok: true, snapshot: before });
  });

  it('restoring again keeps a newer edit made since', () => {
    const edited: LibrarySnapshot = { ...library, highlights: [highlight('hl-a', 'dispensing with recurrence and convolutions entirely', 120, { comment: 'edited later', updatedAt: 99 })] };
    const plan = planImport(edited, exportBackup(library, { now: NOW }), 'auto', { now: NOW });
    if (!plan.ok) throw new Error(plan.error.message);
    const after = applyImport(edited, plan.apply);
    expect(after.highlights?.find((h) => h.id === 'hl-a')?.comment).toBe('edited later');
    expect(after.highlights?.map((h) => h.id).sort()).toEqual(['hl-a', 'hl-b']);
  });

  it.each([
    ['a highlight without a quote', (h: Record<string, unknown>) => ({ ...h, selector: { quote: { exact: '', prefix: '', suffix: '' }, position: { start: 0, end: 0 } } }), '"selector.quote.exact" must be a non-empty string'],
    ['a highlight on a paper that is nowhere', (h: Record<string, unknown>) => ({ ...h, paperId: 'ghost' }), 'paper "ghost" is neither in the backup nor in this library'],
    ['a highlight without a position', (h: Record<string, unknown>) => ({ ...h, selector: { quote: { exact: 'x', prefix: '', suffix: '' } } }), '"selector" must have a "quote" and a "position"'],
  ])('refuses %s, naming the record', (_name, edit, problem) => {
    const text = exportBackup({ ...library, highlights: [edit(library.highlights![0] as unknown as Record<string, unknown>) as unknown as Highlight] }, { now: NOW });
    const parsed = parseBackup(text, emptySnapshot());
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(new RegExp(`^backup: highlights\\[0\\] \\(line \\d+\\): ${problem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});
