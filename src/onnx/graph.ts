/**
 * A small builder for ONNX graphs written in code: inputs, initializers, nodes, outputs,
 * then `build()` for the bytes of a model that onnxruntime loads directly.
 *
 * Values are referred to by name (plain strings), as in ONNX itself. The builder checks
 * what ONNX would reject late or obscurely: names defined twice, a node reading a value
 * no earlier step defined, an initializer whose data does not fill its shape, a
 * non-integer number given as an INT attribute.
 *
 * @example Logistic regression
 * ```ts
 * const g = new GraphBuilder('logreg');
 * const x = g.input('x', 'float32', ['n', 4]);
 * const w = g.initializer('w', 'float32', [4, 1], weights);
 * const b = g.initializer('b', 'float32', [1], [0.5]);
 * g.output(g.op('Sigmoid', [g.op('Add', [g.op('MatMul', [x, w]), b])]), 'float32', ['n', 1], 'p');
 * const bytes = g.build();
 * ```
 */
import {
  encodeModel,
  type AttributeProto,
  type Dim,
  type ElemType,
  type GraphProto,
  type ModelProto,
  type NodeProto,
  type OperatorSetId,
  type TensorProto,
  type ValueInfoProto,
} from './proto.js';

export type { Dim, ElemType } from './proto.js';

/** The opset models are built for unless told otherwise; onnxruntime 1.30 implements it fully. */
export const DEFAULT_OPSET = 21;

/** IR version matching each opset of the default domain (onnx/helper.py VERSION_TABLE). */
const IR_FOR_OPSET: Readonly<Record<number, number>> = {
  17: 8,
  18: 8,
  19: 9,
  20: 9,
  21: 10,
};

/** A builder misuse: the message names the value or node at fault. */
export class OnnxBuildError extends Error {
  override readonly name = 'OnnxBuildError';
}

/** A FLOAT attribute (plain numbers are INT attributes). */
export interface FloatAttr {
  readonly kind: 'float';
  readonly value: number;
}
/** A FLOATS attribute (plain number arrays are INTS attributes). */
export interface FloatsAttr {
  readonly kind: 'floats';
  readonly value: readonly number[];
}
/** A TENSOR attribute, e.g. `Constant`'s `value`. */
export interface TensorAttr {
  readonly kind: 'tensor';
  readonly value: TensorProto;
}
/** A GRAPH attribute (a subgraph, for `If`/`Loop`/`Scan`). */
export interface GraphAttr {
  readonly kind: 'graph';
  readonly value: GraphProto;
}

/**
 * An attribute value. Plain numbers and bigints are INT, number arrays INTS, strings STRING,
 * string arrays STRINGS; wrap with {@link float}, {@link floats}, {@link tensorAttr} or
 * {@link graphAttr} for the other types.
 */
export type AttrValue =
  | number
  | bigint
  | string
  | readonly number[]
  | readonly string[]
  | FloatAttr
  | FloatsAttr
  | TensorAttr
  | GraphAttr;

/** Marks a number as a FLOAT attribute. */
export function float(value: number): FloatAttr {
  return { kind: 'float', value };
}
/** Marks a number array as a FLOATS attribute. */
export function floats(value: readonly number[]): FloatsAttr {
  return { kind: 'floats', value };
}
/** Wraps a tensor as a TENSOR attribute. */
export function tensorAttr(value: TensorProto): TensorAttr {
  return { kind: 'tensor', value };
}
/** Wraps a subgraph (from {@link GraphBuilder.toGraph}) as a GRAPH attribute. */
export function graphAttr(value: GraphProto): GraphAttr {
  return { kind: 'graph', value };
}

/** Data an initializer or tensor attribute may be given: a typed array of the element type, or plain numbers. */
export type TensorData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | readonly number[]
  | readonly bigint[]
  | readonly boolean[];

const TYPED_FOR: Readonly<
  Record<Exclude<ElemType, 'string'>, (n: readonly number[]) => ArrayBufferView>
> = {
  float32: (n) => Float32Array.from(n),
  float64: (n) => Float64Array.from(n),
  int8: (n) => Int8Array.from(n),
  uint8: (n) => Uint8Array.from(n),
  bool: (n) => Uint8Array.from(n, (x) => (x ? 1 : 0)),
  int16: (n) => Int16Array.from(n),
  uint16: (n) => Uint16Array.from(n),
  // float16 from plain numbers would need rounding; give raw bits as a Uint16Array instead.
  float16: () => {
    throw new OnnxBuildError('float16 tensor data must be given as raw bits in a Uint16Array');
  },
  int32: (n) => Int32Array.from(n),
  uint32: (n) => Uint32Array.from(n),
  int64: (n) => BigInt64Array.from(n, (x) => BigInt(x)),
  uint64: (n) => BigUint64Array.from(n, (x) => BigInt(x)),
};

