/**
 * The benchmark regression through the CLI: `check` with suites and quality floors, and the
 * `knn` and `eval` commands.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/retrieval/stats.js';
import { arrowFloat32 } from '../../src/vectors/write.js';
import { copyExamples, editFile, EXAMPLE_CHECK, ROOT, runCli } from '../helpers/cli.js';

const CHECK = [...EXAMPLE_CHECK, '--format', 'json'];

interface Json {
  verdict: string;
  findings: {
    id: string;
    severity: string;
    message: string;
    consumer?: string;
    location?: { file: string; line?: number };
  }[];
  benchmarks?: {
    consumer: string;
    metric: string;
    status: string;
    delta: number;
    ci: { low: number; high: number };
  }[];
  suites?: {
    suite: string;
    queries: number;
    scores: { metric: string; candidate: number; baseline?: number }[];
    cross?: { metric: string; candidateQueriesBaselineCorpus: number }[];
    regressions: { consumer: string; metric: string; worst: { qid: string; delta: number }[] }[];
  }[];
}

/** Replaces the candidate's corpus with a degraded copy: every vector pushed towards noise. */
function degradeCandidate(dir: string, noise: number): void {
  const ids: string[] = [];
  const values: number[] = [];
  const rng = new Rng(7);
  const dims = 64;
  const base = readFileSync(join(ROOT, 'examples/releases/1.0.0/ids.txt'), 'utf8')
    .trim()
    .split('\n');
  for (const id of base) ids.push(id);
  for (let i = 0; i < ids.length * dims; i++) values.push(rng.normal() * noise);
  writeFileSync(
    join(dir, 'releases/1.1.0/vectors.arrow'),
    arrowFloat32(ids, Float32Array.from(values), dims),
  );
  editFile(dir, 'releases/1.1.0/manifest.yaml', / {2}sha256: [0-9a-f]+\ndims/, 'dims');
}

