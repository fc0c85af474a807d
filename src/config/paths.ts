/**
 * Resolution of the paths users write inside manifests and contracts. Every such path must
 * stay inside the workspace: a manifest from a pull request must not make the gate read
 * (or report on) files elsewhere on the runner.
 */
import { realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { describeFsError, isInside } from './read-text.js';
import type { LoadedManifest, Manifest } from './manifest.js';
import type { VectorsRef } from './vocabulary.js';
import { ConfigError, type SourceDocument } from './document.js';

/** A scheme followed by `://`: a URL, never taken for a relative path. */
export const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

export { isInside } from './read-text.js';

/**
 * Why `value` cannot name a file at all, whatever the folder it is resolved in, or
 * undefined when it can. One wording for user files and command-line arguments:
 * - a URL (`https://`, `file://`, `s3://`, …): the gate reads local files only, and a URL
 *   is never taken for a relative path (`file:/x` would otherwise be a folder `file:`);
 * - a NUL byte: no file system has it in a name; Node refuses it with an internal error;
 * - a backslash: on Linux runners `a\b` is one file name, not a folder and a file, so a
 *   manifest written on Windows would name a file that is not there. Refused with a hint
 *   to use `/`, which every platform reads.
 */
export function pathProblem(
  value: string,
  options: { readonly allowBackslash?: boolean } = {},
): string | undefined {
  // Each message ends with the next step: what to write instead.
  if (URL_LIKE.test(value))
    return 'is a URL; expected a file inside the repository (the gate reads local files only); download it into the workspace and name that file';
  if (value.includes('\0'))
    return 'contains a NUL byte; expected a file path; remove the NUL byte (\\u0000) from the path';
  if (!options.allowBackslash && value.includes('\\'))
    return `contains a backslash; write paths with "/" (a backslash is part of a file name on Linux, not a path separator); write ${quotePath(value.replace(/\\/g, '/'))}`;
  if (value === '') return 'is empty; expected a file path; name the file, or remove the field';
  return undefined;
}

/**
 * The next step for a path outside the workspace: widen the workspace (`--workspace`; the
 * Action's is the checkout, GITHUB_WORKSPACE) or move the file into it.
 */
export function outsideNextStep(root: string): string {
  return `pass --workspace <dir> to a folder that holds it, or move the file inside ${root}`;
}

/** `"value"` for messages, with control characters (a NUL byte) escaped. */
export function quotePath(value: string): string {
  return JSON.stringify(value);
}

/**
 * Resolves `value` (found at `field` of `doc`) relative to the document's folder and checks
 * it stays inside `workspace`, following symbolic links of whatever part exists.
 * Throws ConfigError, located at the field, when it escapes, is a URL, or has a NUL byte or
 * a backslash ({@link pathProblem}). This checks the name; the file opened later is checked
 * again by its real path (config/read-text.ts, sources/confined.ts), so a link swapped in
 * between cannot escape either.
 */
export function resolveInWorkspace(
  doc: SourceDocument,
  field: readonly (string | number)[],
  value: string,
  workspace: string,
): string {
  const problem = pathProblem(value);
  if (problem !== undefined) {
    const location = doc.locate(field);
    throw new ConfigError(
      `${location.file}:${location.line}:${location.column}: ${field.join('.')} ${quotePath(value)} ${problem}`,
      location,
    );
  }
  const { path: target, root, outside } = placeInWorkspace(value, dirname(doc.path), workspace);
  if (outside) {
    const location = doc.locate(field);
    throw new ConfigError(
      `${location.file}:${location.line}:${location.column}: ${field.join('.')} ${quotePath(value)} resolves outside the workspace ${root}; ` +
        `expected a path inside it (the gate reads nothing outside the workspace); ${outsideNextStep(root)}`,
      location,
    );
  }
  return target;
}

/**
 * Where `value`, relative to `base`, lands: its absolute path, the workspace's real path, and
 * whether it lies outside — by name or once the symbolic links of its existing part are
 * followed. For names that do not come from a located document (a path inside a report).
 */
export function placeInWorkspace(
  value: string,
  base: string,
  workspace: string,
): { readonly path: string; readonly root: string; readonly outside: boolean } {
  const root = realOrSelf(resolve(workspace));
  const path = resolve(base, value);
  return { path, root, outside: !isInside(root, path) || !isInside(root, realOrSelf(path)) };
}

/** realpath of the longest existing prefix of `p`, with the rest appended. */
function realOrSelf(p: string): string {
  let head = p;
  const tail: string[] = [];
  for (;;) {
    try {
      return resolve(realpathSync(head), ...tail.reverse());
    } catch {
      const parent = dirname(head);
      if (parent === head) return p;
      tail.push(head.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
      head = parent;
    }
  }
}

/** `s3://`, `http://`, `https://`: the schemes the gate reads remotely (sources/remote.ts). */
export const REMOTE_REF = /^(s3|https?):\/\//i;

/**
 * Where a manifest's vectors are, resolved once: a file, folder or glob inside the workspace,
 * an `s3://` or `http(s)://` URL (only with `allowRemote`), or a list of those parts.
 */
export function declaredVectors(
  loaded: LoadedManifest,
  manifest: Manifest,
  plan: { readonly workspace: string; readonly cwd: string; readonly allowRemote?: boolean },
): VectorsRef {
  const where = resolveVectorsPath(loaded.doc, ['vectors', 'path'], manifest.vectors.path, plan);
  const idsPath =
    manifest.vectors.ids && !where.remote
      ? resolveInWorkspace(loaded.doc, ['vectors', 'ids'], manifest.vectors.ids, plan.workspace)
      : undefined;
  return {
    path: where.path,
    displayPath: where.displayPath,
    open: {
      format: manifest.vectors.format,
      vectorColumn: manifest.vectors.vector_column,
      idColumn: manifest.vectors.id_column,
      idsPath,
      dims: manifest.dtype === 'binary' ? manifest.dims : undefined,
      ...(where.parts && { parts: where.parts, partNames: where.partNames }),
    },
  };
}

/** What {@link resolveVectorsPath} resolved. */
export interface ResolvedVectorsPath {
  /** The absolute path or the URL; for a list, a key naming it (never opened: see `parts`). */
  readonly path: string;
  /** As messages show it. */
  readonly displayPath: string;
  /** True for a URL. */
  readonly remote: boolean;
  /** A list: each part's absolute path or URL, in the order written. */
  readonly parts?: readonly string[];
  /** A list: each part as written (a URL without its credentials), for messages and digests. */
  readonly partNames?: readonly string[];
}

/**
 * Resolves a vectors reference written in a user file (a manifest's `vectors.path`, a
 * suite's `queries.path` or `corpus.path`): a path, folder or glob relative to the file and
 * inside the workspace; with `allowRemote`, an `s3://` or `http(s)://` URL (without it, a
 * ConfigError naming the URL and the flag, before any request); or a list of parts, each
 * one a file or a URL under the same rules, read in the order written.
 */
export function resolveVectorsPath(
  doc: SourceDocument,
  field: readonly (string | number)[],
  value: string | readonly string[],
  plan: { readonly workspace: string; readonly cwd: string; readonly allowRemote?: boolean },
): ResolvedVectorsPath {
  if (typeof value === 'string') return resolveOne(doc, field, value, plan);
  const resolved = value.map((v, i) => resolveOne(doc, [...field, i], v, plan));
  const names = resolved.map((r, i) => (r.remote ? r.displayPath : value[i]!));
  const shown =
    names.length <= 3
      ? names.join(', ')
      : `${names[0]}, …, ${names[names.length - 1]} (${names.length} parts)`;
  return {
    // A key for the list, never opened: openVectors reads `parts` when they are given.
    path: `${dirname(doc.path)}/[${names.join(', ')}]`,
    displayPath: shown,
    remote: resolved.some((r) => r.remote),
    parts: resolved.map((r) => r.path),
    partNames: names,
  };
}

function resolveOne(
  doc: SourceDocument,
  field: readonly (string | number)[],
  value: string,
  plan: { readonly workspace: string; readonly cwd: string; readonly allowRemote?: boolean },
): ResolvedVectorsPath {
  if (REMOTE_REF.test(value)) {
    const shown = redactUrl(value);
    if (!plan.allowRemote) {
      const location = doc.locate(field);
      throw new ConfigError(
        `${location.file}:${location.line}:${location.column}: ${field.join('.')} ${quotePath(shown)} is remote; remote reads are off by default ` +
          `so that a pull request cannot make CI fetch arbitrary URLs: pass --allow-remote (Action input allow-remote: true) to read it`,
        location,
      );
    }
    return { path: value, displayPath: shown, remote: true };
  }
  const path = resolveInWorkspace(doc, field, value, plan.workspace);
  return { path, displayPath: relative(plan.cwd, path) || path, remote: false };
}

/**
 * `url` as messages may show it: without user name or password, and with every query
 * value replaced by `…` (a presigned URL carries its signature and a session token there).
 * Anything that cannot be parsed is cut to its scheme and host-looking head.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    const head = /^[a-z][a-z0-9+.-]*:\/\/[^/@?#]*/i.exec(url.replace(/\/\/[^/@]*@/, '//'));
    return head ? `${head[0]}/…` : '(an unparseable URL)';
  }
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  const names = [...new Set([...parsed.searchParams.keys()])];
  const query = names.length ? `?${names.map((n) => `${n}=…`).join('&')}` : '';
  parsed.search = '';
  return `${parsed.toString()}${query}`;
}

