/**
 * The built CLI (dist/cli.js) as users run it: the bundle, its shared chunks and the native
 * parts copied beside it (onnxruntime for kNN) must all load.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExamples, EXAMPLE_CHECK, ROOT } from '../helpers/cli.js';

function cli(args: readonly string[], cwd: string) {
  return spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
  });
}

describe('dist/cli.js', () => {
  it('gates the example exactly as the in-process CLI does (kNN through the bundled onnxruntime)', () => {
    const dir = copyExamples();
    const r = cli(EXAMPLE_CHECK, dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'test/golden/example-check.txt'), 'utf8'));
  });

  it('reads Parquet (the TypeScript decoder, bundled)', () => {
    const r = cli(
      ['validate', join(ROOT, 'test/fixtures/parquet/pa_fsl_f32_zstd.parquet'), '--format', 'json'],
      ROOT,
    );
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as {
      candidate: { vectors: { format: string; rows: number } };
    };
    expect(report.candidate.vectors.format).toBe('parquet');
    expect(report.candidate.vectors.rows).toBeGreaterThan(0);
  });

  it('prints usage errors without a stack trace and exits 2', () => {
    const r = cli(['check'], ROOT);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/required option '--candidate <manifest>' not specified/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
