/**
 * The bar above a listing (issue #7): how many entries match the reader's interests, and two toggles, "Show only
 * matches" and "Order by score", each an aria-pressed button that undoes itself when pressed again. Only the
 * reader's own clicks act (a page script's synthetic click is ignored).
 */
/** The bar's styles, adopted by its shadow root (page-triage.ts). */
export const BAR_CSS = `
:host { all: initial; display: block; }
.triage-bar {
  font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif;
  color: #1b1f24;
  background: #fff;
  border: 1px solid #b06000;
  border-radius: 8px;
  padding: 4px 12px;
  margin: 6px 0;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 8px;
}
.triage-bar__count {
  margin: 0;
  flex: 1;
}
.triage-bar button {
  font: inherit;
  border: 1px solid #b06000;
  border-radius: 6px;
  background: #fff;
  color: #7a4100;
  padding: 1px 8px;
}
.triage-bar button[aria-pressed='true'] {
  background: #b06000;
  color: #fff;
}
.triage-bar button:focus-visible {
  outline: 2px solid #0b57d0;
  outline-offset: 1px;
}
`;

export interface TriageBarProps {
  total: number;
  highlighted: number;
  /** Nothing to match against yet: no keyword, no author, no library. */
  emptyProfile: boolean;
  showOnly: boolean;
  ordered: boolean;
  onShowOnly(on: boolean): void;
  onOrdered(on: boolean): void;
}

export function TriageBar({ total, highlighted, emptyProfile, showOnly, ordered, onShowOnly, onOrdered }: TriageBarProps) {
  const trusted = (f: () => void) => (e: Event) => {
    if (e.isTrusted) f();
  };
  return (
    <div class="triage-bar" role="region" aria-label="Paperlight triage">
      <p class="triage-bar__count" aria-live="polite">
        {emptyProfile
          ? `No interests set: add keywords or authors on Paperlight's options page to highlight ${total} entries here`
          : `${highlighted} of ${total} match your interests`}
      </p>
      <button type="button" aria-pressed={showOnly} disabled={emptyProfile} onClick={trusted(() => onShowOnly(!showOnly))}>
        Show only matches
      </button>
      <button type="button" aria-pressed={ordered} disabled={emptyProfile} onClick={trusted(() => onOrdered(!ordered))}>
        Order by score
      </button>
    </div>
  );
}
