/**
 * A real S3-compatible server (s3rver) on 127.0.0.1 with one bucket, and a proxy in front of
 * it that counts the bytes it forwards and can answer 503s: for the S3 tests and for
 * bench/remote.ts, which reach it through AWS_ENDPOINT_URL_S3 like any S3-compatible store.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/** s3rver's fixed credentials. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface S3Server {
  readonly bucket: string;
  /** s3rver itself. */
  readonly endpoint: string;
  /** The proxy in front of it (counts bytes, injects 503s). */
  readonly proxyEndpoint: string;
  /** 503s the proxy answers before forwarding again, consumed one per request. */
  failures: number;
  /** Response body bytes and requests the proxy forwarded since the last {@link resetCounts}. */
  readonly counted: { bytes: number; requests: number };
  resetCounts(): void;
  put(key: string, body: Uint8Array): Promise<void>;
  /** Uploads a local file. */
  putFile(key: string, path: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts s3rver (objects kept in a temporary folder, removed on close) and its proxy. */
export async function startS3Server(bucket = 'embeddings'): Promise<S3Server> {
  const dir = await mkdtemp(join(tmpdir(), 'eg-s3rver-'));
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = (await s3rver.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const counted = { bytes: 0, requests: 0 };
  const state = { failures: 0 };
  const proxy: Server = createServer((req, res) => {
    if (state.failures > 0) {
      state.failures--;
      res.writeHead(503).end('<Error><Code>SlowDown</Code></Error>');
      return;
    }
    counted.requests++;
    const upstream = request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode!, answer.headers);
        answer.on('data', (chunk: Buffer) => (counted.bytes += chunk.length));
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const proxyEndpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const client = new S3Client({
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: S3RVER_CREDENTIALS,
  });
  return {
    bucket,
    endpoint,
    proxyEndpoint,
    get failures() {
      return state.failures;
    },
    set failures(n: number) {
      state.failures = n;
    },
    counted,
    resetCounts() {
      counted.bytes = 0;
      counted.requests = 0;
    },
    async put(key, body) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    },
    async putFile(key, path) {
      // Whole, not streamed: a stream is sent aws-chunked, which s3rver stores as it came
      // (chunk headers and all).
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: await readFile(path) }),
      );
    },
    async close() {
      client.destroy();
      await new Promise<void>((r) => proxy.close(() => r()));
      await s3rver.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
