import { useEffect, useMemo, useState } from 'preact/hooks';
import { sendMessage, type ListPaper, type ListSummary, type PaperDetails } from '@/lib/browser/messages';
import { READING_LIST_ID, READING_STATUSES, statusRank, type ReadingStatus } from '@/lib/library/types';

/** The options of a status <select>: each status, then "no status" (value `none`). */
function StatusOptions() {
  return (
    <>
      {READING_STATUSES.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
      <option value="none">no status</option>
    </>
  );
}
import { NoteEditor } from '@/components/NoteEditor';
import { PaperHighlights } from './PaperHighlights';
import { TagAdder } from '@/components/TagAdder';
import { Markdown } from '@/components/Markdown';
import { TransferPanel } from './TransferPanel';
import { StorageStatus } from './StorageStatus';
import { InterestsSection } from './InterestsSection';
import { triageKeysSetting } from '@/lib/browser/settings';
import { errorText } from '@/lib/library/error-text';
import { useLatestRequest, useNow } from '@/components/latest';

/** The reader's settings (this page is also the extension's options page). */
function Settings() {
  const [triage, setTriage] = useState<boolean>();
  useEffect(() => {
    void triageKeysSetting.getValue().then(setTriage);
  }, []);
  return (
    <section id="settings" class="settings" aria-label="Settings">
      <h2>Settings</h2>
      <label>
        <input
          type="checkbox"
          checked={triage ?? true}
          disabled={triage === undefined}
          onChange={(e) => {
            const on = (e.target as HTMLInputElement).checked;
            setTriage(on);
            void triageKeysSetting.setValue(on);
          }}
        />{' '}
        Keyboard triage on arXiv and Hugging Face listings (j/k move, s save, r read, n note, ? keys)
      </label>
    </section>
  );
}

type SortKey = 'added' | 'title' | 'year' | 'status';

/** Rows drawn at first and per "Show more": drawing 5,000 rows at once held the main thread for over 500 ms. */
const PAGE_ROWS = 200;

function sortPapers(rows: ListPaper[], key: SortKey): ListPaper[] {
  const copy = [...rows];
  const byTitle = (a: ListPaper, b: ListPaper) => a.paper.title.localeCompare(b.paper.title);
  copy.sort((a, b) => {
    switch (key) {
      case 'added':
        return b.addedAt - a.addedAt;
      case 'title':
        return byTitle(a, b);
      case 'year':
        return (b.paper.year ?? 0) - (a.paper.year ?? 0) || byTitle(a, b);
      case 'status':
        return statusRank(a.paper.status) - statusRank(b.paper.status) || byTitle(a, b);
    }
  });
  return copy;
}

export function LibraryApp() {
  const [lists, setLists] = useState<ListSummary[]>([]);
  const [listId, setListId] = useState(READING_LIST_ID);
  const [rows, setRows] = useState<ListPaper[]>([]);
  const [statusFilter, setStatusFilter] = useState<ReadingStatus | 'none' | ''>('');
  const [tagFilter, setTagFilter] = useState('');
  const [sort, setSort] = useState<SortKey>('added');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string>();
  const [shown, setShown] = useState(PAGE_ROWS);
  const [message, setMessage] = useState<{ text: string; undo?: () => Promise<void> }>();
  const [error, setError] = useState('');

  const current = lists.find((l) => l.list.id === listId);

  // Reloads read the list chosen now, not the one chosen when the write that asked for them began, and only the
  // latest reload shows: a slow answer for a list the reader has just left must not replace the one they chose.
  const listNow = useNow(listId);
  const latestLoad = useLatestRequest();
  const reload = async () => {
    const isLatest = latestLoad();
    const all = await sendMessage('getLists', undefined);
    if (!isLatest()) return;
    setLists(all);
    const want = listNow.current;
    const id = all.some((l) => l.list.id === want) ? want : READING_LIST_ID;
    if (id !== want) setListId(id);
    const papers = await sendMessage('getListPapers', { listId: id });
    if (isLatest()) setRows(papers);
  };
  useEffect(() => {
    void reload().catch((e: unknown) => setError(errorText(e)));
    setSelected(new Set());
    setShown(PAGE_ROWS);
  }, [listId]);

  const run = (f: () => Promise<unknown>) => () =>
    void f()
      .then(reload)
      .catch((e: unknown) => setError(errorText(e)));

  const tags = useMemo(() => [...new Set(rows.flatMap((r) => r.paper.tags))].sort(), [rows]);
  const visible = useMemo(
    () =>
      sortPapers(
        rows.filter((r) => (!statusFilter || (r.paper.status ?? 'none') === statusFilter) && (!tagFilter || r.paper.tags.includes(tagFilter))),
        sort,
      ),
    [rows, statusFilter, tagFilter, sort],
  );
  const ids = [...selected].filter((id) => visible.some((r) => r.paper.id === id));

  const [naming, setNaming] = useState<'new' | 'rename'>();
  const saveName = (name: string) =>
    run(async () => {
      const mode = naming;
      setNaming(undefined);
      if (!name.trim()) return;
      if (mode === 'new') setListId((await sendMessage('createList', { name })).id);
      else if (current) await sendMessage('renameList', { id: current.list.id, name });
    })();
  const remove = run(async () => {
    if (!current) return;
    const deleted = await sendMessage('deleteList', { id: current.list.id });
    setListId(READING_LIST_ID);
    setMessage({
      text: `Deleted the list “${deleted.list.name}” (${deleted.memberships.length} papers).`,
      undo: async () => {
        await sendMessage('restoreList', { deleted });
        setListId(deleted.list.id);
      },
    });
  });

  return (
    <div class="library">
      <header class="library__header">
        <h1>Paperlight library</h1>
        <StorageStatus />
      </header>
      <nav class="library__lists" aria-label="Lists">
        <ul>
          {lists.map((l) => (
            <li key={l.list.id}>
              <button type="button" aria-current={l.list.id === listId ? 'page' : undefined} onClick={() => setListId(l.list.id)}>
                {l.list.name} <span class="count">{l.count}</span>
              </button>
            </li>
          ))}
        </ul>
        {naming === 'new' ? (
          <NameForm label="Name of the new list" initial="" onDone={saveName} onCancel={() => setNaming(undefined)} />
        ) : (
          <button type="button" onClick={() => setNaming('new')}>
            New list
          </button>
        )}
      </nav>
      <main class="library__main">
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        {message && (
          <p role="status" class="message">
            {message.text}{' '}
            {message.undo && (
              <button type="button" onClick={run(async () => (await message.undo!(), setMessage(undefined)))}>
                Undo
              </button>
            )}
          </p>
        )}
        <div class="list-header">
          {naming === 'rename' && current ? (
            <NameForm label="New name for the list" initial={current.list.name} onDone={saveName} onCancel={() => setNaming(undefined)} />
          ) : (
            <h2>{current?.list.name ?? 'Reading list'}</h2>
          )}
          {current && current.list.id !== READING_LIST_ID && (
            <>
              <button type="button" onClick={() => setNaming('rename')}>
                Rename list
              </button>
              <button type="button" onClick={remove}>
                Delete list
              </button>
            </>
          )}
        </div>
        <div class="filters">
          <label>
            Status{' '}
            <select value={statusFilter} onChange={(e) => setStatusFilter((e.target as HTMLSelectElement).value as ReadingStatus | '')}>
              <option value="">any</option>
              <StatusOptions />
            </select>
          </label>
          <label>
            Tag{' '}
            <select value={tagFilter} onChange={(e) => setTagFilter((e.target as HTMLSelectElement).value)}>
              <option value="">any</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label>
            Sort by{' '}
            <select value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as SortKey)}>
              <option value="added">date added</option>
              <option value="title">title</option>
              <option value="year">year</option>
              <option value="status">status</option>
            </select>
          </label>
        </div>
        <BulkBar ids={ids} lists={lists} listId={listId} run={run} />
        <table class="papers">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={`Select all ${visible.length} papers`}
                  checked={visible.length > 0 && ids.length === visible.length}
                  onChange={(e) => setSelected((e.target as HTMLInputElement).checked ? new Set(visible.map((r) => r.paper.id)) : new Set())}
                />
              </th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Tags</th>
              <th scope="col">Year</th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, shown).map((r) => (
              <tr key={r.paper.id} aria-selected={selected.has(r.paper.id)}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${r.paper.title}`}
                    checked={selected.has(r.paper.id)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if ((e.target as HTMLInputElement).checked) next.add(r.paper.id);
                      else next.delete(r.paper.id);
                      setSelected(next);
                    }}
                  />
                </td>
                <td>
                  <button type="button" class="link" onClick={() => setOpenId(r.paper.id)}>
                    {r.paper.title}
                  </button>
                </td>
                <td>{r.paper.status ?? '—'}</td>
                <td>{r.paper.tags.map((t) => `#${t}`).join(' ')}</td>
                <td>{r.paper.year ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {visible.length > shown && (
          <p>
            <button type="button" onClick={() => setShown((n) => n + PAGE_ROWS)}>
              {`Show ${Math.min(PAGE_ROWS, visible.length - shown)} more (${visible.length - shown} not shown)`}
            </button>
          </p>
        )}
        {!visible.length && <p class="empty">{rows.length ? 'No papers match these filters.' : 'No papers in this list yet. Save papers from the popup or from arXiv and Hugging Face pages.'}</p>}
        <TransferPanel listId={listId} listName={current?.list.name ?? 'Reading list'} onImported={reload} />
        <Settings />
        <InterestsSection />
      </main>
      {openId && <PaperPanel id={openId} onClose={() => setOpenId(undefined)} onChanged={reload} />}
    </div>
  );
}

/** A one-field form for a list's name: Enter saves, Escape cancels. */
function NameForm({ label, initial, onDone, onCancel }: { label: string; initial: string; onDone: (name: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(initial);
  return (
    <form
      class="name-form"
      onSubmit={(e) => {
        e.preventDefault();
        onDone(value);
      }}
    >
      <input
        type="text"
        aria-label={label}
        autoFocus
        value={value}
        onInput={(e) => setValue((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      <button type="submit">Save</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

function BulkBar({ ids, lists, listId, run }: { ids: string[]; lists: ListSummary[]; listId: string; run: (f: () => Promise<unknown>) => () => void }) {
  const [status, setStatus] = useState<ReadingStatus | 'none'>('read');
  const [tag, setTag] = useState('');
  const [target, setTarget] = useState('');
  const n = ids.length;
  return (
    <div role="toolbar" aria-label="Bulk actions" class="bulk">
      <span>{n ? `${n} selected` : 'Select papers for bulk actions'}</span>
      <select aria-label="Status for selected papers" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value as ReadingStatus | 'none')}>
        <StatusOptions />
      </select>
      <button type="button" disabled={!n} onClick={run(() => sendMessage('setStatus', { ids, status: status === 'none' ? null : status }))}>
        Set status
      </button>
      <input type="text" aria-label="Tag for selected papers" value={tag} onInput={(e) => setTag((e.target as HTMLInputElement).value)} />
      <button type="button" disabled={!n || !tag.trim()} onClick={run(async () => (await sendMessage('addTags', { ids, tags: [tag] }), setTag('')))}>
        Add tag
      </button>
      <select aria-label="List for selected papers" value={target} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
        <option value="">choose a list</option>
        {lists
          .filter((l) => l.list.id !== listId)
          .map((l) => (
            <option key={l.list.id} value={l.list.id}>
              {l.list.name}
            </option>
          ))}
      </select>
      <button type="button" disabled={!n || !target} onClick={run(() => sendMessage('addToList', { ids, listId: target }))}>
        Add to list
      </button>
      <button type="button" disabled={!n} onClick={run(() => sendMessage('removeFromList', { ids, listId }))}>
        Remove from this list
      </button>
    </div>
  );
}

function PaperPanel({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => Promise<void> }) {
  const [details, setDetails] = useState<PaperDetails | null>();
  const load = async () => setDetails(await sendMessage('getPaper', { id }));
  useEffect(() => {
    void load();
  }, [id]);
  if (details === undefined) return null;
  if (details === null) return <aside class="paper-panel">This paper is no longer in the library.</aside>;
  const title = details.saved?.title ?? details.corpus?.title ?? '';
  const abstract = details.saved?.abstract ?? details.corpus?.abstract ?? '';
  const first = details.notes[details.notes.length - 1];
  const change = async (f: () => Promise<unknown>) => {
    await f();
    await load();
    await onChanged();
  };
  return (
    <aside class="paper-panel" aria-label="Paper">
      <button type="button" class="close" onClick={onClose}>
        Close paper
      </button>
      <h2>{title}</h2>
      <p>
        <a href={details.url} target="_blank" rel="noopener noreferrer">
          Open on arXiv
        </a>
      </p>
      {abstract && <p class="abstract">{abstract}</p>}
      <h3>Tags</h3>
      <ul class="tags">
        {details.saved?.tags.map((t) => (
          <li key={t}>
            #{t}{' '}
            <button type="button" aria-label={`Remove tag ${t}`} onClick={() => void change(() => sendMessage('removeTags', { ids: [id], tags: [t] }))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <TagAdder label="New tag" suggest={(prefix) => sendMessage('suggestTags', { prefix })} onAdd={(tag) => void change(() => sendMessage('addTags', { ids: [id], tags: [tag] }))} />
      <h3>Note</h3>
      <NoteEditor
        key={id}
        paperId={id}
        noteId={first?.id}
        initialText={first?.text ?? ''}
        preview={(text) => <Markdown text={text} />}
        save={async (text, noteId) => {
          const note = await sendMessage('putNote', { paperId: id, text, noteId });
          return note?.id;
        }}
      />
      <PaperHighlights key={`highlights-${id}`} paperId={id} />
      {details.notes.length > 1 && (
        <p class="more-notes">
          {details.notes.length - 1} earlier note{details.notes.length > 2 ? 's' : ''} (kept from imports and merges):
          {details.notes.slice(0, -1).map((n) => (
            <span key={n.id} class="earlier-note">
              {new Date(n.updatedAt).toLocaleString()} — {n.text.slice(0, 120)}
            </span>
          ))}
        </p>
      )}
    </aside>
  );
}
