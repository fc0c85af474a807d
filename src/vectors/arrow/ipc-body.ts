/**
 * Reads the selected buffers of record batch bodies for the direct Arrow reader.
 *
 * Uncompressed batches are read with positioned reads. In a compressed batch (LZ4_FRAME or
 * ZSTD) every buffer starts with its uncompressed length as an int64, −1 meaning the bytes
 * follow as they are. Small buffers (validity bitmaps, offsets, ids) are then decompressed
 * whole, once per batch; the vector values go through one streaming decoder that hands out
 * slice after slice, so memory stays bounded by the slice however large the batch.
 */
import { ConfigError } from '../../config/errors.js';
import type { ByteSource } from '../../sources/types.js';
import type * as arrow from 'apache-arrow';
import { CodecError, InputWindow } from './codec-util.js';
import { type BodyCodec, type StreamDecoder, WHOLE_CEILING } from './codecs.js';
import type { IpcBufferRegion } from './ipc-meta.js';
import { type BatchPlan, readRegion } from './ipc-plan.js';
import { readExactly } from '../buffers.js';
import { VectorFileError } from '../types.js';

/** Buffers up to this size are read whole, once per batch (see {@link BodyReader.slice}). */
const WHOLE = 16 << 20;

interface Stored {
  /** Bytes once decompressed. */
  readonly length: number;
  /** False when the writer stored the buffer as is (length prefix −1). */
  readonly compressed: boolean;
}

interface Stream {
  readonly key: string;
  readonly decoder: StreamDecoder;
  position: number;
}

/** Buffer access for one opened source; `codecs` holds a codec for every compression in it. */
export class BodyReader {
  private readonly stored = new Map<string, Promise<Stored>>();
  private readonly wholes = new Map<string, Promise<Uint8Array>>();
  private stream: Stream | undefined;
  private readonly window = new InputWindow(() => Promise.resolve(0), 0);
  private queue: Promise<unknown> = Promise.resolve();
  private discard: Uint8Array | undefined;

  private readonly path: string;

  constructor(
    private readonly source: ByteSource,
    private readonly codecs: ReadonlyMap<arrow.CompressionType, BodyCodec>,
  ) {
    this.path = source.display;
  }

  /** Bytes in the buffer (after decompression). */
  async length(plan: BatchPlan, region: IpcBufferRegion, what: string): Promise<number> {
    if (plan.batch.compression === undefined) return region.length;
    return (await this.storedAs(plan, region, what)).length;
  }

  /**
   * `length` bytes from `offset` of the buffer's contents. Buffers up to {@link WHOLE} bytes
   * are read (and decompressed) whole on first use and kept for the batch: a batch's slices
   * then cost one read each for their values, not three (offsets and bytes of the ids).
   */
  async slice(
    plan: BatchPlan,
    region: IpcBufferRegion,
    offset: number,
    length: number,
    what: string,
  ): Promise<Uint8Array> {
    if (plan.batch.compression === undefined) {
      if (region.length > WHOLE) return readRegion(this.source, plan, region, offset, length, what);
      this.check(plan, region, region.length, offset, length, what);
      return (await this.whole(plan, region, what)).subarray(offset, offset + length);
    }
    const stored = await this.storedAs(plan, region, what);
    this.check(plan, region, stored.length, offset, length, what);
    if (!stored.compressed) return readRegion(this.source, plan, region, 8 + offset, length, what);
    return (await this.whole(plan, region, what, stored.length)).subarray(offset, offset + length);
  }

  /** The buffer's contents, read once per batch (`length`: decompressed, when compressed). */
  private whole(
    plan: BatchPlan,
    region: IpcBufferRegion,
    what: string,
    length?: number,
  ): Promise<Uint8Array> {
    const key = keyOf(plan, region);
    let whole = this.wholes.get(key);
    if (!whole) {
      whole =
        length === undefined
          ? readRegion(this.source, plan, region, 0, region.length, what)
          : this.decompressWhole(plan, region, length, what);
      this.wholes.set(key, whole);
    }
    return whole;
  }

