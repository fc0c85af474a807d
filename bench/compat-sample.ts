/**
 * Is a larger compatibility sample worth it? `npx tsx bench/compat-sample.ts [--rows 100000]
 * [--dims 384] [--sizes 1000,2000,5000,10000] [--seeds 20] [--cases a,b] [--sets population,real]`.
 *
 * For each sample size, over `--seeds` sampling seeds, on the calibration cases that sit near
 * the thresholds (test/release/calibration.ts), it prints each measure's mean and standard
 * deviation across seeds, how the three-way answer (mixable / re-index, neighbourhoods
 * preserved / re-index, incompatible) is spread, how often it differs from the reference
 * answer, and the time of `measureCompatibilityGemm` (with the 1-minute load average).
 *
 * Two sets:
 * - `population`: `--rows` rows resembling all-MiniLM-L6-v2 sentence embeddings, built on the
 *   real 778 × 384 vectors (test/fixtures/real/fiori-minilm): row r is a real vector (chosen by
 *   r's seeded stream) plus a deviation drawn from the real set's own covariance (a Gaussian
 *   mix of 16 centred real vectors), scaled so that a 778-row sample has the real set's
 *   nearest-neighbour cosines, then unit-normalised; 1.5% of the rows are near-duplicates of
 *   another row (`--duplicates`). Every row, and what each case does to it,
 *   derives from the row number alone, so only the sampled rows are ever built. The sample
 *   is the gate's own (`bottomK` over the ids `doc-<r>`), and since bottom-k samples are nested
 *   the sizes of one seed are prefixes of one draw. The full set is out of reach (n² Gram
 *   matrices), so the reference answer is the most frequent one at the largest size.
 * - `real`: the 778 real rows themselves, the cases applied exactly as calibration.ts does;
 *   sizes 250 and 500 of them and the full set, whose answer (the README's calibration table)
 *   is the reference.
 *
 * Mean shifts between sizes are sample-size bias (a larger sample has nearer neighbours, so
 * "nearer than the nearest neighbour" and the overlaps move with n), not noise.
 *
 * The default run (560 + 420 measurements) took 38 minutes on 2 shared cores, the 10,000-row
 * measurements most of it, so it is not one of `npm run bench`'s scripts; `--json FILE` keeps
 * every run's measures (rewritten after each seed) for a later look.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import {
  measureCompatibilityGemm,
  type CompatibilityMeasures,
} from '../src/release/compat-measures.js';
import { bottomK } from '../src/release/compat-sample.js';
import { DEFAULT_THRESHOLDS, judgeCompatibility } from '../src/release/compat.js';
import { nearIdentity, realNoise, realSet, rotate, shuffleRows } from '../test/release/real.js';
import { gaussian, normalizeRows, project, randomMap, rng } from '../test/release/synthetic.js';
import { fmt } from './lib.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const numberOption = (name: string, fallback: number) => Number(option(name) ?? fallback);
const listOption = (name: string) => option(name)?.split(',');

const ROWS = numberOption('rows', 100_000);
const DIMS = numberOption('dims', 384);
const SEEDS = numberOption('seeds', 20);
const SIZES = (listOption('sizes') ?? ['1000', '2000', '5000', '10000']).map(Number);
const SETS = listOption('sets') ?? ['population', 'real'];
const ONLY = listOption('cases');
/** Mixing 16 centred real vectors gives deviations with the real set's covariance. */
const MIX = 16;
/** Deviation scale: a 778-row sample then has the real set's nearest-neighbour cosines (printed). */
const SPREAD = numberOption('spread', 0.6);
/**
 * Share of rows that are near-duplicates of another row of the population (the real set has
 * 2.8% of rows with a neighbour above cosine 0.95); a sample holds both of a pair with
 * probability n / rows, so small samples of a large set see fewer of them.
 */
const DUPLICATES = numberOption('duplicates', 0.015);
/** Where to keep every run's measures as JSON (rewritten after each seed), if set. */
const JSON_OUT = option('json');

