/**
 * Badges beside recognised paper entries. Each badge is a small host element with its own shadow root, so the
 * page's CSS cannot restyle it; its text is set with textContent only. The root is open (assistive technology and
 * our browser tests find the button by role, as a person would); what keeps page scripts from acting through it
 * is that every handler ignores events the browser did not mark as trusted (a script's synthetic click).
 * One constructable stylesheet is shared by every badge (a thousand entries cost one stylesheet, not a thousand).
 */
import type { PageMark } from '@/lib/browser/library';
import type { PaperRef } from './sites';
import { sharedSheet } from './ui/sheet';

export const BADGE_ATTR = 'data-paperlight-badge';

const BADGE_CSS = `
:host { all: initial; display: inline-block; margin: 2px 0 2px 6px; vertical-align: middle; }
button {
  font: 600 11px/1.6 system-ui, -apple-system, 'Segoe UI', sans-serif;
  border-radius: 10px; padding: 0 8px; cursor: pointer;
  border: 1px solid #0b57d0; color: #0b57d0; background: #f3f7ff;
}
button.saved { border-color: #188038; color: #fff; background: #188038; }
button.reading { border-color: #e37400; background: #e37400; }
button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
@media (prefers-color-scheme: dark) { button { background: #1d2633; color: #8ab4f8; border-color: #8ab4f8; } }
`;

const badgeSheet = sharedSheet(BADGE_CSS);

/** The words a badge shows: "in corpus", or the saved state (lists, status, tags, notes). */
export function badgeText(mark: PageMark): string {
  if (!mark.saved) return 'Paperlight · in corpus';
  const parts = [mark.status ?? 'saved', ...mark.lists.filter((l) => l !== 'Reading list'), ...mark.tags.map((t) => `#${t}`)];
  if (mark.noteCount) parts.push(`${mark.noteCount} note${mark.noteCount > 1 ? 's' : ''}`);
  return `Paperlight · ${parts.join(' · ')}`;
}

export interface Badge {
  host: HTMLElement;
  button: HTMLButtonElement;
  update(mark: PageMark): void;
}

/** Creates a badge for `ref` and puts it where the adapter said (after a title heading, else inside the entry). */
export function placeBadge(ref: PaperRef, mark: PageMark, onOpen: () => void, signal: AbortSignal): Badge {
  const host = document.createElement('span');
  host.setAttribute(BADGE_ATTR, '');
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [badgeSheet()];
  const button = document.createElement('button');
  button.type = 'button';
  shadow.append(button);
  button.addEventListener(
    'click',
    (e) => {
      e.preventDefault();
      e.stopPropagation();
      if (e.isTrusted) onOpen();
    },
    { signal },
  );
  const update = (next: PageMark) => {
    button.textContent = badgeText(next);
    button.className = next.saved ? `saved ${next.status ?? ''}` : '';
    button.setAttribute('aria-label', `${badgeText(next)}: open the Paperlight panel for “${ref.title || ref.id || 'this paper'}”`);
  };
  update(mark);
  const el = ref.element;
  if (/^h[1-6]$/.test(el.localName)) el.append(host);
  else (el.querySelector('.list-title, .title, h3, h1') ?? el).append(host);
  return { host, button, update };
}

/** Removes every badge this script placed (on abort, and before a client-side navigation rescans). */
export function removeBadges(root: ParentNode = document): void {
  for (const el of Array.from(root.querySelectorAll(`[${BADGE_ATTR}]`))) el.remove();
}
