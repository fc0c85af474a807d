/**
 * Byte sources served from memory: the null implementation of the seam, for tests that
 * must show a reader gets every byte through it (a reader that opened a path behind the
 * seam would find no such file), and for callers that already hold the bytes.
 */
import { type ByteSource, SourceError, type SourceOpener, type SourceRequest } from './types.js';

/**
 * An opener serving `files` (keyed by the exact request path); any other path is missing
 * (code `ENOENT`). Its sources have no `readSync`, so readers take their asynchronous path.
 */
export function memoryOpener(
  files: ReadonlyMap<string, Uint8Array> | Readonly<Record<string, Uint8Array>>,
): SourceOpener {
  const byPath = files instanceof Map ? files : new Map(Object.entries(files));
  return async (request: SourceRequest) => {
    const display = request.display ?? request.path;
    const bytes = byPath.get(request.path);
    if (!bytes) throw new SourceError(display, 'no such file', 'ENOENT');
    return memorySource(bytes, display, `memory:${request.path}`);
  };
}

/** One in-memory source over `bytes` (not copied: the caller must not change them). */
export function memorySource(
  bytes: Uint8Array,
  display: string,
  id = `memory:${display}`,
): ByteSource {
  let closed = false;
  return {
    id,
    display,
    size: bytes.length,
    async read(target, targetOffset, length, position) {
      if (closed) throw new Error(`${display}: read after close`);
      const part = bytes.subarray(
        Math.min(position, bytes.length),
        Math.min(position + length, bytes.length),
      );
      target.set(part, targetOffset);
      return part.length;
    },
    async close() {
      closed = true;
    },
  };
}
