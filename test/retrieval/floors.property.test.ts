/**
 * Properties of the floors' verdicts over random suites (fast-check): a min-only floor never
 * changes another floor's outcome, and `on_inconclusive: block` turns exactly the
 * inconclusive outcomes into blocks. Small suites and few draws keep each run fast; the
 * properties do not depend on the draw counts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floorFindings } from '../../src/gate/checks/quality-floors.js';
import type { QualityFloor } from '../../src/config/contract.js';
import { regressionVerdict, type MetricScores } from '../../src/retrieval/regression.js';
import { Rng } from '../../src/retrieval/stats.js';

const FAST = { iterations: 100, permutations: 200 };
const METRICS = ['ndcg@10', 'recall@100', 'mrr@10', 'map@100'];

/** Per-query scores in [0, 1] with a true shift and noise, from one seed. */
function suiteScores(seed: number, n: number, shift: number, sd: number) {
  const rng = new Rng(seed);
  const baseline = new Map<string, number>();
  const candidate = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const b = rng.float();
    baseline.set(`q${i}`, b);
    candidate.set(`q${i}`, Math.min(1, Math.max(0, b + shift + sd * rng.normal())));
  }
  return { baseline, candidate };
}

const floorArb = (metric: string) =>
  fc.record({
    metric: fc.constant(metric),
    dataSeed: fc.integer({ min: 1, max: 1e6 }),
    shift: fc.double({ min: -0.08, max: 0.02, noNaN: true }),
    sd: fc.double({ min: 0.01, max: 0.3, noNaN: true }),
    maxDrop: fc.double({ min: 0, max: 0.05, noNaN: true }),
    min: fc.option(fc.double({ min: 0, max: 0.7, noNaN: true }), { nil: undefined }),
  });

type FloorSpec = {
  metric: string;
  dataSeed: number;
  shift: number;
  sd: number;
  maxDrop: number;
  min: number | undefined;
};

function metricScores(f: FloorSpec, n: number, withMaxDrop: boolean): MetricScores {
  return {
    rule: {
      metric: f.metric,
      ...(withMaxDrop && { max_drop: f.maxDrop }),
      ...(f.min !== undefined && { min: f.min }),
    },
    ...suiteScores(f.dataSeed, n, f.shift, f.sd),
  };
}

describe('floors, property-based', () => {
  it('adding a min-only floor never changes another floor’s outcome or numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 80 }),
        fc
          .integer({ min: 1, max: 3 })
          .chain((k) => fc.tuple(...METRICS.slice(0, k).map((m) => floorArb(m)))),
        floorArb('success@10').map((f) => ({ ...f, min: f.min ?? 0.3 })),
        fc.nat({ max: 3 }),
        fc.integer({ min: 1, max: 1e6 }),
        (n, floors, extra, at, seed) => {
          const gated = floors.map((f) => metricScores(f, n, true));
          const before = regressionVerdict(gated, { seed, ...FAST }).metrics;
          const withExtra = [...gated];
          withExtra.splice(Math.min(at, gated.length), 0, metricScores(extra, n, false));
          const after = regressionVerdict(withExtra, { seed, ...FAST }).metrics.filter(
            (m) => m.metric !== extra.metric,
          );
          expect(after.map((m) => [m.status, m.p, m.pHolm, m.ci, m.power])).toEqual(
            before.map((m) => [m.status, m.p, m.pHolm, m.ci, m.power]),
          );
        },
      ),
      { numRuns: 60, seed: 20261207 },
    );
  });

  it('on_inconclusive: block turns exactly the inconclusive outcomes into blocks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 200 }),
        floorArb('ndcg@10'),
        fc.integer({ min: 1, max: 1e6 }),
        (n, spec, seed) => {
          const m = regressionVerdict([metricScores(spec, n, true)], { seed, ...FAST }).metrics[0]!;
          const floor: QualityFloor = {
            suite: 's',
            metric: spec.metric,
            max_drop: spec.maxDrop,
            ...(spec.min !== undefined && { min: spec.min }),
          };
          const blocks = (f: QualityFloor) =>
            floorFindings(m, f, 'c', 's').some((x) => x.severity === 'error');
          expect(blocks(floor)).toBe(m.status === 'fail');
          expect(blocks({ ...floor, on_inconclusive: 'warn' })).toBe(m.status === 'fail');
          expect(blocks({ ...floor, on_inconclusive: 'block' })).toBe(
            m.status === 'fail' || m.status === 'inconclusive',
          );
          // What is not an error stays as it was: the warnings and infos of a pass or a fail.
          if (m.status !== 'inconclusive')
            expect(floorFindings(m, { ...floor, on_inconclusive: 'block' }, 'c', 's')).toEqual(
              floorFindings(m, floor, 'c', 's').map((f) => ({
                ...f,
                expected: { ...(f.expected as object), on_inconclusive: 'block' },
              })),
            );
        },
      ),
      { numRuns: 200, seed: 20261207 },
    );
  });
});
