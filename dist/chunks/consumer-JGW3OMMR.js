#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  LabelsError,
  Rng,
  decide,
  deriveSeed,
  emitIo,
  floorMessage,
  isPowered,
  minimumDetectableDrop,
  newJob,
  pairedBootstrapCI,
  parseLabels,
  planFeed,
  predictionsOf,
  quantileSorted,
  run,
  sampleSd,
  signFlipTest,
  truthOf,
  unitsNeeded,
  usableExamples
} from "./chunk-2D3LFMXS.js";
import {
  StagingFileError,
  count,
  interval,
  loadModel,
  pValue,
  percent,
  readCapped2 as readCapped,
  score,
  signed
} from "./chunk-X22DNU2F.js";
import "./chunk-VTONPRI7.js";
import "./chunk-CQLA25CY.js";
import "./chunk-R56NE3ZG.js";
import "./chunk-O57DMMLW.js";
import "./chunk-L2CUIFHJ.js";
import "./chunk-GE2CBHQP.js";

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
  const pick = n <= 2097152 ? () => rng.int(n) : () => Math.floor(rng.float() * n);
  let within = 0;
  for (let b = 0; b < iterations; b++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) {
      const k = pick();
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
