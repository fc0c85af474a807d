/**
 * Coverage of the baseline: a candidate that silently loses baseline ids beyond the
 * tolerance blocks; declared removals are subtracted (and one not removed is reported);
 * `expected_rows` pins the row count; contracts can require `min_coverage` and `min_rows`.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedContract } from '../../src/config/contract.js';
import type { Finding } from '../../src/config/findings.js';
import type { Manifest } from '../../src/config/manifest.js';
import { compareIds, missingTolerance } from '../../src/gate/checks/baseline.js';
import { checkConsumer } from '../../src/gate/checks/consumers.js';
import { defaultDeps } from '../../src/gate/default-deps.js';
import type { GateDeps } from '../../src/gate/plan.js';
import type { CoverageSummary, VectorSummary } from '../../src/gate/report-model.js';
import { copyExamples, editFile, EXAMPLE_CHECK, runCli } from '../helpers/cli.js';

const ids = (from: number, to: number) =>
  new Set(Array.from({ length: to - from }, (_, i) => `sku-${String(from + i).padStart(5, '0')}`));

describe('missingTolerance', () => {
  it.each([
    [0, 1],
    [778, 1],
    [1999, 1],
    [2000, 2],
    [1_000_000, 1000],
  ])('tolerates %i baseline ids losing at most %i undeclared', (n, tolerance) => {
    expect(missingTolerance(n)).toBe(tolerance);
  });
});

describe('compareIds', () => {
  const baseline = ids(0, 778);
  const cases: {
    what: string;
    candidate: Set<string>;
    removals?: Set<string>;
    findings: [string, Finding['severity'], unknown][];
    coverage: Partial<CoverageSummary>;
  }[] = [
    {
      what: 'nothing lost',
      candidate: ids(0, 778),
      findings: [],
      coverage: { missing: 0, tolerance: 1 },
    },
    {
      what: 'one id lost: within the tolerance',
      candidate: ids(1, 778),
      findings: [['baseline.ids-missing', 'warning', 1]],
      coverage: { missing: 1 },
    },
    {
      what: 'a partial dataset: 200 of 778',
      candidate: ids(0, 200),
      findings: [['baseline.ids-missing', 'error', 578]],
      coverage: { missing: 578, candidateIds: 200 },
    },
    {
      what: 'the same loss, declared',
      candidate: ids(0, 200),
      removals: ids(200, 778),
      findings: [],
      coverage: { missing: 0, removed: 578, removalsPresent: 0 },
    },
    {
      what: 'declared in part: the undeclared rest still blocks',
      candidate: ids(0, 200),
      removals: ids(200, 700),
      findings: [['baseline.ids-missing', 'error', 78]],
      coverage: { missing: 78, removed: 500 },
    },
    {
      what: 'a declared removal that did not happen',
      candidate: ids(0, 778),
      removals: ids(10, 13),
      findings: [['baseline.removal-present', 'warning', 3]],
      coverage: { missing: 0, removed: 0, removalsPresent: 3 },
    },
    {
      what: 'new ids are information',
      candidate: ids(0, 780),
      findings: [['baseline.ids-added', 'info', 2]],
      coverage: { added: 2 },
    },
  ];
  it.each(cases)('$what', ({ candidate, removals, findings, coverage }) => {
    const out = compareIds(
      baseline,
      candidate,
      'releases/1.1.0/vectors.arrow',
      removals && { ids: removals, file: 'releases/1.1.0/removed.txt' },
    );
    expect(out.findings.map((f) => [f.id, f.severity, f.found])).toEqual(findings);
    expect(out.coverage).toMatchObject(coverage);
  });

  it('names the count, the total and the first ids in the message', () => {
    const [f] = compareIds(baseline, ids(0, 200), 'v.arrow').findings;
    expect(f!.message).toMatch(
      /^578 of 778 baseline ids are missing from the candidate \("sku-00200", "sku-00201", "sku-00202", "sku-00203", "sku-00204", …\)/,
    );
    expect(f!.message).toContain('More than the 1 tolerated');
  });
});

describe('contract coverage requirements', () => {
  const manifest = {
    name: 'products-text',
    version: '1.1.0',
    dims: 64,
    dtype: 'float32',
    normalization: 'l2',
    metric: 'cosine',
  } as unknown as Manifest;
  const contract = (requires: Record<string, number>): LoadedContract =>
    ({
      contract: {
        consumer: 'search',
        owner: '@shop/search',
        embedding: 'products-text',
        accepts: '^1.0.0',
        requires,
      },
      doc: { file: 'contracts/search.yaml', locate: () => ({ file: 'contracts/search.yaml' }) },
      findings: [],
    }) as unknown as LoadedContract;
  const measured = { rows: 200 } as VectorSummary;
  const coverage = (missing: number, removed?: number): CoverageSummary => ({
    baselineIds: 1000,
    candidateIds: 1000 - missing - (removed ?? 0),
    missing,
    added: 0,
    firstMissing: [],
    firstAdded: [],
    ...(removed !== undefined && { removed }),
  });
  const cases: {
    what: string;
    requires: Record<string, number>;
    coverage?: CoverageSummary;
    ids: [string, Finding['severity']][];
  }[] = [
    { what: 'min_rows met', requires: { min_rows: 200 }, ids: [] },
    { what: 'min_rows not met', requires: { min_rows: 201 }, ids: [['contract.rows', 'error']] },
    {
      what: 'min_coverage met',
      requires: { min_coverage: 0.99 },
      coverage: coverage(10),
      ids: [],
    },
    {
      what: 'min_coverage not met',
      requires: { min_coverage: 0.99 },
      coverage: coverage(11),
      ids: [['contract.coverage', 'error']],
    },
    {
      what: 'declared removals still count as lost for the consumer',
      requires: { min_coverage: 0.99 },
      coverage: coverage(0, 11),
      ids: [['contract.coverage', 'error']],
    },
    {
      what: 'min_coverage without a baseline: not checked, said so',
      requires: { min_coverage: 0.5 },
      ids: [['contract.coverage', 'warning']],
    },
  ];
  it.each(cases)('$what', ({ requires, coverage: measuredCoverage, ids: expected }) => {
    const out = checkConsumer(contract(requires), manifest, measured, measuredCoverage);
    expect(out.findings.map((f) => [f.id, f.severity])).toEqual(expected);
    expect(out.findings.every((f) => f.consumer === 'search')).toBe(true);
  });
});

describe('a partial dataset, end to end', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  /** The real scan, except that the candidate (1.1.0) holds only its first `keep` ids. */
  function partial(keep: number): GateDeps {
    const deps = defaultDeps();
    return {
      ...deps,
      scan: async (request) => {
        const out = await deps.scan(request);
        if (!request.path.includes('1.1.0')) return out;
        const kept = out.ids && new Set([...out.ids].slice(0, keep));
        return { ...out, ...(kept && { ids: kept }), summary: { ...out.summary, rows: keep } };
      },
    };
  }
  function examples(): string {
    const dir = copyExamples();
    dirs.push(dir);
    return dir;
  }
  const json = async (dir: string, deps: GateDeps, extra: string[] = []) => {
    const r = await runCli([...EXAMPLE_CHECK, ...extra, '--format', 'json'], dir, deps);
    return { code: r.code, stderr: r.stderr, report: JSON.parse(r.stdout || '{}') };
  };

  it('blocks a candidate holding 200 of 2,000 baseline ids, and passes once they are declared', async () => {
    const dir = examples();
    const blocked = await json(dir, partial(200));
    expect(blocked.code).toBe(1);
    expect(blocked.report.findings[0]).toMatchObject({
      id: 'baseline.ids-missing',
      severity: 'error',
      found: 1800,
    });
    expect(blocked.report.findings[0].message).toMatch(/^1,800 of 2,000 baseline ids/);

    const removed = [...Array(1800).keys()].map((i) => `sku-${String(i + 201).padStart(5, '0')}`);
    writeFileSync(join(dir, 'releases/1.1.0/removed.txt'), removed.join('\n') + '\n');
    editFile(
      dir,
      'releases/1.1.0/manifest.yaml',
      /^parent: 1\.0\.0$/m,
      'parent: 1.0.0\nremovals: { ids: removed.txt }',
    );
    const declared = await json(dir, partial(200));
    expect(declared.stderr).toBe('');
    expect(declared.report.coverage).toMatchObject({ missing: 0, removed: 1800 });
    expect(declared.report.findings.map((f: Finding) => f.id)).not.toContain(
      'baseline.ids-missing',
    );
    expect(declared.code).toBe(0);
  });

  it('expected_rows catches the partial write without a baseline', async () => {
    const dir = examples();
    editFile(
      dir,
      'releases/1.1.0/manifest.yaml',
      /^parent: 1\.0\.0$/m,
      'parent: 1.0.0\nexpected_rows: 2040',
    );
    const args = EXAMPLE_CHECK.filter(
      (a, i, all) => a !== '--baseline' && all[i - 1] !== '--baseline',
    );
    const whole = await runCli([...args, '--format', 'json'], dir);
    expect(JSON.parse(whole.stdout).findings.map((f: Finding) => f.id)).not.toContain(
      'vectors.rows',
    );
    const cut = await runCli([...args, '--format', 'json'], dir, partial(200));
    expect(cut.code).toBe(1);
    expect(JSON.parse(cut.stdout).findings[0]).toMatchObject({
      id: 'vectors.rows',
      severity: 'error',
      expected: 2040,
      found: 200,
    });
  });

  it('a removals file outside the workspace stops the gate before any vector (exit 2)', async () => {
    const dir = examples();
    editFile(
      dir,
      'releases/1.1.0/manifest.yaml',
      /^parent: 1\.0\.0$/m,
      'parent: 1.0.0\nremovals: { ids: ../../../removed.txt }',
    );
    const r = await runCli(EXAMPLE_CHECK, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /removals\.ids "\.\.\/\.\.\/\.\.\/removed\.txt" resolves outside the workspace/,
    );
  });
});
