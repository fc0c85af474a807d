/**
 * The resolution order of src/onnx/runtime-resolve.ts, step by step, on real folders; the
 * loader records which folder it was asked for (one native addon per process, loaded for real
 * in runtime-download.test.ts and runtime-wasm.test.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runtimeCacheDir, type RuntimeHost } from '../../src/onnx/runtime-download.js';
import type { OrtApi } from '../../src/onnx/runtime-native.js';
import { ORT_PIN, ORT_WEB_VERSION, tarballUrl } from '../../src/onnx/runtime-pin.js';
import { registryOf, resolveRuntime, type ResolveDeps } from '../../src/onnx/runtime-resolve.js';
import { ROOT } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'eg-ort-resolve-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LINUX: Omit<RuntimeHost, 'env'> = { platform: 'linux', arch: 'x64', homedir: '/home/u' };

/** A folder with an (empty) addon file, as the resolution sees it. */
function binaries(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'onnxruntime_binding.node'), '');
  return dir;
}

function run(env: Record<string, string>, extra: Partial<ResolveDeps> = {}) {
  const loaded: string[] = [];
  const downloads: string[] = [];
  const notices: string[] = [];
  const fake = {} as OrtApi;
  const deps: ResolveDeps = {
    host: { ...LINUX, env },
    notice: (l) => notices.push(l),
    threads: 1,
    installedPackage: () => undefined,
    loadNative: (dir) => (loaded.push(dir), fake),
    download: async (url) => {
      downloads.push(url);
      throw new Error('no download in this test');
    },
    findWasm: async () => undefined,
    ...extra,
  };
  return { loaded, downloads, notices, result: resolveRuntime(deps) };
}

describe('the pin', () => {
  it('is package-lock.json’s onnxruntime-node entry', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version: string; integrity: string }>;
    };
    const entry = lock.packages['node_modules/onnxruntime-node'];
    expect({ version: ORT_PIN.version, integrity: ORT_PIN.integrity }).toEqual({
      version: entry?.version,
      integrity: entry?.integrity,
    });
  });

  it('names onnxruntime-web’s version as package-lock.json does (the report records it)', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version: string }>;
    };
    expect(ORT_WEB_VERSION).toBe(lock.packages['node_modules/onnxruntime-web']?.version);
  });
});

describe('a. EMBEDDING_GATE_ONNXRUNTIME_DIR', () => {
  it('takes a folder of binaries, an unpacked package, or an unpacked npm pack', async () => {
    const flat = binaries(join(work, 'flat'));
    const pkg = join(work, 'pkg');
    binaries(join(pkg, 'bin/napi-v6/linux/x64'));
    const packed = join(work, 'packed');
    binaries(join(packed, 'package/bin/napi-v6/linux/x64'));
    for (const [dir, want] of [
      [flat, flat],
      [pkg, join(pkg, 'bin/napi-v6/linux/x64')],
      [packed, join(packed, 'package/bin/napi-v6/linux/x64')],
    ] as const) {
      const r = run(
        { EMBEDDING_GATE_ONNXRUNTIME_DIR: dir },
        { installedPackage: () => binaries(join(work, 'never')) },
      );
      await expect(r.result).resolves.toMatchObject({ source: 'offline-dir', where: want });
      expect(r.loaded).toEqual([want]);
    }
  });

  it('is the only native source when set: a folder without binaries is an error', async () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    const r = run({ EMBEDDING_GATE_ONNXRUNTIME_DIR: empty });
    await expect(r.result).rejects.toThrow(
      `EMBEDDING_GATE_ONNXRUNTIME_DIR=${empty} holds no onnxruntime_binding.node for linux-x64`,
    );
    expect(r.downloads).toEqual([]);
  });

  it('names the folder and the cause when the addon does not load', async () => {
    const flat = binaries(join(work, 'broken'));
    const r = run(
      { EMBEDDING_GATE_ONNXRUNTIME_DIR: flat },
      {
        loadNative: () => {
          throw new Error('invalid ELF header\n    at stack');
        },
      },
    );
    await expect(r.result).rejects.toThrow(
      `cannot load onnxruntime from EMBEDDING_GATE_ONNXRUNTIME_DIR ${flat}: invalid ELF header`,
    );
  });
});

