/**
 * Benchmark regression: retrieve every suite's queries from the candidate's corpus (and the
 * baseline's) with exact kNN, score the runs with trec_eval's measures, and judge each
 * consumer's quality floors with paired, significance-tested verdicts.
 */
import { KnnInputError, trecRunLines, type KnnMetric } from '../../retrieval/knn.js';
import { corpusSearch, type BenchmarkSearch } from '../bench-knn.js';
import type { Qrels } from '../../retrieval/qrels.js';
import { runFromLists, type Run } from '../../retrieval/run-file.js';
import { parseMetric, perQueryScoresMany } from '../../retrieval/metrics.js';
import { DEFAULT_SUITE_K, type LoadedSuite, type Suite } from '../../config/suite.js';
import type { VectorsRef } from '../../config/vocabulary.js';
import type { OrtModule } from '../../onnx/session.js';
import {
  BenchParseError,
  EvaluationError,
  InvalidRunError,
  UnknownMetricError,
} from '../../retrieval/errors.js';
import type { Manifest } from '../../config/manifest.js';
import type { BenchmarkResult, SuiteReport } from '../report-model.js';
import { VectorFileError, type OpenOptions, type VectorSource } from '../../vectors/types.js';
import type { ResolvedSuite } from '../plan.js';
import type { LoadedContract } from '../../config/contract.js';
import { judgeConsumers, meanOf, type Located } from './quality-floors.js';
import type { Finding, Location } from '../../config/findings.js';
import { score } from '../../config/numbers.js';

/** One side of the comparison: a valid manifest and where its own vectors are. */
export interface BenchSide {
  readonly manifest: Manifest;
  readonly vectors: VectorsRef;
}

export interface BenchmarkContext {
  readonly candidate: BenchSide;
  readonly baseline?: BenchSide;
  /** Valid contracts that read the candidate's embedding. */
  readonly contracts: readonly LoadedContract[];
  /** The plan's suites, loaded with their qrels and vectors references. */
  readonly suites: readonly ResolvedSuite[];
  readonly seed: number;
  /** Keep every evaluated run's TREC lines in the outcome (for `--write-run` at the edge). */
  readonly keepRuns: boolean;
  readonly openVectors: (path: string, opts: OpenOptions) => Promise<VectorSource>;
  /** onnxruntime for the kNN passes; when absent, the process's (GateDeps.ort says how it is resolved). */
  readonly ort?: () => Promise<OrtModule>;
  /** A progress callback for the kNN of `what` (corpus rows scored of `total`), if anyone listens. */
  readonly progress?: (what: string) => ((done: number, total?: number) => void) | undefined;
  /** Runs each kNN pass; absent: exact kNN of the whole corpus (a sharded run passes its own). */
  readonly search?: BenchmarkSearch;
}

/** One TREC run the benchmarks evaluated: `<suite>.<label>.run` is what `--write-run` names it. */
export interface EvaluatedRun {
  readonly suite: string;
  /** `candidate`, `baseline`, `candidate-queries.baseline-corpus` or `baseline-queries.candidate-corpus`. */
  readonly label: string;
  readonly lines: () => Iterable<string>;
}

/** Recorded and measured means may differ by this much before a warning (float noise). */
export const RECORDED_TOLERANCE = 1e-4;

/** The metric shown when no contract and no recorded result names one. */
const DEFAULT_METRICS = ['ndcg@10', 'recall@100'];

/** A problem that stops one suite, carried to the report as a finding. */
class SuiteProblem extends Error {
  constructor(
    readonly id: string,
    message: string,
    readonly location?: Location,
  ) {
    super(message);
  }
}

