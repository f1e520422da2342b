import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '@/lib/library/error-text';

/**
 * The small control shown beside a text selection on a paper page (issue #8), or beside a clicked highlight to
 * edit its comment. Rendered by Preact in a shadow root; every action ignores untrusted events, so a page script's
 * synthetic click cannot annotate on the reader's behalf.
 */
export type SelectionToolbarProps =
  | {
      mode: 'new';
      onHighlight: (comment?: string) => Promise<void>;
      onQuote: () => Promise<void>;
      onClose: () => void;
      /** Open straight in the comment box. */
      withComment?: boolean;
    }
  | {
      mode: 'edit';
      quote: string;
      comment: string;
      onSaveComment: (comment: string) => Promise<void>;
      onDelete: () => Promise<void>;
      onClose: () => void;
    };

const trusted = (f: () => void) => (e: Event) => {
  if (e.isTrusted) f();
};

export function SelectionToolbar(props: SelectionToolbarProps) {
  const [commenting, setCommenting] = useState(props.mode === 'edit' || !!props.withComment);
  const [comment, setComment] = useState(props.mode === 'edit' ? props.comment : '');
  const [error, setError] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (commenting) box.current?.focus();
  }, [commenting]);

  const run = (f: () => Promise<void>) =>
    trusted(() => {
      void f().catch((e: unknown) => setError(errorText(e)));
    });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && e.isTrusted) props.onClose();
  };

  return (
    // Keep the page's selection when a button is pressed: a mousedown outside the text would clear it.
    <div role="toolbar" aria-label="Paperlight: annotate" class="toolbar" onKeyDown={onKeyDown} onMouseDown={(e) => e.target instanceof HTMLTextAreaElement || e.preventDefault()}>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {props.mode === 'edit' && <p class="quote">{props.quote.length > 160 ? `${props.quote.slice(0, 160)}…` : props.quote}</p>}
      {commenting ? (
        <>
          <textarea ref={box} aria-label="Comment" rows={3} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
          <div class="row">
            {props.mode === 'new' ? (
              <button type="button" onClick={run(() => props.onHighlight(comment))}>
                Save highlight
              </button>
            ) : (
              <>
                <button type="button" onClick={run(() => props.onSaveComment(comment))}>
                  Save comment
                </button>
                <button type="button" onClick={run(props.onDelete)}>
                  Delete highlight
                </button>
              </>
            )}
            <button type="button" onClick={trusted(props.onClose)}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        props.mode === 'new' && (
          <div class="row">
            <button type="button" onClick={run(() => props.onHighlight())} title="Alt+H">
              Highlight
            </button>
            <button type="button" onClick={trusted(() => setCommenting(true))}>
              Highlight with comment
            </button>
            <button type="button" onClick={run(props.onQuote)}>
              Quote to note
            </button>
          </div>
        )
      )}
    </div>
  );
}
