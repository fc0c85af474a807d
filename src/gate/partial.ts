/**
 * The partial result file of one shard: versioned, self-describing JSON. It names the plan
 * (a digest of the request, every configuration document and every vectors file's size and
 * declared sha256), the shard and its slices, and what the shard measured. `merge` refuses
 * partials of different plans, a missing or a repeated shard.
 */
import { createHash } from 'node:crypto';
import { ConfigError } from '../config/errors.js';
import type { KnnResult } from '../retrieval/knn.js';
import type { RowSlice, ShardSpec } from '../vectors/row-slice.js';
import type { BenchKnnPartial } from './bench-knn.js';
import type { OnnxRuntimeRecord } from './report-model.js';
import type { SampleCandidates } from './shard-sample.js';
import type { ProbeRunPartial, StagingRunPartial } from './shard-staging.js';
import type { ScanFailure, ScanPartial } from './shard-scan.js';

/** The `format` field of every partial file. */
export const PARTIAL_FORMAT = 'embedding-gate/partial';
/** Bumped whenever a field changes meaning; `merge` refuses any other. */
export const PARTIAL_VERSION = 1;

/** The request as a shard ran it, with paths as given (relative to `cwd`, which is relative to the workspace). */
export interface PlanDescription {
  readonly cwd: string;
  readonly candidate: string;
  readonly baseline?: string;
  readonly baselineChannel?: string;
  readonly contracts: readonly string[];
  readonly waivers?: string;
  readonly registry?: string;
  readonly suites?: readonly string[];
  readonly seed?: number;
  readonly compatibility?: { readonly sampleSize?: number; readonly seed?: number };
  readonly staging?: { readonly maxModelBytes?: number; readonly maxDataBytes?: number };
  readonly configLimits?: { readonly maxBytes?: number; readonly maxAliases?: number };
}

/** One input of the plan as the digest covers it. */
export interface PlanInput {
  /** As messages show it. */
  readonly file: string;
  /** sha256 of a configuration document's canonical JSON, or a vectors file's declared sha256. */
  readonly sha256?: string;
  /** A vectors file's size. */
  readonly bytes?: number;
}

/** What a shard of `check` writes. */
export interface GatePartial {
  readonly format: typeof PARTIAL_FORMAT;
  readonly version: typeof PARTIAL_VERSION;
  readonly tool: { readonly name: 'embedding-gate'; readonly version: string };
  readonly command: 'check';
  readonly plan: {
    readonly digest: string;
    readonly request: PlanDescription;
    readonly inputs: readonly PlanInput[];
  };
  readonly shard: ShardSpec;
  readonly scans: {
    readonly candidate?: ScanPartial | ScanFailure;
    readonly baseline?: ScanPartial | ScanFailure;
  };
  /** The benchmarks' kNN passes on this shard's corpus rows (absent: the merge runs them whole). */
  readonly knn?: readonly BenchKnnPartial[];
  /** Consumers' staging models run over this shard's rows of each version (gate/shard-staging.ts). */
  readonly staging?: readonly StagingRunPartial[];
  /** Reproducibility probes compared on this shard's rows of their stored vectors. */
  readonly probes?: readonly ProbeRunPartial[];
  /** The onnxruntime this shard's kNN passes ran on, when they ran. */
  readonly onnxRuntime?: OnnxRuntimeRecord;
  /** The compatibility sample's candidates of this shard's rows of each version (gate/shard-sample.ts). */
  readonly samples?: {
    readonly candidate?: SampleCandidates;
    readonly baseline?: SampleCandidates;
  };
}

/** A `knn` request as a shard ran it: files as given, relative to the working directory. */
export interface KnnDescription {
  readonly queries: string;
  readonly queryIds?: string;
  readonly corpus: string;
  readonly corpusIds?: string;
  readonly k: number;
  readonly metric: string;
  readonly tag: string;
}