/** Runs every suite and judges every consumer's quality floors on it. */
export async function runBenchmarks(ctx: BenchmarkContext): Promise<{
  suites: SuiteReport[];
  rows: BenchmarkResult[];
  findings: Finding[];
  runs: EvaluatedRun[];
}> {
  const suites: SuiteReport[] = [];
  const rows: BenchmarkResult[] = [];
  const findings: Finding[] = [];
  const runs: EvaluatedRun[] = [];
  const floorsBySuite = new Map<string, Located[]>();
  for (const contract of ctx.contracts) {
    contract.contract?.quality?.forEach((floor, index) => {
      try {
        parseMetric(floor.metric);
      } catch (err) {
        if (!(err instanceof UnknownMetricError)) throw err;
        findings.push({
          id: 'bench.metric',
          severity: 'error',
          consumer: contract.contract?.consumer,
          message: `${contract.contract?.consumer}: ${err.message}`,
          location: contract.doc.locate(['quality', index, 'metric']),
        });
        return;
      }
      const list = floorsBySuite.get(floor.suite) ?? [];
      list.push({ floor, contract, index });
      floorsBySuite.set(floor.suite, list);
    });
  }
  const seen = new Set<string>();
  for (const resolved of ctx.suites) {
    const loaded = resolved.loaded;
    if (!loaded.suite) continue;
    const name = loaded.suite.suite;
    if (seen.has(name)) {
      findings.push({
        id: 'bench.suite-duplicate',
        severity: 'error',
        message: `two suite files are named "${name}"; suite names must be unique`,
        location: loaded.doc.locate(['suite']),
      });
      continue;
    }
    seen.add(name);
    const floors = floorsBySuite.get(name) ?? [];
    floorsBySuite.delete(name);
    try {
      const outcome = await runSuite(ctx, resolved, floors);
      suites.push(outcome.report);
      rows.push(...outcome.rows);
      findings.push(...outcome.findings);
      runs.push(...outcome.runs);
    } catch (err) {
      const problem = asSuiteProblem(err, loaded);
      const blocking = floors.some((f) => (f.contract.contract?.status ?? 'active') === 'active');
      findings.push({
        id: problem.id,
        severity: blocking ? 'error' : 'warning',
        message: `suite ${name}: ${problem.message}`,
        location: problem.location ?? loaded.doc.locate([]),
      });
    }
  }
  // Floors on suites nobody supplied: the consumer's requirement cannot be checked.
  for (const [suite, floors] of floorsBySuite) {
    for (const { floor, contract, index } of floors) {
      findings.push({
        id: 'bench.suite-missing',
        severity: 'error',
        consumer: contract.contract?.consumer,
        message:
          `${contract.contract?.consumer} requires ${floor.metric} on suite "${suite}", but no suite of that name was given ` +
          `(list it in the candidate manifest's suites or pass --suites)`,
        location: contract.doc.locate(['quality', index, 'suite']),
      });
    }
  }
  return { suites, rows, findings, runs };
}

function asSuiteProblem(err: unknown, loaded: LoadedSuite): SuiteProblem {
  if (err instanceof SuiteProblem) return err;
  if (err instanceof BenchParseError)
    return new SuiteProblem('bench.qrels', err.message, { file: err.file, line: err.line });
  if (err instanceof VectorFileError)
    return new SuiteProblem('bench.vectors', err.message, { file: err.file, ...(err.where ?? {}) });
  if (err instanceof KnnInputError) return new SuiteProblem('bench.knn', err.message);
  if (
    err instanceof UnknownMetricError ||
    err instanceof EvaluationError ||
    err instanceof InvalidRunError
  ) {
    return new SuiteProblem('bench.evaluation', err.message, loaded.doc.locate([]));
  }
  throw err;
}

/** What a suite needs before anything is retrieved: its metrics, depth and vectors. */
interface SuiteSetup {
  readonly suite: Suite;
  readonly metrics: readonly string[];
  readonly k: number;
  readonly qrels: Qrels;
  readonly candidate: { readonly queries: VectorsRef; readonly corpus: VectorsRef };
  /** Absent when the suite has no query embeddings for the baseline version. */
  readonly baseline?: { readonly queries: VectorsRef; readonly corpus: VectorsRef };
  readonly recorded: Readonly<Record<string, number>>;
}

