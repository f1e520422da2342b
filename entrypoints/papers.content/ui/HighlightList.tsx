import { useEffect, useState } from 'preact/hooks';
import type { AnnotationStore, PageHighlight } from '../annotate';
import './highlights.css';

/**
 * The page's highlights inside the paper's panel (issue #8): the count, each quote with its comment in reading
 * order, and those that could not be found on this version of the page listed with their text (never dropped).
 * Quotes are page text: Preact renders them as text.
 */
export function HighlightList({ store }: { store: AnnotationStore }) {
  const [state, setState] = useState(store.get());
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  useEffect(() => store.subscribe(setState), [store]);
  if (!state.active) return null;

  const found = state.items.filter((i) => i.anchored);
  const orphans = state.items.filter((i) => !i.anchored);
  const summary =
    `${state.items.length} highlight${state.items.length === 1 ? '' : 's'}` + (orphans.length ? ` · ${orphans.length} not found on this version` : '');
  const act = (f: () => Promise<void>) => (e: Event) => {
    if (e.isTrusted) void f().then(() => setEditing(null));
  };

  const item = (i: PageHighlight) => {
    const { id, comment, selector } = i.highlight;
    const quote = selector.quote.exact;
    return (
      <li key={id} class={i.anchored ? 'hl' : 'hl orphan'}>
        <q>{quote.length > 240 ? `${quote.slice(0, 240)}…` : quote}</q>
        {!i.anchored && <span class="why"> (not found on this version)</span>}
        {editing === id ? (
          <div class="row">
            <textarea aria-label={`Comment on “${quote.slice(0, 40)}”`} rows={2} value={draft} onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)} />
            <button type="button" onClick={act(() => store.setComment(id, draft))}>
              Save comment
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        ) : (
          comment && <p class="comment">{comment}</p>
        )}
        <div class="row">
          {i.anchored && (
            <button type="button" onClick={act(async () => store.jumpTo(id))} aria-label={`Show highlight “${quote.slice(0, 40)}”`}>
              Show
            </button>
          )}
          <button
            type="button"
            aria-label={`Edit comment on “${quote.slice(0, 40)}”`}
            onClick={() => {
              setDraft(comment ?? '');
              setEditing(id);
            }}
          >
            Comment
          </button>
          <button type="button" aria-label={`Delete highlight “${quote.slice(0, 40)}”`} onClick={act(() => store.remove(id))}>
            Delete
          </button>
        </div>
      </li>
    );
  };

  return (
    <section class="highlights" aria-label="Highlights">
      <h3>{summary}</h3>
      {found.length > 0 && <ul aria-label="Highlights on this page">{found.map(item)}</ul>}
      {orphans.length > 0 && <ul aria-label="Highlights not found on this version">{orphans.map(item)}</ul>}
      {state.items.length === 0 && <p class="hint">Select text in the paper to highlight it (Alt+H).</p>}
    </section>
  );
}
