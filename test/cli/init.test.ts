/** `embedding-gate init`: a manifest measured from existing vectors, with TODOs that block until filled. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContract } from '../../src/config/contract.js';
import { loadManifest } from '../../src/config/manifest.js';
import { npyFloat32 } from '../../src/vectors/write.js';
import { copyExamples, runCli } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function examples(): string {
  const dir = copyExamples();
  dirs.push(dir);
  return dir;
}

const FILLED = [
  '--model',
  'all-MiniLM-L6-v2',
  '--revision',
  'r1',
  '--dataset',
  'catalogue-2024-09',
  '--inputs-sha256',
  'a'.repeat(64),
];

describe('embedding-gate init', () => {
  it('measures the vectors into a schema-valid manifest whose TODOs block until filled', async () => {
    const dir = examples();
    const r = await runCli(
      [
        'init',
        'releases/1.1.0/vectors.arrow',
        '--name',
        'products-text',
        '--version',
        '1.2.0',
        '--output',
        'new/manifest.yaml',
        '--contract',
        'new/contract.yaml',
      ],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^wrote new\/manifest\.yaml: products-text 1\.2\.0, 2,040 × 64 float32, l2-normalised, sha256 fe41685f7a68…$/m,
    );
    expect(r.stdout).toMatch(
      /next: fill in the TODOs \(model\.name, model\.revision, inputs\.dataset, inputs\.sha256, the contract's consumer and owner\)/,
    );
    const loaded = await loadManifest('new/manifest.yaml', dir);
    expect(loaded.findings).toEqual([]);
    expect(loaded.manifest).toMatchObject({
      name: 'products-text',
      version: '1.2.0',
      dims: 64,
      dtype: 'float32',
      normalization: 'l2',
      metric: 'cosine',
      vectors: {
        path: '../releases/1.1.0/vectors.arrow',
        // The example's own manifest records the same file's hash.
        sha256: 'fe41685f7a68c7e621039d3713f54c07f8b906d0be46bacc10b548b28a418a80',
      },
    });
    const contract = await loadContract('new/contract.yaml', dir);
    expect(contract.findings).toEqual([]);
    expect(contract.contract).toMatchObject({
      embedding: 'products-text',
      accepts: '^1.0.0',
      requires: { dims: 64, dtype: 'float32', normalization: 'l2', metric: 'cosine' },
    });

    const blocked = await runCli(
      [
        'check',
        '--candidate',
        'new/manifest.yaml',
        '--contracts',
        'new/contract.yaml',
        '--format',
        'json',
      ],
      dir,
    );
    expect(blocked.code).toBe(1);
    const findings = JSON.parse(blocked.stdout).findings as {
      id: string;
      location: { line: number };
    }[];
    expect(findings.filter((f) => f.id === 'manifest.placeholder')).toHaveLength(4);
    expect(findings.filter((f) => f.id === 'contract.placeholder')).toHaveLength(2);
  });

  it('writes a manifest that passes once the model and inputs are given', async () => {
    const dir = examples();
    const r = await runCli(
      [
        'init',
        'releases/1.0.0/vectors.npy',
        '--ids',
        'releases/1.0.0/ids.txt',
        '--output',
        'm.yaml',
        ...FILLED,
      ],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/TODO/);
    const text = readFileSync(join(dir, 'm.yaml'), 'utf8');
    expect(text).toMatch(/^ {2}ids: "releases\/1\.0\.0\/ids\.txt"$/m);
    // The folder is a version (1.0.0), so the file's stem names the embedding.
    expect(text).toMatch(/^name: "vectors"$/m);
    const check = await runCli(['check', '--candidate', 'm.yaml'], dir);
    expect(check.stdout).toMatch(/Verdict: PASS/);
    expect(check.code).toBe(0);
  });

  it('says none, and dot, for vectors that are not unit-norm, and notes missing ids', async () => {
    const dir = examples();
    const values = Float32Array.from({ length: 4 * 3 }, (_, i) => i + 1);
    writeFileSync(join(dir, 'raw.npy'), npyFloat32(values, 4, 3));
    const r = await runCli(['init', 'raw.npy', '--name', 'raw', ...FILLED], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/4 × 3 float32, not normalised/);
    expect(r.stdout).toMatch(/^note: the file has no ids/m);
    const m = await loadManifest('manifest.yaml', dir);
    expect(m.manifest).toMatchObject({
      name: 'raw',
      normalization: 'none',
      metric: 'dot',
      dims: 3,
    });
  });

  it('never overwrites a file unless told to, and then replaces it whole', async () => {
    const dir = examples();
    const target = join(dir, 'releases/1.1.0/manifest.yaml');
    const before = readFileSync(target, 'utf8');
    const r = await runCli(['init', 'releases/1.1.0/vectors.arrow'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /releases\/1\.1\.0\/manifest\.yaml exists; init never overwrites a file \(pass --force to replace it\)/,
    );
    expect(readFileSync(target, 'utf8')).toBe(before);
    const forced = await runCli(
      ['init', 'releases/1.1.0/vectors.arrow', '--force', '--version', '1.1.0'],
      dir,
    );
    expect(forced.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^# Written by embedding-gate init/);
  });

  it.each([
    [
      ['init', 'releases/1.1.0/vectors.arrow', '--version', '1.2'],
      /--version "1\.2" is not a semantic version/,
    ],
    [
      ['init', 'releases/1.1.0/vectors.arrow', '--inputs-sha256', 'abc'],
      /--inputs-sha256 must be 64 lowercase hex characters/,
    ],
    [['init', 'missing.npy', '--output', 'x.yaml'], /missing\.npy/],
    [
      ['init', 'contracts/search-index.yaml', '--output', 'x.yaml'],
      /cannot tell the format|search-index\.yaml/,
    ],
  ])('refuses %j with exit 2 and one line', async (args, message) => {
    const dir = examples();
    const r = await runCli(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
