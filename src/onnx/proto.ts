/**
 * A minimal protobuf encoder for the subset of onnx.proto that models built in code need:
 * ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto.
 *
 * Hand-written to avoid a protobuf dependency for a few hundred bytes of structure.
 * onnx.proto is proto2, so repeated scalars are written unpacked (the canonical proto2 form);
 * tensor payloads always go into `raw_data` (little-endian), as ONNX recommends.
 * Field numbers follow onnx/onnx.proto (IR version 10); the writer is verified against
 * `onnx.checker` by test/fixtures/onnx/check_models.py.
 */

/** TensorProto.DataType values. */
export const TensorDataType = {
  float32: 1,
  uint8: 2,
  int8: 3,
  uint16: 4,
  int16: 5,
  int32: 6,
  int64: 7,
  string: 8,
  bool: 9,
  float16: 10,
  float64: 11,
  uint32: 12,
  uint64: 13,
} as const;

/** An element type name, as onnxruntime-common spells tensor types. */
export type ElemType = keyof typeof TensorDataType;

/** AttributeProto.AttributeType values. */
export const AttributeType = {
  float: 1,
  int: 2,
  string: 3,
  tensor: 4,
  graph: 5,
  floats: 6,
  ints: 7,
  strings: 8,
} as const;

/** One dimension of a tensor shape: a size, a symbolic name, or unknown (`null`). */
export type Dim = number | string | null;

/** A tensor: an initializer, or the value of a TENSOR attribute. */
export interface TensorProto {
  readonly name?: string;
  readonly dims: readonly number[];
  readonly dataType: ElemType;
  /** Little-endian element bytes (ignored for `string` tensors). */
  readonly rawData?: Uint8Array;
  /** UTF-8 strings, for `string` tensors only. */
  readonly stringData?: readonly string[];
}

/** A node attribute, tagged by its AttributeProto type. */
export type AttributeProto =
  | { readonly name: string; readonly type: 'float'; readonly value: number }
  | { readonly name: string; readonly type: 'int'; readonly value: number | bigint }
  | { readonly name: string; readonly type: 'string'; readonly value: string }
  | { readonly name: string; readonly type: 'tensor'; readonly value: TensorProto }
  | { readonly name: string; readonly type: 'graph'; readonly value: GraphProto }
  | { readonly name: string; readonly type: 'floats'; readonly value: readonly number[] }
  | { readonly name: string; readonly type: 'ints'; readonly value: readonly (number | bigint)[] }
  | { readonly name: string; readonly type: 'strings'; readonly value: readonly string[] };

/** One operator application. */
export interface NodeProto {
  readonly opType: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly name?: string;
  readonly domain?: string;
  readonly attributes?: readonly AttributeProto[];
  readonly docString?: string;
}

/** A typed, shaped value: a graph input or output. */
export interface ValueInfoProto {
  readonly name: string;
  readonly elemType: ElemType;
  /** Absent: the rank is unknown too. */
  readonly shape?: readonly Dim[];
  readonly docString?: string;
}

/** A graph: nodes in topological order, constants, inputs and outputs. */
export interface GraphProto {
  readonly name: string;
  readonly nodes: readonly NodeProto[];
  readonly initializers: readonly TensorProto[];
  readonly inputs: readonly ValueInfoProto[];
  readonly outputs: readonly ValueInfoProto[];
  readonly valueInfo?: readonly ValueInfoProto[];
  readonly docString?: string;
}

/** An imported operator set (domain and version). */
export interface OperatorSetId {
  /** '' (or absent) is the default ONNX domain. */
  readonly domain?: string;
  readonly version: number;
}

/** The top-level message of an `.onnx` file. */
export interface ModelProto {
  readonly irVersion: number;
  readonly opsetImports: readonly OperatorSetId[];
  readonly graph: GraphProto;
  readonly producerName?: string;
  readonly producerVersion?: string;
  readonly domain?: string;
  readonly modelVersion?: number;
  readonly docString?: string;
  readonly metadataProps?: Readonly<Record<string, string>>;
}

const WIRE_VARINT = 0;
const WIRE_LEN = 2;
const WIRE_FIXED32 = 5;
const TEXT = new TextEncoder();

