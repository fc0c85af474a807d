#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  NOT_REGULAR,
  byteSize,
  createSession,
  openLocalSource
} from "./chunk-3Q2UUX7K.js";
import {
  SourceError
} from "./chunk-VTONPRI7.js";
import {
  float16Table
} from "./chunk-R56NE3ZG.js";

// src/staging/files.ts
import { createHash } from "node:crypto";

// src/onnx/inspect.ts
var OnnxFormatError = class extends Error {
  name = "OnnxFormatError";
};
var WIRE_VARINT = 0;
var WIRE_FIXED64 = 1;
var WIRE_LEN = 2;
var WIRE_FIXED32 = 5;
var MAX_DEPTH = 64;
function* fields(buf, what) {
  let pos = 0;
  const varint = () => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= buf.length) throw new OnnxFormatError(`${what}: truncated varint`);
      const byte = buf[pos++];
      result += (byte & 127) * scale;
      if (byte < 128) return result;
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
            `${what}: field ${number} at byte ${start} claims ${length} bytes, ${buf.length - pos} remain`
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
var TEXT = new TextDecoder("utf-8", { fatal: false });
var MODEL = { graph: 7, trainingInfo: 20, functions: 25 };
var TRAINING = { initialization: 1, algorithm: 2 };
var GRAPH = { node: 1, initializer: 5, sparseInitializer: 15 };
var NODE = { attribute: 5 };
var FUNCTION = { node: 7 };
var ATTRIBUTE = { t: 5, g: 6, tensors: 10, graphs: 11, sparse: 22, sparses: 23 };
var SPARSE = { values: 1, indices: 2 };
var TENSOR = { name: 8, externalData: 13, dataLocation: 14 };
var EXTERNAL = 1;
var Walker = class {
  external = [];
  tensor(buf) {
    let name = "";
    let external = false;
    for (const f of fields(buf, "TensorProto")) {
      if (f.number === TENSOR.name && f.bytes) name = TEXT.decode(f.bytes);
      else if (f.number === TENSOR.dataLocation && f.varint === EXTERNAL) external = true;
      else if (f.number === TENSOR.externalData && f.bytes) external = true;
    }
    if (external) this.external.push(name || "(unnamed tensor)");
  }
  sparse(buf) {
    for (const f of fields(buf, "SparseTensorProto"))
      if ((f.number === SPARSE.values || f.number === SPARSE.indices) && f.bytes)
        this.tensor(f.bytes);
  }
  graph(buf, depth) {
    if (depth > MAX_DEPTH) throw new OnnxFormatError(`subgraphs nested deeper than ${MAX_DEPTH}`);
    for (const f of fields(buf, "GraphProto")) {
      if (!f.bytes) continue;
      if (f.number === GRAPH.node) this.node(f.bytes, depth);
      else if (f.number === GRAPH.initializer) this.tensor(f.bytes);
      else if (f.number === GRAPH.sparseInitializer) this.sparse(f.bytes);
    }
  }
  node(buf, depth) {
    for (const f of fields(buf, "NodeProto"))
      if (f.number === NODE.attribute && f.bytes) this.attribute(f.bytes, depth);
  }
  attribute(buf, depth) {
    for (const f of fields(buf, "AttributeProto")) {
      if (!f.bytes) continue;
      if (f.number === ATTRIBUTE.t || f.number === ATTRIBUTE.tensors) this.tensor(f.bytes);
      else if (f.number === ATTRIBUTE.g || f.number === ATTRIBUTE.graphs)
        this.graph(f.bytes, depth + 1);
      else if (f.number === ATTRIBUTE.sparse || f.number === ATTRIBUTE.sparses)
        this.sparse(f.bytes);
    }
  }
};
function inspectModel(bytes) {
  const walker = new Walker();
  let irVersion = 0;
  let hasGraph = false;
  for (const f of fields(bytes, "ModelProto")) {
    if (f.number === 1 && f.wire === WIRE_VARINT) irVersion = f.varint ?? 0;
    if (!f.bytes) continue;
    if (f.number === MODEL.graph) {
      hasGraph = true;
      walker.graph(f.bytes, 0);
    } else if (f.number === MODEL.functions) {
      for (const g of fields(f.bytes, "FunctionProto"))
        if (g.number === FUNCTION.node && g.bytes) walker.node(g.bytes, 0);
    } else if (f.number === MODEL.trainingInfo) {
      for (const g of fields(f.bytes, "TrainingInfoProto"))
        if ((g.number === TRAINING.initialization || g.number === TRAINING.algorithm) && g.bytes)
          walker.graph(g.bytes, 0);
    }
  }
  return { irVersion, externalTensors: walker.external, hasGraph };
}

