import { describe, expect, it } from 'vitest';
import { errorText } from './error-text';

describe('errorText', () => {
  it("is an Error's message, or the thrown value as text", () => {
    expect(errorText(new TypeError('library: no such list'))).toBe('library: no such list');
    expect(errorText('quota exceeded')).toBe('quota exceeded');
    expect(errorText(undefined)).toBe('undefined');
  });
});
