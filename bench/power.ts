/**
 * How often the gate blocks, by true drop and suite size: `npx tsx bench/power.ts
 * [--reps 200] [--deltas file]`. Each replication draws n per-query deltas (with replacement)
 * from a per-query delta distribution, shifts them to a true mean drop, and runs the floor's
 * verdict and findings exactly as the gate does (`regressionVerdict`, `floorFindings`), with
 * 500 sign flips and 100 bootstrap resamples instead of 10,000 to keep the grid to a minute.
 *
 * The distribution: `--deltas` names a file of real per-query deltas (one number a line, e.g.
 * from two runs of `embedding-gate eval`); without it, a realistic nDCG@10 shape — 45% of the
 * queries unchanged (their top 10 did not move), the rest Laplace with scale 0.095, clipped
 * to [−1, 1] — whose sd (about 0.10) matches the spread measured on all-MiniLM-L6-v2 suites.
 * The distribution is centered before the shift, so "0 points" is a harmless re-run.
 *
 * Columns: the minimum detectable effect (mde, the drop beyond max_drop blocked with 80%
 * power), the share of runs blocked per true drop, and the share of harmless runs (drop 0)
 * that carry any warning (`bench.underpowered` or `bench.inconclusive`).
 */
import { readFileSync } from 'node:fs';
import { floorFindings } from '../src/gate/checks/quality-floors.js';
import type { QualityFloor } from '../src/config/contract.js';
import { regressionVerdict } from '../src/retrieval/regression.js';
import { mean, minimumDetectableDrop, Rng, sampleSd } from '../src/retrieval/stats.js';

const DROPS = [0, 0.005, 0.01, 0.02, 0.03, 0.05];
const SIZES = [100, 300, 1000, 3000];
const MAX_DROPS = [0.01, 0.02];

function option(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

function realisticDeltas(count: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: count }, () => {
    if (rng.float() < 0.45) return 0;
    const u = rng.float() - 0.5;
    const laplace = -0.095 * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
    return Math.max(-1, Math.min(1, laplace));
  });
}

function loadDeltas(): { deltas: Float64Array; source: string } {
  const file = option('deltas');
  if (!file) return { deltas: realisticDeltas(20000, 1), source: 'realistic nDCG@10 shape' };
  const values = readFileSync(file, 'utf8')
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
    .filter(Number.isFinite);
  return { deltas: Float64Array.from(values), source: `${values.length} deltas from ${file}` };
}

const reps = Number(option('reps') ?? 200);
const { deltas: raw, source } = loadDeltas();
const center = mean(raw);
const pool = raw.map((d) => d - center);
const sd = sampleSd(pool);
console.log(`per-query deltas: ${source}, sd ${sd.toFixed(4)}; ${reps} runs per cell`);

const header = ['max_drop', 'queries', 'mde', ...DROPS.map((d) => `${d * 100} pt`), 'warned at 0'];
const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
const t0 = process.hrtime.bigint();
for (const maxDrop of MAX_DROPS) {
  const floor: QualityFloor = { suite: 'bench', metric: 'ndcg@10', max_drop: maxDrop };
  for (const n of SIZES) {
    const qids = Array.from({ length: n }, (_, i) => `q${i}`);
    const baseline = new Map(qids.map((q) => [q, 0.5]));
    const cells: string[] = [];
    let warned = 0;
    for (const drop of DROPS) {
      let blocked = 0;
      for (let r = 0; r < reps; r++) {
        const rng = new Rng(r * 7919 + n);
        const candidate = new Map(qids.map((q) => [q, 0.5 - drop + pool[rng.int(pool.length)]!]));
        const m = regressionVerdict([{ rule: floor, baseline, candidate }], {
          seed: r,
          iterations: 100,
          permutations: 500,
        }).metrics[0]!;
        const findings = floorFindings(m, floor, 'bench', 'bench');
        if (findings.some((f) => f.severity === 'error')) blocked++;
        else if (drop === 0 && findings.some((f) => f.severity === 'warning')) warned++;
      }
      cells.push(`${Math.round((100 * blocked) / reps)}%`);
    }
    const mde = minimumDetectableDrop(sd / Math.sqrt(n));
    const resolved = mde <= maxDrop ? '' : ' ⚠';
    lines.push(
      `| ${maxDrop} | ${n} | ${mde.toFixed(4)}${resolved} | ${cells.join(' | ')} | ${Math.round((100 * warned) / reps)}% |`,
    );
  }
}
console.log(lines.join('\n'));
console.log(
  `⚠: mde > max_drop (bench.underpowered). ${(Number(process.hrtime.bigint() - t0) / 1e9) | 0} s`,
);
