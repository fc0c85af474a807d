/**
 * File plumbing shared by the binary readers: page-aligned scratch memory, positioned
 * reads that fill a buffer or say precisely why they could not, and a two-slot prefetch
 * pipeline that overlaps the next read with the consumer's work on the current batch.
 */
import type { FileHandle } from 'node:fs/promises';
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

interface WasmMemoryCtor {
  new (descriptor: { initial: number; maximum: number; shared: boolean }): {
    readonly buffer: ArrayBufferLike;
  };
}

const WASM_PAGE = 65536;

/**
 * Zeroed, page-aligned memory in a SharedArrayBuffer, for read buffers.
 *
 * Page-aligned because V8 takes large ordinary backing stores from malloc, which on glibc
 * puts the data 16 bytes past a page boundary; the kernel's copy from the page cache into
 * such a buffer is misaligned and measured 4–5× slower here (≈1 GB/s instead of ≈5 GB/s).
 * A WebAssembly memory is mmap-ed by V8 and therefore page-aligned. Shared so the scan
 * can hand rows to its worker thread without copying (scan-worker.ts).
 */
export function alignedBytes(byteLength: number): Uint8Array {
  const Memory = (globalThis as unknown as { WebAssembly?: { Memory?: WasmMemoryCtor } })
    .WebAssembly?.Memory;
  const pages = Math.max(1, Math.ceil(byteLength / WASM_PAGE));
  if (Memory && pages <= 32768) {
    try {
      return new Uint8Array(
        new Memory({ initial: pages, maximum: pages, shared: true }).buffer,
        0,
        byteLength,
      );
    } catch {
      // Shared wasm memory unavailable: fall through to an unaligned SharedArrayBuffer.
    }
  }
  return new Uint8Array(new SharedArrayBuffer(byteLength));
}

/**
 * Reads exactly `length` bytes at `position` into `target[offset..]`.
 * A short read means the file ended early: that is a broken file, reported with `what`
 * (what the bytes were expected to be) and the byte offset where the data ran out.
 */
export async function readExactly(
  handle: FileHandle,
  target: Uint8Array,
  offset: number,
  length: number,
  position: number,
  file: string,
  what: string,
): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(target, offset + done, length - done, position + done);
    if (bytesRead === 0) {
      throw new VectorFileError(
        file,
        `file ends early: expected ${length} bytes of ${what} from byte ${position}, found ${done}`,
        { byte: position + done },
      );
    }
    done += bytesRead;
  }
}

/**
 * Runs `load(job, slot)` for each job with at most two loads in flight, yielding results in
 * order. The consumer owns slot `k % 2` from the yield of job k until it asks for the next
 * result, so a load may reuse that slot's buffers from then on.
 *
 * Every in-flight load is settled before the generator finishes, so a caller that stops
 * early can close the file handle safely afterwards.
 */
export async function* prefetch<J, R>(
  jobs: Iterable<J>,
  load: (job: J, slot: 0 | 1) => Promise<R>,
): AsyncGenerator<R> {
  const it = jobs[Symbol.iterator]();
  const pending: (Promise<R> | undefined)[] = [undefined, undefined];
  const start = (slot: 0 | 1): void => {
    const next = it.next();
    if (next.done) return;
    const p = load(next.value, slot);
    // The rejection is observed when awaited below; this only stops Node from reporting it
    // as unhandled while the consumer is still busy with the other slot.
    p.catch(() => undefined);
    pending[slot] = p;
  };
  try {
    // Both slots are free before the first yield, so two loads can start at once.
    start(0);
    start(1);
    for (let slot: 0 | 1 = 0; ; slot = slot === 0 ? 1 : 0) {
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
