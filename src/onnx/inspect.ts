/**
 * A minimal protobuf reader for what the gate must know about an `.onnx` file before
 * handing it to onnxruntime: is it a well-formed ModelProto at all, and does any tensor
 * keep its data in an external file?
 *
 * External data matters for safety: a tensor's `external_data.location` is a path that
 * onnxruntime resolves and reads on its own, outside the gate's workspace checks. Models
 * from a pull request are therefore refused when they carry any (a model must be one
 * self-contained file). The walk follows every place onnx.proto allows a TensorProto:
 * graph initializers and sparse initializers, node attributes (tensors and subgraphs,
 * recursively), model-local functions and training graphs.
 */

/** The bytes are not a protobuf message of the expected shape. */
export class OnnxFormatError extends Error {
  override readonly name = 'OnnxFormatError';
}

/** What {@link inspectModel} found. */
export interface ModelInspection {
  /** ModelProto.ir_version (0 when absent). */
  readonly irVersion: number;
  /** Names of tensors whose data lives outside the file (`data_location: EXTERNAL`). */
  readonly externalTensors: readonly string[];
  /** ModelProto.graph is present. */
  readonly hasGraph: boolean;
}

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LEN = 2;
const WIRE_FIXED32 = 5;

/** One field of a message: its number and, for length-delimited fields, its bytes. */
interface Field {
  readonly number: number;
  readonly wire: number;
  /** Varint value (exact up to 2^53; larger values are only ever compared with 1 here). */
  readonly varint?: number;
  readonly bytes?: Uint8Array;
}

/** Nesting bound: onnx allows deep subgraphs, but not thousands of levels. */
const MAX_DEPTH = 64;

function* fields(buf: Uint8Array, what: string): Generator<Field> {
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= buf.length) throw new OnnxFormatError(`${what}: truncated varint`);
      const byte = buf[pos++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
    throw new OnnxFormatError(`${what}: varint longer than 10 bytes`);
  };
  while (pos < buf.length) {
    const start = pos;
    const key = varint();
    const number = Math.floor(key / 8);
    const wire = key % 8;
    if (number === 0) throw new OnnxFormatError(`${what}: field number 0 at byte ${start}`);
    switch (wire) {
      case WIRE_VARINT:
        yield { number, wire, varint: varint() };
        break;
      case WIRE_FIXED64:
      case WIRE_FIXED32: {
        const size = wire === WIRE_FIXED64 ? 8 : 4;
        if (pos + size > buf.length) throw new OnnxFormatError(`${what}: truncated fixed field`);
        pos += size;
        yield { number, wire };
        break;
      }
      case WIRE_LEN: {
        const length = varint();
        if (pos + length > buf.length) {
          throw new OnnxFormatError(
            `${what}: field ${number} at byte ${start} claims ${length} bytes, ${buf.length - pos} remain`,
          );
        }
        yield { number, wire, bytes: buf.subarray(pos, pos + length) };
        pos += length;
        break;
      }
      default:
        throw new OnnxFormatError(`${what}: unsupported wire type ${wire} at byte ${start}`);
    }
  }
}

const TEXT = new TextDecoder('utf-8', { fatal: false });

/** Field numbers of onnx.proto (IR version 10) that can lead to a TensorProto. */
const MODEL = { graph: 7, trainingInfo: 20, functions: 25 } as const;
const TRAINING = { initialization: 1, algorithm: 2 } as const;
const GRAPH = { node: 1, initializer: 5, sparseInitializer: 15 } as const;
const NODE = { attribute: 5 } as const;
const FUNCTION = { node: 7 } as const;
const ATTRIBUTE = { t: 5, g: 6, tensors: 10, graphs: 11, sparse: 22, sparses: 23 } as const;
const SPARSE = { values: 1, indices: 2 } as const;
const TENSOR = { name: 8, externalData: 13, dataLocation: 14 } as const;
const EXTERNAL = 1;

class Walker {
  readonly external: string[] = [];

  tensor(buf: Uint8Array): void {
    let name = '';
    let external = false;
    for (const f of fields(buf, 'TensorProto')) {
      if (f.number === TENSOR.name && f.bytes) name = TEXT.decode(f.bytes);
      else if (f.number === TENSOR.dataLocation && f.varint === EXTERNAL) external = true;
      else if (f.number === TENSOR.externalData && f.bytes) external = true;
    }
    if (external) this.external.push(name || '(unnamed tensor)');
  }

  sparse(buf: Uint8Array): void {
    for (const f of fields(buf, 'SparseTensorProto'))
      if ((f.number === SPARSE.values || f.number === SPARSE.indices) && f.bytes)
        this.tensor(f.bytes);
  }

  graph(buf: Uint8Array, depth: number): void {
    if (depth > MAX_DEPTH) throw new OnnxFormatError(`subgraphs nested deeper than ${MAX_DEPTH}`);
    for (const f of fields(buf, 'GraphProto')) {
      if (!f.bytes) continue;
      if (f.number === GRAPH.node) this.node(f.bytes, depth);
      else if (f.number === GRAPH.initializer) this.tensor(f.bytes);
      else if (f.number === GRAPH.sparseInitializer) this.sparse(f.bytes);
    }
  }

  node(buf: Uint8Array, depth: number): void {
    for (const f of fields(buf, 'NodeProto'))
      if (f.number === NODE.attribute && f.bytes) this.attribute(f.bytes, depth);
  }

  attribute(buf: Uint8Array, depth: number): void {
    for (const f of fields(buf, 'AttributeProto')) {
      if (!f.bytes) continue;
      if (f.number === ATTRIBUTE.t || f.number === ATTRIBUTE.tensors) this.tensor(f.bytes);
      else if (f.number === ATTRIBUTE.g || f.number === ATTRIBUTE.graphs)
        this.graph(f.bytes, depth + 1);
      else if (f.number === ATTRIBUTE.sparse || f.number === ATTRIBUTE.sparses)
        this.sparse(f.bytes);
    }
  }
}

/**
 * Reads a ModelProto far enough to list its external tensors. Throws
 * {@link OnnxFormatError} when the bytes are not a well-formed protobuf of that shape
 * (a truncated or corrupted file), naming what broke.
 */
export function inspectModel(bytes: Uint8Array): ModelInspection {
  const walker = new Walker();
  let irVersion = 0;
  let hasGraph = false;
  for (const f of fields(bytes, 'ModelProto')) {
    if (f.number === 1 && f.wire === WIRE_VARINT) irVersion = f.varint ?? 0;
    if (!f.bytes) continue;
    if (f.number === MODEL.graph) {
      hasGraph = true;
      walker.graph(f.bytes, 0);
    } else if (f.number === MODEL.functions) {
      for (const g of fields(f.bytes, 'FunctionProto'))
        if (g.number === FUNCTION.node && g.bytes) walker.node(g.bytes, 0);
    } else if (f.number === MODEL.trainingInfo) {
      for (const g of fields(f.bytes, 'TrainingInfoProto'))
        if ((g.number === TRAINING.initialization || g.number === TRAINING.algorithm) && g.bytes)
          walker.graph(g.bytes, 0);
    }
  }
  return { irVersion, externalTensors: walker.external, hasGraph };
}
