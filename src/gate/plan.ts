/**
 * What the engine is asked to do (the request the edges decode), the outside things it runs
 * with, and the resolved plan: every file the request names, loaded, schema-checked and
 * path-checked before the first vector byte is read.
 */
import type { GateObserver } from './observer.js';
import type { OnnxRuntimeRecord } from './report-model.js';
import type { BenchmarkSearch } from './bench-knn.js';
import type { SampleCandidates } from './shard-sample.js';
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { ConfigError } from '../config/document.js';
import { discoverContracts, loadContract, type LoadedContract } from '../config/contract.js';
import type { ConfigLimits } from '../config/limits.js';
import type { LoadedManifest } from '../config/manifest.js';
import { loadManifest } from '../config/manifest.js';
import {
  declaredVectors,
  REMOTE_REF,
  requireRegularFile,
  resolveInWorkspace,
} from '../config/paths.js';
import { isDatasetPattern, listLocalDataset } from '../sources/dataset.js';
import type { VectorsDigest } from '../sources/hash.js';
import { loadRegistry, type LoadedRegistry } from '../config/registry.js';
import {
  discoverSuites,
  loadSuite,
  resolveSuiteVectors,
  type LoadedSuite,
} from '../config/suite.js';
import type { VectorsRef } from '../config/vocabulary.js';
import type { OrtModule } from '../onnx/session.js';
import type { SourceError, SourceOpener } from '../sources/types.js';
import { readPointers, type LoadedPointer } from '../release/lineage.js';
import { BenchParseError } from '../retrieval/errors.js';
import { readQrelsFile, type Qrels } from '../retrieval/qrels.js';
import { loadWaivers, type LoadedWaivers } from '../config/waivers.js';
import type { CompatibilityOverrides } from '../release/versioning.js';
import type { SampleReader, VectorOpener } from '../release/compat.js';
import type { StagingLimits } from '../staging/types.js';
import type { ConsumerRun, ProbeRun } from '../staging/context.js';
import type { OpenOptions } from '../vectors/types.js';
import type { DeclaredRemovals } from './checks/baseline.js';
import { channelBaseline, readRemovals } from './plan-baseline.js';
import { tableVectors } from './plan-table.js';
import type { OverrideDeclaration } from './override.js';
import type { FailOn, VectorSummary } from './report-model.js';

/** The seed of the regression statistics when the plan gives none. */
export const DEFAULT_SEED = 20240917;

/** Everything the gate needs to know, decoded and validated once at the edge. */
export interface GatePlan {
  /** Candidate manifest path. */
  readonly candidate: string;
  /** Baseline (production) manifest path. */
  readonly baseline?: string;
  /**
   * Gate against the version this registry channel serves (its manifest, as the registry
   * records it), instead of `baseline`; needs `registry`.
   */
  readonly baselineChannel?: string;
  /** Contract directories, files or globs. */
  readonly contracts: readonly string[];
  readonly failOn: FailOn;
  /** Every file the run reads must lie inside this directory, by the real path of what is opened. */
  readonly workspace: string;
  /**
   * Read `s3://` and `http(s)://` vectors (`--allow-remote`); off by default, so a pull
   * request cannot make CI fetch arbitrary URLs. The byte opener must agree (defaultDeps).
   */
  readonly allowRemote?: boolean;
  /** Directory relative paths in the plan are relative to. */
  readonly cwd: string;
  /** Waivers file (`contracts/waivers.schema.json`). */
  readonly waivers?: string;
  /** An override label on the pull request accepts a declared breaking change. */
  readonly override?: OverrideDeclaration;
  /** Benchmark suite files or globs, besides those the candidate manifest lists. */
  readonly suites?: readonly string[];
  /** Seed of the regression statistics (bootstrap, sign-flip test); default DEFAULT_SEED. */
  readonly seed?: number;
  /** Keep the text of every evaluated TREC run in the outcome, for `--write-run` at the edge. */
  readonly keepRuns?: boolean;
  /** Version registry (`contracts/registry.schema.json`): immutability, released hashes, deprecations. */
  readonly registry?: string;
  /** Sample size and seed of the space-compatibility analysis (over the registry's policy). */
  readonly compatibility?: CompatibilityOverrides;
  /** Size caps and threads of staging validation (ONNX models, labels, probe sets). */
  readonly staging?: StagingLimits;
  /**
   * Caps on every YAML or JSON file the plan reads (size, aliases): set by whoever runs the
   * gate, never by a file in the pull request; the defaults when absent.
   */
  readonly configLimits?: Partial<ConfigLimits>;
}