/** A seed for row r's own stream: every row and every case's change to it derive from it. */
const rowSeed = (r: number, salt: number) => (Math.imul(r + 1, 0x9e3779b1) ^ salt) >>> 0;

/** The real vectors (mapped to `dims` by a fixed Gaussian map when dims ≠ 384) and their centred copies. */
function realBasis(dims: number): { centres: Float32Array; centred: Float32Array; count: number } {
  const real = realSet();
  const centres =
    dims === real.dims
      ? real.values
      : normalizeRows(project(real.values, real.dims, randomMap(real.dims, dims, 5), dims), dims);
  const mean = new Float64Array(dims);
  for (let r = 0; r < real.rows; r++)
    for (let j = 0; j < dims; j++) mean[j]! += centres[r * dims + j]! / real.rows;
  const centred = centres.map((v, i) => v - mean[i % dims]!);
  return { centres, centred, count: real.rows };
}

/** Population rows `rows` (row numbers), `rows.length × dims`. */
function populationRows(rows: Int32Array, dims: number): Float32Array {
  const out = new Float32Array(rows.length * dims);
  rows.forEach((r, i) => {
    const next = rng(rowSeed(r, 0xd0b));
    if (next() >= DUPLICATES) return writeRow(r, out, i * dims, dims);
    // A near-duplicate (boilerplate chunk) of another row: that row's vector plus a little
    // isotropic noise, cosine ≈ 0.97 with it.
    writeRow(Math.floor(next() * ROWS), out, i * dims, dims);
    const scale = 0.25 / Math.sqrt(dims);
    for (let j = 0; j < dims; j++) out[i * dims + j]! += scale * gaussian(next);
  });
  return normalizeRows(out, dims);
}

/** Row r before duplication: a real vector plus a deviation with the real covariance. */
function writeRow(r: number, out: Float32Array, o: number, dims: number): void {
  const { centres, centred, count } = basis;
  const scale = SPREAD / Math.sqrt(MIX);
  const next = rng(rowSeed(r, 0xa11ce));
  const a = Math.floor(next() * count);
  let s = 0;
  for (let j = 0; j < dims; j++) out[o + j] = centres[a * dims + j]!;
  for (let m = 0; m < MIX; m++) {
    const u = Math.floor(next() * count);
    const g = scale * gaussian(next);
    for (let j = 0; j < dims; j++) out[o + j]! += g * centred[u * dims + j]!;
  }
  for (let j = 0; j < dims; j++) s += out[o + j]! ** 2;
  for (let j = 0; j < dims; j++) out[o + j]! /= Math.sqrt(s);
}

/** Isotropic noise of norm ≈ `level` on each row, from the row's own stream (as realNoise). */
function rowNoise(values: Float32Array, rows: Int32Array, dims: number, level: number) {
  const out = values.slice();
  const scale = level / Math.sqrt(dims);
  rows.forEach((r, i) => {
    const next = rng(rowSeed(r, 0x5eed));
    for (let j = 0; j < dims; j++) out[i * dims + j]! += scale * gaussian(next);
  });
  return normalizeRows(out, dims);
}

/** A `fraction` of the ids (chosen by their own stream) get another population row's vector. */
function replaceSome(values: Float32Array, rows: Int32Array, dims: number, fraction: number) {
  const out = values.slice();
  rows.forEach((r, i) => {
    const next = rng(rowSeed(r, 0xbad));
    if (next() >= fraction) return;
    const other = Math.floor(next() * ROWS);
    out.set(populationRows(Int32Array.of(other), dims), i * dims);
  });
  return out;
}

type Transform = (values: Float32Array, rows: Int32Array, dims: number) => Float32Array;

/**
 * The cases near the thresholds (the README calibration table: real noise 0.2 mixable, 0.3
 * not; retrain I + 0.2G mixable, I + 0.3G not; rotation + noise 0.2 near the kNN threshold)
 * and a partial replacement either side of the 0.99 "nearer than the nearest neighbour" line.
 */
