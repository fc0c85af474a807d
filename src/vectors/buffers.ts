/**
 * Byte plumbing shared by the binary readers: page-aligned scratch memory, positioned
 * reads from a byte source that fill a buffer or say precisely why they could not, and a
 * two-slot prefetch pipeline that overlaps the next read with the consumer's work on the
 * current batch.
 */
import type { ByteSource } from '../sources/types.js';
import type { VectorDType, VectorValues } from './types.js';
import { VectorFileError } from './types.js';

/** Bytes per batch the readers aim for when the caller gives no `batchRows`. */
export const DEFAULT_BATCH_BYTES = 8 << 20;

/** Rows per batch: the caller's hint, else as many rows as fit in {@link DEFAULT_BATCH_BYTES}. */
export function batchRowsFor(rowBytes: number, hint: number | undefined): number {
  if (hint !== undefined) {
    if (!Number.isInteger(hint) || hint < 1)
      throw new RangeError(`batchRows must be a positive integer, got ${hint}`);
    return hint;
  }
  return Math.max(1, Math.floor(DEFAULT_BATCH_BYTES / Math.max(1, rowBytes)));
}

/** A WebAssembly.Memory (this project's TypeScript libraries do not declare the type). */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
}

interface WasmMemoryCtor {
  new (descriptor: { initial: number; maximum: number; shared: boolean }): WasmMemory;
}

const WASM_PAGE = 65536;

const memories = new WeakMap<ArrayBufferLike, WasmMemory>();

/**
 * The WebAssembly memory whose buffer `buffer` is, when {@link alignedBytes} made it: the
 * scan's SIMD kernel (scan-simd.ts) runs directly on such memory.
 */
export function wasmMemoryOf(buffer: ArrayBufferLike): WasmMemory | undefined {
  return memories.get(buffer);
}

/**
 * Zeroed, page-aligned memory, for read buffers: in a SharedArrayBuffer unless `shared` is
 * false (memory no other thread sees copies faster: see {@link copyInto}).
 *
 * Page-aligned because V8 takes large ordinary backing stores from malloc, which on glibc
 * puts the data 16 bytes past a page boundary; the kernel's copy from the page cache into
 * such a buffer is misaligned and measured 4–5× slower here (≈1 GB/s instead of ≈5 GB/s).
 * A WebAssembly memory is mmap-ed by V8 and therefore page-aligned. Shared so the scan
 * can hand rows to its worker thread without copying (scan-worker.ts).
 */
export function alignedBytes(byteLength: number, shared = true): Uint8Array {
  const Memory = (globalThis as unknown as { WebAssembly?: { Memory?: WasmMemoryCtor } })
    .WebAssembly?.Memory;
  const pages = Math.max(1, Math.ceil(byteLength / WASM_PAGE));
  if (Memory && pages <= 32768) {
    try {
      const memory = new Memory({ initial: pages, maximum: pages, shared });
      memories.set(memory.buffer, memory);
      return new Uint8Array(memory.buffer, 0, byteLength);
    } catch {
      // Shared wasm memory unavailable: fall through to an unaligned SharedArrayBuffer.
    }
  }
  return new Uint8Array(shared ? new SharedArrayBuffer(byteLength) : new ArrayBuffer(byteLength));
}

const bufferFill = Buffer.prototype.fill;

/**
 * Copies `source` into `target` from index `at` (the two must not overlap).
 *
 * `TypedArray#set` between buffers one of which is shared (every read buffer here is)
 * copies byte by byte unless source and target are 8-byte aligned alike: ≈1.2–1.9 GB/s
 * measured here, against ≈6–7 GB/s for a plain memcpy, which is what Node's `Buffer#fill`
 * does with a buffer exactly as long as the range it fills.
 */
export function copyInto(target: Uint8Array, at: number, source: Uint8Array): void {
  if (source.length >= 256) bufferFill.call(target, source, at, at + source.length);
  else target.set(source, at);
}

/**
 * Reads exactly `length` bytes at `position` of `source` into `target[offset..]`, straight
 * into `target` (for a local file, a positioned read into the page-aligned buffer).
 * A short read means the file ended early: that is a broken file, reported with `what`
 * (what the bytes were expected to be) and the byte offset where the data ran out.
 */
