/**
 * A shard of `check` and the merge of every shard. A shard resolves the whole plan (every
 * file checked, as a single run does), scans its slice of each version's vectors and returns
 * a partial; the merge re-resolves the plan, refuses partials of another plan or an
 * incomplete set, and runs the single run's engine with the merged scans standing in for
 * the scanner — so every finding, message, fingerprint and count is the single run's.
 *
 * The benchmarks' kNN passes are sharded too: each shard retrieves from its corpus rows and
 * the merge answers the benchmark step from the merged top-k lists (bench-knn.ts), so the
 * measures and statistics run once. The compatibility sample's rows come from the shards'
 * candidates (shard-sample.ts): the merge reads no vectors for it when they suffice. Staging
 * and probes take their labeled and probe ids' rows from the shards (shard-staging.ts); the
 * merge runs the models once over them. What still reads whole, on the merge job: the
 * declared-sha256 check.
 */
import { relative } from 'node:path';
import { ConfigError } from '../config/errors.js';
import { openLocalSource } from '../sources/local.js';
import type { ShardSpec } from '../vectors/row-slice.js';
import {
  checkShardSet,
  PARTIAL_FORMAT,
  PARTIAL_VERSION,
  planDigest,
  canonicalJson,
  sha256Text,
  type GatePartial,
  type PlanDescription,
  type PlanInput,
} from './partial.js';
import { resolvePlan, type GateDeps, type GatePlan, type ResolvedPlan } from './plan.js';
import { executePlan, type GateOutcome } from './run.js';
import {
  isScanFailure,
  mergeScanPartials,
  scanShard,
  type ScanFailure,
  type ScanPartial,
} from './shard-scan.js';
import { effectiveCompatibility } from '../release/versioning.js';
import { MAX_SAMPLE, readWhole } from '../release/compat.js';
import { candidatesReader, keepFor, SliceSampler, type SampleCandidates } from './shard-sample.js';
import { benchmarkStep } from './benchmark-step.js';
import { corpusSearch, mergedSearch, recordingSearch, type BenchKnnPartial } from './bench-knn.js';
import { openVectors } from '../vectors/open.js';
import type { OnnxRuntimeRecord } from './report-model.js';
import { trackRuntime } from './runtime-use.js';
import { observeStep, progressOf } from './observer.js';
import { scanRequestFor, stagingInput, wantsIds } from './steps.js';
import {
  MAX_CARRIED_ROW_BYTES,
  mergedConsumerRun,
  mergedProbeRun,
  recordingConsumerRun,
  recordingProbeRun,
  type ProbeRunPartial,
  type StagingRunPartial,
} from './shard-staging.js';
import { stagingStep } from '../staging/step.js';
import { resolveInWorkspace } from '../config/paths.js';
import type { SourceDocument } from '../config/document.js';
import { createHash } from 'node:crypto';

/** Parses `i/n` (1 ≤ i ≤ n ≤ 1024). Throws ConfigError (exit 2) naming what was expected. */
export function parseShard(text: string): ShardSpec {
  const m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > 1024 || index < 1 || index > count)
    throw new ConfigError(
      `--shard must be i/n with 1 ≤ i ≤ n ≤ 1024 (shard i of n, counted from 1), found "${text}"`,
    );
  return { index, count };
}

/** The request as a partial records it: paths as given, the working directory relative to the workspace. */
export function describeRequest(request: GatePlan): PlanDescription {
  return {
    cwd: relative(request.workspace, request.cwd) || '.',
    candidate: request.candidate,
    ...(request.baseline !== undefined && { baseline: request.baseline }),
    ...(request.baselineChannel !== undefined && { baselineChannel: request.baselineChannel }),
    contracts: request.contracts,
    ...(request.waivers !== undefined && { waivers: request.waivers }),
    ...(request.registry !== undefined && { registry: request.registry }),
    ...(request.suites !== undefined && { suites: request.suites }),
    ...(request.seed !== undefined && { seed: request.seed }),
    ...(request.compatibility && { compatibility: { ...request.compatibility } }),
    ...(request.staging && {
      staging: {
        ...(request.staging.maxModelBytes !== undefined && {
          maxModelBytes: request.staging.maxModelBytes,
        }),
        ...(request.staging.maxDataBytes !== undefined && {
          maxDataBytes: request.staging.maxDataBytes,
        }),
      },
    }),
    ...(request.configLimits && { configLimits: { ...request.configLimits } }),
  };
}

