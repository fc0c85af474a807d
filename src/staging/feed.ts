/**
 * Before anything runs: does a consumer's model take the vectors at all? The model's input
 * and output names, element types and shapes (onnxruntime's session metadata) are compared
 * with the vectors' dims and dtype and with what the contract's task and metric need.
 */
import type { StagingDeclaration } from '../config/contract.js';
import type { VectorDType } from '../vectors/types.js';
import { storedRowWidth } from './decode.js';
import { shapeText, type LoadedModel } from './files.js';
import type { FeedPlan } from './run-model.js';
import type { TensorSignature } from './types.js';

/** One incompatibility, with the contract field it concerns. */
export interface IoProblem {
  readonly field: 'input' | 'output' | 'model' | 'classes' | 'metric';
  readonly message: string;
  readonly expected?: unknown;
  readonly found?: unknown;
}

/** Rows per run when the contract does not say. */
export const DEFAULT_STAGING_BATCH = 1024;

const FLOAT_INPUTS = new Set(['float32', 'float64']);

/** Picks the named tensor, or the only one; a problem otherwise. */
function pick(
  kind: 'input' | 'output',
  declared: readonly TensorSignature[],
  name: string | undefined,
): TensorSignature | IoProblem {
  const names = declared.map((d) => d.name);
  if (name !== undefined) {
    const found = declared.find((d) => d.name === name);
    return (
      found ?? {
        field: kind,
        message: `the model has no ${kind} "${name}" (its ${kind}s: ${names.join(', ') || 'none'})`,
        expected: name,
        found: names,
      }
    );
  }
  if (declared.length === 1) return declared[0]!;
  return {
    field: kind,
    message: `the model has ${declared.length} ${kind}s (${names.join(', ')}); name the one to use in staging.${kind}`,
    found: names,
  };
}

const isProblem = (x: TensorSignature | IoProblem): x is IoProblem => 'message' in x;

/**
 * The feed plan for vectors of `dims` × `dtype`, or the problems that keep the model from
 * taking them. `side` names the vectors in messages ("candidate", "baseline").
 */
export function planFeed(
  model: LoadedModel,
  staging: StagingDeclaration,
  vectors: { readonly dims: number; readonly dtype: VectorDType },
  side: string,
): { plan?: FeedPlan; input?: TensorSignature; output?: TensorSignature; problems: IoProblem[] } {
  const problems: IoProblem[] = [];
  const input = pick('input', model.inputs, staging.input);
  const output = pick('output', model.outputs, staging.output);
  if (isProblem(input)) problems.push(input);
  if (isProblem(output)) problems.push(output);
  if (isProblem(input) || isProblem(output)) return { problems };

  const others = model.inputs.filter((i) => i.name !== input.name).map((i) => i.name);
  if (others.length) {
    problems.push({
      field: 'input',
      message: `the model needs inputs besides "${input.name}" (${others.join(', ')}); staging feeds only the vectors`,
      found: model.inputs.map((i) => i.name),
    });
  }
  const width = storedRowWidth(vectors.dtype, vectors.dims);
  const packed = vectors.dtype === 'binary';
  const inputTypeOk = FLOAT_INPUTS.has(input.type)
    ? !packed
    : input.type === vectors.dtype || (packed && input.type === 'uint8');
  if (!inputTypeOk) {
    problems.push({
      field: 'input',
      message:
        `model input "${input.name}" takes ${input.type}, the ${side}'s vectors are ${vectors.dtype}` +
        (FLOAT_INPUTS.has(input.type) || input.type === 'int8' || input.type === 'uint8'
          ? ''
          : ' (staging feeds float32, float64, int8 or uint8 inputs)'),
      expected: input.type,
      found: vectors.dtype,
    });
  }
  if (input.shape.length !== 2) {
    problems.push({
      field: 'input',
      message: `model input "${input.name}" has shape ${shapeText(input)}; expected [batch, width] to take one vector per row`,
      expected: '[batch, width]',
      found: input.shape,
    });
  } else if (
    typeof input.shape[1] === 'number' &&
    input.shape[1] >= 0 &&
    input.shape[1] !== width
  ) {
    problems.push({
      field: 'input',
      message:
        `model input "${input.name}" takes vectors of width ${input.shape[1]} (shape ${shapeText(input)}), ` +
        `the ${side}'s vectors have ${vectors.dims} dims${packed ? ` (${width} packed bytes)` : ''}`,
      expected: input.shape[1],
      found: width,
    });
  }
  if (output.type !== 'float32' && output.type !== 'float64') {
    problems.push({
      field: 'output',
      message: `model output "${output.name}" is ${output.type}; expected float32 or float64 scores (probabilities, logits or values)`,
      expected: 'float32',
      found: output.type,
    });
  } else if (output.shape.length < 1 || output.shape.length > 2) {
    problems.push({
      field: 'output',
      message: `model output "${output.name}" has shape ${shapeText(output)}; expected [batch] or [batch, columns]`,
      found: output.shape,
    });
  } else {
    const columns = output.shape.length === 1 ? 1 : output.shape[1];
    if (typeof columns === 'number' && columns >= 0) {
      const problem = outputWidthProblem(staging, columns, output.name);
      if (problem) problems.push(problem);
    }
  }
  if (problems.length) return { input, output, problems };
  const batch = input.shape[0];
  const fixedBatch = typeof batch === 'number' && batch > 0 ? batch : undefined;
  return {
    input,
    output,
    problems,
    plan: {
      input: input.name,
      inputType: input.type as FeedPlan['inputType'],
      width,
      output: output.name,
      batchSize: staging.batch_size ?? DEFAULT_STAGING_BATCH,
      ...(fixedBatch !== undefined && { fixedBatch }),
    },
  };
}

/**
 * What the task and metric need of the output's column count: one value for regression and
 * ranking, one probability or a column per class for classification, two classes for roc_auc.
 */
export function outputWidthProblem(
  staging: StagingDeclaration,
  columns: number,
  name: string,
): IoProblem | undefined {
  const { task, metric, classes } = staging;
  if (task !== 'classification') {
    return columns === 1
      ? undefined
      : {
          field: 'output',
          message: `model output "${name}" has ${columns} columns; ${task} needs one value per vector`,
          expected: 1,
          found: columns,
        };
  }
  if (columns < 1) {
    return { field: 'output', message: `model output "${name}" has no columns`, found: columns };
  }
  const classCount = columns === 1 ? 2 : columns;
  if (classes && classes.length !== classCount) {
    return {
      field: 'classes',
      message:
        `staging.classes lists ${classes.length} classes, model output "${name}" has ${columns} column(s) ` +
        `(${classCount} classes${columns === 1 ? ': one probability of the second class' : ''})`,
      expected: classCount,
      found: classes.length,
    };
  }
  if (metric === 'roc_auc' && classCount !== 2) {
    return {
      field: 'metric',
      message: `roc_auc judges a binary classifier; model output "${name}" has ${columns} classes (use accuracy or macro_f1)`,
      expected: 2,
      found: classCount,
    };
  }
  return undefined;
}
