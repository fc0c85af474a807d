/**
 * HTTP(S) byte sources against a real node:http server started here, which serves ranges,
 * logs them, and injects the faults the issue names: 503 then success, a stalled answer, a
 * body cut short, and an object replaced between two reads.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openHttpSource, remoteInfoOf } from '../../src/sources/http.js';
import { RemoteNotAllowedError, RemoteSourceError } from '../../src/sources/remote.js';
import { routedOpener } from '../../src/sources/router.js';
import { openLocalSource } from '../../src/sources/local.js';
import { sha256Source } from '../../src/sources/hash.js';
import { openVectors } from '../../src/vectors/open.js';
import { arrowFloat32, npyFloat32 } from '../../src/vectors/write.js';
import { createHash } from 'node:crypto';

interface Served {
  bytes: Uint8Array;
  etag: string;
}

const objects = new Map<string, Served>();
const log: { path: string; range?: string; ifMatch?: string; auth?: string }[] = [];
/** Faults to inject, consumed one per request, by path. */
const faults = new Map<string, ('503' | 'stall' | 'short' | 'no-range')[]>();
let server: Server;
let base: string;

function handle(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url!, 'http://x').pathname;
  log.push({
    path,
    range: req.headers.range,
    ifMatch: req.headers['if-match'] as string | undefined,
    auth: req.headers.authorization,
  });
  const fault = faults.get(path)?.shift();
  if (fault === '503') {
    res.writeHead(503).end('busy');
    return;
  }
  if (fault === 'stall') return; // never answers; the source must time out
  if (path === '/secret' && req.headers.authorization !== `Basic ${btoa('me:hunter2')}`) {
    res.writeHead(401).end();
    return;
  }
  const object = objects.get(path === '/secret' ? '/a.npy' : path);
  if (!object) {
    res.writeHead(404).end();
    return;
  }
  const ifMatch = req.headers['if-match'];
  if (ifMatch && ifMatch !== object.etag) {
    res.writeHead(412).end();
    return;
  }
  const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
  if (!m || fault === 'no-range') {
    res.writeHead(200, { etag: object.etag, 'content-length': object.bytes.length });
    res.end(object.bytes);
    return;
  }
  const start = Number(m[1]);
  const end = Math.min(Number(m[2]), object.bytes.length - 1);
  res.writeHead(206, {
    etag: object.etag,
    'content-range': `bytes ${start}-${end}/${object.bytes.length}`,
    'content-length': end - start + 1,
  });
  const body = object.bytes.subarray(start, end + 1);
  if (fault === 'short') {
    res.write(body.subarray(0, Math.floor(body.length / 2)));
    res.destroy();
    return;
  }
  res.end(body);
}

const fast = { backoffMs: 1, timeoutMs: 300, sleep: async () => {} };

function put(path: string, bytes: Uint8Array): void {
  const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
  objects.set(path, { bytes, etag });
}

const ROWS = 300;
const DIMS = 8;
const values = Float32Array.from({ length: ROWS * DIMS }, (_, i) => (i % 97) / 97);
const npy = npyFloat32(values, ROWS, DIMS);

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  objects.clear();
  faults.clear();
  log.length = 0;
  put('/a.npy', npy);
});

