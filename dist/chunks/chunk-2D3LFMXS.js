#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  copyRow,
  resolveInWorkspace,
  rowId,
  score,
  shapeText,
  storedRowWidth
} from "./chunk-X22DNU2F.js";
import {
  VectorFileError
} from "./chunk-L2CUIFHJ.js";

// src/retrieval/stats.ts
var TWO_32 = 4294967296;
function splitmix32(seed) {
  let z = seed | 0;
  return () => {
    z = z + 2654435769 | 0;
    let t = z;
    t = Math.imul(t ^ t >>> 16, 569420461);
    t = Math.imul(t ^ t >>> 15, 1935289751);
    return (t ^ t >>> 15) >>> 0;
  };
}
var Rng = class {
  a;
  b;
  c;
  d;
  spare;
  /** @param seed any number; its low 32 bits pick the stream. */
  constructor(seed) {
    const mix = splitmix32(seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
  }
  /** Next uniform 32-bit unsigned integer. */
  nextUint32() {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }
  /** Uniform in [0, 1) with 53 random bits. */
  float() {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }
  /** Uniform integer in [0, n), without modulo bias (Lemire's method); n ≤ 2^21. */
  int(n) {
    if (!(n > 0 && n <= 2097152 && Number.isInteger(n)))
      throw new RangeError(`Rng.int: n must be an integer in 1..2^21, got ${n}`);
    let m = this.nextUint32() * n;
    let high = Math.floor(m / TWO_32);
    let low = m - high * TWO_32;
    if (low < n) {
      const threshold = (TWO_32 - n) % n;
      while (low < threshold) {
        m = this.nextUint32() * n;
        high = Math.floor(m / TWO_32);
        low = m - high * TWO_32;
      }
    }
    return high;
  }
  /** Standard normal deviate (Box–Muller; the second value of each pair is kept). */
  normal() {
    if (this.spare !== void 0) {
      const s = this.spare;
      this.spare = void 0;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.float();
    const v = this.float();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }
};
function rotl(x, k) {
  return x << k | x >>> 32 - k;
}
function deriveSeed(seed, label) {
  let h = 2166136261 ^ (seed | 0);
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return splitmix32(h)();
}
function mean(xs) {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}
function quantileSorted(sorted, q) {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
function compactCopy(deltas) {
  const n = deltas.length;
  let small = true;
  let single = true;
  for (let i = 0; i < n && (small || single); i++) {
    const v = deltas[i];
    if (small && !(Number.isInteger(v) && v >= -128 && v <= 127 && !Object.is(v, -0)))
      small = false;
    if (single && Math.fround(v) !== v) single = false;
  }
  if (small) return Int8Array.from(deltas);
  return single ? Float32Array.from(deltas) : Float64Array.from(deltas);
}
function pairedBootstrapCI(deltas, options) {
  const { iterations = 1e4, level = 0.95, seed } = options;
  const n = deltas.length;
  if (n === 0) throw new RangeError("pairedBootstrapCI: no deltas");
  if (!(level > 0 && level < 1))
    throw new RangeError(`pairedBootstrapCI: level must be in (0, 1), got ${level}`);
  const rng = new Rng(seed);
  const d = compactCopy(deltas);
  const means = new Float64Array(iterations);
  for (let b = 0; b < iterations; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d[rng.int(n)];
    means[b] = s / n;
  }
  means.sort();
  return {
    low: quantileSorted(means, (1 - level) / 2),
    high: quantileSorted(means, (1 + level) / 2),
    mean: mean(deltas),
    level
  };
}
function signFlipTest(deltas, options) {
  const { permutations = 1e4, seed, alternative = "less", margin = 0 } = options;
  const n = deltas.length;
  if (n === 0) throw new RangeError("signFlipTest: no deltas");
  const d = new Float64Array(n);
  let observed = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    d[i] = deltas[i] + margin;
    observed += d[i];
    scale += Math.abs(d[i]);
  }
  const tolerance = 1e-12 * scale;
  const rng = new Rng(seed);
  let extreme = 0;
  for (let b = 0; b < permutations; b++) {
    let s = 0;
    let bits = 0;
    for (let i = 0; i < n; i++) {
      if ((i & 31) === 0) bits = rng.nextUint32();
      s += d[i] * ((bits & 1) * 2 - 1);
      bits >>>= 1;
    }
    if (alternative === "less" ? s <= observed + tolerance : Math.abs(s) >= Math.abs(observed) - tolerance)
      extreme++;
  }
  return (1 + extreme) / (permutations + 1);
}
function holmBonferroni(pValues) {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
  const adjusted = new Array(m).fill(0);
  let running = 0;
  order.forEach((idx, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[idx]));
    adjusted[idx] = running;
  });
  return adjusted;
}
function sampleSd(xs) {
  const n = xs.length;
  if (n < 2) return NaN;
  const m = mean(xs);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}
