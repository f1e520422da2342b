import { describe, expect, it } from 'vitest';
import { describeStorage, formatBytes } from './storage';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1023, '1023 bytes'],
    [1536, '1.5 KB'],
    [5 * 1024 * 1024 + 1, '5.0 MB'],
    [150 * 1024 * 1024, '150 MB'],
    [10 * 1024 ** 3, '10.0 GB'],
    [-5, '0 bytes'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('describeStorage', () => {
  it.each([
    [{ usage: 1536, quota: 10 * 1024 ** 3, persisted: true }, 'Storage used: 1.5 KB of 10.0 GB (0.00 %). Kept persistently: the browser will not clear it to free space.'],
    [{ usage: 600 * 1024 ** 2, quota: 1024 ** 3, persisted: false }, 'Storage used: 600 MB of 1.0 GB (59 %). Not persistent: the browser may clear it when the disk is nearly full; export a backup.'],
    [{ usage: 2048 }, 'Storage used: 2.0 KB.'],
    [{}, 'Storage used: unknown (this browser does not report it).'],
  ])('%o', (facts, text) => {
    expect(describeStorage(facts)).toBe(text);
  });
});
