/**
 * The judge step of a reproducibility probe (src/staging/probe.ts): from each compared
 * id's deviation, the probe's outcome, its summary for the report, and its findings. A pure
 * function of what the run step measured, so it is tested without a model.
 */
import { sci } from '../config/numbers.js';
import type { Finding, Location } from '../config/findings.js';
import type { ProbeDeviation, ProbeResult } from './types.js';

/** Worst ids kept in the report. */
const WORST = 10;
/** Ids a finding's message names. */
const NAMED = 5;

/** The run step's result: what was compared, and where each compared id is stored. */
export interface Compared {
  /** One per probe row re-embedded with finite outputs, in the order they were run. */
  readonly deviations: readonly ProbeDeviation[];
  /** Per probe row, 1 when its id is in the stored vectors. */
  readonly found: Uint8Array;
  /** Each found id's 0-based row in the stored vectors. */
  readonly rowOf: ReadonlyMap<string, number>;
}

/** Everything the judge reads. */
export interface JudgeInput extends Compared {
  /** The probe set's ids, in its order. */
  readonly ids: readonly string[];
  /** Largest allowed 1 − cos. */
  readonly tolerance: number;
  /** The stored vectors' dtype, which the tolerance was chosen for. */
  readonly dtype: string;
  /** The model and the stored vectors as the report shows them. */
  readonly modelFile: string;
  readonly storedFile: string;
  /** The declaration's `set` field, where a coverage finding points. */
  readonly setLocation: Location;
}

/** The judge step's contribution to the probe's result. */
export type Judged = Required<
  Pick<
    ProbeResult,
    | 'outcome'
    | 'rows'
    | 'compared'
    | 'missing'
    | 'exceeding'
    | 'maxDeviation'
    | 'meanDeviation'
    | 'worst'
  >
>;

/**
 * Judges a probe: it fails when any compared id deviates by more than the tolerance, or
 * when nothing could be compared. Findings: `probe.coverage` for probe ids absent from the
 * stored vectors (an error when none is present), `probe.deviation` naming the worst ids.
 * Messages carry no encoder prefix; the caller's job adds it.
 */
export function judgeProbe(input: JudgeInput): { judged: Judged; findings: Finding[] } {
  const { ids, tolerance } = input;
  const compared = input.deviations.filter((d) => !Number.isNaN(d.deviation));
  const missing = ids.filter((_, r) => !input.found[r]);
  const exceeding = compared.filter((d) => d.deviation > tolerance);
  const worst = [...compared]
    .sort((a, b) => b.deviation - a.deviation || (a.id < b.id ? -1 : 1))
    .slice(0, WORST);
  const maxDeviation = worst[0]?.deviation ?? 0;
  const judged: Judged = {
    outcome: exceeding.length || compared.length === 0 ? 'fail' : 'pass',
    rows: ids.length,
    compared: compared.length,
    missing: missing.length,
    exceeding: exceeding.length,
    maxDeviation,
    meanDeviation: compared.reduce((s, d) => s + d.deviation, 0) / Math.max(1, compared.length),
    worst,
  };
  const findings: Finding[] = [];
  if (missing.length) {
    findings.push({
      id: 'probe.coverage',
      severity: compared.length ? 'warning' : 'error',
      message:
        `${missing.length} of ${ids.length} probe ids are not in the stored vectors ${input.storedFile} ` +
        `(first: ${missing
          .slice(0, NAMED)
          .map((m) => JSON.stringify(m))
          .join(', ')})${compared.length ? '' : '; nothing was compared'}`,
      location: input.setLocation,
      expected: ids.length,
      found: compared.length,
    });
  }
  if (exceeding.length) {
    // Unlike `worst`, ties keep the order the rows were run in.
    const top = exceeding.sort((a, b) => b.deviation - a.deviation).slice(0, NAMED);
    const row = input.rowOf.get(top[0]!.id);
    findings.push({
      id: 'probe.deviation',
      severity: 'error',
      message:
        `${exceeding.length} of ${compared.length} stored vectors differ from what ${input.modelFile} produces for the probe inputs ` +
        `by more than ${tolerance} (1 − cos, ${input.dtype}); worst: ${top.map((d) => `${JSON.stringify(d.id)} ${sci(d.deviation)}`).join(', ')}. ` +
        `The stored vectors were not produced by this model with this preprocessing`,
      location: { file: input.storedFile, id: top[0]!.id, ...(row !== undefined && { row }) },
      expected: { tolerance },
      found: { exceeding: exceeding.length, maxDeviation, worst: top },
    });
  }
  return { judged, findings };
}
