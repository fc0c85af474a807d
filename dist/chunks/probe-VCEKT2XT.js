#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  DEFAULT_PROBE_TOLERANCE
} from "./chunk-C4EWOFBM.js";
import {
  StagingFileError,
  copyRow,
  loadModel,
  openCapped,
  readCapped2 as readCapped,
  resolveInWorkspace,
  rowId,
  sci,
  shapeText
} from "./chunk-X22DNU2F.js";
import "./chunk-VTONPRI7.js";
import "./chunk-CQLA25CY.js";
import {
  decodeFloat16,
  float16Table,
  float32ToFloat16Bits
} from "./chunk-R56NE3ZG.js";
import {
  ChunkPages,
  decompressorFor,
  readEnvelope,
  readMetadata
} from "./chunk-HGTANS7M.js";
import {
  DataType,
  Precision,
  tableFromIPC
} from "./chunk-EZRWVS5J.js";
import "./chunk-SGSTHD3E.js";
import "./chunk-O57DMMLW.js";
import {
  VectorFileError
} from "./chunk-L2CUIFHJ.js";
import "./chunk-GE2CBHQP.js";

// src/staging/probe-job.ts
import { relative } from "node:path";
function newProbeJob(ctx, doc, decl, modality, field, findings) {
  const resolve = (sub, value) => resolveInWorkspace(doc, [...field, ...sub], value, ctx.workspace);
  const display = (p) => relative(ctx.cwd, p) || p;
  const modelPath = resolve(["model"], decl.model);
  const setPath = resolve(["set"], decl.set);
  const vectors = decl.vectors;
  const stored = vectors ? {
    path: resolve(["vectors", "path"], vectors.path),
    open: {
      format: vectors.format,
      idColumn: vectors.id_column,
      vectorColumn: vectors.vector_column,
      idsPath: vectors.ids && resolve(["vectors", "ids"], vectors.ids)
    }
  } : { path: ctx.candidate.vectors.path, open: ctx.candidate.vectors.open };
  const prefix = modality === "model" ? "" : `${modality} encoder: `;
  const add = (finding) => {
    findings.push({ ...finding, message: `${prefix}${finding.message}` });
  };
  return {
    ctx,
    decl,
    modelPath,
    setPath,
    stored,
    modelFile: display(modelPath),
    setFile: display(setPath),
    storedFile: display(stored.path),
    at: (...sub) => doc.locate([...field, ...sub]),
    add,
    emit: (id, message, location, severity = "error") => add({ id, severity, message, location })
  };
}

// src/staging/probe-judge.ts
var WORST = 10;
var NAMED = 5;
function judgeProbe(input) {
  const { ids, tolerance } = input;
  const compared = input.deviations.filter((d) => !Number.isNaN(d.deviation));
  const missing = ids.filter((_, r) => !input.found[r]);
  const exceeding = compared.filter((d) => d.deviation > tolerance);
  const worst = [...compared].sort((a, b) => b.deviation - a.deviation || (a.id < b.id ? -1 : 1)).slice(0, WORST);
  const maxDeviation = worst[0]?.deviation ?? 0;
  const judged = {
    outcome: exceeding.length || compared.length === 0 ? "fail" : "pass",
    rows: ids.length,
    compared: compared.length,
    missing: missing.length,
    exceeding: exceeding.length,
    maxDeviation,
    meanDeviation: compared.reduce((s, d) => s + d.deviation, 0) / Math.max(1, compared.length),
    worst
  };
  const findings = [];
  if (missing.length) {
    findings.push({
      id: "probe.coverage",
      severity: compared.length ? "warning" : "error",
      message: `${missing.length} of ${ids.length} probe ids are not in the stored vectors ${input.storedFile} (first: ${missing.slice(0, NAMED).map((m) => JSON.stringify(m)).join(", ")})${compared.length ? "" : "; nothing was compared"}`,
      location: input.setLocation,
      expected: ids.length,
      found: compared.length
    });
  }
  if (exceeding.length) {
    const top = exceeding.sort((a, b) => b.deviation - a.deviation).slice(0, NAMED);
    const row = input.rowOf.get(top[0].id);
    findings.push({
      id: "probe.deviation",
      severity: "error",
      message: `${exceeding.length} of ${compared.length} stored vectors differ from what ${input.modelFile} produces for the probe inputs by more than ${tolerance} (1 \u2212 cos, ${input.dtype}); worst: ${top.map((d) => `${JSON.stringify(d.id)} ${sci(d.deviation)}`).join(", ")}. The stored vectors were not produced by this model with this preprocessing`,
      location: { file: input.storedFile, id: top[0].id, ...row !== void 0 && { row } },
      expected: { tolerance },
      found: { exceeding: exceeding.length, maxDeviation, worst: top }
    });
  }
  return { judged, findings };
}