const BYTES_PER: Readonly<Record<Exclude<ElemType, 'string'>, number>> = {
  float32: 4,
  float64: 8,
  int8: 1,
  uint8: 1,
  bool: 1,
  int16: 2,
  uint16: 2,
  float16: 2,
  int32: 4,
  uint32: 4,
  int64: 8,
  uint64: 8,
};

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Makes a TensorProto from element data. Typed arrays are taken as raw little-endian bytes
 * (their element size must match `type`); plain arrays are converted.
 */
export function makeTensor(
  type: ElemType,
  dims: readonly number[],
  data: TensorData | readonly string[],
  name?: string,
): TensorProto {
  const count = dims.reduce((a, b) => a * b, 1);
  const length = (data as { length: number }).length;
  if (length !== count) {
    throw new OnnxBuildError(
      `tensor ${name ?? '(unnamed)'}: shape [${dims.join(', ')}] needs ${count} elements, data has ${length}`,
    );
  }
  if (type === 'string') {
    return { name, dims, dataType: type, stringData: (data as readonly unknown[]).map(String) };
  }
  if (!LITTLE_ENDIAN) throw new OnnxBuildError('tensor data: big-endian hosts are not supported');
  let view: ArrayBufferView;
  if (ArrayBuffer.isView(data)) {
    view = data;
    const size = (data as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    if (size !== BYTES_PER[type]) {
      throw new OnnxBuildError(
        `tensor ${name ?? '(unnamed)'}: ${type} needs ${BYTES_PER[type]}-byte elements, got ${data.constructor.name}`,
      );
    }
  } else {
    view = TYPED_FOR[type]((data as readonly (number | bigint | boolean)[]).map(Number));
  }
  const rawData = new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
  return { name, dims, dataType: type, rawData };
}

function toAttribute(name: string, value: AttrValue): AttributeProto {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      throw new OnnxBuildError(
        `attribute ${name}: ${value} is not an integer; use float(${value}) for FLOAT`,
      );
    }
    return { name, type: 'int', value };
  }
  if (typeof value === 'bigint') return { name, type: 'int', value };
  if (typeof value === 'string') return { name, type: 'string', value };
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return { name, type: 'strings', value };
    const ints = value as readonly number[];
    const bad = ints.find((v) => !Number.isInteger(v));
    if (bad !== undefined) {
      throw new OnnxBuildError(
        `attribute ${name}: ${bad} is not an integer; use floats([...]) for FLOATS`,
      );
    }
    return { name, type: 'ints', value: ints };
  }
  const tagged = value as FloatAttr | FloatsAttr | TensorAttr | GraphAttr;
  switch (tagged.kind) {
    case 'float':
      return { name, type: 'float', value: tagged.value };
    case 'floats':
      return { name, type: 'floats', value: tagged.value };
    case 'tensor':
      return { name, type: 'tensor', value: tagged.value };
    case 'graph':
      return { name, type: 'graph', value: tagged.value };
  }
}

/** Options of {@link GraphBuilder.node}. */
export interface NodeOptions {
  /** How many outputs to create (default 1), or their names. */
  readonly outputs?: number | readonly string[];
  readonly domain?: string;
  readonly name?: string;
}

/** Options of {@link GraphBuilder.build}. */
export interface BuildOptions {
  /** Version of the default ONNX domain (17–21); defaults to {@link DEFAULT_OPSET}. */
  readonly opset?: number;
  /** Other domains' opsets, e.g. `{ 'com.microsoft': 1 }`. */
  readonly extraOpsets?: Readonly<Record<string, number>>;
  readonly producerName?: string;
  readonly producerVersion?: string;
  readonly docString?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** Builds one ONNX graph; see the module comment for an example. */
export class GraphBuilder {
  private readonly nodes: NodeProto[] = [];
  private readonly inits: TensorProto[] = [];
  private readonly ins: ValueInfoProto[] = [];
  private readonly outs: ValueInfoProto[] = [];
  private readonly defined = new Set<string>();
  private counter = 0;

  constructor(readonly name: string) {}

