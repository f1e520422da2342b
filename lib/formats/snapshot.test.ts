import { describe, expect, it } from 'vitest';
import { notesByPaper, selectList, type LibrarySnapshot } from './snapshot';

const paper = (id: string) => ({ id, title: id, tags: [id === 'b' ? 'kept' : 'other'], addedAt: 0, updatedAt: 0 });
const library: LibrarySnapshot = {
  papers: [paper('a'), paper('b'), paper('c')],
  lists: [
    { id: 'reading-list', name: 'Reading list', createdAt: 0, updatedAt: 0 },
    { id: 'l2', name: 'Other', createdAt: 0, updatedAt: 0 },
  ],
  memberships: [
    { listId: 'reading-list', paperId: 'c', addedAt: 1 },
    { listId: 'reading-list', paperId: 'b', addedAt: 2 },
    { listId: 'l2', paperId: 'a', addedAt: 3 },
  ],
  tags: [
    { name: 'kept', createdAt: 0 },
    { name: 'other', createdAt: 0 },
    { name: 'unused', createdAt: 0 },
  ],
  notes: [
    { id: 'n1', paperId: 'b', text: 'on b', createdAt: 5, updatedAt: 5 },
    { id: 'n2', paperId: 'a', text: 'on a', createdAt: 5, updatedAt: 5 },
  ],
};

describe('selectList', () => {
  it('keeps the list, its papers in the order they were added, and only their notes and tags', () => {
    expect(selectList(library, 'reading-list')).toEqual({
      papers: [paper('c'), paper('b')],
      lists: [library.lists[0]],
      memberships: [library.memberships[0], library.memberships[1]],
      tags: [library.tags[0], library.tags[1]],
      notes: [library.notes[0]],
    });
  });
});

describe('notesByPaper', () => {
  it('orders each paper\'s notes oldest first, keeping input order for equal times', () => {
    const notes = [
      { id: 'z', paperId: 'p', text: '2nd', createdAt: 1, updatedAt: 0 },
      { id: 'a', paperId: 'p', text: '3rd', createdAt: 1, updatedAt: 0 },
      { id: 'm', paperId: 'p', text: '1st', createdAt: 0, updatedAt: 0 },
    ];
    expect(notesByPaper(notes).get('p')!.map((n) => n.text)).toEqual(['1st', '2nd', '3rd']);
  });
});