/** Plans one suite: throws SuiteProblem when it cannot run (no candidate queries, too shallow). */
function setUpSuite(
  ctx: BenchmarkContext,
  resolved: ResolvedSuite,
  floors: readonly Located[],
): SuiteSetup {
  const loaded = resolved.loaded;
  const suite = loaded.suite!;
  const candVersion = ctx.candidate.manifest.version;
  const candRefs = resolved.versions.get(candVersion);
  if (!candRefs) {
    throw new SuiteProblem(
      'bench.suite-version',
      `has no query embeddings for the candidate version ${candVersion} ` +
        `(versions: ${Object.keys(suite.versions).join(', ')}); add versions."${candVersion}".queries`,
      loaded.doc.locate(['versions']),
    );
  }
  const recorded = resolved.recorded ?? {};
  const metrics = metricNames(floors, recorded);
  const k = suite.k ?? Math.max(DEFAULT_SUITE_K, ...metrics.map((m) => parseMetric(m).depth ?? 0));
  for (const m of metrics) {
    const cutoff = parseMetric(m).depth ?? 0;
    if (cutoff > k) {
      throw new SuiteProblem(
        'bench.depth',
        `${m} needs ${cutoff} documents per query, but the suite retrieves k = ${k}`,
        loaded.doc.locate(['k']),
      );
    }
  }
  if (resolved.qrels instanceof BenchParseError || !resolved.qrels)
    throw resolved.qrels ?? new Error(`suite ${suite.suite}: the plan holds no qrels`);
  const baseRefs = ctx.baseline && resolved.versions.get(ctx.baseline.manifest.version);
  return {
    suite,
    metrics,
    k,
    qrels: resolved.qrels,
    candidate: { queries: candRefs.queries, corpus: candRefs.corpus ?? ctx.candidate.vectors },
    ...(baseRefs &&
      ctx.baseline && {
        baseline: { queries: baseRefs.queries, corpus: baseRefs.corpus ?? ctx.baseline.vectors },
      }),
    recorded,
  };
}

async function runSuite(
  ctx: BenchmarkContext,
  resolved: ResolvedSuite,
  floors: readonly Located[],
): Promise<{
  report: SuiteReport;
  rows: BenchmarkResult[];
  findings: Finding[];
  runs: EvaluatedRun[];
}> {
  const setup = setUpSuite(ctx, resolved, floors);
  const { suite, metrics, k, qrels, recorded } = setup;
  const findings: Finding[] = [];
  const runs: EvaluatedRun[] = [];
  const score = async (
    label: string,
    queries: VectorsRef,
    corpus: VectorsRef,
    metric: KnnMetric,
  ): Promise<Map<string, Map<string, number>>> => {
    const run = await knnRun(ctx, queries, corpus, k, metric, `${suite.suite} ${label}`);
    if (ctx.keepRuns) runs.push({ suite: suite.suite, label, lines: run.lines });
    return perQueryScoresMany(qrels, run.run, metrics);
  };

  const cand = ctx.candidate;
  const candScores = await score(
    'candidate',
    setup.candidate.queries,
    setup.candidate.corpus,
    cand.manifest.metric,
  );
  let baseScores: Map<string, Map<string, number>> | undefined;
  let cross: SuiteReport['cross'];
  if (ctx.baseline && setup.baseline) {
    const base = ctx.baseline;
    const b = setup.baseline;
    baseScores = await score('baseline', b.queries, b.corpus, base.manifest.metric);
    if (base.manifest.dims === cand.manifest.dims && base.manifest.dtype === cand.manifest.dtype) {
      // Backward-compatible representation learning's criterion: new queries against the
      // old index must do at least as well as old with old.
      const newOld = await score(
        'candidate-queries.baseline-corpus',
        setup.candidate.queries,
        b.corpus,
        base.manifest.metric,
      );
      const oldNew = await score(
        'baseline-queries.candidate-corpus',
        b.queries,
        setup.candidate.corpus,
        cand.manifest.metric,
      );
      cross = metrics.map((metric) => ({
        metric,
        baselineBaseline: meanOf(baseScores!.get(metric)!),
        candidateCandidate: meanOf(candScores.get(metric)!),
        candidateQueriesBaselineCorpus: meanOf(newOld.get(metric)!),
        baselineQueriesCandidateCorpus: meanOf(oldNew.get(metric)!),
      }));
    }
  } else if (ctx.baseline) {
    findings.push({
      id: 'bench.no-baseline',
      severity: 'info',
      message: `suite ${suite.suite} has no query embeddings for the baseline version ${ctx.baseline.manifest.version}; only the candidate's floors (min) are checked`,
      location: resolved.loaded.doc.locate(['versions']),
    });
  }

  const scores = metrics.map((metric) => {
    const c = meanOf(candScores.get(metric)!);
    const b = baseScores ? meanOf(baseScores.get(metric)!) : undefined;
    return {
      metric,
      candidate: c,
      ...(b !== undefined && { baseline: b, delta: c - b }),
      ...(recorded[metric] !== undefined && { recorded: recorded[metric] }),
    };
  });
  findings.push(...recordedFindings(suite.suite, scores, cand.vectors.displayPath));

  const judged = judgeConsumers(ctx.seed, suite.suite, floors, candScores, baseScores, findings);
  const queries = qrels.queries.size;
  return {
    rows: judged.rows.map((r) => ({ ...r, queries })),
    report: {
      suite: suite.suite,
      file: resolved.loaded.doc.file,
      queries,
      k,
      seed: ctx.seed,
      candidate: { version: cand.manifest.version, metric: cand.manifest.metric },
      ...(ctx.baseline &&
        baseScores && {
          baseline: {
            version: ctx.baseline.manifest.version,
            metric: ctx.baseline.manifest.metric,
          },
        }),
      scores,
      ...(cross && { cross }),
      perQuery: perQueryScores(metrics, candScores, baseScores),
      regressions: judged.regressions,
    },
    findings,
    runs,
  };
}

