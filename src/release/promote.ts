/**
 * Evidence for a promotion: the version's files hashed as the registry will record them,
 * and the gate report that allowed it. A report counts only if it is embedding-gate's,
 * gated this very name and version, passed at a fail level that can block (not `never`),
 * and gated the manifest as it is now (same sha256).
 */
import { createHash } from 'node:crypto';
import { confinedOpener, OutsideWorkspaceError } from '../sources/confined.js';
import { openLocalSource } from '../sources/local.js';
import { ConfigError, readSourceText } from '../config/document.js';
import { configLimits, type ConfigLimits } from '../config/limits.js';
import { pathProblem, placeInWorkspace, quotePath, resolveInWorkspace } from '../config/paths.js';
import { loadManifest } from '../config/manifest.js';
import { hashRelease, type ReleaseFiles } from './registry-check.js';
import { RegistryRefusal } from './registry-ops.js';

/** A version about to be registered: its identity and its files as the registry records them. */
export interface Release {
  readonly name: string;
  readonly version: string;
  readonly manifestPath: string;
  readonly files: ReleaseFiles;
}

/**
 * Loads a manifest and hashes its files (manifest, vectors, ids sidecar) relative to the
 * registry. Throws ConfigError when the manifest is unreadable or invalid, or a file is
 * missing or outside the workspace.
 */
export async function describeRelease(
  manifest: string,
  registryPath: string,
  workspace: string,
  cwd: string,
  limits?: Partial<ConfigLimits>,
): Promise<Release> {
  const loaded = await loadManifest(manifest, cwd, { limits, workspace });
  const m = loaded.manifest;
  if (!m) {
    const f = loaded.findings[0]!;
    throw new ConfigError(
      `${f.location?.file ?? manifest}:${f.location?.line ?? 1}:${f.location?.column ?? 1}: invalid manifest: ${f.message}`,
      f.location,
    );
  }
  if (typeof m.vectors.path !== 'string') {
    const location = loaded.doc.locate(['vectors', 'path']);
    throw new ConfigError(
      `${location.file}:${location.line}:${location.column}: vectors.path is a list of parts; the registry records one vectors file per version, so promote a version whose vectors.path names one file`,
      location,
    );
  }
  const vectors = resolveInWorkspace(loaded.doc, ['vectors', 'path'], m.vectors.path, workspace);
  const ids = m.vectors.ids
    ? resolveInWorkspace(loaded.doc, ['vectors', 'ids'], m.vectors.ids, workspace)
    : undefined;
  try {
    const files = await hashRelease(
      registryPath,
      { manifest: loaded.doc.path, vectors, ...(ids ? { ids } : {}) },
      confinedOpener(workspace, openLocalSource),
    );
    return { name: m.name, version: m.version, manifestPath: loaded.doc.path, files };
  } catch (err) {
    if (err instanceof OutsideWorkspaceError) throw err;
    throw new ConfigError(
      `${manifest}: cannot hash the version's files: ${(err as Error).message}`,
    );
  }
}

/**
 * The parts of a JSON gate report promotion relies on (the engine's report model has them
 * all; release/ sits below the engine, so it names only what it reads).
 */
export interface GatedReport {
  readonly schemaVersion: number;
  readonly tool: { readonly name: string; readonly version: string };
  readonly verdict: string;
  readonly failOn: string;
  readonly candidate: {
    /** The gated manifest's path as the report recorded it. */
    readonly manifest?: string;
    readonly name?: string;
    readonly version?: string;
    readonly manifestSha256?: string;
  };
  readonly counts?: { readonly error?: number };
}

/** A gate report read defensively (it is user input), with the file's sha256. */
export interface ReportEvidence<R extends GatedReport = GatedReport> {
  readonly report: R;
  /** sha256 of the report file, recorded in the channel history. */
  readonly sha256: string;
}

/**
 * Reads a JSON gate report within `limits` (its size; strictly UTF-8). Throws ConfigError
 * when it is not one.
 */
