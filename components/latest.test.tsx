// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useLatestRequest, useNow } from './latest';

describe('useLatestRequest and useNow', () => {
  it('an earlier request stops being the latest once a newer begins; the hooks keep their identity across renders', async () => {
    const seen: { begin: () => () => boolean; now: { readonly current: number } }[] = [];
    function Probe({ value }: { value: number }) {
      seen.push({ begin: useLatestRequest(), now: useNow(value) });
      return null;
    }
    const root = document.createElement('div');
    await act(async () => render(<Probe value={1} />, root));
    await act(async () => render(<Probe value={2} />, root));
    const [first, second] = seen;
    expect(second!.begin).toBe(first!.begin);
    expect(second!.now).toBe(first!.now);
    expect(first!.now.current).toBe(2); // what a request begun at the first render reads when it returns

    const a = first!.begin();
    expect(a()).toBe(true);
    const b = second!.begin();
    expect([a(), b()]).toEqual([false, true]);
    render(null, root);
  });
});
