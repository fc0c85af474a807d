/**
 * Check annotations for the findings that fail: errors and warnings that are not waived or
 * overridden, at the file and line of the manifest or contract field. GitHub shows at most
 * 10 annotations per level per step and silently drops the rest, so we stop at the cap and
 * say in one notice how many were left out. Pure: the Action hands these to @actions/core.
 */
import { isAbsolute } from 'node:path';
import type { Finding, Location } from '../config/findings.js';
import type { Report } from '../gate/report-model.js';
import { plural } from './format.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** The properties @actions/core accepts (1-based lines and columns). */
export interface AnnotationProperties {
  readonly title?: string;
  readonly file?: string;
  readonly startLine?: number;
  readonly endLine?: number;
  readonly startColumn?: number;
  readonly endColumn?: number;
}

export interface Annotation {
  readonly level: AnnotationLevel;
  readonly message: string;
  readonly properties: AnnotationProperties;
}

/** GitHub's per-step limit for each level. */
export const ANNOTATIONS_PER_LEVEL = 10;

export interface AnnotationOptions {
  /** How many annotations each level may use (the edge reserves some for its own messages). */
  readonly caps?: Partial<Readonly<Record<'error' | 'warning', number>>>;
  /**
   * Maps a finding's file to the repository-relative path GitHub needs, or undefined when
   * the file is outside the repository (the annotation then has no file). Used only for a
   * finding without a workspace-relative file (`location.workspaceFile`), which wins.
   */
  readonly repositoryPath?: (file: string) => string | undefined;
}

/**
 * The workspace-relative path when the judge set one (undefined outside the workspace: GitHub
 * cannot annotate it), so an annotation does not depend on the directory the gate ran from.
 */
function annotatedFile(
  loc: Location,
  repositoryPath: AnnotationOptions['repositoryPath'],
): string | undefined {
  const inside = loc.workspaceFile;
  if (inside !== undefined)
    return inside.startsWith('../') || inside === '..' || isAbsolute(inside) ? undefined : inside;
  return repositoryPath ? repositoryPath(loc.file) : loc.file;
}

function properties(
  f: Finding,
  repositoryPath: AnnotationOptions['repositoryPath'],
): AnnotationProperties {
  const title = `embedding-gate ${f.id}${f.consumer ? ` (${f.consumer})` : ''}`;
  const loc = f.location;
  const file = loc ? annotatedFile(loc, repositoryPath) : undefined;
  if (!loc || !file) return { title };
  if (loc.line === undefined) return { title, file };
  const endLine = loc.endLine ?? loc.line;
  // GitHub honours columns only for an annotation on a single line.
  const oneLine = endLine === loc.line;
  return {
    title,
    file,
    startLine: loc.line,
    endLine,
    ...(oneLine && loc.column !== undefined ? { startColumn: loc.column } : {}),
    ...(oneLine && loc.endColumn !== undefined ? { endColumn: loc.endColumn } : {}),
  };
}

/**
 * The annotations to emit, in report order (most severe first), capped per level, followed
 * by one notice counting what the caps left out.
 */
export function buildAnnotations(report: Report, options: AnnotationOptions = {}): Annotation[] {
  const caps = { error: ANNOTATIONS_PER_LEVEL, warning: ANNOTATIONS_PER_LEVEL, ...options.caps };
  const used = { error: 0, warning: 0 };
  const left = { error: 0, warning: 0 };
  const out: Annotation[] = [];
  for (const f of report.findings) {
    if (f.suppressed || f.severity === 'info') continue;
    const level = f.severity;
    if (used[level] >= caps[level]) {
      left[level]++;
      continue;
    }
    used[level]++;
    const waive = f.fingerprint ? ` (fingerprint ${f.fingerprint})` : '';
    out.push({
      level,
      message: f.message + waive,
      properties: properties(f, options.repositoryPath),
    });
  }
  const parts = (['error', 'warning'] as const)
    .filter((l) => left[l] > 0)
    .map((l) => plural(left[l], l));
  if (parts.length) {
    out.push({
      level: 'notice',
      message: `${parts.join(' and ')} more not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations per level); every finding is in the job summary and the JSON report`,
      properties: { title: 'embedding-gate: more findings' },
    });
  }
  return out;
}
