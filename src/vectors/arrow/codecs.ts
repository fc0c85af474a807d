/**
 * The two body compression codecs of the Arrow IPC format, each usable whole (small buffers,
 * and apache-arrow's own reader through its `compressionRegistry`) and streaming (the
 * vector values, so memory stays bounded however large a record batch is).
 *
 * Chosen by measurement on this project's 2-core machine, 100 MB of unit-norm float32
 * embeddings compressed by pyarrow (LZ4 level 1 leaves them as raw blocks, ratio 1.00;
 * ZSTD level 1 gets 0.93):
 * - LZ4_FRAME: our own decoder (arrow-lz4*.ts), 3.3 GB/s streaming on such data and
 *   1.4 GB/s one-shot including the output allocation, against 0.33 GB/s for lz4js
 *   (which also mishandles block checksums and has no bounds checks). Compressible data
 *   (string ids, ratio 0.4) decodes at ~0.2 GB/s, lz4js 0.24.
 * - ZSTD: zstddec, the reference C decoder compiled to WebAssembly and inlined in its
 *   JavaScript (no .wasm file to ship beside the bundle): 0.15–0.19 GB/s, against
 *   0.006–0.08 GB/s for the pure-JavaScript fzstd on the same data (native zstd: ~0.65).
 */
import * as arrow from 'apache-arrow';
import { ZSTDDecoder } from 'zstddec/stream';
import { CodecError, type InputWindow } from './codec-util.js';
import { lz4Decompress } from './lz4.js';
import { Lz4FrameDecoder } from './lz4-stream.js';
import { copyInto } from '../buffers.js';

/** Streams decompressed bytes: each call fills `dest` with the next `dest.length` of them. */
export interface StreamDecoder {
  read(dest: Uint8Array): Promise<void>;
  /** Runs through what is left (if little is) so the decoder frees its memory; ignores errors. */
  finish(): Promise<void>;
}

/** A body compression codec. */
export interface BodyCodec {
  /** As the format names it: LZ4_FRAME or ZSTD. */
  readonly name: string;
  /**
   * The most bytes one compressed byte can decode to: a stated uncompressed length beyond
   * `compressed × maxExpansion` is damage, refused before anything is allocated for it.
   */
  readonly maxExpansion: number;
  /** `src` decompressed into exactly `length` bytes; throws {@link CodecError} otherwise. */
  decompress(src: Uint8Array, length: number): Uint8Array;
  /** A streaming decoder over compressed bytes read through `input`. */
  stream(input: InputWindow): StreamDecoder;
}

/**
 * The most bytes a buffer is decompressed into whole (validity bitmaps, offsets, ids; the
 * vector values stream through fixed buffers instead). A buffer that states more is refused:
 * this bounds what a small hostile file can make the reader allocate.
 */
export const WHOLE_CEILING = 256 << 20;

/** LZ4: a match length byte of 255 adds 255 bytes of output, and nothing decodes to more. */
export const LZ4_MAX_EXPANSION = 255;
/** ZSTD: an RLE block of 4 bytes stands for up to 128 KiB. */
export const ZSTD_MAX_EXPANSION = 32768;

const LZ4: BodyCodec = {
  name: 'LZ4_FRAME',
  maxExpansion: LZ4_MAX_EXPANSION,
  decompress: lz4Decompress,
  stream: (input) => new Lz4FrameDecoder(input),
};

let zstd: Promise<BodyCodec> | undefined;

async function loadZstd(): Promise<BodyCodec> {
  const decoder = new ZSTDDecoder();
  await decoder.init();
  return {
    name: 'ZSTD',
    maxExpansion: ZSTD_MAX_EXPANSION,
    decompress(src, length) {
      let out: Uint8Array;
      try {
        out = decoder.decode(src, length);
      } catch (e) {
        throw new CodecError(`damaged ZSTD data (${(e as Error).message})`, 0);
      }
      // zstddec hands back a short (often empty) array rather than an error code.
      if (out.length !== length)
        throw new CodecError(
          `damaged ZSTD data: it decompresses to ${out.length} bytes, expected ${length}`,
          0,
        );
      return out;
    },
    stream: (input) => new ZstdStream(decoder, input),
  };
}

/**
 * The codec for `type`, ready to use, and registered with apache-arrow so its reader can
 * decompress too. Undefined for a type this reader does not know.
 */
export async function bodyCodec(type: arrow.CompressionType): Promise<BodyCodec | undefined> {
  let codec: BodyCodec | undefined;
  if (type === arrow.CompressionType.LZ4_FRAME) codec = LZ4;
  else if (type === arrow.CompressionType.ZSTD) codec = await (zstd ??= loadZstd());
  if (codec && !arrow.compressionRegistry.get(type)) {
    const known = codec;
    // apache-arrow does not pass the uncompressed length on; LZ4 then sizes the output
    // from its block headers, and ZSTD from its frame header.
    arrow.compressionRegistry.set(type, {
      decode: (data) => (known === LZ4 ? lz4Decompress(data) : wholeZstd(known, data)),
    });
  }
  return codec;
}

function wholeZstd(codec: BodyCodec, data: Uint8Array): Uint8Array {
  const size = frameContentSize(data);
  checkStated(size, data.length, ZSTD_MAX_EXPANSION, 'ZSTD frame');
  return codec.decompress(data, size);
}

