/**
 * The pages of one column chunk, read through the byte source in large windows and decoded
 * one at a time: memory holds one window and one decompressed page per column, never the
 * whole chunk, however large the row group.
 */
import { ConfigError } from '../../config/errors.js';
import type { ByteSource } from '../../sources/types.js';
import { CodecError } from '../arrow/codec-util.js';
import { alignedBytes } from '../buffers.js';
import { VectorFileError } from '../types.js';
import { checkPageSize, type Decompress } from './codecs.js';
import {
  byteStreamSplit,
  type ByteArrays,
  decodeHybrid,
  deltaBinaryPacked,
  deltaByteArrays,
  deltaLengthByteArrays,
  EncodingError,
  hybridAll,
  hybridZeros,
  plainByteArrays,
} from './encodings.js';
import { type ChunkMeta, Physical, type SchemaNode } from './meta.js';
import { num, optStruct, readStruct, ThriftError, type TStruct } from './thrift.js';
import { WindowReader } from './window.js';

/** One decoded data page. */
export interface DecodedPage {
  /** Value slots (nulls and empty lists included). */
  readonly count: number;
  /** For repeated columns: the slots whose repetition level is 0, where records start. */
  readonly rowStarts?: Int32Array;
  /** Definition levels; undefined when every slot is defined to the leaf (no nulls). */
  readonly defs?: Uint8Array;
  /** The defined values: fixed-width bytes, or byte arrays. */
  readonly values: Uint8Array | ByteArrays;
  /** File offset of the page header, for messages. */
  readonly byte: number;
}

/** Bytes per value of a fixed-width physical type (undefined for BYTE_ARRAY and BOOLEAN). */
export function physicalWidth(node: SchemaNode): number | undefined {
  switch (node.physical) {
    case Physical.INT32:
    case Physical.FLOAT:
      return 4;
    case Physical.INT64:
    case Physical.DOUBLE:
      return 8;
    case Physical.INT96:
      return 12;
    case Physical.FIXED_LEN_BYTE_ARRAY:
      return node.typeLength;
    default:
      return undefined;
  }
}

const bitWidth = (max: number): number => (max === 0 ? 0 : 32 - Math.clz32(max));

/** Reads the pages of `chunk`, a column chunk of leaf `leaf`, in order. */
export class ChunkPages {
  private readonly reader: WindowReader;
  /** Decompressed pages (snappy, lz4_raw) are written here, reused from page to page. */
  private scratch: Uint8Array = new Uint8Array(0);
  private pos: number;
  private readonly end: number;
  private dictionary: Uint8Array | ByteArrays | undefined;
  private valuesSeen = 0;
  private readonly width: number | undefined;

  constructor(
    private readonly source: ByteSource,
    private readonly chunk: ChunkMeta,
    private readonly leaf: SchemaNode,
    private readonly decompress: Decompress,
    private readonly column: string,
  ) {
    this.pos = chunk.start;
    this.end = chunk.start + chunk.length;
    this.reader = new WindowReader(source, this.end, `the page data of column "${column}"`);
    this.width = physicalWidth(leaf);
  }

  private error(detail: string, byte: number): VectorFileError {
    return new VectorFileError(this.source.display, `column "${this.column}": ${detail}`, { byte });
  }

  /** The next data page, or undefined at the end of the chunk. */
  async next(): Promise<DecodedPage | undefined> {
    const at = this.pos;
    try {
      return await this.nextPage();
    } catch (e) {
      if (e instanceof VectorFileError || e instanceof ConfigError) throw e;
      // A header field of the wrong type, a typed array that cannot be made: damage all the same.
      throw this.error(`damaged page at or after byte ${at}: ${(e as Error).message}`, at);
    }
  }

