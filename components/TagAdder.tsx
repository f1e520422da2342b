import { useEffect, useId, useState } from 'preact/hooks';

/**
 * A text box for one tag, with suggestions from the tags the reader already uses (a combobox via <datalist>) and
 * an "Add tag" button. Enter adds; Escape cancels when the caller offers that.
 */
export interface TagAdderProps {
  /** The box's accessible name. @default 'Add tag' */
  label?: string;
  suggest: (prefix: string) => Promise<string[]>;
  /** Gets the submit event too, so a caller on a web page can ignore one a page script made up (isTrusted). */
  onAdd: (tag: string, event: Event) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}

export function TagAdder({ label = 'Add tag', suggest, onAdd, onCancel, autoFocus = false }: TagAdderProps) {
  const [value, setValue] = useState('');
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const listId = useId();
  useEffect(() => {
    let current = true;
    void suggest(value).then(
      (s) => current && setSuggestions(s),
      () => current && setSuggestions([]),
    );
    return () => {
      current = false;
    };
  }, [value]);
  return (
    <form
      class="tag-adder"
      onSubmit={(e) => {
        e.preventDefault();
        const tag = value.trim();
        setValue('');
        if (tag) onAdd(tag, e);
      }}
    >
      <input
        type="text"
        aria-label={label}
        list={listId}
        autoFocus={autoFocus}
        value={value}
        onInput={(e) => setValue((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onCancel) {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <button type="submit">Add tag</button>
    </form>
  );
}
