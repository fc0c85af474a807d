/**
 * The resolved plan: every file a run names is loaded and checked before the first vector
 * byte is read, so a configuration error exits 2 at once, whatever the size of the vectors.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDeps } from '../../src/gate/default-deps.js';
import { resolvePlan, type GateDeps } from '../../src/gate/plan.js';
import { openLocalSource } from '../../src/sources/local.js';
import type { SourceOpener } from '../../src/sources/types.js';
import { copyExamples, editFile, EXAMPLE_CHECK, runCli } from '../helpers/cli.js';

/**
 * The real dependencies, with every byte source the engine opens recorded: the scan, the
 * benchmarks, staging, the compatibility sample and the sha256 checks all read through it.
 */
function recordingDeps(): { deps: GateDeps; opened: string[] } {
  const opened: string[] = [];
  const open: SourceOpener = (request) => {
    opened.push(request.path);
    return openLocalSource(request);
  };
  return { opened, deps: defaultDeps(open) };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function examples(): string {
  const dir = copyExamples();
  dirs.push(dir);
  return dir;
}

describe('configuration errors stop the gate before any vector is read', () => {
  const cases: {
    what: string;
    args?: readonly string[];
    edit?: (dir: string) => void;
    message: RegExp;
  }[] = [
    {
      what: 'a missing registry',
      args: ['--registry', 'missing.yaml'],
      message: /missing\.yaml: cannot read the registry: no such file/,
    },
    {
      what: 'a missing waivers file',
      args: ['--waivers', 'nowhere/waivers.yaml'],
      message: /nowhere\/waivers\.yaml/,
    },
    {
      what: "a suite's missing qrels",
      edit: (dir) =>
        editFile(dir, 'suites/product-search.yaml', /qrels: .*/, 'qrels: qrels/none.tsv'),
      message:
        /suites\/product-search\.yaml:\d+:\d+: qrels "qrels\/none\.tsv": no such file; expected a qrels file/,
    },
    {
      what: "a suite's missing query file",
      edit: (dir) => rmSync(join(dir, 'suites/queries/1.1.0.arrow')),
      message: /versions\.1\.1\.0\.queries\.path "queries\/1\.1\.0\.arrow": no such file/,
    },
    {
      what: 'a suite file that is not YAML',
      edit: (dir) => writeFileSync(join(dir, 'suites/product-search.yaml'), 'suite: [unclosed\n'),
      message: /product-search\.yaml/,
    },
    {
      what: "a consumer's missing staging model",
      edit: (dir) =>
        writeFileSync(
          join(dir, 'contracts/search-index.yaml'),
          'consumer: s\nowner: o\nembedding: products-text\naccepts: "*"\nrequires: { dims: 64 }\nstaging: { model: ../models/none.onnx, labels: labels.csv, task: classification, metric: accuracy, min: 0.5 }\n',
        ),
      message:
        /staging\.model "\.\.\/models\/none\.onnx": no such file; expected an ONNX model file/,
    },
    {
      what: "the candidate's missing lineage pointer",
      edit: (dir) =>
        editFile(
          dir,
          'releases/1.1.0/manifest.yaml',
          '  revision: "2024-09-15"',
          '  revision: "2024-09-15"\n  pointer: model.dvc',
        ),
      message: /model\.pointer \S*model\.dvc: cannot read: no such file/,
    },
    {
      what: 'a vectors path that is a URL',
      edit: (dir) =>
        editFile(
          dir,
          'releases/1.1.0/manifest.yaml',
          'path: vectors.arrow',
          'path: https://example.com/v.arrow',
        ),
      message: /vectors\.path "https:\/\/example\.com\/v\.arrow" is remote; .*pass --allow-remote/,
    },
    {
      what: 'a pgvector table without --allow-remote',
      edit: (dir) =>
        editFile(
          dir,
          'releases/1.1.0/manifest.yaml',
          /path: vectors\.arrow\n([\s\S]*?)\n {2}sha256: [0-9a-f]{64}/,
          'path: postgres:///shop?table=emb&id=id&vector=embedding\n$1',
        ),
      message:
        /vectors\.path postgres:\/\/\/shop\?table=emb.* is a database table; .*pass --allow-remote/,
    },
    {
      what: 'a sha256 beside a pgvector table',
      args: ['--allow-remote'],
      edit: (dir) =>
        editFile(
          dir,
          'releases/1.1.0/manifest.yaml',
          'path: vectors.arrow',
          'path: postgres:///shop?table=emb',
        ),
      message: /vectors\.sha256 does not apply to a postgres:\/\/ table/,
    },
    {
      what: 'a where filter beside a vectors file',
      edit: (dir) =>
        editFile(
          dir,
          'releases/1.1.0/manifest.yaml',
          'path: vectors.arrow',
          'path: vectors.arrow\n  where: { model_version: "1.1.0" }',
        ),
      message: /vectors\.where filters the rows of a postgres:\/\/ table/,
    },
    {
      what: 'a baseline vectors file that does not exist',
      edit: (dir) => rmSync(join(dir, 'releases/1.0.0/vectors.npy')),
      message:
        /releases\/1\.0\.0\/manifest\.yaml:\d+:\d+: vectors\.path "vectors\.npy": no such file/,
    },
  ];
  for (const c of cases) {
    it(`exits 2 on ${c.what}, having opened no vectors file`, async () => {
      const dir = examples();
      c.edit?.(dir);
      const { deps, opened } = recordingDeps();
      const r = await runCli([...EXAMPLE_CHECK, ...(c.args ?? [])], dir, deps);
      expect(r.stderr).toMatch(c.message);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(opened).toEqual([]);
    });
  }

  it('opens vectors when the configuration is sound (the recorder is not vacuous)', async () => {
    const dir = examples();
    const { deps, opened } = recordingDeps();
    const r = await runCli(EXAMPLE_CHECK, dir, deps);
    expect(r.code).toBe(0);
    expect(opened.some((p) => p.endsWith('vectors.arrow'))).toBe(true);
    expect(opened.some((p) => p.endsWith('vectors.npy'))).toBe(true);
    expect(opened.some((p) => p.endsWith('ids.txt'))).toBe(true);
    expect(opened.some((p) => p.endsWith('queries/1.1.0.arrow'))).toBe(true);
  });
});

describe('resolvePlan', () => {
  it('resolves each vectors reference once, into an immutable plan the steps share', async () => {
    const dir = examples();
    const plan = await resolvePlan({
      candidate: 'releases/1.1.0/manifest.yaml',
      baseline: 'releases/1.0.0/manifest.yaml',
      contracts: ['contracts'],
      failOn: 'error',
      workspace: dir,
      cwd: dir,
    });
    expect(Object.isFrozen(plan)).toBe(true);
    expect(plan.candidate.vectors).toMatchObject({
      path: join(dir, 'releases/1.1.0/vectors.arrow'),
      displayPath: 'releases/1.1.0/vectors.arrow',
      open: { idColumn: 'id', vectorColumn: 'embedding' },
    });
    expect(plan.baseline?.vectors).toMatchObject({
      displayPath: 'releases/1.0.0/vectors.npy',
      open: { idsPath: join(dir, 'releases/1.0.0/ids.txt') },
    });
    expect(plan.contracts.map((c) => c.contract?.consumer)).toEqual([
      'fraud-classifier',
      'recommender',
      'search-index',
    ]);
    expect(plan.suites).toHaveLength(1);
    const suite = plan.suites[0]!;
    expect(suite.display).toBe('suites/product-search.yaml');
    expect(suite.qrels).toMatchObject({ queries: expect.any(Map) });
    expect([...suite.versions.keys()].sort()).toEqual(['1.0.0', '1.1.0']);
    expect(suite.versions.get('1.1.0')!.queries.displayPath).toBe('suites/queries/1.1.0.arrow');
  });
});
