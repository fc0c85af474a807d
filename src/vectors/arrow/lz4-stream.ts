/**
 * Streaming LZ4 frame decoding for the vector values of compressed Arrow batches: output
 * goes straight into the caller's buffer, slice after slice. A match that reaches back
 * past the start of a destination is served from `hist`, the 64 KiB that preceded it. Only
 * the block that straddles the end of a destination is decoded into a scratch buffer, whose
 * tail is handed out first next time.
 */
import { CodecError, type InputWindow, Xxh32, xxh32 } from './codec-util.js';
import { decodeBlock, headerLength, parseFrameHeader, SKIPPABLE } from './lz4.js';
import { copyInto } from '../buffers.js';

const HISTORY = 65536;

/** Streams the decompressed bytes of consecutive LZ4 frames out of an {@link InputWindow}. */
export class Lz4FrameDecoder {
  private inFrame = false;
  private blockMax = 0;
  private linked = true;
  private blockChecksum = false;
  private contentHash: Xxh32 | undefined;
  private contentSize = -1;
  private frameOutput = 0;
  /** The last ≤ 64 KiB of output before the current destination's first byte. */
  private readonly hist = new Uint8Array(HISTORY);
  private histLen = 0;
  /** History + one block, for a block that straddles the end of a destination. */
  private scratch = new Uint8Array(0);
  private carryStart = 0;
  private carryEnd = 0;

  constructor(private readonly input: InputWindow) {}

  /** Nothing to free: the decoder holds only ordinary memory. */
  finish(): Promise<void> {
    return Promise.resolve();
  }

  /** Fills `dest` with the next `dest.length` bytes of output. */
  async read(dest: Uint8Array): Promise<void> {
    let pos = 0;
    if (this.carryEnd > this.carryStart) {
      const n = Math.min(dest.length, this.carryEnd - this.carryStart);
      copyInto(dest, 0, this.scratch.subarray(this.carryStart, this.carryStart + n));
      this.carryStart += n;
      pos = n;
    }
    while (pos < dest.length) {
      if (!this.inFrame) {
        await this.readFrameHeader(dest.length - pos);
        continue;
      }
      await this.input.ensure(4, 'an LZ4 block size');
      const word = this.input.u32(0);
      if (word === 0) {
        await this.endFrame();
        continue;
      }
      const raw = word >>> 31 === 1;
      const size = word & 0x7fffffff;
      if (size > this.blockMax)
        throw new CodecError(
          `LZ4 block of ${size} bytes exceeds the frame's ${this.blockMax}-byte maximum`,
          this.input.position,
        );
      const total = 4 + size + (this.blockChecksum ? 4 : 0);
      await this.input.ensure(total, `an LZ4 block of ${size} bytes`);
      const src = this.input.bytes;
      const start = this.input.start + 4;
      if (this.blockChecksum) {
        const stored = this.input.u32(4 + size);
        if (xxh32(src, start, start + size) !== stored)
          throw new CodecError('LZ4 block checksum mismatch', this.input.position);
      }
      const at = this.input.position;
      this.input.consume(total);
      pos = this.block(src, start, start + size, raw, dest, pos, at);
    }
    this.keepHistory(dest);
  }

