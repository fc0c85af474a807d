/**
 * scripts/build.mjs into a temporary folder: dist/ is JavaScript and WebAssembly only, under
 * 15 MB; and the packed project installs globally with no network and no install script (so no
 * GPU download), and its CLI runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'eg-dist-'));
const project = join(work, 'project');
const dist = join(project, 'dist');

function files(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { path: relative(dir, path), bytes: statSync(path).size };
    });
}

beforeAll(() => {
  execFileSync('node', ['scripts/build.mjs'], {
    cwd: ROOT,
    env: { ...process.env, EMBEDDING_GATE_DIST: dist },
    stdio: 'pipe',
  });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('dist/', () => {
  it('is JavaScript and WebAssembly only, at most 15 MB', () => {
    const all = files(dist);
    const total = all.reduce((s, f) => s + f.bytes, 0);
    expect(total).toBeLessThanOrEqual(15 * 1024 * 1024);
    expect(all.filter((f) => /\.(node|so|dylib|dll)$|\.so\.\d/.test(f.path))).toEqual([]);
    for (const f of all) expect(f.path).toMatch(/\.(js|mjs|json|wasm\.br)$/);
    expect(all.map((f) => f.path)).toContain(
      join('onnxruntime-web', 'ort-wasm-simd-threaded.wasm.br'),
    );
  });
});

describe('npm install -g of the packed project', () => {
  it('installs offline with no install script and the CLI validates the example', () => {
    // dist/ is self-contained (everything bundled), so package.json declares every library as a
    // devDependency: the packed project, package.json as it is, installs nothing besides itself.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(pkg['dependencies']).toBeUndefined();
    writeFileSync(join(project, 'package.json'), JSON.stringify(pkg, null, 2));
    copyFileSync(join(ROOT, 'README.md'), join(project, 'README.md'));
    execFileSync('npm', ['pack', '--pack-destination', work], { cwd: project, stdio: 'pipe' });
    const tgz = join(work, `embedding-gate-${pkg['version'] as string}.tgz`);
    const prefix = join(work, 'global');
    const install = spawnSync(
      'npm',
      ['install', '-g', '--prefix', prefix, '--offline', '--foreground-scripts', tgz],
      {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
      },
    );
    expect(install.status, install.stderr).toBe(0);
    // No dependency, so no install script of anyone's: onnxruntime-node's fetched CUDA.
    expect(install.stdout + install.stderr).not.toMatch(/postinstall|onnxruntime|cuda/i);
    const bin = join(
      prefix,
      process.platform === 'win32' ? 'embedding-gate.cmd' : 'bin/embedding-gate',
    );
    const run = spawnSync(bin, ['validate', join(ROOT, 'examples/releases/1.1.0/vectors.arrow')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/Verdict: PASS/);
    expect(run.status).toBe(0);
  });
});
