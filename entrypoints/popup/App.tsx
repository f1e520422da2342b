import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type CorpusStatus } from '@/lib/browser/messages';
import { CorpusStatusLine } from '@/components/CorpusStatusLine';

/** Polls the background while the corpus installs, so progress is visible; stops once it is ready or failed. */
function useCorpusStatus(): CorpusStatus | undefined {
  const [status, setStatus] = useState<CorpusStatus>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      const next = await sendMessage('getCorpusStatus', undefined).catch((error: unknown) => ({
        state: 'error' as const,
        error: String(error),
        version: null,
        count: 0,
      }));
      if (stopped) return;
      setStatus(next);
      if (next.state === 'loading') timer = setTimeout(poll, 150);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return status;
}

export function App() {
  const status = useCorpusStatus();
  return (
    <main>
      <h1 class="visually-hidden">Paperlight</h1>
      <CorpusStatusLine status={status} />
    </main>
  );
}
