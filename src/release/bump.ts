/**
 * The versioning policy: which semver bump a change between two embedding versions
 * requires, and whether the candidate's version number declares enough of one.
 *
 *   MAJOR  dims, dtype family, metric, normalisation or model name changed, or the spaces
 *          are empirically incompatible (old and new vectors cannot share an index)
 *   MINOR  model revision or checkpoint, generation parameters, inputs or dtype precision
 *          changed, and the spaces are compatible
 *   PATCH  only preprocessing changed, or the vectors changed with nothing declared
 *
 * The declared bump is read the way consumers' ranges read it: a candidate that `~baseline`
 * still accepts is a patch, one that only `^baseline` accepts a minor, anything else a major.
 * So 0.y.z versions follow npm's caret (0.2.3 → 0.3.0 is a major, 0.2.3 → 0.2.4 a patch) and
 * a consumer pinned with `^` never silently receives a version that needs a re-index.
 */
import semver from 'semver';
import type { SourceDocument } from '../config/document.js';
import type { Finding } from '../config/findings.js';
import type { CompatibilityReport, CompatibilityUnmeasured } from './compat.js';
import type { Manifest } from '../config/manifest.js';
import { BUMP_RANK, type BumpLevel, type BumpReason } from './bump-levels.js';
import { encoderChanges } from './encoders.js';
import { score } from '../config/numbers.js';

export { BUMP_RANK, type BumpLevel, type BumpReason } from './bump-levels.js';

/** What the report carries about versioning. */
export interface VersioningSummary {
  readonly from: string;
  readonly to: string;
  /** What the version numbers declare; `not-greater` when the candidate does not exceed the baseline. */
  readonly declared: BumpLevel | 'not-greater';
  readonly required: BumpLevel;
  readonly sufficient: boolean;
  /** Most demanding first. */
  readonly reasons: readonly BumpReason[];
}

/** The element-type families: a change across families changes what the numbers mean. */
export function dtypeFamily(dtype: string): string {
  return dtype.startsWith('float') ? 'float' : dtype;
}

/** Stable JSON of a free map, for comparing `preprocessing` and `parameters`. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Keys whose values differ between two free maps, e.g. `lowercase, strip_html`. */
function changedKeys(
  a: Readonly<Record<string, unknown>> = {},
  b: Readonly<Record<string, unknown>> = {},
): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => canonical(a[k]) !== canonical(b[k]))
    .sort();
}

/**
 * The bump a change requires and every reason, most demanding first. `compat` is the
 * empirical answer when it was measured; without it nothing is assumed about the space.
 */
export function classifyChange(
  baseline: Manifest,
  candidate: Manifest,
  compat?: CompatibilityReport | CompatibilityUnmeasured,
): { required: BumpLevel; reasons: BumpReason[] } {
  const reasons: BumpReason[] = [];
  // A minor change is only minor in a compatible space: say what is known about that.
  const space = !compat
    ? ''
    : 'verdict' in compat
      ? compat.verdict === 'mixable'
        ? ' (space measured compatible)'
        : ''
      : ' (space compatibility not measured)';
  const add = (
    level: BumpReason['level'],
    field: string,
    from: unknown,
    to: unknown,
    why: string,
  ) => reasons.push({ level, field, from: String(from), to: String(to), why });

  if (baseline.dims !== candidate.dims)
    add('major', 'dims', baseline.dims, candidate.dims, 'every consumer must re-index and resize');
  if (dtypeFamily(baseline.dtype) !== dtypeFamily(candidate.dtype)) {
    add(
      'major',
      'dtype',
      baseline.dtype,
      candidate.dtype,
      'the dtype family changed, so the numbers mean something else',
    );
  } else if (baseline.dtype !== candidate.dtype) {
    add('minor', 'dtype', baseline.dtype, candidate.dtype, 'same family, different precision');
  }
  if (baseline.metric !== candidate.metric)
    add('major', 'metric', baseline.metric, candidate.metric, 'consumers rank differently');
  if (baseline.normalization !== candidate.normalization) {
    add(
      'major',
      'normalization',
      baseline.normalization,
      candidate.normalization,
      'scores and norms change meaning',
    );
  }
  if (baseline.model.name !== candidate.model.name)
    add(
      'major',
      'model',
      baseline.model.name,
      candidate.model.name,
      'another model is another space',
    );
  if (baseline.model.revision !== candidate.model.revision) {
    add(
      'minor',
      'model.revision',
      baseline.model.revision,
      candidate.model.revision,
      `a retrained checkpoint${space}`,
    );
  } else if (
    baseline.model.sha256 &&
    candidate.model.sha256 &&
    baseline.model.sha256 !== candidate.model.sha256
  ) {
    add(
      'minor',
      'model.sha256',
      short(baseline.model.sha256),
      short(candidate.model.sha256),
      `another checkpoint under the same revision${space}`,
    );
  }
  const params = changedKeys(baseline.parameters, candidate.parameters);
  if (params.length)
    add(
      'minor',
      'parameters',
      params.join(', '),
      'changed',
      `generation parameters changed${space}`,
    );
  if (baseline.inputs.dataset !== candidate.inputs.dataset) {
    add(
      'minor',
      'inputs',
      baseline.inputs.dataset,
      candidate.inputs.dataset,
      `the embedded data changed${space}`,
    );
  } else if (baseline.inputs.sha256 !== candidate.inputs.sha256) {
    add(
      'minor',
      'inputs.sha256',
      short(baseline.inputs.sha256),
      short(candidate.inputs.sha256),
      `the data changed under the same dataset name${space}`,
    );
  }
  // Every encoder of a multimodal space writes into it: a change to any is a change to the space.
  reasons.push(...encoderChanges(baseline, candidate, space));
  const prep = changedKeys(baseline.preprocessing, candidate.preprocessing);
  if (prep.length)
    add('patch', 'preprocessing', prep.join(', '), 'changed', 'preprocessing changed');

  if (compat && 'verdict' in compat) {
    if (compat.verdict === 'reindex') {
      reasons.push({
        level: 'major',
        field: 'space',
        from: baseline.version,
        to: candidate.version,
        why: compat.summary,
      });
    } else if (reasons.length === 0 && compat.sameIdCosine && compat.sameIdCosine.min < 1 - 1e-6) {
      add(
        'patch',
        'vectors',
        'same-id cosine min',
        score(compat.sameIdCosine.min),
        'the vectors changed though no declared property did',
      );
    }
  }
  if (
    reasons.length === 0 &&
    baseline.vectors.sha256 &&
    candidate.vectors.sha256 &&
    baseline.vectors.sha256 !== candidate.vectors.sha256
  ) {
    add(
      'patch',
      'vectors',
      short(baseline.vectors.sha256),
      short(candidate.vectors.sha256),
      'the vectors file changed though no declared property did',
    );
  }
  reasons.sort((a, b) => BUMP_RANK[b.level] - BUMP_RANK[a.level]);
  return { required: reasons[0]?.level ?? 'none', reasons };
}

