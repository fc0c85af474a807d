/**
 * Reading a user's text file (manifest, contract, suite, registry, waivers, qrels, lineage
 * pointer) so that the workspace check is made on what was opened, not on the string that
 * named it: the real path comes from the open descriptor, so a symbolic link swapped in
 * between resolving a path and opening it cannot make the gate read outside the workspace.
 * A leaf module (no import of document.ts) so that document.ts and paths.ts can both use it.
 */
import { constants, realpathSync } from 'node:fs';
import { open, readlink, realpath, type FileHandle } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** True when `child` is `root` or below it. */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/** The real path of the workspace directory, or the resolved path when it does not exist. */
export function workspaceRoot(workspace: string): string {
  const abs = resolve(workspace);
  try {
    return realpathSync(abs);
  } catch {
    return abs;
  }
}

/** Why a text file could not be read: the words a message uses, and Node's code when one. */
export class TextReadError extends Error {
  override readonly name = 'TextReadError';
  constructor(
    /** `no such file`, `is a directory`, `permission denied`, `lies outside the workspace …`. */
    readonly detail: string,
    /** Node's code (`ENOENT`, `EACCES`, …), `ENOTREG` or `EOUTSIDE` (this module's). */
    readonly code: string | undefined,
  ) {
    super(detail);
  }
}

// Non-blocking so that a FIFO does not hang the gate before fstat refuses it; no
// controlling terminal from a tty. Both are no-ops on regular files.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * Reads `path` as UTF-8. Refuses anything but a regular file, and — when `workspace` is
 * given — a file whose real path, found from the open descriptor, lies outside it (code
 * `EOUTSIDE`). Throws {@link TextReadError} on every failure.
 */
/**
 * Refuses (TextReadError `EOUTSIDE`) a file whose real path — taken from the open descriptor,
 * so a link swapped in after the name was checked is seen — lies outside `workspace`.
 */
export async function assertOpenedInside(
  fd: number,
  path: string,
  workspace: string,
): Promise<void> {
  const root = workspaceRoot(workspace);
  const real =
    (await readlink(`/proc/self/fd/${fd}`).catch(() => undefined)) ?? (await realpath(path));
  if (!isInside(root, real))
    throw new TextReadError(
      `lies outside the workspace ${root} (it is ${real}); expected a file inside it`,
      'EOUTSIDE',
    );
}

export async function readTextFile(path: string, workspace?: string): Promise<string> {
  let handle: FileHandle;
  try {
    handle = await open(path, FLAGS);
  } catch (err) {
    throw fromNode(err);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new TextReadError('is a directory', 'EISDIR');
    if (!info.isFile()) throw new TextReadError('is not a regular file', 'ENOTREG');
    if (workspace !== undefined) await assertOpenedInside(handle.fd, path, workspace);
    return await handle.readFile('utf8');
  } catch (err) {
    throw err instanceof TextReadError ? err : fromNode(err);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Why a file-system call failed, in the words every message of the gate uses. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR'
    ? 'no such file'
    : code === 'EISDIR'
      ? 'is a directory'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ELOOP'
          ? 'too many symbolic links'
          : (err as Error).message;
}

function fromNode(err: unknown): TextReadError {
  return new TextReadError(describeFsError(err), (err as NodeJS.ErrnoException).code);
}
