/**
 * LZ4 frame decoding (the format Arrow's LZ4_FRAME body compression writes: one frame per
 * buffer, 64 KiB blocks linked to their predecessors, no checksums by default): the block
 * decoder, frame headers, and decompression of frames held whole in memory. The streaming
 * decoder is in arrow-lz4-stream.ts.
 *
 * Written here rather than taken from npm: lz4js, the usual choice, reads a block checksum
 * before the block instead of after it, has no bounds checks (a damaged frame decodes to
 * garbage rather than failing), copies byte by byte, and cannot stream. This decoder copies
 * raw blocks, long literals and long matches with memcpy (io.ts `copyInto`; bench numbers
 * in arrow-codecs.ts) and checks every length and offset.
 */
import { CodecError, xxh32 } from './codec-util.js';
import { copyInto } from '../buffers.js';

export const MAGIC = 0x184d2204;
export const SKIPPABLE = 0x184d2a50; // …5F: the low nibble is free
const LEGACY = 0x184c2102;
/** Output bytes per input byte at most (a match length byte of 255 adds 255 bytes). */
const LZ4_EXPANSION = 255;
/** As codecs.ts WHOLE_CEILING (kept here so this module stands alone). */
const LZ4_WHOLE_CEILING = 256 << 20;
const BLOCK_MAX = [0, 0, 0, 0, 64 << 10, 256 << 10, 1 << 20, 4 << 20];

/**
 * Decodes the LZ4 block `src[s, sEnd)` into `dst` from `d`, not past `dEnd`; returns the end
 * of the output. Matches may reach back to `dst[lowest]`, and before index 0 into the last
 * `histLen` bytes of `hist` (pass 0 unless `lowest` is 0). `at` places errors.
 */
export function decodeBlock(
  src: Uint8Array,
  s: number,
  sEnd: number,
  dst: Uint8Array,
  d: number,
  dEnd: number,
  lowest: number,
  hist: Uint8Array,
  histLen: number,
  at: number,
): number {
  const base = s;
  for (;;) {
    if (s >= sEnd) throw bad('ends inside a sequence', at, s - base);
    const token = src[s++]!;
    let literals = token >>> 4;
    if (literals === 15) {
      let more;
      do {
        if (s >= sEnd) throw bad('ends inside a literal length', at, s - base);
        more = src[s++]!;
        literals += more;
      } while (more === 255);
    }
    if (literals > 0) {
      if (s + literals > sEnd) throw bad('literals run past the block', at, s - base);
      if (d + literals > dEnd) throw bad('output exceeds the expected length', at, s - base);
      if (literals > 16) {
        copyInto(dst, d, src.subarray(s, s + literals));
        d += literals;
        s += literals;
      } else {
        for (const end = s + literals; s < end;) dst[d++] = src[s++]!;
      }
    }
    if (s === sEnd) return d;
    if (s + 2 > sEnd) throw bad('ends inside a match offset', at, s - base);
    const offset = src[s]! | (src[s + 1]! << 8);
    s += 2;
    let length = token & 15;
    if (length === 15) {
      let more;
      do {
        if (s >= sEnd) throw bad('ends inside a match length', at, s - base);
        more = src[s++]!;
        length += more;
      } while (more === 255);
    }
    length += 4;
    let m = d - offset;
    if (offset === 0 || m < lowest - histLen)
      throw bad(`match offset ${offset} reaches before the start of the data`, at, s - base);
    if (d + length > dEnd) throw bad('output exceeds the expected length', at, s - base);
    if (m < 0) {
      // From the history that preceded this destination, then on into it.
      for (let h = histLen + m; h < histLen && length > 0; h++, length--, m++) dst[d++] = hist[h]!;
    }
    if (offset >= length && length > 32) {
      copyInto(dst, d, dst.subarray(m, m + length));
      d += length;
    } else {
      for (const end = d + length; d < end;) dst[d++] = dst[m++]!;
    }
  }
}

function bad(what: string, at: number, offset: number): CodecError {
  return new CodecError(`damaged LZ4 block: ${what}`, at + 4 + offset);
}

export interface FrameHeader {
  readonly headerLength: number;
  readonly blockMax: number;
  readonly linked: boolean;
  readonly blockChecksum: boolean;
  readonly contentChecksum: boolean;
  /** -1 when the frame does not state it. */
  readonly contentSize: number;
}

/** Bytes of a frame header (magic to header checksum) with this FLG byte. */
export function headerLength(flg: number): number {
  return 7 + (flg & 0x08 ? 8 : 0) + (flg & 0x01 ? 4 : 0);
}

