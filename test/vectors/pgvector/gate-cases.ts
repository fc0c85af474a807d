/**
 * The gate on a pgvector candidate: `validate` and `check` through the engine's own steps,
 * with the candidate's vectors in a table and the baseline in a file: open.ts dispatches the
 * postgres:// reference to openPgVectors; scan, checks, coverage, compatibility and judgement
 * are the engine as the CLI runs it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDeps } from '../../../src/gate/default-deps.js';
import { resolvePlan, type GateDeps, type GatePlan } from '../../../src/gate/plan.js';
import type { Report } from '../../../src/gate/report-model.js';
import { executePlan, runGate } from '../../../src/gate/run.js';
import { runValidate } from '../../../src/gate/validate.js';
import { openVectors } from '../../../src/vectors/open.js';
import type { PgTestServer } from './server.js';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
const TABLE_URL =
  'postgres:///postgres?table=releases&id=id&vector=embedding&where.model_version=1.1.0';

/** Copies the example 1.1.0 vectors into `releases`, beside decoy rows of another version. */
async function loadReleaseTable(server: PgTestServer): Promise<number> {
  await server.db.exec(
    'create table releases (id text, model_version text, embedding vector(64), primary key (model_version, id))',
  );
  const source = await openVectors(join(EXAMPLES, 'releases/1.1.0/vectors.arrow'), {
    idColumn: 'id',
    vectorColumn: 'embedding',
  });
  let rows = 0;
  try {
    for await (const batch of source.batches()) {
      const values: string[] = [];
      for (let r = 0; r < batch.rows; r++) {
        const v = Array.from(batch.values.subarray(r * 64, (r + 1) * 64)).join(',');
        const id = batch.ids![r]!.replace(/'/g, "''");
        values.push(
          `('${id}', '1.1.0', '[${v}]')`,
          `('${id}', '0.9.0', '[${v.replace(/^-?/, '9')}]')`,
        );
      }
      await server.db.exec(`insert into releases values ${values.join(',\n')}`);
      rows += batch.rows;
    }
  } finally {
    await source.close();
  }
  return rows;
}

/** Registers the gate cases; `server` is read once the file's beforeAll has started it. */
export function gateCases(server: () => PgTestServer, secret: string): void {
  describe('the gate on a pgvector candidate', () => {
    let workspace: string;
    let rows: number;
    beforeAll(async () => {
      rows = await loadReleaseTable(server());
      workspace = await mkdtemp(join(tmpdir(), 'gate-pg-'));
      await cp(join(EXAMPLES, 'releases'), join(workspace, 'releases'), { recursive: true });
      await cp(join(EXAMPLES, 'contracts'), join(workspace, 'contracts'), { recursive: true });
      // The candidate without its suites (not what this test is about) and its file hash
      // (a table has no bytes to hash).
      const manifest = await readFile(join(workspace, 'releases/1.1.0/manifest.yaml'), 'utf8');
      await writeFile(
        join(workspace, 'releases/1.1.0/manifest.yaml'),
        manifest.replace(/\n {2}sha256: [0-9a-f]{64}/, '').replace(/\nsuites:\n( {2}.*\n)+/, '\n'),
      );
    }, 120_000);
    afterAll(async () => {
      if (workspace) await rm(workspace, { recursive: true, force: true });
    });

    const plan = (): GatePlan => ({
      candidate: join(workspace, 'releases/1.1.0/manifest.yaml'),
      baseline: join(workspace, 'releases/1.0.0/manifest.yaml'),
      contracts: [join(workspace, 'contracts')],
      failOn: 'error',
      workspace,
      cwd: workspace,
    });
    const deps = (): GateDeps => defaultDeps(undefined, { workspace });

    it('check: the table judged as the same vectors in a file are judged', async () => {
      const fromFile = (await runGate(plan(), deps())).report;
      const resolved = await resolvePlan(plan());
      const candidate = {
        ...resolved.candidate,
        vectors: { path: TABLE_URL, displayPath: TABLE_URL, open: {} },
      };
      // The harness's one liberty: the candidate's vectors are the table, not the file. The
      // sample of the compatibility step reads them too (deps.openVectors).
      const fromTable = (
        await executePlan({ ...resolved, candidate }, { ...deps(), openVectors: openVectors })
      ).report;
      expect(fromFile.candidate.vectors!.rows).toBe(rows);
      expect(fromTable.candidate.vectors).toMatchObject({
        file: TABLE_URL,
        rows,
        dims: 64,
        dtype: 'float32',
        hasIds: true,
      });
      const same = (r: Report) => ({
        verdict: r.verdict,
        findings: r.findings.map((f) => `${f.severity} ${f.id}`),
        coverage: r.coverage,
        norms: r.candidate.vectors!.norms,
        nonFinite: r.candidate.vectors!.nonFinite,
        compatibility: r.compatibility,
      });
      expect(same(fromTable)).toEqual(same(fromFile));
      expect(JSON.stringify(fromTable)).not.toContain(secret);
    });

    it('validate: a table read as a file is', async () => {
      const validate = (file: string, scanPath = file) =>
        runValidate(
          { file, open: {}, dims: 64, normalization: 'l2', failOn: 'error', cwd: workspace },
          // runValidate resolves `file` against cwd, as a path; the CLI's URL handling (the
          // lead's wiring) keeps a URL whole. The harness hands the scan the URL as such.
          {
            ...deps(),
            scan: (req) => deps().scan({ ...req, path: scanPath, displayPath: scanPath }),
          },
        );
      const report = await validate('ignored', TABLE_URL);
      expect(report.verdict).toBe('pass');
      expect(report.candidate.vectors).toMatchObject({ rows, dims: 64, file: TABLE_URL });
      const wrongDims = await runValidate(
        { file: 'x', open: {}, dims: 32, failOn: 'error', cwd: workspace },
        {
          ...deps(),
          scan: (req) => deps().scan({ ...req, path: TABLE_URL, displayPath: TABLE_URL }),
        },
      );
      expect(wrongDims.verdict).toBe('fail');
      expect(wrongDims.findings.map((f) => f.id)).toContain('vectors.dims');
      // The decoy rows (another model_version) are kept out by the filter: without it the ids repeat.
      const unfiltered = await validate(
        'x',
        'postgres:///postgres?table=releases&id=id&vector=embedding',
      );
      expect(unfiltered.candidate.vectors!.rows).toBe(2 * rows);
    });
  });
}