/** Every input the digest covers: each configuration document's content and each vectors file's size. */
async function planInputs(plan: ResolvedPlan, deps: GateDeps): Promise<PlanInput[]> {
  const docs = [
    plan.candidate.loaded.doc,
    ...(plan.baseline ? [plan.baseline.loaded.doc] : []),
    ...plan.contracts.map((c) => c.doc),
    ...plan.suites.map((s) => s.loaded.doc),
    ...(plan.waivers ? [plan.waivers.doc] : []),
    ...(plan.registry ? [plan.registry.doc] : []),
  ];
  const inputs: PlanInput[] = docs.map((d) => ({
    file: d.file,
    sha256: sha256Text(canonicalJson(d.data ?? null)),
  }));
  for (const p of plan.pointers) inputs.push({ file: p.shown, sha256: sha256Text(p.text) });
  const open = deps.openSource ?? openLocalSource;
  for (const version of [plan.candidate, plan.baseline]) {
    const vectors = version?.vectors;
    if (!vectors) continue;
    const declared = version.loaded.manifest?.vectors.sha256;
    let bytes: number | undefined;
    try {
      const source = await open({ path: vectors.path, display: vectors.displayPath });
      bytes = source.size;
      await source.close();
    } catch {
      // Unreadable: the scan reports it, in every shard and in the merge alike.
    }
    inputs.push({
      file: vectors.displayPath,
      ...(declared && { sha256: declared }),
      ...(bytes !== undefined && { bytes }),
    });
  }
  // The suites' query and corpus files: the shards search them, the merge trusts their lists.
  const named = new Set(inputs.map((i) => i.file));
  for (const suite of plan.suites) {
    for (const refs of suite.versions.values()) {
      for (const ref of [refs.queries, refs.corpus]) {
        if (!ref || named.has(ref.displayPath)) continue;
        named.add(ref.displayPath);
        inputs.push({ file: ref.displayPath, ...(await sizeOf(ref, open)) });
      }
    }
  }
  // Consumers' staging models and labels: the shards run them, the merge trusts their outputs.
  const manifest = plan.candidate.loaded.manifest;
  const files: { doc: SourceDocument; field: (string | number)[]; value: string }[] = [];
  for (const c of manifest ? plan.contracts : []) {
    const staging = c.contract?.embedding === manifest!.name ? c.contract.staging : undefined;
    if (!staging) continue;
    for (const field of ['model', 'labels'] as const)
      files.push({ doc: c.doc, field: ['staging', field], value: staging[field] });
  }
  // The probes' models and sets: the shards compare with them, the merge trusts the deviations.
  const doc = plan.candidate.loaded.doc;
  const probes: [(string | number)[], { model: string; set: string } | undefined][] = [
    [['probe'], manifest?.probe],
    ...Object.entries(manifest?.encoders ?? {}).map(
      ([m, e]) => [['encoders', m, 'probe'], e.probe] as [(string | number)[], typeof e.probe],
    ),
  ];
  for (const [at, probe] of probes) {
    if (!probe) continue;
    files.push({ doc, field: [...at, 'model'], value: probe.model });
    files.push({ doc, field: [...at, 'set'], value: probe.set });
  }
  for (const { doc: d, field, value } of files) {
    const path = resolveInWorkspace(d, field, value, plan.request.workspace);
    const display = relative(plan.request.cwd, path) || path;
    if (named.has(display)) continue;
    named.add(display);
    inputs.push({ file: display, ...(await hashOf({ path, displayPath: display }, open)) });
  }
  return inputs;
}

