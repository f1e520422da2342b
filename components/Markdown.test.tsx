// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { Markdown } from './Markdown';

function html(text: string): string {
  const root = document.createElement('div');
  render(<Markdown text={text} />, root);
  return root.innerHTML;
}

describe('Markdown', () => {
  it('renders emphasis, code, task lists and safe links', () => {
    const root = document.createElement('div');
    render(<Markdown text={'**Key** idea: `loss` drops\n\n- [x] read [paper](https://arxiv.org/abs/1)'} />, root);
    expect(root.innerHTML).toBe(
      '<div class="markdown"><p><strong>Key</strong> idea: <code>loss</code> drops</p><ul><li><input type="checkbox" disabled="" aria-label="done">read <a href="https://arxiv.org/abs/1" target="_blank" rel="noopener noreferrer">paper</a></li></ul></div>',
    );
    expect(root.querySelector('input')!.checked).toBe(true);
  });

  it('keeps raw HTML as text and drops javascript: links', () => {
    const out = html('<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('href="javascript');
  });
});
