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

/** Id coverage: ids of the baseline missing from the candidate, and new ids. */
export function compareIds(
  baselineIds: ReadonlySet<string>,
  candidateIds: ReadonlySet<string>,
  candidateFile: string,
): { coverage: CoverageSummary; findings: Finding[] } {
  let missing = 0;
  const firstMissing: string[] = [];
  for (const id of baselineIds) {
    if (candidateIds.has(id)) continue;
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
  const coverage: CoverageSummary = {
    baselineIds: baselineIds.size,
    candidateIds: candidateIds.size,
    missing,
    added,
    firstMissing,
    firstAdded,
  };
  const findings: Finding[] = [];
  const list = (ids: string[], n: number) =>
    ids.map((i) => JSON.stringify(i)).join(', ') + (n > ids.length ? ', …' : '');
  if (missing > 0) {
    findings.push({
      id: 'baseline.ids-missing',
      severity: 'warning',
      message: `${count(missing)} of ${count(baselineIds.size)} baseline ids are missing from the candidate (${list(firstMissing, missing)}); consumers looking them up will miss`,
      location: { file: candidateFile },
      found: missing,
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