/** A file's sha256 and size, or nothing when it cannot be read (the step that reads it reports that). */
async function hashOf(
  ref: { path: string; displayPath: string },
  open: NonNullable<GateDeps['openSource']>,
): Promise<{ sha256?: string; bytes?: number }> {
  try {
    const source = await open({ path: ref.path, display: ref.displayPath });
    try {
      const hash = createHash('sha256');
      const chunk = new Uint8Array(1 << 20);
      for (let at = 0; at < source.size;) {
        const n = await source.read(chunk, 0, Math.min(chunk.length, source.size - at), at);
        if (n <= 0) break;
        hash.update(chunk.subarray(0, n));
        at += n;
      }
      return { sha256: hash.digest('hex'), bytes: source.size };
    } finally {
      await source.close();
    }
  } catch {
    return {};
  }
}

/** A file's size, or nothing when it cannot be opened (the step that reads it reports that). */
async function sizeOf(
  ref: { path: string; displayPath: string },
  open: NonNullable<GateDeps['openSource']>,
): Promise<{ bytes?: number }> {
  try {
    const source = await open({ path: ref.path, display: ref.displayPath });
    const bytes = source.size;
    await source.close();
    return { bytes };
  } catch {
    return {};
  }
}

/**
 * Runs shard `shard` of the gate: resolves and checks the whole plan (throws ConfigError,
 * exit 2, as `check` does), then scans this shard's rows of each version's vectors.
 */
export async function runShard(
  request: GatePlan,
  deps: GateDeps,
  shard: ShardSpec,
): Promise<GatePartial> {
  const plan = await resolvePlan(request);
  const description = describeRequest(request);
  const inputs = await planInputs(plan, deps);
  const collect = wantsIds(plan);
  // The compatibility sample runs when both manifests are valid: keep its candidates then.
  const options = effectiveCompatibility(plan.registry, request.compatibility);
  const keep = keepFor(Math.min(Math.max(options.sampleSize, 1), MAX_SAMPLE), shard.count);
  const samplers = {
    candidate: collect ? new SliceSampler(options.seed, keep, collect) : undefined,
    baseline: collect ? new SliceSampler(options.seed, keep, collect) : undefined,
  };
  const o = deps.observer;
  const scan = async (side: 'candidate' | 'baseline') => {
    const version = plan[side];
    const onRows = progressOf(o, 'scan', 'rows', side);
    const req = version && scanRequestFor(version, collect);
    const scanned =
      req &&
      (await scanShard(
        { ...req, ...(onRows && { onRows }) },
        shard,
        deps.openSource,
        samplers[side],
      ));
    const sample = scanned && !isScanFailure(scanned) ? samplers[side]?.result() : undefined;
    return { scanned, sample };
  };
  // The steps a shard runs, told to the observer as the single run tells them (the CLI's
  // progress line, the Action's log lines).
  const [
    { scanned: candidate, sample: candidateSample },
    { scanned: baseline, sample: baselineSample },
  ] = await observeStep(
    o,
    'scan',
    async () => [await scan('candidate'), await scan('baseline')] as const,
    ([c, b]) => ({
      shard: `${shard.index}/${shard.count}`,
      candidateRows: c.scanned && !isScanFailure(c.scanned) ? c.scanned.rows : undefined,
      baselineRows: b.scanned && !isScanFailure(b.scanned) ? b.scanned.rows : undefined,
    }),
  );
  const runtime = trackRuntime(deps.ort);
  const knn = await observeStep(
    o,
    'benchmarks',
    () => benchmarkPasses(plan, { ...deps, ort: runtime.ort }, shard, candidate, baseline),
    (k) => ({ passes: k?.length ?? 0 }),
  );
  const staged = await observeStep(
    o,
    'staging',
    () => stagingRuns(plan, { ...deps, ort: runtime.ort }, shard, candidate, baseline),
    (r) => ({ consumers: r?.staging?.length ?? 0, probes: r?.probes?.length ?? 0 }),
  );
  const onnxRuntime = runtime.record();
  return {
    format: PARTIAL_FORMAT,
    version: PARTIAL_VERSION,
    tool: { name: 'embedding-gate', version: deps.toolVersion },
    command: 'check',
    plan: {
      digest: planDigest(deps.toolVersion, description, inputs),
      request: description,
      inputs,
    },
    shard,
    scans: {
      ...(candidate && { candidate }),
      ...(baseline && { baseline }),
    },
    ...(knn && { knn }),
    ...(staged?.staging && { staging: staged.staging }),
    ...(staged?.probes && { probes: staged.probes }),
    ...(onnxRuntime && { onnxRuntime }),
    ...((candidateSample || baselineSample) && {
      samples: {
        ...(candidateSample && { candidate: candidateSample }),
        ...(baselineSample && { baseline: baselineSample }),
      },
    }),
  };
}

