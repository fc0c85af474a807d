/**
 * SHA-256 over a byte source, so what is hashed is what the readers read: the same opened
 * file (or, later, the same remote object), never a path looked up again.
 */
import { createHash } from 'node:crypto';
import { isDatasetPattern, type DatasetPart } from './dataset.js';
import { sha256OnWorker, WORKER_HASH_MIN_BYTES } from './hash-worker.js';
import { localFileOf, NOT_REGULAR, openLocalSource } from './local.js';
import { datasetListerOf } from './router.js';
import { type ByteSource, SourceError, type SourceOpener, type SourceRequest } from './types.js';

const CHUNK = 4 << 20;

/**
 * The sha256 of a source's bytes (hex, lowercase), read from byte 0 to the end in 4 MiB
 * reads, the next read in flight while the current chunk is hashed. A local file of at least
 * {@link WORKER_HASH_MIN_BYTES} is hashed on a worker thread (sources/hash-worker.ts), and
 * here only when the worker could not, or read another size than the source's.
 */
export async function sha256Source(source: ByteSource): Promise<string> {
  // A large local file is hashed on a worker thread, reading the file this source opened.
  const local = source.size >= WORKER_HASH_MIN_BYTES ? localFileOf(source) : undefined;
  if (local) {
    const done = await sha256OnWorker(local.openedPath);
    if (done && done.bytes === source.size) return done.sha256;
  }
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
 * opened (code `ENOENT` when missing). `display` is how messages name the file.
 */
export async function sha256File(
  path: string,
  openSource: SourceOpener = openLocalSource,
  display?: string,
): Promise<string> {
  const source = await openSource(display === undefined ? { path } : { path, display });
  try {
    return await sha256Source(source);
  } finally {
    await source.close();
  }
}

/** One part of a hashed dataset. */
export interface HashedPart {
  /** Relative to the dataset's folder or prefix, with `/`. */
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

/** What {@link sha256Vectors} found: the digest, and the parts when it was a dataset. */
export interface VectorsDigest {
  /** The file's sha256, or the dataset digest ({@link datasetDigest}). */
  readonly sha256: string;
  readonly parts?: readonly HashedPart[];
}

/**
 * The dataset digest: the sha256 of the lines `<part sha256>  <part name>\n` in part-name
 * order — what `sha256sum` prints for the parts, so a release script can compute it with
 * `sha256sum $(LC_ALL=C ls parts) | sha256sum` (in the dataset's folder).
 */
export function datasetDigest(parts: readonly HashedPart[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(`${p.sha256}  ${p.name}\n`);
  return hash.digest('hex');
}

/**
 * Hashes one file or object: by default by reading it whole; a scan that hashed what it read
 * passes its {@link HashingOpener.digest} instead, which reads only what the scan skipped.
 */
export type FileHasher = (request: SourceRequest) => Promise<{ sha256: string; size: number }>;

/** A {@link FileHasher} that reads the file whole through `openSource`. */
export function wholeFileHasher(openSource: SourceOpener = openLocalSource): FileHasher {
  return async (request) => {
    const source = await openSource(request);
    try {
      return { sha256: await sha256Source(source), size: source.size };
    } finally {
      await source.close();
    }
  };
}

/** Hashes each listed part, in order (read whole through `openSource` by default). */
export async function sha256Parts(
  parts: readonly DatasetPart[],
  openSource: SourceOpener,
  hashFile: FileHasher = wholeFileHasher(openSource),
): Promise<HashedPart[]> {
  const out: HashedPart[] = [];
  for (const part of parts) {
    const { sha256, size } = await hashFile({ path: part.ref, display: part.name });
    out.push({ name: part.name, size, sha256 });
  }
  return out;
}

/**
 * The sha256 of a vectors reference: of the file or object it names, or, for a dataset (a
 * folder, glob or prefix), the dataset digest with every part's name, size and sha256.
 * Parts are those the readers read (a vectors format's extension). A dataset named part by
 * part (a list) passes its parts as `listed`: they are hashed in that order, under their names.
 */
export async function sha256Vectors(
  path: string,
  openSource: SourceOpener = openLocalSource,
  isPart: (name: string) => boolean = () => true,
  hashFile: FileHasher = wholeFileHasher(openSource),
  listed?: readonly DatasetPart[],
): Promise<VectorsDigest> {
  if (listed) {
    const parts = await sha256Parts(listed, openSource, hashFile);
    return { sha256: datasetDigest(parts), parts };
  }
  if (!isDatasetPattern(path)) {
    try {
      return { sha256: (await hashFile({ path })).sha256 };
    } catch (e) {
      if (!(e instanceof SourceError && e.code === NOT_REGULAR && /directory/.test(e.detail)))
        throw e;
    }
  }
  const dataset = await datasetListerOf(openSource)(path);
  const parts = await sha256Parts(
    dataset.parts.filter((p) => isPart(p.name)),
    openSource,
    hashFile,
  );
  return { sha256: datasetDigest(parts), parts };
}
