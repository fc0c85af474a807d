/**
 * Structural checks of one vectors file against its manifest: the file holds rows, of the
 * declared shape and type, finite, non-zero, normalised as declared, with unique ids.
 */
import { redactUrl } from '../../config/paths.js';
import type { Normalization } from '../../config/manifest.js';
import type { VectorSummary } from '../report-model.js';
import type { VectorDType, VectorFileError } from '../../vectors/types.js';
import type { Finding, Location } from '../../config/findings.js';
import { count, statistic } from '../../config/numbers.js';

/** What the vectors are declared to be: by a manifest, or by `validate`'s options. */
export interface VectorExpectations {
  readonly dims?: number;
  readonly dtype?: VectorDType;
  readonly normalization?: Normalization;
  /** Where each declaration was written (a manifest field), for locating findings. */
  readonly locate?: (field: readonly string[]) => Location;
}

/** Tolerance on |‖v‖ − 1| for a manifest that declares `normalization: l2`. */
export const MANIFEST_NORM_TOLERANCE = 1e-3;

/** The measured norm extremes' worst distance from 1. */
export function maxNormDeviation(summary: VectorSummary): number {
  if (!summary.norms) return 0;
  return Math.max(Math.abs(summary.norms.min - 1), Math.abs(summary.norms.max - 1));
}

function quoteIds(ids: readonly string[], total: number): string {
  const shown = ids.map((id) => JSON.stringify(id)).join(', ');
  return total > ids.length ? `${shown}, …` : shown;
}

/** Compares a scanned vectors file with what was declared about it. */
export function checkVectors(
  expect: VectorExpectations,
  summary: VectorSummary,
  outOfTolerance: { readonly rows: number; readonly firstIds: readonly string[] } | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const file = summary.file;
  const at = (...field: string[]): Location => expect.locate?.(field) ?? { file };

  if (summary.rows === 0) {
    findings.push({
      id: 'vectors.empty',
      severity: 'error',
      message: `expected at least one vector, found 0 rows in ${file}`,
      location: at('vectors', 'path'),
    });
  }
  if (expect.dims !== undefined && summary.dims !== expect.dims) {
    findings.push({
      id: 'vectors.dims',
      severity: 'error',
      message: `expected dims ${expect.dims}, ${file} holds ${summary.dims}-dimensional vectors`,
      location: at('dims'),
      expected: expect.dims,
      found: summary.dims,
    });
  }
  if (expect.dtype !== undefined && summary.dtype !== expect.dtype) {
    findings.push({
      id: 'vectors.dtype',
      severity: 'error',
      message: `expected dtype ${expect.dtype}, ${file} holds ${summary.dtype}`,
      location: at('dtype'),
      expected: expect.dtype,
      found: summary.dtype,
    });
  }
  if (summary.nonFinite.rows > 0) {
    findings.push({
      id: 'vectors.non-finite',
      severity: 'error',
      message:
        `expected finite values, found ${count(summary.nonFinite.values)} NaN/Inf value(s) in ` +
        `${count(summary.nonFinite.rows)} of ${count(summary.rows)} rows (ids ${quoteIds(summary.nonFinite.firstIds, summary.nonFinite.rows)})`,
      location: { file, id: summary.nonFinite.firstIds[0] },
      found: summary.nonFinite.rows,
    });
  }
  if (summary.zero.rows > 0) {
    findings.push({
      id: 'vectors.zero',
      severity: 'warning',
      message:
        `${count(summary.zero.rows)} of ${count(summary.rows)} vectors are all zeros (ids ${quoteIds(summary.zero.firstIds, summary.zero.rows)}); ` +
        `they have no direction, so cosine similarity is undefined for them`,
      location: { file, id: summary.zero.firstIds[0] },
      found: summary.zero.rows,
    });
  }
  if (
    expect.normalization === 'l2' &&
    summary.dtype !== 'binary' &&
    outOfTolerance &&
    outOfTolerance.rows > 0
  ) {
    const n = summary.norms;
    findings.push({
      id: 'vectors.normalization',
      severity: 'error',
      message:
        `expected l2-normalised vectors (‖v‖ = 1 ± ${MANIFEST_NORM_TOLERANCE}), found ` +
        `${count(outOfTolerance.rows)} of ${count(summary.rows)} outside` +
        (n ? ` (norms from ${statistic(n.min)} to ${statistic(n.max)})` : '') +
        `; ids ${quoteIds(outOfTolerance.firstIds, outOfTolerance.rows)}`,
      location: at('normalization'),
      expected: 1,
      found: n ? [n.min, n.max] : undefined,
    });
  }
  if (
    expect.normalization === 'none' &&
    summary.dtype !== 'binary' &&
    summary.rows > 0 &&
    summary.norms &&
    maxNormDeviation(summary) <= MANIFEST_NORM_TOLERANCE
  ) {
    findings.push({
      id: 'vectors.normalization',
      severity: 'info',
      message: `normalization is declared none, but every vector has unit L2 norm; declaring l2 would let consumers rely on it`,
      location: at('normalization'),
    });
  }
  if (!summary.hasIds && summary.rows > 0) {
    findings.push({
      id: 'vectors.ids-absent',
      severity: 'warning',
      message: `${file} carries no ids; 0-based row numbers stand in, so rows cannot be matched across versions if the order changes`,
      location: at('vectors'),
    });
  }
  if (summary.duplicateIds && summary.duplicateIds.count > 0) {
    findings.push({
      id: 'vectors.ids-duplicate',
      severity: 'error',
      message: `expected unique ids, found ${count(summary.duplicateIds.count)} duplicate(s) (${quoteIds(summary.duplicateIds.firstIds, summary.duplicateIds.count)})`,
      location: { file, id: summary.duplicateIds.firstIds[0] },
      found: summary.duplicateIds.count,
    });
  }
  return findings;
}

/**
 * The `vectors.readable` finding for a file a reader could not read. The message shows the
 * file as `displayPath`; when the reader named a part of the dataset at `path` (`<path> part
 * <name>`, a URL shown redacted), the part's name is kept, so the finding says which part.
 */
export function unreadableFinding(
  err: VectorFileError,
  displayPath: string,
  context?: string,
  path?: string,
): Finding {
  const shown = [path, path && redactUrl(path)].find((p) => p && err.file.startsWith(`${p} part `));
  const file = shown ? `${displayPath}${err.file.slice(shown.length)}` : displayPath;
  const detail = err.message.replace(err.file, file);
  return {
    id: 'vectors.readable',
    severity: 'error',
    message: context ? `cannot read the vectors of ${context}: ${detail}` : detail,
    location: { file: displayPath, ...(err.where ?? {}) },
  };
}
