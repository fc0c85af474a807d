/**
 * The download path on the REAL onnxruntime-node tarball (from the npm cache that `npm ci`
 * filled), served by a node:http server acting as the registry: first run downloads, verifies
 * and unpacks; the second uses the cache without a request; a tampered tarball is refused with
 * nothing cached; a registry that is down falls back to WebAssembly.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNpmConfig } from '../../src/onnx/npm-config.js';
import { RuntimeUnavailableError } from '../../src/onnx/runtime-error.js';
import {
  downloadRuntime,
  runtimeCacheDir,
  type RuntimeHost,
} from '../../src/onnx/runtime-download.js';
import type { OrtApi } from '../../src/onnx/runtime-native.js';
import { ORT_PIN } from '../../src/onnx/runtime-pin.js';
import { registryOf, resolveRuntime, type ResolveDeps } from '../../src/onnx/runtime-resolve.js';
import { ROOT } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'eg-ort-download-'));
let tarball: Buffer;
let server: Server;
let registry: string;
const requests: string[] = [];

beforeAll(async () => {
  // Offline: the tarball is in the npm cache since `npm ci`.
  execFileSync(
    'npm',
    ['pack', `${ORT_PIN.name}@${ORT_PIN.version}`, '--offline', '--pack-destination', work],
    { cwd: ROOT, stdio: 'ignore' },
  );
  tarball = readFileSync(join(work, `${ORT_PIN.name}-${ORT_PIN.version}.tgz`));
  const tampered = Buffer.from(tarball);
  const mid = tampered.length >> 1;
  tampered[mid] = (tampered[mid] as number) ^ 0x01;
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const [, prefix, rest] = /^\/(good|bad)(\/.*)$/.exec(req.url ?? '') ?? [];
    if (rest !== `/${ORT_PIN.name}/-/${ORT_PIN.name}-${ORT_PIN.version}.tgz`) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(prefix === 'good' ? tarball : tampered);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(work, { recursive: true, force: true });
});

function host(env: Record<string, string>): RuntimeHost {
  return { platform: process.platform, arch: process.arch, env, homedir: join(work, 'home') };
}

function deps(h: RuntimeHost, extra: Partial<ResolveDeps> = {}) {
  const notices: string[] = [];
  return {
    notices,
    deps: {
      host: h,
      notice: (l: string) => notices.push(l),
      threads: 1,
      installedPackage: () => undefined,
      ...extra,
    } satisfies ResolveDeps,
  };
}

describe('download of the pinned onnxruntime-node', () => {
  let ort: OrtApi;
  const tool = join(work, 'toolcache');

  it('downloads, verifies and unpacks this platform only into the tool cache; the runtime runs a model', async () => {
    const h = host({ EMBEDDING_GATE_NPM_REGISTRY: `${registry}/good`, RUNNER_TOOL_CACHE: tool });
    const { deps: d, notices } = deps(h);
    const got = await resolveRuntime(d);
    expect(got.source).toBe('download');
    expect(requests).toHaveLength(1);
    expect(notices[0]).toMatch(
      /downloading onnxruntime-node 1\.30\.0 \(108\.2 MiB \(113,[0-9,]+ bytes\), once\) from http/,
    );
    const dir = runtimeCacheDir(h);
    // @actions/tool-cache's layout: <tool>/<version>/<arch> and <arch>.complete beside it.
    expect(dir).toBe(join(tool, 'embedding-gate-onnxruntime-node', '1.30.0', process.arch));
    expect(got.where).toBe(dir);
    const files = readdirSync(dir).sort();
    expect(files).toContain('onnxruntime_binding.node');
    expect(files.some((f) => /cuda|tensorrt/i.test(f))).toBe(false);
    // Nothing but the final folder is left beside it (no temp folder, no .tgz).
    expect(readdirSync(dirname(dir)).sort()).toEqual([process.arch, `${process.arch}.complete`]);
    ort = got.ort;
    const model = readFileSync(join(ROOT, 'test/fixtures/onnx/logreg.onnx'));
    const session = await ort.InferenceSession.create(model, { executionProviders: ['cpu'] });
    const x = new ort.Tensor('float32', Float32Array.of(1, 2, 3, 4), [1, 4]);
    const out = await session.run({ x });
    expect(out['p']?.dims).toEqual([1, 1]);
  });

  it('uses the cache on the second run, without a request', async () => {
    const h = host({ EMBEDDING_GATE_NPM_REGISTRY: `${registry}/good`, RUNNER_TOOL_CACHE: tool });
    const { deps: d, notices } = deps(h, { loadNative: () => ort });
    const got = await resolveRuntime(d);
    expect(got.source).toBe('cache');
    expect(requests).toHaveLength(1);
    expect(notices).toEqual([]);
  });

  it('refuses a tampered tarball, naming the mismatch, and caches nothing', async () => {
    const h = host({
      EMBEDDING_GATE_NPM_REGISTRY: `${registry}/bad`,
      XDG_CACHE_HOME: join(work, 'c2'),
    });
    const { deps: d } = deps(h, { loadNative: () => ort });
    const err = await resolveRuntime(d).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RuntimeUnavailableError);
    expect((err as Error).message).toMatch(
      /^integrity mismatch for http:\/\/127\.0\.0\.1:\d+\/bad\/onnxruntime-node\/-\/onnxruntime-node-1\.30\.0\.tgz: expected sha512-twhs/,
    );
    expect((err as Error).message).toMatch(/nothing was cached/);
    expect(readdirSync(dirname(runtimeCacheDir(h)))).toEqual([]);
  });

  it('lets two runs race into an empty cache: both end with the same complete folder', async () => {
    const h = host({ XDG_CACHE_HOME: join(work, 'race') });
    const dest = runtimeCacheDir(h);
    const url = `${registry}/good/${ORT_PIN.name}/-/${ORT_PIN.name}-${ORT_PIN.version}.tgz`;
    const got = await Promise.all([downloadRuntime(url, dest, h), downloadRuntime(url, dest, h)]);
    expect(got).toEqual([dest, dest]);
    expect(readdirSync(dest)).toContain('onnxruntime_binding.node');
    expect(readdirSync(dirname(dest))).toEqual([`${process.platform}-${process.arch}`]);
  });

  it('falls back to WebAssembly when the registry is down, saying so once', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const h = host({
      npm_config_registry: `http://127.0.0.1:${port}`,
      XDG_CACHE_HOME: join(work, 'c3'),
    });
    const { deps: d, notices } = deps(h, { loadNative: () => ort });
    const got = await resolveRuntime(d);
    expect(got.source).toBe('wasm');
    expect(notices).toHaveLength(2);
    expect(notices[1]).toMatch(
      new RegExp(
        `^embedding-gate: running onnxruntime-web \\(WebAssembly.*cannot download onnxruntime from http://127\\.0\\.0\\.1:${port}/`,
      ),
    );
    expect(notices[1]).toMatch(
      /set EMBEDDING_GATE_ONNXRUNTIME_DIR or EMBEDDING_GATE_NPM_REGISTRY$/,
    );
    expect(readdirSync(dirname(runtimeCacheDir(h)))).toEqual([]);
  });

  it('exits with a message when neither the registry nor WebAssembly can be had', async () => {
    const h = host({
      EMBEDDING_GATE_NPM_REGISTRY: `${registry}/missing`,
      XDG_CACHE_HOME: join(work, 'c4'),
    });
    const { deps: d } = deps(h, { findWasm: async () => undefined });
    await expect(resolveRuntime(d)).rejects.toThrow(
      /^cannot download onnxruntime from http:\/\/127\.0\.0\.1:\d+\/missing\/onnxruntime-node\/-\/onnxruntime-node-1\.30\.0\.tgz: HTTP 404; set EMBEDDING_GATE_ONNXRUNTIME_DIR .*; and onnxruntime-web \(WebAssembly\) is not installed either$/,
    );
  });
});

// The configured registry for real (113.5 MB, a few seconds): the registry `npm ci` just used, so
// the suite needs no other network. EMBEDDING_GATE_TEST_REAL_REGISTRY=0 skips it on a machine
// whose dependencies came from elsewhere (an offline mirror, a vendored node_modules).
describe.skipIf(process.env['EMBEDDING_GATE_TEST_REAL_REGISTRY'] === '0')(
  'the configured registry',
  () => {
    it('serves the pinned tarball, which verifies and unpacks', async () => {
      // The runner's own npm settings: environment, project and user .npmrc (registry, token, proxy).
      const h: RuntimeHost = {
        ...host({ ...process.env, XDG_CACHE_HOME: join(work, 'real') } as Record<string, string>),
        homedir: homedir(),
        cwd: process.cwd(),
        execPath: process.execPath,
      };
      const { deps: d, notices } = deps(h, { loadNative: (dir) => ({ dir }) as unknown as OrtApi });
      const got = await resolveRuntime(d);
      expect(got.source).toBe('download');
      expect(notices[0]).toContain(registryOf(h.env, loadNpmConfig(h)));
      expect(readdirSync(got.where)).toContain('onnxruntime_binding.node');
    }, 300_000);
  },
);
