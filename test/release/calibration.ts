/**
 * The calibration cases behind the default compatibility thresholds, on two spaces: a
 * synthetic clustered 2,000 × 64 space, and the real 778 × 384 all-MiniLM-L6-v2 vectors
 * (test/fixtures/real/fiori-minilm). Each case is what a new version might do to the
 * space; each is also run through a retrieval suite built from the same vectors (see
 * {@link selfSuite}), so the table says how much retrieval quality a mixed index and a
 * re-index keep. Shared by the calibration test and `npx tsx bench/compat.ts --calibrate`.
 */
import {
  measureCompatibility,
  type CompatibilityMeasures,
} from '../../src/release/compat-measures.js';
import { DEFAULT_THRESHOLDS, judgeCompatibility } from '../../src/release/compat.js';
import {
  nearIdentity,
  realNoise,
  realSet,
  rotate,
  selfSuite,
  shuffleRows,
  suiteNdcg,
  toFloat16,
  toInt8,
  type RealSet,
} from './real.js';
import {
  addNoise,
  clusteredSpace,
  normalizeRows,
  project,
  randomMap,
  randomRotation,
} from './synthetic.js';

export const CAL_ROWS = 2000;
export const CAL_DIMS = 64;

export interface CalibrationRow {
  /** `synthetic` (2,000 × 64 clusters) or `real` (778 × 384 MiniLM). */
  readonly set: 'synthetic' | 'real';
  readonly name: string;
  readonly measures: CompatibilityMeasures;
  readonly verdict: 'mixable' | 'reindex';
  readonly neighbourhoods: 'preserved' | 'changed';
  /** nDCG@10 of new queries on the old corpus (a mixed index); the old space scores 1. */
  readonly mixedNdcg?: number;
  /** nDCG@10 of new queries on the new corpus (a re-index). */
  readonly reindexNdcg: number;
}

type Case = [string, () => { values: Float32Array; dims: number }];

function syntheticCases(base: Float32Array): Case[] {
  const d = CAL_DIMS;
  const rotated = () => normalizeRows(project(base, d, randomRotation(d, 3), d), d);
  return [
    ['identical', () => ({ values: base.slice(), dims: d })],
    ...[0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0].map((level): Case => [
      `noise ${level.toFixed(1)}`,
      () => ({ values: addNoise(base, d, level, 7), dims: d }),
    ]),
    ['random rotation', () => ({ values: rotated(), dims: d })],
    ['rotation + noise 0.2', () => ({ values: addNoise(rotated(), d, 0.2, 9), dims: d })],
    ['different model', () => ({ values: clusteredSpace(CAL_ROWS, d, 2), dims: d })],
    [
      'dims 64 → 128 (map of the same space)',
      () => ({
        values: normalizeRows(project(base, d, randomMap(d, 128, 5), 128), 128),
        dims: 128,
      }),
    ],
    [
      'dims 64 → 128 (different model)',
      () => ({ values: clusteredSpace(CAL_ROWS, 128, 2), dims: 128 }),
    ],
  ];
}

function realCases(base: RealSet): Case[] {
  const v = base.values;
  const d = base.dims;
  return [
    ['identical', () => ({ values: v.slice(), dims: d })],
    ['float16', () => ({ values: toFloat16(v), dims: d })],
    ['int8 (one scale)', () => ({ values: toInt8(v), dims: d })],
    ...[0.1, 0.2, 0.3, 0.4, 0.7, 1.0].map((level): Case => [
      `noise ${level.toFixed(1)}`,
      () => ({ values: realNoise(v, d, level, 7), dims: d }),
    ]),
    ...[0.1, 0.2, 0.3, 0.5].map((eps): Case => [
      `retrain I + ${eps}G`,
      () => ({ values: nearIdentity(v, d, eps, 5), dims: d }),
    ]),
    ['random rotation', () => ({ values: rotate(v, d, 3), dims: d })],
    ['rotation + noise 0.2', () => ({ values: realNoise(rotate(v, d, 3), d, 0.2, 9), dims: d })],
    ['ids shuffled (other vectors)', () => ({ values: shuffleRows(v, d, 3), dims: d })],
  ];
}

function run(
  set: CalibrationRow['set'],
  base: RealSet,
  cases: Case[],
  only?: readonly string[],
): CalibrationRow[] {
  const suite = selfSuite(base, 100, 11);
  const old = { values: base.values, rows: base.rows, dims: base.dims, metric: 'cosine' as const };
  return cases
    .filter(([name]) => !only || only.includes(name))
    .map(([name, make]) => {
      const { values, dims } = make();
      const measures = measureCompatibility(old, {
        values,
        rows: base.rows,
        dims,
        metric: 'cosine',
      });
      const judged = judgeCompatibility(
        measures,
        { dims: { baseline: base.dims, candidate: dims }, metric: 'cosine' },
        DEFAULT_THRESHOLDS,
      );
      return {
        set,
        name,
        measures,
        verdict: judged.verdict,
        neighbourhoods: judged.neighbourhoods,
        ...(dims === base.dims ? { mixedNdcg: suiteNdcg(suite, values, base.values, dims) } : {}),
        reindexNdcg: suiteNdcg(suite, values, values, dims),
      };
    });
}

/** Measures every case against its base space and judges it with the default thresholds. */
export function calibrate(
  only?: readonly string[],
  sets = ['synthetic', 'real'],
): CalibrationRow[] {
  const rows: CalibrationRow[] = [];
  if (sets.includes('synthetic')) {
    const values = clusteredSpace(CAL_ROWS, CAL_DIMS, 1);
    const ids = Array.from({ length: CAL_ROWS }, (_, i) => String(i));
    const base = { ids, values, rows: CAL_ROWS, dims: CAL_DIMS };
    rows.push(...run('synthetic', base, syntheticCases(values), only));
  }
  if (sets.includes('real')) rows.push(...run('real', realSet(), realCases(realSet()), only));
  return rows;
}

/** The table as it stands in the README. */
export function calibrationTable(rows: readonly CalibrationRow[]): string {
  const f = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(3));
  const lines = [
    '| set | case | self recall@1 new→old / old→new | nearer than nearest neighbour | same-id cosine mean / p5 | kNN overlap@10 | CKA | mixed-index kNN overlap | nDCG@10 kept: mixed / re-index | answer |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const m = r.measures;
    const s = m.selfRetrieval;
    const answer =
      r.verdict === 'mixable'
        ? 'mixable'
        : r.neighbourhoods === 'preserved'
          ? 're-index, neighbourhoods preserved'
          : 're-index, incompatible';
    lines.push(
      `| ${r.set} | ${r.name} | ${s ? `${f(s.newToOld.recall1)} / ${f(s.oldToNew.recall1)}` : '—'} | ${f(s?.nearerThanNeighbour)} | ${m.sameIdCosine ? `${f(m.sameIdCosine.mean)} / ${f(m.sameIdCosine.p5)}` : '—'} | ${f(m.knnOverlap)} | ${f(m.cka)} | ${f(s?.mixedOverlap)} | ${f(r.mixedNdcg)} / ${f(r.reindexNdcg)} | ${answer} |`,
    );
  }
  return lines.join('\n');
}