/**
 * The benchmarks' kNN passes on this shard's corpus rows: the benchmark step run with a
 * search of the slice that records every pass (its measures, computed on a slice, are
 * dropped). Only when the single run would run the benchmarks (the candidate's vectors
 * readable); a pass that fails here, or a step that stops, leaves the merge to run the
 * missing passes whole, so the merged report stays the single run's.
 */
async function benchmarkPasses(
  plan: ResolvedPlan,
  deps: GateDeps,
  shard: ShardSpec,
  candidate: ScanPartial | ScanFailure | undefined,
  baseline: ScanPartial | ScanFailure | undefined,
): Promise<BenchKnnPartial[] | undefined> {
  if (!candidate || 'error' in candidate || !plan.candidate.loaded.manifest) return undefined;
  if (plan.suites.length === 0) return undefined;
  const record: BenchKnnPartial[] = [];
  const search = recordingSearch(
    corpusSearch(deps.openVectors ?? openVectors, deps.ort, shard),
    plan.request.workspace,
    record,
  );
  const readableBaseline = baseline && !('error' in baseline) ? plan.baseline : undefined;
  try {
    await benchmarkStep(plan, { ...deps, benchmarkSearch: search }, readableBaseline);
  } catch {
    // Whatever stopped the step here stops it in the merge too, which runs it whole.
  }
  return record;
}

/**
 * Staging and probes on this shard's rows: the staging step run with readers that record
 * the first row of every labeled id (each consumer, both versions) and probe id (each probe)
 * among this shard's rows, judging nothing (the merge runs the models once, on the merged
 * rows). Only when the single run would run staging (the candidate's vectors readable); a
 * read that fails here leaves the merge to read that file whole, so the report stays the
 * single run's.
 */
async function stagingRuns(
  plan: ResolvedPlan,
  deps: GateDeps,
  shard: ShardSpec,
  candidate: ScanPartial | ScanFailure | undefined,
  baseline: ScanPartial | ScanFailure | undefined,
): Promise<{ staging?: StagingRunPartial[]; probes?: ProbeRunPartial[] } | undefined> {
  const manifest = plan.candidate.loaded.manifest;
  if (!candidate || 'error' in candidate || !manifest) return undefined;
  const consumers = plan.contracts.some(
    (c) => c.contract?.embedding === manifest.name && c.contract.staging,
  );
  const probes =
    manifest.probe !== undefined ||
    Object.values(manifest.encoders ?? {}).some((e) => e.probe !== undefined);
  if (!consumers && !probes) return undefined;
  const record: StagingRunPartial[] = [];
  const probeRecord: ProbeRunPartial[] = [];
  const readableBaseline = baseline && !('error' in baseline) ? plan.baseline : undefined;
  // One budget for every record of the partial: it is one JSON string.
  const budget = { bytes: MAX_CARRIED_ROW_BYTES };
  const consumerRun = recordingConsumerRun(deps.openVectors ?? openVectors, shard, record, budget);
  const probeRun = recordingProbeRun(shard, probeRecord, budget);
  try {
    await stagingStep({
      ...stagingInput(plan, { ...deps, consumerRun, probeRun }, readableBaseline),
      recordOnly: true,
    });
  } catch {
    // Whatever stopped the step here stops it in the merge too, which runs it whole.
  }
  return {
    ...(consumers && { staging: record }),
    ...(probes && { probes: probeRecord }),
  };
}

