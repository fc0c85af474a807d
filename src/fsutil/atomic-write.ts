/**
 * The one way this project writes a file: to a temporary file beside the target, flushed,
 * then renamed over it. A crash or a full disk leaves the old file whole, never half
 * written. Rename is atomic within one filesystem, which the sibling temp file guarantees.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Runs `fill` on a fresh sibling temp file, then flushes it and renames it over `file`. */
async function replaceFile(
  file: string,
  fill: (handle: FileHandle) => Promise<void>,
): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await fill(handle);
    await handle.sync();
    await handle.close();
    await rename(temp, file);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw err;
  }
}

/** Writes `data` to `file` atomically, creating missing parent directories. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await replaceFile(file, async (handle) => {
    await handle.writeFile(data);
  });
}

/**
 * Streams `lines` (each with its own newline) to `file` atomically: a large run file is
 * never held in memory as one string, and a failure leaves any existing file untouched.
 */
export async function writeLinesAtomic(file: string, lines: Iterable<string>): Promise<void> {
  await replaceFile(file, async (handle) => {
    let buffer = '';
    for (const line of lines) {
      buffer += line;
      if (buffer.length >= 1 << 20) {
        await handle.write(buffer);
        buffer = '';
      }
    }
    await handle.write(buffer);
  });
}
