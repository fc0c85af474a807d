/**
 * sha256 computed from the bytes the readers read, so that verifying a release costs no second
 * pass over it: for a remote object a second pass doubled the bytes fetched.
 *
 * SHA-256 needs its bytes in order, and readers do not read in order: Parquet and Arrow read
 * the footer first, Arrow reads message headers ahead of bodies, reads are in flight together
 * and may finish out of order, and the padding between Arrow buffers (or a column nobody
 * needs) is never read. So each file keeps a frontier, the length hashed from byte 0:
 * - a read that reaches the frontier is hashed at once (what it adds beyond the frontier);
 * - a read beyond it is copied aside (bounded: {@link PENDING_BUDGET} over all files) and
 *   hashed when the frontier reaches it;
 * - a small gap before a read that nothing in flight will fill (the padding of a buffer, a
 *   schema message) is read by the hasher itself, at once; a large one only once the readers
 *   have moved on far past it (the budget half full), or at the end;
 * - at the end, {@link HashingOpener.digest} reads what no reader read: usually only the
 *   footer's neighbourhood or nothing at all.
 * Each byte is then fetched once for .npy, Arrow and Parquet read start to end; bytes are
 * fetched twice only when the readers run more than the budget ahead of a skipped region.
 * A file opened again (a dataset's parts: headers first, then batches) continues its hash,
 * and a remote object whose version changed between the two opens is an error, never a
 * mixed hash.
 */
import { createHash, type Hash } from 'node:crypto';
import { remoteInfoOf, setRemoteInfo, type RemoteObjectInfo } from './http.js';
import { sharesLocalFile } from './local.js';
import { RemoteSourceError } from './remote.js';
import { sharesLister } from './router.js';
import { type ByteSource, SourceError, type SourceOpener, type SourceRequest } from './types.js';

/** A gap at most this long (the padding between Arrow buffers) is read as soon as it is seen. */
export const TINY_GAP = 1 << 10;
/** A gap at most this long is read once the readers have clearly passed it. */
export const SMALL_GAP = 1 << 20;
/** Bytes read ahead of the frontier kept for hashing, over all files of one opener. */
export const PENDING_BUDGET = 64 << 20;
/** The hasher's own reads (large gaps, the end) are at most this long. */
const CHUNK = 4 << 20;

/** What {@link HashingOpener.digest} returns for one file. */
export interface FileDigest {
  readonly sha256: string;
  readonly size: number;
}

/** An opener that hashes what is read through it; see the module comment. */
export interface HashingOpener {
  readonly open: SourceOpener;
  /**
   * The sha256 of the file or object `request` names: the bytes read through {@link open}
   * so far plus what they skipped, read now. A file never opened is read whole. Throws the
   * source's error (a RemoteSourceError for a remote object) when a byte cannot be read.
   */
  digest(request: SourceRequest): Promise<FileDigest>;
  /** Bytes the hasher read itself (gaps and the end), over all files. */
  readonly ownBytes: number;
}

interface Pending {
  readonly at: number;
  readonly bytes: Uint8Array;
}

/** An inner source shared by the readers' wrappers and the hasher's own reads. */
interface Held {
  readonly source: ByteSource;
  refs: number;
}

/** Budget shared by every file of one opener. */
interface Shared {
  pendingBytes: number;
  ownBytes: number;
}

class FileHasher {
  private readonly hash: Hash = createHash('sha256');
  private frontier = 0;
  /** The furthest byte any read has reached. */
  private reached = 0;
  private readonly pending: Pending[] = [];
  /** Reads in flight, the readers' and the hasher's: [start, end). */
  private readonly inflight = new Set<readonly [number, number]>();
  /** Inner sources open now; the hasher's own reads use any of them. */
  private readonly held = new Set<Held>();
  private fills = 0;
  private idle: (() => void)[] = [];
  private failure: unknown;
  private scheduled = false;
  /** The read of what is left, started when the readers closed the file (see closing). */
  private completing: Promise<void> | undefined;
  /** The gap at the frontier when first seen, and the bytes read beyond it since. */
  private gapSeen: { readonly at: number; readonly end: number; beyond: number } | undefined;
  private version: RemoteObjectInfo | undefined;
  size = -1;

  constructor(
    private readonly request: SourceRequest,
    private readonly inner: SourceOpener,
    private readonly shared: Shared,
  ) {}

  /** Adopts a source just opened for the readers; checks it is the object hashed so far. */
  adopt(source: ByteSource): Held {
    const version = remoteInfoOf(source);
    if (this.size >= 0) {
      const before = this.version;
      const tag = (v: RemoteObjectInfo | undefined) => v?.versionId ?? v?.etag ?? v?.lastModified;
      if (tag(before) !== tag(version) || source.size !== this.size) {
        const what =
          tag(before) !== tag(version)
            ? `version ${tag(before) ?? 'none'} when first opened, ${tag(version) ?? 'none'} now`
            : `${this.size} bytes when first opened, ${source.size} now`;
        void source.close();
        throw changed(source.display, what, version !== undefined);
      }
    } else {
      this.size = source.size;
      this.version = version;
    }
    const held = { source, refs: 1 };
    this.held.add(held);
    return held;
  }

