/**
 * Staging validation of one consumer: load its ONNX model, check that it takes the
 * candidate's vectors (before running anything), run both versions' labeled vectors
 * through it, and judge the metric against the contract's floor and allowed drop.
 */
import { relative } from 'node:path';
import type { LoadedContract, StagingDeclaration } from '../config/contract.js';
import type { Finding, Location } from '../config/findings.js';
import { deriveSeed } from '../retrieval/stats.js';
import { VectorFileError } from '../vectors/types.js';
import type { StagingSide, StagingContext } from './context.js';
import { loadModel, readCapped, resolveStagingPath, StagingFileError } from './files.js';
import { outputWidthProblem, planFeed, type IoProblem } from './feed.js';
import { LabelsError, parseLabels, type LabelTable } from './labels.js';
import { metricFunction, perExampleScores, isPerExample, type StagingMetric } from './metrics.js';
import { decodeLabels, predictionsOf, truthOf, usableExamples } from './predict.js';
import { ModelRunError, runOverVectors, type FeedPlan, type ModelOutputs } from './run-model.js';
import type { StagingConsumerResult } from './types.js';
import { floorVerdict, pairedVerdict, type SideMetric, type StagingRule } from './verdict.js';

/** Metrics each task may be judged by. */
const TASK_METRICS: Readonly<Record<StagingDeclaration['task'], readonly StagingMetric[]>> = {
  classification: ['accuracy', 'macro_f1', 'roc_auc'],
  regression: ['mse'],
  ranking: ['roc_auc'],
};

type Emit = (
  id: string,
  message: string,
  location: Location,
  extra?: { expected?: unknown; found?: unknown; severity?: Finding['severity'] },
) => void;

