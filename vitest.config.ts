import { defineConfig } from 'vitest/config';
import ClosingLineReporter from './test/helpers/closing-line.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Native onnxruntime sessions and worker threads are safer in forked processes.
    pool: 'forks',
    reporters: ['default', new ClosingLineReporter()],
  },
});
