/**
 * The fuzz harness's short run, part of `npm test`: a few thousand mutated files through
 * every reader, a few dozen through the Parquet reader and the CLI's `validate`. Seeds
 * are fixed, so a failure reproduces; fast-check stops at the first bad case and shrinks it.
 * `npm run fuzz` runs the same properties over 100,000 cases (test/fuzz/full.fuzz.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzTargets } from './engine.js';
import { cleanUp, runCliCase, runReaderCase } from './run-case.js';
import { cliTargets, parquetTargets, readerTargets } from './targets.js';

const SEED = 20261207;

afterAll(cleanUp);

describe('mutated vectors files end in success or a typed error', () => {
  it('every reader, 40 cases per target', async () => {
    const stats = await fuzzTargets(readerTargets(), {
      seed: SEED,
      casesPerTarget: 40,
      run: runReaderCase,
      mode: 'stop',
    });
    expect(stats.untyped + stats.slow).toBe(0);
    expect(stats.cases).toBeGreaterThanOrEqual(1500);
    // Some mutations leave the file readable (a flipped value bit), most do not.
    expect(stats.ok).toBeGreaterThan(0);
    expect(stats.typed).toBeGreaterThan(0);
  });

  it('Parquet, 10 cases per file', async () => {
    const stats = await fuzzTargets(parquetTargets(), {
      seed: SEED,
      casesPerTarget: 10,
      run: runReaderCase,
      mode: 'stop',
    });
    expect(stats.untyped + stats.slow).toBe(0);
  });

  it('the CLI validate: exit 0, 1 or 2, never an internal error', async () => {
    const stats = await fuzzTargets(cliTargets(), {
      seed: SEED,
      casesPerTarget: 10,
      run: runCliCase,
      mode: 'stop',
    });
    expect(stats.untyped + stats.slow).toBe(0);
  });
});
