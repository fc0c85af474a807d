/**
 * The calibration cases behind the default compatibility thresholds: one clustered
 * 2,000 × 64 space and the transformations a new version might apply to it. Shared by
 * the calibration test and `npx tsx bench/compat.ts --calibrate`, which prints the table.
 */
import {
  measureCompatibility,
  type CompatibilityMeasures,
} from '../../src/release/compat-measures.js';
import { DEFAULT_THRESHOLDS, judgeCompatibility } from '../../src/release/compat.js';
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
  readonly name: string;
  readonly measures: CompatibilityMeasures;
  readonly verdict: 'mixable' | 'reindex';
  readonly neighbourhoods: 'preserved' | 'changed';
}

export function calibrationCases(): [string, () => { values: Float32Array; dims: number }][] {
  const n = CAL_ROWS;
  const d = CAL_DIMS;
  const base = clusteredSpace(n, d, 1);
  const rotated = () => normalizeRows(project(base, d, randomRotation(d, 3), d), d);
  return [
    ['identical', () => ({ values: base.slice(), dims: d })],
    ...[0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0].map(
      (level): [string, () => { values: Float32Array; dims: number }] => [
        `noise ${level.toFixed(1)}`,
        () => ({ values: addNoise(base, d, level, 7), dims: d }),
      ],
    ),
    ['random rotation', () => ({ values: rotated(), dims: d })],
    ['rotation + noise 0.2', () => ({ values: addNoise(rotated(), d, 0.2, 9), dims: d })],
    ['different model', () => ({ values: clusteredSpace(n, d, 2), dims: d })],
    [
      'dims 64 → 128 (map of the same space)',
      () => ({
        values: normalizeRows(project(base, d, randomMap(d, 128, 5), 128), 128),
        dims: 128,
      }),
    ],
    ['dims 64 → 128 (different model)', () => ({ values: clusteredSpace(n, 128, 2), dims: 128 })],
  ];
}

/** Measures every case against the base space and judges it with the default thresholds. */
export function calibrate(only?: readonly string[]): CalibrationRow[] {
  const base = clusteredSpace(CAL_ROWS, CAL_DIMS, 1);
  return calibrationCases()
    .filter(([name]) => !only || only.includes(name))
    .map(([name, make]) => {
      const { values, dims } = make();
      const measures = measureCompatibility(
        { values: base, rows: CAL_ROWS, dims: CAL_DIMS, metric: 'cosine' },
        { values, rows: CAL_ROWS, dims, metric: 'cosine' },
      );
      const judged = judgeCompatibility(
        measures,
        { dims: { baseline: CAL_DIMS, candidate: dims }, metric: 'cosine' },
        DEFAULT_THRESHOLDS,
      );
      return { name, measures, verdict: judged.verdict, neighbourhoods: judged.neighbourhoods };
    });
}

/** The table as it stands in the README. */
export function calibrationTable(rows: readonly CalibrationRow[]): string {
  const f = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(3));
  const lines = [
    '| case | same-id cosine mean | p5 | kNN overlap@10 | CKA | debiased CKA | answer |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const m = r.measures;
    const answer = `${r.verdict === 'mixable' ? 'mixable' : 're-index'}, neighbourhoods ${r.neighbourhoods}`;
    lines.push(
      `| ${r.name} | ${f(m.sameIdCosine?.mean)} | ${f(m.sameIdCosine?.p5)} | ${f(m.knnOverlap)} | ${f(m.cka)} | ${f(m.ckaDebiased)} | ${answer} |`,
    );
  }
  return lines.join('\n');
}
