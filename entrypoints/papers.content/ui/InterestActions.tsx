import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/browser/messages';
import type { PaperInput } from '@/lib/browser/library';
import { errorText } from '@/lib/library/error-text';

/**
 * The page panel's two ways to add to the reader's interests (issue #7): watch one of the paper's authors, or
 * "more like this paper" (the paper joins the library, which "like my library" learns from). A page may only add,
 * one action at a time, and only through the reader's own clicks (a synthetic click is ignored).
 */
export function InterestActions({ paper, onChanged }: { paper: PaperInput; onChanged: () => void }) {
  const authors = paper.authors ?? [];
  const [author, setAuthor] = useState(authors[0] ?? '');
  const [done, setDone] = useState('');
  const trusted = (f: () => Promise<string>) => (e: Event) => {
    if (!e.isTrusted) return;
    void f()
      .then((message) => {
        setDone(message);
        onChanged();
      })
      .catch((err: unknown) => setDone(`Could not change your interests: ${errorText(err)}`));
  };
  return (
    <div class="interest-actions" role="group" aria-label="Interests">
      {authors.length > 0 && (
        <>
          <select aria-label="Author to watch" value={author} onChange={(e) => setAuthor((e.target as HTMLSelectElement).value)}>
            {authors.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
          <button type="button" onClick={trusted(async () => (await sendMessage('watchAuthor', { name: author }), `Watching ${author}`))}>
            Watch this author
          </button>
        </>
      )}
      <button type="button" onClick={trusted(async () => (await sendMessage('likePaper', { paper }), 'Saved: listings will highlight papers like this one'))}>
        More like this paper
      </button>
      <span role="status">{done}</span>
    </div>
  );
}
