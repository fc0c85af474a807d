/**
 * Plumbing shared by the streaming decompressors of Arrow IPC bodies: an error that
 * remembers where in the compressed bytes it arose, a window over compressed input read
 * sequentially in large chunks, and xxHash32 (LZ4 frames checksum with it).
 */
import { alignedBytes } from '../buffers.js';

/** A decompression failure at byte `at` of the compressed data. */
export class CodecError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/**
 * Reads the next compressed bytes into `target[offset, offset + length)`; returns how many
 * it read (0 only at the end of the data).
 */
export type ReadNext = (target: Uint8Array, offset: number, length: number) => Promise<number>;

/** Compressed input is read in chunks of this size. */
const CHUNK = 4 << 20;

/**
 * The unread part of `total` compressed bytes, `bytes[start, end)`, refilled in large
 * sequential reads that run one chunk ahead of the decoder, so it seldom waits for the disk.
 *
 * Two page-aligned buffers (the kernel copies into them; see io.ts), not shared (so copies
 * within them run at memcpy speed), take turns: the next
 * chunk is read into the spare one at offset `margin`, and when the decoder needs more than
 * is left, the rest is copied just before it and the buffers swap. `margin` is the most
 * one {@link ensure} may ask for (an LZ4 block, with its size and checksum).
 */
export class InputWindow {
  bytes: Uint8Array = new Uint8Array(0);
  start = 0;
  end = 0;
  /** Compressed bytes before `bytes[start]`. */
  private before = 0;
  /** Compressed bytes read into the buffers so far. */
  private read = 0;
  private spare: Uint8Array = new Uint8Array(0);
  private margin = 0;
  /** The read into `spare[margin…]` in flight, resolving to its byte count. */
  private ahead: Promise<number> | undefined;

  constructor(
    private next: ReadNext,
    public total: number,
  ) {}

  /** Starts over on other compressed data, keeping the buffers. */
  async reset(next: ReadNext, total: number): Promise<void> {
    await this.ahead?.catch(() => undefined);
    this.ahead = undefined;
    this.next = next;
    this.total = total;
    this.start = this.end = this.before = this.read = 0;
  }

  /** Offset within the compressed data of `bytes[start]`. */
  get position(): number {
    return this.before;
  }

  /** Whether any compressed bytes remain. */
  get more(): boolean {
    return this.before < this.total;
  }

  /** Makes `n` bytes available from `start`, or throws: the data ends inside `what`. */
  async ensure(n: number, what: string): Promise<void> {
    if (this.end - this.start >= n) return;
    if (this.before + n > this.total)
      throw new CodecError(
        `compressed data ends early: ${what} needs ${n} bytes, ${this.total - this.before} remain`,
        this.before,
      );
    if (n > this.margin) await this.grow(n);
    while (this.end - this.start < n) {
      this.readAhead();
      const got = this.ahead ? await this.ahead : 0;
      this.ahead = undefined;
      if (got === 0) throw new CodecError(`compressed data ends early inside ${what}`, this.before);
      this.read += got;
      // The rest goes just before the new chunk (it is shorter than n ≤ margin).
      const rest = this.end - this.start;
      this.spare.set(this.bytes.subarray(this.start, this.end), this.margin - rest);
      [this.bytes, this.spare] = [this.spare, this.bytes];
      this.start = this.margin - rest;
      this.end = this.margin + got;
      this.readAhead();
    }
  }

  /** Little-endian uint32 at `start + offset` (which must be buffered). */
  u32(offset: number): number {
    const b = this.bytes;
    const i = this.start + offset;
    return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
  }

  consume(n: number): void {
    this.start += n;
    this.before += n;
  }

  /** Passes over `n` bytes (e.g. a skippable frame). */
  async skip(n: number, what: string): Promise<void> {
    while (n > 0) {
      await this.ensure(1, what);
      const step = Math.min(n, this.end - this.start);
      this.consume(step);
      n -= step;
    }
  }

