import type { CorpusStatus } from '@/lib/browser/messages';

/** One line saying what the bundled corpus is doing: installing (with progress), ready, or failed and why. */
export function CorpusStatusLine({ status }: { status: CorpusStatus | undefined }) {
  let text: string;
  if (!status) text = 'Connecting…';
  else if (status.state === 'loading')
    text = status.total ? `Installing corpus… ${status.done.toLocaleString('en')} / ${status.total.toLocaleString('en')}` : 'Installing corpus…';
  else if (status.state === 'ready') text = `${status.count.toLocaleString('en')} papers in corpus`;
  else text = `Corpus failed to install: ${status.error}`;
  return (
    <p role="status" class={`corpus-status corpus-status--${status?.state ?? 'unknown'}`}>
      {text}
    </p>
  );
}