/** Runs one contract's staging model; never throws for problems of the model or its files. */
export async function stageConsumer(
  ctx: StagingContext,
  loaded: LoadedContract,
): Promise<{ result: StagingConsumerResult; findings: Finding[] }> {
  const contract = loaded.contract!;
  const staging = contract.staging!;
  const pending = (contract.status ?? 'active') === 'pending';
  const findings: Finding[] = [];
  const note = pending ? ' — pending consumer: reported, does not block' : '';
  const emit: Emit = (id, message, location, extra = {}) =>
    findings.push({
      id,
      severity: pending && extra.severity !== 'info' ? 'warning' : (extra.severity ?? 'error'),
      consumer: contract.consumer,
      message: `${contract.consumer}: ${message}${note}`,
      location,
      ...(extra.expected !== undefined && { expected: extra.expected }),
      ...(extra.found !== undefined && { found: extra.found }),
    });
  const at = (field: string): Location => loaded.doc.locate(['staging', field]);
  const modelPath = resolveStagingPath(
    loaded.doc,
    ['staging', 'model'],
    staging.model,
    ctx.workspace,
  );
  const labelsPath = resolveStagingPath(
    loaded.doc,
    ['staging', 'labels'],
    staging.labels,
    ctx.workspace,
  );
  const display = (p: string) => relative(ctx.cwd, p) || p;
  let result: StagingConsumerResult = {
    consumer: contract.consumer,
    contract: loaded.doc.file,
    status: pending ? 'pending' : 'active',
    model: display(modelPath),
    task: staging.task,
    metric: staging.metric,
    outcome: 'error',
    ...(staging.min !== undefined && { min: staging.min }),
    ...(staging.max !== undefined && { max: staging.max }),
    ...(staging.max_drop !== undefined && { maxDrop: staging.max_drop }),
  };
  const done = () => ({ result, findings });

  const configProblem = checkConfig(staging);
  if (configProblem) {
    emit('staging.config', configProblem.message, at(configProblem.field));
    return done();
  }

  let model;
  try {
    model = await loadModel(modelPath, display(modelPath), {
      maxBytes: ctx.limits.maxModelBytes,
      ort: ctx.ort,
      threads: ctx.limits.threads,
      sha256: staging.sha256,
      what: 'consumer model',
    });
  } catch (err) {
    if (!(err instanceof StagingFileError)) throw err;
    emit('staging.model', err.message, at('model'));
    return done();
  }
  try {
    const feed = planFeed(model, staging, ctx.candidate.vectors.info, 'candidate');
    result = {
      ...result,
      ...(feed.input && { input: feed.input }),
      ...(feed.output && { output: feed.output }),
    };
    if (!feed.plan) {
      for (const p of feed.problems) emitIo(emit, at, staging, p);
      return done();
    }
    let table: LabelTable;
    const labelsDisplay = display(labelsPath);
    try {
      const bytes = await readCapped(
        labelsPath,
        labelsDisplay,
        ctx.limits.maxDataBytes,
        'labels file',
      );
      table = parseLabels(new TextDecoder().decode(bytes), labelsDisplay);
    } catch (err) {
      if (err instanceof LabelsError)
        emit('staging.labels', err.message, {
          file: err.file,
          ...(err.line && { line: err.line }),
        });
      else if (err instanceof StagingFileError) emit('staging.labels', err.message, at('labels'));
      else throw err;
      return done();
    }

    const run = async (side: StagingSide, plan: FeedPlan): Promise<ModelOutputs | undefined> => {
      const source = await ctx.openVectors(side.vectors.path, side.vectors.open);
      try {
        return await runOverVectors(
          model.session,
          ctx.ort,
          source,
          table.index,
          plan,
          side.vectors.displayPath,
        );
      } catch (err) {
        if (!(err instanceof ModelRunError || err instanceof VectorFileError)) throw err;
        emit(
          'staging.run',
          `running ${display(modelPath)} on ${side.vectors.displayPath}: ${err.message}`,
          at('model'),
        );
        return undefined;
      } finally {
        await source.close();
      }
    };
    const cand = await run(ctx.candidate, feed.plan);
    if (!cand) return done();
    const widthProblem = outputWidthProblem(staging, cand.width, feed.plan.output);
    if (widthProblem) {
      emitIo(emit, at, staging, widthProblem);
      return done();
    }
    result = { ...result, examples: cand.foundCount };
    const candidateFile = ctx.candidate.vectors.displayPath;
    if (cand.foundCount === 0) {
      emit(
        'staging.labels',
        `none of the ${table.ids.length} labeled ids (e.g. ${JSON.stringify(table.ids[0])}) is in the candidate's vectors ${candidateFile}; nothing to judge`,
        at('labels'),
      );
      return done();
    }
    if (cand.foundCount < table.ids.length) {
      const missing = table.ids.filter((_, e) => !cand.found[e]);
      emit(
        'staging.coverage',
        `${missing.length} of ${table.ids.length} labeled ids are not in the candidate's vectors ${candidateFile} (first: ${missing
          .slice(0, 5)
          .map((m) => JSON.stringify(m))
          .join(', ')}); judged on the other ${cand.foundCount}`,
        at('labels'),
        { severity: 'warning', expected: table.ids.length, found: cand.foundCount },
      );
    }
    if (cand.nonFinite.rows > 0) {
      emit(
        'staging.non-finite',
        `the model's output "${feed.plan.output}" holds NaN or ±Inf for ${cand.nonFinite.rows} of ${cand.foundCount} candidate vectors (first ids: ${cand.nonFinite.firstIds.map((i) => JSON.stringify(i)).join(', ')}); expected finite outputs`,
        { file: candidateFile, id: cand.nonFinite.firstIds[0]! },
        { expected: 0, found: cand.nonFinite.rows },
      );
      return done();
    }
    let labels;
    try {
      labels = decodeLabels(staging, table, labelsDisplay, cand.width);
    } catch (err) {
      if (!(err instanceof LabelsError)) throw err;
      emit('staging.labels', err.message, { file: err.file, ...(err.line && { line: err.line }) });
      return done();
    }

    let base: ModelOutputs | undefined;
    const baseline = ctx.baseline;
    if (baseline) {
      const baseFeed = planFeed(model, staging, baseline.vectors.info, 'baseline');
      if (baseFeed.plan) base = await run(baseline, baseFeed.plan);
      else
        emit(
          'staging.no-baseline',
          `the model does not take the baseline's vectors (${baseFeed.problems.map((p) => p.message).join('; ')}); only the candidate's floor is judged`,
          at('model'),
          { severity: 'warning' },
        );
      if (base && base.nonFinite.rows > 0) {
        emit(
          'staging.no-baseline',
          `the model's output holds NaN or ±Inf for ${base.nonFinite.rows} baseline vectors (first ids: ${base.nonFinite.firstIds.map((i) => JSON.stringify(i)).join(', ')}); those examples are left out of the comparison`,
          { file: baseline.vectors.displayPath, id: base.nonFinite.firstIds[0]! },
          { severity: 'warning' },
        );
      }
    } else if (staging.max_drop !== undefined) {
      emit(
        'staging.no-baseline',
        `allows a ${staging.metric === 'mse' ? 'rise' : 'drop'} of at most ${staging.max_drop} in ${staging.metric}; that needs --baseline, so it was not verified`,
        at('max_drop'),
        { severity: 'warning' },
      );
    }

    const rule: StagingRule = {
      metric: staging.metric,
      ...(staging.min !== undefined && { min: staging.min }),
      ...(staging.max !== undefined && { max: staging.max }),
      ...(staging.max_drop !== undefined && { maxDrop: staging.max_drop }),
    };
    const side = (outputs: ModelOutputs, examples: Int32Array): SideMetric => {
      const predictions = predictionsOf(staging, outputs, examples);
      const truth = truthOf(labels, examples);
      return {
        value: metricFunction(staging.metric, predictions, truth),
        ...(isPerExample(staging.metric) && {
          perExample: perExampleScores(staging.metric as 'accuracy' | 'mse', predictions, truth),
        }),
      };
    };
    const examples = usableExamples(base ? [cand, base] : [cand]);
    if (examples.length === 0) {
      emit(
        'staging.labels',
        `no labeled id is in both versions' vectors; nothing to compare`,
        at('labels'),
      );
      return done();
    }
    const seed = deriveSeed(ctx.seed, `staging:${contract.consumer}`);
    const verdict = base
      ? pairedVerdict(rule, side(base, examples), side(cand, examples), examples.length, seed)
      : floorVerdict(rule, side(cand, examples));
    if (
      Number.isNaN(verdict.candidate) ||
      (verdict.baseline !== undefined && Number.isNaN(verdict.baseline))
    ) {
      emit(
        'staging.labels',
        `${staging.metric} is undefined on the ${examples.length} labeled examples: they hold one class only; roc_auc needs positives and negatives`,
        at('labels'),
      );
      return done();
    }
    result = {
      ...result,
      outcome: verdict.status,
      ...(base && { paired: examples.length }),
      candidate: verdict.candidate,
      ...(verdict.baseline !== undefined && { baseline: verdict.baseline }),
      ...(verdict.delta !== undefined && { delta: verdict.delta }),
      ...(verdict.ci && { ci: verdict.ci }),
      ...(verdict.p !== undefined && { p: verdict.p }),
      ...(verdict.iterations !== undefined && { iterations: verdict.iterations }),
    };
    if (verdict.status !== 'pass') {
      const floorBroken =
        (rule.min !== undefined && verdict.candidate < rule.min) ||
        (rule.max !== undefined && verdict.candidate > rule.max);
      const field = floorBroken ? (rule.min !== undefined ? 'min' : 'max') : 'max_drop';
      emit(
        verdict.status === 'fail' ? 'staging.metric' : 'staging.inconclusive',
        `${display(modelPath)} on the candidate's vectors: ${verdict.message}`,
        at(field),
        {
          ...(verdict.status === 'inconclusive' && { severity: 'warning' as const }),
          expected: { min: rule.min, max: rule.max, max_drop: rule.maxDrop },
          found: {
            candidate: verdict.candidate,
            baseline: verdict.baseline,
            delta: verdict.delta,
            ci: verdict.ci && [verdict.ci.low, verdict.ci.high],
            p: verdict.p,
          },
        },
      );
    }
    return done();
  } finally {
    await model.session.release();
  }
}