// src/staging/probe-plan.ts
var ELEMENTS = /* @__PURE__ */ new Set([
  "float32",
  "float64",
  "float16",
  "int64",
  "int32",
  "int8",
  "uint8",
  "bool"
]);
function planProbe(model, decl, dims) {
  const problems = [];
  const inputNames = model.inputs.map((i) => i.name);
  for (const key of Object.keys(decl.columns ?? {}))
    if (!inputNames.includes(key))
      problems.push({
        field: "columns",
        message: `probe.columns names "${key}", which is not a model input (inputs: ${inputNames.join(", ")})`
      });
  for (const key of Object.keys(decl.shapes ?? {}))
    if (!inputNames.includes(key))
      problems.push({
        field: "shapes",
        message: `probe.shapes names "${key}", which is not a model input (inputs: ${inputNames.join(", ")})`
      });
  const inputs = [];
  for (const input of model.inputs) {
    if (!ELEMENTS.has(input.type)) {
      problems.push({
        field: "model",
        message: `model input "${input.name}" is ${input.type}; a probe set can feed ${[...ELEMENTS].join(", ")} tensors`
      });
      continue;
    }
    if (input.shape.length < 1) {
      problems.push({
        field: "model",
        message: `model input "${input.name}" declares no shape; expected [batch, ...]`
      });
      continue;
    }
    const declared = decl.shapes?.[input.name];
    const modelRow = input.shape.slice(1);
    let rowShape;
    if (declared) {
      const clash = declared.length !== modelRow.length || modelRow.some((d, i) => typeof d === "number" && d >= 0 && d !== declared[i]);
      if (clash) {
        problems.push({
          field: "shapes",
          message: `probe.shapes.${input.name} is [${declared.join(", ")}], model input "${input.name}" has shape ${shapeText(input)} (batch first)`,
          expected: modelRow,
          found: declared
        });
        continue;
      }
      rowShape = [...declared];
    } else {
      rowShape = modelRow.map((d) => typeof d === "number" && d >= 0 ? d : -1);
      if (rowShape.filter((d) => d === -1).length > 1) {
        problems.push({
          field: "shapes",
          message: `model input "${input.name}" has shape ${shapeText(input)} with several open dimensions; give one row's shape in probe.shapes.${input.name}`
        });
        continue;
      }
    }
    const batch = input.shape[0];
    inputs.push({
      input: input.name,
      column: decl.columns?.[input.name] ?? input.name,
      type: input.type,
      rowShape,
      ...typeof batch === "number" && batch > 0 && { fixedBatch: batch }
    });
  }
  const outputNames = model.outputs.map((o) => o.name);
  const output = decl.output ? model.outputs.find((o) => o.name === decl.output) : model.outputs.length === 1 ? model.outputs[0] : void 0;
  if (!output) {
    problems.push({
      field: "output",
      message: decl.output ? `the model has no output "${decl.output}" (its outputs: ${outputNames.join(", ")})` : `the model has ${outputNames.length} outputs (${outputNames.join(", ")}); name the embedding in probe.output`
    });
  } else if (output.type !== "float32" && output.type !== "float64" && output.type !== "float16") {
    problems.push({
      field: "output",
      message: `model output "${output.name}" is ${output.type}; expected float32, float64 or float16 embeddings`
    });
  } else if (output.shape.length !== 2) {
    problems.push({
      field: "output",
      message: `model output "${output.name}" has shape ${shapeText(output)}; expected [batch, dims]`
    });
  } else if (typeof output.shape[1] === "number" && output.shape[1] >= 0 && output.shape[1] !== dims) {
    problems.push({
      field: "output",
      message: `model output "${output.name}" has width ${output.shape[1]} (shape ${shapeText(output)}), the stored vectors have ${dims} dims`,
      expected: dims,
      found: output.shape[1]
    });
  }
  if (problems.length || !output) return { problems };
  return {
    problems,
    plan: { inputs, output: output.name, outputType: output.type }
  };
}
function rowShapeFor(plan2, length) {
  const fixed = plan2.rowShape.reduce((a, d) => d === -1 ? a : a * d, 1);
  if (!plan2.rowShape.includes(-1)) return length === fixed ? [...plan2.rowShape] : void 0;
  if (length === 0 || length % fixed !== 0) return void 0;
  return plan2.rowShape.map((d) => d === -1 ? length / fixed : d);
}

