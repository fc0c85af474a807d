/**
 * Files named on the command line, checked before any work: a missing file, a directory
 * where a file is expected, an unreadable file, a URL or a NUL byte is a usage error
 * (exit 2) naming the option, the file and what was expected — never `internal error:
 * ENOENT` minutes later. Paths inside user files are config/paths.ts's.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathProblem, quotePath, REMOTE_REF, redactUrl } from '../config/paths.js';
import { describeFsError } from '../config/read-text.js';
import { isDatasetPattern, listLocalDataset } from '../sources/dataset.js';
import { isPgRef, redact } from '../vectors/pgvector/ref.js';
import { UsageError } from './context.js';

/**
 * Refuses a command-line path that cannot name a local file at all (a URL such as
 * `https://`, `file://` or `s3://`, a NUL byte), in the wording user files get. A
 * backslash is allowed here: on the command line it is the shell's (and on Windows the
 * platform's) business, unlike in a manifest that must read the same on every runner.
 */
export function requireLocalPath(value: string, option: string): void {
  const problem = pathProblem(value, { allowBackslash: true });
  if (problem !== undefined) throw new UsageError(`${option} ${quotePath(value)} ${problem}`);
}

/**
 * Checks that `value` (given to `option`, resolved against `cwd`) is a readable regular
 * file and returns its absolute path. `what` says what was expected (`a TREC run file`).
 */
export async function requireInputFile(
  cwd: string,
  value: string,
  option: string,
  what: string,
): Promise<string> {
  requireLocalPath(value, option);
  const path = resolve(cwd, value);
  const problem = await fileProblem(path);
  if (problem !== undefined)
    throw new UsageError(`${option} ${value}: ${problem}; expected ${what}`);
  return path;
}

/** Whether a vectors argument names a remote object or a database table. */
export function isRemoteInput(value: string): boolean {
  return isPgRef(value) || REMOTE_REF.test(value);
}

/**
 * A vectors argument (`validate <vectors>`, `knn --queries/--corpus`): a readable file, a
 * directory or glob that names at least one part, or — with `allowRemote` — an `s3://`,
 * `http(s)://` or `postgres://` reference, returned as given (shown redacted in messages).
 * Returns what to open: the absolute local path, or the reference.
 */
export async function requireVectorsInput(
  cwd: string,
  value: string,
  option: string,
  allowRemote: boolean,
): Promise<string> {
  const table = isPgRef(value);
  if (table || REMOTE_REF.test(value)) {
    if (allowRemote) return value;
    const shown = table ? redact(value) : redactUrl(value);
    throw new UsageError(
      `${option} ${quotePath(shown)} is ${table ? 'a database table' : 'remote'}; remote reads are off by default ` +
        `so that a pull request cannot make CI fetch arbitrary URLs: pass --allow-remote to read it`,
    );
  }
  requireLocalPath(value, option);
  const path = resolve(cwd, value);
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return requireInputFile(cwd, value, option, 'a vectors file');
  if (info?.isDirectory() || (!info && isDatasetPattern(path))) {
    if ((await listLocalDataset(path)).parts.length > 0) return path;
    throw new UsageError(
      `${option} ${quotePath(value)}: names no parts; expected a vectors file, or a directory or glob of vectors files`,
    );
  }
  return requireInputFile(cwd, value, option, 'a vectors file, or a directory or glob of parts');
}

/** Like {@link requireInputFile} for an optional option: undefined stays undefined. */
export async function optionalInputFile(
  cwd: string,
  value: string | undefined,
  option: string,
  what: string,
): Promise<string | undefined> {
  return value === undefined ? undefined : requireInputFile(cwd, value, option, what);
}

/** Why `path` is not a readable regular file, or undefined when it is. */
async function fileProblem(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return 'is a directory';
    if (!info.isFile()) return 'is not a regular file';
    await access(path, constants.R_OK);
    return undefined;
  } catch (err) {
    return describeFsError(err);
  }
}

/**
 * Checks that `value` (for `option`) is a directory that exists, and returns its absolute
 * path: the workspace every file must lie in cannot be missing or a file.
 */
export async function requireDirectory(
  cwd: string,
  value: string,
  option: string,
  what: string,
): Promise<string> {
  requireLocalPath(value, option);
  const path = resolve(cwd, value);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`${option} ${value}: no such directory; expected ${what}`);
  if (!info.isDirectory())
    throw new UsageError(`${option} ${value}: is not a directory; expected ${what}`);
  return path;
}