  private define(name: string): string {
    if (name === '') throw new OnnxBuildError('value names must not be empty');
    if (this.defined.has(name))
      throw new OnnxBuildError(`value ${JSON.stringify(name)} is defined twice`);
    this.defined.add(name);
    return name;
  }

  /** A fresh value name starting with `hint`. */
  fresh(hint: string): string {
    let name: string;
    do name = `${hint}_${this.counter++}`;
    while (this.defined.has(name));
    return name;
  }

  /** Declares a graph input; dims may be numbers, symbolic names, or null (unknown). */
  input(name: string, type: ElemType, shape: readonly Dim[]): string {
    this.ins.push({ name: this.define(name), elemType: type, shape });
    return name;
  }

  /** Adds a constant tensor (an initializer) and returns its name. */
  initializer(
    name: string,
    type: ElemType,
    dims: readonly number[],
    data: TensorData | readonly string[],
  ): string {
    this.inits.push(makeTensor(type, dims, data, this.define(name)));
    return name;
  }

  /** Adds a constant under a fresh name. */
  constant(
    type: ElemType,
    dims: readonly number[],
    data: TensorData | readonly string[],
    hint = 'const',
  ): string {
    return this.initializer(this.fresh(hint), type, dims, data);
  }

  /**
   * Appends a node and returns its output names. Inputs must be defined already;
   * `''` stands for an omitted optional input.
   */
  node(
    opType: string,
    inputs: readonly string[],
    attrs: Readonly<Record<string, AttrValue>> = {},
    opts: NodeOptions = {},
  ): string[] {
    for (const i of inputs) {
      if (i !== '' && !this.defined.has(i)) {
        throw new OnnxBuildError(
          `${opType}: input ${JSON.stringify(i)} is not defined before this node`,
        );
      }
    }
    const want = opts.outputs ?? 1;
    const outputs =
      typeof want === 'number'
        ? Array.from({ length: want }, () => this.fresh(opType.toLowerCase()))
        : [...want];
    for (const o of outputs) this.define(o);
    const attributes = Object.entries(attrs).map(([k, v]) => toAttribute(k, v));
    this.nodes.push({
      opType,
      inputs,
      outputs,
      attributes,
      name: opts.name ?? `${opType}_${this.nodes.length}`,
      domain: opts.domain,
    });
    return outputs;
  }

  /** {@link node} for the common one-output case. */
  op(
    opType: string,
    inputs: readonly string[],
    attrs: Readonly<Record<string, AttrValue>> = {},
  ): string {
    return this.node(opType, inputs, attrs)[0] as string;
  }

  /**
   * Declares a graph output. With `name` different from `value`, an Identity node renames
   * it (ONNX outputs are values, so the name must be the producing node's output).
   */
  output(value: string, type: ElemType, shape: readonly Dim[] | undefined, name?: string): string {
    if (!this.defined.has(value))
      throw new OnnxBuildError(`output ${JSON.stringify(value)} is not defined`);
    const outName =
      name !== undefined && name !== value
        ? this.node('Identity', [value], {}, { outputs: [name] })[0]!
        : value;
    this.outs.push({ name: outName, elemType: type, shape });
    return outName;
  }

  /** The graph as a message (for a GRAPH attribute, or to inspect). */
  toGraph(): GraphProto {
    return {
      name: this.name,
      nodes: [...this.nodes],
      initializers: [...this.inits],
      inputs: [...this.ins],
      outputs: [...this.outs],
    };
  }

  /** The model message around the graph. */
  toModel(opts: BuildOptions = {}): ModelProto {
    const opset = opts.opset ?? DEFAULT_OPSET;
    const irVersion = IR_FOR_OPSET[opset];
    if (irVersion === undefined)
      throw new OnnxBuildError(`opset ${opset} is not supported (17–21)`);
    if (this.outs.length === 0) throw new OnnxBuildError(`graph ${this.name} has no outputs`);
    const opsetImports: OperatorSetId[] = [{ domain: '', version: opset }];
    for (const [domain, version] of Object.entries(opts.extraOpsets ?? {}))
      opsetImports.push({ domain, version });
    return {
      irVersion,
      opsetImports,
      graph: this.toGraph(),
      producerName: opts.producerName ?? 'embedding-gate',
      producerVersion: opts.producerVersion,
      docString: opts.docString,
      metadataProps: opts.metadata,
    };
  }

  /** The bytes of the `.onnx` model. */
  build(opts: BuildOptions = {}): Uint8Array {
    return encodeModel(this.toModel(opts));
  }
}
