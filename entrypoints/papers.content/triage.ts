/**
 * Keyboard triage on listings: j/k move between entries, s saves to the Reading list, r marks read, n opens the
 * note, ? shows the keys. Never while the reader types in a field, never with a modifier (the page's and the
 * browser's own shortcuts keep working), never for a key event a page script made up, and the listener ends with
 * the content script's signal.
 */
export interface TriageActions {
  count(): number;
  /** Highlights entry i and scrolls it into view; -1 clears. */
  focus(index: number): void;
  save(index: number): void;
  markRead(index: number): void;
  openNote(index: number): void;
  toggleHelp(): void;
}

export const TRIAGE_KEYS: { key: string; does: string }[] = [
  { key: 'j', does: 'next paper' },
  { key: 'k', does: 'previous paper' },
  { key: 's', does: 'save to Reading list' },
  { key: 'r', does: 'mark read' },
  { key: 'n', does: 'open the note' },
  { key: '?', does: 'show these keys' },
];

/** Whether a key event happened while the reader was typing (where letters must stay letters). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.localName;
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((el as HTMLInputElement).type);
  // Keys typed inside our own shadow-root panel arrive retargeted to its host.
  return el.hasAttribute('data-paperlight-panel');
}

export function installTriage(actions: TriageActions, signal: AbortSignal): { current(): number } {
  let current = -1;
  const move = (delta: number) => {
    const n = actions.count();
    if (!n) return;
    current = current < 0 ? (delta > 0 ? 0 : n - 1) : Math.max(0, Math.min(n - 1, current + delta));
    actions.focus(current);
  };
  window.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.composedPath()[0] ?? e.target)) return;
      const handlers: Record<string, () => void> = {
        j: () => move(1),
        k: () => move(-1),
        s: () => current >= 0 && actions.save(current),
        r: () => current >= 0 && actions.markRead(current),
        n: () => current >= 0 && actions.openNote(current),
        '?': () => actions.toggleHelp(),
      };
      const run = handlers[e.key];
      if (!run) return;
      e.preventDefault();
      run();
    },
    { signal },
  );
  return { current: () => current };
}
