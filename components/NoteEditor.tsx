import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

/**
 * A note editor that autosaves and never loses typing. Every keystroke goes to a draft store (keyed by paper and
 * note) at once, and to the background after a short pause; the draft is cleared only once the background has
 * stored that exact text. Closing the page mid-pause leaves the draft, which the next visit restores and saves.
 */

/** Where drafts wait. Extension pages use localStorage (synchronous); a content script must not (that storage
 *  belongs to the page, which could read the note), so it passes extension storage instead. */
export interface DraftStore {
  get(key: string): string | null | Promise<string | null>;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export const localDrafts: DraftStore = {
  get: (key) => localStorage.getItem(key),
  set: (key, value) => localStorage.setItem(key, value),
  remove: (key) => localStorage.removeItem(key),
};

export interface NoteEditorProps {
  /** @default localDrafts */
  drafts?: DraftStore;
  paperId: string;
  noteId?: string;
  initialText: string;
  /** Stores the text; resolves with the note's id (new notes get one on first save). */
  save: (text: string, noteId: string | undefined) => Promise<string | undefined>;
  label?: string;
  autoFocus?: boolean;
  /**
   * Renders the note for the Preview button (the library page passes its Markdown renderer). Omitted in the
   * content script, which then has no preview: the Markdown parser would triple the script every page loads.
   */
  preview?: (text: string) => ComponentChildren;
  /**
   * Which input events count as typing. On a web page the content script passes its gesture gate: a page script
   * can make a trusted input event there (execCommand) but not the key press before it. @default isTrusted
   */
  acceptInput?: (event: Event) => boolean;
}

const SAVE_DELAY_MS = 500;
const draftKey = (paperId: string, noteId: string | undefined) => `paperlight:draft:${paperId}:${noteId ?? 'new'}`;

type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

export function NoteEditor({ paperId, noteId: initialNoteId, initialText, save, label = 'Note', drafts = localDrafts, autoFocus = false, preview: renderPreview, acceptInput = (e) => e.isTrusted }: NoteEditorProps) {
  const [text, setText] = useState(initialText);
  const [state, setState] = useState<SaveState>('saved');
  const [preview, setPreview] = useState(false);
  const noteId = useRef(initialNoteId);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(initialText);
  const stored = useRef(initialText);

  const flush = async () => {
    clearTimeout(timer.current);
    const sending = latest.current;
    const key = draftKey(paperId, noteId.current);
    setState('saving');
    try {
      const id = await save(sending, noteId.current);
      if (id && id !== noteId.current) {
        drafts.remove(key);
        noteId.current = id;
      }
      stored.current = sending;
      // Only a draft that still equals what was stored can go; newer typing stays protected.
      if (latest.current === sending) drafts.remove(draftKey(paperId, noteId.current));
      setState(latest.current === sending ? 'saved' : 'pending');
    } catch {
      setState('failed');
    }
  };

  // A draft left by a page closed mid-pause wins over the stored text, and is saved now.
  useEffect(() => {
    void Promise.resolve(drafts.get(draftKey(paperId, initialNoteId))).then((draft) => {
      if (draft !== null && draft !== initialText && latest.current === initialText) {
        setText(draft);
        latest.current = draft;
        void flush();
      }
    });
    const onHide = () => {
      if (latest.current !== stored.current) void flush();
    };
    addEventListener('pagehide', onHide);
    return () => {
      removeEventListener('pagehide', onHide);
      clearTimeout(timer.current);
    };
  }, [paperId, initialNoteId]);

  // Only typing counts: a synthetic input event from a page script (where this editor sits in a page) is ignored.
  const onInput = (value: string) => {
    setText(value);
    latest.current = value;
    drafts.set(draftKey(paperId, noteId.current), value);
    setState('pending');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  const stateText = { saved: 'Saved', pending: 'Unsaved changes (kept on this device)', saving: 'Saving…', failed: 'Could not save; your text is kept on this device' }[state];
  return (
    <div class="note-editor">
      <div class="note-editor__bar">
        {renderPreview && (
          <button type="button" aria-pressed={preview} onClick={() => setPreview(!preview)}>
            {preview ? 'Edit' : 'Preview'}
          </button>
        )}
        <span class={`note-editor__state note-editor__state--${state}`} aria-live="polite">
          {stateText}
        </span>
      </div>
      {preview && renderPreview ? (
        renderPreview(text)
      ) : (
        <textarea aria-label={label} autoFocus={autoFocus} value={text} rows={8} onInput={(e) => acceptInput(e) && onInput((e.target as HTMLTextAreaElement).value)} onBlur={() => state === 'pending' && void flush()} />
      )}
    </div>
  );
}
