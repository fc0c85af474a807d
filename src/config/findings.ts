/**
 * The result of every check: a finding with a stable id, a severity, a message that
 * says what was expected and what was found, and where.
 */

export type Severity = 'error' | 'warning' | 'info';

/** The ladder, most severe first. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** Where a finding points: a line in a manifest or contract, or a row of a vectors file. */
export interface Location {
  /** Path as the user gave it (relative to the working directory when possible), for display. */
  readonly file: string;
  /**
   * The same file relative to the workspace root, with `/` (`../` when outside it): the
   * finding's identity (fingerprint, SARIF URI, annotation path), the same from any working
   * directory. Set by the judge on every finding it reports.
   */
  readonly workspaceFile?: string;
  /** 1-based line and column of the field, when the finding concerns a YAML/JSON file. */
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** JSON pointer-like path of the field (`/requires/dims`). */
  readonly path?: string;
  /** Byte offset within a binary file. */
  readonly byte?: number;
  /** 0-based row within a vectors file, and that row's id. */
  readonly row?: number;
  readonly id?: string;
}

export interface Finding {
  /** Stable, dotted identifier: `vectors.non-finite`, `contract.dims`, `bench.regression`. */
  readonly id: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location?: Location;
  /** The consumer a contract finding concerns. */
  readonly consumer?: string;
  readonly expected?: unknown;
  readonly found?: unknown;
  /**
   * A stable identity of the finding across runs (see `fingerprintFinding` in waivers.ts):
   * what a waiver names. Set by the engine on every finding it reports.
   */
  readonly fingerprint?: string;
  /** Present when a waiver or an override keeps this finding from blocking. */
  readonly suppressed?: Suppression;
  /**
   * Set by the judge on every finding of a pending consumer (`status: pending`): reported,
   * errors shown as warnings, and never blocking at any `fail-on` (Pact's pending pacts).
   */
  readonly pending?: true;
}

/**
 * Why a finding does not block although its severity would: a waiver from the waivers file,
 * or a pull request's override label accepting a declared breaking change.
 */
export type Suppression =
  | {
      readonly kind: 'waiver';
      readonly reason: string;
      readonly owner: string;
      /** The waiver's `expires` as written (a date or date-time). */
      readonly expires: string;
      /** Where the waiver entry is. */
      readonly location?: Location;
    }
  | {
      readonly kind: 'override';
      readonly label: string;
      /** Login of who applied the override (see the report's `override`). */
      readonly by: string;
      readonly reason: string;
    };

/** Formats a location as `file:line:column`, `file (row 3, id "a")` or `file (byte 10)`. */
export function formatLocation(loc: Location | undefined): string {
  if (!loc) return '';
  let s = loc.file;
  if (loc.line !== undefined) {
    s += `:${loc.line}`;
    if (loc.column !== undefined) s += `:${loc.column}`;
  } else if (loc.byte !== undefined) {
    s += ` (byte ${loc.byte})`;
  } else if (loc.row !== undefined) {
    s +=
      loc.id !== undefined
        ? ` (row ${loc.row}, id ${JSON.stringify(loc.id)})`
        : ` (row ${loc.row})`;
  } else if (loc.id !== undefined) {
    s += ` (id ${JSON.stringify(loc.id)})`;
  }
  return s;
}

/** Sorts findings by severity (most severe first), then file, line, id — a stable report order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      a.id.localeCompare(b.id),
  );
}
