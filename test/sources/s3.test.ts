/**
 * S3 byte sources and datasets against a real S3-compatible server (s3rver) started here on
 * 127.0.0.1, with the real @aws-sdk/client-s3 and its SigV4 signing, reached through the
 * standard endpoint variable; a small proxy in front injects 503s
 * (test/helpers/s3-server.ts).
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { remoteInfoOf } from '../../src/sources/http.js';
import { openLocalSource } from '../../src/sources/local.js';
import { routedOpener, datasetListerOf } from '../../src/sources/router.js';
import { RemoteSourceError } from '../../src/sources/remote.js';
import { defaultS3Client } from '../../src/sources/s3.js';
import { openVectors } from '../../src/vectors/open.js';
import { VectorFileError } from '../../src/vectors/types.js';
import { npyFloat32 } from '../../src/vectors/write.js';
import { startS3Server, type S3Server } from '../helpers/s3-server.js';

const BUCKET = 'embeddings';
const DIMS = 4;
const fast = { backoffMs: 1, timeoutMs: 2000, sleep: async () => {} };

let server: S3Server;
let endpoint: string;
let proxyEndpoint: string;
let put: (key: string, body: Uint8Array) => Promise<void>;

function npy(rows: number, from: number): Uint8Array {
  return npyFloat32(
    Float32Array.from({ length: rows * DIMS }, (_, i) => from + Math.floor(i / DIMS)),
    rows,
    DIMS,
  );
}

function opener(env: Record<string, string>, allowRemote = true) {
  return routedOpener(openLocalSource, {
    allowRemote,
    remote: fast,
    s3: defaultS3Client(env, fast),
  });
}

async function firstValues(path: string, open = opener({ AWS_ENDPOINT_URL_S3: endpoint })) {
  const vectors = await openVectors(path, {}, open);
  const firsts: number[] = [];
  for await (const batch of vectors.batches())
    for (let r = 0; r < batch.rows; r++) firsts.push((batch.values as Float32Array)[r * DIMS]!);
  await vectors.close();
  return { info: vectors.info, firsts };
}

beforeAll(async () => {
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'S3RVER');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'S3RVER');
  vi.stubEnv('AWS_REGION', 'us-east-1');
  server = await startS3Server(BUCKET);
  ({ endpoint, proxyEndpoint } = server);
  put = (key, body) => server.put(key, body);
  await put('single/vectors.npy', npy(100, 0));
  // Hive-style partitions, written out of order, with Spark's marker files beside them.
  await put('release/year=2025/part-00001.npy', npy(30, 2000));
  await put('release/year=2024/part-00000.npy', npy(20, 1000));
  await put('release/year=2024/_SUCCESS', new Uint8Array());
  await put('release/_common_metadata', new Uint8Array([1]));
  const parquet = await readFile('test/fixtures/parquet/pa_fsl_f32_zstd.parquet');
  await put('parquet/part-0.parquet', parquet);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

describe('S3 byte source (s3rver, AWS SDK v3, AWS_ENDPOINT_URL_S3)', () => {
  it('streams one object, and reports its ETag', async () => {
    const open = opener({ AWS_ENDPOINT_URL_S3: endpoint });
    const source = await open({ path: `s3://${BUCKET}/single/vectors.npy` });
    expect(remoteInfoOf(source)?.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(source.id).toContain(remoteInfoOf(source)!.etag!);
    const { info, firsts } = await firstValues(`s3://${BUCKET}/single/vectors.npy`);
    expect(info).toMatchObject({
      rows: 100,
      dims: DIMS,
      path: `s3://${BUCKET}/single/vectors.npy`,
    });
    expect(firsts).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('reads a prefix of Hive partitions as one dataset in sorted order, skipping markers', async () => {
    const open = opener({ AWS_ENDPOINT_URL: endpoint });
    const listed = await datasetListerOf(open)(`s3://${BUCKET}/release/`);
    expect(listed.parts.map((p) => [p.name, p.size])).toEqual([
      ['year=2024/part-00000.npy', npy(20, 0).length],
      ['year=2025/part-00001.npy', npy(30, 0).length],
    ]);
    const { info, firsts } = await firstValues(`s3://${BUCKET}/release/`, open);
    expect(info.rows).toBe(50);
    expect(firsts.slice(0, 2)).toEqual([1000, 1001]);
    expect(firsts.slice(20, 22)).toEqual([2000, 2001]);
  });

  it('reads a glob of keys', async () => {
    const { info } = await firstValues(`s3://${BUCKET}/release/year=*/part-*.npy`);
    expect(info.rows).toBe(50);
  });

  it('retries 503s from the store, then reads', async () => {
    server.failures = 2;
    const { info } = await firstValues(
      `s3://${BUCKET}/single/vectors.npy`,
      opener({ AWS_ENDPOINT_URL_S3: proxyEndpoint }),
    );
    expect(info.rows).toBe(100);
    expect(server.failures).toBe(0);
  });

  it('a store that answers 503 for good in the middle of the scan is a ConfigError naming the URL', async () => {
    await put('big/v.npy', npy(20_000, 0));
    const vectors = await openVectors(
      `s3://${BUCKET}/big/v.npy`,
      { batchRows: 1000 },
      opener({ AWS_ENDPOINT_URL_S3: proxyEndpoint }),
    );
    let batches = 0;
    const error = await (async () => {
      for await (const batch of vectors.batches()) {
        void batch;
        if (++batches === 2) server.failures = 1_000;
      }
    })().catch((e: unknown) => e);
    server.failures = 0;
    await vectors.close();
    expect(batches).toBeGreaterThanOrEqual(2);
    expect(error).toBeInstanceOf(RemoteSourceError);
    expect((error as Error).message).toMatch(
      new RegExp(`^s3://${BUCKET}/big/v\\.npy: .*503.*\\(after 4 attempts\\)$`),
    );
  });

  it('a missing key and an unknown access key are ConfigErrors naming the URL, never the secret', async () => {
    await expect(firstValues(`s3://${BUCKET}/single/missing.npy`)).rejects.toMatchObject({
      code: 'ENOENT',
      message: expect.stringContaining(`s3://${BUCKET}/single/missing.npy: not found`),
    });
    // s3rver checks the access key id (it does not recompute SigV4 signatures): an unknown
    // key is its 403, with a secret beside it that must not be echoed either.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAUNKNOWNKEY000000');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wrong-secret-value');
    try {
      const error = await firstValues(`s3://${BUCKET}/single/vectors.npy`).catch((e) => e);
      expect(error.code).toBe('EACCES');
      expect(error.message).toBe(
        `s3://${BUCKET}/single/vectors.npy: access denied (HTTP 403); check the credentials the runner has for it`,
      );
      expect(`${error.message}${error.stack}`).not.toMatch(/wrong-secret-value|AKIAUNKNOWNKEY/);
    } finally {
      vi.stubEnv('AWS_ACCESS_KEY_ID', 'S3RVER');
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'S3RVER');
    }
  });

  it('refuses an object replaced between reads (its ETag changed)', async () => {
    await put('changing/v.npy', npy(100, 0));
    const open = opener({ AWS_ENDPOINT_URL_S3: endpoint });
    const source = await open({ path: `s3://${BUCKET}/changing/v.npy` });
    const target = new Uint8Array(128);
    await source.read(target, 0, 128, 0);
    await put('changing/v.npy', npy(100, 7));
    await expect(source.read(target, 0, 128, 128)).rejects.toMatchObject({ code: 'ECHANGED' });
  });

  it('without allow-remote, refuses before any request', async () => {
    const error = await firstValues(
      `s3://${BUCKET}/single/vectors.npy`,
      opener({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9' }, false),
    ).catch((e) => e);
    expect(error.message).toContain('--allow-remote');
  });

  it('a remote Parquet part fails with a clear message until the TypeScript decoder lands', async () => {
    const error = await firstValues(`s3://${BUCKET}/parquet/part-0.parquet`).catch((e) => e);
    // Once the ByteSource Parquet decoder lands this reads; until then it must not crash.
    if (error instanceof Error) {
      expect(error).toBeInstanceOf(VectorFileError);
      expect(error.message).toContain(`s3://${BUCKET}/parquet/part-0.parquet`);
    } else {
      expect(error.info.format).toBe('parquet');
    }
  });
});

describe('local datasets through the same path', () => {
  it('copies of a Parquet fixture in a directory are parts of one dataset', async () => {
    const parts = await mkdtemp(join(tmpdir(), 'eg-parts-'));
    try {
      await copyFile(
        'test/fixtures/parquet/pa_fsl_f32_zstd.parquet',
        join(parts, 'part-1.parquet'),
      );
      await copyFile(
        'test/fixtures/parquet/pa_fsl_f32_zstd.parquet',
        join(parts, 'part-0.parquet'),
      );
      const one = await openVectors('test/fixtures/parquet/pa_fsl_f32_zstd.parquet');
      const both = await openVectors(parts);
      expect(both.info.rows).toBe(2 * one.info.rows!);
      let rows = 0;
      for await (const b of both.batches()) rows += b.rows;
      expect(rows).toBe(2 * one.info.rows!);
      await one.close();
      await both.close();
    } finally {
      await rm(parts, { recursive: true, force: true });
    }
  });
});