// src/staging/probe-run.ts
async function run(job, model, source, planned) {
  const stored = await collectStored(job, source, planned);
  if (!stored) return void 0;
  const groups = groupRows(job, planned, stored.found);
  if (!groups) return void 0;
  const deviations = await reembed(job, model, planned, stored.values, groups);
  return deviations && { deviations, found: stored.found, rowOf: stored.rowOf };
}
async function collectStored(job, source, { set, index, dims }) {
  const values = new Float64Array(set.ids.length * dims);
  const found = new Uint8Array(set.ids.length);
  const rowOf2 = /* @__PURE__ */ new Map();
  try {
    for await (const batch of source.batches()) {
      const ids = batch.ids;
      for (let r = 0; r < batch.rows; r++) {
        const id = ids ? ids[r] : rowId(batch, r);
        const p = index.get(id);
        if (p === void 0 || found[p]) continue;
        found[p] = 1;
        rowOf2.set(id, batch.rowOffset + r);
        copyRow(batch, r, values, p * dims);
      }
    }
  } catch (err) {
    if (!(err instanceof VectorFileError)) throw err;
    job.emit("probe.vectors", `cannot read the stored vectors: ${err.message}`, {
      file: err.file
    });
    return void 0;
  }
  return { values, found, rowOf: rowOf2 };
}
function groupRows(job, planned, found) {
  const groups = /* @__PURE__ */ new Map();
  for (let r = 0; r < planned.rows.length; r++) {
    if (!found[r]) continue;
    const feed = planned.rows[r];
    if ("misfit" in feed) {
      job.emit("probe.inputs", feed.misfit, job.at("set"));
      return void 0;
    }
    const group = groups.get(feed.key) ?? { rows: [], shapes: feed.shapes };
    group.rows.push(r);
    groups.set(feed.key, group);
  }
  return groups;
}
async function reembed(job, model, planned, stored, groups) {
  const { dims, set } = planned;
  const half = planned.feed.outputType === "float16" ? float16Table() : void 0;
  const out = [];
  const nonFinite = [];
  for (const { rows, shapes } of groups.values()) {
    for (let start = 0; start < rows.length; start += planned.batch) {
      const chunk = rows.slice(start, start + planned.batch);
      const output = await runChunk(job, model, planned, chunk, shapes);
      if (!output) return void 0;
      chunk.forEach((r, i) => {
        const id = set.ids[r];
        const deviation = deviationOf(output, i, stored, r, dims, half);
        if (deviation === void 0) nonFinite.push(id);
        else out.push({ id, deviation });
      });
    }
  }
  if (nonFinite.length) {
    job.emit(
      "probe.non-finite",
      `the embedding model produced NaN or \xB1Inf for ${nonFinite.length} probe rows (first ids: ${nonFinite.slice(0, 5).map((i) => JSON.stringify(i)).join(", ")})`,
      job.at("model")
    );
    return void 0;
  }
  return out;
}
async function runChunk(job, model, planned, chunk, shapes) {
  const { ort } = job.ctx;
  const { feed: plan2, dims } = planned;
  const fed = planned.fixedBatch ?? chunk.length;
  const feeds = feedsFor(ort, planned, chunk, shapes, fed);
  let output;
  try {
    output = (await model.session.run(feeds, [plan2.output]))[plan2.output];
  } catch (err) {
    const cause = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    job.emit(
      "probe.model",
      `the embedding model failed on probe rows ${chunk[0]}\u2026: ${cause}`,
      job.at("model")
    );
    return void 0;
  } finally {
    for (const t of Object.values(feeds)) t.dispose();
  }
  if (!output || output.dims[0] !== fed || output.dims[1] !== dims) {
    job.emit(
      "probe.model",
      `model output "${plan2.output}" has shape [${output?.dims.join(", ") ?? ""}] for ${fed} rows; expected [${fed}, ${dims}] like the stored vectors`,
      job.at("model")
    );
    return void 0;
  }
  return output.data;
}
function feedsFor(ort, { feed, set }, chunk, shapes, fed) {
  const feeds = {};
  feed.inputs.forEach((input, k) => {
    const column = set.columns.get(input.input);
    const rowLength = shapes[k].reduce((a, b) => a * b, 1);
    const data = new column.values.constructor(
      fed * rowLength
    );
    for (let i = 0; i < fed; i++) {
      const from = column.offsets[i < chunk.length ? chunk[i] : chunk[0]];
      data.set(
        column.values.subarray(from, from + rowLength),
        i * rowLength
      );
    }
    feeds[input.input] = new ort.Tensor(input.type, data, [fed, ...shapes[k]]);
  });
  return feeds;
}
function deviationOf(output, i, stored, r, dims, half) {
  let dot = 0;
  let nn = 0;
  let ss = 0;
  let finite = true;
  for (let j = 0; j < dims; j++) {
    const raw = output[i * dims + j];
    const a = half ? half[raw] : raw;
    if (!Number.isFinite(a)) finite = false;
    const b = stored[r * dims + j];
    dot += a * b;
    nn += a * a;
    ss += b * b;
  }
  if (!finite) return void 0;
  const deviation = nn === 0 || ss === 0 ? nn === ss ? 0 : 1 : 1 - dot / Math.sqrt(nn * ss);
  return Math.max(0, deviation);
}