export async function readExactly(
  source: ByteSource,
  target: Uint8Array,
  offset: number,
  length: number,
  position: number,
  what: string,
): Promise<void> {
  let done = 0;
  while (done < length) {
    const n = await source.read(target, offset + done, length - done, position + done);
    if (n === 0) throw endsEarly(source, length, position, done, what);
    done += n;
  }
}

/** {@link readExactly}, synchronously, for sources that can: for many small reads. */
export function readExactlySync(
  source: ByteSource & Required<Pick<ByteSource, 'readSync'>>,
  target: Uint8Array,
  offset: number,
  length: number,
  position: number,
  what: string,
): void {
  let done = 0;
  while (done < length) {
    const n = source.readSync(target, offset + done, length - done, position + done);
    if (n === 0) throw endsEarly(source, length, position, done, what);
    done += n;
  }
}

function endsEarly(
  source: ByteSource,
  length: number,
  position: number,
  done: number,
  what: string,
): VectorFileError {
  return new VectorFileError(
    source.display,
    `file ends early: expected ${length} bytes of ${what} from byte ${position}, found ${done}`,
    { byte: position + done },
  );
}

/**
 * Runs `load(job, slot)` for each job with at most `depth` loads in flight (default two),
 * yielding results in order. The consumer owns slot `k % depth` from the yield of job k
 * until it asks for the next result, so a load may reuse that slot's buffers from then on.
 *
 * Every in-flight load is settled before the generator finishes, so a caller that stops
 * early can close the byte source safely afterwards.
 */
export async function* prefetch<J, R, S extends number = 0 | 1>(
  jobs: Iterable<J>,
  load: (job: J, slot: S) => Promise<R>,
  depth = 2,
): AsyncGenerator<R> {
  const it = jobs[Symbol.iterator]();
  const pending: (Promise<R> | undefined)[] = new Array(depth).fill(undefined);
  const start = (slot: number): void => {
    const next = it.next();
    if (next.done) return;
    const p = load(next.value, slot as S);
    // The rejection is observed when awaited below; this only stops Node from reporting it
    // as unhandled while the consumer is still busy with the other slots.
    p.catch(() => undefined);
    pending[slot] = p;
  };
  try {
    // Every slot is free before the first yield, so that many loads can start at once.
    for (let slot = 0; slot < depth; slot++) start(slot);
    for (let slot = 0; ; slot = (slot + 1) % depth) {
      const current = pending[slot];
      if (!current) return;
      pending[slot] = undefined;
      yield await current;
      // The consumer asked for the next result, so it has released this slot: refill it.
      start(slot);
    }
  } finally {
    await Promise.allSettled(pending.filter((p): p is Promise<R> => p !== undefined));
  }
}

/** Renders the first bytes of a file for error messages: printable ASCII as is, others as `\xHH`. */
export function describeBytes(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    if (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c) s += String.fromCharCode(b);
    else s += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return `"${s}"`;
}

/**
 * The error for a file whose first bytes are not the format's magic, e.g.
 * `x.npy: not a NumPy file (expected magic \x93NUMPY at byte 0, found "PAR1")`.
 */
export function wrongMagic(
  file: string,
  what: string,
  magic: string,
  head: Uint8Array,
  note?: string,
): VectorFileError {
  const found = head.length === 0 ? 'an empty file' : describeBytes(head);
  return new VectorFileError(
    file,
    `not ${what} (expected magic ${magic} at byte 0, found ${found}${note ? `, ${note}` : ''})`,
  );
}

/** A typed view of `elements` values of `dtype` at `byteOffset` (which must be aligned). */
export function typedView(
  dtype: VectorDType,
  buffer: ArrayBufferLike,
  byteOffset: number,
  elements: number,
): VectorValues {
  switch (dtype) {
    case 'float32':
      return new Float32Array(buffer, byteOffset, elements);
    case 'float64':
      return new Float64Array(buffer, byteOffset, elements);
    case 'float16':
      return new Uint16Array(buffer, byteOffset, elements);
    case 'int8':
      return new Int8Array(buffer, byteOffset, elements);
    case 'uint8':
    case 'binary':
      return new Uint8Array(buffer, byteOffset, elements);
  }
}
