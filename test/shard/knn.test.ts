import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arrowFloat32, npyFloat32 } from '../../src/vectors/write.js';
import { runCli } from '../helpers/cli.js';
import { seeded } from './helpers.js';

const DIMS = 16;

/** Vectors from a few distinct rows, so many scores tie and the id order decides. */
function tiedVectors(random: () => number, rows: number): Float32Array {
  const distinct = Array.from({ length: 7 }, () =>
    Float32Array.from({ length: DIMS }, () => Math.round((random() * 2 - 1) * 4) / 4),
  );
  const out = new Float32Array(rows * DIMS);
  for (let r = 0; r < rows; r++) out.set(distinct[Math.floor(random() * 7)]!, r * DIMS);
  return out;
}

describe('knn --shard i/n, then merge', () => {
  it("writes the single run's TREC file byte for byte, with and without corpus ids, under ties", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-knn-shard-'));
    const random = seeded(42);
    const rows = 523;
    const corpus = tiedVectors(random, rows);
    writeFileSync(join(dir, 'corpus.npy'), npyFloat32(corpus, rows, DIMS));
    const ids = Array.from({ length: rows }, (_, r) => `d${(r * 7919) % 1000}`);
    writeFileSync(join(dir, 'corpus.arrow'), arrowFloat32(ids, corpus, DIMS));
    writeFileSync(join(dir, 'queries.npy'), npyFloat32(tiedVectors(random, 20), 20, DIMS));

    for (const file of ['corpus.npy', 'corpus.arrow']) {
      for (const metric of ['cosine', 'l2']) {
        const args = [
          'knn',
          '--queries',
          'queries.npy',
          '--corpus',
          file,
          '-k',
          '25',
          '--metric',
          metric,
        ];
        const single = await runCli([...args, '--output', 'single.run'], dir);
        expect(single.code, single.stderr).toBe(0);
        const expected = readFileSync(join(dir, 'single.run'), 'utf8');
        for (const n of [1, 2, 3, 7]) {
          const parts: string[] = [];
          for (let i = 1; i <= n; i++) {
            const r = await runCli(
              [...args, '--shard', `${i}/${n}`, '--partial', `k${i}.json`],
              dir,
            );
            expect(r.code, r.stderr).toBe(0);
            parts.push(`k${i}.json`);
          }
          const m = await runCli(['merge', ...parts.reverse(), '--output', 'merged.run'], dir);
          expect(m.code, m.stderr).toBe(0);
          expect(readFileSync(join(dir, 'merged.run'), 'utf8'), `${file} ${metric} n=${n}`).toBe(
            expected,
          );
        }
      }
    }
    // A missing shard is refused, naming it.
    const r = await runCli(['merge', 'k1.json', 'k3.json', '--output', 'x.run'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing shards 2/7');
  }, 120_000);
});
