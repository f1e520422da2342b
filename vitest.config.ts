import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Vitest 5's reporter calls Map.groupBy (Node ≥ 21) when it prints a failure; these machines run Node 20, where a
// failing test would otherwise crash the reporter instead of being reported. Same semantics as the spec.
if (typeof Map.groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'entrypoints/**/*.test.ts', 'entrypoints/**/*.test.tsx', 'test/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        // Real Chromium with the built extension: one file at a time (2 cores, one browser at once).
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // vitest's default poll budget is 1 s; CI runs the unit project beside these on 2 cores, where a search
          // or a page's marks can take longer to show. A poll still fails when the thing never happens; how fast
          // it happens is measured by `npm run bench`, not asserted here.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
