/**
 * The body decompressors against frames written by the lz4 and zstd command-line tools
 * (test/fixtures/vectors/codecs, made by make_fixtures.py): whole and streamed in pieces of
 * every awkward size, and damaged frames, each of which must fail with a CodecError.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { CodecError, InputWindow, Xxh32, xxh32 } from '../../src/vectors/arrow/codec-util.js';
import { type BodyCodec, bodyCodec } from '../../src/vectors/arrow/codecs.js';
import { lz4Decompress } from '../../src/vectors/arrow/lz4.js';
import { Lz4FrameDecoder } from '../../src/vectors/arrow/lz4-stream.js';
import { FIXTURES } from './helpers.js';

const dir = join(FIXTURES, 'codecs');
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));
const RAW = read('mixed.bin');
const LZ4_FILES = ['mixed.B4D.lz4', 'mixed.B5X.lz4', 'mixed.B7.lz4', 'mixed.concat.lz4'];

/** An input window over `src` whose reads return at most `step` bytes each. */
function windowOver(src: Uint8Array, step = 1 << 30): InputWindow {
  let pos = 0;
  return new InputWindow(async (target, offset, length) => {
    const n = Math.min(length, step, src.length - pos);
    target.set(src.subarray(pos, pos + n), offset);
    pos += n;
    return n;
  }, src.length);
}

/** All of `length` bytes read from a stream in pieces of `piece`. */
async function readAll(
  stream: { read(dest: Uint8Array): Promise<void> },
  length: number,
  piece: number,
): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  for (let at = 0; at < length; at += piece) {
    const dest = new Uint8Array(Math.min(piece, length - at));
    await stream.read(dest);
    out.set(dest, at);
  }
  return out;
}

function corrupt(src: Uint8Array, at: number, xor = 0x55): Uint8Array {
  const copy = src.slice();
  copy[at]! ^= xor;
  return copy;
}

/** The CodecError `f` fails with. */
async function codecError(f: () => unknown): Promise<CodecError> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(CodecError);
    return e as CodecError;
  }
  throw new Error('expected a CodecError');
}

describe('xxHash32', () => {
  it('matches the reference values', () => {
    const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(xxh32(bytes(''), 0, 0)).toBe(0x02cc5d05);
    expect(xxh32(bytes('a'), 0, 1)).toBe(0x550d7456);
    expect(xxh32(bytes('abc'), 0, 3)).toBe(0x32d153ff);
    const long = bytes('Nobody inspects the spammish repetition');
    expect(xxh32(long, 0, long.length)).toBe(0xe2293b2f);
  });

  it('gives the same hash fed in pieces', () => {
    const whole = xxh32(RAW, 0, RAW.length);
    const h = new Xxh32();
    for (let at = 0, step = 1; at < RAW.length; at += step, step = (step * 7 + 3) % 5000)
      h.update(RAW, at, Math.min(RAW.length, at + step));
    expect(h.digest()).toBe(whole);
  });
});