/** What a shard of `knn` writes: its corpus slice's top-k for every query, rows numbered as in the whole corpus. */
export interface KnnPartial {
  readonly format: typeof PARTIAL_FORMAT;
  readonly version: typeof PARTIAL_VERSION;
  readonly tool: { readonly name: 'embedding-gate'; readonly version: string };
  readonly command: 'knn';
  readonly plan: {
    readonly digest: string;
    readonly request: KnnDescription;
    readonly inputs: readonly PlanInput[];
  };
  readonly shard: ShardSpec;
  readonly slice: RowSlice;
  readonly result: KnnResult;
}

/** A `validate` request as a shard ran it: the file and the expectations, as given. */
export interface ValidateDescription {
  readonly file: string;
  readonly ids?: string;
  readonly format?: string;
  readonly vectorColumn?: string;
  readonly idColumn?: string;
  readonly dims?: number;
  readonly dtype?: string;
  readonly normalization?: string;
  readonly normTolerance?: number;
}

/** What a shard of `validate` writes: its rows' scan of the one file. */
export interface ValidatePartial {
  readonly format: typeof PARTIAL_FORMAT;
  readonly version: typeof PARTIAL_VERSION;
  readonly tool: { readonly name: 'embedding-gate'; readonly version: string };
  readonly command: 'validate';
  readonly plan: {
    readonly digest: string;
    readonly request: ValidateDescription;
    readonly inputs: readonly PlanInput[];
  };
  readonly shard: ShardSpec;
  readonly scan: ScanPartial | ScanFailure;
}

/** Any partial file. */
export type AnyPartial = GatePartial | KnnPartial | ValidatePartial;

/** JSON with object keys sorted, so equal values give equal bytes whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** sha256 hex of a string. */
export function sha256Text(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The plan's digest: the tool version, the request and every input, canonically. */
export function planDigest(
  toolVersion: string,
  request: PlanDescription | KnnDescription | ValidateDescription,
  inputs: readonly PlanInput[],
): string {
  return sha256Text(canonicalJson({ toolVersion, request, inputs }));
}

/** The partial's text: one JSON document, ended by a newline. */
export function serialisePartial(partial: AnyPartial): string {
  return `${JSON.stringify(partial)}\n`;
}

/**
 * Reads a partial's text. Throws ConfigError (exit 2) naming `file` and what was expected
 * when it is not JSON, not a partial, of another format version, or misses a field.
 */
export function parsePartial(file: string, text: string): AnyPartial {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(
      `${file}: not a partial result (invalid JSON: ${(err as Error).message})`,
    );
  }
  const p = data as Partial<GatePartial> | Partial<KnnPartial> | null;
  const fail = (what: string): never => {
    throw new ConfigError(`${file}: not a partial result of embedding-gate: ${what}`);
  };
  if (!p || typeof p !== 'object' || Array.isArray(p)) return fail('expected a JSON object');
  if (p.format !== PARTIAL_FORMAT)
    return fail(`"format" must be "${PARTIAL_FORMAT}", found ${JSON.stringify(p.format)}`);
  if (p.version !== PARTIAL_VERSION)
    return fail(
      `"version" ${JSON.stringify(p.version)} is not ${PARTIAL_VERSION}, the version this tool reads (merge with the tool version that wrote it)`,
    );
  if (p.command !== 'check' && p.command !== 'knn' && p.command !== 'validate')
    return fail(
      `"command" must be "check", "knn" or "validate", found ${JSON.stringify(p.command)}`,
    );
  const s = p.shard;
  if (
    !s ||
    !Number.isInteger(s.index) ||
    !Number.isInteger(s.count) ||
    s.index < 1 ||
    s.index > s.count
  )
    return fail('"shard" must be {index, count} with 1 ≤ index ≤ count');
  if (
    !p.plan ||
    typeof p.plan.digest !== 'string' ||
    !p.plan.request ||
    !Array.isArray(p.plan.inputs)
  )
    return fail('"plan" must hold digest, request and inputs');
  const body = p as {
    command: string;
    scans?: unknown;
    scan?: unknown;
    knn?: unknown;
    staging?: unknown;
    probes?: unknown;
    result?: { hits?: unknown };
  };
  if (body.command === 'validate' && (!body.scan || typeof body.scan !== 'object'))
    return fail('"scan" must be an object');
  if (body.command === 'check' && (!body.scans || typeof body.scans !== 'object'))
    return fail('"scans" must be an object');
  if (body.command === 'check' && body.knn !== undefined && !Array.isArray(body.knn))
    return fail('"knn" must be a list of kNN passes');
  if (body.command === 'check' && body.staging !== undefined && !Array.isArray(body.staging))
    return fail('"staging" must be a list of consumer runs');
  if (body.command === 'check' && body.probes !== undefined && !Array.isArray(body.probes))
    return fail('"probes" must be a list of probe comparisons');
  if (body.command === 'knn' && !Array.isArray(body.result?.hits))
    return fail('"result" must hold the hits of every query');
  return p as AnyPartial;
}

