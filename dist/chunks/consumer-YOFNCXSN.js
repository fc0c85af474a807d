#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  StagingFileError,
  copyRow,
  loadModel,
  readCapped,
  rowId,
  shapeText,
  storedRowWidth
} from "./chunk-MJWHVHLI.js";
import {
  Rng,
  decide,
  deriveSeed,
  floorMessage,
  isPowered,
  minimumDetectableDrop,
  pairedBootstrapCI,
  quantileSorted,
  sampleSd,
  signFlipTest,
  unitsNeeded
} from "./chunk-KFSYBI57.js";
import {
  count,
  interval,
  pValue,
  percent,
  resolveInWorkspace,
  score,
  signed
} from "./chunk-3Q2UUX7K.js";
import "./chunk-VTONPRI7.js";
import "./chunk-CQLA25CY.js";
import "./chunk-R56NE3ZG.js";
import "./chunk-O57DMMLW.js";
import {
  VectorFileError
} from "./chunk-L2CUIFHJ.js";
import "./chunk-GE2CBHQP.js";

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
async function runOverVectors(session, ort, source, index, plan2, display) {
  const examples = index.size;
  const runRows = plan2.fixedBatch ?? plan2.batchSize;
  const buffer = BUFFER_FOR[plan2.inputType](runRows * plan2.width);
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
    const fed = plan2.fixedBatch ?? rows;
    if (fed > rows) buffer.fill(0, rows * plan2.width);
    const tensor = new ort.Tensor(plan2.inputType, buffer.subarray(0, fed * plan2.width), [
      fed,
      plan2.width
    ]);
    let result;
    try {
      result = await session.run({ [plan2.input]: tensor }, [plan2.output]);
    } catch (err) {
      const cause = (err instanceof Error ? err.message : String(err)).split("\n")[0];
      throw new ModelRunError(
        `the model failed on ${display} (run ${runs + 1}, ${rows} rows): ${cause}`
      );
    } finally {
      tensor.dispose();
    }
    runs++;
    const out = result[plan2.output];
    if (!out || !("dims" in out) || !("data" in out))
      throw new ModelRunError(`the model returned no tensor ${JSON.stringify(plan2.output)}`);
    const dims = out.dims;
    const data = out.data;
    if (dims[0] !== fed) {
      throw new ModelRunError(
        `output ${plan2.output} has ${dims[0]} rows for ${fed} input rows; expected one output row per vector`
      );
    }
    const rowWidth = dims.slice(1).reduce((a, b) => a * b, 1);
    if (width < 0) {
      width = rowWidth;
      values = new Float64Array(examples * width).fill(NaN);
    } else if (rowWidth !== width) {
      throw new ModelRunError(
        `output ${plan2.output} changed width between runs (${width} then ${rowWidth})`
      );
    }
    for (let r = 0; r < rows; r++) {
      const e = pending[r];
      for (let j = 0; j < width; j++) values[e * width + j] = Number(data[r * width + j]);
    }
    out.dispose?.();
    pending.length = 0;
  };
  for await (const batch of source.batches()) {
    const batchIds = batch.ids;
    for (let r = 0; r < batch.rows; r++) {
      const id = batchIds ? batchIds[r] : rowId(batch, r);
      const e = index.get(id);
      if (e === void 0 || found[e]) continue;
      found[e] = 1;
      foundCount++;
      ids[e] = id;
      copyRow(batch, r, buffer, pending.length * plan2.width);
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
  const source = await ctx.openVectors(side.vectors.path, side.vectors.open);
  try {
    return await runOverVectors(
      model.session,
      ctx.ort,
      source,
      table.index,
      feed,
      side.vectors.displayPath
    );
  } catch (err) {
    if (!(err instanceof ModelRunError || err instanceof VectorFileError)) throw err;
    job.emit(
      "staging.run",
      `running ${job.display(job.modelPath)} on ${side.vectors.displayPath}: ${err.message}`,
      job.at("model")
    );
    return void 0;
  } finally {
    await source.close();
  }
}
async function run(job, model, planned) {
  const { feed, table, labelsFile } = planned;
  const { staging, emit } = job;
  const candidate = await runSide(job, model, table, job.ctx.candidate, feed);
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

// src/staging/metrics.ts
function higherIsBetter(metric) {
  return metric !== "mse";
}
function isPerExample(metric) {
  return metric === "accuracy" || metric === "mse";
}
var weightOf = (w, i) => w ? w[i] : 1;
function perExampleScores(metric, predictions, truth) {
  if (metric === "accuracy") {
    const p2 = predictions.classes;
    const t2 = truth.classes;
    return Float64Array.from(p2, (c, i) => c === t2[i] ? 1 : 0);
  }
  const p = predictions.scores;
  const t = truth.values;
  return Float64Array.from(p, (v, i) => (v - t[i]) * (v - t[i]));
}
function weightedMean(scores, w) {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    const wi = weightOf(w, i);
    sum += wi * scores[i];
    total += wi;
  }
  return sum / total;
}
function macroF1(predicted, actual, classCount, w) {
  const tp = new Float64Array(classCount);
  const fp = new Float64Array(classCount);
  const fn = new Float64Array(classCount);
  for (let i = 0; i < predicted.length; i++) {
    const wi = weightOf(w, i);
    if (wi === 0) continue;
    const p = predicted[i];
    const a = actual[i];
    if (p === a) tp[a] = tp[a] + wi;
    else {
      fp[p] = fp[p] + wi;
      fn[a] = fn[a] + wi;
    }
  }
  let sum = 0;
  let present = 0;
  for (let c = 0; c < classCount; c++) {
    const denominator = 2 * tp[c] + fp[c] + fn[c];
    if (denominator === 0) continue;
    sum += 2 * tp[c] / denominator;
    present++;
  }
  return present ? sum / present : NaN;
}
function scoreOrder(scores) {
  const order = Int32Array.from(scores, (_, i) => i);
  order.sort((a, b) => scores[a] - scores[b] || a - b);
  return order;
}
function rocAuc(scores, positive, order, w) {
  let negativesBelow = 0;
  let numerator = 0;
  let positives = 0;
  let i = 0;
  while (i < order.length) {
    const value = scores[order[i]];
    let groupPositive = 0;
    let groupNegative = 0;
    let j = i;
    for (; j < order.length && scores[order[j]] === value; j++) {
      const e = order[j];
      const wi = weightOf(w, e);
      if (positive[e]) groupPositive += wi;
      else groupNegative += wi;
    }
    numerator += groupPositive * (negativesBelow + 0.5 * groupNegative);
    negativesBelow += groupNegative;
    positives += groupPositive;
    i = j;
  }
  const negatives = negativesBelow;
  return positives > 0 && negatives > 0 ? numerator / (positives * negatives) : NaN;
}
function metricFunction(metric, predictions, truth) {
  switch (metric) {
    case "accuracy":
    case "mse": {
      const scores = perExampleScores(metric, predictions, truth);
      return (w) => weightedMean(scores, w);
    }
    case "macro_f1":
      return (w) => macroF1(predictions.classes, truth.classes, truth.classCount, w);
    case "roc_auc": {
      const order = scoreOrder(predictions.scores);
      return (w) => rocAuc(predictions.scores, truth.classes, order, w);
    }
  }
}

// src/staging/verdict.ts
var STAGING_ALPHA = 0.05;
function bootstrapIterations(n) {
  return Math.min(1e4, Math.max(1e3, Math.floor(2e7 / Math.max(1, n))));
}
function floorVerdict(rule, candidate) {
  const value = candidate.value();
  const decision = decideStaging(rule, value);
  return {
    status: decision.status,
    decidedBy: decision.by,
    message: describeFloor(rule, decision, value) ?? `${rule.metric} = ${score(value)}`,
    candidate: value
  };
}
function decideStaging(rule, candidate, paired) {
  return decide({
    direction: higherIsBetter(rule.metric) ? "higher-is-better" : "lower-is-better",
    candidate,
    ...paired && { paired },
    ...rule.min !== void 0 && { min: rule.min },
    ...rule.max !== void 0 && { max: rule.max },
    ...rule.maxDrop !== void 0 && { maxDrop: rule.maxDrop }
  });
}
function describeFloor(rule, decision, candidate, baseline) {
  if (decision.by === "min")
    return floorMessage(rule.metric, "min", rule.min, candidate, baseline);
  if (decision.by === "max")
    return floorMessage(rule.metric, "max", rule.max, candidate, baseline);
  return void 0;
}
function pairedVerdict(rule, baseline, candidate, n, seed) {
  const orient = higherIsBetter(rule.metric) ? 1 : -1;
  const margin = rule.maxDrop ?? 0;
  const iterations = bootstrapIterations(n);
  const level = 1 - STAGING_ALPHA;
  const baseValue = baseline.value();
  const candValue = candidate.value();
  let oriented;
  let p;
  let standardError;
  if (isPerExample(rule.metric) && baseline.perExample && candidate.perExample) {
    const deltas = new Float64Array(n);
    for (let i = 0; i < n; i++)
      deltas[i] = orient * (candidate.perExample[i] - baseline.perExample[i]);
    oriented = pairedBootstrapCI(deltas, {
      iterations,
      level,
      seed: deriveSeed(seed, "staging:bootstrap")
    });
    p = signFlipTest(deltas, {
      permutations: iterations,
      seed: deriveSeed(seed, "staging:sign-flip"),
      alternative: "less",
      margin
    });
    standardError = sampleSd(deltas) / Math.sqrt(n);
  } else {
    ({ oriented, p, standardError } = bootstrapMetric(
      baseline,
      candidate,
      n,
      orient,
      margin,
      iterations,
      seed
    ));
  }
  const mde = rule.maxDrop === void 0 ? void 0 : minimumDetectableDrop(standardError, { alpha: STAGING_ALPHA });
  const known = mde !== void 0 && Number.isFinite(mde) ? mde : void 0;
  const examplesNeeded = rule.maxDrop !== void 0 && known !== void 0 && !isPowered(known, rule.maxDrop) ? unitsNeeded(n, known, rule.maxDrop) : void 0;
  const delta = candValue - baseValue;
  const ci = orient === 1 ? { low: oriented.low, high: oriented.high, level } : { low: -oriented.high, high: -oriented.low, level };
  const worse = orient === 1 ? "drop" : "rise";
  const change = `${rule.metric} changed by ${signed(delta)} (${score(baseValue)} \u2192 ${score(candValue)}; ${percent(level)} CI ${interval(ci)}, n = ${count(n)})`;
  const decision = decideStaging(rule, candValue, {
    baseline: baseValue,
    delta,
    low: ci.low,
    high: ci.high,
    p,
    alpha: STAGING_ALPHA,
    ...known !== void 0 && { mde: known }
  });
  const beyond = `a ${worse} larger than the allowed ${score(margin)}`;
  const message = describeFloor(rule, decision, candValue, baseValue) ?? (decision.status === "fail" ? `${change}: ${beyond} (p = ${pValue(p)} < \u03B1 = ${STAGING_ALPHA})` : decision.status === "inconclusive" ? inconclusiveMessage(change, beyond, p, ci, orient, margin, known, n, examplesNeeded) : rule.maxDrop === void 0 ? change : `${change}, within the allowed ${worse} of ${score(margin)}`);
  return {
    status: decision.status,
    decidedBy: decision.by,
    message,
    candidate: candValue,
    baseline: baseValue,
    delta,
    ci,
    p,
    ...known !== void 0 && { mde: known },
    ...examplesNeeded !== void 0 && Number.isFinite(examplesNeeded) && { examplesNeeded },
    iterations
  };
}
function inconclusiveMessage(change, beyond, p, ci, orient, margin, mde, n, examplesNeeded) {
  const bound = orient === 1 ? `below -${score(margin)}` : `above ${score(margin)}`;
  const whole = orient === 1 ? ci.high < -margin : ci.low > margin;
  const stats = `p = ${pValue(p)} \u2265 \u03B1 = ${STAGING_ALPHA}`;
  if (whole)
    return `${change}: the whole CI lies ${bound}, yet ${beyond} is not significant (${stats})`;
  if (mde !== void 0 && isPowered(mde, margin))
    return `${change}: the estimate is ${beyond}, but not significantly (${stats})`;
  const power = mde === void 0 ? "" : `; ${count(n)} paired examples detect a worsening of ${score(margin + mde)} with 80% power` + (examplesNeeded !== void 0 && Number.isFinite(examplesNeeded) ? `, about ${count(examplesNeeded)} would resolve the allowed ${score(margin)}` : "");
  return `${change}: the labeled examples cannot rule out ${beyond} (the CI reaches ${bound}; ${stats}${power})`;
}
function bootstrapMetric(baseline, candidate, n, orient, margin, iterations, seed) {
  const rng = new Rng(deriveSeed(seed, "staging:metric-bootstrap"));
  const weights = new Float64Array(n);
  const draws = [];
  const pick2 = n <= 2097152 ? () => rng.int(n) : () => Math.floor(rng.float() * n);
  let within = 0;
  for (let b = 0; b < iterations; b++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) {
      const k = pick2();
      weights[k] = weights[k] + 1;
    }
    const d = orient * (candidate.value(weights) - baseline.value(weights));
    if (Number.isNaN(d)) continue;
    draws.push(d);
    if (d >= -margin) within++;
  }
  if (draws.length === 0) return { oriented: { low: NaN, high: NaN }, p: 1, standardError: NaN };
  const sorted = Float64Array.from(draws).sort();
  const alpha = STAGING_ALPHA;
  return {
    oriented: {
      low: quantileSorted(sorted, alpha / 2),
      high: quantileSorted(sorted, 1 - alpha / 2)
    },
    p: (1 + within) / (draws.length + 1),
    // The bootstrap's spread of δ* estimates the standard error of δ itself.
    standardError: sampleSd(sorted)
  };
}

