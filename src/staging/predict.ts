/**
 * From a model's output rows and the labels to aligned predictions and truth over a chosen
 * set of examples, per task: classes by argmax (or a threshold on one probability column),
 * positive-class scores for roc_auc, values for mse.
 */
import type { StagingDeclaration } from '../config/contract.js';
import { classLabels, numericLabels, type LabelTable } from './labels.js';
import type { Predictions, Truth } from './metrics.js';
import type { ModelOutputs } from './run-model.js';

/** The labels decoded once for the task (class indices or values per labeled example). */
export interface DecodedLabels {
  readonly classes?: Int32Array;
  readonly values?: Float64Array;
  readonly classCount?: number;
}

/** Default threshold of a one-column binary classifier (a probability). */
export const DEFAULT_THRESHOLD = 0.5;

/** Decodes the labels for the task; `columns` is the model output's width. Throws LabelsError. */
export function decodeLabels(
  staging: StagingDeclaration,
  table: LabelTable,
  file: string,
  columns: number,
): DecodedLabels {
  if (staging.task === 'regression') return { values: numericLabels(table, file, 'regression') };
  if (staging.task === 'ranking') {
    const relevance = numericLabels(table, file, 'ranking');
    return { classes: Int32Array.from(relevance, (r) => (r > 0 ? 1 : 0)), classCount: 2 };
  }
  const classCount = columns === 1 ? 2 : columns;
  return { classes: classLabels(table, file, staging.classes, classCount), classCount };
}

/** Examples (label indices) whose output is present and finite in every given run. */
export function usableExamples(runs: readonly ModelOutputs[]): Int32Array {
  const first = runs[0]!;
  const examples = first.found.length;
  const out: number[] = [];
  for (let e = 0; e < examples; e++) {
    let ok = true;
    for (const run of runs) {
      if (!run.found[e]) ok = false;
      for (let j = 0; ok && j < run.width; j++)
        if (!Number.isFinite(run.values[e * run.width + j]!)) ok = false;
      if (!ok) break;
    }
    if (ok) out.push(e);
  }
  return Int32Array.from(out);
}

/** The predictions of one run over `examples`. */
export function predictionsOf(
  staging: StagingDeclaration,
  run: ModelOutputs,
  examples: Int32Array,
): Predictions {
  const { width, values } = run;
  const n = examples.length;
  if (staging.task !== 'classification') {
    return { scores: Float64Array.from(examples, (e) => values[e * width]!) };
  }
  const classes = new Int32Array(n);
  const scores = new Float64Array(n);
  const threshold = staging.threshold ?? DEFAULT_THRESHOLD;
  for (let i = 0; i < n; i++) {
    const base = examples[i]! * width;
    if (width === 1) {
      scores[i] = values[base]!;
      classes[i] = values[base]! >= threshold ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let j = 1; j < width; j++) if (values[base + j]! > values[base + best]!) best = j;
    classes[i] = best;
    // Monotone in the second class's probability, and the logit difference for logits.
    scores[i] = width === 2 ? values[base + 1]! - values[base]! : NaN;
  }
  return { classes, scores };
}

/** The truth over `examples`. */
export function truthOf(labels: DecodedLabels, examples: Int32Array): Truth {
  return {
    ...(labels.classes && { classes: Int32Array.from(examples, (e) => labels.classes![e]!) }),
    ...(labels.values && { values: Float64Array.from(examples, (e) => labels.values![e]!) }),
    ...(labels.classCount !== undefined && { classCount: labels.classCount }),
  };
}
