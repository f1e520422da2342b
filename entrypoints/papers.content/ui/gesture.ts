/**
 * Whether an event on our UI inside a web page comes from the reader. `isTrusted` alone is not enough there: a page
 * script's `checkbox.click()` or `radio.click()` makes the browser fire a trusted `change`, `form.requestSubmit()` a
 * trusted `submit`, and `document.execCommand('insertText')` a trusted `input` (all seen in Chromium 156 by
 * test/e2e/trust.e2e.ts). What a page script cannot make is a trusted key press, pointer press, paste or drop, so
 * an action must follow one of those, just before, on the same control (or the label, fieldset or form around it).
 */

/** The events only the reader can make trusted, listened to in the capture phase inside our shadow root. */
export const GESTURE_EVENTS = ['pointerdown', 'keydown', 'paste', 'drop'] as const;

export interface GestureGate {
  /** Records a trusted gesture (attach to GESTURE_EVENTS, capture phase, inside the UI's shadow root). */
  note(event: Event): void;
  /** Forgets a gesture on the element losing focus (attach to focusout): a page script may refocus it, not retype. */
  forget(event: Event): void;
  /** True when `event` is trusted and follows the reader's own gesture on the same control. */
  allows(event: Event): boolean;
  /**
   * True for trusted typing into the field the reader last pressed, clicked, pasted or dropped into, for as long as it
   * keeps the focus (no time limit: dictation and IME commits can come long after the click that placed the caret).
   */
  allowsTyping(event: Event): boolean;
}

/**
 * @param windowMs How long after a gesture an action may follow (a change or submit follows its key or pointer
 *   press within a few milliseconds; a slow click holds the pointer down a while). @default 1000
 */
export function createGestureGate(windowMs = 1_000, now: () => number = () => performance.now()): GestureGate {
  let last: { at: number; target: Element } | undefined;
  // The field the reader last pressed in, while it keeps the focus (a radio group's arrow key moves the focus
  // before its change event, so `last` itself is not cleared by focusout).
  let focused: Element | undefined;
  return {
    note(event) {
      if (event.isTrusted && event.target instanceof Element) {
        last = { at: now(), target: event.target };
        focused = event.target;
      }
    },
    forget(event) {
      if (event.target === focused) focused = undefined;
    },
    allowsTyping(event) {
      return event.isTrusted && !!focused && event.target === focused;
    },
    allows(event) {
      const target = event.target;
      if (!event.isTrusted || !last || !(target instanceof Element) || now() - last.at > windowMs) return false;
      // A radio's arrow key lands on its neighbour, a label click on its box, Enter in a field submits its form.
      const from = last.target;
      const radio = from instanceof HTMLInputElement && from.type === 'radio';
      const scope = (radio ? from.closest('fieldset') : null) ?? from.closest('label, fieldset, form, button') ?? from;
      return scope === target || scope.contains(target) || target.contains(from);
    },
  };
}