  release(held: Held): void {
    if (--held.refs > 0) return;
    this.held.delete(held);
    void held.source.close().catch(() => undefined);
  }

  /** An open inner source, with a reference taken; undefined when none is open. */
  private acquire(): Held | undefined {
    for (const held of this.held) {
      held.refs++;
      return held;
    }
    return undefined;
  }

  /** A reader is about to read [at, at + length). */
  begin(at: number, length: number): readonly [number, number] {
    const range = [at, at + length] as const;
    this.inflight.add(range);
    this.reached = Math.max(this.reached, Math.min(at, this.size));
    this.later();
    return range;
  }

  /** A reader's read ended: `bytes` are the bytes at `at` (valid only during this call). */
  end(range: readonly [number, number], at: number, bytes: Uint8Array | undefined): void {
    this.inflight.delete(range);
    if (bytes) {
      if (this.gapSeen && at >= this.gapSeen.end) this.gapSeen.beyond += bytes.length;
      this.take(at, bytes, true);
    }
    this.later();
  }

  /**
   * Looks for a gap to fill once the readers have issued what they issue together (a
   * Parquet row group's id and vector chunks, the slices of an Arrow buffer), so that a
   * gap one of them is about to read is not fetched twice.
   */
  private later(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.schedule();
    });
  }

  /** Hashes what reaches the frontier; keeps a copy of what lies beyond it, within budget. */
  private take(at: number, bytes: Uint8Array, keep: boolean): void {
    const end = at + bytes.length;
    this.reached = Math.max(this.reached, end);
    if (end <= this.frontier) return;
    if (at <= this.frontier) {
      this.hash.update(bytes.subarray(this.frontier - at));
      this.frontier = end;
      this.drain();
      return;
    }
    if (!keep || this.shared.pendingBytes + bytes.length > PENDING_BUDGET) return;
    if (this.pending.some((p) => p.at <= at && p.at + p.bytes.length >= end)) return;
    const copy = bytes.slice();
    this.shared.pendingBytes += copy.length;
    const i = this.pending.findIndex((p) => p.at > at);
    this.pending.splice(i < 0 ? this.pending.length : i, 0, { at, bytes: copy });
  }

  private drain(): void {
    while (this.pending.length > 0 && this.pending[0]!.at <= this.frontier) {
      const p = this.pending.shift()!;
      this.shared.pendingBytes -= p.bytes.length;
      const end = p.at + p.bytes.length;
      if (end > this.frontier) {
        this.hash.update(p.bytes.subarray(this.frontier - p.at));
        this.frontier = end;
      }
    }
  }

  private covered(at: number): boolean {
    for (const [s, e] of this.inflight) if (s <= at && at < e) return true;
    return false;
  }

  /** Where the next byte after the frontier that something holds or will hold lies. */
  private nextHeld(): number {
    let next = this.pending[0]?.at ?? this.reached;
    for (const [s] of this.inflight) if (s > this.frontier) next = Math.min(next, s);
    return Math.min(next, this.reached);
  }

  /** Starts the hasher's own read of the gap at the frontier, when one is due. */
  private schedule(): void {
    if (this.completing || this.failure !== undefined || this.reached <= this.frontier) return;
    if (this.covered(this.frontier)) return;
    const next = this.nextHeld();
    const gap = next - this.frontier;
    if (gap <= 0) return;
    if (gap > TINY_GAP && this.shared.pendingBytes < PENDING_BUDGET / 2) {
      // The readers may still read it: Parquet reads a row group's vector chunk, then its
      // id chunk just before it; Arrow and Parquet the footer, then the body from the start.
      // A gap is theirs until they have read, since it was seen, at least as many bytes
      // beyond it as it holds (a small one), or far beyond it (a large one: the budget).
      if (gap > SMALL_GAP) return;
      const seen = this.gapSeen;
      if (seen?.at !== this.frontier || seen.end !== next) {
        this.gapSeen = { at: this.frontier, end: next, beyond: 0 };
        return;
      }
      if (seen.beyond < Math.max(gap, 64 << 10)) return;
    }
    this.fill(this.frontier, this.frontier + Math.min(gap, CHUNK));
  }

  /** Reads [start, end) with the held source (the hasher's own read). */
  private fill(start: number, end: number): void {
    const held = this.acquire();
    if (!held) return;
    const range = [start, end] as const;
    this.inflight.add(range);
    this.fills++;
    const buffer = new Uint8Array(end - start);
    void readFully(held.source, buffer, start)
      .then(
        (n) => {
          this.shared.ownBytes += n;
          this.inflight.delete(range);
          this.take(start, buffer.subarray(0, n), false);
        },
        (e: unknown) => {
          this.inflight.delete(range);
          this.failure ??= e;
        },
      )
      .finally(() => {
        this.release(held);
        if (--this.fills === 0) for (const wake of this.idle.splice(0)) wake();
        this.schedule();
      });
  }

  /** Reads what no reader read, and returns the digest. */
  async finish(): Promise<FileDigest> {
    await this.completing;
    while (this.fills > 0) await new Promise<void>((r) => this.idle.push(r));
    if (this.failure !== undefined) throw this.failure;
    let held = this.acquire();
    if (!held && (this.size < 0 || this.frontier < this.size))
      held = this.adopt(await this.inner(this.request));
    try {
      if (held) await this.readRest(held.source);
      return { sha256: this.hash.digest('hex'), size: this.size };
    } finally {
      if (held) this.release(held);
      for (const p of this.pending.splice(0)) this.shared.pendingBytes -= p.bytes.length;
    }
  }

  /**
   * A reader closes its source. When what is left to hash is small (the readers are done
   * with the file: the gap before a footer, the footer itself), it is read now, before the
   * source closes, rather than by opening the object again at the end.
   */
  closing(held: Held): void {
    let missing = this.size - this.frontier;
    for (const p of this.pending)
      missing -= Math.max(0, p.at + p.bytes.length - Math.max(p.at, this.frontier));
    const done = missing <= 0 || this.failure !== undefined || this.completing !== undefined;
    // Only when the readers read the file through, not just its header and footer (a
    // dataset's parts are opened for their headers first, then again for their batches).
    if (held.refs > 1 || done || missing > Math.min(SMALL_GAP, this.size / 4)) {
      this.release(held);
      return;
    }
    this.completing = (async () => {
      try {
        // A gap fill in flight first, so no byte is read twice.
        while (this.fills > 0) await new Promise<void>((r) => this.idle.push(r));
        await this.readRest(held.source);
      } catch (e) {
        this.failure ??= e;
      } finally {
        this.release(held);
      }
    })();
  }

  /** Reads and hashes everything from the frontier to the end not already held. */
  private async readRest(source: ByteSource): Promise<void> {
    let buffer: Uint8Array | undefined;
    while (this.frontier < this.size) {
      this.drain();
      if (this.frontier >= this.size) break;
      const end = Math.min(this.pending[0]?.at ?? this.size, this.frontier + CHUNK, this.size);
      buffer ??= new Uint8Array(Math.min(CHUNK, this.size - this.frontier));
      const want = end - this.frontier;
      const n = await readFully(source, buffer.subarray(0, want), this.frontier);
      if (n < want) {
        throw new SourceError(
          source.display,
          `ended at byte ${this.frontier + n} while hashing; expected ${this.size} bytes`,
          'EIO',
        );
      }
      this.shared.ownBytes += n;
      this.take(this.frontier, buffer.subarray(0, n), false);
    }
  }
}

