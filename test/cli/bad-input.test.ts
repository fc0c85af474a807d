/**
 * The bad-input corpus: every broken file, wrong field or impossible value gives one
 * precise message and the documented exit code, and never a stack trace.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npyFloat32 } from '../../src/vectors/write.js';
import { copyExamples, editFile, runCli } from '../helpers/cli.js';

const CANDIDATE = 'releases/1.1.0/manifest.yaml';
const BASE_ARGS = [
  'check',
  '--candidate',
  CANDIDATE,
  '--contracts',
  'contracts',
  '--format',
  'json',
];

/** Runs the gate on a modified copy of the example and returns the error findings' lines. */
async function gate(mutate: (dir: string) => void, args: string[] = BASE_ARGS) {
  const dir = copyExamples();
  mutate(dir);
  const r = await runCli(args, dir);
  expect(r.stderr + r.stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  const findings =
    r.code === 2
      ? []
      : (
          JSON.parse(r.stdout).findings as {
            id: string;
            severity: string;
            message: string;
            location?: { file: string; line?: number; column?: number };
          }[]
        )
          .filter((f) => f.severity === 'error')
          .map(
            (f) =>
              `${f.id} ${f.location?.file}${f.location?.line ? `:${f.location.line}:${f.location.column}` : ''} ${f.message}`,
          );
  return { code: r.code, stderr: r.stderr.trim(), findings };
}

/** A 4-row float32 npy with the given values per row (dims 64), plus a manifest pointing at it. */
function useNpy(dir: string, rows: number[][]) {
  const dims = 64;
  const values = new Float32Array(rows.length * dims);
  rows.forEach((row, r) => row.forEach((v, j) => (values[r * dims + j] = v)));
  writeFileSync(join(dir, 'releases/1.1.0/v.npy'), npyFloat32(values, rows.length, dims));
  writeFileSync(
    join(dir, 'releases/1.1.0/v.ids'),
    rows.map((_, i) => `doc-${i}`).join('\n') + '\n',
  );
  editFile(dir, CANDIDATE, /vectors:\n( {2}.*\n)+/, 'vectors:\n  path: v.npy\n  ids: v.ids\n');
}

describe('configuration that cannot be read: exit 2, one line on stderr', () => {
  it('YAML syntax error', async () => {
    const r = await gate((d) => editFile(d, CANDIDATE, 'dims: 64', 'dims: [64'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^embedding-gate: releases\/1\.1\.0\/manifest\.yaml:\d+:\d+: invalid YAML: .+$/,
    );
  });

  it('duplicate key', async () => {
    const r = await gate((d) => editFile(d, CANDIDATE, 'dims: 64', 'dims: 64\ndims: 65'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'embedding-gate: releases/1.1.0/manifest.yaml:17:1: duplicate key: each field may appear once',
    );
  });

  it('missing candidate manifest', async () => {
    const r = await gate(() => undefined, ['check', '--candidate', 'nope.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('embedding-gate: nope.yaml: cannot read: no such file');
  });

  it('contracts argument that matches nothing', async () => {
    const r = await gate(
      () => undefined,
      ['check', '--candidate', CANDIDATE, '--contracts', 'contratcs/*.yaml'],
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'embedding-gate: --contracts contratcs/*.yaml: no file or directory matches',
    );
  });

  it('vectors path that escapes the workspace', async () => {
    const r = await gate((d) =>
      editFile(d, CANDIDATE, 'path: vectors.arrow', 'path: ../../../../etc/passwd'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^embedding-gate: releases\/1\.1\.0\/manifest\.yaml:12:9: vectors\.path "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" resolves outside the workspace .+; expected a path inside it \(the gate reads nothing outside the workspace\); pass --workspace <dir> to a folder that holds it, or move the file inside .+$/,
    );
  });

  it('a symbolic link that leads out of the workspace', async () => {
    const r = await gate((d) => {
      mkdirSync(join(d, 'releases/1.1.0/link'));
      symlinkSync('/etc', join(d, 'releases/1.1.0/link/out'));
      editFile(d, CANDIDATE, 'path: vectors.arrow', 'path: link/out/hostname');
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/vectors\.path "link\/out\/hostname" resolves outside the workspace/);
  });

  it('bad option values', async () => {
    const bad = await runCli(['check', '--candidate', CANDIDATE, '--fail-on', 'sometimes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /option '--fail-on <level>' argument 'sometimes' is invalid\. Allowed choices are error, warning, never\./,
    );
    const unknown = await runCli(['check', '--candidate', CANDIDATE, '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--frobnicate'/);
    const twoStdout = await runCli([
      'check',
      '--candidate',
      CANDIDATE,
      '--format',
      'json',
      '--format',
      'text',
    ]);
    expect(twoStdout.code).toBe(2);
    expect(twoStdout.stderr.trim()).toBe(
      'embedding-gate: --format json and text would all write to standard output; send all but one to files, e.g. --format text=report.txt',
    );
  });
});

describe('files that are wrong: exit 1 with a located finding', () => {
  it('unknown key in a contract', async () => {
    const r = await gate((d) =>
      editFile(d, 'contracts/search-index.yaml', 'norm_tolerance:', 'norm_tolerence:'),
    );
    expect(r.code).toBe(1);
    expect(r.findings).toEqual([
      'contract.schema contracts/search-index.yaml:11:3 requires.norm_tolerence: unknown field "norm_tolerence" (did you mean "norm_tolerance"?)',
    ]);
  });

  it('negative and absurd dims', async () => {
    const neg = await gate((d) => editFile(d, CANDIDATE, 'dims: 64', 'dims: -64'));
    expect(neg.code).toBe(1);
    expect(neg.findings).toEqual([
      'manifest.schema releases/1.1.0/manifest.yaml:16:7 dims: expected a number ≥ 1, found -64',
    ]);
    const absurd = await gate((d) => editFile(d, CANDIDATE, 'dims: 64', 'dims: 100000000'));
    expect(absurd.findings).toEqual([
      'manifest.schema releases/1.1.0/manifest.yaml:16:7 dims: expected a number ≤ 65536, found 100000000',
    ]);
  });

  it('dims mismatch between manifest and file', async () => {
    const r = await gate((d) => {
      editFile(d, CANDIDATE, 'dims: 64', 'dims: 128');
      editFile(d, CANDIDATE, / {2}sha256: [0-9a-f]+\ndims/, 'dims');
    });
    expect(r.code).toBe(1);
    expect(r.findings).toContain(
      'vectors.dims releases/1.1.0/manifest.yaml:15:7 expected dims 128, releases/1.1.0/vectors.arrow holds 64-dimensional vectors',
    );
  });

  it('NaN and Inf values, with the ids of the rows', async () => {
    const unit = (i: number) => Array.from({ length: 64 }, (_, j) => (j === i ? 1 : 0));
    const r = await gate((d) =>
      useNpy(d, [
        unit(0),
        [Number.NaN, ...unit(0).slice(1)],
        unit(2),
        [Infinity, Number.NaN, ...unit(0).slice(2)],
      ]),
    );
    expect(r.code).toBe(1);
    expect(r.findings).toContain(
      'vectors.non-finite releases/1.1.0/v.npy expected finite values, found 3 NaN/Inf value(s) in 2 of 4 rows (ids "doc-1", "doc-3")',
    );
  });

  it('vectors not unit-norm although the manifest says l2', async () => {
    const r = await gate((d) => useNpy(d, [[1], [0.5], [0, 1], [3, 4]]));
    expect(r.code).toBe(1);
    expect(r.findings).toContain(
      'vectors.normalization releases/1.1.0/manifest.yaml:16:16 expected l2-normalised vectors (‖v‖ = 1 ± 0.001), found 2 of 4 outside (norms from 0.5 to 5); ids "doc-1", "doc-3"',
    );
  });

  it('truncated Arrow file', async () => {
    const r = await gate((d) => {
      const f = join(d, 'releases/1.1.0/vectors.arrow');
      writeFileSync(f, readFileSync(f).subarray(0, 300_000));
      editFile(d, CANDIDATE, / {2}sha256: [0-9a-f]+\ndims/, 'dims');
    });
    expect(r.code).toBe(1);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatch(
      /^vectors\.readable releases\/1\.1\.0\/vectors\.arrow cannot read the vectors of products-text 1\.1\.0: releases\/1\.1\.0\/vectors\.arrow.*byte \d+.*$/,
    );
  });

  it('wrong magic bytes', async () => {
    const r = await gate((d) => {
      writeFileSync(join(d, 'releases/1.1.0/vectors.arrow'), 'PAR1 this is not arrow at all');
      editFile(d, CANDIDATE, / {2}sha256: [0-9a-f]+\ndims/, 'dims');
    });
    expect(r.code).toBe(1);
    expect(r.findings[0]).toMatch(/^vectors\.readable .*vectors\.arrow.*ARROW1.*$/);
  });

  it('an npy header that promises more rows than the file holds', async () => {
    const r = await gate(
      (d) => {
        const f = join(d, 'releases/1.0.0/vectors.npy');
        writeFileSync(f, readFileSync(f).subarray(0, 100_000));
      },
      ['check', '--candidate', 'releases/1.0.0/manifest.yaml', '--format', 'json'],
    );
    expect(r.code).toBe(1);
    expect(r.findings).toContain(
      'vectors.readable releases/1.0.0/vectors.npy cannot read the vectors of products-text 1.0.0: ' +
        'releases/1.0.0/vectors.npy (byte 100000): header promises shape (2000, 64) <f4: 512000 data bytes from byte 128, ' +
        'but the file holds only 99872 (truncated?)',
    );
  });

  it('duplicate ids', async () => {
    const r = await gate((d) => {
      useNpy(d, [[1], [0, 1], [0, 0, 1]]);
      writeFileSync(join(d, 'releases/1.1.0/v.ids'), 'a\nb\na\n');
    });
    expect(r.code).toBe(1);
    expect(r.findings).toContain(
      'vectors.ids-duplicate releases/1.1.0/v.npy expected unique ids, found 1 duplicate(s) ("a")',
    );
  });
});
