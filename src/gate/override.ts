/**
 * The override label: a pull request labelled so declares a breaking change on purpose
 * (a new major version consumers must migrate to). It lifts the findings that say "this
 * breaks a consumer or the version policy" and records who accepted it and why. It never
 * lifts findings that say the vectors or the files themselves are broken: no label makes
 * NaN vectors or an unreadable manifest promotable.
 */
import { isBlocking, type FailOn, type OverrideRecord } from './report-model.js';
import type { Finding } from '../config/findings.js';

/** What the edge knows about an override label present on the pull request. */
export interface OverrideDeclaration {
  readonly label: string;
  readonly by: string;
  readonly byRole: OverrideRecord['byRole'];
  readonly reason: string;
  readonly pullRequest?: OverrideRecord['pullRequest'];
}

/** Check-id families an override can lift (the `*.schema` ids of each excepted). */
export const OVERRIDABLE_PREFIXES: readonly string[] = ['contract.', 'baseline.'];

/**
 * Can an override lift this check? Consumer-contract findings (`contract.*`: version range,
 * dims, dtype, normalization, metric, none-active) and baseline comparisons (`baseline.*`)
 * can. The version policy (`version.bump`) cannot: a declared breaking change is a MAJOR
 * version, and a bump too small is fixed by renumbering, not by a label. Schema errors (`*.schema`), vector findings
 * (`vectors.*`), release integrity (`version.immutable`, `registry.*`, `lineage.*`),
 * benchmark regressions (`bench.*`) and waiver findings (`waiver.*`) cannot: they say the
 * files or the vectors are wrong, which no declaration makes right.
 */
export function isOverridable(id: string): boolean {
  return OVERRIDABLE_PREFIXES.some((p) => id.startsWith(p)) && !id.endsWith('.schema');
}

/**
 * Marks every overridable finding that would block at `failOn` as suppressed by the
 * override, and returns the record the report keeps (also when it lifted nothing, so the
 * report still shows that a label was present).
 */
export function applyOverride(
  findings: readonly Finding[],
  declaration: OverrideDeclaration,
  failOn: FailOn,
): { findings: Finding[]; record: OverrideRecord } {
  let lifted = 0;
  const out = findings.map((f): Finding => {
    if (!isBlocking(f, failOn) || !isOverridable(f.id)) return f;
    lifted++;
    return {
      ...f,
      suppressed: {
        kind: 'override',
        label: declaration.label,
        by: declaration.by,
        reason: declaration.reason,
      },
    };
  });
  return { findings: out, record: { ...declaration, lifted } };
}