  private async nextPage(): Promise<DecodedPage | undefined> {
    while (this.pos < this.end && this.valuesSeen < this.chunk.numValues) {
      const at = this.pos;
      const header = await this.header(at);
      const type = num(header.value, 1);
      const uncompressed = num(header.value, 2);
      const compressed = num(header.value, 3);
      const bodyStart = at + header.length;
      if (compressed < 0 || uncompressed < 0 || bodyStart + compressed > this.end)
        throw this.error(
          `page at byte ${at} states ${compressed} bytes, past the end of its column chunk (byte ${this.end})`,
          at,
        );
      this.pos = bodyStart + compressed;
      if (type === 2) {
        await this.readDictionary(header.value, bodyStart, compressed, uncompressed);
        continue;
      }
      if (type !== 0 && type !== 3) continue; // index pages and unknown kinds carry no values
      const page = await this.readData(type, header.value, at, bodyStart, compressed, uncompressed);
      this.valuesSeen += page.count;
      return page;
    }
    if (this.valuesSeen < this.chunk.numValues)
      throw this.error(
        `the column chunk ends after ${this.valuesSeen} of its ${this.chunk.numValues} values`,
        this.end,
      );
    return undefined;
  }

  private async header(at: number): Promise<{ value: TStruct; length: number }> {
    let length = Math.min(256, this.end - at);
    for (;;) {
      const i = await this.reader.bytes(at, length);
      try {
        const { value, end } = readStruct(this.reader.window, i, i + length, at - i);
        return { value, length: end - i };
      } catch (e) {
        if (!(e instanceof ThriftError)) throw e;
        if (e.short && length < this.end - at) {
          length = Math.min(length * 4, this.end - at);
          continue;
        }
        throw this.error(`damaged page header at byte ${at}: ${e.detail}`, e.byte);
      }
    }
  }

  /**
   * The page body at `bodyStart`, decompressed. Unless `keep` (a dictionary, kept for the
   * chunk's later pages), it may live in this reader's reused buffer: valid until the next page.
   */
  private async body(
    bodyStart: number,
    compressed: number,
    uncompressed: number,
    codec: number,
    keep = false,
  ): Promise<Uint8Array> {
    const why = checkPageSize(codec, compressed, uncompressed);
    if (why) throw this.error(why, bodyStart);
    const i = await this.reader.bytes(bodyStart, compressed);
    const src = this.reader.window.subarray(i, i + compressed);
    if (codec === 0) {
      if (compressed !== uncompressed)
        throw this.error(
          `uncompressed page states ${uncompressed} bytes but holds ${compressed}`,
          bodyStart,
        );
      return src.slice();
    }
    try {
      if (!keep && this.scratch.length < uncompressed)
        this.scratch = alignedBytes(Math.ceil(uncompressed * 1.25), false);
      const out = this.decompress(src, uncompressed, keep ? undefined : this.scratch);
      return out === src ? src.slice() : out;
    } catch (e) {
      if (e instanceof CodecError) throw this.error(e.message, bodyStart + Math.max(0, e.at));
      throw e;
    }
  }

  private async readDictionary(
    header: TStruct,
    bodyStart: number,
    compressed: number,
    uncompressed: number,
  ): Promise<void> {
    const dph = optStruct(header, 7);
    if (!dph) throw this.error('dictionary page without its header', bodyStart);
    const count = num(dph, 1);
    const data = await this.body(bodyStart, compressed, uncompressed, this.chunk.codec, true);
    try {
      this.dictionary = this.plain(data, 0, data.length, count);
    } catch (e) {
      if (e instanceof EncodingError)
        throw this.error(`damaged dictionary page: ${e.message}`, bodyStart);
      throw e;
    }
  }

  private plain(
    data: Uint8Array,
    start: number,
    end: number,
    count: number,
  ): Uint8Array | ByteArrays {
    const width = this.width;
    if (width === undefined) {
      if (this.leaf.physical === Physical.BYTE_ARRAY)
        return plainByteArrays(data, start, end, count);
      if (this.leaf.physical === Physical.BOOLEAN) {
        if (start + Math.ceil(count / 8) > end)
          throw new EncodingError('BOOLEAN values run past the page', start);
        const out = new Uint8Array(count);
        for (let i = 0; i < count; i++) out[i] = (data[start + (i >> 3)]! >> (i & 7)) & 1;
        return out;
      }
      throw new EncodingError(`physical type ${this.leaf.physical} is not read`, start);
    }
    if (start + count * width > end)
      throw new EncodingError(
        `${count} values of ${width} bytes need ${count * width} bytes, the page holds ${end - start}`,
        start,
      );
    return data.subarray(start, start + count * width);
  }