/** An append-only protobuf byte writer. */
export class ProtoWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** Writes a varint; negative values are written as 64-bit two's complement (10 bytes). */
  varint(value: number | bigint): this {
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value))
        throw new RangeError(`varint: ${value} is not a safe integer`);
      if (value >= 0 && value < 0x80000000) {
        this.reserve(5);
        let v = value;
        while (v >= 0x80) {
          this.buf[this.len++] = (v & 0x7f) | 0x80;
          v >>>= 7;
        }
        this.buf[this.len++] = v;
        return this;
      }
      value = BigInt(value);
    }
    let v = BigInt.asUintN(64, value);
    this.reserve(10);
    while (v >= 0x80n) {
      this.buf[this.len++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.len++] = Number(v);
    return this;
  }

  private tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }

  /** int32, int64, uint64 and enum fields all use the varint encoding. */
  intField(field: number, value: number | bigint): this {
    this.tag(field, WIRE_VARINT);
    return this.varint(value);
  }

  floatField(field: number, value: number): this {
    this.tag(field, WIRE_FIXED32);
    this.reserve(4);
    new DataView(this.buf.buffer, this.buf.byteOffset).setFloat32(this.len, value, true);
    this.len += 4;
    return this;
  }

  bytesField(field: number, bytes: Uint8Array): this {
    this.tag(field, WIRE_LEN);
    this.varint(bytes.length);
    this.reserve(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
    return this;
  }

  stringField(field: number, value: string): this {
    return this.bytesField(field, TEXT.encode(value));
  }

  /** Writes the string only when it is non-empty (proto2 optional left unset). */
  optionalString(field: number, value: string | undefined): this {
    return value ? this.stringField(field, value) : this;
  }

  /** The bytes written so far (a view, valid until the next write). */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

function encodeTensor(t: TensorProto): Uint8Array {
  const w = new ProtoWriter();
  for (const d of t.dims) w.intField(1, d);
  w.intField(2, TensorDataType[t.dataType]);
  if (t.dataType === 'string') for (const s of t.stringData ?? []) w.stringField(6, s);
  w.optionalString(8, t.name);
  if (t.dataType !== 'string') w.bytesField(9, t.rawData ?? new Uint8Array(0));
  return w.finish();
}

function encodeAttribute(a: AttributeProto): Uint8Array {
  const w = new ProtoWriter();
  w.stringField(1, a.name);
  switch (a.type) {
    case 'float':
      w.floatField(2, a.value);
      break;
    case 'int':
      w.intField(3, a.value);
      break;
    case 'string':
      w.stringField(4, a.value);
      break;
    case 'tensor':
      w.bytesField(5, encodeTensor(a.value));
      break;
    case 'graph':
      w.bytesField(6, encodeGraph(a.value));
      break;
    case 'floats':
      for (const f of a.value) w.floatField(7, f);
      break;
    case 'ints':
      for (const i of a.value) w.intField(8, i);
      break;
    case 'strings':
      for (const s of a.value) w.stringField(9, s);
      break;
  }
  w.intField(20, AttributeType[a.type]);
  return w.finish();
}

function encodeNode(n: NodeProto): Uint8Array {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.stringField(1, i);
  for (const o of n.outputs) w.stringField(2, o);
  w.optionalString(3, n.name);
  w.stringField(4, n.opType);
  for (const a of n.attributes ?? []) w.bytesField(5, encodeAttribute(a));
  w.optionalString(6, n.docString);
  w.optionalString(7, n.domain);
  return w.finish();
}

function encodeValueInfo(v: ValueInfoProto): Uint8Array {
  const tensorType = new ProtoWriter().intField(1, TensorDataType[v.elemType]);
  if (v.shape) {
    const shape = new ProtoWriter();
    for (const d of v.shape) {
      const dim = new ProtoWriter();
      if (typeof d === 'number') dim.intField(1, d);
      else if (typeof d === 'string') dim.stringField(2, d);
      shape.bytesField(1, dim.finish());
    }
    tensorType.bytesField(2, shape.finish());
  }
  const type = new ProtoWriter().bytesField(1, tensorType.finish());
  const w = new ProtoWriter();
  w.stringField(1, v.name);
  w.bytesField(2, type.finish());
  w.optionalString(3, v.docString);
  return w.finish();
}

function encodeGraph(g: GraphProto): Uint8Array {
  const w = new ProtoWriter();
  for (const n of g.nodes) w.bytesField(1, encodeNode(n));
  w.stringField(2, g.name);
  for (const t of g.initializers) w.bytesField(5, encodeTensor(t));
  w.optionalString(10, g.docString);
  for (const v of g.inputs) w.bytesField(11, encodeValueInfo(v));
  for (const v of g.outputs) w.bytesField(12, encodeValueInfo(v));
  for (const v of g.valueInfo ?? []) w.bytesField(13, encodeValueInfo(v));
  return w.finish();
}

/** Serialises a model to the bytes of an `.onnx` file. */
export function encodeModel(m: ModelProto): Uint8Array {
  const w = new ProtoWriter();
  w.intField(1, m.irVersion);
  w.optionalString(2, m.producerName);
  w.optionalString(3, m.producerVersion);
  w.optionalString(4, m.domain);
  if (m.modelVersion !== undefined) w.intField(5, m.modelVersion);
  w.optionalString(6, m.docString);
  w.bytesField(7, encodeGraph(m.graph));
  for (const o of m.opsetImports) {
    const op = new ProtoWriter();
    op.stringField(1, o.domain ?? '');
    op.intField(2, o.version);
    w.bytesField(8, op.finish());
  }
  for (const [key, value] of Object.entries(m.metadataProps ?? {})) {
    const kv = new ProtoWriter().stringField(1, key).stringField(2, value);
    w.bytesField(14, kv.finish());
  }
  return w.finish().slice();
}
