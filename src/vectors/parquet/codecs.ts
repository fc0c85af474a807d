/**
 * Parquet page decompression, by the footer's codec number: snappy (snappy.ts), ZSTD
 * (zstddec, shared with the Arrow reader), GZIP and BROTLI (node:zlib), LZ4_RAW (the Arrow
 * reader's LZ4 block decoder) and none. Each page states its uncompressed size; a size no
 * codec could reach from the compressed bytes is refused before anything is allocated.
 */
import * as arrow from 'apache-arrow';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { CodecError } from '../arrow/codec-util.js';
import { bodyCodec } from '../arrow/codecs.js';
import { decodeBlock } from '../arrow/lz4.js';
import { snappyDecode } from './snappy.js';

/** Codec names as the format numbers them. */
export const CODEC_NAMES = [
  'UNCOMPRESSED',
  'SNAPPY',
  'GZIP',
  'LZO',
  'BROTLI',
  'LZ4',
  'ZSTD',
  'LZ4_RAW',
];

/** The most bytes one page is decompressed into (the vectors of ~85,000 768-dim float32 rows). */
export const PAGE_CEILING = 256 << 20;

/**
 * Output bytes per compressed byte at most, by codec: snappy's 3-byte copy of 64 bytes,
 * LZ4's 255 per length byte, ZSTD's RLE blocks, deflate's 1032; brotli has no small bound
 * and is held to the ceiling alone.
 */
const MAX_EXPANSION: Readonly<Record<number, number>> = {
  0: 1,
  1: 32,
  2: 1032,
  4: Infinity,
  6: 32768,
  7: 255,
};

/**
 * A page decompressor: `src` into exactly `length` bytes, written into `into` when given
 * and large enough (the page reader's reused buffer: no allocation and no zeroing per page),
 * else into new memory.
 */
export type Decompress = (src: Uint8Array, length: number, into?: Uint8Array) => Uint8Array;

function output(length: number, into: Uint8Array | undefined): Uint8Array {
  return into && into.length >= length ? into.subarray(0, length) : new Uint8Array(length);
}

/** The decompressor for `codec`, or a message saying why there is none. */
export async function decompressorFor(codec: number): Promise<Decompress | string> {
  switch (codec) {
    case 0:
      return (src, length) => {
        if (src.length !== length)
          throw new CodecError(`uncompressed page of ${src.length} bytes states ${length}`, 0);
        return src;
      };
    case 1:
      return (src, length, into) => {
        const out = output(length, into);
        snappyDecode(src, out);
        return out;
      };
    case 2:
      return (src, length) => exactly(zlibDecode(src, length), length, 'GZIP');
    case 4:
      return (src, length) =>
        exactly(
          zlibCall(() => brotliDecompressSync(src, { maxOutputLength: length + 1 })),
          length,
          'BROTLI',
        );
    case 6: {
      const zstd = (await bodyCodec(arrow.CompressionType.ZSTD))!;
      return (src, length) => zstd.decompress(src, length);
    }
    case 7:
      return (src, length, into) => {
        const out = output(length, into);
        const end = decodeBlock(src, 0, src.length, out, 0, length, 0, out, 0, -4);
        if (end !== length)
          throw new CodecError(`damaged LZ4 block: decodes to ${end} bytes, expected ${length}`, 0);
        return out;
      };
    default:
      return `compression ${CODEC_NAMES[codec] ?? codec} is not supported (supported: none, snappy, gzip, brotli, zstd, lz4_raw)`;
  }
}

/** Throws unless `length` bytes can come out of `compressed` bytes with `codec`. */
export function checkPageSize(
  codec: number,
  compressed: number,
  length: number,
): string | undefined {
  if (length > PAGE_CEILING)
    return `a page states ${length} bytes uncompressed, more than this reader's ceiling of ${PAGE_CEILING}`;
  const most = compressed * (MAX_EXPANSION[codec] ?? 1) + 64;
  if (length > most)
    return `a page states ${length} bytes uncompressed, more than ${compressed} ${CODEC_NAMES[codec]} bytes can hold`;
  return undefined;
}

function zlibDecode(src: Uint8Array, length: number): Uint8Array {
  // GZIP pages hold gzip members; a few writers store bare zlib streams under the same name.
  const gzip = src[0] === 0x1f && src[1] === 0x8b;
  return zlibCall(() =>
    gzip
      ? gunzipSync(src, { maxOutputLength: length + 1 })
      : inflateSync(src, { maxOutputLength: length + 1 }),
  );
}

function zlibCall(run: () => Buffer): Uint8Array {
  try {
    return run();
  } catch (e) {
    throw new CodecError(`damaged compressed data (${(e as Error).message})`, 0);
  }
}

function exactly(out: Uint8Array, length: number, name: string): Uint8Array {
  if (out.length !== length)
    throw new CodecError(
      `damaged ${name} data: it decompresses to ${out.length} bytes, expected ${length}`,
      0,
    );
  return out;
}