  private async readData(
    type: number,
    header: TStruct,
    at: number,
    bodyStart: number,
    compressed: number,
    uncompressed: number,
  ): Promise<DecodedPage> {
    const { leaf } = this;
    const v2 = type === 3;
    const dh = optStruct(header, v2 ? 8 : 5);
    if (!dh) throw this.error(`data page at byte ${at} without its header`, at);
    const count = num(dh, 1);
    const encoding = num(dh, v2 ? 4 : 2);
    if (count < 0 || count > this.chunk.numValues - this.valuesSeen)
      throw this.error(
        `page at byte ${at} states ${count} values; its column chunk has ${this.chunk.numValues - this.valuesSeen} left`,
        at,
      );
    // Levels and indices take at least a bit per value bar long runs: a count far beyond the
    // page's size is a lie, refused before anything is allocated per value.
    const mostValues = 8 * Math.max(uncompressed, compressed) + (1 << 16);
    if (count > mostValues)
      throw this.error(
        `page at byte ${at} states ${count} values in ${uncompressed} bytes; expected at most ${mostValues}`,
        at,
      );
    let data: Uint8Array;
    let repStart = 0;
    let repEnd = 0;
    let defStart = 0;
    let defEnd = 0;
    let valuesStart: number;
    if (v2) {
      const repLength = num(dh, 6, 0);
      const defLength = num(dh, 5, 0);
      if (
        repLength < 0 ||
        defLength < 0 ||
        repLength + defLength > compressed ||
        repLength + defLength > uncompressed
      )
        throw this.error(`page at byte ${at} states level lengths past the page`, at);
      const levels = repLength + defLength;
      const isCompressed = dh[7] !== false;
      const i = await this.reader.bytes(bodyStart, compressed);
      const levelBytes = this.reader.window.slice(i, i + levels);
      const values = isCompressed
        ? await this.body(
            bodyStart + levels,
            compressed - levels,
            uncompressed - levels,
            this.chunk.codec,
          )
        : await this.body(bodyStart + levels, compressed - levels, uncompressed - levels, 0);
      data = new Uint8Array(levels + values.length);
      data.set(levelBytes);
      data.set(values, levels);
      repEnd = repLength;
      defStart = repLength;
      defEnd = levels;
      valuesStart = levels;
    } else {
      data = await this.body(bodyStart, compressed, uncompressed, this.chunk.codec);
      let p = 0;
      const lengthAt = (what: string): number => {
        if (p + 4 > data.length)
          throw this.error(`page at byte ${at} ends inside its ${what}`, bodyStart);
        const n = new DataView(data.buffer, data.byteOffset + p, 4).getUint32(0, true);
        if (p + 4 + n > data.length)
          throw this.error(
            `page at byte ${at}: ${what} of ${n} bytes run past the page`,
            bodyStart,
          );
        return n;
      };
      if (leaf.maxRep > 0) {
        const n = lengthAt('repetition levels');
        repStart = p + 4;
        repEnd = repStart + n;
        p = repEnd;
      }
      if (leaf.maxDef > 0) {
        const n = lengthAt('definition levels');
        defStart = p + 4;
        defEnd = defStart + n;
        p = defEnd;
      }
      valuesStart = p;
    }
    try {
      let rowStarts: Int32Array | undefined;
      if (leaf.maxRep > 0)
        rowStarts = hybridZeros(data, repStart, repEnd, bitWidth(leaf.maxRep), count);
      let defs: Uint8Array | undefined;
      let defined = count;
      if (leaf.maxDef > 0) {
        const w = bitWidth(leaf.maxDef);
        if (!hybridAll(data, defStart, defEnd, w, count, leaf.maxDef)) {
          defs = new Uint8Array(count);
          decodeHybrid(data, defStart, defEnd, w, count, defs);
          defined = 0;
          for (let i = 0; i < count; i++) if (defs[i] === leaf.maxDef) defined++;
        }
      }
      const values = this.values(encoding, data, valuesStart, defined);
      return { count, ...(rowStarts && { rowStarts }), ...(defs && { defs }), values, byte: at };
    } catch (e) {
      if (e instanceof EncodingError)
        throw this.error(`damaged data page at byte ${at}: ${e.message}`, bodyStart);
      throw e;
    }
  }

