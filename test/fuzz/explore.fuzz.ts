import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { describeStats, fuzzTargets } from './engine.js';
import { runReaderCase, cleanUp } from './run-case.js';
import { readerTargets } from './targets.js';

it('explore', async () => {
  const t0 = performance.now();
  const stats = await fuzzTargets(readerTargets(), {
    seed: Number(process.env.FUZZ_SEED ?? 1),
    casesPerTarget: Number(process.env.FUZZ_N ?? 200),
    run: runReaderCase,
    mode: 'collect',
    saveDir: '/tmp/readers-fuzz-out',
    onCase: (t, m) =>
      writeFileSync('/tmp/readers-fuzz-last', `${t.path} ${t.file} ${JSON.stringify(m)}\n`),
  });
  cleanUp();
  console.log(describeStats(stats, performance.now() - t0));
  for (const f of stats.failures.slice(0, 30))
    console.log(f.target, JSON.stringify(f.mutations), JSON.stringify(f.outcome).slice(0, 300));
}, 600_000);
