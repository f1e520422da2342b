import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/browser/messages';
import type { Interests } from '@/lib/triage/types';
import { errorText } from '@/lib/library/error-text';

/**
 * What listings are triaged against (issue #7): watched keywords and authors, and "like my library". Each change
 * is saved at once (setInterests bumps the user revision, so the next page is scored against it).
 */
export function InterestsSection() {
  const [interests, setInterests] = useState<Interests>();
  const [status, setStatus] = useState('');
  useEffect(() => {
    void sendMessage('getInterests', undefined).then(setInterests);
  }, []);

  const save = async (next: Interests) => {
    setInterests(next);
    try {
      setInterests(await sendMessage('setInterests', { interests: next }));
      setStatus('Interests saved');
    } catch (e) {
      setStatus(`Could not save the interests: ${errorText(e)}`);
    }
  };

  return (
    <section id="interests" class="interests" aria-labelledby="interests-heading">
      <h2 id="interests-heading">Interests</h2>
      <p class="interests__help">Entries of arXiv and Hugging Face listings that match these are highlighted, with the reason.</p>
      {interests && (
        <>
          <WatchList
            label="Keyword"
            plural="Watched keywords"
            placeholder="diffusion, state space model, pre-training"
            items={interests.keywords}
            onChange={(keywords) => void save({ ...interests, keywords })}
          />
          <WatchList
            label="Author"
            plural="Watched authors"
            placeholder="Jane Smith, or Smith, J."
            items={interests.authors}
            onChange={(authors) => void save({ ...interests, authors })}
          />
          <label>
            <input
              type="checkbox"
              checked={interests.likeMyLibrary}
              onChange={(e) => void save({ ...interests, likeMyLibrary: (e.target as HTMLInputElement).checked })}
            />{' '}
            Like my library: also highlight papers resembling the ones I saved
          </label>
        </>
      )}
      <p class="interests__status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

function WatchList({ label, plural, placeholder, items, onChange }: { label: string; plural: string; placeholder: string; items: string[]; onChange: (items: string[]) => void }) {
  const [text, setText] = useState('');
  const add = () => {
    const value = text.trim();
    if (!value) return;
    onChange([...items, value]);
    setText('');
  };
  return (
    <div class="watch-list">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input type="text" aria-label={label} placeholder={placeholder} value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        <button type="submit">{`Add ${label.toLowerCase()}`}</button>
      </form>
      <ul aria-label={plural}>
        {items.map((item) => (
          <li key={item}>
            {item}{' '}
            <button type="button" aria-label={`Remove ${label.toLowerCase()} ${item}`} onClick={() => onChange(items.filter((i) => i !== item))}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
