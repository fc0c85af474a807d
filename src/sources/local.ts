/**
 * Local files as byte sources: each opened once, identified by what was actually opened,
 * and read with positioned reads straight into the caller's buffer (no copy in between:
 * the readers' page-aligned buffers depend on it, see vectors/buffers.ts).
 */
import { constants, readSync, type BigIntStats } from 'node:fs';
import { open, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import { type ByteSource, SourceError, type SourceOpener, type SourceRequest } from './types.js';

/** {@link SourceError.code} of a path that names something other than a regular file. */
export const NOT_REGULAR = 'ENOTREG';

/** What only a local source knows: where the opened file is, for engines that need a path. */
export interface LocalFile {
  /** The opened file's real path (symbolic links resolved), as of opening. */
  readonly realPath: string;
  /**
   * A path that names the opened file itself for as long as the source is open, even if
   * its directory entries are renamed or replaced meanwhile: `/proc/self/fd/N` on Linux,
   * else {@link realPath}.
   */
  readonly openedPath: string;
}

const localFiles = new WeakMap<ByteSource, LocalFile>();

/** The local file behind `source`, or undefined for any other kind of source. */
export function localFileOf(source: ByteSource): LocalFile | undefined {
  return localFiles.get(source);
}

/**
 * Marks `wrapper` as reading the same local file as `inner` (for wrappers such as the
 * recording opener's, so that what needs a local file still gets it through them).
 */
export function sharesLocalFile<T extends ByteSource>(wrapper: T, inner: ByteSource): T {
  const file = localFiles.get(inner);
  if (file) localFiles.set(wrapper, file);
  return wrapper;
}

// Non-blocking so that opening a FIFO does not wait for a writer (it is refused right
// after, by fstat); no controlling terminal from a tty. Both are no-ops on regular files.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * Opens a local file. Refuses anything but a regular file (a directory, FIFO, socket or
 * device) with a {@link SourceError} of code {@link NOT_REGULAR}; a missing file gives
 * code `ENOENT` and the detail `no such file`, other failures Node's code and message.
 * The source's `id` is the real path of the file that was opened, found from the open
 * descriptor, so a symbolic link swapped between resolving and opening cannot make the id
 * name a different file than the bytes read.
 */
export const openLocalSource: SourceOpener = async (request: SourceRequest) => {
  const display = request.display ?? request.path;
  let handle: FileHandle;
  try {
    handle = await open(request.path, OPEN_FLAGS);
  } catch (e) {
    throw fromNodeError(display, e);
  }
  try {
    const info = await handle.stat({ bigint: true });
    if (!info.isFile())
      throw new SourceError(display, `${kindOf(info)}, expected a regular file`, NOT_REGULAR);
    const file = await identify(handle, info, display, request.path);
    const source = new LocalSource(handle, file.realPath, display, Number(info.size));
    localFiles.set(source, file);
    return source;
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw e instanceof SourceError ? e : fromNodeError(display, e);
  }
};

class LocalSource implements ByteSource {
  private closing: Promise<void> | undefined;

  constructor(
    private readonly handle: FileHandle,
    readonly id: string,
    readonly display: string,
    readonly size: number,
  ) {}

  async read(
    target: Uint8Array,
    targetOffset: number,
    length: number,
    position: number,
  ): Promise<number> {
    return (await this.handle.read(target, targetOffset, length, position)).bytesRead;
  }

  readSync(target: Uint8Array, targetOffset: number, length: number, position: number): number {
    return readSync(this.handle.fd, target, targetOffset, length, position);
  }

  close(): Promise<void> {
    this.closing ??= this.handle.close().catch(() => undefined);
    return this.closing;
  }
}

/**
 * The real path of the opened file: on Linux from the descriptor itself, elsewhere by
 * resolving the path again; either way checked to be the same file (device and inode).
 */
async function identify(
  handle: FileHandle,
  opened: BigIntStats,
  display: string,
  path: string,
): Promise<LocalFile> {
  const byDescriptor = `/proc/self/fd/${handle.fd}`;
  const fromDescriptor = await readlink(byDescriptor).catch(() => undefined);
  const realPath = fromDescriptor ?? (await realpath(path));
  const named = await stat(realPath, { bigint: true }).catch(() => undefined);
  if (!named || named.dev !== opened.dev || named.ino !== opened.ino) {
    throw new SourceError(
      display,
      `was moved or replaced while being opened (${realPath} is no longer the file opened)`,
    );
  }
  return { realPath, openedPath: fromDescriptor !== undefined ? byDescriptor : realPath };
}

function kindOf(info: BigIntStats): string {
  if (info.isDirectory()) return 'is a directory';
  if (info.isFIFO()) return 'is a FIFO (named pipe)';
  if (info.isSocket()) return 'is a socket';
  if (info.isCharacterDevice()) return 'is a character device';
  if (info.isBlockDevice()) return 'is a block device';
  return 'is not a regular file';
}

function fromNodeError(display: string, e: unknown): SourceError {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return new SourceError(display, 'no such file', 'ENOENT');
  return new SourceError(display, err.message ?? String(e), err.code);
}