// src/staging/files.ts
var StagingFileError = class extends Error {
  name = "StagingFileError";
};
function ioCause(err) {
  const code = err.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory";
  if (code === "EACCES") return "permission denied";
  return err instanceof SourceError ? err.detail : err.message;
}
async function openCapped(path, display, maxBytes, what, openSource = openLocalSource) {
  let source;
  try {
    source = await openSource({ path, display });
  } catch (err) {
    if (err instanceof SourceError && err.code === NOT_REGULAR)
      throw new StagingFileError(`${what} ${display}: not a regular file`);
    throw new StagingFileError(`${what} ${display}: cannot read: ${ioCause(err)}`);
  }
  const { size } = source;
  if (size > maxBytes) {
    await source.close();
    throw new StagingFileError(
      `${what} ${display} is ${byteSize(size)}, above the cap of ${byteSize(maxBytes)}; raise the cap where the gate is run if this size is intended`
    );
  }
  return source;
}
async function readCapped(path, display, maxBytes, what, openSource = openLocalSource) {
  const source = await openCapped(path, display, maxBytes, what, openSource);
  try {
    const bytes = new Uint8Array(source.size);
    let read = 0;
    while (read < bytes.length) {
      const n = await source.read(bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read !== bytes.length)
      throw new StagingFileError(`${what} ${display}: shrank while being read`);
    return bytes;
  } catch (err) {
    if (err instanceof StagingFileError) throw err;
    throw new StagingFileError(`${what} ${display}: cannot read: ${ioCause(err)}`);
  } finally {
    await source.close();
  }
}
async function loadModel(path, display, options) {
  const { what } = options;
  const bytes = await readCapped(path, display, options.maxBytes, what, options.openSource);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (options.sha256 && options.sha256 !== sha256) {
    throw new StagingFileError(
      `${what} ${display} hashes to sha256 ${sha256}, the declaration records ${options.sha256}; the file changed since it was recorded`
    );
  }
  let external;
  try {
    const inspected = inspectModel(bytes);
    if (!inspected.hasGraph)
      throw new OnnxFormatError("no graph (ModelProto.graph is missing): not an ONNX model");
    external = inspected.externalTensors;
  } catch (err) {
    if (!(err instanceof OnnxFormatError)) throw err;
    throw new StagingFileError(
      `${what} ${display} is not a readable ONNX model (${bytes.length} bytes): ${err.message}`
    );
  }
  if (external.length > 0) {
    throw new StagingFileError(
      `${what} ${display} keeps ${external.length} tensor(s) in external data files (e.g. ${JSON.stringify(external[0])}); expected one self-contained .onnx file (the gate does not follow paths a model names)`
    );
  }
  let session;
  try {
    session = await createSession(bytes, { threads: options.threads }, options.ort);
  } catch (err) {
    const cause = (err instanceof Error ? err.message : String(err)).split("\n")[0].trim();
    throw new StagingFileError(`onnxruntime cannot load ${what} ${display}: ${cause}`);
  }
  return {
    session,
    sha256,
    bytes: bytes.length,
    inputs: signatures(session.inputNames, session.inputMetadata),
    outputs: signatures(session.outputNames, session.outputMetadata)
  };
}
function signatures(names, metadata) {
  return names.map((name, i) => {
    const meta = metadata?.[i];
    if (!meta || meta.name !== name) return { name, type: "unknown", shape: [] };
    if (!meta.isTensor) return { name, type: "non-tensor", shape: [] };
    return { name, type: meta.type, shape: [...meta.shape] };
  });
}
function shapeText(signature) {
  return `[${signature.shape.map((d) => d === -1 ? "?" : String(d)).join(", ")}]`;
}

// src/staging/decode.ts
function storedRowWidth(dtype, dims) {
  return dtype === "binary" ? Math.ceil(dims / 8) : dims;
}
function copyRow(batch, row, out, outOffset) {
  const width = storedRowWidth(batch.dtype, batch.dims);
  const start = row * width;
  const values = batch.values;
  if (batch.dtype === "float16") {
    const table = float16Table();
    const bits = values;
    for (let j = 0; j < width; j++) out[outOffset + j] = table[bits[start + j]];
    return;
  }
  if (out instanceof Float32Array || out instanceof Float64Array) {
    for (let j = 0; j < width; j++) out[outOffset + j] = values[start + j];
    return;
  }
  out.set(values.subarray(start, start + width), outOffset);
}
function rowId(batch, row) {
  return batch.ids ? batch.ids[row] : String(batch.rowOffset + row);
}

export {
  storedRowWidth,
  copyRow,
  rowId,
  StagingFileError,
  openCapped,
  readCapped,
  loadModel,
  shapeText
};
