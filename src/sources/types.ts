/**
 * The byte-source seam: every reader gets its bytes through this interface and never opens a
 * path itself, so a source other than a local file (object storage, HTTP, a table) plugs in
 * under every reader at once, and a test can see every byte source a run opened.
 */

/** An opened, read-only run of bytes. */
export interface ByteSource {
  /**
   * A stable identity for hashing, caching and de-duplication: for a local file its real
   * path (symbolic links resolved); for a remote object its URL and version.
   */
  readonly id: string;
  /** How messages name it: the path as the user wrote it, or relative to the working directory. */
  readonly display: string;
  /** Size in bytes, known once the source is open. */
  readonly size: number;
  /**
   * Reads up to `length` bytes at `position` into `target` starting at `targetOffset`, and
   * resolves to the number of bytes read (fewer only at the end of the source). Concurrent
   * reads at different positions are allowed.
   */
  read(target: Uint8Array, targetOffset: number, length: number, position: number): Promise<number>;
  /**
   * The same read, synchronously, for sources that can (local files). Optional: a reader
   * that makes many small reads per batch (a Fortran-order npy file, one read per column)
   * uses it to spare a thread-pool round trip per read, and falls back to {@link read}.
   */
  readSync?(target: Uint8Array, targetOffset: number, length: number, position: number): number;
  /** Releases the source. Safe to call more than once. */
  close(): Promise<void>;
}

/** What to open: an absolute path (already resolved and checked inside the workspace). */
export interface SourceRequest {
  readonly path: string;
  /** As messages show it; the path itself when absent. */
  readonly display?: string;
}

/** Opens byte sources; throws a {@link SourceError} when the source cannot be opened. */
export type SourceOpener = (request: SourceRequest) => Promise<ByteSource>;

/** A source that cannot be opened or read: missing, not a regular file, unreadable. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    /** The source as messages show it. */
    readonly display: string,
    /** What went wrong, in words (`no such file`, `is a directory`, …). */
    readonly detail: string,
    /**
     * The Node error code when one caused it (`ENOENT`, `EACCES`, …), or `ENOTREG` (this
     * module's) when the path names something other than a regular file.
     */
    readonly code?: string,
  ) {
    super(`${display}: ${detail}`);
  }
}
