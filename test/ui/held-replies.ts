/**
 * For UI unit tests about the order in which a page shows its own requests' answers: a stand-in for
 * `sendMessage` whose replies stay pending until the test releases them, and a root to render into. Use with
 *   vi.mock('@/lib/browser/messages', async () => ({ sendMessage: (await import('<this file>')).heldSendMessage }));
 * The browser tests (test/e2e) run the same pages against the real background.
 */
import { afterEach, beforeEach } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export interface HeldCall {
  type: string;
  data: unknown;
  resolve: (value: unknown) => void;
}

/** Requests sent and not yet answered, oldest first. */
export const held: HeldCall[] = [];

export function heldSendMessage(type: string, data: unknown): Promise<unknown> {
  return new Promise((resolve) => held.push({ type, data, resolve }));
}

/** A fresh root (and fakeBrowser, and no held requests) for each test; unmounted after it. */
export function useRoot(): () => HTMLElement {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    held.length = 0;
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return () => root;
}