const POPULATION_CASES: [string, Transform][] = [
  ['noise 0.2', (v, r, d) => rowNoise(v, r, d, 0.2)],
  ['noise 0.3', (v, r, d) => rowNoise(v, r, d, 0.3)],
  ['retrain I + 0.2G', (v, _r, d) => nearIdentity(v, d, 0.2, 5)],
  ['retrain I + 0.3G', (v, _r, d) => nearIdentity(v, d, 0.3, 5)],
  ['rotation + noise 0.2', (v, r, d) => rowNoise(rotate(v, d, 3), r, d, 0.2)],
  ['0.5% of ids replaced', (v, r, d) => replaceSome(v, r, d, 0.005)],
  ['2% of ids replaced', (v, r, d) => replaceSome(v, r, d, 0.02)],
];

/** The same cases on the real set, made exactly as calibration.ts makes them (whole set, then sampled). */
const REAL_CASES: [string, (v: Float32Array, d: number) => Float32Array][] = [
  ['noise 0.1', (v, d) => realNoise(v, d, 0.1, 7)],
  ['noise 0.2', (v, d) => realNoise(v, d, 0.2, 7)],
  ['noise 0.3', (v, d) => realNoise(v, d, 0.3, 7)],
  ['retrain I + 0.2G', (v, d) => nearIdentity(v, d, 0.2, 5)],
  ['retrain I + 0.3G', (v, d) => nearIdentity(v, d, 0.3, 5)],
  ['rotation + noise 0.2', (v, d) => realNoise(rotate(v, d, 3), d, 0.2, 9)],
  ['ids shuffled (other vectors)', (v, d) => shuffleRows(v, d, 3)],
];

type Answer = 'mixable' | 're-index, preserved' | 're-index, incompatible';

interface Run {
  readonly m: CompatibilityMeasures;
  readonly answer: Answer;
  readonly seconds: number;
  readonly load: number;
}

async function measure(a: Float32Array, b: Float32Array, n: number, dims: number): Promise<Run> {
  const load = loadavg()[0]!;
  const t0 = performance.now();
  const m = await measureCompatibilityGemm(
    { values: a, rows: n, dims, metric: 'cosine' },
    { values: b, rows: n, dims, metric: 'cosine' },
  );
  const seconds = (performance.now() - t0) / 1000;
  const j = judgeCompatibility(
    m,
    { dims: { baseline: dims, candidate: dims }, metric: 'cosine' },
    DEFAULT_THRESHOLDS,
  );
  const answer: Answer =
    j.verdict === 'mixable'
      ? 'mixable'
      : j.neighbourhoods === 'preserved'
        ? 're-index, preserved'
        : 're-index, incompatible';
  return { m, answer, seconds, load };
}

/** Sorted nearest-neighbour cosines of unit rows (for the resemblance check). */
function neighbourCosines(v: Float32Array, n: number, d: number): { nn: number[]; mean: number } {
  const nn: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let t = 0; t < d; t++) s += v[i * d + t]! * v[j * d + t]!;
      total += s;
      if (s > best) best = s;
    }
    nn.push(best);
  }
  return { nn: nn.sort((x, y) => x - y), mean: total / (n * (n - 1)) };
}

function describeSpace(label: string, v: Float32Array, n: number, d: number): string {
  const { nn, mean } = neighbourCosines(v, n, d);
  const q = (p: number) => fmt(nn[Math.floor(p * (nn.length - 1))]!, 3);
  const above = (c: number) => `${fmt((100 * nn.filter((x) => x > c).length) / n, 1)}%`;
  return `${label}: mean pairwise cosine ${fmt(mean, 3)}, nearest-neighbour cosine p5 / median / p95 ${q(0.05)} / ${q(0.5)} / ${q(0.95)}, above 0.95 / 0.98: ${above(0.95)} / ${above(0.98)}`;
}