  /** Decodes one block at `dest[pos…]`, or via scratch when it may not fit; returns the new pos. */
  private block(
    src: Uint8Array,
    s: number,
    sEnd: number,
    raw: boolean,
    dest: Uint8Array,
    pos: number,
    at: number,
  ): number {
    const fits = dest.length - pos >= (raw ? sEnd - s : this.blockMax);
    let out: Uint8Array;
    let from: number;
    let to: number;
    let next: number;
    if (fits) {
      out = dest;
      from = pos;
      if (raw) {
        copyInto(dest, pos, src.subarray(s, sEnd));
        to = pos + (sEnd - s);
      } else {
        const lowest = this.linked ? 0 : pos;
        const histLen = this.linked ? this.histLen : 0;
        to = decodeBlock(src, s, sEnd, dest, pos, dest.length, lowest, this.hist, histLen, at);
      }
      next = to;
    } else {
      // History first (what precedes dest[pos]), then the block after it.
      if (this.scratch.length < HISTORY + this.blockMax)
        this.scratch = new Uint8Array(HISTORY + this.blockMax);
      const scratch = this.scratch;
      const fromDest = Math.min(pos, HISTORY);
      const fromHist = Math.min(HISTORY - fromDest, this.histLen);
      scratch.set(
        this.hist.subarray(this.histLen - fromHist, this.histLen),
        HISTORY - fromDest - fromHist,
      );
      copyInto(scratch, HISTORY - fromDest, dest.subarray(pos - fromDest, pos));
      out = scratch;
      from = HISTORY;
      if (raw) {
        scratch.set(src.subarray(s, sEnd), HISTORY);
        to = HISTORY + (sEnd - s);
      } else {
        const lowest = this.linked ? HISTORY - fromDest - fromHist : HISTORY;
        to = decodeBlock(src, s, sEnd, scratch, HISTORY, scratch.length, lowest, this.hist, 0, at);
      }
      const n = Math.min(to - from, dest.length - pos);
      copyInto(dest, pos, scratch.subarray(from, from + n));
      this.carryStart = from + n;
      this.carryEnd = to;
      next = pos + n;
    }
    this.frameOutput += to - from;
    this.contentHash?.update(out, from, to);
    return next;
  }

  /** Remembers the last 64 KiB before the next destination (dest, or old history + dest). */
  private keepHistory(dest: Uint8Array): void {
    const delivered = dest.length;
    if (delivered >= HISTORY) {
      copyInto(this.hist, 0, dest.subarray(delivered - HISTORY));
      this.histLen = HISTORY;
    } else {
      const keep = Math.min(this.histLen, HISTORY - delivered);
      this.hist.copyWithin(0, this.histLen - keep, this.histLen);
      copyInto(this.hist, keep, dest);
      this.histLen = keep + delivered;
    }
  }

  private async readFrameHeader(wanted: number): Promise<void> {
    const input = this.input;
    if (!input.more)
      throw new CodecError(
        `LZ4 data ends early: ${wanted} more bytes of output were expected`,
        input.position,
      );
    await input.ensure(4, 'an LZ4 frame magic number');
    if ((input.u32(0) & 0xfffffff0) === SKIPPABLE) {
      await input.ensure(8, 'an LZ4 skippable frame header');
      const size = input.u32(4);
      input.consume(8);
      await input.skip(size, 'an LZ4 skippable frame');
      return;
    }
    await input.ensure(7, 'an LZ4 frame header');
    await input.ensure(headerLength(input.bytes[input.start + 4]!), 'an LZ4 frame header');
    const frame = parseFrameHeader(input.bytes, input.start, input.position);
    // Room for a whole block with its size and checksum, so blocks are decoded in place.
    await input.ensure(
      Math.min(frame.headerLength + 4 + frame.blockMax + 4, input.total - input.position),
      'an LZ4 frame',
    );
    this.blockMax = frame.blockMax;
    this.linked = frame.linked;
    this.blockChecksum = frame.blockChecksum;
    this.contentHash = frame.contentChecksum ? new Xxh32() : undefined;
    this.contentSize = frame.contentSize;
    this.frameOutput = 0;
    input.consume(frame.headerLength);
    this.inFrame = true;
  }

  private async endFrame(): Promise<void> {
    const input = this.input;
    const at = input.position;
    input.consume(4);
    if (this.contentHash) {
      await input.ensure(4, 'an LZ4 content checksum');
      if (this.contentHash.digest() !== input.u32(0))
        throw new CodecError('LZ4 content checksum mismatch', input.position);
      input.consume(4);
    }
    if (this.contentSize >= 0 && this.contentSize !== this.frameOutput)
      throw new CodecError(
        `LZ4 frame holds ${this.frameOutput} bytes, its header says ${this.contentSize}`,
        at,
      );
    this.inFrame = false;
  }
}
