/**
 * One shard's scan of one vectors file, and the exact merge of every shard's scans back into
 * what one scan of the whole file reports. Every aggregate merges exactly: counts add;
 * extremes take the extreme; the norms' sketch adds bucket counts (fixed buckets, so its
 * percentiles are the single scan's); the norms' sum is exact (vectors/exact-sum.ts), so the
 * mean is too; examples are the first rows in file order; ids are replayed in file order
 * through the scan's own id set, so duplicates, their examples and the baseline coverage are
 * counted as one pass counts them.
 */
import type { SourceOpener } from '../sources/types.js';
import { remoteInfoOf } from '../sources/http.js';
import { sharesLister } from '../sources/router.js';
import { ConfigError } from '../config/errors.js';
import { openLocalSource } from '../sources/local.js';
import { ExactSum } from '../vectors/exact-sum.js';
import { IdSet } from '../vectors/idset.js';
import { openVectors } from '../vectors/open.js';
import {
  rowSlice,
  sliceSource,
  type RowSlice,
  type ShardSpec,
  type SliceSegment,
} from '../vectors/row-slice.js';
import {
  QUANTILE_GRID,
  scanVectors,
  type NormState,
  type RowRef,
  type ScanStats,
} from '../vectors/scan.js';
import { QuantileSketch } from '../vectors/sketch.js';
import {
  VectorFileError,
  type VectorDType,
  type VectorFormat,
  type VectorSource,
} from '../vectors/types.js';
import type { ScanOutcome, ScanRequest } from './plan.js';
import { summariseScan } from './scan.js';
import type { SliceSampler } from './shard-sample.js';

/** Examples kept per finding, as the single scan keeps them. */
const MAX_EXAMPLES = 5;

/** What one shard measured of one file, JSON-safe; row numbers are the file's own. */
export interface ScanPartial {
  readonly file: string;
  readonly slice: RowSlice;
  readonly format: VectorFormat;
  readonly hasIds: boolean;
  readonly bytes: number;
  /** The remote objects read, and the version each was read at (as the single scan lists them). */
  readonly remote?: readonly RemoteVersion[];
  readonly collectIds: boolean;
  readonly rows: number;
  readonly dims: number;
  readonly dtype: VectorDType;
  readonly nonFinite: { rows: number; values: number; examples: RowRef[] };
  readonly zero: { rows: number; examples: RowRef[] };
  readonly norms?: { kind: 'l2' | 'popcount'; state: NormState };
  readonly unitNorm?: {
    tolerance: number;
    rows: number;
    examples: RowRef[];
    worst?: RowRef & { norm: number; deviation: number };
  };
  /** The slice's runs of rows; `ids` follows them in order. */
  readonly segments: readonly SliceSegment[];
  readonly ids?: readonly string[];
}

/** A shard whose reader found the file broken: the merge reports the first such, as one scan would. */
export interface ScanFailure {
  readonly file: string;
  readonly slice: RowSlice;
  readonly error: {
    readonly file: string;
    readonly detail: string;
    readonly where?: { byte?: number; line?: number; row?: number };
  };
}

/** Scans shard `shard`'s rows of the requested file. Never throws VectorFileError: it is recorded. */
export async function scanShard(
  request: ScanRequest,
  shard: ShardSpec,
  openSource: SourceOpener = openLocalSource,
  sampler?: SliceSampler,
): Promise<ScanPartial | ScanFailure> {
  let bytes = 0;
  // As scanFile counts them: a dataset's parts each once, and every remote object's version.
  const parts = new Map<string, number>();
  const remote = new Map<string, RemoteVersion>();
  const sizing: SourceOpener = async (req) => {
    const opened = await openSource(req);
    if (req.path === request.path) bytes = opened.size;
    else parts.set(req.path, opened.size);
    const version = remoteInfoOf(opened);
    if (version)
      remote.set(version.url, {
        url: version.url,
        ...(version.etag && { etag: version.etag }),
        ...(version.versionId && { versionId: version.versionId }),
      });
    return opened;
  };
  sharesLister(sizing, openSource);
  let slice: RowSlice = rowSlice(shard, undefined);
  try {
    const file = await openVectors(request.path, request.open, sizing);
    slice = rowSlice(shard, file.info.rows);
    const total = bytes || [...parts.values()].reduce((a, b) => a + b, 0);
    const partial = await scanSlice(file, slice, request, total, sampler);
    return remote.size > 0 ? { ...partial, remote: [...remote.values()] } : partial;
  } catch (err) {
    if (!(err instanceof VectorFileError)) throw err;
    return {
      file: request.displayPath,
      slice,
      error: { file: err.file, detail: err.detail, ...(err.where && { where: err.where }) },
    };
  }
}

