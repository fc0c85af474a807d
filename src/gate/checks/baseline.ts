/**
 * Comparison of the candidate with the baseline (the version in production): which
 * properties of the space changed, and which ids appeared or disappeared.
 */
import type { Manifest } from '../../config/manifest.js';
import type { ChangeSummary, CoverageSummary } from '../report-model.js';
import type { SourceDocument } from '../../config/document.js';
import type { Finding } from '../../config/findings.js';
import { count } from '../../config/numbers.js';

const SAMPLE = 5;

/** Lists what changed between two valid manifests, each change as an info finding. */
export function compareManifests(
  baseline: Manifest,
  candidate: Manifest,
  candidateDoc: SourceDocument,
): { changes: ChangeSummary[]; findings: Finding[] } {
  const changes: ChangeSummary[] = [];
  const fields: [ChangeSummary['field'], string, string, readonly string[]][] = [
    ['dims', String(baseline.dims), String(candidate.dims), ['dims']],
    ['dtype', baseline.dtype, candidate.dtype, ['dtype']],
    ['metric', baseline.metric, candidate.metric, ['metric']],
    ['normalization', baseline.normalization, candidate.normalization, ['normalization']],
    ['model', baseline.model.name, candidate.model.name, ['model', 'name']],
    ['model.revision', baseline.model.revision, candidate.model.revision, ['model', 'revision']],
    ['inputs', baseline.inputs.dataset, candidate.inputs.dataset, ['inputs', 'dataset']],
  ];
  const findings: Finding[] = [];
  for (const [field, from, to, path] of fields) {
    if (from === to) continue;
    changes.push({ field, from, to });
    findings.push({
      id: 'baseline.changed',
      severity: 'info',
      message: `${field} changed from ${from} (${baseline.version}) to ${to} (${candidate.version})`,
      location: candidateDoc.locate(path),
      expected: from,
      found: to,
    });
  }
  return { changes, findings };
}

/**
 * How many baseline ids a candidate may lose without declaring them before the loss is an
 * error: one id, or 0.1% of the baseline's ids when that is more. Within it the loss is a
 * warning — ordinary catalogue churn (an item delisted between two exports) — while a
 * partial write (a crashed shard, a truncated export) loses far more than a thousandth.
 */
export function missingTolerance(baselineIds: number): number {
  return Math.max(1, Math.floor(baselineIds * 0.001));
}

/** Ids the candidate's manifest declares removed on purpose (`removals.ids`), as the plan read them. */
export interface DeclaredRemovals {
  readonly ids: ReadonlySet<string>;
  /** The removals file as messages show it. */
  readonly file: string;
}

/**
 * Id coverage: ids of the baseline missing from the candidate, and new ids. A loss not
 * declared in `removals` is `baseline.ids-missing`: an error beyond {@link missingTolerance},
 * else a warning. A declared removal still in the candidate is `baseline.removal-present`.
 */
export function compareIds(
  baselineIds: ReadonlySet<string>,
  candidateIds: ReadonlySet<string>,
  candidateFile: string,
  removals?: DeclaredRemovals,
): { coverage: CoverageSummary; findings: Finding[] } {
  let missing = 0;
  let removed = 0;
  const firstMissing: string[] = [];
  for (const id of baselineIds) {
    if (candidateIds.has(id)) continue;
    if (removals?.ids.has(id)) {
      removed++;
      continue;
    }
    missing++;
    if (firstMissing.length < SAMPLE) firstMissing.push(id);
  }
  let added = 0;
  const firstAdded: string[] = [];
  for (const id of candidateIds) {
    if (baselineIds.has(id)) continue;
    added++;
    if (firstAdded.length < SAMPLE) firstAdded.push(id);
  }
  let present = 0;
  const firstPresent: string[] = [];
  for (const id of removals?.ids ?? []) {
    if (!candidateIds.has(id)) continue;
    present++;
    if (firstPresent.length < SAMPLE) firstPresent.push(id);
  }
  const tolerance = missingTolerance(baselineIds.size);
  const coverage: CoverageSummary = {
    baselineIds: baselineIds.size,
    candidateIds: candidateIds.size,
    missing,
    added,
    firstMissing,
    firstAdded,
    tolerance,
    ...(removals ? { removed, removalsPresent: present } : {}),
  };
  const findings: Finding[] = [];
  const list = (ids: string[], n: number) =>
    ids.map((i) => JSON.stringify(i)).join(', ') + (n > ids.length ? ', …' : '');
  if (missing > 0) {
    const blocking = missing > tolerance;
    const declared = removals ? ` (besides ${count(removed)} declared in ${removals.file})` : '';
    findings.push({
      id: 'baseline.ids-missing',
      severity: blocking ? 'error' : 'warning',
      message:
        `${count(missing)} of ${count(baselineIds.size)} baseline ids are missing from the candidate${declared} (${list(firstMissing, missing)}); consumers looking them up will miss. ` +
        (blocking
          ? `More than the ${count(tolerance)} tolerated: a partial dataset? Declare intended removals in the manifest's removals.ids`
          : `Within the ${count(tolerance)} tolerated`),
      location: { file: candidateFile },
      expected: `at most ${tolerance} undeclared`,
      found: missing,
    });
  }
  if (removals && present > 0) {
    findings.push({
      id: 'baseline.removal-present',
      severity: 'warning',
      message: `${count(present)} ids ${removals.file} declares removed are still in the candidate (${list(firstPresent, present)}): the removal did not happen, or the list is wrong`,
      location: { file: removals.file },
      found: present,
    });
  }
  if (added > 0) {
    findings.push({
      id: 'baseline.ids-added',
      severity: 'info',
      message: `${count(added)} ids are new in the candidate (${list(firstAdded, added)})`,
      location: { file: candidateFile },
      found: added,
    });
  }
  return { coverage, findings };
}

/**
 * `vectors.rows` when the manifest's `expected_rows` differs from the measured row count:
 * a partial (or doubled) write, caught even without a baseline.
 */
export function checkExpectedRows(
  manifest: Manifest,
  rows: number,
  candidateDoc: SourceDocument,
): Finding[] {
  const expected = manifest.expected_rows;
  if (expected === undefined || expected === rows) return [];
  return [
    {
      id: 'vectors.rows',
      severity: 'error',
      message: `manifest expects ${count(expected)} rows (expected_rows), the vectors file holds ${count(rows)}${rows < expected ? ': a partial dataset?' : ''}`,
      location: candidateDoc.locate(['expected_rows']),
      expected,
      found: rows,
    },
  ];
}