/**
 * Checks that `partials` (with the files they came from) are the n shards of one plan, each
 * once. Throws ConfigError (exit 2) naming the files otherwise. Returns them in shard order.
 */
export function checkShardSet<P extends AnyPartial>(
  partials: readonly { readonly file: string; readonly partial: P }[],
): { readonly file: string; readonly partial: P }[] {
  if (partials.length === 0) throw new ConfigError('merge needs at least one partial result');
  const first = partials[0]!;
  for (const p of partials.slice(1)) {
    if (p.partial.plan.digest !== first.partial.plan.digest)
      throw new ConfigError(
        `${p.file} and ${first.file} are partials of different plans ` +
          `(digest ${p.partial.plan.digest.slice(0, 12)} ≠ ${first.partial.plan.digest.slice(0, 12)}${describeDifference(first.partial, p.partial)}); merge only the shards of one run`,
      );
    if (p.partial.shard.count !== first.partial.shard.count)
      throw new ConfigError(
        `${p.file} is shard ${p.partial.shard.index}/${p.partial.shard.count} but ${first.file} is shard ${first.partial.shard.index}/${first.partial.shard.count}; every partial must come from the same --shard i/n split`,
      );
  }
  const n = first.partial.shard.count;
  const byIndex = new Map<number, { file: string; partial: P }>();
  for (const p of partials) {
    const other = byIndex.get(p.partial.shard.index);
    if (other)
      throw new ConfigError(
        `shard ${p.partial.shard.index}/${n} is given twice: ${other.file} and ${p.file}`,
      );
    byIndex.set(p.partial.shard.index, p);
  }
  const missing: number[] = [];
  for (let i = 1; i <= n; i++) if (!byIndex.has(i)) missing.push(i);
  if (missing.length > 0)
    throw new ConfigError(
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')} ` +
        `(given: ${partials.map((p) => `${p.file} = ${p.partial.shard.index}/${n}`).join(', ')})`,
    );
  return [...byIndex.keys()].sort((a, b) => a - b).map((i) => byIndex.get(i)!);
}

/** Which input or request field differs, so the refusal says what changed. */
function describeDifference(a: AnyPartial, b: AnyPartial): string {
  if (a.command !== b.command) return `: one is of "${a.command}", the other of "${b.command}"`;
  if (a.tool.version !== b.tool.version) return `: tool ${a.tool.version} vs ${b.tool.version}`;
  if (canonicalJson(a.plan.request) !== canonicalJson(b.plan.request))
    return ': the options differ';
  const other = new Map(b.plan.inputs.map((i) => [i.file, canonicalJson(i)]));
  for (const input of a.plan.inputs) {
    if (other.get(input.file) !== canonicalJson(input)) return `: ${input.file} differs`;
  }
  return ': the inputs differ';
}