/** An io problem at its contract field, or at `staging.model` when that field is not written. */
function emitIo(
  emit: Emit,
  at: (field: string) => Location,
  staging: StagingDeclaration,
  p: IoProblem,
): void {
  const written = staging[p.field as keyof StagingDeclaration] !== undefined;
  emit('staging.io', p.message, at(written ? p.field : 'model'), {
    expected: p.expected,
    found: p.found,
  });
}

/** Task, metric and thresholds that do not fit together (the schema cannot say so clearly). */
function checkConfig(s: StagingDeclaration): { field: string; message: string } | undefined {
  const allowed = TASK_METRICS[s.task];
  if (!allowed.includes(s.metric))
    return {
      field: 'metric',
      message: `metric ${s.metric} does not judge a ${s.task} model; expected ${allowed.join(' or ')}`,
    };
  if (s.metric === 'mse' && s.min !== undefined)
    return { field: 'min', message: 'mse is a loss: give its ceiling as max, not min' };
  if (s.metric !== 'mse' && s.max !== undefined)
    return { field: 'max', message: `${s.metric} is a score: give its floor as min, not max` };
  if (s.metric !== 'mse' && s.max_drop !== undefined && s.max_drop > 1)
    return {
      field: 'max_drop',
      message: `${s.metric} lies in [0, 1]; a max_drop of ${s.max_drop} allows anything`,
    };
  if (s.threshold !== undefined && s.task !== 'classification')
    return { field: 'threshold', message: `threshold applies to classification, not ${s.task}` };
  return undefined;
}