export interface ScanRequest {
  readonly path: string;
  /** Path as shown in messages. */
  readonly displayPath: string;
  readonly open: OpenOptions;
  /** Count rows whose |‖v‖ − 1| exceeds `normTolerance`. */
  readonly expectUnitNorm: boolean;
  readonly normTolerance: number;
  /** Return the set of ids (for baseline coverage). */
  readonly collectIds: boolean;
  /**
   * Also return the sha256 (the dataset digest and its parts for a dataset) of the bytes the
   * scan read, plus what it skipped: one pass over the vectors, not two.
   */
  readonly hash?: boolean;
  /** Told the rows read so far (and the file's rows, when known) after every batch. */
  readonly onRows?: (rows: number, total: number | undefined) => void;
  /**
   * Keep the compatibility sample's candidates on the way (gate/shard-sample.ts): the `keep`
   * keys of smallest seeded hash with their first rows, so the sample needs no second read.
   */
  readonly sample?: { readonly seed: number; readonly keep: number };
}

export interface ScanOutcome {
  readonly summary: VectorSummary;
  readonly outOfTolerance?: { readonly rows: number; readonly firstIds: readonly string[] };
  readonly ids?: ReadonlySet<string>;
  /** With `hash`: the digest of what was scanned. */
  readonly digest?: VectorsDigest;
  /** With `hash`: why a local file could not be hashed after it was scanned (no digest then). */
  readonly digestError?: SourceError;
  /** With `sample`: the compatibility sample's candidates from the scan's own pass. */
  readonly sample?: SampleCandidates;
}

/** Reads and measures one vectors file; throws VectorFileError when it is broken. */
export type Scanner = (request: ScanRequest) => Promise<ScanOutcome>;

export interface GateDeps {
  readonly scan: Scanner;
  readonly toolVersion: string;
  /** The clock (waiver expiry); the current time when absent. */
  readonly now?: () => Date;
  /** Opens vectors files for the compatibility sample; without it the spaces are not compared. */
  readonly openVectors?: VectorOpener;
  /**
   * onnxruntime for the kNN, staging models and compatibility products; when absent, resolved
   * once per process on first use (src/onnx/runtime-resolve.ts: EMBEDDING_GATE_ONNXRUNTIME_DIR,
   * an installed onnxruntime-node, the tool cache, a download from the npm registry, else
   * onnxruntime-web's WebAssembly). The report records which ran.
   */
  readonly ort?: () => Promise<OrtModule>;
  /** Where vectors bytes come from (the sha256 checks); local files when absent. */
  readonly openSource?: SourceOpener;
  /** Told about each step as it starts and ends (log groups, debug lines, progress). */
  readonly observer?: GateObserver;
  /**
   * The benchmarks' kNN passes; absent: exact kNN over the whole corpus. A shard searches
   * its rows and the merge answers from the shards' lists (gate/bench-knn.ts).
   */
  readonly benchmarkSearch?: BenchmarkSearch;
  /**
   * Reads the compatibility sample's rows; absent: both files streamed whole. The merge of a
   * sharded run answers from its shards' candidates (gate/shard-sample.ts).
   */
  readonly compatibilitySample?: SampleReader;
  /**
   * How consumers' staging models run over a version; absent: over the whole file. The merge
   * of a sharded run answers from its shards' outputs (gate/shard-staging.ts).
   */
  readonly consumerRun?: ConsumerRun;
  /**
   * How reproducibility probes compare over their stored vectors; absent: the whole file.
   * The merge of a sharded run answers from its shards' comparisons (gate/shard-staging.ts).
   */
  readonly probeRun?: ProbeRun;
  /**
   * The onnxruntime a sharded run's shards used (their kNN passes), which the report records
   * when the merge itself loads none.
   */
  readonly shardsRuntime?: OnnxRuntimeRecord;
}

/** One version as the plan resolved it. */
export interface ResolvedVersion {
  readonly loaded: LoadedManifest;
  /** Its vectors, resolved once inside the workspace; absent when the manifest failed its schema. */
  readonly vectors?: VectorsRef;
}

