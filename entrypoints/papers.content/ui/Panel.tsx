import { useEffect, useRef, useState } from 'preact/hooks';
import { createGestureGate } from './gesture';
import { sendMessage, type ListSummary, type PaperDetails } from '@/lib/browser/messages';
import type { PageMark } from '@/lib/browser/library';
import type { PaperInput } from '@/lib/browser/library';
import { READING_LIST_ID, READING_STATUSES, type ReadingStatus } from '@/lib/library/types';
import { NoteEditor, type DraftStore } from '@/components/NoteEditor';
import { TagAdder } from '@/components/TagAdder';
import type { ComponentChildren } from 'preact';
import { InterestActions } from './InterestActions';
import { errorText } from '@/lib/library/error-text';
import { useLatestRequest } from '@/components/latest';

/**
 * The compact panel for one paper on a page: save to lists, status, tags (autocompleted), and a note that
 * autosaves. Everything it shows from the page is rendered by Preact as text.
 */
export interface PanelProps {
  paper: PaperInput;
  mark: PageMark;
  /** Called after every change, with the paper's new mark, so the badge follows. */
  onChanged: (mark: PageMark) => void;
  /** Called after the reader changed their interests here, so the page's triage highlights follow at once. */
  onInterestsChanged?: () => void;
  onClose?: () => void;
  /** Put the cursor in the note (the `n` key). */
  focusNote?: boolean;
  drafts: DraftStore;
  /** More sections at the end (the page's highlights, issue #8). */
  children?: ComponentChildren;
}

export function Panel({ paper, mark, onChanged, onInterestsChanged, onClose, focusNote, drafts, children }: PanelProps) {
  const [details, setDetails] = useState<PaperDetails | null>(null);
  const [lists, setLists] = useState<ListSummary[]>([]);
  const [error, setError] = useState('');
  // The library key, known once the paper is found or saved; a ref so actions chained after a save see it.
  const paperId = useRef(mark.paperId);

  // Two quick actions refresh twice; only the latest refresh shows, so an earlier answer arriving late cannot put
  // back the state from before the second action.
  const latestRefresh = useLatestRequest();
  const refresh = async () => {
    const isLatest = latestRefresh();
    const id = paperId.current;
    const [d, l] = await Promise.all([id ? sendMessage('getPaper', { id }) : Promise.resolve(null), sendMessage('getLists', undefined)]);
    if (!isLatest()) return;
    setDetails(d);
    setLists(l);
    if (id) {
      const [next] = await sendMessage('lookupPapers', { refs: [{ id: paper.arxivId ?? null, title: paper.title }] });
      if (next) onChanged(next);
    }
  };
  const refreshNow = () => void refresh().catch((e: unknown) => setError(errorText(e)));
  useEffect(refreshNow, []);

  /** Saves the paper first when needed: every action on an unsaved paper implies keeping it. */
  const ensureSaved = async (listId = READING_LIST_ID): Promise<string> => {
    if (details?.saved && listId === READING_LIST_ID) return details.saved.id;
    const saved = await sendMessage('savePaper', { paper, listId });
    paperId.current = saved.id;
    return saved.id;
  };
  // Only the reader's own input acts: a page script's synthetic event (isTrusted false) is ignored, and so is a
  // trusted change, submit or input a page script caused without the reader's key or pointer press (see gesture.ts),
  // so the page cannot save, tag or annotate through our panel.
  const gate = useRef(createGestureGate()).current;
  const act = (f: () => Promise<unknown>) => (e?: Event) => {
    if (e && !gate.allows(e)) return;
    void f()
      .then(refresh)
      .catch((err: unknown) => setError(errorText(err)));
  };

  const saved = details?.saved;
  const inList = new Set(details?.listIds ?? []);
  const note = details?.notes[details.notes.length - 1];

  return (
    <section
      class="panel"
      aria-label={`Paperlight: ${paper.title}`}
      onPointerDownCapture={gate.note}
      onKeyDownCapture={gate.note}
      onPasteCapture={gate.note}
      onDropCapture={gate.note}
      onFocusOutCapture={gate.forget}
    >
      <header>
        <strong>Paperlight</strong>
        <span class="state">{saved ? `Saved · ${saved.status ?? 'no status'}` : mark.inCorpus ? 'In the corpus, not saved' : 'Not saved'}</span>
        {onClose && (
          <button type="button" class="close" aria-label="Close the Paperlight panel" onClick={onClose}>
            ×
          </button>
        )}
      </header>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!saved && (
        <button type="button" onClick={act(() => ensureSaved())}>
          Save to Reading list
        </button>
      )}
      <fieldset>
        <legend>Status</legend>
        {READING_STATUSES.map((s: ReadingStatus) => (
          <label key={s}>
            <input
              type="radio"
              name="paperlight-status"
              checked={saved?.status === s}
              onChange={act(async () => sendMessage('setStatus', { ids: [await ensureSaved()], status: s }))}
            />
            {s}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Lists</legend>
        {lists.map((l) => (
          <label key={l.list.id}>
            <input
              type="checkbox"
              checked={inList.has(l.list.id)}
              onChange={act(async () => {
                if (inList.has(l.list.id)) await sendMessage('removeFromList', { ids: [paperId.current!], listId: l.list.id });
                else await ensureSaved(l.list.id);
              })}
            />
            {l.list.name}
          </label>
        ))}
      </fieldset>
      <div class="tags">
        {saved?.tags.map((t) => (
          <span key={t} class="tag">
            #{t}
            <button type="button" aria-label={`Remove tag ${t}`} onClick={act(() => sendMessage('removeTags', { ids: [saved.id], tags: [t] }))}>
              ×
            </button>
          </span>
        ))}
        <TagAdder
          suggest={(prefix) => sendMessage('suggestTags', { prefix })}
          onAdd={(value, event) => act(async () => sendMessage('addTags', { ids: [await ensureSaved()], tags: [value] }))(event)}
        />
      </div>
      {saved ? (
        <NoteEditor
          key={saved.id}
          paperId={saved.id}
          noteId={note?.id}
          initialText={note?.text ?? ''}
          drafts={drafts}
          label="Note"
          autoFocus={focusNote}
          acceptInput={gate.allowsTyping}
          save={async (text, noteId) => (await sendMessage('putNote', { paperId: saved.id, text, noteId }))?.id}
        />
      ) : (
        <button type="button" onClick={act(() => ensureSaved())}>
          Save to write a note
        </button>
      )}
      {children}
      <InterestActions
        paper={paper}
        onChanged={() => {
          onInterestsChanged?.();
          refreshNow();
        }}
      />
    </section>
  );
}
