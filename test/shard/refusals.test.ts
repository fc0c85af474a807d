import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExamples, EXAMPLE_CHECK, editFile, runCli } from '../helpers/cli.js';

/** Three shards of the example (and one partial of another plan), made once. */
let dir: string;
beforeAll(async () => {
  dir = copyExamples();
  for (const i of [1, 2, 3]) {
    const r = await runCli([...EXAMPLE_CHECK, '--shard', `${i}/3`, '--partial', `p${i}.json`], dir);
    expect(r.code, r.stderr).toBe(0);
  }
  const other = await runCli(
    [...EXAMPLE_CHECK, '--seed', '9', '--shard', '3/3', '--partial', 'other3.json'],
    dir,
  );
  expect(other.code, other.stderr).toBe(0);
}, 60_000);

const merge = (...files: string[]) => runCli(['merge', ...files, '--format', 'json=m.json'], dir);

describe('merge refuses an incomplete or mixed set of partials (exit 2, naming them)', () => {
  it('a missing shard', async () => {
    const r = await merge('p1.json', 'p3.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing shard 2/3');
    expect(r.stderr).toContain('p1.json = 1/3');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a shard given twice', async () => {
    const r = await merge('p1.json', 'p2.json', 'p2.json', 'p3.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('shard 2/3 is given twice: p2.json and p2.json');
  });

  it('partials of different plans', async () => {
    const r = await merge('p1.json', 'p2.json', 'other3.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('other3.json and p1.json are partials of different plans');
    expect(r.stderr).toContain('the options differ');
  });

  it('files changed between the shards and the merge', async () => {
    const copy = copyExamples();
    for (const i of [1, 2]) {
      const r = await runCli(
        [...EXAMPLE_CHECK, '--shard', `${i}/2`, '--partial', `q${i}.json`],
        copy,
      );
      expect(r.code).toBe(0);
    }
    editFile(copy, 'contracts/fraud-classifier.yaml', 'dims: 128', 'dims: 256');
    const r = await runCli(['merge', 'q1.json', 'q2.json'], copy);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('contracts/fraud-classifier.yaml changed');
    editFile(copy, 'contracts/fraud-classifier.yaml', 'dims: 256', 'dims: 128');
    // The shards searched the suite's queries: other queries at the merge are other lists.
    const queries = join(copy, 'suites/queries/1.1.0.arrow');
    writeFileSync(queries, Buffer.concat([readFileSync(queries), Buffer.alloc(8)]));
    const q = await runCli(['merge', 'q1.json', 'q2.json'], copy);
    expect(q.code).toBe(2);
    expect(q.stderr).toContain('suites/queries/1.1.0.arrow changed');
  });

  it('a file that is not a partial', async () => {
    writeFileSync(join(dir, 'junk.json'), '{"format": "something-else"}');
    const r = await merge('junk.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'junk.json: not a partial result of embedding-gate: "format" must be',
    );
    writeFileSync(join(dir, 'cut.json'), '{"format": "embedding-gate/par');
    const cut = await merge('cut.json');
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain('cut.json: not a partial result (invalid JSON');
  });
});

describe('--shard is checked before any work', () => {
  for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '1/2000']) {
    it(`refuses --shard ${bad}`, async () => {
      const r = await runCli([...EXAMPLE_CHECK, '--shard', bad, '--partial', 'x.json'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--shard must be i/n with 1 ≤ i ≤ n ≤ 1024`);
    });
  }

  it('needs --partial', async () => {
    const r = await runCli([...EXAMPLE_CHECK, '--shard', '1/2'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--shard 1/2 needs --partial <file>');
  });
});