function changed(display: string, what: string, remote: boolean): Error {
  const detail = `changed during the read (${what})`;
  return remote
    ? new RemoteSourceError(display, detail, 'ECHANGED')
    : new SourceError(display, detail, 'ECHANGED');
}

async function readFully(
  source: ByteSource,
  target: Uint8Array,
  position: number,
): Promise<number> {
  let got = 0;
  while (got < target.length) {
    const n = await source.read(target, got, target.length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/**
 * Wraps `inner` so that the files `wants` selects are hashed from what is read through them
 * (see the module comment); other files (a sidecar ids file) pass through untouched.
 */
export function hashingOpener(
  inner: SourceOpener,
  wants: (path: string) => boolean = () => true,
): HashingOpener {
  const files = new Map<string, FileHasher>();
  const shared: Shared = { pendingBytes: 0, ownBytes: 0 };
  const hasherFor = (request: SourceRequest) => {
    let file = files.get(request.path);
    if (!file) files.set(request.path, (file = new FileHasher(request, inner, shared)));
    return file;
  };
  const open: SourceOpener = async (request) => {
    if (!wants(request.path)) return inner(request);
    const file = hasherFor(request);
    const source = await inner(request);
    const held = file.adopt(source);
    let closed = false;
    const wrapper: ByteSource = {
      id: source.id,
      display: source.display,
      size: source.size,
      async read(target, targetOffset, length, position) {
        const range = file.begin(position, length);
        let n: number | undefined;
        try {
          n = await source.read(target, targetOffset, length, position);
          return n;
        } finally {
          file.end(
            range,
            position,
            n === undefined ? undefined : target.subarray(targetOffset, targetOffset + n),
          );
        }
      },
      ...(source.readSync && {
        readSync(target: Uint8Array, targetOffset: number, length: number, position: number) {
          const range = file.begin(position, length);
          let n: number | undefined;
          try {
            n = source.readSync!(target, targetOffset, length, position);
            return n;
          } finally {
            file.end(
              range,
              position,
              n === undefined ? undefined : target.subarray(targetOffset, targetOffset + n),
            );
          }
        },
      }),
      async close() {
        if (closed) return;
        closed = true;
        file.closing(held);
      },
    };
    const version = remoteInfoOf(source);
    if (version) setRemoteInfo(wrapper, version);
    return sharesLocalFile(wrapper, source);
  };
  sharesLister(open, inner);
  return {
    open,
    digest: async (request) => {
      const file = hasherFor(request);
      files.delete(request.path);
      return file.finish();
    },
    get ownBytes() {
      return shared.ownBytes;
    },
  };
}