/** A benchmark suite as the plan resolved it. */
export interface ResolvedSuite {
  readonly loaded: LoadedSuite;
  /** The path messages show. */
  readonly display: string;
  /** Results the candidate manifest records for this suite, by metric. */
  readonly recorded?: Readonly<Record<string, number>>;
  /** The judgments, or the parse problem the benchmark step reports (`bench.qrels`). */
  readonly qrels?: Qrels | BenchParseError;
  /** Query (and corpus, when not the release's own) vectors of each gated version the suite has. */
  readonly versions: ReadonlyMap<
    string,
    { readonly queries: VectorsRef; readonly corpus?: VectorsRef }
  >;
}

/**
 * Everything one gate run reads besides vector bytes, resolved before any of them: built
 * once by {@link resolvePlan}, shared read-only by every step.
 */
export interface ResolvedPlan {
  readonly request: GatePlan;
  readonly seed: number;
  readonly candidate: ResolvedVersion;
  readonly baseline?: ResolvedVersion;
  /** With `baselineChannel`: the channel and the version it serves, which the baseline is. */
  readonly baselineChannel?: { readonly channel: string; readonly version: string };
  /** The candidate manifest's `removals.ids`, read. */
  readonly removals?: DeclaredRemovals;
  /** Every contract given, in file order. */
  readonly contracts: readonly LoadedContract[];
  readonly waivers?: LoadedWaivers;
  /** From `--suites` and the candidate manifest, in display-path order (empty without a valid candidate). */
  readonly suites: readonly ResolvedSuite[];
  readonly registry?: LoadedRegistry;
  /** The candidate's lineage pointer files (model, inputs), read. */
  readonly pointers: readonly LoadedPointer[];
}

/**
 * Loads and checks every file the request names — manifests, contracts, waivers, suites with
 * their qrels and query files, the registry, staging models, labels and probe sets, lineage
 * pointers — and resolves each vectors reference once. Throws ConfigError (exit 2) when one
 * is missing, unreadable, unparseable, a URL where a file is expected, or outside the
 * workspace; schema problems stay findings on the loaded documents. Reads no vector byte.
 */
export async function resolvePlan(request: GatePlan): Promise<ResolvedPlan> {
  const { cwd, workspace, configLimits: limits } = request;
  const load = { limits, workspace };
  const candidateLoaded = await loadManifest(request.candidate, cwd, load);
  const registry = request.registry ? await loadRegistry(request.registry, cwd, load) : undefined;
  if (registry) checkRegistryPaths(registry, workspace);
  const fromChannel = request.baselineChannel
    ? channelBaseline(request.baselineChannel, request, registry, candidateLoaded)
    : undefined;
  const baselineFile = fromChannel ? fromChannel.file : request.baseline;
  const baselineLoaded = baselineFile ? await loadManifest(baselineFile, cwd, load) : undefined;
  const contractFiles = await discoverContracts(request.contracts, cwd);
  const waivers = request.waivers ? await loadWaivers(request.waivers, cwd, load) : undefined;
  const contracts: LoadedContract[] = [];
  for (const file of contractFiles) contracts.push(await loadContract(file, cwd, load));

  const candidate = await resolveVersion(candidateLoaded, request);
  const removals = await readRemovals(candidateLoaded, workspace, cwd);
  const baseline = baselineLoaded && (await resolveVersion(baselineLoaded, request));
  const suites = candidate.loaded.manifest
    ? await resolveSuites(request, candidate.loaded, baseline?.loaded)
    : [];
  if (candidate.loaded.manifest) await checkStagingFiles(candidate.loaded, contracts, workspace);
  const pointers = candidate.loaded.manifest
    ? await readPointers(candidate.loaded, workspace, cwd, limits)
    : [];
  return Object.freeze({
    request,
    seed: request.seed ?? DEFAULT_SEED,
    candidate,
    ...(baseline && { baseline }),
    ...(fromChannel && {
      baselineChannel: { channel: fromChannel.channel, version: fromChannel.version },
    }),
    ...(removals && { removals }),
    contracts,
    ...(waivers && { waivers }),
    suites,
    ...(registry && { registry }),
    pointers,
  });
}

async function resolveVersion(loaded: LoadedManifest, request: GatePlan): Promise<ResolvedVersion> {
  const m = loaded.manifest;
  if (!m) return { loaded };
  const table = tableVectors(loaded, m, request.allowRemote === true);
  if (table) return { loaded, vectors: table };
  const vectors = declaredVectors(loaded, m, request);
  await requireVectorsFiles(loaded, ['vectors', 'path'], m.vectors.path, vectors);
  if (m.vectors.ids && vectors.open.idsPath)
    await requireRegularFile(
      loaded.doc,
      ['vectors', 'ids'],
      m.vectors.ids,
      vectors.open.idsPath,
      'a text file of ids, one per line, inside the workspace',
    );
  return { loaded, vectors };
}