  /**
   * Fills `target` with the buffer's contents from `offset`, which may still be in the
   * making. Within a compressed batch, calls are served in the order they are made, and
   * offsets should only grow from call to call (a smaller one restarts the decoder).
   */
  fill(
    plan: BatchPlan,
    region: IpcBufferRegion,
    offset: Promise<number>,
    target: Uint8Array,
    what: string,
  ): Promise<void> {
    if (plan.batch.compression === undefined) {
      return offset.then((at) => {
        this.check(plan, region, region.length, at, target.length, what);
        const position = plan.batch.bodyStart + region.offset + at;
        return readExactly(this.source, target, 0, target.length, position, what);
      });
    }
    const run = this.queue.then(async () => {
      const at = await offset;
      const stored = await this.storedAs(plan, region, what);
      this.check(plan, region, stored.length, at, target.length, what);
      if (!stored.compressed) {
        const position = plan.batch.bodyStart + region.offset + 8 + at;
        return readExactly(this.source, target, 0, target.length, position, what);
      }
      const key = keyOf(plan, region);
      if (!this.stream || this.stream.key !== key || this.stream.position > at) {
        await this.stream?.decoder.finish();
        this.stream = await this.openStream(plan, region, key);
      }
      const stream = this.stream;
      try {
        while (stream.position < at) {
          this.discard ??= new Uint8Array(1 << 20);
          const n = Math.min(this.discard.length, at - stream.position);
          await stream.decoder.read(this.discard.subarray(0, n));
          stream.position += n;
        }
        await stream.decoder.read(target);
        stream.position += target.length;
      } catch (e) {
        this.stream = undefined;
        throw this.codecError(e, plan, region, what);
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Lets the last stream's decoder free what it holds (zstddec's, in WebAssembly memory). */
  async close(): Promise<void> {
    await this.queue;
    const stream = this.stream;
    this.stream = undefined;
    await stream?.decoder.finish();
    this.stored.clear();
    this.wholes.clear();
  }

  /** Drops what was kept for record batches before `index`. */
  forget(index: number): void {
    for (const map of [this.stored, this.wholes] as const)
      for (const key of map.keys()) if (Number(key.split(':')[0]) < index) map.delete(key);
  }

  private storedAs(plan: BatchPlan, region: IpcBufferRegion, what: string): Promise<Stored> {
    const key = keyOf(plan, region);
    let stored = this.stored.get(key);
    if (!stored) {
      stored = this.readPrefix(plan, region, what);
      this.stored.set(key, stored);
    }
    return stored;
  }

  private async readPrefix(
    plan: BatchPlan,
    region: IpcBufferRegion,
    what: string,
  ): Promise<Stored> {
    if (region.length === 0) return { length: 0, compressed: false };
    const prefix = await readRegion(
      this.source,
      plan,
      region,
      0,
      8,
      `the uncompressed length of ${what}`,
    );
    const dv = new DataView(prefix.buffer, prefix.byteOffset, 8);
    const low = dv.getUint32(0, true);
    const high = dv.getInt32(4, true);
    if (high === -1 && low === 0xffffffff) return { length: region.length - 8, compressed: false };
    const length = high * 2 ** 32 + low;
    const codec = this.codec(plan);
    // The stated length sizes what is allocated for the buffer: it must be one the
    // compressed bytes can decode to (a 4 GB claim in a 1 KB buffer is refused here).
    if (high < 0 || high >= 0x200000 || length > (region.length - 8) * codec.maxExpansion)
      throw this.damaged(
        plan,
        region,
        `${what} states an uncompressed length of ${dv.getBigInt64(0, true)}, more than its ` +
          `${region.length - 8} compressed bytes can hold (${codec.name} expands at most ${codec.maxExpansion}×)`,
      );
    return { length, compressed: true };
  }

  private async decompressWhole(
    plan: BatchPlan,
    region: IpcBufferRegion,
    length: number,
    what: string,
  ): Promise<Uint8Array> {
    if (length > WHOLE_CEILING)
      throw this.damaged(
        plan,
        region,
        `${what} states an uncompressed length of ${length}, over this reader's ceiling of ${WHOLE_CEILING} bytes for a buffer decompressed whole`,
      );
    const src = await readRegion(this.source, plan, region, 8, region.length - 8, what);
    try {
      return this.codec(plan).decompress(src, length);
    } catch (e) {
      throw this.codecError(e, plan, region, what);
    }
  }

  private async openStream(plan: BatchPlan, region: IpcBufferRegion, key: string): Promise<Stream> {
    let position = plan.batch.bodyStart + region.offset + 8;
    await this.window.reset(async (target, offset, length) => {
      const bytesRead = await this.source.read(target, offset, length, position);
      position += bytesRead;
      return bytesRead;
    }, region.length - 8);
    return { key, decoder: this.codec(plan).stream(this.window), position: 0 };
  }

  private codec(plan: BatchPlan): BodyCodec {
    const codec = this.codecs.get(plan.batch.compression!);
    if (!codec) throw new Error(`no codec prepared for compression ${plan.batch.compression}`);
    return codec;
  }

  /** The error readRegion gives for an out-of-range read, against the decompressed length. */
  private check(
    plan: BatchPlan,
    region: IpcBufferRegion,
    length: number,
    offset: number,
    count: number,
    what: string,
  ): void {
    if (offset < 0 || offset + count > length)
      throw this.damaged(
        plan,
        region,
        `${what} needs bytes ${offset}–${offset + count} of a ${length}-byte buffer`,
      );
  }

  private codecError(e: unknown, plan: BatchPlan, region: IpcBufferRegion, what: string): Error {
    // A remote object that cannot be read is the URL's error (exit 2), not damage.
    if (e instanceof VectorFileError || e instanceof ConfigError) return e as Error;
    // zstddec's WebAssembly can fail with its own errors (a RuntimeError, a RangeError):
    // damage all the same, placed at the buffer's start.
    const at = e instanceof CodecError ? e.at : 0;
    return new VectorFileError(
      this.path,
      `damaged Arrow IPC data: record batch ${plan.batch.index}: ${what} (${this.codec(plan).name}): ${(e as Error).message}`,
      { byte: plan.batch.bodyStart + region.offset + 8 + at },
    );
  }

  private damaged(plan: BatchPlan, region: IpcBufferRegion, detail: string): VectorFileError {
    return new VectorFileError(
      this.path,
      `damaged Arrow IPC data: record batch ${plan.batch.index}: ${detail}`,
      { byte: plan.batch.bodyStart + region.offset },
    );
  }
}

/** Two buffers of a damaged batch may share an offset: the length tells them apart. */
function keyOf(plan: BatchPlan, region: IpcBufferRegion): string {
  return `${plan.batch.index}:${region.offset}:${region.length}`;
}
