/**
 * exactKnn against the oracle on adversarial inputs: rows that tie exactly or sit one
 * float32 step apart, so a float32 screen that trusted its own scores, or cut its
 * candidates without the error bound, would return the wrong rows or the wrong order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadOrt } from '../../src/onnx/session.js';
import { exactKnn, type KnnMetric } from '../../src/retrieval/knn.js';
import { memoryVectors } from '../../src/retrieval/knn-memory.js';
import { oracleKnn } from '../../src/retrieval/knn-oracle.js';

const ROW_KINDS = ['copy', 'ulp', 'rotate', 'double', 'zero', 'fresh'] as const;

const problem = fc
  .record({
    dims: fc.integer({ min: 1, max: 24 }),
    bases: fc.integer({ min: 1, max: 4 }),
    integer: fc.boolean(),
    rows: fc.array(fc.record({ base: fc.nat(), kind: fc.constantFrom(...ROW_KINDS) }), {
      minLength: 1,
      maxLength: 60,
    }),
    queries: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
    k: fc.integer({ min: 1, max: 12 }),
    metric: fc.constantFrom<KnnMetric>('cosine', 'dot', 'l2'),
    blockRows: fc.integer({ min: 1, max: 40 }),
    batchRows: fc.integer({ min: 1, max: 50 }),
    tieSlack: fc.integer({ min: 0, max: 3 }),
    seed: fc.nat(),
  })
  .map((p) => {
    let s = p.seed + 1;
    const next = (): number => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648 - 0.5;
    };
    const value = (): number => (p.integer ? Math.round(next() * 6) : next());
    const bases = Array.from({ length: p.bases }, () => Array.from({ length: p.dims }, value));
    const corpus = new Float32Array(p.rows.length * p.dims);
    p.rows.forEach((r, i) => {
      const v = bases[r.base % p.bases] as number[];
      for (let t = 0; t < p.dims; t++) {
        const x = v[t] as number;
        corpus[i * p.dims + t] =
          r.kind === 'copy'
            ? x
            : r.kind === 'ulp'
              ? x * (1 + (t === 0 ? 2 ** -23 : 0))
              : r.kind === 'rotate'
                ? (v[(t + 1) % p.dims] as number)
                : r.kind === 'double'
                  ? 2 * x
                  : r.kind === 'zero'
                    ? 0
                    : value();
      }
    });
    // Queries: the bases themselves, so the copies tie for first place.
    const queries = Float32Array.from(p.queries.flatMap((b) => bases[b % p.bases] as number[]));
    return { ...p, corpus, queryValues: queries };
  });

describe('exactKnn equals the oracle on adversarial ties and near-ties', () => {
  it('same ids, scores and tie order, whatever the blocks, batches and slack', async () => {
    const ort = await loadOrt();
    await fc.assert(
      fc.asyncProperty(problem, async (p) => {
        const n = p.rows.length;
        const queries = {
          values: p.queryValues,
          rows: p.queries.length,
          dims: p.dims,
          dtype: 'float32' as const,
        };
        const result = await exactKnn({
          queries,
          corpus: memoryVectors(p.corpus, {
            rows: n,
            dims: p.dims,
            dtype: 'float32',
            batchRows: p.batchRows,
          }),
          k: p.k,
          metric: p.metric,
          blockRows: p.blockRows,
          tieSlack: p.tieSlack,
          threads: 1,
          ort,
        });
        const expected = oracleKnn(
          queries,
          { values: p.corpus, rows: n, dims: p.dims, dtype: 'float32' },
          p.k,
          p.metric,
        );
        expect(result.hits).toEqual(expected);
      }),
      { numRuns: 120, seed: 15 },
    );
  });
});