describe('LZ4 frames from the lz4 tool', () => {
  for (const name of LZ4_FILES) {
    it(`${name}: whole, with and without the expected length`, () => {
      const src = read(name);
      expect(Buffer.compare(lz4Decompress(src, RAW.length), RAW)).toBe(0);
      expect(Buffer.compare(lz4Decompress(src), RAW)).toBe(0);
    });
    it(`${name}: streamed in pieces of every awkward size`, async () => {
      const src = read(name);
      for (const [piece, step] of [
        [1, 1 << 30],
        [7, 777],
        [1000, 65536],
        [65535, 1 << 30],
        [65537, 4099],
        [RAW.length, 100_000],
      ] as const) {
        const out = await readAll(new Lz4FrameDecoder(windowOver(src, step)), RAW.length, piece);
        expect(Buffer.compare(out, RAW), `pieces of ${piece}`).toBe(0);
      }
    });
  }

  it('rejects damaged frames', async () => {
    const linked = read('mixed.B4D.lz4');
    const checked = read('mixed.B5X.lz4');
    const plain = read('mixed.B7.lz4');
    // Literal bytes deep in the data: only the content checksum can tell.
    expect(
      (await codecError(() => lz4Decompress(corrupt(linked, 30_000), RAW.length))).message,
    ).toBe('LZ4 content checksum mismatch');
    expect(
      (await codecError(() => lz4Decompress(corrupt(checked, 30_000), RAW.length))).message,
    ).toBe('LZ4 block checksum mismatch');
    expect((await codecError(() => lz4Decompress(corrupt(plain, 6), RAW.length))).message).toBe(
      'LZ4 frame header checksum mismatch',
    );
    expect((await codecError(() => lz4Decompress(corrupt(plain, 0), RAW.length))).message).toBe(
      'not an LZ4 frame: magic 0x184d2251, expected 0x184d2204',
    );
    const cut = await codecError(() =>
      lz4Decompress(plain.subarray(0, plain.length - 100), RAW.length),
    );
    expect(cut.message).toMatch(/^compressed data ends early inside an LZ4 block of \d+ bytes$/);
    expect(cut.at).toBe(7);
    const streamed = await codecError(() =>
      readAll(
        new Lz4FrameDecoder(windowOver(plain.subarray(0, plain.length - 100))),
        RAW.length,
        4096,
      ),
    );
    expect(streamed.message).toMatch(
      /^compressed data ends early: an LZ4 block of \d+ bytes needs/,
    );
    expect((await codecError(() => lz4Decompress(plain, RAW.length - 1))).message).toBe(
      'damaged LZ4 block: output exceeds the expected length',
    );
    expect((await codecError(() => lz4Decompress(plain, RAW.length + 1))).message).toBe(
      `LZ4 data decompresses to ${RAW.length} bytes, expected ${RAW.length + 1}`,
    );
    const short = await codecError(() =>
      readAll(new Lz4FrameDecoder(windowOver(plain)), RAW.length + 10, 50_000),
    );
    expect(short.message).toBe('LZ4 data ends early: 10 more bytes of output were expected');
  });

  it('rejects a match that reaches before the start of the data', async () => {
    // Independent 64 KiB blocks, no checksums; one block: literal "a", then a match 2 back.
    const descriptor = new Uint8Array([0x60, 0x40]);
    const header = [0x04, 0x22, 0x4d, 0x18, 0x60, 0x40, (xxh32(descriptor, 0, 2) >>> 8) & 0xff];
    const block = [0x10, 0x61, 0x02, 0x00, 0x00, 0x62];
    const frame = new Uint8Array([...header, block.length, 0, 0, 0, ...block, 0, 0, 0, 0]);
    const e = await codecError(() => lz4Decompress(frame, 10));
    expect(e.message).toBe(
      'damaged LZ4 block: match offset 2 reaches before the start of the data',
    );
    expect(e.at).toBe(7 + 4 + 4);
  });
});

describe('ZSTD through zstddec', () => {
  const load = async (): Promise<BodyCodec> => (await bodyCodec(arrow.CompressionType.ZSTD))!;

  it('decompresses a frame from the zstd tool whole and streamed', async () => {
    const codec = await load();
    const src = read('mixed.zst');
    expect(Buffer.compare(codec.decompress(src, RAW.length), RAW)).toBe(0);
    for (const [piece, step] of [
      [7, 1 << 30],
      [65537, 5000],
      [RAW.length, 1 << 30],
    ] as const) {
      const out = await readAll(codec.stream(windowOver(src, step)), RAW.length, piece);
      expect(Buffer.compare(out, RAW), `pieces of ${piece}`).toBe(0);
    }
  });

  it('fails on damaged and truncated frames instead of hanging', async () => {
    const codec = await load();
    const src = read('mixed.zst');
    expect(
      (await codecError(() => codec.decompress(corrupt(src, 5, 0xff), RAW.length))).message,
    ).toMatch(/^damaged ZSTD data/);
    const cut = src.subarray(0, src.length - 2000);
    expect(
      (await codecError(() => readAll(codec.stream(windowOver(cut)), RAW.length, 8192))).message,
    ).toMatch(/^ZSTD data ends early: \d+ more bytes of output were expected$/);
    const broken = corrupt(src, 6, 0x06); // the first block's type becomes "reserved"
    expect(
      (await codecError(() => readAll(codec.stream(windowOver(broken)), RAW.length, 8192))).message,
    ).toMatch(/^damaged ZSTD data/);
  });
});

describe('codecs registered with apache-arrow', () => {
  it('decode without being told the uncompressed length', async () => {
    await bodyCodec(arrow.CompressionType.LZ4_FRAME);
    await bodyCodec(arrow.CompressionType.ZSTD);
    const lz4 = arrow.compressionRegistry.get(arrow.CompressionType.LZ4_FRAME)!;
    expect(Buffer.compare(lz4.decode!(read('mixed.B4D.lz4')), RAW)).toBe(0);
    // The zstd tool, streaming, leaves the content size out; Arrow's writer never does.
    const zstd = arrow.compressionRegistry.get(arrow.CompressionType.ZSTD)!;
    expect(() => zstd.decode!(read('mixed.zst'))).toThrow(
      'ZSTD frame does not state its content size',
    );
  });
});