/** Parses the frame header at `b[h…]` (all of it present); `at` is its offset for errors. */
export function parseFrameHeader(b: Uint8Array, h: number, at: number): FrameHeader {
  const magic = (b[h]! | (b[h + 1]! << 8) | (b[h + 2]! << 16) | (b[h + 3]! << 24)) >>> 0;
  if (magic !== MAGIC) {
    throw new CodecError(
      magic === LEGACY
        ? 'legacy LZ4 frame format (magic 0x184C2102) is not supported'
        : `not an LZ4 frame: magic 0x${magic.toString(16).padStart(8, '0')}, expected 0x184d2204`,
      at,
    );
  }
  const flg = b[h + 4]!;
  const bd = b[h + 5]!;
  const length = headerLength(flg);
  if (flg >> 6 !== 1 || (flg & 0x02) !== 0 || (bd & 0x8f) !== 0 || BLOCK_MAX[(bd >> 4) & 7] === 0)
    throw new CodecError(
      `bad LZ4 frame descriptor (FLG 0x${flg.toString(16)}, BD 0x${bd.toString(16)})`,
      at + 4,
    );
  if (flg & 0x01) throw new CodecError('LZ4 frame needs a dictionary, which Arrow never uses', at);
  if (((xxh32(b, h + 4, h + length - 1) >>> 8) & 0xff) !== b[h + length - 1])
    throw new CodecError('LZ4 frame header checksum mismatch', at + length - 1);
  const u32 = (i: number): number =>
    (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
  return {
    headerLength: length,
    blockMax: BLOCK_MAX[(bd >> 4) & 7]!,
    linked: (flg & 0x20) === 0,
    blockChecksum: (flg & 0x10) !== 0,
    contentChecksum: (flg & 0x04) !== 0,
    contentSize: flg & 0x08 ? u32(h + 6) + u32(h + 10) * 2 ** 32 : -1,
  };
}

/**
 * Decompresses LZ4 frames held whole in memory into exactly `length` bytes (Arrow states the
 * uncompressed length of every buffer), or, without `length`, into as many as they hold.
 * Throws {@link CodecError} on damaged data or when the frames hold more or fewer bytes.
 */
export function lz4Decompress(src: Uint8Array, expected?: number): Uint8Array {
  const length = expected ?? outputBound(src);
  // Refused before the allocation: a frame cannot decode to more than this.
  if (length > src.length * LZ4_EXPANSION + 64 || length > LZ4_WHOLE_CEILING)
    throw new CodecError(
      `LZ4 data of ${src.length} bytes cannot decompress to the ${length} bytes stated`,
      0,
    );
  const out = new Uint8Array(length);
  const u32 = (i: number): number =>
    (src[i]! | (src[i + 1]! << 8) | (src[i + 2]! << 16) | (src[i + 3]! << 24)) >>> 0;
  const need = (p: number, n: number, what: string): void => {
    if (p + n > src.length) throw new CodecError(`compressed data ends early inside ${what}`, p);
  };
  let p = 0;
  let d = 0;
  while (p < src.length) {
    need(p, 4, 'an LZ4 frame magic number');
    if ((u32(p) & 0xfffffff0) === SKIPPABLE) {
      need(p, 8, 'an LZ4 skippable frame header');
      p += 8 + u32(p + 4);
      continue;
    }
    need(p, 7, 'an LZ4 frame header');
    need(p, headerLength(src[p + 4]!), 'an LZ4 frame header');
    const frame = parseFrameHeader(src, p, p);
    p += frame.headerLength;
    const frameStart = d;
    for (;;) {
      need(p, 4, 'an LZ4 block size');
      const word = u32(p);
      if (word === 0) break;
      const size = word & 0x7fffffff;
      if (size > frame.blockMax)
        throw new CodecError(
          `LZ4 block of ${size} bytes exceeds the frame's ${frame.blockMax}-byte maximum`,
          p,
        );
      need(p, 4 + size + (frame.blockChecksum ? 4 : 0), `an LZ4 block of ${size} bytes`);
      const s = p + 4;
      if (frame.blockChecksum && xxh32(src, s, s + size) !== u32(s + size))
        throw new CodecError('LZ4 block checksum mismatch', p);
      if (word >>> 31 === 1) {
        if (d + size > length) throw new CodecError('output exceeds the expected length', p);
        out.set(src.subarray(s, s + size), d);
        d += size;
      } else {
        d = decodeBlock(src, s, s + size, out, d, length, frame.linked ? frameStart : d, out, 0, p);
      }
      p = s + size + (frame.blockChecksum ? 4 : 0);
    }
    p += 4;
    if (frame.contentChecksum) {
      need(p, 4, 'an LZ4 content checksum');
      if (xxh32(out, frameStart, d) !== u32(p))
        throw new CodecError('LZ4 content checksum mismatch', p);
      p += 4;
    }
    if (frame.contentSize >= 0 && frame.contentSize !== d - frameStart)
      throw new CodecError(
        `LZ4 frame holds ${d - frameStart} bytes, its header says ${frame.contentSize}`,
        p,
      );
  }
  if (expected !== undefined && d !== expected)
    throw new CodecError(`LZ4 data decompresses to ${d} bytes, expected ${expected}`, src.length);
  return expected === undefined ? out.subarray(0, d) : out;
}

/**
 * An upper bound of the output of LZ4 frames, from their headers alone: raw blocks by their
 * size, compressed blocks by the frame's block maximum (which every block but a frame's
 * last one fills). Damaged framing is left for the decoder to report.
 */
function outputBound(src: Uint8Array): number {
  const u32 = (i: number): number =>
    (src[i]! | (src[i + 1]! << 8) | (src[i + 2]! << 16) | (src[i + 3]! << 24)) >>> 0;
  let bound = 0;
  let p = 0;
  while (p + 7 <= src.length) {
    if ((u32(p) & 0xfffffff0) === SKIPPABLE) {
      p += 8 + u32(p + 4);
      continue;
    }
    if (u32(p) !== MAGIC || p + headerLength(src[p + 4]!) > src.length) break;
    const frame = parseFrameHeader(src, p, p);
    p += frame.headerLength;
    while (p + 4 <= src.length) {
      const word = u32(p);
      p += 4;
      if (word === 0) break;
      const size = word & 0x7fffffff;
      // A compressed block of `size` bytes decodes to at most ~255× as many (see decodeBlock).
      bound += word >>> 31 === 1 ? size : Math.min(frame.blockMax, size * LZ4_EXPANSION + 64);
      p += size + (frame.blockChecksum ? 4 : 0);
    }
    p += frame.contentChecksum ? 4 : 0;
  }
  return bound;
}