/**
 * Scans `slice` of an opened file (closing it) into a partial; throws VectorFileError when
 * the reader finds the file broken. `bytes` is the whole file's size, as the summary shows it.
 */
export async function scanSlice(
  file: VectorSource,
  slice: RowSlice,
  request: Pick<
    ScanRequest,
    'displayPath' | 'expectUnitNorm' | 'normTolerance' | 'collectIds' | 'onRows'
  >,
  bytes: number,
  sampler?: SliceSampler,
): Promise<ScanPartial> {
  const sliced = sliceSource(file, slice, true);
  sampler?.start(file.info);
  // The compatibility sample's candidates are taken from the scan's own pass over the rows.
  const source: VectorSource = sampler
    ? {
        ...sliced,
        async *batches() {
          for await (const batch of sliced.batches()) {
            sampler.add(batch, (local) => sliced.globalRow(local));
            yield batch;
          }
        },
      }
    : sliced;
  try {
    const stats = await scanVectors(source, {
      expectUnitNorm: request.expectUnitNorm,
      normTolerance: request.normTolerance,
      maxExamples: MAX_EXAMPLES,
      keepState: true,
      ...(request.onRows && { onRows: request.onRows }),
    });
    const { info } = file;
    const global = (e: RowRef): RowRef => {
      const row = sliced.globalRow(e.row);
      return { row, id: info.hasIds ? e.id : String(row) };
    };
    const worst = stats.unitNorm?.worst;
    return {
      file: request.displayPath,
      slice,
      format: info.format,
      hasIds: info.hasIds,
      bytes,
      collectIds: request.collectIds,
      rows: stats.rows,
      dims: stats.dims,
      dtype: stats.dtype,
      nonFinite: {
        rows: stats.nonFinite.rows,
        values: stats.nonFinite.values,
        examples: stats.nonFinite.examples.map(global),
      },
      zero: { rows: stats.zero.rows, examples: stats.zero.examples.map(global) },
      ...(stats.norms && { norms: { kind: stats.norms.kind, state: stats.normState! } }),
      ...(stats.unitNorm && {
        unitNorm: {
          tolerance: stats.unitNorm.tolerance,
          rows: stats.unitNorm.rows,
          examples: stats.unitNorm.examples.map(global),
          ...(worst && { worst: { ...worst, ...global(worst) } }),
        },
      }),
      segments: sliced.segments,
      ...(sliced.ids && { ids: sliced.ids }),
    };
  } finally {
    await sliced.close();
  }
}

/** True when the shard's reader failed. */
export function isScanFailure(p: ScanPartial | ScanFailure): p is ScanFailure {
  return 'error' in p;
}

/**
 * Merges every shard's scan of one file (in shard order) into the single scan's outcome.
 * Throws the VectorFileError the first failing shard recorded: every shard reads the file
 * from its start, so the first shard to fail met the error one scan meets first.
 */
export function mergeScanPartials(parts: readonly (ScanPartial | ScanFailure)[]): ScanOutcome {
  const failed = parts.find(isScanFailure);
  if (failed) throw new VectorFileError(failed.error.file, failed.error.detail, failed.error.where);
  const scans = parts as readonly ScanPartial[];
  const first = scans[0]!;
  return summariseScan(mergeScanStats(scans), first, first.bytes, first.file, mergeRemote(scans));
}

/** One remote object as a scan read it. */
export interface RemoteVersion {
  readonly url: string;
  readonly etag?: string;
  readonly versionId?: string;
}

/**
 * The remote objects the shards read, in the order they were first opened. Throws
 * ConfigError (exit 2) when two shards read one object at different versions: it changed
 * while the shards ran, so their rows are not one file's.
 */
function mergeRemote(scans: readonly ScanPartial[]): RemoteVersion[] {
  const seen = new Map<string, { version: RemoteVersion; shard: number }>();
  scans.forEach((scan, shard) => {
    for (const version of scan.remote ?? []) {
      const other = seen.get(version.url);
      if (!other) seen.set(version.url, { version, shard });
      else if (other.version.etag !== version.etag || other.version.versionId !== version.versionId)
        throw new ConfigError(
          `${version.url} changed while the shards ran: shard ${other.shard + 1} read it at ${describeVersion(other.version)}, ` +
            `shard ${shard + 1} at ${describeVersion(version)}; rerun every shard`,
        );
    }
  });
  return [...seen.values()].map((s) => s.version);
}

