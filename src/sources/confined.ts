/**
 * An opener that reads nothing outside the workspace. The plan checks every path by name
 * before any byte is read (config/paths.ts); this opener checks what was actually opened,
 * by its real path, so a symbolic link swapped in between resolving and opening, or a
 * path that reached a reader without passing the plan, cannot make the gate read elsewhere.
 */
import { realpath } from 'node:fs/promises';
import { ConfigError } from '../config/document.js';
import { isInside, workspaceRoot } from '../config/read-text.js';
import { pathProblem, quotePath } from '../config/paths.js';
import { localFileOf } from './local.js';
import type { SourceOpener, SourceRequest } from './types.js';

/**
 * A source the confined opener refused: its real path lies outside the workspace, or its
 * name cannot be a local file (a URL, a NUL byte). A ConfigError, so both edges answer
 * exit 2 with the message, and no reader turns it into a finding about the file.
 */
export class OutsideWorkspaceError extends ConfigError {}

/**
 * Wraps `inner` so that every source it opens is a file inside `workspace`:
 * - before opening, the request's path is resolved (symbolic links followed) and refused
 *   when it lies outside, so a plain link to outside is never even opened;
 * - after opening, the local file's real path (from the open descriptor, `localFileOf`) is
 *   checked again and the source closed and refused when it lies outside: that catches a
 *   link swapped in between the two steps, before a single byte is read.
 * Sources that are not local files (in memory; later, object storage) have no real path and
 * pass through: their confinement is their opener's.
 */
export function confinedOpener(workspace: string, inner: SourceOpener): SourceOpener {
  return async (request: SourceRequest) => {
    const display = request.display ?? request.path;
    const problem = pathProblem(request.path);
    if (problem !== undefined)
      throw new OutsideWorkspaceError(`${quotePath(display)} ${problem}`, { file: display });
    const root = workspaceRoot(workspace);
    const before = await realpath(request.path).catch(() => undefined);
    // A missing file is the inner opener's to report (`no such file`), in its words.
    if (before !== undefined && !isInside(root, before)) throw outside(display, root, before);
    const source = await inner(request);
    const after = localFileOf(source)?.realPath;
    if (after !== undefined && !isInside(root, after)) {
      await source.close();
      throw outside(display, root, after);
    }
    return source;
  };
}

function outside(display: string, root: string, real: string): OutsideWorkspaceError {
  return new OutsideWorkspaceError(
    `${display}: resolves outside the workspace ${root} (to ${real}); expected a file inside it ` +
      `(the gate reads nothing outside the workspace)`,
    { file: display },
  );
}
