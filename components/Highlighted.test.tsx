// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { Highlighted } from './Highlighted';

function html(text: string, ranges: [number, number][]): string {
  const root = document.createElement('div');
  render(<Highlighted text={text} ranges={ranges} />, root);
  return root.innerHTML;
}

describe('Highlighted', () => {
  it('marks ranges, merging overlaps and ignoring bad ones', () => {
    expect(html('Scaling Laws for Neural', [[0, 7], [5, 12], [30, 40], [3, 3]])).toBe('<mark>Scaling Laws</mark> for Neural');
  });

  it('keeps hostile text as text', () => {
    expect(html('<img src=x onerror=alert(1)>', [[1, 4]])).toBe('&lt;<mark>img</mark> src=x onerror=alert(1)&gt;');
  });
});
