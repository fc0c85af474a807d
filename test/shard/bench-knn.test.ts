import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExamples, EXAMPLE_CHECK, runCli } from '../helpers/cli.js';
import { singleReport } from './helpers.js';

/** Three shards of the example, the single run's report, and a way to merge edited copies. */
let dir: string;
let single: unknown;
beforeAll(async () => {
  dir = copyExamples();
  single = await singleReport(dir, EXAMPLE_CHECK);
  for (const i of [1, 2, 3]) {
    const r = await runCli([...EXAMPLE_CHECK, '--shard', `${i}/3`, '--partial', `p${i}.json`], dir);
    expect(r.code, r.stderr).toBe(0);
  }
}, 60_000);

type Partial = { knn?: { key: string; failed?: string; result?: unknown }[] };
const read = (i: number) => JSON.parse(readFileSync(join(dir, `p${i}.json`), 'utf8')) as Partial;

async function mergeEdited(edit: (p: Partial) => Partial, name: string) {
  const files = [1, 2, 3].map((i) => {
    const file = `${name}-${i}.json`;
    writeFileSync(join(dir, file), JSON.stringify(i === 2 ? edit(read(i)) : read(i)));
    return file;
  });
  const r = await runCli(['merge', ...files, '--format', `json=${name}.json`], dir);
  return {
    ...r,
    report: r.code === 2 ? undefined : JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')),
  };
}

describe("the benchmarks' kNN in the shards, merged", () => {
  it('each shard records every pass of its rows, keyed by paths relative to the workspace', () => {
    const keys = [1, 2, 3].map((i) => read(i).knn!.map((p) => p.key));
    expect(keys[0]).toHaveLength(4);
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    for (const key of keys[0]!) {
      expect(key).not.toContain(dir);
      expect(JSON.parse(key)).toMatchObject({
        k: 100,
        queries: { path: expect.stringMatching(/^suites\/queries\//) },
      });
    }
  });

  it('a pass one shard could not run is run whole by the merge: the same report', async () => {
    const r = await mergeEdited(
      (p) => ({ ...p, knn: p.knn!.map((e, i) => (i === 1 ? { key: e.key, failed: 'lost' } : e)) }),
      'failed',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("benchmark kNN passes: 3 from the shards' top-k lists, 1 run whole");
    expect(r.report).toEqual(single);
  });

  it('partials without kNN passes (a shard that did not get to them) merge whole: the same report', async () => {
    const r = await mergeEdited(({ knn: _knn, ...p }) => p, 'none');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("benchmark kNN passes: 0 from the shards' top-k lists, 4 run whole");
    expect(r.report).toEqual(single);
  });

  it('a partial whose kNN passes are not a list is refused, naming it', async () => {
    const r = await mergeEdited((p) => ({ ...p, knn: { broken: true } as never }), 'bad');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'bad-2.json: not a partial result of embedding-gate: "knn" must be a list',
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