/**
 * Merges the partials of one `check` run into its report: refuses (ConfigError, exit 2) a
 * missing or repeated shard, partials of different plans, and files changed since the
 * shards ran; then runs the engine with the merged scans. `request` supplies what the
 * partials do not decide: the workspace, `failOn`, the override, `keepRuns`.
 */
export async function runMerge(
  partials: readonly { readonly file: string; readonly partial: GatePartial }[],
  request: Pick<GatePlan, 'workspace' | 'failOn' | 'override' | 'keepRuns' | 'allowRemote'>,
  deps: GateDeps,
): Promise<MergeOutcome> {
  const ordered = checkShardSet(partials);
  const first = ordered[0]!.partial;
  if (first.tool.version !== deps.toolVersion)
    throw new ConfigError(
      `${ordered[0]!.file} was written by embedding-gate ${first.tool.version}; merge with the same version (this is ${deps.toolVersion})`,
    );
  const described = first.plan.request;
  const gatePlan: GatePlan = {
    ...described,
    cwd: resolveInside(request.workspace, described.cwd),
    workspace: request.workspace,
    failOn: request.failOn,
    ...(request.override && { override: request.override }),
    ...(request.keepRuns !== undefined && { keepRuns: request.keepRuns }),
    ...(request.allowRemote !== undefined && { allowRemote: request.allowRemote }),
  };
  const plan = await resolvePlan(gatePlan);
  const inputs = await planInputs(plan, deps);
  const digest = planDigest(deps.toolVersion, described, inputs);
  if (digest !== first.plan.digest) {
    const was = new Map(first.plan.inputs.map((i) => [i.file, canonicalJson(i)]));
    const changed = inputs.find((i) => was.get(i.file) !== canonicalJson(i));
    throw new ConfigError(
      `the partials were made from other files than the merge finds${changed ? `: ${changed.file} changed` : ''} ` +
        `(digest ${first.plan.digest.slice(0, 12)}, here ${digest.slice(0, 12)}); rerun the shards on this commit`,
    );
  }
  const merged = new Map<string, ReturnType<typeof mergeScanPartials> | Error>();
  for (const side of ['candidate', 'baseline'] as const) {
    const parts = ordered.map((p) => p.partial.scans[side]);
    if (parts.some((p) => !p)) continue;
    const version = plan[side];
    const path = version?.vectors?.path;
    if (!path) continue;
    try {
      merged.set(path, mergeScanPartials(parts.map((p) => p!)));
    } catch (err) {
      merged.set(path, err as Error);
    }
  }
  const scan: GateDeps['scan'] = async (req) => {
    const outcome = merged.get(req.path);
    if (!outcome)
      throw new ConfigError(`the partials hold no scan of ${req.displayPath}; rerun the shards`);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  const samplePaths = new Map<string, (SampleCandidates | undefined)[]>();
  for (const side of ['candidate', 'baseline'] as const) {
    const path = plan[side]?.vectors?.path;
    if (path)
      samplePaths.set(
        path,
        ordered.map((p) => p.partial.samples?.[side]),
      );
  }
  const sampleReads = { merged: 0, whole: 0 };
  const compatibilitySample = candidatesReader(
    samplePaths,
    readWhole(deps.openVectors ?? openVectors),
    sampleReads,
  );
  const knnPasses = { merged: 0, whole: 0 };
  const benchmarkSearch = mergedSearch(
    ordered.map((p) => p.partial.knn),
    request.workspace,
    corpusSearch(deps.openVectors ?? openVectors, deps.ort),
    knnPasses,
  );
  const stagingRunsUsed = { merged: 0, whole: 0 };
  const consumerRun = mergedConsumerRun(
    ordered.map((p) => p.partial.staging),
    deps.openVectors ?? openVectors,
    stagingRunsUsed,
  );
  const probeRunsUsed = { merged: 0, whole: 0 };
  const probeRun = mergedProbeRun(
    ordered.map((p) => p.partial.probes),
    probeRunsUsed,
  );
  return {
    ...(await executePlan(plan, {
      ...deps,
      scan,
      benchmarkSearch,
      consumerRun,
      probeRun,
      compatibilitySample,
      ...shardsRuntimeOf(ordered.map((p) => p.partial.onnxRuntime)),
    })),
    knnPasses,
    sampleReads,
    stagingRuns: stagingRunsUsed,
    probeRuns: probeRunsUsed,
  };
}

/**
 * The runtime the shards ran on, for the report when the merge loads none: a shard that fell
 * back to WebAssembly first (the report says so), else the first shard's.
 */
function shardsRuntimeOf(records: readonly (OnnxRuntimeRecord | undefined)[]): {
  shardsRuntime?: OnnxRuntimeRecord;
} {
  const used = records.filter((r): r is OnnxRuntimeRecord => r !== undefined);
  const shown = used.find((r) => r.source === 'wasm-fallback') ?? used[0];
  return shown ? { shardsRuntime: shown } : {};
}

/** The merge's report, and how its benchmarks' kNN passes were answered. */
export interface MergeOutcome extends GateOutcome {
  /** Passes answered from the shards' merged lists, and passes the merge ran whole. */
  readonly knnPasses: { readonly merged: number; readonly whole: number };
  /** Versions whose compatibility-sample rows came from the shards' candidates, and those read whole. */
  readonly sampleReads: { readonly merged: number; readonly whole: number };
  /** Consumers' model runs (one per consumer and version) over the shards' labeled rows, and those that read the file whole. */
  readonly stagingRuns: { readonly merged: number; readonly whole: number };
  /** Reproducibility probes over the shards' stored rows, and those that read the file whole. */
  readonly probeRuns: { readonly merged: number; readonly whole: number };
}

/** One line for the log: what was merged, and what the merge had to run whole. */
export function mergeLine(shards: number, outcome: MergeOutcome): string {
  const { merged, whole } = outcome.knnPasses;
  const passes =
    merged + whole === 0
      ? 'no benchmark kNN passes'
      : `benchmark kNN passes: ${merged} from the shards' top-k lists, ${whole} run whole on this machine`;
  const sample = outcome.sampleReads;
  const rows =
    sample.merged + sample.whole === 0
      ? ''
      : `; compatibility sample: ${sample.merged} version(s) from the shards' candidates, ${sample.whole} read whole`;
  const s = outcome.stagingRuns;
  const staged =
    s.merged + s.whole === 0
      ? ''
      : `; staging: ${s.merged} version(s) of consumers' labeled rows from the shards, ${s.whole} read whole`;
  const p = outcome.probeRuns;
  const probed =
    p.merged + p.whole === 0
      ? ''
      : `; probes: ${p.merged} from the shards' stored rows, ${p.whole} read whole`;
  return `merged ${shards} shard${shards === 1 ? '' : 's'}; ${passes}${rows}${staged}${probed}`;
}

function resolveInside(workspace: string, rel: string): string {
  if (rel.startsWith('..') || rel.startsWith('/'))
    throw new ConfigError(
      `the partials' working directory "${rel}" lies outside the workspace ${workspace}`,
    );
  return rel === '.' ? workspace : `${workspace}/${rel}`;
}