/**
 * Every judged query's score, in one sorted qid order for both versions. A query one run
 * did not answer scores 0 (trec_eval -c), as in the means.
 */
function perQueryScores(
  metrics: readonly string[],
  cand: ReadonlyMap<string, ReadonlyMap<string, number>>,
  base: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined,
): NonNullable<SuiteReport['perQuery']> {
  const ids = new Set<string>();
  for (const m of metrics) {
    for (const q of cand.get(m)!.keys()) ids.add(q);
    if (base) for (const q of base.get(m)!.keys()) ids.add(q);
  }
  const qids = [...ids].sort();
  return {
    qids,
    metrics: metrics.map((metric) => {
      const c = cand.get(metric)!;
      const b = base?.get(metric);
      return {
        metric,
        candidate: qids.map((q) => c.get(q) ?? 0),
        ...(b && { baseline: qids.map((q) => b.get(q) ?? 0) }),
      };
    }),
  };
}

/** `bench.recorded`: the candidate manifest claims a mean the gate does not reproduce. */
function recordedFindings(
  suite: string,
  scores: readonly { metric: string; candidate: number; recorded?: number }[],
  vectorsFile: string,
): Finding[] {
  return scores
    .filter(
      (s) => s.recorded !== undefined && Math.abs(s.recorded - s.candidate) > RECORDED_TOLERANCE,
    )
    .map((s) => ({
      id: 'bench.recorded',
      severity: 'warning' as const,
      message: `manifest records ${s.metric} = ${score(s.recorded!)} on ${suite}, the gate measured ${score(s.candidate)}: the vectors or the suite changed since the result was recorded`,
      location: { file: vectorsFile },
    }));
}

function metricNames(
  floors: readonly Located[],
  recorded: Readonly<Record<string, number>>,
): string[] {
  const names = [...new Set([...floors.map((f) => f.floor.metric), ...Object.keys(recorded)])];
  return names.length ? names : DEFAULT_METRICS;
}

/** Retrieves the top k of every query and returns the run, with a way to write it. */
async function knnRun(
  ctx: BenchmarkContext,
  queriesRef: VectorsRef,
  corpusRef: VectorsRef,
  k: number,
  metric: KnnMetric,
  what: string,
): Promise<{ run: Run; lines: () => Iterable<string> }> {
  const search = ctx.search ?? corpusSearch(ctx.openVectors, ctx.ort);
  const result = await search(queriesRef, corpusRef, k, metric, ctx.progress?.(what));
  const run = runFromLists(
    result.queryIds.map(
      (qid, q) =>
        [qid, (result.hits[q] ?? []).map((h) => ({ docid: h.id, score: h.score }))] as const,
    ),
  );
  return { run, lines: () => trecRunLines(result, 'embedding-gate') };
}