describe('HTTP byte source', () => {
  it('reads a .npy through ranged GETs pinned with If-Match, and hashes what it read', async () => {
    const source = await openHttpSource(`${base}/a.npy`, fast);
    expect(source.size).toBe(npy.length);
    expect(remoteInfoOf(source)?.etag).toBe(objects.get('/a.npy')!.etag);
    expect(await sha256Source(source)).toBe(createHash('sha256').update(npy).digest('hex'));
    expect(log.every((r) => r.range !== undefined)).toBe(true);
    expect(log.slice(1).every((r) => r.ifMatch === objects.get('/a.npy')!.etag)).toBe(true);
  });

  it('streams vectors end to end through openVectors and the routed opener', async () => {
    const open = routedOpener(openLocalSource, { allowRemote: true, remote: fast });
    const vectors = await openVectors(`${base}/a.npy`, {}, open);
    expect(vectors.info).toMatchObject({ dims: DIMS, rows: ROWS, format: 'npy' });
    let rows = 0;
    for await (const batch of vectors.batches()) rows += batch.rows;
    await vectors.close();
    expect(rows).toBe(ROWS);
  });

  it('retries a 503 and a body cut short, then succeeds', async () => {
    faults.set('/a.npy', ['503', '503']);
    const source = await openHttpSource(`${base}/a.npy`, fast);
    faults.set('/a.npy', ['short']);
    const target = new Uint8Array(100);
    expect(await source.read(target, 0, 100, 0)).toBe(100);
    expect(target).toEqual(npy.subarray(0, 100));
  });

  it('gives up after the attempts with the URL and the cause', async () => {
    faults.set('/a.npy', ['503', '503', '503', '503']);
    await expect(openHttpSource(`${base}/a.npy`, fast)).rejects.toThrow(
      `${base}/a.npy: answered HTTP 503 (after 4 attempts)`,
    );
  });

  it('times out a stalled server instead of hanging', async () => {
    faults.set('/a.npy', ['stall', 'stall']);
    const started = Date.now();
    await expect(openHttpSource(`${base}/a.npy`, { ...fast, attempts: 2 })).rejects.toMatchObject({
      code: 'ETIMEDOUT',
      message: `${base}/a.npy: timed out (after 2 attempts)`,
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses an object replaced between two reads (412 to If-Match)', async () => {
    const source = await openHttpSource(`${base}/a.npy`, fast);
    const target = new Uint8Array(64);
    await source.read(target, 0, 64, 0);
    put('/a.npy', npyFloat32(new Float32Array(ROWS * DIMS), ROWS, DIMS));
    await expect(source.read(target, 0, 64, 64)).rejects.toMatchObject({ code: 'ECHANGED' });
  });

  it('refuses a server that ignores Range rather than downloading the whole object', async () => {
    faults.set('/a.npy', ['no-range']);
    await expect(openHttpSource(`${base}/a.npy`, fast)).rejects.toMatchObject({ code: 'ERANGE' });
  });

  it('404 and 401 name the URL; a password in the URL is sent but never shown', async () => {
    await expect(openHttpSource(`${base}/missing.npy`, fast)).rejects.toThrow(
      `${base}/missing.npy: not found (HTTP 404)`,
    );
    const withSecret = `http://me:hunter2@127.0.0.1:${new URL(base).port}/secret?token=s3cr3t`;
    const source = await openHttpSource(withSecret, fast);
    expect(source.display).toBe(`${base}/secret?token=…`);
    expect(JSON.stringify({ id: source.id, display: source.display })).not.toMatch(
      /hunter2|s3cr3t/,
    );
    const denied = await openHttpSource(
      `http://me:wrong-pass@127.0.0.1:${new URL(base).port}/secret`,
      fast,
    ).catch((e: RemoteSourceError) => e);
    expect(denied).toBeInstanceOf(RemoteSourceError);
    expect((denied as Error).message).toContain('access denied (HTTP 401)');
    expect(`${(denied as Error).message}${(denied as Error).stack}`).not.toContain('wrong-pass');
  });

  it('without allow-remote, a URL is refused naming the URL and the flag, before any request', async () => {
    const open = routedOpener(openLocalSource);
    const error = await openVectors(`${base}/a.npy?sig=s3cr3t`, {}, open).catch((e) => e);
    expect(error).toBeInstanceOf(RemoteNotAllowedError);
    expect(error.message).toContain(`${base}/a.npy?sig=…`);
    expect(error.message).toContain('--allow-remote');
    expect(error.message).not.toContain('s3cr3t');
    expect(log).toHaveLength(0);
  });

  it('reads a list of remote parts as one dataset, in order', async () => {
    const ids = (from: number) => Array.from({ length: 50 }, (_, i) => `id${from + i}`);
    put('/p0.arrow', arrowFloat32(ids(0), values.subarray(0, 50 * DIMS), DIMS));
    put('/p1.arrow', arrowFloat32(ids(50), values.subarray(50 * DIMS, 100 * DIMS), DIMS));
    const open = routedOpener(openLocalSource, { allowRemote: true, remote: fast });
    const vectors = await openVectors(
      'release',
      { parts: [`${base}/p0.arrow`, `${base}/p1.arrow`] },
      open,
    );
    expect(vectors.info.rows).toBe(100);
    const seen: string[] = [];
    const offsets: number[] = [];
    for await (const batch of vectors.batches()) {
      offsets.push(batch.rowOffset);
      seen.push(...batch.ids!);
    }
    expect(seen).toEqual([...ids(0), ...ids(50)]);
    expect(offsets[0]).toBe(0);
    expect(offsets.at(-1)).toBe(50);
  });
});

describe('an object replaced between header and body', () => {
  it('is an error naming the URL, never a mixed read', async () => {
    const open = routedOpener(openLocalSource, { allowRemote: true, remote: fast });
    const vectors = await openVectors(`${base}/a.npy`, { batchRows: 10 }, open);
    put('/a.npy', npyFloat32(new Float32Array(ROWS * DIMS), ROWS, DIMS));
    const read = async () => {
      for await (const batch of vectors.batches()) void batch;
    };
    const error = await read().catch((e: Error) => e);
    await vectors.close();
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`${base}/a.npy`);
    expect((error as Error).message).toContain('changed during the read');
  });
});