const meanSd = (xs: number[]): string => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd =
    xs.length > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1)) : 0;
  return `${fmt(m, 3)} ± ${fmt(sd, 3)}`;
};

function counts(answers: Answer[]): string {
  const c = new Map<Answer, number>();
  for (const a of answers) c.set(a, (c.get(a) ?? 0) + 1);
  const short = { mixable: 'mix', 're-index, preserved': 'pres', 're-index, incompatible': 'inc' };
  return [...c].map(([a, k]) => `${k} ${short[a]}`).join(', ');
}

function modal(answers: Answer[]): Answer {
  const c = new Map<Answer, number>();
  for (const a of answers) c.set(a, (c.get(a) ?? 0) + 1);
  return [...c].sort((x, y) => y[1] - x[1])[0]![0];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** One table per case: a row per sample size. */
function table(
  name: string,
  bySize: Map<number, Run[]>,
  reference: Answer,
  referenceLabel: string,
): string {
  const lines = [
    `\n${name} (reference answer: ${reference}, ${referenceLabel})`,
    '| n | answers | differs from reference | self r@1 new→old | nearer than NN | same-id cos mean | same-id cos p5 | kNN overlap@10 | CKA | mixed-index overlap | measure s (median) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [n, runs] of bySize) {
    const pick = (f: (m: CompatibilityMeasures) => number) => meanSd(runs.map((r) => f(r.m)));
    const differs = runs.filter((r) => r.answer !== reference).length;
    lines.push(
      `| ${n} | ${counts(runs.map((r) => r.answer))} | ${differs}/${runs.length} | ` +
        `${pick((m) => m.selfRetrieval!.newToOld.recall1)} | ${pick((m) => m.selfRetrieval!.nearerThanNeighbour)} | ` +
        `${pick((m) => m.sameIdCosine!.mean)} | ${pick((m) => m.sameIdCosine!.p5)} | ${pick((m) => m.knnOverlap)} | ` +
        `${pick((m) => m.cka)} | ${pick((m) => m.selfRetrieval!.mixedOverlap)} | ${fmt(median(runs.map((r) => r.seconds)), 3)} |`,
    );
  }
  return lines.join('\n');
}

/** Time per size over every case and seed of a set, with the 1-minute load average. */
function costs(all: Map<string, Map<number, Run[]>>, sizes: readonly number[]): string {
  const lines = [
    '| n | measurements | measure s: median / max | 1-min load: min–max |',
    '|---|---|---|---|',
  ];
  for (const n of sizes) {
    const runs = [...all.values()].flatMap((s) => s.get(n) ?? []);
    const loads = runs.map((r) => r.load);
    lines.push(
      `| ${n} | ${runs.length} | ${fmt(median(runs.map((r) => r.seconds)), 3)} / ${fmt(Math.max(...runs.map((r) => r.seconds)), 3)} | ` +
        `${fmt(Math.min(...loads))}–${fmt(Math.max(...loads))} |`,
    );
  }
  // Sizes share the process, so its peak is the largest size's; `--sizes N` alone gives N's own.
  lines.push(`\npeak RSS of this process: ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`);
  return lines.join('\n');
}

function dump(path: string, set: string, all: Map<string, Map<number, Run[]>>): void {
  const plain = Object.fromEntries([...all].map(([c, bySize]) => [c, Object.fromEntries(bySize)]));
  writeFileSync(path.replace(/(\.json)?$/, `-${set}.json`), JSON.stringify(plain));
}

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
const basis = realBasis(DIMS);

async function population(): Promise<void> {
  const sizes = SIZES.filter((n) => n < ROWS);
  if (ROWS <= Math.max(...SIZES)) sizes.push(ROWS); // the full set, where small enough
  const largest = Math.max(...sizes);
  const cases = POPULATION_CASES.filter(([name]) => !ONLY || ONLY.includes(name));
  console.log(
    `\n## population: ${ROWS.toLocaleString('en-US')} × ${DIMS}, sizes ${sizes.join(' / ')}, ${SEEDS} seeds, ${cases.length} cases`,
  );
  const ids = Array.from({ length: ROWS }, (_, r) => `doc-${r}`);
  const probe = populationRows(
    Int32Array.from(bottomK(ids, realSet().rows, 99), (k) => Number(k.slice(4))),
    DIMS,
  );
  const real = basis;
  console.log(describeSpace(`real ${real.count} × ${DIMS}`, real.centres, real.count, DIMS));
  console.log(describeSpace(`population sample of ${real.count}`, probe, real.count, DIMS));

  const all = new Map<string, Map<number, Run[]>>(
    cases.map(([name]) => [name, new Map(sizes.map((n) => [n, [] as Run[]]))]),
  );
  const t0 = performance.now();
  for (let seed = 1; seed <= SEEDS; seed++) {
    // One draw of the largest size; bottom-k samples are nested, so smaller sizes are its prefixes.
    const rows = Int32Array.from(bottomK(ids, largest, seed), (k) => Number(k.slice(4)));
    const base = populationRows(rows, DIMS);
    for (const [name, change] of cases) {
      const changed = change(base, rows, DIMS);
      for (const n of sizes) {
        const run = await measure(
          base.subarray(0, n * DIMS),
          changed.subarray(0, n * DIMS),
          n,
          DIMS,
        );
        all.get(name)!.get(n)!.push(run);
      }
    }
    if (JSON_OUT) dump(JSON_OUT, 'population', all);
    process.stderr.write(
      `seed ${seed}/${SEEDS} done at ${seconds(t0)} s, load ${fmt(loadavg()[0]!)}\n`,
    );
  }
  for (const [name, bySize] of all) {
    const top = bySize.get(largest)!.map((r) => r.answer);
    const label = largest === ROWS ? 'the full set' : `most frequent at n = ${largest}`;
    console.log(table(name, bySize, modal(top), label));
  }
  console.log(`\ncost per measurement (${DIMS} dims):`);
  console.log(costs(all, sizes));
  console.log(`population done in ${seconds(t0)} s`);
}

async function real(): Promise<void> {
  const set = realSet();
  const d = set.dims;
  const sizes = [250, 500, set.rows];
  const cases = REAL_CASES.filter(([name]) => !ONLY || ONLY.includes(name));
  console.log(
    `\n## real: ${set.rows} × ${d} all-MiniLM-L6-v2, sizes ${sizes.join(' / ')} (the full set), ${SEEDS} seeds, ${cases.length} cases`,
  );
  const t0 = performance.now();
  const all = new Map<string, Map<number, Run[]>>();
  for (const [name, change] of cases) {
    const changed = change(set.values, d);
    const bySize = new Map(sizes.map((n) => [n, [] as Run[]]));
    const full = await measure(set.values, changed, set.rows, d);
    for (let seed = 1; seed <= SEEDS; seed++) {
      const order = bottomK(set.ids, set.rows, seed).map((id) => set.ids.indexOf(id));
      for (const n of sizes) {
        // The full set is the same whatever the seed: measured once, counted per seed.
        if (n === set.rows) {
          bySize.get(n)!.push(full);
          continue;
        }
        const a = new Float32Array(n * d);
        const b = new Float32Array(n * d);
        for (let i = 0; i < n; i++) {
          a.set(set.values.subarray(order[i]! * d, (order[i]! + 1) * d), i * d);
          b.set(changed.subarray(order[i]! * d, (order[i]! + 1) * d), i * d);
        }
        bySize.get(n)!.push(await measure(a, b, n, d));
      }
    }
    all.set(name, bySize);
    if (JSON_OUT) dump(JSON_OUT, 'real', all);
    console.log(table(name, bySize, full.answer, 'the full set'));
  }
  console.log('\ncost per measurement:');
  console.log(costs(all, sizes));
  console.log(`real done in ${seconds(t0)} s`);
}

if (SETS.includes('real')) await real();
if (SETS.includes('population')) await population();
