import { defineConfig } from 'vitest/config';

/** `npm run fuzz`: the long fuzz run (test/fuzz/*.fuzz.ts), apart from `npm test`. */
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.fuzz.ts'],
    testTimeout: 3_600_000,
    pool: 'forks',
  },
});