/**
 * Throws a {@link CodecError} unless `length` bytes can come out of `compressed` bytes at
 * this expansion and stay under {@link WHOLE_CEILING}: checked before the output is allocated.
 */
export function checkStated(
  length: number,
  compressed: number,
  maxExpansion: number,
  what: string,
): void {
  if (length > compressed * maxExpansion)
    throw new CodecError(
      `${what} states ${length} bytes of output, more than ${compressed} compressed bytes can hold (at most ${maxExpansion}× as many)`,
      0,
    );
  if (length > WHOLE_CEILING)
    throw new CodecError(
      `${what} states ${length} bytes of output, over this reader's ceiling of ${WHOLE_CEILING} bytes for a buffer decompressed whole`,
      0,
    );
}

/** The content size a ZSTD frame header states (Arrow's writer always states it). */
function frameContentSize(data: Uint8Array): number {
  if (
    data.length < 6 ||
    data[0] !== 0x28 ||
    data[1] !== 0xb5 ||
    data[2] !== 0x2f ||
    data[3] !== 0xfd
  )
    throw new CodecError('not a ZSTD frame (magic 28 b5 2f fd expected)', 0);
  const fhd = data[4]!;
  const singleSegment = (fhd >> 5) & 1;
  const sizeField = [singleSegment ? 1 : 0, 2, 4, 8][fhd >> 6]!;
  const dictField = [0, 1, 2, 4][fhd & 3]!;
  const at = 5 + (singleSegment ? 0 : 1) + dictField;
  if (sizeField === 0 || data.length < at + sizeField)
    throw new CodecError('ZSTD frame does not state its content size', 4);
  let size = 0;
  for (let i = sizeField - 1; i >= 0; i--) size = size * 256 + data[at + i]!;
  return sizeField === 2 ? size + 256 : size;
}

/** Compressed bytes a decoder still runs through to free its memory (see finish). */
const FINISH_LIMIT = 8 << 20;

/**
 * Drives zstddec's streaming generator, which pulls input from an iterable synchronously:
 * a chunk is always queued before the generator is resumed, and it pulls at most one per
 * resumption (it yields after every call into the decoder), so it never finds the queue
 * empty mid-stream. zstddec does not report decoder errors: it yields empty output without
 * consuming input. Each call into the decoder consumes all the input it can, so two empty
 * outputs from the same chunk mean it is stuck, which is taken for damaged data.
 */
class ZstdStream implements StreamDecoder {
  private readonly queue: Uint8Array[] = [];
  private readonly output: Generator<Uint8Array>;
  private leftover: Uint8Array = new Uint8Array(0);
  /** Empty outputs since the generator last took a chunk. */
  private stalls = 0;

  constructor(
    decoder: ZSTDDecoder,
    private readonly input: InputWindow,
  ) {
    const source: Iterable<Uint8Array> = {
      [Symbol.iterator]: () => ({
        next: (): IteratorResult<Uint8Array> => {
          const chunk = this.queue.shift();
          if (!chunk) return { value: undefined, done: true };
          this.stalls = 0;
          return { value: chunk, done: false };
        },
      }),
    };
    this.output = decoder.decodeStreaming(source);
  }

  async finish(): Promise<void> {
    // zstddec frees its decoder only when its generator runs to the end of the input. Past a
    // few megabytes (a consumer that stopped early) that costs more than the ≈1 MB it frees.
    if (this.input.total - this.input.position > FINISH_LIMIT) return;
    try {
      for (;;) {
        await this.feed();
        const next = this.output.next();
        if (next.done || this.stuck(next.value)) return;
      }
    } catch {
      // Damage past the bytes that were read does not matter to anyone.
    }
  }

  /** Queues the buffered input when the queue is empty and input remains. */
  private async feed(): Promise<void> {
    if (this.queue.length > 0 || !this.input.more) return;
    await this.input.ensure(1, 'ZSTD data');
    const { bytes, start, end } = this.input;
    // zstddec copies a chunk into its own memory when it takes it from the queue, which
    // happens before the queue runs dry again: the window may then reuse the bytes.
    this.queue.push(bytes.subarray(start, end));
    this.input.consume(end - start);
  }

  /** Whether this output shows the decoder stuck (see the class comment). */
  private stuck(output: Uint8Array): boolean {
    if (output.length > 0) return false;
    return ++this.stalls >= 2;
  }

  async read(dest: Uint8Array): Promise<void> {
    let pos = 0;
    while (pos < dest.length) {
      if (this.leftover.length > 0) {
        const n = Math.min(this.leftover.length, dest.length - pos);
        copyInto(dest, pos, this.leftover.subarray(0, n));
        this.leftover = this.leftover.subarray(n);
        pos += n;
        continue;
      }
      await this.feed();
      const at = this.input.position;
      let next: IteratorResult<Uint8Array>;
      try {
        next = this.output.next();
      } catch (e) {
        const message = (e as Error).message;
        throw new CodecError(
          /incomplete/i.test(message)
            ? `ZSTD data ends early: ${dest.length - pos} more bytes of output were expected`
            : `damaged ZSTD data (${message})`,
          at,
        );
      }
      if (next.done)
        throw new CodecError(
          `ZSTD data ends early: ${dest.length - pos} more bytes of output were expected`,
          at,
        );
      if (this.stuck(next.value))
        throw new CodecError('damaged ZSTD data: the decoder makes no progress', at);
      this.leftover = next.value;
    }
  }
}
