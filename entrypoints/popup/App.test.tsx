// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { parseQuery } from '@/lib/search/query';
import type { PopupHit, SearchResponse } from '@/lib/browser/messages';
import { held as calls, useRoot } from '../../test/ui/held-replies';

// The popup's ordering of its own requests is what is tested here, so the background is a stand-in whose replies
// the test releases; test/e2e/popup.e2e.ts runs the same steps against the real background.
vi.mock('@/lib/browser/messages', async () => ({ sendMessage: (await import('../../test/ui/held-replies')).heldSendMessage }));
const { App } = await import('./App');

const hit = (title: string, saved = false): PopupHit => ({
  id: title,
  score: 1,
  title,
  titleMatches: [],
  snippet: '',
  snippetMatches: [],
  saved,
  url: `https://arxiv.org/search/?query=${encodeURIComponent(title)}`,
});
const answer = (query: string, hits: PopupHit[]): SearchResponse => ({ query: parseQuery(query), hits, total: hits.length, ms: 0 });

/** Answers every pending request the stand-in background knows, searches by their query. */
async function answerPending(searches: Record<string, PopupHit[]>): Promise<void> {
  await act(async () => {
    for (const call of calls.splice(0)) {
      if (call.type === 'getCorpusStatus') call.resolve({ state: 'ready', version: 'v', count: 2, error: null });
      else if (call.type === 'search') {
        const q = (call.data as { query: string }).query;
        call.resolve(answer(q, searches[q] ?? []));
      } else calls.push(call); // writes stay pending until the test releases them
      await Promise.resolve();
    }
  });
}

describe('popup search after a write', () => {
  const root = useRoot();

  it('shows the query typed while the write was in flight, not the one typed before it', async () => {
    const poseidon = hit('Poseidon: Efficient Foundation Models for PDEs');
    const searches = { poseidon: [poseidon, hit('Another PDE paper')], 'is:saved': [{ ...poseidon, saved: true, status: 'to-read' as const }] };
    await act(async () => render(<App />, root()));
    const box = root().querySelector<HTMLInputElement>('input[aria-label="Search papers"]')!;
    const type = async (text: string) =>
      act(async () => {
        box.value = text;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await type('poseidon');
    await answerPending(searches);
    await answerPending(searches);
    expect(root().querySelectorAll('[role="option"]')).toHaveLength(2);

    // Alt+R on the first hit: save + set status, whose replies are held back while the reader types on.
    await act(async () => {
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', altKey: true, bubbles: true }));
    });
    await type('is:saved');
    await answerPending(searches);
    expect(root().querySelectorAll('[role="option"]')).toHaveLength(1);

    // The writes return; the popup searches again, and must search what the box holds now.
    for (let i = 0; i < 5 && calls.some((c) => c.type !== 'search'); i++) {
      await act(async () => {
        for (const call of calls.splice(0)) call.resolve(undefined);
      });
      await answerPending(searches);
    }
    await answerPending(searches);
    expect(box.value).toBe('is:saved');
    expect([...root().querySelectorAll('[role="option"]')].map((o) => o.getAttribute('aria-label'))).toEqual([poseidon.title]);
    expect(root().querySelector('[aria-label="Active filters"]')?.textContent).toContain('saved');
  });
});
