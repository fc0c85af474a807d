/**
 * Before a probe runs: which probe-set column feeds each model input, with which element
 * type and per-row shape, and which output holds the embedding — checked against the
 * model's declared signature and the stored vectors' dims.
 */
import type { ProbeDeclaration } from '../config/manifest.js';
import { shapeText, type LoadedModel } from './files.js';
import type { ProbeColumnRequest, ProbeElement } from './probe-set.js';

const ELEMENTS = new Set<string>([
  'float32',
  'float64',
  'float16',
  'int64',
  'int32',
  'int8',
  'uint8',
  'bool',
]);

/** How one model input is fed from the probe set. */
export interface InputPlan extends ProbeColumnRequest {
  /** Per-row shape; one entry may be -1, inferred from each row's length. */
  readonly rowShape: readonly number[];
  /** The model's batch dimension when it is fixed. */
  readonly fixedBatch?: number;
}

/** The whole feed of a probe. */
export interface ProbePlan {
  readonly inputs: readonly InputPlan[];
  readonly output: string;
  readonly outputType: 'float32' | 'float64' | 'float16';
}

/** A problem, and the probe field it concerns. */
export interface ProbePlanProblem {
  readonly field: 'model' | 'output' | 'columns' | 'shapes';
  readonly message: string;
  readonly expected?: unknown;
  readonly found?: unknown;
}

/**
 * Plans the feed of `model` for a probe whose stored vectors have `dims` dimensions, or
 * says why it cannot run.
 */
export function planProbe(
  model: LoadedModel,
  decl: ProbeDeclaration,
  dims: number,
): { plan?: ProbePlan; problems: ProbePlanProblem[] } {
  const problems: ProbePlanProblem[] = [];
  const inputNames = model.inputs.map((i) => i.name);
  for (const key of Object.keys(decl.columns ?? {}))
    if (!inputNames.includes(key))
      problems.push({
        field: 'columns',
        message: `probe.columns names "${key}", which is not a model input (inputs: ${inputNames.join(', ')})`,
      });
  for (const key of Object.keys(decl.shapes ?? {}))
    if (!inputNames.includes(key))
      problems.push({
        field: 'shapes',
        message: `probe.shapes names "${key}", which is not a model input (inputs: ${inputNames.join(', ')})`,
      });

  const inputs: InputPlan[] = [];
  for (const input of model.inputs) {
    if (!ELEMENTS.has(input.type)) {
      problems.push({
        field: 'model',
        message: `model input "${input.name}" is ${input.type}; a probe set can feed ${[...ELEMENTS].join(', ')} tensors`,
      });
      continue;
    }
    if (input.shape.length < 1) {
      problems.push({
        field: 'model',
        message: `model input "${input.name}" declares no shape; expected [batch, ...]`,
      });
      continue;
    }
    const declared = decl.shapes?.[input.name];
    const modelRow = input.shape.slice(1);
    let rowShape: number[];
    if (declared) {
      const clash =
        declared.length !== modelRow.length ||
        modelRow.some((d, i) => typeof d === 'number' && d >= 0 && d !== declared[i]);
      if (clash) {
        problems.push({
          field: 'shapes',
          message: `probe.shapes.${input.name} is [${declared.join(', ')}], model input "${input.name}" has shape ${shapeText(input)} (batch first)`,
          expected: modelRow,
          found: declared,
        });
        continue;
      }
      rowShape = [...declared];
    } else {
      rowShape = modelRow.map((d) => (typeof d === 'number' && d >= 0 ? d : -1));
      if (rowShape.filter((d) => d === -1).length > 1) {
        problems.push({
          field: 'shapes',
          message: `model input "${input.name}" has shape ${shapeText(input)} with several open dimensions; give one row's shape in probe.shapes.${input.name}`,
        });
        continue;
      }
    }
    const batch = input.shape[0];
    inputs.push({
      input: input.name,
      column: decl.columns?.[input.name] ?? input.name,
      type: input.type as ProbeElement,
      rowShape,
      ...(typeof batch === 'number' && batch > 0 && { fixedBatch: batch }),
    });
  }

  const outputNames = model.outputs.map((o) => o.name);
  const output = decl.output
    ? model.outputs.find((o) => o.name === decl.output)
    : model.outputs.length === 1
      ? model.outputs[0]
      : undefined;
  if (!output) {
    problems.push({
      field: 'output',
      message: decl.output
        ? `the model has no output "${decl.output}" (its outputs: ${outputNames.join(', ')})`
        : `the model has ${outputNames.length} outputs (${outputNames.join(', ')}); name the embedding in probe.output`,
    });
  } else if (output.type !== 'float32' && output.type !== 'float64' && output.type !== 'float16') {
    problems.push({
      field: 'output',
      message: `model output "${output.name}" is ${output.type}; expected float32, float64 or float16 embeddings`,
    });
  } else if (output.shape.length !== 2) {
    problems.push({
      field: 'output',
      message: `model output "${output.name}" has shape ${shapeText(output)}; expected [batch, dims]`,
    });
  } else if (
    typeof output.shape[1] === 'number' &&
    output.shape[1] >= 0 &&
    output.shape[1] !== dims
  ) {
    problems.push({
      field: 'output',
      message: `model output "${output.name}" has width ${output.shape[1]} (shape ${shapeText(output)}), the stored vectors have ${dims} dims`,
      expected: dims,
      found: output.shape[1],
    });
  }
  if (problems.length || !output) return { problems };
  return {
    problems,
    plan: { inputs, output: output.name, outputType: output.type as ProbePlan['outputType'] },
  };
}

/**
 * One row's full shape for an input, the open dimension (if any) inferred from its
 * `length`; undefined when the length does not fit.
 */
export function rowShapeFor(plan: InputPlan, length: number): number[] | undefined {
  const fixed = plan.rowShape.reduce((a, d) => (d === -1 ? a : a * d), 1);
  if (!plan.rowShape.includes(-1)) return length === fixed ? [...plan.rowShape] : undefined;
  if (length === 0 || length % fixed !== 0) return undefined;
  return plan.rowShape.map((d) => (d === -1 ? length / fixed : d));
}
