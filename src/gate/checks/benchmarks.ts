/**
 * Benchmark regression: retrieve every suite's queries from the candidate's corpus (and the
 * baseline's) with exact kNN, score the runs with trec_eval's measures, and judge each
 * consumer's quality floors with paired, significance-tested verdicts.
 */
import { join } from 'node:path';
import {
  exactKnn,
  KnnInputError,
  readQueries,
  trecRunLines,
  type KnnMetric,
} from '../../retrieval/knn.js';
import { readQrelsFile } from '../../retrieval/qrels.js';
import { runFromLists, type Run } from '../../retrieval/run-file.js';
import { parseMetric, perQueryScoresMany } from '../../retrieval/metrics.js';
import {
  DEFAULT_SUITE_K,
  resolveQrels,
  resolveSuiteVectors,
  type LoadedSuite,
} from '../../config/suite.js';
import {
  BenchParseError,
  EvaluationError,
  InvalidRunError,
  UnknownMetricError,
} from '../../retrieval/errors.js';
import { writeLinesAtomic } from '../../fsutil/atomic-write.js';
import type { Manifest } from '../../config/manifest.js';
import type { BenchmarkResult, SuiteReport } from '../report-model.js';
import { VectorFileError, type OpenOptions, type VectorSource } from '../../vectors/types.js';
import type { LoadedContract } from '../../config/contract.js';
import { judgeConsumers, meanOf, type Located } from './quality-floors.js';
import type { Finding, Location } from '../../config/findings.js';
import { score } from '../../config/numbers.js';

/** One side of the comparison: a valid manifest and where its own vectors are. */
export interface BenchSide {
  readonly manifest: Manifest;
  readonly vectors: {
    readonly path: string;
    readonly displayPath: string;
    readonly open: OpenOptions;
  };
}

