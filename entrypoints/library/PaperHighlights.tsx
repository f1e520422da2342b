import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/browser/messages';
import { highlightLink, type Highlight } from '@/lib/library/highlights';

/**
 * A paper's highlights on the library page (issue #8): in reading order, each quote with its comment and a link
 * that opens the page it was made on and scrolls to it (`#paperlight-highlight=<id>`, read by the content script).
 */
export function PaperHighlights({ paperId }: { paperId: string }) {
  const [highlights, setHighlights] = useState<Highlight[]>();
  useEffect(() => {
    void sendMessage('getHighlights', { paperId }).then(setHighlights);
  }, [paperId]);
  if (!highlights) return null;
  return (
    <section aria-label="Highlights" class="paper-highlights">
      <h3>
        {highlights.length} highlight{highlights.length === 1 ? '' : 's'}
      </h3>
      {highlights.length === 0 ? (
        <p class="hint">Select text on the paper's arXiv page to highlight it.</p>
      ) : (
        <ol>
          {highlights.map((h) => (
            <li key={h.id}>
              <blockquote>{h.selector.quote.exact}</blockquote>
              {h.comment && <p class="comment">{h.comment}</p>}
              <a href={highlightLink(h)} target="_blank" rel="noopener noreferrer" aria-label={`Open highlight “${h.selector.quote.exact.slice(0, 40)}” on the page`}>
                {h.selector.section ? `§ ${h.selector.section} · ` : ''}open on the page
              </a>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
