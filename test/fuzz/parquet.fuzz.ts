/**
 * The Parquet reader's own long fuzz run (`npx vitest run --config vitest.fuzz.config.ts
 * test/fuzz/parquet.fuzz.ts`): mutated files from every writer, codec and encoding of the
 * fixtures, each read footer to last batch from memory; every case must end in a batch
 * stream or one typed error, within 5 s, without the process growing past 1.5 GB (a lying
 * header must not make the reader allocate what the file cannot hold). FUZZ_SCALE scales
 * the 500 cases per file, FUZZ_SEED picks another seed.
 */
import { expect, it } from 'vitest';
import { describeStats, emptyStats, fuzzTargets } from './engine.js';
import { cleanUp, runReaderCase } from './run-case.js';
import { parquetTargets, parquetWriterTargets } from './targets.js';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 11);
const RSS_LIMIT = 1.5 * 2 ** 30;

it('mutated Parquet files end in success or a typed error', async () => {
  const start = performance.now();
  const stats = emptyStats();
  await fuzzTargets(
    [...parquetTargets(), ...parquetWriterTargets()],
    {
      seed: SEED,
      mode: 'collect',
      casesPerTarget: Math.max(1, Math.round(500 * SCALE)),
      run: runReaderCase,
    },
    stats,
  );
  cleanUp();
  console.log(`Parquet fuzz (seed ${SEED})\n${describeStats(stats, performance.now() - start)}`);
  for (const f of stats.failures.slice(0, 10))
    console.log(
      `${f.target} ${JSON.stringify(f.mutations)}: ${JSON.stringify(f.outcome).slice(0, 400)}`,
    );
  expect(stats.untyped).toBe(0);
  expect(stats.slow).toBe(0);
  expect(stats.peakRss).toBeLessThan(RSS_LIMIT);
});
