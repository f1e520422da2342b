// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { ListPaper, ListSummary } from '@/lib/browser/messages';
import { READING_LIST_ID } from '@/lib/library/types';
import { held as calls, useRoot } from '../../test/ui/held-replies';

// What is tested is the order in which the page shows its own requests' answers, so the background is a stand-in
// whose replies the test releases one by one; test/e2e/library.e2e.ts drives the page against the real one.
vi.mock('@/lib/browser/messages', async () => ({ sendMessage: (await import('../../test/ui/held-replies')).heldSendMessage }));
const { LibraryApp } = await import('./LibraryApp');

const summary = (id: string, name: string): ListSummary => ({
  list: { id, name, createdAt: 0, updatedAt: 0 },
  count: 1,
  byStatus: { 'to-read': 0, reading: 0, read: 0, none: 1 },
});
const LISTS = [summary(READING_LIST_ID, 'Reading list'), summary('diffusion', 'Diffusion')];
const row = (title: string): ListPaper => ({ paper: { id: title, title, tags: [] }, addedAt: 1, url: 'https://arxiv.org/' });

/** Releases the first pending request of `type` (matching `data` when given) with `value`. */
async function reply(type: string, value: unknown, data?: object): Promise<void> {
  const i = calls.findIndex((c) => c.type === type && (!data || JSON.stringify(c.data) === JSON.stringify(data)));
  expect(i, `a pending ${type} request`).toBeGreaterThanOrEqual(0);
  const [call] = calls.splice(i, 1);
  await act(async () => {
    call!.resolve(value);
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('library page list switching', () => {
  const root = useRoot();

  it('shows the list the reader chose even when the list they left answers last', async () => {
    await act(async () => render(<LibraryApp />, root()));
    await reply('getLists', LISTS);
    // The Reading list's papers are slow to come; meanwhile the reader opens another list.
    const diffusion = [...root().querySelectorAll('nav[aria-label="Lists"] button')].find((b) => b.textContent?.includes('Diffusion'));
    expect(diffusion).toBeTruthy();
    await act(async () => (diffusion as HTMLButtonElement).click());
    await reply('getLists', LISTS);
    await reply('getListPapers', [row('Denoising Diffusion Probabilistic Models')], { listId: 'diffusion' });
    await reply('getListPapers', [row('Attention Is All You Need')], { listId: READING_LIST_ID });

    expect(diffusion!.getAttribute('aria-current')).toBe('page');
    const text = root().textContent ?? '';
    expect(text).toContain('Denoising Diffusion Probabilistic Models');
    expect(text).not.toContain('Attention Is All You Need');
  });
});