// src/staging/consumer.ts
var TASK_METRICS = {
  classification: ["accuracy", "macro_f1", "roc_auc"],
  regression: ["mse"],
  ranking: ["roc_auc"]
};
async function stageConsumer(ctx, loaded) {
  const findings = [];
  const job = newJob(ctx, loaded, findings);
  const { staging } = job;
  let result = {
    consumer: job.consumer,
    contract: loaded.doc.file,
    status: loaded.contract.status ?? "active",
    model: job.display(job.modelPath),
    task: staging.task,
    metric: staging.metric,
    outcome: "error",
    ...staging.min !== void 0 && { min: staging.min },
    ...staging.max !== void 0 && { max: staging.max },
    ...staging.max_drop !== void 0 && { maxDrop: staging.max_drop }
  };
  const done = () => ({ result, findings });
  const model = await load(job);
  if (!model) return done();
  try {
    const { run: toRun, ...signatures } = await plan(job, model);
    result = { ...result, ...signatures };
    if (!toRun) return done();
    const ran = await run(job, model, toRun);
    if (ran.examples !== void 0) result = { ...result, examples: ran.examples };
    if (!ran.outputs) return done();
    const judged = judge(job, ran.outputs);
    if (judged) result = { ...result, ...judged };
    return done();
  } finally {
    await model.session.release();
  }
}
async function load(job) {
  const { ctx, staging, emit, at } = job;
  const configProblem = checkConfig(staging);
  if (configProblem) {
    emit("staging.config", configProblem.message, at(configProblem.field));
    return void 0;
  }
  try {
    return await loadModel(job.modelPath, job.display(job.modelPath), {
      maxBytes: ctx.limits.maxModelBytes,
      ort: ctx.ort,
      threads: ctx.limits.threads,
      sha256: staging.sha256,
      what: "consumer model",
      openSource: ctx.openSource
    });
  } catch (err) {
    if (!(err instanceof StagingFileError)) throw err;
    emit("staging.model", err.message, at("model"));
    return void 0;
  }
}
async function plan(job, model) {
  const { ctx, staging, emit, at } = job;
  const feed = planFeed(model, staging, ctx.candidate.vectors.info, "candidate");
  const signatures = {
    ...feed.input && { input: feed.input },
    ...feed.output && { output: feed.output }
  };
  if (!feed.plan) {
    for (const p of feed.problems) emitIo(job, p);
    return signatures;
  }
  const labelsFile = job.display(job.labelsPath);
  try {
    const bytes = await readCapped(
      job.labelsPath,
      labelsFile,
      ctx.limits.maxDataBytes,
      "labels file",
      ctx.openSource
    );
    const table = parseLabels(new TextDecoder().decode(bytes), labelsFile);
    return { ...signatures, run: { feed: feed.plan, table, labelsFile } };
  } catch (err) {
    if (err instanceof LabelsError)
      emit("staging.labels", err.message, { file: err.file, ...err.line && { line: err.line } });
    else if (err instanceof StagingFileError) emit("staging.labels", err.message, at("labels"));
    else throw err;
    return signatures;
  }
}
function judge(job, outputs) {
  const { staging, emit, at } = job;
  const { candidate: cand, baseline: base, labels } = outputs;
  const rule = {
    metric: staging.metric,
    ...staging.min !== void 0 && { min: staging.min },
    ...staging.max !== void 0 && { max: staging.max },
    ...staging.max_drop !== void 0 && { maxDrop: staging.max_drop }
  };
  const examples = usableExamples(base ? [cand, base] : [cand]);
  if (examples.length === 0) {
    emit(
      "staging.labels",
      `no labeled id is in both versions' vectors; nothing to compare`,
      at("labels")
    );
    return void 0;
  }
  const side = (run2) => sideMetric(staging, labels, run2, examples);
  const seed = deriveSeed(job.ctx.seed, `staging:${job.consumer}`);
  const verdict = base ? pairedVerdict(rule, side(base), side(cand), examples.length, seed) : floorVerdict(rule, side(cand));
  if (Number.isNaN(verdict.candidate) || verdict.baseline !== void 0 && Number.isNaN(verdict.baseline)) {
    emit(
      "staging.labels",
      `${staging.metric} is undefined on the ${examples.length} labeled examples: they hold one class only; roc_auc needs positives and negatives`,
      at("labels")
    );
    return void 0;
  }
  if (verdict.status !== "pass") emitVerdict(job, rule, verdict);
  return {
    outcome: verdict.status,
    ...base && { paired: examples.length },
    candidate: verdict.candidate,
    ...verdict.baseline !== void 0 && { baseline: verdict.baseline },
    ...verdict.delta !== void 0 && { delta: verdict.delta },
    ...verdict.ci && { ci: verdict.ci },
    ...verdict.p !== void 0 && { p: verdict.p },
    ...verdict.iterations !== void 0 && { iterations: verdict.iterations }
  };
}
function sideMetric(staging, labels, run2, examples) {
  const predictions = predictionsOf(staging, run2, examples);
  const truth = truthOf(labels, examples);
  return {
    value: metricFunction(staging.metric, predictions, truth),
    ...isPerExample(staging.metric) && {
      perExample: perExampleScores(staging.metric, predictions, truth)
    }
  };
}
function emitVerdict(job, rule, verdict) {
  job.emit(
    verdict.status === "fail" ? "staging.metric" : "staging.inconclusive",
    `${job.display(job.modelPath)} on the candidate's vectors: ${verdict.message}`,
    job.at(verdict.decidedBy ?? "max_drop"),
    {
      ...verdict.status === "inconclusive" && { severity: "warning" },
      expected: { min: rule.min, max: rule.max, max_drop: rule.maxDrop },
      found: {
        candidate: verdict.candidate,
        baseline: verdict.baseline,
        delta: verdict.delta,
        ci: verdict.ci && [verdict.ci.low, verdict.ci.high],
        p: verdict.p
      }
    }
  );
}
function checkConfig(s) {
  const allowed = TASK_METRICS[s.task];
  if (!allowed.includes(s.metric))
    return {
      field: "metric",
      message: `metric ${s.metric} does not judge a ${s.task} model; expected ${allowed.join(" or ")}`
    };
  if (s.metric === "mse" && s.min !== void 0)
    return { field: "min", message: "mse is a loss: give its ceiling as max, not min" };
  if (s.metric !== "mse" && s.max !== void 0)
    return { field: "max", message: `${s.metric} is a score: give its floor as min, not max` };
  if (s.metric !== "mse" && s.max_drop !== void 0 && s.max_drop > 1)
    return {
      field: "max_drop",
      message: `${s.metric} lies in [0, 1]; a max_drop of ${s.max_drop} allows anything`
    };
  if (s.threshold !== void 0 && s.task !== "classification")
    return { field: "threshold", message: `threshold applies to classification, not ${s.task}` };
  return void 0;
}
export {
  stageConsumer
};
