import type { MatchRange } from '@/lib/search/types';

/**
 * Text with some ranges marked. Built from text nodes and <mark> elements only: page and corpus text is never
 * parsed as HTML. Ranges may overlap or come unsorted; they are merged first.
 */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly MatchRange[] }) {
  const merged = [...ranges]
    .filter(([s, e]) => e > s && s >= 0 && e <= text.length)
    .sort((a, b) => a[0] - b[0])
    .reduce<MatchRange[]>((acc, r) => {
      const last = acc[acc.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else acc.push([r[0], r[1]]);
      return acc;
    }, []);
  const parts = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