function normalQuantile(p) {
  if (!(p > 0 && p < 1)) return NaN;
  const a = [
    -39.6968302866538,
    220.946098424521,
    -275.928510446969,
    138.357751867269,
    -30.6647980661472,
    2.50662827745924
  ];
  const b = [
    -54.4760987982241,
    161.585836858041,
    -155.698979859887,
    66.8013118877197,
    -13.2806815528857
  ];
  const c = [
    -0.00778489400243029,
    -0.322396458041136,
    -2.40075827716184,
    -2.54973253934373,
    4.37466414146497,
    2.93816398269878
  ];
  const d = [0.00778469570904146, 0.32246712907004, 2.445134137143, 3.75440866190742];
  const tail = (q2) => (((((c[0] * q2 + c[1]) * q2 + c[2]) * q2 + c[3]) * q2 + c[4]) * q2 + c[5]) / ((((d[0] * q2 + d[1]) * q2 + d[2]) * q2 + d[3]) * q2 + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
function minimumDetectableDrop(standardError, options = {}) {
  const { alpha = 0.05, power = 0.8, family = 1 } = options;
  return (normalQuantile(1 - alpha / family) + normalQuantile(power)) * standardError;
}

// src/staging/consumer-job.ts
import { relative } from "node:path";
function newJob(ctx, loaded, findings) {
  const contract = loaded.contract;
  const staging = contract.staging;
  const resolve = (field) => resolveInWorkspace(loaded.doc, ["staging", field], staging[field], ctx.workspace);
  return {
    ctx,
    consumer: contract.consumer,
    staging,
    modelPath: resolve("model"),
    labelsPath: resolve("labels"),
    display: (p) => relative(ctx.cwd, p) || p,
    at: (field) => loaded.doc.locate(["staging", field]),
    emit: (id, message, location, extra = {}) => findings.push({
      id,
      severity: extra.severity ?? "error",
      consumer: contract.consumer,
      message: `${contract.consumer}: ${message}`,
      location,
      ...extra.expected !== void 0 && { expected: extra.expected },
      ...extra.found !== void 0 && { found: extra.found }
    })
  };
}
function emitIo(job, p) {
  const written = job.staging[p.field] !== void 0;
  job.emit("staging.io", p.message, job.at(written ? p.field : "model"), {
    expected: p.expected,
    found: p.found
  });
}

// src/staging/feed.ts
var DEFAULT_STAGING_BATCH = 1024;
var FLOAT_INPUTS = /* @__PURE__ */ new Set(["float32", "float64"]);
function pick(kind, declared, name) {
  const names = declared.map((d) => d.name);
  if (name !== void 0) {
    const found = declared.find((d) => d.name === name);
    return found ?? {
      field: kind,
      message: `the model has no ${kind} "${name}" (its ${kind}s: ${names.join(", ") || "none"})`,
      expected: name,
      found: names
    };
  }
  if (declared.length === 1) return declared[0];
  return {
    field: kind,
    message: `the model has ${declared.length} ${kind}s (${names.join(", ")}); name the one to use in staging.${kind}`,
    found: names
  };
}
var isProblem = (x) => "message" in x;
function planFeed(model, staging, vectors, side) {
  const problems = [];
  const input = pick("input", model.inputs, staging.input);
  const output = pick("output", model.outputs, staging.output);
  if (isProblem(input)) problems.push(input);
  if (isProblem(output)) problems.push(output);
  if (isProblem(input) || isProblem(output)) return { problems };
  const others = model.inputs.filter((i) => i.name !== input.name).map((i) => i.name);
  if (others.length) {
    problems.push({
      field: "input",
      message: `the model needs inputs besides "${input.name}" (${others.join(", ")}); staging feeds only the vectors`,
      found: model.inputs.map((i) => i.name)
    });
  }
  const width = storedRowWidth(vectors.dtype, vectors.dims);
  const packed = vectors.dtype === "binary";
  const inputTypeOk = FLOAT_INPUTS.has(input.type) ? !packed : input.type === vectors.dtype || packed && input.type === "uint8";
  if (!inputTypeOk) {
    problems.push({
      field: "input",
      message: `model input "${input.name}" takes ${input.type}, the ${side}'s vectors are ${vectors.dtype}` + (FLOAT_INPUTS.has(input.type) || input.type === "int8" || input.type === "uint8" ? "" : " (staging feeds float32, float64, int8 or uint8 inputs)"),
      expected: input.type,
      found: vectors.dtype
    });
  }
  if (input.shape.length !== 2) {
    problems.push({
      field: "input",
      message: `model input "${input.name}" has shape ${shapeText(input)}; expected [batch, width] to take one vector per row`,
      expected: "[batch, width]",
      found: input.shape
    });
  } else if (typeof input.shape[1] === "number" && input.shape[1] >= 0 && input.shape[1] !== width) {
    problems.push({
      field: "input",
      message: `model input "${input.name}" takes vectors of width ${input.shape[1]} (shape ${shapeText(input)}), the ${side}'s vectors have ${vectors.dims} dims${packed ? ` (${width} packed bytes)` : ""}`,
      expected: input.shape[1],
      found: width
    });
  }
  if (output.type !== "float32" && output.type !== "float64") {
    problems.push({
      field: "output",
      message: `model output "${output.name}" is ${output.type}; expected float32 or float64 scores (probabilities, logits or values)`,
      expected: "float32",
      found: output.type
    });
  } else if (output.shape.length < 1 || output.shape.length > 2) {
    problems.push({
      field: "output",
      message: `model output "${output.name}" has shape ${shapeText(output)}; expected [batch] or [batch, columns]`,
      found: output.shape
    });
  } else {
    const columns = output.shape.length === 1 ? 1 : output.shape[1];
    if (typeof columns === "number" && columns >= 0) {
      const problem = outputWidthProblem(staging, columns, output.name);
      if (problem) problems.push(problem);
    }
  }
  if (problems.length) return { input, output, problems };
  const batch = input.shape[0];
  const fixedBatch = typeof batch === "number" && batch > 0 ? batch : void 0;
  return {
    input,
    output,
    problems,
    plan: {
      input: input.name,
      inputType: input.type,
      width,
      output: output.name,
      batchSize: staging.batch_size ?? DEFAULT_STAGING_BATCH,
      ...fixedBatch !== void 0 && { fixedBatch }
    }
  };
}
function outputWidthProblem(staging, columns, name) {
  const { task, metric, classes } = staging;
  if (task !== "classification") {
    return columns === 1 ? void 0 : {
      field: "output",
      message: `model output "${name}" has ${columns} columns; ${task} needs one value per vector`,
      expected: 1,
      found: columns
    };
  }
  if (columns < 1) {
    return { field: "output", message: `model output "${name}" has no columns`, found: columns };
  }
  const classCount = columns === 1 ? 2 : columns;
  if (classes && classes.length !== classCount) {
    return {
      field: "classes",
      message: `staging.classes lists ${classes.length} classes, model output "${name}" has ${columns} column(s) (${classCount} classes${columns === 1 ? ": one probability of the second class" : ""})`,
      expected: classCount,
      found: classes.length
    };
  }
  if (metric === "roc_auc" && classCount !== 2) {
    return {
      field: "metric",
      message: `roc_auc judges a binary classifier; model output "${name}" has ${columns} classes (use accuracy or macro_f1)`,
      expected: 2,
      found: classCount
    };
  }
  return void 0;
}

// src/staging/labels.ts
var LabelsError = class extends Error {
  constructor(file, line, detail) {
    super(`${file}${line === void 0 ? "" : `:${line}`}: ${detail}`);
    this.file = file;
    this.line = line;
  }
  file;
  line;
  name = "LabelsError";
};
function splitRecord(line, delimiter) {
  const out = [];
  let i = 0;
  for (; ; ) {
    let field = "";
    if (line[i] === '"') {
      i++;
      for (; ; ) {
        if (i >= line.length) return void 0;
        const ch = line[i];
        if (ch === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += ch;
        i++;
      }
      if (i < line.length && line[i] !== delimiter) return void 0;
    } else {
      const end = line.indexOf(delimiter, i);
      field = end < 0 ? line.slice(i) : line.slice(i, end);
      i = end < 0 ? line.length : end;
    }
    out.push(field);
    if (i >= line.length) return out;
    i++;
  }
}
function parseLabels(text, file) {
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  const rawLines = body.split("\n");
  const firstContent = rawLines.find((l) => l.trim() !== "");
  if (firstContent === void 0) throw new LabelsError(file, void 0, "no labels (empty file)");
  const delimiter = firstContent.includes("	") ? "	" : ",";
  const ids = [];
  const labels = [];
  const lines = [];
  const index = /* @__PURE__ */ new Map();
  let sawContent = false;
  rawLines.forEach((raw, n) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") return;
    const lineNo = n + 1;
    const fields = splitRecord(line, delimiter);
    if (!fields) throw new LabelsError(file, lineNo, "unterminated or misplaced double quote");
    const first = !sawContent;
    sawContent = true;
    if (first && fields[0].trim().toLowerCase() === "id") return;
    if (fields.length !== 2) {
      throw new LabelsError(
        file,
        lineNo,
        `expected 2 fields (id${delimiter === "	" ? "<tab>" : ","}label), found ${fields.length}`
      );
    }
    const id = fields[0].trim();
    const label = fields[1].trim();
    if (id === "") throw new LabelsError(file, lineNo, "empty id");
    if (label === "")
      throw new LabelsError(file, lineNo, `empty label for id ${JSON.stringify(id)}`);
    const previous = index.get(id);
    if (previous !== void 0) {
      throw new LabelsError(
        file,
        lineNo,
        `id ${JSON.stringify(id)} is labeled twice (first on line ${lines[previous]}); expected one label per id`
      );
    }
    index.set(id, ids.length);
    ids.push(id);
    labels.push(label);
    lines.push(lineNo);
  });
  if (ids.length === 0) throw new LabelsError(file, void 0, "no labels (only a header)");
  return { ids, labels, lines: Int32Array.from(lines), index };
}
function numericLabels(table, file, what) {
  return Float64Array.from(table.labels, (label, i) => {
    const value = Number(label);
    if (!Number.isFinite(value) || label.trim() === "") {
      throw new LabelsError(
        file,
        table.lines[i],
        `label ${JSON.stringify(label)} of id ${JSON.stringify(table.ids[i])} is not a number; ${what} needs numeric labels`
      );
    }
    return value;
  });
}
function classLabels(table, file, classes, classCount) {
  const position = classes ? new Map(classes.map((c, i) => [c, i])) : void 0;
  return Int32Array.from(table.labels, (label, i) => {
    const at = position ? position.get(label) : /^\d+$/.test(label) ? Number(label) : void 0;
    if (at === void 0 || at >= classCount) {
      const expected = classes ? `one of the contract's classes (${classes.join(", ")})` : `a class index from 0 to ${classCount - 1} (or list the class names in staging.classes)`;
      throw new LabelsError(
        file,
        table.lines[i],
        `label ${JSON.stringify(label)} of id ${JSON.stringify(table.ids[i])}: expected ${expected}`
      );
    }
    return at;
  });
}

// src/staging/predict.ts
var DEFAULT_THRESHOLD = 0.5;
function decodeLabels(staging, table, file, columns) {
  if (staging.task === "regression") return { values: numericLabels(table, file, "regression") };
  if (staging.task === "ranking") {
    const relevance = numericLabels(table, file, "ranking");
    return { classes: Int32Array.from(relevance, (r) => r > 0 ? 1 : 0), classCount: 2 };
  }
  const classCount = columns === 1 ? 2 : columns;
  return { classes: classLabels(table, file, staging.classes, classCount), classCount };
}
function usableExamples(runs) {
  const first = runs[0];
  const examples = first.found.length;
  const out = [];
  for (let e = 0; e < examples; e++) {
    let ok = true;
    for (const run2 of runs) {
      if (!run2.found[e]) ok = false;
      for (let j = 0; ok && j < run2.width; j++)
        if (!Number.isFinite(run2.values[e * run2.width + j])) ok = false;
      if (!ok) break;
    }
    if (ok) out.push(e);
  }
  return Int32Array.from(out);
}
function predictionsOf(staging, run2, examples) {
  const { width, values } = run2;
  const n = examples.length;
  if (staging.task !== "classification") {
    return { scores: Float64Array.from(examples, (e) => values[e * width]) };
  }
  const classes = new Int32Array(n);
  const scores = new Float64Array(n);
  const threshold = staging.threshold ?? DEFAULT_THRESHOLD;
  for (let i = 0; i < n; i++) {
    const base = examples[i] * width;
    if (width === 1) {
      scores[i] = values[base];
      classes[i] = values[base] >= threshold ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let j = 1; j < width; j++) if (values[base + j] > values[base + best]) best = j;
    classes[i] = best;
    scores[i] = width === 2 ? values[base + 1] - values[base] : NaN;
  }
  return { classes, scores };
}
function truthOf(labels, examples) {
  return {
    ...labels.classes && { classes: Int32Array.from(examples, (e) => labels.classes[e]) },
    ...labels.values && { values: Float64Array.from(examples, (e) => labels.values[e]) },
    ...labels.classCount !== void 0 && { classCount: labels.classCount }
  };
}

// src/staging/run-model.ts
var ModelRunError = class extends Error {
  name = "ModelRunError";
};
var BUFFER_FOR = {
  float32: (n) => new Float32Array(n),
  float64: (n) => new Float64Array(n),
  int8: (n) => new Int8Array(n),
  uint8: (n) => new Uint8Array(n)
};
async function runOverVectors(session, ort, source, index, plan, display, order) {
  const examples = index.size;
  const runRows = plan.fixedBatch ?? plan.batchSize;
  const buffer = BUFFER_FOR[plan.inputType](runRows * plan.width);
  const pending = [];
  const found = new Uint8Array(examples);
  let foundCount = 0;
  let width = -1;
  let values = new Float64Array(0);
  const ids = new Array(examples);
  let runs = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending.length;
    const fed = plan.fixedBatch ?? rows;
    if (fed > rows) buffer.fill(0, rows * plan.width);
    const tensor = new ort.Tensor(plan.inputType, buffer.subarray(0, fed * plan.width), [
      fed,
      plan.width
    ]);
    let result;
    try {
      result = await session.run({ [plan.input]: tensor }, [plan.output]);
    } catch (err) {
      const cause = (err instanceof Error ? err.message : String(err)).split("\n")[0];
      throw new ModelRunError(
        `the model failed on ${display} (run ${runs + 1}, ${rows} rows): ${cause}`
      );
    } finally {
      tensor.dispose();
    }
    runs++;
    const out = result[plan.output];
    if (!out || !("dims" in out) || !("data" in out))
      throw new ModelRunError(`the model returned no tensor ${JSON.stringify(plan.output)}`);
    const dims = out.dims;
    const data = out.data;
    if (dims[0] !== fed) {
      throw new ModelRunError(
        `output ${plan.output} has ${dims[0]} rows for ${fed} input rows; expected one output row per vector`
      );
    }
    const rowWidth = dims.slice(1).reduce((a, b) => a * b, 1);
    if (width < 0) {
      width = rowWidth;
      values = new Float64Array(examples * width).fill(NaN);
    } else if (rowWidth !== width) {
      throw new ModelRunError(
        `output ${plan.output} changed width between runs (${width} then ${rowWidth})`
      );
    }
    for (let r = 0; r < rows; r++) {
      const e = pending[r];
      for (let j = 0; j < width; j++) values[e * width + j] = Number(data[r * width + j]);
    }
    out.dispose?.();
    pending.length = 0;
  };
  let next = 0;
  for await (const batch of source.batches()) {
    const batchIds = batch.ids;
    for (let r = 0; r < batch.rows; r++) {
      const id = batchIds ? batchIds[r] : rowId(batch, r);
      const e = order !== void 0 && order[next] === id ? next : index.get(id);
      if (e === void 0) continue;
      next = e + 1;
      if (found[e]) continue;
      found[e] = 1;
      foundCount++;
      ids[e] = id;
      copyRow(batch, r, buffer, pending.length * plan.width);
      pending.push(e);
      if (pending.length === runRows) await flush();
    }
  }
  await flush();
  const firstIds = [];
  let nonFiniteRows = 0;
  for (let e = 0; e < examples && width > 0; e++) {
    if (!found[e]) continue;
    for (let j = 0; j < width; j++) {
      if (!Number.isFinite(values[e * width + j])) {
        nonFiniteRows++;
        if (firstIds.length < 10) firstIds.push(ids[e]);
        break;
      }
    }
  }
  return {
    values,
    width: Math.max(width, 0),
    found,
    foundCount,
    nonFinite: { rows: nonFiniteRows, firstIds }
  };
}

// src/staging/consumer-run.ts
async function runSide(job, model, table, side, feed) {
  const { ctx } = job;
  const over = (source) => runOverVectors(
    model.session,
    ctx.ort,
    source,
    table.index,
    feed,
    side.vectors.displayPath,
    table.ids
  );
  const request = {
    consumer: job.consumer,
    side: side === ctx.candidate ? "candidate" : "baseline",
    vectors: side.vectors,
    index: table.index,
    run: over
  };
  try {
    return await (ctx.consumerRun ?? runWhole(ctx))(request);
  } catch (err) {
    if (!(err instanceof ModelRunError || err instanceof VectorFileError)) throw err;
    job.emit(
      "staging.run",
      `running ${job.display(job.modelPath)} on ${side.vectors.displayPath}: ${err.message}`,
      job.at("model")
    );
    return void 0;
  }
}
function runWhole(ctx) {
  return async ({ vectors, run: run2 }) => {
    const source = await ctx.openVectors(vectors.path, vectors.open);
    try {
      return await run2(source);
    } finally {
      await source.close();
    }
  };
}
async function run(job, model, planned) {
  const { feed, table, labelsFile } = planned;
  const { staging, emit } = job;
  const candidate = await runSide(job, model, table, job.ctx.candidate, feed);
  if (job.ctx.recordOnly) {
    if (candidate) await runBaseline(job, model, table);
    return {};
  }
  if (!candidate) return {};
  const widthProblem = outputWidthProblem(staging, candidate.width, feed.output);
  if (widthProblem) {
    emitIo(job, widthProblem);
    return {};
  }
  const examples = candidate.foundCount;
  if (!candidateUsable(job, candidate, table, feed)) return { examples };
  let labels;
  try {
    labels = decodeLabels(staging, table, labelsFile, candidate.width);
  } catch (err) {
    if (!(err instanceof LabelsError)) throw err;
    emit("staging.labels", err.message, { file: err.file, ...err.line && { line: err.line } });
    return { examples };
  }
  const baseline = await runBaseline(job, model, table);
  return { examples, outputs: { candidate, labels, ...baseline && { baseline } } };
}
function candidateUsable(job, cand, table, feed) {
  const { emit, at } = job;
  const candidateFile = job.ctx.candidate.vectors.displayPath;
  if (cand.foundCount === 0) {
    emit(
      "staging.labels",
      `none of the ${table.ids.length} labeled ids (e.g. ${JSON.stringify(table.ids[0])}) is in the candidate's vectors ${candidateFile}; nothing to judge`,
      at("labels")
    );
    return false;
  }
  if (cand.foundCount < table.ids.length) {
    const missing = table.ids.filter((_, e) => !cand.found[e]);
    emit(
      "staging.coverage",
      `${missing.length} of ${table.ids.length} labeled ids are not in the candidate's vectors ${candidateFile} (first: ${missing.slice(0, 5).map((m) => JSON.stringify(m)).join(", ")}); judged on the other ${cand.foundCount}`,
      at("labels"),
      { severity: "warning", expected: table.ids.length, found: cand.foundCount }
    );
  }
  if (cand.nonFinite.rows > 0) {
    emit(
      "staging.non-finite",
      `the model's output "${feed.output}" holds NaN or \xB1Inf for ${cand.nonFinite.rows} of ${cand.foundCount} candidate vectors (first ids: ${cand.nonFinite.firstIds.map((i) => JSON.stringify(i)).join(", ")}); expected finite outputs`,
      { file: candidateFile, id: cand.nonFinite.firstIds[0] },
      { expected: 0, found: cand.nonFinite.rows }
    );
    return false;
  }
  return true;
}
async function runBaseline(job, model, table) {
  const { staging, emit, at } = job;
  const baseline = job.ctx.baseline;
  if (!baseline) {
    if (staging.max_drop !== void 0)
      emit(
        "staging.no-baseline",
        `allows a ${staging.metric === "mse" ? "rise" : "drop"} of at most ${staging.max_drop} in ${staging.metric}; that needs --baseline, so it was not verified`,
        at("max_drop"),
        { severity: "warning" }
      );
    return void 0;
  }
  const feed = planFeed(model, staging, baseline.vectors.info, "baseline");
  if (!feed.plan) {
    emit(
      "staging.no-baseline",
      `the model does not take the baseline's vectors (${feed.problems.map((p) => p.message).join("; ")}); only the candidate's floor is judged`,
      at("model"),
      { severity: "warning" }
    );
    return void 0;
  }
  const base = await runSide(job, model, table, baseline, feed.plan);
  if (base && base.nonFinite.rows > 0) {
    emit(
      "staging.no-baseline",
      `the model's output holds NaN or \xB1Inf for ${base.nonFinite.rows} baseline vectors (first ids: ${base.nonFinite.firstIds.map((i) => JSON.stringify(i)).join(", ")}); those examples are left out of the comparison`,
      { file: baseline.vectors.displayPath, id: base.nonFinite.firstIds[0] },
      { severity: "warning" }
    );
  }
  return base;
}

// src/retrieval/decision.ts
var PASS = { status: "pass" };
function decide(input) {
  const { candidate, min, max, maxDrop, paired } = input;
  if (min !== void 0 && candidate < min) return { status: "fail", by: "min" };
  if (max !== void 0 && candidate > max) return { status: "fail", by: "max" };
  if (maxDrop === void 0 || !paired) return PASS;
  const higher = input.direction === "higher-is-better";
  const change = higher ? paired.delta : -paired.delta;
  const worstPlausible = higher ? paired.low : -paired.high;
  if ((paired.pAdjusted ?? paired.p) < paired.alpha && change < -maxDrop)
    return { status: "fail", by: "max_drop" };
  const powered = isPowered(paired.mde, maxDrop);
  if (powered ? change < -maxDrop : worstPlausible < -maxDrop)
    return { status: "inconclusive", by: "max_drop" };
  return PASS;
}
function isPowered(mde, maxDrop) {
  return mde !== void 0 && mde <= maxDrop;
}
function unitsNeeded(n, mde, maxDrop) {
  if (!(maxDrop > 0) || !Number.isFinite(mde)) return NaN;
  return Math.ceil(n * (mde / maxDrop) ** 2);
}
function floorMessage(metric, by, bound, candidate, baseline) {
  const base = baseline === void 0 ? "" : ` (baseline ${score(baseline)})`;
  const what = by === "min" ? "below the required minimum" : "above the allowed maximum";
  return `${metric} = ${score(candidate)} is ${what} ${score(bound)}${base}`;
}

export {
  Rng,
  deriveSeed,
  mean,
  quantileSorted,
  pairedBootstrapCI,
  signFlipTest,
  holmBonferroni,
  sampleSd,
  minimumDetectableDrop,
  newJob,
  emitIo,
  planFeed,
  LabelsError,
  parseLabels,
  usableExamples,
  predictionsOf,
  truthOf,
  runWhole,
  run,
  decide,
  isPowered,
  unitsNeeded,
  floorMessage
};
