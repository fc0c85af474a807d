/**
 * Lineage: a manifest may name the pointer file that versions its model checkpoint or its
 * input dataset — a DVC `.dvc` file or a Git LFS pointer — and the gate checks that the
 * hashes the manifest records are the ones the pointer records. Nothing is downloaded:
 * only the small pointer files in the repository are read.
 *
 * What is compared (a manifest records sha256 always, md5 when it uses DVC):
 * - Git LFS pointer: `oid sha256:<hex>` against `sha256` (both are the sha256 of the file's
 *   bytes), and `size` against `size` when the manifest records one.
 * - DVC pointer: the tracked output's `md5` against the manifest's `md5` (DVC hashes with
 *   md5, so a sha256 cannot be compared with it; a directory's md5 ends in `.dir`), and
 *   `size` against `size`. A manifest without `md5` cannot be verified against a DVC
 *   pointer: that is a warning, not a pass.
 */
import { basename, relative } from 'node:path';
import { ConfigError, parseSourceText, readFailure } from '../config/document.js';
import { configLimits, type ConfigLimits } from '../config/limits.js';
import { decodeSource, readCapped } from '../config/source-text.js';
import type { Finding, Location } from '../config/findings.js';
import { resolveInWorkspace } from '../config/paths.js';
import type { LoadedManifest } from '../config/manifest.js';

const LFS_VERSIONS = ['https://git-lfs.github.com/spec/v1', 'https://hawser.github.com/spec/v1'];

/** What a pointer file records about the file it stands for. */
export interface PointerRecord {
  readonly kind: 'dvc' | 'git-lfs';
  /** The tracked path (DVC `outs[].path`); Git LFS pointers do not name it. */
  readonly path?: string;
  readonly sha256?: string;
  readonly md5?: string;
  readonly size?: number;
  /** Where each recorded field is in the pointer file. */
  readonly at: Readonly<Partial<Record<'md5' | 'sha256' | 'size' | 'file', Location>>>;
  /** Why the hash cannot be compared (e.g. an etag instead of an md5). */
  readonly unverifiable?: string;
}

/**
 * Parses a pointer file's text (either format). Throws ConfigError with file:line when it is
 * neither, or when a DVC file breaks `limits` (the defaults when absent).
 */
export function parsePointer(
  file: string,
  text: string,
  limits?: Partial<ConfigLimits>,
): PointerRecord {
  const firstLine = text.split('\n', 1)[0] ?? '';
  if (firstLine.startsWith('version ')) {
    if (!LFS_VERSIONS.includes(firstLine.slice(8).trim())) {
      throw new ConfigError(
        `${file}:1:1: not a Git LFS pointer: unknown version "${firstLine.slice(8)}"`,
      );
    }
    const at: Record<string, Location> = { file: { file, line: 1, column: 1 } };
    const values = new Map<string, string>();
    text.split('\n').forEach((line, i) => {
      const m = /^([a-z0-9.-]+) (.*)$/.exec(line);
      if (!m) return;
      values.set(m[1]!, m[2]!);
      at[m[1]!] = { file, line: i + 1, column: m[1]!.length + 2 };
    });
    const oid = /^sha256:([a-f0-9]{64})$/.exec(values.get('oid') ?? '');
    if (!oid)
      throw new ConfigError(
        `${file}:${at.oid?.line ?? 2}:1: Git LFS pointer without an "oid sha256:<64 hex>" line`,
      );
    const size = values.get('size');
    if (size === undefined || !/^\d+$/.test(size))
      throw new ConfigError(
        `${file}:${at.size?.line ?? 3}:1: Git LFS pointer without a "size <bytes>" line`,
      );
    return {
      kind: 'git-lfs',
      sha256: oid[1]!,
      size: Number(size),
      at: { sha256: at.oid, size: at.size, file: at.file },
    };
  }
  const doc = parseSourceText(file, text, undefined, limits);
  const outs = (doc.data as { outs?: unknown }).outs;
  if (!Array.isArray(outs) || outs.length === 0) {
    throw new ConfigError(
      `${file}:1:1: neither a Git LFS pointer (first line "version https://git-lfs.github.com/spec/v1") nor a DVC file (an "outs" list)`,
    );
  }
  // One output, or the one `dvc add` names the file after (data.xml.dvc tracks data.xml).
  const tracked = basename(file).replace(/\.dvc$/, '');
  const index =
    outs.length === 1
      ? 0
      : outs.findIndex((o) => basename(String((o as { path?: unknown }).path ?? '')) === tracked);
  if (index < 0)
    throw new ConfigError(
      `${file}:1:1: the DVC file has ${outs.length} outputs and none is named ${tracked}; point at a .dvc file with one output`,
    );
  const out = outs[index] as {
    path?: unknown;
    md5?: unknown;
    size?: unknown;
    hash?: unknown;
    etag?: unknown;
    checksum?: unknown;
  };
  const at = (field: string) => doc.locate(['outs', index, field]);
  const md5 = typeof out.md5 === 'string' ? out.md5 : undefined;
  const unverifiable =
    md5 === undefined
      ? `the DVC output records ${out.etag !== undefined ? 'an etag' : out.checksum !== undefined ? 'a checksum' : 'no hash'}, not an md5`
      : out.hash !== undefined && out.hash !== 'md5'
        ? `the DVC output is hashed with ${String(out.hash)}, not md5`
        : undefined;
  return {
    kind: 'dvc',
    path: typeof out.path === 'string' ? out.path : undefined,
    md5,
    size: typeof out.size === 'number' ? out.size : undefined,
    at: { md5: at('md5'), size: at('size'), file: at('path') },
    ...(unverifiable ? { unverifiable } : {}),
  };
}

