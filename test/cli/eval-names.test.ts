/** `eval -m` takes the contracts' metric names as well as trec_eval's. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FILES = [
  '--qrels',
  'test/fixtures/trec_eval/qrels.test',
  '--run',
  'test/fixtures/trec_eval/results.test',
];

describe('eval -m with contract metric names', () => {
  it('prints exactly what the trec_eval names print', async () => {
    const contract = await runCli([
      'eval',
      ...FILES,
      '-m',
      'ndcg@10',
      '-m',
      'mrr',
      '-m',
      'recall@100',
      '-m',
      'P@5',
      '-m',
      'map@10',
    ]);
    const trec = await runCli([
      'eval',
      ...FILES,
      '-m',
      'ndcg_cut.10',
      '-m',
      'recip_rank',
      '-m',
      'recall.100',
      '-m',
      'P.5',
      '-m',
      'map_cut.10',
    ]);
    expect(contract.code).toBe(0);
    expect(contract.stdout).toMatch(/^ndcg_cut_10\s+\tall\t0\.\d{4}$/m);
    expect(contract.stdout).toBe(trec.stdout);
  });

  it('refuses a contract name trec_eval has no measure for, with exit 2', async () => {
    const r = await runCli(['eval', ...FILES, '-m', 'mrr@10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mrr@10/);
  });
});