function describeVersion(v: RemoteVersion): string {
  return (
    [v.etag && `etag ${v.etag}`, v.versionId && `version ${v.versionId}`]
      .filter(Boolean)
      .join(', ') || 'no version'
  );
}

/** The merged statistics; exported for the property tests. */
export function mergeScanStats(scans: readonly ScanPartial[]): ScanStats {
  const first = scans[0]!;
  const firstRows = (pick: (s: ScanPartial) => readonly RowRef[]): RowRef[] =>
    scans
      .flatMap(pick)
      .sort((a, b) => a.row - b.row)
      .slice(0, MAX_EXAMPLES);
  const sum = (pick: (s: ScanPartial) => number) => scans.reduce((t, s) => t + pick(s), 0);

  const withNorms = scans.filter((s) => s.norms);
  let norms: ScanStats['norms'];
  if (withNorms.length > 0) {
    const sketch = new QuantileSketch(withNorms[0]!.norms!.state.sketch.relativeAccuracy);
    const total = new ExactSum();
    for (const s of withNorms) {
      sketch.merge(s.norms!.state.sketch);
      total.merge(ExactSum.of(s.norms!.state.sumTerms));
    }
    const state = sketch.state();
    norms = {
      kind: withNorms[0]!.norms!.kind,
      count: sketch.count,
      min: state.min!,
      mean: total.value() / sketch.count,
      max: state.max!,
      p1: sketch.quantile(0.01),
      p99: sketch.quantile(0.99),
      quantiles: QUANTILE_GRID.map((q) => sketch.quantile(q)),
      relativeAccuracy: sketch.relativeAccuracy,
    };
  }

  let unitNorm: ScanStats['unitNorm'];
  if (first.unitNorm) {
    let worst: NonNullable<ScanPartial['unitNorm']>['worst'];
    for (const s of scans) {
      const w = s.unitNorm?.worst;
      // The single scan keeps the first row of the largest deviation.
      if (
        w &&
        (!worst ||
          w.deviation > worst.deviation ||
          (w.deviation === worst.deviation && w.row < worst.row))
      )
        worst = w;
    }
    unitNorm = {
      tolerance: first.unitNorm.tolerance,
      rows: sum((s) => s.unitNorm?.rows ?? 0),
      examples: firstRows((s) => s.unitNorm?.examples ?? []),
      ...(worst && { worst }),
    };
  }

  return {
    rows: sum((s) => s.rows),
    dims: first.dims,
    dtype: first.dtype,
    nonFinite: {
      rows: sum((s) => s.nonFinite.rows),
      values: sum((s) => s.nonFinite.values),
      examples: firstRows((s) => s.nonFinite.examples),
    },
    zero: { rows: sum((s) => s.zero.rows), examples: firstRows((s) => s.zero.examples) },
    ...(norms && { norms }),
    ...(unitNorm && { unitNorm }),
    ...(first.hasIds && { ids: replayIds(scans, first.collectIds) }),
  };
}

/** Every id in file order through one IdSet, exactly as the single scan's id tracker counts. */
function replayIds(scans: readonly ScanPartial[], collect: boolean): NonNullable<ScanStats['ids']> {
  const runs = scans
    .flatMap((s) => {
      let at = 0;
      return s.segments.map((seg) => {
        const run = { global: seg.global, rows: seg.rows, ids: s.ids ?? [], from: at };
        at += seg.rows;
        return run;
      });
    })
    .sort((a, b) => a.global - b.global);
  const total = runs.reduce((t, r) => t + r.rows, 0);
  const seen = new IdSet(Math.min(total || 1024, 1 << 21));
  const examples: RowRef[] = [];
  const reported = new Set<string>();
  let duplicates = 0;
  for (const run of runs) {
    for (let r = 0; r < run.rows; r++) {
      const id = run.ids[run.from + r]!;
      if (seen.add(id)) continue;
      duplicates++;
      if (examples.length >= MAX_EXAMPLES || reported.has(id)) continue;
      reported.add(id);
      examples.push({ row: run.global + r, id });
    }
  }
  return {
    unique: seen.size,
    duplicates,
    duplicateExamples: examples,
    ...(collect && { set: seen }),
  };
}
