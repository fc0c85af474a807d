/**
 * Thrift compact protocol, decoded generically: a struct becomes a {@link TStruct} keyed by
 * field id, so the typed views in footer.ts name only the fields they use and skip the rest.
 * Parquet keeps its footer (FileMetaData) and every page header in this encoding.
 *
 * Every count and length is checked against the bytes that remain before anything is
 * allocated for it, and nesting is capped, so a lying header fails fast with the offset.
 */

/** A decoded value: integers as numbers (i64 beyond 2^53 is refused), binary as bytes. */
export type TValue = number | boolean | Uint8Array | TValue[] | TStruct;
/** A struct: field id → value. */
export type TStruct = { readonly [field: number]: TValue | undefined };

/** Damaged Thrift: what was wrong and the absolute byte offset where it was found. */
export class ThriftError extends Error {
  override readonly name = 'ThriftError';
  constructor(
    readonly detail: string,
    readonly byte: number,
    /** True when the bytes simply ran out: a larger window may parse. */
    readonly short = false,
  ) {
    super(`${detail} (byte ${byte})`);
  }
}

const MAX_DEPTH = 32;

/** Reads one struct from `bytes[start, end)`; `base` is the file offset of `bytes[0]`. */
export function readStruct(
  bytes: Uint8Array,
  start: number,
  end: number,
  base: number,
): { value: TStruct; end: number } {
  const r = new Reader(bytes, start, end, base);
  const value = r.struct(0);
  return { value, end: r.pos };
}

class Reader {
  constructor(
    private readonly b: Uint8Array,
    public pos: number,
    private readonly end: number,
    private readonly base: number,
  ) {}

  private fail(what: string, short = false): never {
    throw new ThriftError(what, this.base + this.pos, short);
  }

  private byte(): number {
    if (this.pos >= this.end) this.fail('Thrift data ends early', true);
    return this.b[this.pos++]!;
  }

  /** An unsigned varint, up to 64 bits, as a number; refuses values beyond 2^53. */
  private varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const byte = this.byte();
      result += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) {
        if (result > Number.MAX_SAFE_INTEGER) this.fail('Thrift integer beyond 2^53');
        return result;
      }
      scale *= 128;
    }
    return this.fail('Thrift varint longer than 10 bytes');
  }

  private zigzag(): number {
    const v = this.varint();
    // (v >>> 1) ^ -(v & 1), for numbers beyond 32 bits.
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  }

  struct(depth: number): TStruct {
    if (depth > MAX_DEPTH) this.fail(`Thrift structs nested deeper than ${MAX_DEPTH}`);
    const out: Record<number, TValue> = {};
    let last = 0;
    for (;;) {
      const header = this.byte();
      const type = header & 0x0f;
      if (type === 0) return out;
      const delta = header >>> 4;
      const id = delta === 0 ? this.zigzag() : last + delta;
      last = id;
      out[id] = type === 1 ? true : type === 2 ? false : this.value(type, depth);
    }
  }

  private value(type: number, depth: number): TValue {
    switch (type) {
      case 1:
      case 2:
        return this.byte() === 1;
      case 3: {
        const v = this.byte();
        return v > 127 ? v - 256 : v;
      }
      case 4:
      case 5:
      case 6:
        return this.zigzag();
      case 7: {
        if (this.pos + 8 > this.end) this.fail('Thrift data ends early', true);
        const v = new DataView(this.b.buffer, this.b.byteOffset + this.pos, 8).getFloat64(0, true);
        this.pos += 8;
        return v;
      }
      case 8: {
        const length = this.varint();
        if (length > this.end - this.pos) this.fail('Thrift data ends early', true);
        const v = this.b.subarray(this.pos, this.pos + length);
        this.pos += length;
        return v;
      }
      case 9:
      case 10: {
        const header = this.byte();
        const size = header >>> 4 === 15 ? this.varint() : header >>> 4;
        const elem = header & 0x0f;
        // Every element takes at least one byte: a larger count is a lie.
        if (size > this.end - this.pos) this.fail(`Thrift list of ${size} elements`, true);
        const list: TValue[] = new Array<TValue>(size);
        for (let i = 0; i < size; i++) list[i] = this.value(elem, depth + 1);
        return list;
      }
      case 11: {
        const size = this.varint();
        if (size === 0) return [];
        const kinds = this.byte();
        if (2 * size > this.end - this.pos) this.fail(`Thrift map of ${size} entries`, true);
        const list: TValue[] = [];
        for (let i = 0; i < size; i++) {
          list.push(this.value(kinds >>> 4, depth + 1), this.value(kinds & 0x0f, depth + 1));
        }
        return list;
      }
      case 12:
        return this.struct(depth + 1);
      default:
        return this.fail(`unknown Thrift type ${type}`);
    }
  }
}

/** Field `id` of `s` as a number, or `fallback` when absent; throws when of another type. */
export function num(s: TStruct, id: number, fallback?: number): number {
  const v = s[id];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'number') throw new TypeError(`field ${id}: expected an integer`);
  return v;
}

/** Field `id` of `s` as a number, or undefined. */
export function optNum(s: TStruct, id: number): number | undefined {
  const v = s[id];
  return typeof v === 'number' ? v : undefined;
}

/** Field `id` of `s` as a struct, or undefined. */
export function optStruct(s: TStruct, id: number): TStruct | undefined {
  const v = s[id];
  return v !== undefined && typeof v === 'object' && !(v instanceof Uint8Array) && !Array.isArray(v)
    ? v
    : undefined;
}

/** Field `id` of `s` as a list, or an empty list. */
export function list(s: TStruct, id: number): readonly TValue[] {
  const v = s[id];
  return Array.isArray(v) ? v : [];
}

/** Field `id` of `s` as UTF-8 text, or undefined. */
export function text(s: TStruct, id: number): string | undefined {
  const v = s[id];
  return v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : undefined;
}