// src/staging/probe-columns.ts
var ProbeSetError = class extends Error {
  name = "ProbeSetError";
};
var INTEGER_TARGETS = /* @__PURE__ */ new Set(["int64", "int32", "int8", "uint8", "bool"]);
var ColumnBuilder = class {
  constructor(request) {
    this.request = request;
  }
  request;
  rows = [];
  total = 0;
  push(row) {
    this.rows.push(row);
    this.total += row.length;
  }
  build() {
    const offsets = new Int32Array(this.rows.length + 1);
    const values = allocate(this.request.type, this.total);
    let at = 0;
    this.rows.forEach((row, r) => {
      for (let j = 0; j < row.length; j++) values[at + j] = convert(this.request.type, row[j]);
      at += row.length;
      offsets[r + 1] = at;
    });
    return { offsets, values };
  }
};
function allocate(type, n) {
  switch (type) {
    case "float32":
      return new Float32Array(n);
    case "float64":
      return new Float64Array(n);
    case "float16":
      return new Uint16Array(n);
    case "int64":
      return new BigInt64Array(n);
    case "int32":
      return new Int32Array(n);
    case "int8":
      return new Int8Array(n);
    case "uint8":
    case "bool":
      return new Uint8Array(n);
  }
}
function convert(type, v) {
  if (type === "int64") return typeof v === "bigint" ? v : BigInt(v);
  if (type === "float16") return float32ToFloat16Bits(Number(v));
  if (type === "bool") return v ? 1 : 0;
  return Number(v);
}
function describeColumns(names) {
  return names.length ? names.join(", ") : "none";
}

