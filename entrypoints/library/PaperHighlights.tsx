import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/browser/messages';
import { highlightLink, type Highlight } from '@/lib/library/highlights';
import { errorText } from '@/lib/library/error-text';

/** The start of a quote, to tell one highlight's buttons from another's. */
const short = (h: Highlight) => h.selector.quote.exact.slice(0, 40);

/**
 * A paper's highlights on the library page (issue #8): in reading order, each quote with its comment and a link
 * that opens the page it was made on and scrolls to it (`#paperlight-highlight=<id>`, read by the content script).
 * The reader can edit a comment and delete a highlight here; a delete is undone from the status line (no modal
 * confirm: Undo puts back the same record, so links to it keep working).
 */
export function PaperHighlights({ paperId }: { paperId: string }) {
  const [highlights, setHighlights] = useState<Highlight[]>();
  const [deleted, setDeleted] = useState<Highlight>();
  const [error, setError] = useState('');
  // Every change is followed by a fresh read, so the list and its count are the background's, not a guess.
  const load = async () => setHighlights(await sendMessage('getHighlights', { paperId }));
  useEffect(() => {
    void load().catch((e: unknown) => setError(`Could not read the highlights: ${errorText(e)}`));
  }, [paperId]);
  const run = async (what: string, f: () => Promise<unknown>) => {
    try {
      setError('');
      await f();
      await load();
      return true;
    } catch (e) {
      setError(`Could not ${what}: ${errorText(e)}`);
      return false;
    }
  };
  const remove = (h: Highlight) =>
    void run('delete the highlight', async () => {
      await sendMessage('deleteHighlight', { id: h.id });
      setDeleted(h);
    });
  const undo = () =>
    void run('restore the highlight', async () => {
      if (!deleted) return;
      await sendMessage('restoreHighlight', { highlight: deleted });
      setDeleted(undefined);
    });
  if (!highlights) return error ? <p role="alert" class="error">{error}</p> : null;
  return (
    <section aria-label="Highlights" class="paper-highlights">
      <h3>
        {highlights.length} highlight{highlights.length === 1 ? '' : 's'}
      </h3>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p role="status" class={deleted ? 'message' : undefined}>
        {deleted && (
          <>
            Deleted the highlight “{short(deleted)}”.{' '}
            <button type="button" aria-label="Undo delete" onClick={undo}>
              Undo
            </button>
          </>
        )}
      </p>
      {highlights.length === 0 ? (
        <p class="hint">Select text on the paper's arXiv page to highlight it.</p>
      ) : (
        <ol>
          {highlights.map((h) => (
            <HighlightItem key={h.id} highlight={h} onSave={(comment) => run('save the comment', () => sendMessage('updateHighlight', { id: h.id, comment }))} onDelete={() => remove(h)} />
          ))}
        </ol>
      )}
    </section>
  );
}

function HighlightItem({ highlight: h, onSave, onDelete }: { highlight: Highlight; onSave: (comment: string) => Promise<boolean>; onDelete: () => void }) {
  const [draft, setDraft] = useState<string>();
  const save = async () => {
    // The editor stays open when the save fails, so the reader's words are not lost.
    if (draft !== undefined && (await onSave(draft))) setDraft(undefined);
  };
  return (
    <li>
      <blockquote>{h.selector.quote.exact}</blockquote>
      {draft === undefined ? (
        <>
          {h.comment && <p class="comment">{h.comment}</p>}
          <button type="button" onClick={() => setDraft(h.comment ?? '')}>
            {h.comment ? `Edit comment on “${short(h)}”` : `Add comment on “${short(h)}”`}
          </button>
        </>
      ) : (
        <form
          class="highlight-comment"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <textarea
            aria-label={`Comment on “${short(h)}”`}
            autoFocus
            rows={3}
            value={draft}
            onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
            onKeyDown={(e) => {
              // Plain Enter makes a new line (comments can be paragraphs); Ctrl/Cmd+Enter saves, as in the note box.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void save();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                setDraft(undefined);
              }
            }}
          />
          <button type="submit">Save comment</button>
          <button type="button" onClick={() => setDraft(undefined)}>
            Cancel
          </button>
        </form>
      )}{' '}
      <button type="button" onClick={onDelete}>
        {`Delete highlight “${short(h)}”`}
      </button>{' '}
      <a href={highlightLink(h)} target="_blank" rel="noopener noreferrer" aria-label={`Open highlight “${short(h)}” on the page`}>
        {h.selector.section ? `§ ${h.selector.section} · ` : ''}open on the page
      </a>
    </li>
  );
}