/** One recorded value compared with the pointer's. */
export interface LineageComparison {
  readonly field: 'sha256' | 'md5' | 'size';
  readonly manifest: string;
  readonly pointer: string;
  readonly ok: boolean;
}

/** What the report carries per pointer. */
export interface LineageCheck {
  readonly subject: 'model' | 'inputs';
  /** The pointer file, as displayed. */
  readonly pointer: string;
  readonly kind: 'dvc' | 'git-lfs';
  readonly tracks?: string;
  readonly compared: readonly LineageComparison[];
  /** True when every comparison agreed and at least one hash was compared. */
  readonly verified: boolean;
}

const fmtAt = (l: Location | undefined) => (l ? `${l.file}:${l.line ?? 1}` : '');

/** A lineage pointer file the plan read before any vector: its path and text. */
export interface LoadedPointer {
  readonly subject: 'model' | 'inputs';
  /** Absolute path, resolved inside the workspace. */
  readonly path: string;
  /** As messages show it. */
  readonly shown: string;
  readonly text: string;
  /** The caps the runner set, for parsing the text. */
  readonly limits?: Partial<ConfigLimits>;
}

/**
 * Reads the candidate manifest's `model.pointer` and `inputs.pointer` files. Throws
 * ConfigError (exit 2) when one escapes the workspace or cannot be read: the plan calls this
 * before any vector is read.
 */
export async function readPointers(
  loaded: LoadedManifest,
  workspace: string,
  cwd: string,
  limits?: Partial<ConfigLimits>,
): Promise<LoadedPointer[]> {
  const m = loaded.manifest!;
  const pointers: LoadedPointer[] = [];
  for (const subject of ['model', 'inputs'] as const) {
    const value = m[subject].pointer;
    if (!value) continue;
    const field = [subject, 'pointer'];
    const path = resolveInWorkspace(loaded.doc, field, value, workspace);
    const shown = relative(cwd, path) || path;
    let bytes: Buffer;
    try {
      // Capped like every user file; a file too large or not regular is a ConfigError as is.
      bytes = await readCapped(shown, path, configLimits(limits).maxBytes, workspace);
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      const at = loaded.doc.locate(field);
      throw new ConfigError(
        `${at.file}:${at.line}:${at.column}: ${subject}.pointer ${shown}: cannot read: ${describeReadError(err)}; ` +
          `expected a DVC file or a Git LFS pointer inside the workspace`,
        at,
      );
    }
    const text = decodeSource(shown, bytes);
    pointers.push({ subject, path, shown, text, ...(limits && { limits }) });
  }
  return pointers;
}

