/**
 * `npm run fuzz`: the long run, over 100,000 mutated files (about 2,150 per reader target,
 * 300 per Parquet file, 200 per CLI target). Prints the counts; fails on any
 * untyped throw or slow case. FUZZ_SCALE (default 1) scales the case counts, FUZZ_SEED picks
 * another seed, FUZZ_SAVE names a directory to keep every bad case in.
 */
import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeStats, emptyStats, type FuzzOptions, fuzzTargets } from './engine.js';
import { cleanUp, runCliCase, runReaderCase } from './run-case.js';
import { cliTargets, parquetTargets, readerTargets } from './targets.js';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 7);
const SAVE = process.env.FUZZ_SAVE;

/** The RSS no case may push the process past (the harness itself holds ~200 MB). */
const RSS_LIMIT = 1.5 * 2 ** 30;

it('100,000 mutated vectors files end in success or a typed error', async () => {
  const start = performance.now();
  const stats = emptyStats();
  const common: Omit<FuzzOptions, 'casesPerTarget' | 'run'> = {
    seed: SEED,
    mode: 'collect',
    ...(SAVE !== undefined && { saveDir: SAVE }),
    // The last case begun, so a synchronous hang (which no timer can interrupt) names itself.
    onCase: (target, mutations) => {
      if (SAVE !== undefined)
        writeFileSync(
          `${SAVE}.last`,
          `${target.path} ${target.file} ${JSON.stringify(mutations)}\n`,
        );
    },
  };
  const n = (k: number): number => Math.max(1, Math.round(k * SCALE));
  await fuzzTargets(
    readerTargets(),
    { ...common, casesPerTarget: n(2150), run: runReaderCase },
    stats,
  );
  await fuzzTargets(
    parquetTargets(),
    { ...common, casesPerTarget: n(300), run: runReaderCase },
    stats,
  );
  await fuzzTargets(cliTargets(), { ...common, casesPerTarget: n(200), run: runCliCase }, stats);
  cleanUp();
  console.log(`npm run fuzz (seed ${SEED})\n${describeStats(stats, performance.now() - start)}`);
  for (const f of stats.failures.slice(0, 10))
    console.log(
      `${f.target} ${JSON.stringify(f.mutations)}: ${JSON.stringify(f.outcome).slice(0, 400)}`,
    );
  expect(stats.untyped).toBe(0);
  expect(stats.slow).toBe(0);
  expect(stats.peakRss).toBeLessThan(RSS_LIMIT);
});