/** {@link requireVectorsFile} for a reference, or for each part of a list. */
async function requireVectorsFiles(
  loaded: LoadedManifest | LoadedSuite,
  field: readonly (string | number)[],
  value: string | readonly string[],
  ref: VectorsRef,
): Promise<void> {
  if (typeof value === 'string') return requireVectorsFile(loaded, field, value, ref.path);
  const parts = ref.open.parts ?? [];
  for (let i = 0; i < value.length; i++)
    await requireListedPart(loaded, [...field, i], value[i]!, parts[i]!);
}

/** A part named in a list is one file (or object): not a folder, not a glob. */
async function requireListedPart(
  loaded: LoadedManifest | LoadedSuite,
  field: readonly (string | number)[],
  value: string,
  path: string,
): Promise<void> {
  if (REMOTE_REF.test(path)) return;
  await requireRegularFile(
    loaded.doc,
    field,
    value,
    path,
    'a vectors file inside the workspace (each entry of a list names one part)',
  );
}

/**
 * A declared vectors file must exist before anything runs; whether it reads as promised is
 * the scan's finding (`vectors.readable`), not a configuration error. A dataset (a
 * directory of parts, a glob) must list at least one part; a remote object is checked when
 * it is opened (a 403 or 404 is then a ConfigError naming the URL).
 */
async function requireVectorsFile(
  loaded: LoadedManifest | LoadedSuite,
  field: readonly (string | number)[],
  value: string,
  path: string,
): Promise<void> {
  if (REMOTE_REF.test(path)) return;
  const isDirectory = await stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (isDirectory || isDatasetPattern(path)) {
    if ((await listLocalDataset(path)).parts.length > 0) return;
    const location = loaded.doc.locate(field);
    throw new ConfigError(
      `${location.file}:${location.line}:${location.column}: ${field.join('.')} "${value}": names no parts; expected a vectors file, or a directory or glob of parts, inside the workspace`,
      location,
    );
  }
  await requireRegularFile(loaded.doc, field, value, path, 'a vectors file inside the workspace');
}

/** A suite's sidecar ids file, when it names one, must exist like its vectors. */
async function requireIdsFile(
  loaded: LoadedSuite,
  field: readonly (string | number)[],
  value: string | undefined,
  ref: VectorsRef,
): Promise<void> {
  if (value !== undefined && ref.open.idsPath)
    await requireRegularFile(
      loaded.doc,
      field,
      value,
      ref.open.idsPath,
      'a text file of ids, one per line, inside the workspace',
    );
}

/**
 * Every file a registry records must name a local path inside the workspace (a URL, an
 * escape is exit 2 here, before any vector is read); whether it still hashes as recorded,
 * or exists at all, is the versioning step's `registry.hash` finding.
 */
function checkRegistryPaths(loaded: LoadedRegistry, workspace: string): void {
  for (const [name, emb] of Object.entries(loaded.registry?.embeddings ?? {}))
    for (const [version, v] of Object.entries(emb.versions))
      for (const role of ['manifest', 'vectors', 'ids'] as const) {
        const f = v[role];
        if (f)
          resolveInWorkspace(
            loaded.doc,
            ['embeddings', name, 'versions', version, role, 'path'],
            f.path,
            workspace,
          );
      }
}