function describeReadError(err: unknown): string {
  return (err as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory' : readFailure(err);
}

/**
 * Checks the candidate manifest's pointers (read by {@link readPointers}). Findings:
 * `lineage.mismatch` (error) when a recorded hash or size differs, `lineage.pointer`
 * (error) when the file is not a pointer, `lineage.unverifiable` (warning) when nothing
 * comparable is recorded on one side.
 */
export function checkLineage(
  loaded: LoadedManifest,
  pointers: readonly LoadedPointer[],
): { checks: LineageCheck[]; findings: Finding[] } {
  const m = loaded.manifest!;
  const checks: LineageCheck[] = [];
  const findings: Finding[] = [];
  const labels = {
    model: `model ${m.model.name}@${m.model.revision}`,
    inputs: `dataset ${m.inputs.dataset}`,
  };
  for (const { subject, shown, text, limits } of pointers) {
    const block = m[subject];
    const label = labels[subject];
    const field = (name: string) => loaded.doc.locate([subject, name]);
    let record: PointerRecord;
    try {
      record = parsePointer(shown, text, limits);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      findings.push({
        id: 'lineage.pointer',
        severity: 'error',
        message: `${subject}.pointer: ${err.message}; the ${label} cannot be traced`,
        location: field('pointer'),
      });
      continue;
    }
    const compared: LineageComparison[] = [];
    const hashField = record.kind === 'git-lfs' ? 'sha256' : 'md5';
    const recorded = hashField === 'sha256' ? block.sha256 : block.md5;
    const pointerHash = hashField === 'sha256' ? record.sha256 : record.md5;
    const tracks = record.path ? ` for ${record.path}` : '';
    const kindName = record.kind === 'dvc' ? 'DVC file' : 'Git LFS pointer';
    if (record.unverifiable) {
      findings.push({
        id: 'lineage.unverifiable',
        severity: 'warning',
        message: `${subject}: ${record.unverifiable} in ${shown}; the ${label} cannot be verified against it`,
        location: field('pointer'),
      });
    } else if (recorded === undefined) {
      findings.push({
        id: 'lineage.unverifiable',
        severity: 'warning',
        message: `${subject}: the ${kindName} ${shown} records ${hashField} ${pointerHash}${tracks}, but the manifest records no ${subject}.${hashField} to compare with; add it so the ${label} can be verified`,
        location: field('pointer'),
      });
    } else {
      const ok = recorded === pointerHash;
      compared.push({ field: hashField, manifest: recorded, pointer: pointerHash!, ok });
      if (!ok) {
        const dirHint =
          record.kind === 'dvc' && pointerHash!.endsWith('.dir') !== recorded.endsWith('.dir')
            ? ' (DVC records a directory as its md5 followed by .dir)'
            : '';
        findings.push({
          id: 'lineage.mismatch',
          severity: 'error',
          message:
            `${subject}: the manifest records ${label} with ${hashField} ${recorded}, but the ${kindName} ${fmtAt(record.at[hashField])} records ${hashField} ${pointerHash}${tracks}${dirHint}; ` +
            `the manifest does not describe what the pointer tracks`,
          location: field(hashField),
          expected: pointerHash,
          found: recorded,
        });
      }
    }
    if (block.size !== undefined && record.size !== undefined) {
      const ok = block.size === record.size;
      compared.push({
        field: 'size',
        manifest: String(block.size),
        pointer: String(record.size),
        ok,
      });
      if (!ok) {
        findings.push({
          id: 'lineage.mismatch',
          severity: 'error',
          message: `${subject}: the manifest records ${label} as ${block.size} bytes, but the ${kindName} ${fmtAt(record.at.size)} records ${record.size} bytes${tracks}`,
          location: field('size'),
          expected: record.size,
          found: block.size,
        });
      }
    }
    checks.push({
      subject,
      pointer: shown,
      kind: record.kind,
      ...(record.path ? { tracks: record.path } : {}),
      compared,
      verified: compared.some((c) => c.field !== 'size') && compared.every((c) => c.ok),
    });
  }
  return { checks, findings };
}