describe('b. an installed onnxruntime-node', () => {
  it('is used when no offline folder is set', async () => {
    const pkg = join(work, 'installed');
    const dir = binaries(join(pkg, 'bin/napi-v6/linux/x64'));
    const r = run({ XDG_CACHE_HOME: join(work, 'xdg-b') }, { installedPackage: () => pkg });
    await expect(r.result).resolves.toMatchObject({ source: 'installed', where: dir });
  });

  it("is this repository's own node_modules by default", async () => {
    const r = run(
      {},
      {
        installedPackage: undefined,
        host: { platform: process.platform, arch: process.arch, env: {}, homedir: work },
      },
    );
    const got = await r.result;
    expect(got.source).toBe('installed');
    expect(got.where).toBe(
      join(ROOT, 'node_modules/onnxruntime-node/bin/napi-v6', process.platform, process.arch),
    );
  });
});

describe('c. the tool cache', () => {
  it('is found before any download', async () => {
    const env = { XDG_CACHE_HOME: join(work, 'xdg-c') };
    const cache = binaries(runtimeCacheDir({ ...LINUX, env }));
    const r = run(env);
    await expect(r.result).resolves.toMatchObject({ source: 'cache', where: cache });
    expect(r.downloads).toEqual([]);
  });

  it('lives where each platform keeps caches', () => {
    const v = ORT_PIN.version;
    expect(runtimeCacheDir({ ...LINUX, env: {} })).toBe(
      `/home/u/.cache/embedding-gate/onnxruntime-node/${v}/linux-x64`,
    );
    expect(runtimeCacheDir({ ...LINUX, env: { XDG_CACHE_HOME: '/x' } })).toBe(
      `/x/embedding-gate/onnxruntime-node/${v}/linux-x64`,
    );
    expect(runtimeCacheDir({ ...LINUX, env: { RUNNER_TOOL_CACHE: '/t' } })).toBe(
      `/t/embedding-gate-onnxruntime-node/${v}/x64`,
    );
    const win = runtimeCacheDir({
      platform: 'win32',
      arch: 'x64',
      homedir: '/home/u',
      env: { LOCALAPPDATA: '/l' },
    });
    expect(win).toBe(join('/l', 'embedding-gate/Cache/onnxruntime-node', v, 'win32-x64'));
  });
});

describe('d. the download', () => {
  it('asks the gate’s registry, then npm’s, then npmjs.org', () => {
    expect(registryOf({})).toBe('https://registry.npmjs.org');
    expect(registryOf({ npm_config_registry: 'https://npm.example/' })).toBe(
      'https://npm.example/',
    );
    expect(
      registryOf({
        npm_config_registry: 'https://npm.example/',
        EMBEDDING_GATE_NPM_REGISTRY: 'https://mirror.example/npm',
      }),
    ).toBe('https://mirror.example/npm');
    expect(tarballUrl('https://npm.example/')).toBe(
      'https://npm.example/onnxruntime-node/-/onnxruntime-node-1.30.0.tgz',
    );
  });

  it('is not tried on a platform without native binaries (straight to WebAssembly)', async () => {
    const r = run(
      { XDG_CACHE_HOME: join(work, 'xdg-d') },
      {
        host: { platform: 'freebsd', arch: 'x64', homedir: work, env: {} },
        findWasm: async () => ({ glue: 'g.mjs', wasm: 'w.wasm' }),
        loadWasm: async () => ({}) as OrtApi,
      },
    );
    await expect(r.result).resolves.toMatchObject({ source: 'wasm' });
    expect(r.downloads).toEqual([]);
    expect(r.notices).toEqual([
      'embedding-gate: running onnxruntime-web (WebAssembly, several times slower than native) because onnxruntime-node 1.30.0 has no native build for freebsd-x64; for the native runtime set EMBEDDING_GATE_ONNXRUNTIME_DIR or EMBEDDING_GATE_NPM_REGISTRY',
    ]);
  });
});