// src/vectors/parquet/table.ts
async function openParquetTable(source) {
  const meta = await readMetadata(source, await readEnvelope(source));
  return {
    schema: meta.schema,
    rows: meta.rows,
    column: (name) => readColumn(source, meta, name)
  };
}
function leafOf(node) {
  let n = node;
  while (n.physical === void 0) {
    if (n.children.length !== 1) return void 0;
    n = n.children[0];
  }
  return n;
}
async function readColumn(source, meta, name) {
  const index = meta.schema.fields.findIndex((f) => f.name === name);
  const node = meta.nodes[index];
  const leaf = node && leafOf(node);
  if (!leaf)
    throw new VectorFileError(source.display, `column "${name}" is not a column of values`);
  if (meta.rows > 1 << 26)
    throw new VectorFileError(
      source.display,
      `the footer states ${meta.rows} rows; expected at most ${1 << 26}`
    );
  const offsets = new Int32Array(meta.rows + 1);
  const parts = [];
  let row = -1;
  let values = 0;
  let nullRow = -1;
  for (const group of meta.rowGroups) {
    const chunk = group.columns[leaf.column];
    const decompress = await decompressorFor(chunk.codec);
    if (typeof decompress === "string") throw new VectorFileError(source.display, decompress);
    const pages = new ChunkPages(source, chunk, leaf, decompress, name);
    for (let page = await pages.next(); page; page = await pages.next()) {
      const starts = page.rowStarts;
      let k = 0;
      for (let s = 0; s < page.count; s++) {
        if (!starts || k < starts.length && starts[k] === s) {
          k++;
          row++;
          if (row >= meta.rows)
            throw new VectorFileError(
              source.display,
              `column "${name}" holds more rows than the footer's ${meta.rows}`
            );
          offsets[row] = values;
        }
        if (row < 0)
          throw new VectorFileError(source.display, `column "${name}" does not start at a row`);
        if (page.defs && page.defs[s] < leaf.maxDef) {
          if (nullRow < 0) nullRow = row;
        } else {
          values++;
        }
      }
      parts.push(page.values instanceof Uint8Array ? page.values.slice() : page.values);
    }
  }
  if (row + 1 !== meta.rows)
    throw new VectorFileError(
      source.display,
      `column "${name}" holds ${row + 1} rows, the footer ${meta.rows}`
    );
  for (let r = row + 1; r <= meta.rows; r++) offsets[r] = values;
  return { offsets, values: flatten(leaf, parts, values), nullRow };
}
function flatten(leaf, parts, count) {
  if (leaf.physical === 6 /* BYTE_ARRAY */) {
    const decoder = new TextDecoder();
    return parts.flatMap((p) => {
      const a = p;
      return Array.from(
        { length: a.offsets.length - 1 },
        (_, i) => decoder.decode(a.data.subarray(a.offsets[i], a.offsets[i + 1]))
      );
    });
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  switch (leaf.physical) {
    case 0 /* BOOLEAN */:
      return bytes.subarray(0, count);
    case 1 /* INT32 */:
      return new Int32Array(bytes.buffer, 0, count);
    case 2 /* INT64 */:
      return new BigInt64Array(bytes.buffer, 0, count);
    case 4 /* FLOAT */:
      return new Float32Array(bytes.buffer, 0, count);
    case 5 /* DOUBLE */:
      return new Float64Array(bytes.buffer, 0, count);
    case 7 /* FIXED_LEN_BYTE_ARRAY */:
      if (leaf.typeLength === 2) {
        const halves = new Uint16Array(bytes.buffer, 0, count);
        return Float32Array.from(halves, decodeFloat16);
      }
  }
  throw new VectorFileError("", `physical type ${leaf.physical} is not read`);
}

// src/staging/probe-set-parquet.ts
async function readParquetProbeSet(path, display, options) {
  const source = await openCapped(path, display, options.maxBytes, "probe set", options.openSource);
  try {
    return await read(source, display, options);
  } catch (err) {
    if (err instanceof VectorFileError) {
      const at = err.where?.byte !== void 0 ? ` (byte ${err.where.byte})` : "";
      throw new ProbeSetError(
        `probe set ${display}${at} is not a readable Parquet file: ${err.detail}`
      );
    }
    throw err;
  } finally {
    await source.close();
  }
}
async function read(source, display, options) {
  const table = await openParquetTable(source);
  const names = table.schema.fields.map((f) => f.name);
  const need = (name, what) => {
    const field = table.schema.fields.find((f) => f.name === name);
    if (!field)
      throw new ProbeSetError(
        `probe set ${display} has no column "${name}" (${what}); its columns: ${describeColumns(names)}`
      );
    return field.type;
  };
  need(options.idColumn, "the ids");
  for (const request of options.columns) {
    checkLeafType(leafType(need(request.column, `model input ${request.input}`)), request, display);
  }
  const idColumn = await table.column(options.idColumn);
  if (idColumn.nullRow >= 0)
    throw new ProbeSetError(`probe set ${display}: null id in row ${idColumn.nullRow}`);
  const ids = Array.from(
    { length: table.rows },
    (_, r) => String(idColumn.values[idColumn.offsets[r]])
  );
  const builders = [];
  for (const request of options.columns) {
    const column = await table.column(request.column);
    if (column.nullRow >= 0)
      throw new ProbeSetError(
        `probe set ${display}: null in column "${request.column}", row ${column.nullRow} (id ${JSON.stringify(ids[column.nullRow])})`
      );
    const builder = new ColumnBuilder(request);
    for (let r = 0; r < table.rows; r++) builder.push(rowOf(column, r));
    builders.push(builder);
  }
  return { ids, columns: new Map(builders.map((b) => [b.request.input, b.build()])) };
}
function rowOf(column, r) {
  const values = column.values;
  const from = column.offsets[r];
  const to = column.offsets[r + 1];
  return values.subarray ? values.subarray(from, to) : Array.prototype.slice.call(values, from, to);
}
function leafType(type) {
  let t = type;
  while (DataType.isList(t) || DataType.isFixedSizeList(t)) t = t.children[0].type;
  return t;
}
function checkLeafType(leaf, request, display) {
  const isInt = DataType.isInt(leaf) || DataType.isBool(leaf);
  const isFloat = DataType.isFloat(leaf);
  if (!isInt && !isFloat)
    throw new ProbeSetError(
      `probe set ${display}: column "${request.column}" holds ${String(leaf)}; expected numbers for model input ${request.input} (${request.type})`
    );
  if (isFloat && INTEGER_TARGETS.has(request.type))
    throw new ProbeSetError(
      `probe set ${display}: column "${request.column}" holds ${String(leaf)}, model input ${request.input} takes ${request.type}; expected integers (floats are not truncated silently)`
    );
}

// src/staging/probe-set.ts
async function readProbeSet(path, display, options) {
  const parquet = options.format ? options.format === "parquet" : /\.parquet$/i.test(path);
  return parquet ? readParquetProbeSet(path, display, options) : readArrow(path, display, options);
}
async function readArrow(path, display, options) {
  const bytes = await readCapped(path, display, options.maxBytes, "probe set", options.openSource);
  let table;
  try {
    table = tableFromIPC(bytes);
  } catch (err) {
    throw new ProbeSetError(
      `probe set ${display} is not a readable Arrow IPC file: ${err.message}`
    );
  }
  const names = table.schema.fields.map((f) => f.name);
  const child = (name, what) => {
    const vector = table.getChild(name);
    if (!vector)
      throw new ProbeSetError(
        `probe set ${display} has no column "${name}" (${what}); its columns: ${describeColumns(names)}`
      );
    return vector;
  };
  const idVector = child(options.idColumn, "the ids");
  const builders = options.columns.map((request) => {
    const vector = child(request.column, `model input ${request.input}`);
    checkLeafType2(leafType2(vector.type), request, display, (t) => t.toString());
    return { vector, builder: new ColumnBuilder(request) };
  });
  const ids = [];
  for (let r = 0; r < table.numRows; r++) {
    const id = idVector.get(r);
    if (id === null || id === void 0)
      throw new ProbeSetError(`probe set ${display}: null id in row ${r}`);
    ids.push(String(id));
    for (const { vector, builder } of builders) {
      const out = [];
      flatten2(
        vector.get(r),
        out,
        () => `probe set ${display}: null in column "${builder.request.column}", row ${r} (id ${JSON.stringify(ids[r])})`
      );
      builder.push(out);
    }
  }
  return {
    ids,
    columns: new Map(builders.map(({ builder }) => [builder.request.input, builder.build()]))
  };
}
function leafType2(type) {
  let t = type;
  while (DataType.isList(t) || DataType.isFixedSizeList(t)) t = t.children[0].type;
  return t;
}
function checkLeafType2(leaf, request, display, show) {
  const isInt = DataType.isInt(leaf) || DataType.isBool(leaf);
  const isFloat = DataType.isFloat(leaf);
  if (!isInt && !isFloat) {
    throw new ProbeSetError(
      `probe set ${display}: column "${request.column}" holds ${show(leaf)}; expected numbers for model input ${request.input} (${request.type})`
    );
  }
  if (isFloat && INTEGER_TARGETS.has(request.type)) {
    throw new ProbeSetError(
      `probe set ${display}: column "${request.column}" holds ${show(leaf)}, model input ${request.input} takes ${request.type}; expected integers (floats are not truncated silently)`
    );
  }
}
function flatten2(value, out, nullMessage) {
  if (value === null || value === void 0) throw new ProbeSetError(nullMessage());
  if (typeof value === "number" || typeof value === "bigint") {
    out.push(value);
    return;
  }
  if (typeof value === "boolean") {
    out.push(value ? 1 : 0);
    return;
  }
  const vector = value;
  if (DataType.isList(vector.type) || DataType.isFixedSizeList(vector.type)) {
    for (let i = 0; i < vector.length; i++) flatten2(vector.get(i), out, nullMessage);
    return;
  }
  if (vector.nullCount > 0) throw new ProbeSetError(nullMessage());
  const half = DataType.isFloat(vector.type) && vector.type.precision === Precision.HALF;
  if (DataType.isBool(vector.type)) {
    for (let i = 0; i < vector.length; i++) out.push(vector.get(i) ? 1 : 0);
    return;
  }
  const array = vector.toArray();
  for (let i = 0; i < array.length; i++)
    out.push(half ? decodeFloat16(array[i]) : array[i]);
}

// src/staging/probe.ts
var DEFAULT_PROBE_BATCH = 64;
async function runProbe(ctx, loaded, decl, modality, field) {
  const findings = [];
  const job = newProbeJob(ctx, loaded.doc, decl, modality, field, findings);
  let result = {
    modality,
    model: job.modelFile,
    set: job.setFile,
    vectors: job.storedFile,
    outcome: "error",
    tolerance: decl.tolerance ?? 0
  };
  const done = () => ({ result, findings });
  const stored = await openStored(job);
  if (!stored) return done();
  result = { ...result, tolerance: stored.tolerance };
  let model;
  try {
    model = await loadEmbeddingModel(job);
    if (!model) return done();
    const planned = await plan(job, model, stored.dims);
    if (!planned) return done();
    const loadedModel = model;
    const compared = await (ctx.probeRun ?? ((r) => r.run(r.source)))({
      modality,
      source: stored.source,
      ids: planned.set.ids,
      feeds: planned.rows,
      run: (source) => run(job, loadedModel, source, planned)
    });
    if (!compared) return done();
    const judged = judgeProbe({
      ...compared,
      ids: planned.set.ids,
      tolerance: stored.tolerance,
      dtype: stored.dtype,
      modelFile: job.modelFile,
      storedFile: job.storedFile,
      setLocation: job.at("set")
    });
    result = { ...result, ...judged.judged };
    judged.findings.forEach(job.add);
    return done();
  } finally {
    try {
      await stored.source.close();
    } finally {
      await model?.session.release();
    }
  }
}
async function openStored(job) {
  const { ctx, decl, stored } = job;
  let source;
  try {
    source = await ctx.openVectors(stored.path, stored.open);
  } catch (err) {
    if (!(err instanceof VectorFileError)) throw err;
    job.emit(
      "probe.vectors",
      `cannot read the stored vectors: ${err.message}`,
      decl.vectors ? job.at("vectors", "path") : { file: job.storedFile }
    );
    return void 0;
  }
  const { dims, dtype } = source.info;
  if (dtype === "binary") {
    job.emit(
      "probe.unsupported",
      `the stored vectors ${job.storedFile} are packed bits; a cosine probe needs numeric vectors`,
      job.at(),
      "warning"
    );
    await source.close();
    return void 0;
  }
  return { source, dims, dtype, tolerance: decl.tolerance ?? DEFAULT_PROBE_TOLERANCE[dtype] };
}
async function loadEmbeddingModel(job) {
  const { ctx } = job;
  try {
    return await loadModel(job.modelPath, job.modelFile, {
      maxBytes: ctx.limits.maxModelBytes,
      ort: ctx.ort,
      threads: ctx.limits.threads,
      sha256: job.decl.sha256,
      what: "embedding model",
      openSource: ctx.openSource
    });
  } catch (err) {
    if (!(err instanceof StagingFileError)) throw err;
    job.emit("probe.model", err.message, job.at("model"));
    return void 0;
  }
}
async function plan(job, model, dims) {
  const { ctx, decl, at } = job;
  const { plan: feed, problems } = planProbe(model, decl, dims);
  if (!feed) {
    for (const p of [...problems.slice(1), problems[0]])
      job.emit("probe.model", p.message, at(p.field));
    return void 0;
  }
  let set;
  try {
    set = await readProbeSet(job.setPath, job.setFile, {
      format: decl.format,
      idColumn: decl.id_column ?? "id",
      columns: feed.inputs,
      maxBytes: ctx.limits.maxDataBytes,
      openSource: ctx.openSource
    });
  } catch (err) {
    if (!(err instanceof ProbeSetError || err instanceof StagingFileError)) throw err;
    job.emit("probe.inputs", err.message, at("set"));
    return void 0;
  }
  const index = /* @__PURE__ */ new Map();
  for (const [r, id] of set.ids.entries()) {
    if (index.has(id)) {
      job.emit(
        "probe.inputs",
        `probe id ${JSON.stringify(id)} appears twice in the probe set; expected unique ids`,
        at("set")
      );
      return void 0;
    }
    index.set(id, r);
  }
  const fixedBatch = feed.inputs.find((i) => i.fixedBatch !== void 0)?.fixedBatch;
  return {
    feed,
    set,
    index,
    rows: rowFeeds(feed, set, job.setFile),
    dims,
    batch: fixedBatch ?? decl.batch_size ?? DEFAULT_PROBE_BATCH,
    ...fixedBatch !== void 0 && { fixedBatch }
  };
}
function rowFeeds(feed, set, setFile) {
  return set.ids.map((id, r) => {
    const shapes = [];
    for (const input of feed.inputs) {
      const column = set.columns.get(input.input);
      const length = column.offsets[r + 1] - column.offsets[r];
      const shape = rowShapeFor(input, length);
      if (!shape)
        return {
          misfit: `probe set ${setFile}: row ${r} (id ${JSON.stringify(id)}) has ${length} values in column "${input.column}", which does not fit model input "${input.input}" (one row: [${input.rowShape.map((d) => d === -1 ? "?" : d).join(", ")}])`
        };
      shapes.push(shape);
    }
    return { shapes, key: shapes.map((s) => s.join("x")).join("|") };
  });
}
export {
  DEFAULT_PROBE_BATCH,
  runProbe
};
