import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type PageTriageSummary } from '@/lib/browser/messages';

/**
 * What triage found on the current tab (issue #7): "N of M entries on this page match your interests" and the
 * matches; choosing one scrolls the page to it. The popup asks the tab's content script directly
 * (browser.tabs.sendMessage to the active tab's id, which needs no `tabs` permission); a tab without our content
 * script (any other site) simply does not answer, and nothing is shown.
 */
export function TabTriage() {
  const [tab, setTab] = useState<{ id: number; summary: PageTriageSummary }>();
  useEffect(() => {
    let stopped = false;
    void (async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      if (active?.id === undefined) return;
      const summary = await sendMessage('getPageTriage', undefined, active.id).catch(() => undefined);
      if (!stopped && summary && summary.total > 0) setTab({ id: active.id, summary });
    })();
    return () => {
      stopped = true;
    };
  }, []);
  if (!tab) return null;
  const { summary } = tab;
  const n = summary.highlighted.length;
  return (
    <section class="tab-triage" aria-label="Matches on this page">
      <h2>{`${n} of ${summary.total} entries on this page match your interests`}</h2>
      {n > 0 && (
        <ul>
          {summary.highlighted.map((entry) => (
            <li key={entry.index}>
              <button
                type="button"
                title={entry.reasons.join('; ')}
                onClick={() =>
                  void sendMessage('showPageEntry', { index: entry.index }, tab.id)
                    .then(() => window.close())
                    .catch(() => undefined)
                }
              >
                {entry.title}
              </button>
              <span class="tab-triage__why">{entry.reasons.join('; ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
