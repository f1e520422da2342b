/** The keys of a view, shown in its footer so they are discoverable without a manual. */
export interface KeyHelp {
  keys: string;
  does: string;
}

export const POPUP_KEYS: KeyHelp[] = [
  { keys: '↑ ↓', does: 'move' },
  { keys: 'Enter', does: 'open' },
  { keys: 'Alt+S', does: 'save' },
  { keys: 'Alt+R', does: 'status' },
  { keys: 'Alt+T', does: 'tag' },
  { keys: 'Alt+M', does: 'more like this' },
  { keys: 'Alt+L', does: 'lists' },
  { keys: 'Esc', does: 'clear / back' },
];

export function KeyLegend({ keys }: { keys: KeyHelp[] }) {
  return (
    <footer class="legend" aria-label="Keyboard shortcuts">
      {keys.map((k) => (
        <span key={k.keys}>
          <kbd>{k.keys}</kbd> {k.does}
        </span>
      ))}
    </footer>
  );
}
