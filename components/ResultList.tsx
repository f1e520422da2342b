import { useEffect, useRef } from 'preact/hooks';
import type { PopupHit } from '@/lib/browser/messages';
import { Highlighted } from './Highlighted';

/**
 * Search hits as a listbox. Focus stays in the search box (aria-activedescendant points here), so typing never
 * stops; a click selects, a double click opens.
 */
export function ResultList({
  hits,
  active,
  onActivate,
  onOpen,
  label,
}: {
  hits: PopupHit[];
  active: number;
  onActivate: (i: number) => void;
  onOpen: (hit: PopupHit) => void;
  label: string;
}) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, hits]);
  if (!hits.length) return null;
  return (
    <ul role="listbox" id="results" aria-label={label} ref={list} class="results">
      {hits.map((hit, i) => (
        <li
          key={hit.id}
          id={`result-${i}`}
          role="option"
          aria-selected={i === active}
          aria-label={hit.title}
          class="result"
          onClick={() => onActivate(i)}
          onDblClick={() => onOpen(hit)}
        >
          <div class="result__title">
            <Highlighted text={hit.title} ranges={hit.titleMatches} />
          </div>
          {hit.snippet && (
            <div class="result__snippet">
              <Highlighted text={hit.snippet} ranges={hit.snippetMatches} />
            </div>
          )}
          <div class="result__meta">
            {hit.year && <span>{hit.year}</span>}
            {hit.inCorpus && <span class="badge">corpus</span>}
            {hit.saved && <span class="badge badge--saved">saved</span>}
            {hit.status && <span class={`badge badge--${hit.status}`}>{hit.status}</span>}
            {hit.tags?.map((t) => (
              <span key={t} class="tag">
                #{t}
              </span>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
