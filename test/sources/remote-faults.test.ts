/**
 * A remote object that fails in the middle of the scan — 503 after every retry, a connection
 * dropped, a body cut short, the object replaced — stops the gate (exit 2) with one line naming
 * the URL: the tool could not do its job, which is no finding about the vectors. Every format
 * that reads through the byte source, against the range server started here; nothing written,
 * nothing hangs.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { defaultDeps } from '../../src/gate/default-deps.js';
import { scanFile } from '../../src/gate/scan.js';
import { openLocalSource } from '../../src/sources/local.js';
import { RemoteSourceError } from '../../src/sources/remote.js';
import { routedOpener } from '../../src/sources/router.js';
import { arrowFloat32, npyFloat32 } from '../../src/vectors/write.js';
import { copyExamples, editFile, EXAMPLE_CHECK, runCli } from '../helpers/cli.js';
import { startRangeServer, type RangeServer } from '../helpers/range-server.js';

const ROWS = 6000;
const DIMS = 64;
const values = Float32Array.from({ length: ROWS * DIMS }, (_, i) => ((i * 7) % 101) / 101);
const ids = Array.from({ length: ROWS }, (_, i) => `id-${i}`);

/** Objects of several formats, each large enough that the scan makes many ranged reads. */
const OBJECTS: Record<string, Uint8Array> = {
  '/v.npy': npyFloat32(values, ROWS, DIMS),
  '/v.arrow': arrowFloat32(ids, values, DIMS),
  '/v.parquet': readFileSync('test/fixtures/parquet/duck_array_f32_snappy.parquet'),
  '/v.feather': readFileSync('test/fixtures/vectors/blocks_lz4.arrow'),
  '/v.arrows': readFileSync('test/fixtures/vectors/f64_fsl_str.arrows'),
  '/v.jsonl': readFileSync('test/fixtures/vectors/vectors.jsonl'),
};

let server: RangeServer;
const fast = { backoffMs: 1, timeoutMs: 2000, sleep: async () => {} };
const open = () => routedOpener(openLocalSource, { allowRemote: true, remote: fast });

beforeAll(async () => {
  server = await startRangeServer();
});
afterAll(() => server.close());
beforeEach(() => {
  for (const [path, bytes] of Object.entries(OBJECTS)) server.put(path, bytes);
  server.reset();
});

function scan(path: string, batchRows = 500) {
  return scanFile(
    {
      path: `${server.base}${path}`,
      displayPath: `${server.base}${path}`,
      open: { batchRows },
      expectUnitNorm: false,
      normTolerance: 1e-3,
      collectIds: true,
      hash: true,
    },
    open(),
  );
}

/** How many requests a clean scan of `path` makes (so a fault can land mid-scan). */
async function requestsOf(path: string): Promise<number> {
  server.reset();
  await scan(path);
  const n = server.log.filter((r) => r.path === path).length;
  server.reset();
  return n;
}

describe('a remote object failing mid-scan', () => {
  for (const path of Object.keys(OBJECTS)) {
    it(`${path}: 503 on every retry after the first reads is a ConfigError naming the URL`, async () => {
      const clean = await requestsOf(path);
      expect(clean).toBeGreaterThan(1);
      // The open and the first reads succeed; every read of the object's second half (and,
      // for a small object read in one go, the last request) fails on every attempt.
      const size = OBJECTS[path]!.length;
      server.fault = (p, n, req) => {
        const start = Number(/^bytes=(\d+)-/.exec(req.headers.range ?? '')?.[1] ?? 0);
        return p === path && (start > size / 2 || n >= clean) ? '503' : 'none';
      };
      const error = await scan(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RemoteSourceError);
      expect((error as Error).message).toBe(
        `${server.base}${path}: answered HTTP 503 (after 4 attempts)`,
      );
    });
  }

  for (const fault of ['drop', 'short'] as const) {
    it(`a ${fault === 'drop' ? 'connection dropped' : 'body cut short'} on every attempt names the URL`, async () => {
      server.fault = (p, n) => (p === '/v.npy' && n > 2 ? fault : 'none');
      const error = await scan('/v.npy').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RemoteSourceError);
      expect((error as Error).message).toContain(`${server.base}/v.npy: `);
      expect((error as Error).message).toContain('(after 4 attempts)');
    });
  }

  it('an object replaced by a truncated copy mid-scan is ECHANGED, never a mixed read', async () => {
    const bytes = OBJECTS['/v.parquet']!;
    server.fault = (p, n) => {
      if (p === '/v.parquet' && n === 3) server.put(p, bytes.subarray(0, bytes.length >> 1));
      return 'none';
    };
    const error = await scan('/v.parquet').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteSourceError);
    expect(error).toMatchObject({ code: 'ECHANGED' });
    expect((error as Error).message).toContain(`${server.base}/v.parquet: changed during the read`);
  });

  it('an object replaced at the last request of the scan or of the hash names the URL', async () => {
    const path = '/v.arrows';
    const clean = await requestsOf(path);
    server.fault = (p, n) => {
      if (p === path && n === clean) server.put(p, OBJECTS['/v.npy']!);
      return 'none';
    };
    const error = await scan(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`${server.base}${path}`);
  });
});

describe('the CLI on a remote object failing mid-scan', () => {
  it('validate exits 2 with one line naming the URL, no finding, no report file, no stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-faults-'));
    const report = join(dir, 'report.json');
    // Every read of the second half of the object fails: the scan has begun, and cannot end.
    const half = OBJECTS['/v.arrow']!.length / 2;
    server.fault = (p, _n, req) => {
      const start = Number(/^bytes=(\d+)-/.exec(req.headers.range ?? '')?.[1] ?? 0);
      return p === '/v.arrow' && start > half ? '503' : 'none';
    };
    const deps = defaultDeps(openLocalSource);
    const result = await runCli(
      [
        'validate',
        `${server.base}/v.arrow`,
        '--allow-remote',
        '--normalization',
        'none',
        '--format',
        `json=${report}`,
      ],
      dir,
      deps,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${server.base}/v.arrow: answered HTTP 503`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).not.toContain('vectors.readable');
    expect(existsSync(report)).toBe(false);
  });

  it('check exits 2 naming the URL when the candidate fails mid-scan; no report written', async () => {
    const dir = copyExamples();
    const bytes = readFileSync(join(dir, 'releases/1.1.0/vectors.arrow'));
    server.put('/cand.arrow', bytes);
    editFile(
      dir,
      'releases/1.1.0/manifest.yaml',
      'path: vectors.arrow',
      `path: "${server.base}/cand.arrow"`,
    );
    server.fault = (p, _n, req) => {
      const start = Number(/^bytes=(\d+)-/.exec(req.headers.range ?? '')?.[1] ?? 0);
      return p === '/cand.arrow' && start > bytes.length / 2 ? '503' : 'none';
    };
    const report = join(dir, 'report.json');
    const r = await runCli(
      [...EXAMPLE_CHECK, '--allow-remote', '--format', `json=${report}`],
      dir,
      defaultDeps(openLocalSource),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${server.base}/cand.arrow: answered HTTP 503`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(report)).toBe(false);
  });
});