/**
 * Checks that `path` (resolved from `value` at `field` of `doc`) is an existing regular file.
 * Throws ConfigError located at the field otherwise: the plan calls this for every file the
 * inputs name, before any vector is read.
 */
export async function requireRegularFile(
  doc: SourceDocument,
  field: readonly (string | number)[],
  value: string,
  path: string,
  what: string,
): Promise<void> {
  let problem: string | undefined;
  let missing = false;
  try {
    const s = await stat(path);
    if (s.isDirectory()) problem = 'is a directory';
    else if (!s.isFile()) problem = 'is not a regular file';
  } catch (err) {
    problem = describeFsError(err);
    missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
  if (problem === undefined) return;
  const location = doc.locate(field);
  // Relative paths in a file are relative to that file's folder, not the working directory.
  const next =
    !missing || isAbsolute(value)
      ? ''
      : `; the path is relative to the folder of ${location.file} (${relativeFolder(location.file)})`;
  throw new ConfigError(
    `${location.file}:${location.line}:${location.column}: ${field.join('.')} "${value}": ${problem}; expected ${what}${next}`,
    location,
  );
}

/** A file's folder for messages: `./` for a file in the working directory. */
function relativeFolder(file: string): string {
  const dir = dirname(file);
  return dir === '.' ? './' : `${dir}/`;
}
