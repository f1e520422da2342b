import type { ParsedQuery, QueryFilter } from '@/lib/search/types';

/** How a filter reads back to the person who typed it. */
export function describeFilter(f: QueryFilter): string {
  const not = f.negated ? 'not ' : '';
  switch (f.kind) {
    case 'tag':
      return `${not}tag: ${f.value}`;
    case 'list':
      return `${not}list: ${f.value}`;
    case 'status':
      return `${not}status: ${f.value}`;
    case 'year':
      return `${not}year: ${f.from === f.to ? f.from : `${f.from ?? '…'}–${f.to ?? '…'}`}`;
    case 'saved':
      return f.negated ? 'not saved' : 'saved';
    case 'corpus':
      return f.negated ? 'not in corpus' : 'in corpus';
  }
}

/**
 * The active filters as chips, each with a button that removes it from the query text. Removal rewrites the raw
 * query by dropping the typed token, so what the box shows stays what is searched.
 */
export function FilterChips({ query, onRemove }: { query: ParsedQuery; onRemove: (raw: string) => void }) {
  const extra = [...query.phrases.map((p) => `“${p.text}”`), ...query.excludedWords.map((w) => `without ${w}`)];
  if (!query.filters.length && !extra.length) return null;
  const tokens = query.raw.match(/-?"[^"]*"?|\S+/g) ?? [];
  const isFilterToken = (t: string) => /^-?(tag|list|status|year|is):\S/i.test(t);
  return (
    <ul class="chips" aria-label="Active filters">
      {query.filters.map((f, i) => {
        const label = describeFilter(f);
        return (
          <li key={`f${i}`} class="chip">
            {label}
            <button
              type="button"
              aria-label={`Remove filter ${label}`}
              onClick={() => {
                let seen = -1;
                onRemove(tokens.filter((t) => !(isFilterToken(t) && ++seen === i)).join(' ') + ' ');
              }}
            >
              ×
            </button>
          </li>
        );
      })}
      {extra.map((e) => (
        <li key={e} class="chip chip--text">
          {e}
        </li>
      ))}
    </ul>
  );
}
