/**
 * SHA-256 over a byte source, so what is hashed is what the readers read: the same opened
 * file (or, later, the same remote object), never a path looked up again.
 */
import { createHash } from 'node:crypto';
import { openLocalSource } from './local.js';
import type { ByteSource, SourceOpener } from './types.js';

const CHUNK = 4 << 20;

/**
 * The sha256 of a source's bytes (hex, lowercase), read from byte 0 to the end in 4 MiB
 * reads, the next read in flight while the current chunk is hashed.
 */
export async function sha256Source(source: ByteSource): Promise<string> {
  const hash = createHash('sha256');
  let current = new Uint8Array(CHUNK);
  let spare = new Uint8Array(CHUNK);
  let position = 0;
  let next = source.read(current, 0, CHUNK, 0);
  for (;;) {
    const n = await next;
    if (n === 0) break;
    position += n;
    next = source.read(spare, 0, CHUNK, position);
    // Observed on the next turn; keeps a failed read-ahead from counting as unhandled if
    // hashing this chunk throws first.
    next.catch(() => undefined);
    hash.update(current.subarray(0, n));
    [current, spare] = [spare, current];
  }
  return hash.digest('hex');
}

/**
 * The sha256 of a file's bytes (hex, lowercase). Throws a SourceError when it cannot be
 * opened (code `ENOENT` when missing).
 */
export async function sha256File(
  path: string,
  openSource: SourceOpener = openLocalSource,
): Promise<string> {
  const source = await openSource({ path });
  try {
    return await sha256Source(source);
  } finally {
    await source.close();
  }
}
