// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createGestureGate } from './gesture';

/** The panel's shape: a status fieldset of labelled radios, a list box, the tag form, the note. */
function panel() {
  const root = document.createElement('section');
  const statuses = document.createElement('fieldset');
  const radios = ['to-read', 'reading'].map((name) => {
    const label = document.createElement('label');
    const radio = document.createElement('input');
    radio.type = 'radio';
    label.append(radio, name);
    statuses.append(label);
    return { label, radio };
  });
  const listLabel = document.createElement('label');
  const listBox = document.createElement('input');
  listBox.type = 'checkbox';
  listLabel.append(listBox, 'Thesis');
  const form = document.createElement('form');
  const tagBox = document.createElement('input');
  const addTag = document.createElement('button');
  form.append(tagBox, addTag);
  const note = document.createElement('textarea');
  root.append(statuses, listLabel, form, note);
  return { root, radios, listBox, listLabel, form, tagBox, addTag, note };
}

// Browsers set isTrusted; a test can only describe it.
const ev = (target: Element, isTrusted = true) => ({ isTrusted, target }) as unknown as Event;

describe('createGestureGate', () => {
  const p = panel();
  const cases: [string, Element | null, Element, boolean][] = [
    ['a click on a radio, then its change', p.radios[0]!.radio, p.radios[0]!.radio, true],
    ['a click on a radio\'s label, then the radio\'s change', p.radios[0]!.label, p.radios[0]!.radio, true],
    ['an arrow key on one radio, then its neighbour\'s change', p.radios[0]!.radio, p.radios[1]!.radio, true],
    ['Enter in the tag box, then its form\'s submit', p.tagBox, p.form, true],
    ['a click on Add tag, then its form\'s submit', p.addTag, p.form, true],
    ['a click on the list box, then a status change', p.listBox, p.radios[1]!.radio, false],
    ['a click in the note, then a list box change', p.note, p.listBox, false],
    ['no gesture at all, then a change', null, p.listBox, false],
  ];
  it.each(cases)('%s → %s', (_what, gesture, action, allowed) => {
    const gate = createGestureGate();
    if (gesture) {
      gate.note(ev(gesture));
      gate.forget(ev(gesture)); // an arrow key moves the focus off the pressed radio before the change arrives
    }
    expect(gate.allows(ev(action))).toBe(allowed);
  });

  it('ignores untrusted gestures and untrusted actions', () => {
    const gate = createGestureGate();
    gate.note(ev(p.listBox, false));
    expect(gate.allows(ev(p.listBox))).toBe(false);
    gate.note(ev(p.listBox));
    expect(gate.allows(ev(p.listBox, false))).toBe(false);
    expect(gate.allows(ev(p.listBox))).toBe(true);
  });

  it('lets an action follow its gesture for windowMs only', () => {
    let t = 0;
    const gate = createGestureGate(1_000, () => t);
    gate.note(ev(p.listBox));
    t = 1_000;
    expect(gate.allows(ev(p.listBox))).toBe(true);
    t = 1_001;
    expect(gate.allows(ev(p.listBox))).toBe(false);
  });

  it('accepts typing in the field the reader clicked for as long as it keeps the focus, not after a refocus', () => {
    let t = 0;
    const gate = createGestureGate(1_000, () => t);
    expect(gate.allowsTyping(ev(p.note))).toBe(false);
    gate.note(ev(p.note));
    t = 60_000; // dictation long after the click
    expect(gate.allowsTyping(ev(p.note))).toBe(true);
    expect(gate.allowsTyping(ev(p.tagBox))).toBe(false);
    gate.forget(ev(p.note)); // focus left the note: a page script's focus() + execCommand finds no gesture
    expect(gate.allowsTyping(ev(p.note))).toBe(false);
  });
});