export async function readReport<R extends GatedReport = GatedReport>(
  file: string,
  limits?: Partial<ConfigLimits>,
): Promise<ReportEvidence<R>> {
  const text = await readSourceText(file, file, configLimits(limits).maxBytes, 'report');
  let data: unknown;
  try {
    // V8's JSON.parse is iterative: deep nesting cannot overflow it, and only the few
    // fields below are read.
    data = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(
      `${file}: not a JSON report (${(err as Error).message.split('\n')[0]}); write one with check --format json=${file}`,
      { file },
    );
  }
  const r = data as Partial<GatedReport> | null;
  if (
    !r ||
    typeof r !== 'object' ||
    r.tool?.name !== 'embedding-gate' ||
    typeof r.verdict !== 'string' ||
    !r.candidate
  ) {
    throw new ConfigError(
      `${file}: not an embedding-gate JSON report (expected tool.name "embedding-gate", verdict and candidate)`,
    );
  }
  if (r.schemaVersion !== 1)
    throw new ConfigError(
      `${file}: report schemaVersion ${String(r.schemaVersion)} is not one this embedding-gate reads (1)`,
    );
  return { report: r as R, sha256: createHash('sha256').update(text).digest('hex') };
}

/**
 * The manifest a report names (`candidate.manifest`, relative to `cwd`), checked before it
 * is opened: a report is user input, so its path must be a local file inside the workspace
 * like any path a manifest names. Throws ConfigError (exit 2) naming the report and field.
 */
export function reportedManifest(
  evidence: ReportEvidence,
  reportFile: string,
  workspace: string,
  cwd: string,
): string {
  const value: unknown = evidence.report.candidate.manifest;
  if (typeof value !== 'string' || value === '')
    throw new ConfigError(`${reportFile}: the report names no candidate manifest`);
  const problem = pathProblem(value);
  if (problem !== undefined)
    throw new ConfigError(`${reportFile}: candidate.manifest ${quotePath(value)} ${problem}`);
  const { root, outside } = placeInWorkspace(value, cwd, workspace);
  if (outside)
    throw new ConfigError(
      `${reportFile}: candidate.manifest ${quotePath(value)} resolves outside the workspace ${root}; ` +
        `expected a manifest inside it (the gate reads nothing outside the workspace)`,
    );
  return value;
}

/**
 * Refuses (RegistryRefusal, exit 1) unless `evidence` shows that `name` `version` passed
 * the gate with the manifest as it is now.
 */
export async function requirePassingReport(
  evidence: ReportEvidence,
  release: Release,
  reportFile: string,
): Promise<void> {
  const r = evidence.report;
  const gated = `${r.candidate.name ?? '?'} ${r.candidate.version ?? '?'}`;
  if (r.candidate.name !== release.name || r.candidate.version !== release.version) {
    throw new RegistryRefusal(
      'promote.report',
      `${reportFile} gated ${gated}, not ${release.name} ${release.version}; promote only what the report gated`,
    );
  }
  if (r.verdict !== 'pass') {
    throw new RegistryRefusal(
      'promote.report',
      `${reportFile}: the gate blocked ${gated} (verdict ${r.verdict}, ${r.counts?.error ?? '?'} error(s)); fix the findings and re-run check`,
    );
  }
  if (r.failOn === 'never') {
    throw new RegistryRefusal(
      'promote.report',
      `${reportFile} was written with --fail-on never, which passes everything; re-run check with --fail-on error or warning`,
    );
  }
  if (!r.candidate.manifestSha256) {
    throw new RegistryRefusal(
      'promote.report',
      `${reportFile} does not record the gated manifest's sha256 (written by an older embedding-gate); re-run check`,
    );
  }
  // describeRelease hashed the manifest through the confined opener a moment ago.
  const now = release.files.manifest.sha256;
  if (now !== r.candidate.manifestSha256) {
    throw new RegistryRefusal(
      'promote.report',
      `${release.manifestPath} changed since it was gated (sha256 ${now}, the report gated ${r.candidate.manifestSha256}); re-run check on the manifest as it is`,
    );
  }
}