async function resolveSuites(
  request: GatePlan,
  candidate: LoadedManifest,
  baseline: LoadedManifest | undefined,
): Promise<ResolvedSuite[]> {
  const { cwd, workspace } = request;
  const manifest = candidate.manifest!;
  const files = new Map<string, { display: string; recorded?: Readonly<Record<string, number>> }>();
  for (const file of await discoverSuites(request.suites ?? [], cwd))
    files.set(resolve(cwd, file), { display: file });
  for (const [index, entry] of (manifest.suites ?? []).entries()) {
    const field = ['suites', index, 'path'];
    const path = resolveInWorkspace(candidate.doc, field, entry.path, workspace);
    await requireRegularFile(
      candidate.doc,
      field,
      entry.path,
      path,
      'a benchmark suite (YAML or JSON) inside the workspace',
    );
    files.set(path, {
      display: relative(cwd, path) || path,
      ...(entry.results && { recorded: entry.results }),
    });
  }
  const versions = [manifest.version, ...(baseline?.manifest ? [baseline.manifest.version] : [])];
  const suites: ResolvedSuite[] = [];
  for (const { display, recorded } of [...files.values()].sort((a, b) =>
    a.display.localeCompare(b.display),
  )) {
    const loaded = await loadSuite(display, cwd, { limits: request.configLimits, workspace });
    const suite = loaded.suite;
    if (!suite) {
      suites.push({ loaded, display, ...(recorded && { recorded }), versions: new Map() });
      continue;
    }
    const qrelsPath = resolveInWorkspace(loaded.doc, ['qrels'], suite.qrels, workspace);
    await requireRegularFile(
      loaded.doc,
      ['qrels'],
      suite.qrels,
      qrelsPath,
      'a qrels file (TREC or BEIR TSV) inside the workspace',
    );
    let qrels: Qrels | BenchParseError;
    try {
      qrels = await readQrelsFile(qrelsPath, suite.qrels_format ?? 'auto', workspace);
    } catch (err) {
      if (!(err instanceof BenchParseError)) throw err;
      qrels = err;
    }
    const refs = new Map<string, { queries: VectorsRef; corpus?: VectorsRef }>();
    for (const version of versions) {
      const entry = suite.versions[version];
      if (!entry) continue;
      const field = ['versions', version];
      const allowRemote = request.allowRemote === true;
      const queries = resolveSuiteVectors(
        loaded,
        [...field, 'queries'],
        entry.queries,
        workspace,
        cwd,
        allowRemote,
      );
      await requireVectorsFiles(loaded, [...field, 'queries', 'path'], entry.queries.path, queries);
      await requireIdsFile(loaded, [...field, 'queries', 'ids'], entry.queries.ids, queries);
      const corpus =
        entry.corpus &&
        resolveSuiteVectors(
          loaded,
          [...field, 'corpus'],
          entry.corpus,
          workspace,
          cwd,
          allowRemote,
        );
      if (corpus)
        await requireVectorsFiles(loaded, [...field, 'corpus', 'path'], entry.corpus!.path, corpus);
      if (corpus)
        await requireIdsFile(loaded, [...field, 'corpus', 'ids'], entry.corpus!.ids, corpus);
      refs.set(version, { queries, ...(corpus && { corpus }) });
    }
    suites.push({ loaded, display, ...(recorded && { recorded }), qrels, versions: refs });
  }
  return suites;
}

/**
 * The staging files of the candidate (its probes) and of every contract that stages a model
 * on it: inside the workspace, not URLs, and present. Their contents (size caps, sha256,
 * whether onnxruntime takes them) are the staging step's findings.
 */
async function checkStagingFiles(
  candidate: LoadedManifest,
  contracts: readonly LoadedContract[],
  workspace: string,
): Promise<void> {
  const manifest = candidate.manifest!;
  const need = async (
    doc: LoadedManifest['doc'],
    field: readonly (string | number)[],
    value: string | undefined,
    what: string,
  ) => {
    if (value === undefined) return;
    const path = resolveInWorkspace(doc, field, value, workspace);
    await requireRegularFile(doc, field, value, path, what);
  };
  for (const c of contracts) {
    const staging = c.contract?.embedding === manifest.name ? c.contract.staging : undefined;
    if (!staging) continue;
    await need(
      c.doc,
      ['staging', 'model'],
      staging.model,
      'an ONNX model file inside the workspace',
    );
    await need(
      c.doc,
      ['staging', 'labels'],
      staging.labels,
      'a labels file (CSV or TSV) inside the workspace',
    );
  }
  const probes: { field: (string | number)[]; decl: NonNullable<typeof manifest.probe> }[] = [];
  if (manifest.probe) probes.push({ field: ['probe'], decl: manifest.probe });
  for (const [modality, encoder] of Object.entries(manifest.encoders ?? {}))
    if (encoder.probe) probes.push({ field: ['encoders', modality, 'probe'], decl: encoder.probe });
  for (const { field, decl } of probes) {
    await need(
      candidate.doc,
      [...field, 'model'],
      decl.model,
      'an ONNX model file inside the workspace',
    );
    await need(
      candidate.doc,
      [...field, 'set'],
      decl.set,
      'a probe set (Arrow or Parquet) inside the workspace',
    );
    await need(
      candidate.doc,
      [...field, 'vectors', 'path'],
      decl.vectors?.path,
      'a vectors file inside the workspace',
    );
    await need(
      candidate.doc,
      [...field, 'vectors', 'ids'],
      decl.vectors?.ids,
      'a text file of ids inside the workspace',
    );
  }
}
