/**
 * SHA-256 of a large local file on a worker thread, so that hashing (one core at ~1.9 GB/s
 * here) runs beside whatever else the process does — the merge of a sharded `check` hashes
 * both versions' files, which a slice cannot hash for it, and hashed them one after the
 * other on the main thread (4.4 s of its 23 s for 2 × 3 GB).
 *
 * The worker opens the file the source already opened, by its `openedPath`
 * (`/proc/self/fd/N` on Linux: the open file itself, whatever happened to its name since),
 * so what is hashed is still what was checked and opened (sources/confined.ts). Any failure
 * in the worker returns `undefined`: the caller then hashes on its own thread, through the
 * source, and reports the error the usual way.
 */
import { Worker } from 'node:worker_threads';

/** Files from this size up are hashed on a worker (below, starting one costs more than it saves). */
export const WORKER_HASH_MIN_BYTES = 64 << 20;

// CommonJS, evaluated: nothing to resolve or bundle.
const CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const fd = openSync(workerData.path, 'r');
try {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(4 << 20);
  let position = 0;
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, position);
    if (n === 0) break;
    hash.update(buffer.subarray(0, n));
    position += n;
  }
  parentPort.postMessage({ sha256: hash.digest('hex'), bytes: position });
} finally {
  closeSync(fd);
}
`;

/**
 * The sha256 (hex) and byte count of the file at `path`, hashed on a worker thread;
 * undefined when the worker could not do it.
 */
export function sha256OnWorker(
  path: string,
): Promise<{ sha256: string; bytes: number } | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(CODE, { eval: true, workerData: { path } });
    } catch {
      resolve(undefined);
      return;
    }
    let answered = false;
    worker.once('message', (m: { sha256: string; bytes: number }) => {
      answered = true;
      resolve(m);
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => {
      if (!answered) resolve(undefined);
    });
  });
}
