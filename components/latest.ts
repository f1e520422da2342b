/**
 * The rule for every UI that asks the background again after a change (DESIGN.md, "Answers arrive out of
 * order"): re-read what the reader has on screen now, and show only the latest answer. Popup search, the library
 * page's list, the page panel.
 */
import { useRef, useState } from 'preact/hooks';

/**
 * `begin()` starts a request and returns `isLatest()`, which turns false as soon as a newer request begins. The
 * function is the same on every render, so callbacks may keep it.
 */
export function useLatestRequest(): () => () => boolean {
  const [begin] = useState(() => {
    let counter = 0;
    return () => {
      const mine = ++counter;
      return () => mine === counter;
    };
  });
  return begin;
}

/** A ref that always holds `value` as of the latest render: for a request finishing after the reader moved on. */
export function useNow<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
