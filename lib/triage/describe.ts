/**
 * A reason as the reader reads it, on the page's hover/focus card and in the popup. Plain text (rendered with
 * textContent or Preact): titles and names come from pages and the library.
 */
import type { Reason, TriageResult } from './types';

export function describeReason(reason: Reason): string {
  switch (reason.kind) {
    case 'keyword':
      return `keyword “${reason.keyword}” in the ${reason.field}`;
    case 'author':
      return reason.author === reason.watched ? `watched author ${reason.author}` : `watched author ${reason.watched} (as ${reason.author})`;
    case 'library-author':
      return `${reason.author} is on ${reason.savedPapers} of your saved papers`;
    case 'similar':
      return `resembles “${reason.title}”${reason.starter ? ' (from the bundled corpus: your library is empty)' : ' in your library'}`;
  }
}

/** Every reason of a result, strongest first. */
export function describeResult(result: TriageResult): string[] {
  return result.reasons.map(describeReason);
}
