/**
 * A real node:http server on 127.0.0.1 that serves objects with HTTP Range, logs every range
 * it served (so a test can count the bytes fetched), and injects faults chosen per request by
 * the test: a 503, a connection dropped mid-body, a body cut short.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server does with one request (decided by the test's hook). */
export type Fault = 'none' | '503' | 'drop' | 'short';

/** One request as served. */
export interface ServedRange {
  readonly path: string;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly status: number;
}

export interface RangeServer {
  /** `http://127.0.0.1:port` */
  readonly base: string;
  /** Every request answered with bytes, in order of arrival. */
  readonly log: ServedRange[];
  /** Puts (or replaces) an object; its ETag is the md5 of its bytes. */
  put(path: string, bytes: Uint8Array): void;
  /** Chooses a fault per request (`n` counts the requests for that path, from 1). */
  fault: (path: string, n: number, req: IncomingMessage) => Fault;
  /** Forgets the log and the request counts, and the fault hook. */
  reset(): void;
  /** Bytes served for `path` (every path when absent). */
  bytesServed(path?: string): number;
  close(): Promise<void>;
}

/** Starts the server; close it in afterAll. */
export async function startRangeServer(): Promise<RangeServer> {
  const objects = new Map<string, { bytes: Uint8Array; etag: string }>();
  const counts = new Map<string, number>();
  const log: ServedRange[] = [];
  const state: RangeServer = {
    base: '',
    log,
    put(path, bytes) {
      objects.set(path, { bytes, etag: `"${createHash('md5').update(bytes).digest('hex')}"` });
    },
    fault: () => 'none',
    reset() {
      log.length = 0;
      counts.clear();
      state.fault = () => 'none';
    },
    bytesServed: (path) =>
      log
        .filter((r) => path === undefined || r.path === path)
        .reduce((s, r) => s + r.end - r.start, 0),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const fault = state.fault(path, n, req);
    if (fault === '503') {
      res.writeHead(503).end('busy');
      return;
    }
    const object = objects.get(path);
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
    if (!m) {
      res.writeHead(416).end();
      return;
    }
    const start = Number(m[1]);
    const end = Math.min(Number(m[2]), object.bytes.length - 1);
    const body = object.bytes.subarray(start, end + 1);
    res.writeHead(206, {
      etag: object.etag,
      'content-range': `bytes ${start}-${end}/${object.bytes.length}`,
      'content-length': body.length,
    });
    if (fault === 'drop' || fault === 'short') {
      const half = Math.floor(body.length / 2);
      log.push({ path, start, end: start + half, status: 206 });
      res.write(body.subarray(0, half), () => {
        if (fault === 'drop') res.destroy();
        else res.socket?.end();
      });
      return;
    }
    log.push({ path, start, end: end + 1, status: 206 });
    res.end(body);
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(state, {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  });
}
