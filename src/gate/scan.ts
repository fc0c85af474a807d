/**
 * The real Scanner: open a vectors file with the readers, run the streaming scan, and
 * summarise what the report needs.
 */
import { openLocalSource } from '../sources/local.js';
import { remoteInfoOf, type RemoteObjectInfo } from '../sources/http.js';
import { sharesLister } from '../sources/router.js';
import { listedParts } from '../sources/dataset.js';
import { sha256Vectors, type FileHasher, type VectorsDigest } from '../sources/hash.js';
import { hashingOpener } from '../sources/hashing.js';
import { SourceError, type SourceOpener } from '../sources/types.js';
import { formatFor, openVectors } from '../vectors/open.js';
import { scanVectors, type ScanStats } from '../vectors/scan.js';
import type { OpenOptions, VectorFileInfo, VectorSource } from '../vectors/types.js';
import type { ScanOutcome, ScanRequest } from './plan.js';
import { SliceSampler } from './shard-sample.js';

/** Opens, scans and closes one vectors file. Throws VectorFileError when it is broken. */
export async function scanFile(
  request: ScanRequest,
  openSource: SourceOpener = openLocalSource,
): Promise<ScanOutcome> {
  // The file's size, as the source that was actually opened reports it (no separate stat).
  let bytes = 0;
  // A dataset's parts are opened twice (headers first, then batches): count each once.
  const parts = new Map<string, number>();
  const remote = new Map<string, RemoteObjectInfo>();
  // Hashing wraps the opener below the sizing one: the sha256 comes from the bytes the scan
  // reads (sources/hashing.ts), and a sidecar ids file is not part of what is hashed.
  const hasher = request.hash
    ? hashingOpener(openSource, (path) => path !== request.open.idsPath)
    : undefined;
  const inner = hasher ? sharesLister(hasher.open, openSource) : openSource;
  const sizing: SourceOpener = async (req) => {
    const opened = await inner(req);
    if (req.path === request.path) bytes = opened.size;
    else parts.set(req.path, opened.size);
    const version = remoteInfoOf(opened);
    if (version) remote.set(version.url, version);
    return opened;
  };
  sharesLister(sizing, openSource);
  const opened = await openVectors(request.path, request.open, sizing);
  // The compatibility sample's candidates come from this pass, as a shard keeps them: no
  // second read of either version for the sample (a batch's rowOffset is the file's row).
  const sampler =
    request.sample &&
    new SliceSampler(request.sample.seed, request.sample.keep, request.collectIds);
  sampler?.start(opened.info);
  const source: VectorSource = sampler
    ? {
        info: opened.info,
        async *batches() {
          for await (const batch of opened.batches()) {
            sampler.add(batch, (row) => row);
            yield batch;
          }
        },
        close: () => opened.close(),
      }
    : opened;
  let outcome: ScanOutcome;
  try {
    const stats = await scanVectors(source, {
      expectUnitNorm: request.expectUnitNorm,
      normTolerance: request.normTolerance,
      collectIds: request.collectIds,
      ...(request.onRows && { onRows: request.onRows }),
    });
    const total = bytes || [...parts.values()].reduce((a, b) => a + b, 0);
    outcome = summariseScan(stats, source.info, total, request.displayPath, [...remote.values()]);
    if (sampler) outcome = { ...outcome, sample: sampler.result() };
  } finally {
    await source.close();
  }
  if (!hasher) return outcome;
  try {
    const digest = await digestOfVectors(request.path, request.open, openSource, hasher.digest);
    return { ...outcome, digest };
  } catch (e) {
    // A local file that cannot be read again (removed, changed, an I/O error) is a finding
    // about the vectors; a remote failure (a ConfigError) stops the gate.
    if (e instanceof SourceError) return { ...outcome, digestError: e };
    throw e;
  }
}

/**
 * The sha256 (or dataset digest) of a vectors reference as the gate reads it: its parts are
 * the files with a vectors format's extension, or its list of parts in the order written.
 * `hashFile` absent: every file is read whole for it (a pass of its own).
 */
export function digestOfVectors(
  path: string,
  open: OpenOptions,
  openSource: SourceOpener = openLocalSource,
  hashFile?: FileHasher,
): Promise<VectorsDigest> {
  return sha256Vectors(
    path,
    openSource,
    (name) => formatFor(name, open) !== undefined,
    hashFile,
    open.parts && listedParts(open.parts, open.partNames),
  );
}

/**
 * What the report needs from a scan's statistics. One function for the single run and the
 * merge of shards (merge.ts), so the two cannot summarise differently.
 */
export function summariseScan(
  stats: ScanStats,
  info: Pick<VectorFileInfo, 'format' | 'hasIds'>,
  bytes: number,
  displayPath: string,
  remote: readonly RemoteObjectInfo[] = [],
): ScanOutcome {
  return {
    summary: {
      file: displayPath,
      format: info.format,
      dtype: stats.dtype,
      dims: stats.dims,
      rows: stats.rows,
      bytes,
      hasIds: info.hasIds,
      ...(remote.length > 0 && {
        remote: remote.map(({ url, etag, versionId }) => ({
          url,
          ...(etag && { etag }),
          ...(versionId && { versionId }),
        })),
      }),
      nonFinite: {
        rows: stats.nonFinite.rows,
        values: stats.nonFinite.values,
        firstIds: stats.nonFinite.examples.map((e) => e.id),
      },
      zero: { rows: stats.zero.rows, firstIds: stats.zero.examples.map((e) => e.id) },
      ...(stats.norms && {
        norms: {
          min: stats.norms.min,
          mean: stats.norms.mean,
          max: stats.norms.max,
          p1: stats.norms.p1,
          p99: stats.norms.p99,
          quantiles: stats.norms.quantiles,
        },
      }),
      ...(stats.ids && {
        duplicateIds: {
          count: stats.ids.duplicates,
          firstIds: stats.ids.duplicateExamples.map((e) => e.id),
        },
      }),
    },
    ...(stats.unitNorm && {
      outOfTolerance: {
        rows: stats.unitNorm.rows,
        firstIds: stats.unitNorm.examples.map((e) => e.id),
      },
    }),
    ...(stats.ids?.set && { ids: stats.ids.set }),
  };
}