  private values(
    encoding: number,
    data: Uint8Array,
    start: number,
    count: number,
  ): Uint8Array | ByteArrays {
    const end = data.length;
    const width = this.width;
    switch (encoding) {
      case 0:
        return this.plain(data, start, end, count);
      case 2:
      case 8: {
        const dict = this.dictionary;
        if (!dict)
          throw new EncodingError('dictionary-encoded page without a dictionary page', start);
        if (start >= end && count > 0)
          throw new EncodingError('ends before the dictionary indices', start);
        if (count > 0 && data[start]! > 32)
          throw new EncodingError(`dictionary indices of ${data[start]} bits`, start);
        const indices = new Int32Array(count);
        if (count > 0) decodeHybrid(data, start + 1, end, data[start]!, count, indices);
        return gather(dict, indices, width);
      }
      case 5: {
        const ints = deltaBinaryPacked(data, start, end, count).values;
        if (width === 8) return new Uint8Array(ints.buffer);
        const out = new Int32Array(count);
        for (let i = 0; i < count; i++) out[i] = Number(BigInt.asIntN(32, ints[i]!));
        return new Uint8Array(out.buffer);
      }
      case 6:
        return deltaLengthByteArrays(data, start, end, count).arrays;
      case 7:
        return deltaByteArrays(data, start, end, count);
      case 9:
        if (width === undefined)
          throw new EncodingError('BYTE_STREAM_SPLIT on a variable-width column', start);
        return byteStreamSplit(data, start, end, width, count);
      default:
        throw new EncodingError(`encoding ${encoding} is not supported`, start);
    }
  }
}

function gather(
  dict: Uint8Array | ByteArrays,
  indices: Int32Array,
  width: number | undefined,
): Uint8Array | ByteArrays {
  if (dict instanceof Uint8Array) {
    const w = width!;
    const size = dict.length / w;
    const out = new Uint8Array(indices.length * w);
    if (w === 4 && dict.byteOffset % 4 === 0) {
      const src = new Uint32Array(dict.buffer, dict.byteOffset, size);
      const dst = new Uint32Array(out.buffer);
      for (let i = 0; i < indices.length; i++) {
        const k = indices[i]!;
        if (k < 0 || k >= size) throw new EncodingError(`dictionary index ${k} of ${size}`, 0);
        dst[i] = src[k]!;
      }
      return out;
    }
    for (let i = 0; i < indices.length; i++) {
      const k = indices[i]!;
      if (k < 0 || k >= size) throw new EncodingError(`dictionary index ${k} of ${size}`, 0);
      out.set(dict.subarray(k * w, k * w + w), i * w);
    }
    return out;
  }
  const size = dict.offsets.length - 1;
  const offsets = new Int32Array(indices.length + 1);
  let total = 0;
  for (let i = 0; i < indices.length; i++) {
    const k = indices[i]!;
    if (k < 0 || k >= size) throw new EncodingError(`dictionary index ${k} of ${size}`, 0);
    total += dict.offsets[k + 1]! - dict.offsets[k]!;
    offsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < indices.length; i++) {
    const k = indices[i]!;
    data.set(dict.data.subarray(dict.offsets[k]!, dict.offsets[k + 1]!), offsets[i]!);
  }
  return { offsets, data };
}