  /** Starts reading the next chunk into the spare buffer, unless a read is on or none is left. */
  private readAhead(): void {
    if (this.ahead || this.read >= this.total) return;
    const length = Math.min(CHUNK, this.total - this.read);
    this.ahead = this.next(this.spare, this.margin, length);
    this.ahead.catch(() => undefined);
  }

  /** New buffers whose margin holds `n` bytes, keeping what is buffered and in flight. */
  private async grow(n: number): Promise<void> {
    const pending = this.ahead ? await this.ahead : 0;
    this.ahead = undefined;
    // A whole number of pages, so reads land page-aligned.
    const margin = Math.ceil(Math.max(n, 1 << 16) / 65536) * 65536;
    const bytes = alignedBytes(margin + CHUNK, false);
    const rest = this.end - this.start;
    bytes.set(this.bytes.subarray(this.start, this.end), margin - rest);
    bytes.set(this.spare.subarray(this.margin, this.margin + pending), margin);
    this.read += pending;
    this.bytes = bytes;
    this.spare = alignedBytes(margin + CHUNK, false);
    this.start = margin - rest;
    this.end = margin + pending;
    this.margin = margin;
  }
}

const P1 = 0x9e3779b1;
const P2 = 0x85ebca77;
const P3 = 0xc2b2ae3d;
const P4 = 0x27d4eb2f;
const P5 = 0x165667b1;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));
const round = (acc: number, lane: number): number =>
  Math.imul(rotl((acc + Math.imul(lane, P2)) | 0, 13), P1);

/** xxHash32 with seed 0, fed in pieces. */
export class Xxh32 {
  private v1 = (P1 + P2) | 0;
  private v2 = P2;
  private v3 = 0;
  private v4 = -P1 | 0;
  private length = 0;
  private readonly tail = new Uint8Array(16);
  private tailLength = 0;

  update(data: Uint8Array, start: number, end: number): this {
    this.length += end - start;
    let p = start;
    if (this.tailLength > 0) {
      while (this.tailLength < 16 && p < end) this.tail[this.tailLength++] = data[p++]!;
      if (this.tailLength < 16) return this;
      this.stripe(this.tail, 0);
      this.tailLength = 0;
    }
    for (; p + 16 <= end; p += 16) this.stripe(data, p);
    while (p < end) this.tail[this.tailLength++] = data[p++]!;
    return this;
  }

  digest(): number {
    let h =
      this.length >= 16
        ? (rotl(this.v1, 1) + rotl(this.v2, 7) + rotl(this.v3, 12) + rotl(this.v4, 18)) | 0
        : P5;
    h = (h + this.length) | 0;
    const t = this.tail;
    let p = 0;
    for (; p + 4 <= this.tailLength; p += 4)
      h = Math.imul(rotl((h + Math.imul(word(t, p), P3)) | 0, 17), P4);
    for (; p < this.tailLength; p++) h = Math.imul(rotl((h + Math.imul(t[p]!, P5)) | 0, 11), P1);
    h = Math.imul(h ^ (h >>> 15), P2);
    h = Math.imul(h ^ (h >>> 13), P3);
    return (h ^ (h >>> 16)) >>> 0;
  }

  private stripe(d: Uint8Array, p: number): void {
    this.v1 = round(this.v1, word(d, p));
    this.v2 = round(this.v2, word(d, p + 4));
    this.v3 = round(this.v3, word(d, p + 8));
    this.v4 = round(this.v4, word(d, p + 12));
  }
}

/** xxHash32 (seed 0) of `data[start, end)`. */
export function xxh32(data: Uint8Array, start: number, end: number): number {
  return new Xxh32().update(data, start, end).digest();
}

function word(d: Uint8Array, p: number): number {
  return d[p]! | (d[p + 1]! << 8) | (d[p + 2]! << 16) | (d[p + 3]! << 24);
}