describe('check with benchmark suites', () => {
  it('passes the example and reports scores, verdict rows and cross-version cells', async () => {
    const dir = copyExamples();
    const r = await runCli(CHECK, dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Json;
    const suite = report.suites![0]!;
    expect(suite).toMatchObject({ suite: 'product-search', queries: 300 });
    expect(suite.scores.map((s) => s.metric)).toEqual(['ndcg@10', 'recall@100']);
    for (const s of suite.scores) {
      expect(s.candidate).toBeGreaterThan(0.5);
      expect(Math.abs(s.candidate - s.baseline!)).toBeLessThan(0.05);
    }
    expect(suite.cross?.map((c) => c.metric)).toEqual(['ndcg@10', 'recall@100']);
    expect(report.benchmarks!.map((b) => `${b.consumer} ${b.metric} ${b.status}`)).toEqual([
      'search-index ndcg@10 pass',
      'search-index recall@100 pass',
    ]);
    for (const b of report.benchmarks!) expect(b.ci.low).toBeLessThanOrEqual(b.delta);
  });

  it('is deterministic for a seed', async () => {
    const dir = copyExamples();
    const a = await runCli([...CHECK, '--seed', '5'], dir);
    const b = await runCli([...CHECK, '--seed', '5'], dir);
    expect(a.stdout).toBe(b.stdout);
  });

  it('blocks a real quality drop and names the ten queries that regressed most', async () => {
    const dir = copyExamples();
    // Candidate queries stay as they were while the corpus becomes noise: retrieval collapses.
    degradeCandidate(dir, 1);
    const r = await runCli([...CHECK, '--contracts', 'contracts'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Json;
    const ids = report.findings.filter((f) => f.severity === 'error').map((f) => f.id);
    expect(ids).toContain('bench.regression');
    const regression = report.findings.find((f) => f.id === 'bench.regression')!;
    expect(regression.consumer).toBe('search-index');
    expect(regression.location).toMatchObject({ file: 'contracts/search-index.yaml', line: 14 });
    const worst = report.suites![0]!.regressions.find((x) => x.metric === 'ndcg@10')!.worst;
    expect(worst).toHaveLength(10);
    expect(worst[0]!.qid).toMatch(/^q-\d{3}$/);
    for (let i = 1; i < worst.length; i++)
      expect(worst[i]!.delta).toBeGreaterThanOrEqual(worst[i - 1]!.delta);
  });

  it('reports a suite without query embeddings for the candidate version', async () => {
    const dir = copyExamples();
    editFile(dir, 'suites/product-search.yaml', '"1.1.0":', '"1.1.1":');
    const r = await runCli(CHECK, dir);
    expect(r.code).toBe(1);
    const f = (JSON.parse(r.stdout) as Json).findings.find((x) => x.id === 'bench.suite-version')!;
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      'suite product-search: has no query embeddings for the candidate version 1.1.0 (versions: 1.0.0, 1.1.1); add versions."1.1.0".queries',
    );
    expect(f.location).toMatchObject({ file: 'suites/product-search.yaml', line: 6 });
  });

  it('reports a floor on a suite nobody supplied, and an unknown metric', async () => {
    const dir = copyExamples();
    editFile(
      dir,
      'contracts/search-index.yaml',
      '  - suite: product-search\n    metric: recall@100',
      '  - suite: products-search\n    metric: recall@100',
    );
    editFile(dir, 'contracts/search-index.yaml', 'metric: ndcg@10', 'metric: ndgc@10');
    const r = await runCli(CHECK, dir);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as Json).findings.filter((f) =>
      f.id.startsWith('bench.'),
    );
    expect(findings.map((f) => `${f.id} ${f.location?.file}:${f.location?.line}`)).toEqual([
      'bench.metric contracts/search-index.yaml:15',
      'bench.suite-missing contracts/search-index.yaml:18',
    ]);
    expect(findings[0]!.message).toMatch(
      /^search-index: unknown metric "ndgc@10"; valid forms: ndcg@k, /,
    );
  });

  it('writes the evaluated runs, which `eval` scores to the reported means', async () => {
    const dir = copyExamples();
    const r = await runCli([...CHECK, '--write-run', 'runs'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Json;
    const e = await runCli(
      [
        'eval',
        '--qrels',
        'suites/qrels/product-search.tsv',
        '--run',
        'runs/product-search.candidate.run',
        '-c',
        '-m',
        'ndcg_cut.10',
      ],
      dir,
    );
    expect(e.code).toBe(0);
    const ndcg = report.suites![0]!.scores.find((s) => s.metric === 'ndcg@10')!.candidate;
    expect(e.stdout).toBe(`ndcg_cut_10           \tall\t${ndcg.toFixed(4)}\n`);
  });
});

describe('knn and eval commands', () => {
  it('knn writes a TREC run that eval reads', async () => {
    const dir = copyExamples();
    const k = await runCli(
      [
        'knn',
        '--queries',
        'suites/queries/1.0.0.arrow',
        '--corpus',
        'releases/1.0.0/vectors.npy',
        '--corpus-ids',
        'releases/1.0.0/ids.txt',
        '-k',
        '5',
        '--output',
        'run.txt',
      ],
      dir,
    );
    expect(k.code).toBe(0);
    expect(k.stderr).toBe(
      'embedding-gate: wrote 300 queries × 5 neighbours (cosine, 2000 corpus rows) to run.txt\n',
    );
    const lines = readFileSync(join(dir, 'run.txt'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1500);
    expect(lines[0]).toMatch(/^q-001 Q0 sku-\d{5} 1 [0-9.]+ embedding-gate$/);
    const e = await runCli(
      [
        'eval',
        '--qrels',
        'suites/qrels/product-search.tsv',
        '--run',
        'run.txt',
        '-m',
        'num_q',
        '-m',
        'num_ret',
      ],
      dir,
    );
    expect(e.stdout).toBe('num_q                 \tall\t300\nnum_ret               \tall\t1500\n');
  });

  it('eval reproduces trec_eval on its own test case', async () => {
    const fixtures = join(ROOT, 'test/fixtures/trec_eval');
    const r = await runCli([
      'eval',
      '--qrels',
      join(fixtures, 'qrels.test'),
      '--run',
      join(fixtures, 'results.test'),
    ]);
    expect(r.code).toBe(0);
    const expected = new Set(readFileSync(join(fixtures, 'out.test.a'), 'utf8').split('\n'));
    const printed = r.stdout.trim().split('\n');
    expect(printed.length).toBeGreaterThan(90);
    for (const line of printed) expect(expected.has(line), line).toBe(true);
  });

  it('knn refuses queries and corpus of different dims, with exit 2', async () => {
    const dir = copyExamples();
    writeFileSync(join(dir, 'q.arrow'), arrowFloat32(['a'], new Float32Array(32), 32));
    const r = await runCli(
      [
        'knn',
        '--queries',
        'q.arrow',
        '--corpus',
        'releases/1.1.0/vectors.arrow',
        '--output',
        'run.txt',
      ],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^embedding-gate: .*32.*64|64.*32/);
  });

  it('eval names the file and line of a malformed run', async () => {
    const dir = copyExamples();
    writeFileSync(join(dir, 'bad.run'), 'q-001 Q0 sku-00001 1 0.5 x\nq-001 Q0 sku-00002 2\n');
    const r = await runCli(
      ['eval', '--qrels', 'suites/qrels/product-search.tsv', '--run', 'bad.run'],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^embedding-gate: .*bad\.run:2: /);
  });
});
