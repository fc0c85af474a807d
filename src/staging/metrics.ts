/**
 * The consumer metrics of staging validation, over examples that may carry weights: a
 * bootstrap resample is a vector of multiplicities, so resampling never copies examples
 * and roc_auc keeps its one sort. Without weights every example counts once.
 *
 * Conventions (as scikit-learn's): macro_f1 averages F1 over the classes present in the
 * labels or the predictions; roc_auc is the Mann–Whitney probability that a positive
 * scores above a negative, ties counting one half.
 */

/** The metrics a contract may name. */
export type StagingMetric = 'accuracy' | 'macro_f1' | 'roc_auc' | 'mse';

/** Whether a larger value of the metric is better (all but mse). */
export function higherIsBetter(metric: StagingMetric): boolean {
  return metric !== 'mse';
}

/** Whether the metric is a mean of per-example scores (then the paired sign-flip test applies). */
export function isPerExample(metric: StagingMetric): boolean {
  return metric === 'accuracy' || metric === 'mse';
}

/** What a model predicted for each example, aligned with the truth. */
export interface Predictions {
  /** Predicted class index per example (classification). */
  readonly classes?: Int32Array;
  /** Score of the positive class per example (roc_auc), or predicted value (mse). */
  readonly scores?: Float64Array;
}

/** The labels, aligned with the predictions. */
export interface Truth {
  /** Class index per example (classification), or 1/0 relevance (roc_auc). */
  readonly classes?: Int32Array;
  /** Target value per example (mse). */
  readonly values?: Float64Array;
  /** Number of classes (macro_f1). */
  readonly classCount?: number;
}

const weightOf = (w: ArrayLike<number> | undefined, i: number): number => (w ? w[i]! : 1);

/** Per-example score whose mean is the metric: correctness for accuracy, squared error for mse. */
export function perExampleScores(
  metric: 'accuracy' | 'mse',
  predictions: Predictions,
  truth: Truth,
): Float64Array {
  if (metric === 'accuracy') {
    const p = predictions.classes!;
    const t = truth.classes!;
    return Float64Array.from(p, (c, i) => (c === t[i] ? 1 : 0));
  }
  const p = predictions.scores!;
  const t = truth.values!;
  return Float64Array.from(p, (v, i) => (v - t[i]!) * (v - t[i]!));
}

/** Weighted mean of per-example scores. */
export function weightedMean(scores: ArrayLike<number>, w?: ArrayLike<number>): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    const wi = weightOf(w, i);
    sum += wi * scores[i]!;
    total += wi;
  }
  return sum / total;
}

/** Macro-averaged F1 over the classes that occur in the truth or the predictions. */
export function macroF1(
  predicted: Int32Array,
  actual: Int32Array,
  classCount: number,
  w?: ArrayLike<number>,
): number {
  const tp = new Float64Array(classCount);
  const fp = new Float64Array(classCount);
  const fn = new Float64Array(classCount);
  for (let i = 0; i < predicted.length; i++) {
    const wi = weightOf(w, i);
    if (wi === 0) continue;
    const p = predicted[i]!;
    const a = actual[i]!;
    if (p === a) tp[a] = tp[a]! + wi;
    else {
      fp[p] = fp[p]! + wi;
      fn[a] = fn[a]! + wi;
    }
  }
  let sum = 0;
  let present = 0;
  for (let c = 0; c < classCount; c++) {
    const denominator = 2 * tp[c]! + fp[c]! + fn[c]!;
    if (denominator === 0) continue;
    sum += (2 * tp[c]!) / denominator;
    present++;
  }
  return present ? sum / present : NaN;
}

/** Example indices by ascending score, computed once and reused by every resample. */
export function scoreOrder(scores: Float64Array): Int32Array {
  const order = Int32Array.from(scores, (_, i) => i);
  order.sort((a, b) => scores[a]! - scores[b]! || a - b);
  return order;
}

/**
 * Weighted ROC AUC: Σ over positives of the weight of negatives scored below (ties ½),
 * divided by (weight of positives × weight of negatives). NaN when one class is absent.
 * `order` is {@link scoreOrder} of `scores`.
 */
export function rocAuc(
  scores: Float64Array,
  positive: Int32Array,
  order: Int32Array,
  w?: ArrayLike<number>,
): number {
  let negativesBelow = 0;
  let numerator = 0;
  let positives = 0;
  let i = 0;
  while (i < order.length) {
    const value = scores[order[i]!]!;
    let groupPositive = 0;
    let groupNegative = 0;
    let j = i;
    for (; j < order.length && scores[order[j]!]! === value; j++) {
      const e = order[j]!;
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

/**
 * The metric of one side, as a function of example weights (undefined: all ones), ready
 * for the bootstrap. Sorting for roc_auc happens here, once.
 */
export function metricFunction(
  metric: StagingMetric,
  predictions: Predictions,
  truth: Truth,
): (w?: ArrayLike<number>) => number {
  switch (metric) {
    case 'accuracy':
    case 'mse': {
      const scores = perExampleScores(metric, predictions, truth);
      return (w) => weightedMean(scores, w);
    }
    case 'macro_f1':
      return (w) => macroF1(predictions.classes!, truth.classes!, truth.classCount!, w);
    case 'roc_auc': {
      const order = scoreOrder(predictions.scores!);
      return (w) => rocAuc(predictions.scores!, truth.classes!, order, w);
    }
  }
}
