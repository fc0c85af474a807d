import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npyFloat32 } from '../../src/vectors/write.js';
import { runCli } from '../helpers/cli.js';
import { seeded } from './helpers.js';

describe('validate --shard i/n, then merge', () => {
  it("gives the single run's JSON report, and refuses partials of another command", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-validate-shard-'));
    const random = seeded(5);
    const rows = 1000;
    const dims = 8;
    const values = Float32Array.from({ length: rows * dims }, () => random() * 2 - 1);
    for (const r of [3, 400, 999]) values[r * dims] = Number.NaN;
    for (const r of [10, 11, 700]) values.fill(0, r * dims, (r + 1) * dims);
    writeFileSync(join(dir, 'v.npy'), npyFloat32(values, rows, dims));
    writeFileSync(
      join(dir, 'ids.txt'),
      Array.from({ length: rows }, (_, r) => `x${r % 950}`).join('\n') + '\n',
    );
    const args = ['validate', 'v.npy', '--ids', 'ids.txt', '--dims', '8', '--normalization', 'l2'];
    const single = await runCli([...args, '--format', 'json=single.json'], dir);
    expect(single.code).toBe(1);
    const expected = JSON.parse(readFileSync(join(dir, 'single.json'), 'utf8'));
    expect(expected.findings.map((f: { id: string }) => f.id)).toEqual(
      expect.arrayContaining(['vectors.non-finite', 'vectors.ids-duplicate', 'vectors.zero']),
    );
    for (const n of [1, 2, 3, 7]) {
      const parts: string[] = [];
      for (let i = 1; i <= n; i++) {
        const r = await runCli([...args, '--shard', `${i}/${n}`, '--partial', `v${i}.json`], dir);
        expect(r.code, r.stderr).toBe(0);
        parts.push(`v${i}.json`);
      }
      const m = await runCli(['merge', ...parts.reverse(), '--format', 'json=merged.json'], dir);
      expect(m.code, m.stderr).toBe(1);
      expect(JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8')), `n = ${n}`).toEqual(
        expected,
      );
    }
    const k = await runCli(
      ['knn', '--queries', 'v.npy', '--corpus', 'v.npy', '--shard', '1/1', '--partial', 'k.json'],
      dir,
    );
    // NaN rows make knn refuse or answer; either way its partial must not mix with validate's.
    if (k.code === 0) {
      const mixed = await runCli(['merge', 'v1.json', 'k.json'], dir);
      expect(mixed.code).toBe(2);
      expect(mixed.stderr).toContain(
        'k.json is a partial of "knn" but v1.json is one of "validate"',
      );
    }
  }, 60_000);
});