export interface BenchmarkContext {
  readonly candidate: BenchSide;
  readonly baseline?: BenchSide;
  /** Valid contracts that read the candidate's embedding. */
  readonly contracts: readonly LoadedContract[];
  readonly suites: readonly LoadedSuite[];
  /** Recorded results of the candidate manifest, by suite name then metric. */
  readonly recorded: ReadonlyMap<string, Readonly<Record<string, number>>>;
  readonly workspace: string;
  readonly cwd: string;
  readonly seed: number;
  /** Directory to write every evaluated run to (`--write-run`). */
  readonly writeRuns?: string;
  readonly openVectors: (path: string, opts: OpenOptions) => Promise<VectorSource>;
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
export async function runBenchmarks(
  ctx: BenchmarkContext,
): Promise<{ suites: SuiteReport[]; rows: BenchmarkResult[]; findings: Finding[] }> {
  const suites: SuiteReport[] = [];
  const rows: BenchmarkResult[] = [];
  const findings: Finding[] = [];
  const floorsBySuite = new Map<string, Located[]>();
  for (const contract of ctx.contracts) {
    contract.contract?.quality?.forEach((floor, index) => {
      try {
        parseMetric(floor.metric);
      } catch (err) {
        if (!(err instanceof UnknownMetricError)) throw err;
        findings.push({
          id: 'bench.metric',
          severity: contract.contract?.status === 'pending' ? 'warning' : 'error',
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
  for (const loaded of ctx.suites) {
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
      const outcome = await runSuite(ctx, loaded, floors);
      suites.push(outcome.report);
      rows.push(...outcome.rows);
      findings.push(...outcome.findings);
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
      const pending = contract.contract?.status === 'pending';
      findings.push({
        id: 'bench.suite-missing',
        severity: pending ? 'warning' : 'error',
        consumer: contract.contract?.consumer,
        message:
          `${contract.contract?.consumer} requires ${floor.metric} on suite "${suite}", but no suite of that name was given ` +
          `(list it in the candidate manifest's suites or pass --suites)`,
        location: contract.doc.locate(['quality', index, 'suite']),
      });
    }
  }
  return { suites, rows, findings };
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

async function runSuite(
  ctx: BenchmarkContext,
  loaded: LoadedSuite,
  floors: readonly Located[],
): Promise<{ report: SuiteReport; rows: BenchmarkResult[]; findings: Finding[] }> {
  const suite = loaded.suite!;
  const findings: Finding[] = [];
  const candEntry = suite.versions[ctx.candidate.manifest.version];
  if (!candEntry) {
    throw new SuiteProblem(
      'bench.suite-version',
      `has no query embeddings for the candidate version ${ctx.candidate.manifest.version} ` +
        `(versions: ${Object.keys(suite.versions).join(', ')}); add versions."${ctx.candidate.manifest.version}".queries`,
      loaded.doc.locate(['versions']),
    );
  }
  const baseEntry = ctx.baseline ? suite.versions[ctx.baseline.manifest.version] : undefined;
  const recorded = ctx.recorded.get(suite.suite) ?? {};
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
  const qrels = await readQrelsFile(
    resolveQrels(loaded, ctx.workspace),
    suite.qrels_format ?? 'auto',
  );

  const corpusOf = (side: BenchSide, entry: typeof candEntry, version: string) =>
    entry.corpus
      ? resolveSuiteVectors(
          loaded,
          ['versions', version, 'corpus'],
          entry.corpus,
          ctx.workspace,
          ctx.cwd,
        )
      : side.vectors;
  const queriesOf = (entry: typeof candEntry, version: string) =>
    resolveSuiteVectors(
      loaded,
      ['versions', version, 'queries'],
      entry.queries,
      ctx.workspace,
      ctx.cwd,
    );

  const cand = ctx.candidate;
  const candQueries = queriesOf(candEntry, cand.manifest.version);
  const candCorpus = corpusOf(cand, candEntry, cand.manifest.version);
  const retrieve = async (
    label: string,
    queries: typeof candQueries,
    corpus: typeof candQueries,
    metric: KnnMetric,
  ) => {
    const run = await knnRun(ctx, queries, corpus, k, metric);
    if (ctx.writeRuns)
      await writeLinesAtomic(join(ctx.writeRuns, `${suite.suite}.${label}.run`), run.lines());
    return run.run;
  };
  const candRun = await retrieve('candidate', candQueries, candCorpus, cand.manifest.metric);
  const candScores = perQueryScoresMany(qrels, candRun, metrics);

  let baseScores: Map<string, Map<string, number>> | undefined;
  let cross: SuiteReport['cross'];
  if (ctx.baseline && baseEntry) {
    const base = ctx.baseline;
    const baseQueries = queriesOf(baseEntry, base.manifest.version);
    const baseCorpus = corpusOf(base, baseEntry, base.manifest.version);
    const baseRun = await retrieve('baseline', baseQueries, baseCorpus, base.manifest.metric);
    baseScores = perQueryScoresMany(qrels, baseRun, metrics);
    if (base.manifest.dims === cand.manifest.dims && base.manifest.dtype === cand.manifest.dtype) {
      // Backward-compatible representation learning's criterion: new queries against the
      // old index must do at least as well as old with old.
      const newOld = perQueryScoresMany(
        qrels,
        await retrieve(
          'candidate-queries.baseline-corpus',
          candQueries,
          baseCorpus,
          base.manifest.metric,
        ),
        metrics,
      );
      const oldNew = perQueryScoresMany(
        qrels,
        await retrieve(
          'baseline-queries.candidate-corpus',
          baseQueries,
          candCorpus,
          cand.manifest.metric,
        ),
        metrics,
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
      location: loaded.doc.locate(['versions']),
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
  for (const s of scores) {
    if (s.recorded !== undefined && Math.abs(s.recorded - s.candidate) > RECORDED_TOLERANCE) {
      findings.push({
        id: 'bench.recorded',
        severity: 'warning',
        message: `manifest records ${s.metric} = ${score(s.recorded)} on ${suite.suite}, the gate measured ${score(s.candidate)}: the vectors or the suite changed since the result was recorded`,
        location: { file: ctx.candidate.vectors.displayPath },
      });
    }
  }

  const judged = judgeConsumers(ctx.seed, suite.suite, floors, candScores, baseScores, findings);
  const queries = qrels.queries.size;
  return {
    rows: judged.rows.map((r) => ({ ...r, queries })),
    report: {
      suite: suite.suite,
      file: loaded.doc.file,
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
      regressions: judged.regressions,
    },
    findings,
  };
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
  queriesRef: { path: string; open: OpenOptions },
  corpusRef: { path: string; open: OpenOptions },
  k: number,
  metric: KnnMetric,
): Promise<{ run: Run; lines: () => Iterable<string> }> {
  const querySource = await ctx.openVectors(queriesRef.path, queriesRef.open);
  let queries;
  try {
    queries = await readQueries(querySource);
  } finally {
    await querySource.close();
  }
  const corpus = await ctx.openVectors(corpusRef.path, corpusRef.open);
  try {
    const result = await exactKnn({ queries, corpus, k, metric });
    const run = runFromLists(
      result.queryIds.map(
        (qid, q) =>
          [qid, (result.hits[q] ?? []).map((h) => ({ docid: h.id, score: h.score }))] as const,
      ),
    );
    return { run, lines: () => trecRunLines(result, 'embedding-gate') };
  } finally {
    await corpus.close();
  }
}
