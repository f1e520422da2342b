import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage, type ListPaper, type ListSummary } from '@/lib/browser/messages';
import { nextStatus, READING_STATUSES, statusRank } from '@/lib/library/types';
import { KeyLegend } from '@/components/KeyLegend';


/**
 * The saved lists, one key away from search: lists with their counts (the Reading list first, with its status
 * breakdown), then a list's papers with status / remove / open, all from the keyboard. Focus sits on the listbox.
 */
export function ListsView({ onClose }: { onClose: () => void }) {
  const [lists, setLists] = useState<ListSummary[]>([]);
  const [open, setOpen] = useState<ListSummary>();
  const [papers, setPapers] = useState<ListPaper[]>([]);
  const [active, setActive] = useState(0);
  const box = useRef<HTMLUListElement>(null);

  const loadLists = async () => setLists(await sendMessage('getLists', undefined));
  const loadPapers = async (list: ListSummary) => {
    const rows = await sendMessage('getListPapers', { listId: list.list.id });
    rows.sort((a, b) => statusRank(a.paper.status) - statusRank(b.paper.status) || b.addedAt - a.addedAt);
    setPapers(rows);
  };
  useEffect(() => {
    void loadLists();
  }, []);
  useEffect(() => {
    box.current?.focus();
  }, [open, lists.length]);

  const items = open ? papers : lists;
  const current = open ? papers[active] : undefined;

  const cycle = async () => {
    if (!current || !open) return;
    await sendMessage('setStatus', { ids: [current.paper.id], status: nextStatus(current.paper.status) });
    await loadPapers(open);
  };
  const remove = async () => {
    if (!current || !open) return;
    await sendMessage('removeFromList', { ids: [current.paper.id], listId: open.list.id });
    await loadPapers(open);
    await loadLists();
    setActive((a) => Math.max(0, Math.min(a, papers.length - 2)));
  };
  const enter = async () => {
    if (open) {
      if (current) {
        void browser.tabs.create({ url: current.url });
        window.close();
      }
    } else if (lists[active]) {
      setOpen(lists[active]);
      await loadPapers(lists[active]!);
      setActive(0);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const n = items.length;
    if (e.key === 'ArrowDown' && n) setActive((a) => (a + 1) % n);
    else if (e.key === 'ArrowUp' && n) setActive((a) => (a - 1 + n) % n);
    else if (e.key === 'Enter') void enter();
    else if (e.key === 'Escape' || (e.altKey && e.key.toLowerCase() === 'l')) {
      if (open) {
        setOpen(undefined);
        setActive(0);
      } else onClose();
    } else if (open && e.altKey && e.key.toLowerCase() === 'r') void cycle();
    else if (open && e.key === 'Delete') void remove();
    else return;
    e.preventDefault();
  };

  return (
    <section aria-label={open ? `List ${open.list.name}` : 'Lists'}>
      <div class="searchbar">
        <h2 class="view-title">{open ? open.list.name : 'Lists'}</h2>
        <button type="button" onClick={() => (open ? setOpen(undefined) : onClose())}>
          {open ? 'Back to lists' : 'Back to search'}
        </button>
      </div>
      <ul
        ref={box}
        role="listbox"
        tabIndex={0}
        aria-label={open ? `Papers in ${open.list.name}` : 'Lists'}
        aria-activedescendant={items.length ? `lv-${active}` : undefined}
        class="results"
        onKeyDown={onKeyDown}
      >
        {open
          ? papers.map((p, i) => (
              <li key={p.paper.id} id={`lv-${i}`} role="option" aria-selected={i === active} aria-label={p.paper.title} class="result" onClick={() => setActive(i)}>
                <div class="result__title">{p.paper.title}</div>
                <div class="result__meta">
                  <span class={`badge badge--${p.paper.status ?? 'none'}`}>{p.paper.status ?? 'no status'}</span>
                  {p.paper.tags.map((t) => (
                    <span key={t} class="tag">
                      #{t}
                    </span>
                  ))}
                </div>
              </li>
            ))
          : lists.map((l, i) => (
              <li key={l.list.id} id={`lv-${i}`} role="option" aria-selected={i === active} aria-label={`${l.list.name}, ${l.count} papers`} class="result" onClick={() => setActive(i)} onDblClick={() => void enter()}>
                <div class="result__title">
                  {l.list.name} <span class="count">{l.count}</span>
                </div>
                <div class="result__meta">
                  {READING_STATUSES.filter((s) => l.byStatus[s]).map((s) => (
                    <span key={s} class={`badge badge--${s}`}>
                      {l.byStatus[s]} {s}
                    </span>
                  ))}
                </div>
              </li>
            ))}
      </ul>
      {open && !papers.length && <p class="summary">No papers in this list yet.</p>}
      {open && current && (
        <div role="toolbar" aria-label="Actions on the selected paper" class="actions">
          <button type="button" onClick={() => void enter()}>
            Open
          </button>
          <button type="button" onClick={() => void cycle()}>
            {`Status: ${current.paper.status ?? 'none'} → ${nextStatus(current.paper.status) ?? 'none'}`}
          </button>
          <button type="button" onClick={() => void remove()}>
            Remove from list
          </button>
        </div>
      )}
      <KeyLegend
        keys={
          open
            ? [
                { keys: '↑ ↓', does: 'move' },
                { keys: 'Enter', does: 'open' },
                { keys: 'Alt+R', does: 'status' },
                { keys: 'Del', does: 'remove' },
                { keys: 'Esc', does: 'back' },
              ]
            : [
                { keys: '↑ ↓', does: 'move' },
                { keys: 'Enter', does: 'open list' },
                { keys: 'Esc', does: 'search' },
              ]
        }
      />
    </section>
  );
}