/**
 * The bump the version numbers declare, read as consumers' ranges read it (see the module
 * comment). Prereleases count: 2.0.0-rc.1 after 1.4.0 declares a major.
 */
export function declaredBump(from: string, to: string): BumpLevel | 'not-greater' {
  if (!semver.gt(to, from)) return 'not-greater';
  const options = { includePrerelease: true };
  if (semver.satisfies(to, `~${from}`, options)) return 'patch';
  if (semver.satisfies(to, `^${from}`, options)) return 'minor';
  return 'major';
}

function short(hash: string): string {
  return hash.length > 12 ? hash.slice(0, 12) : hash;
}

/** The smallest version after `from` that declares `level` (the suggestion in messages). */
export function suggestVersion(from: string, level: BumpLevel): string {
  if (level === 'none' || level === 'patch') return semver.inc(from, 'patch')!;
  // Below 1.0.0 the caret equals the tilde, so only a minor-digit bump leaves both ranges.
  if (semver.major(from) === 0) return semver.inc(from, 'minor')!;
  return semver.inc(from, level)!;
}

/**
 * Compares the declared bump with the required one. Returns the summary for the report
 * and, when the declared bump falls short, one `version.bump` error at the candidate's
 * `version` field naming every difference and the bump it requires.
 */
export function checkBump(
  baseline: Manifest,
  candidate: Manifest,
  candidateDoc: SourceDocument,
  classified: { required: BumpLevel; reasons: readonly BumpReason[] },
): { summary: VersioningSummary; findings: Finding[] } {
  const declared = declaredBump(baseline.version, candidate.version);
  const { required, reasons } = classified;
  const sufficient = declared !== 'not-greater' && BUMP_RANK[declared] >= BUMP_RANK[required];
  const summary: VersioningSummary = {
    from: baseline.version,
    to: candidate.version,
    declared,
    required,
    sufficient,
    reasons,
  };
  const findings: Finding[] = [];
  if (!sufficient) {
    const listed = reasons
      .map((r) => `${r.field} ${r.from} → ${r.to} (${r.level}: ${r.why})`)
      .join('; ');
    const need = required === 'none' ? 'patch' : required;
    const message =
      declared === 'not-greater'
        ? `version ${candidate.version} is not greater than the baseline's ${baseline.version}; a new version needs a higher number` +
          (reasons.length
            ? ` — at least a ${need} bump (e.g. ${suggestVersion(baseline.version, need)}): ${listed}`
            : '')
        : `version not bumped enough: ${baseline.version} → ${candidate.version} is a ${declared} bump, but the changes require a ${required} bump ` +
          `(e.g. ${suggestVersion(baseline.version, required)}): ${listed}`;
    findings.push({
      id: 'version.bump',
      severity: 'error',
      message,
      location: candidateDoc.locate(['version']),
      expected: need,
      found: declared,
    });
  }
  return { summary, findings };
}

/** The semver bump the candidate's changes require, and why. */
export interface RequiredBump {
  readonly level: 'major' | 'minor' | 'patch' | 'none';
  /**
   * The bump the candidate declares (from its parent version), when known; `not-greater`
   * when its version does not exceed the baseline's.
   */
  readonly declared?: 'major' | 'minor' | 'patch' | 'none' | 'not-greater';
  readonly reasons: readonly string[];
  /** The baseline and candidate versions compared (versioning policy, src/release/bump.ts). */
  readonly from?: string;
  readonly to?: string;
  /** Whether the declared bump covers the required one (`version.bump` blocks when not). */
  readonly sufficient?: boolean;
  /** The reasons, structured: each difference and the bump it requires, most demanding first. */
  readonly details?: readonly BumpReason[];
}
