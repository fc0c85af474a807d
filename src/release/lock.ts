/**
 * An advisory lock file beside the registry, so concurrent writers (two CI jobs promoting
 * at once) never lose each other's updates: each takes the lock, re-reads the registry,
 * changes it and writes it (temp file + rename) before letting go.
 *
 * The lock is a file created with O_EXCL (`wx`), holding its owner's pid, host and a
 * random token. A lock is stale when its owner is a dead process on this host, or when it
 * is older than `staleMs` (an owner on another host, or a hung one). A lock with no owner
 * written — empty or unreadable, left by a writer killed between creating the file and
 * writing to it — is broken once older than `brokenMs` (2 s by default: a writer writes
 * its owner microseconds after creating the file, so 2 s is ample and spares every later
 * writer the 30 s wait). The lock file's age and content are read from one descriptor, so
 * they belong to the same file. Breaking a stale lock
 * renames it away and checks, by inode, that the file renamed is the one judged stale, so
 * two processes breaking the same stale lock cannot remove a fresh one. Before committing,
 * the owner checks its token is still in the lock file ({@link HeldLock.assertHeld}).
 */
import { randomBytes } from 'node:crypto';
import { hostname as osHostname } from 'node:os';
import { link, open, readFile, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { ConfigError } from '../config/document.js';

/** Timing and identity of a lock holder; every default can be pinned by tests. */
export interface LockOptions {
  /** A lock older than this is stale (default 30 s; a registry update takes milliseconds). */
  readonly staleMs?: number;
  /**
   * An empty or unreadable lock (no owner written) older than this is broken (default
   * {@link BROKEN_LOCK_MS}).
   */
  readonly brokenMs?: number;
  /** Give up after waiting this long (default 60 s). */
  readonly timeoutMs?: number;
  /** Clock in ms since the epoch (default Date.now). */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly pid?: number;
  readonly hostname?: string;
  /** Whether a process of this host is alive (default: signal 0). */
  readonly isAlive?: (pid: number) => boolean;
}

/** The lock while `fn` holds it. */
export interface HeldLock {
  readonly file: string;
  /** Throws when another writer has taken the lock from us (we were judged stale). */
  assertHeld(): Promise<void>;
}

interface LockContent {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
  readonly since: string;
}

/** Age after which a lock without an owner (empty, unreadable) is broken: 2 s. */
export const BROKEN_LOCK_MS = 2_000;

/** The lock could not be taken or was lost: the command cannot do its job (exit 2). */
export class LockError extends ConfigError {}

function defaultIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseContent(text: string): LockContent | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<LockContent> | null;
    return typeof parsed?.token === 'string' ? (parsed as LockContent) : undefined;
  } catch {
    return undefined;
  }
}

async function readContent(file: string): Promise<LockContent | undefined> {
  return parseContent(await readFile(file, 'utf8').catch(() => ''));
}

/** The lock file as one descriptor sees it: inode, age and owner of the same file. */
interface LockState {
  readonly ino: number;
  readonly mtimeMs: number;
  /** Undefined when the file is empty or unreadable (no owner written yet, or never). */
  readonly owner?: LockContent;
}

/** The current lock file's state, or undefined when there is none (or it cannot be opened). */
async function inspect(file: string): Promise<LockState | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    // Unreadable (EACCES): judge it by the name's inode and age, with no owner.
    const info = await stat(file).catch(() => undefined);
    return info && { ino: info.ino, mtimeMs: info.mtimeMs };
  }
  try {
    const info = await handle.stat();
    const owner = parseContent(await handle.readFile('utf8').catch(() => ''));
    return { ino: info.ino, mtimeMs: info.mtimeMs, ...(owner && { owner }) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Runs `fn` holding the lock `lockFile`, and removes the lock afterwards (only if it is
 * still ours). Waits with jittered backoff while another live writer holds it.
 */
export async function withLock<T>(
  lockFile: string,
  fn: (lock: HeldLock) => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const staleMs = options.staleMs ?? 30_000;
  const brokenMs = options.brokenMs ?? BROKEN_LOCK_MS;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const isAlive = options.isAlive ?? defaultIsAlive;
  const host = options.hostname ?? osHostname();
  const content: LockContent = {
    pid: options.pid ?? process.pid,
    host,
    token: randomBytes(12).toString('hex'),
    since: new Date(now()).toISOString(),
  };
  const deadline = now() + timeoutMs;
  let wait = 5;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx', 0o644);
      try {
        await handle.writeFile(JSON.stringify(content) + '\n');
      } finally {
        await handle.close();
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new LockError(
          `${lockFile}: cannot create the registry lock: ${(err as Error).message}`,
        );
      }
    }
    const state = await inspect(lockFile);
    if (!state) continue; // released between our attempt and the look
    const { owner } = state;
    const age = now() - state.mtimeMs;
    const dead =
      owner !== undefined &&
      owner.host === host &&
      owner.pid !== content.pid &&
      !isAlive(owner.pid);
    const ownerless = owner === undefined && age > brokenMs;
    if (dead || ownerless || age > staleMs) {
      // Retry at once, unless another writer is breaking it: then wait like for a holder.
      if (await breakStale(lockFile, state, content.token, brokenMs, now)) continue;
    }
    if (now() >= deadline) throw timedOut(lockFile, owner, timeoutMs, staleMs);
    await sleep(wait + Math.floor(Math.random() * wait));
    wait = Math.min(wait * 2, 200);
  }

  const held: HeldLock = {
    file: lockFile,
    async assertHeld() {
      const current = await readContent(lockFile);
      if (current?.token !== content.token) {
        throw new LockError(
          `${lockFile}: lost the registry lock to another writer (this one was judged stale); nothing was written`,
        );
      }
    },
  };
  try {
    return await fn(held);
  } finally {
    const current = await readContent(lockFile);
    if (current?.token === content.token) await unlink(lockFile).catch(() => undefined);
  }
}

function timedOut(
  lockFile: string,
  owner: LockContent | undefined,
  timeoutMs: number,
  staleMs: number,
): LockError {
  const who = owner ? `pid ${owner.pid} on ${owner.host} since ${owner.since}` : 'another writer';
  return new LockError(
    `${lockFile}: the registry is locked by ${who}; waited ${Math.round(timeoutMs / 1000)} s. ` +
      `If no embedding-gate is running, the lock is stale and is broken after ${Math.round(staleMs / 1000)} s`,
  );
}

/** Whether two looks at the lock saw the same file: inode, age and owner together. */
function sameLock(a: LockState | undefined, b: LockState): boolean {
  return (
    a !== undefined &&
    a.ino === b.ino &&
    a.mtimeMs === b.mtimeMs &&
    a.owner?.token === b.owner?.token
  );
}

/**
 * Removes the stale lock judged as `judged`; false when another writer is breaking it. Breakers take turns through a second lock file
 * (`<lock>.break`, O_EXCL), and under it look again: only the very file judged stale is
 * removed. While it exists no fresh lock can be created (O_EXCL), so nothing can slip in
 * between that look and the removal. The file renamed away is checked once more by inode,
 * age and owner (the inode alone is not enough: the file system hands a removed lock's
 * inode to the next fresh one at once) and put back if it is not the one judged.
 * A `.break` file older than `brokenMs` is a breaker that died mid-way, and is removed.
 */
async function breakStale(
  lockFile: string,
  judged: LockState,
  token: string,
  brokenMs: number,
  now: () => number,
): Promise<boolean> {
  const breaker = lockFile + '.break';
  try {
    await (await open(breaker, 'wx', 0o644)).close();
  } catch {
    const info = await stat(breaker).catch(() => undefined);
    if (info && now() - info.mtimeMs > brokenMs) await unlink(breaker).catch(() => undefined);
    return false; // another writer is breaking it; look again after a wait
  }
  try {
    if (!sameLock(await inspect(lockFile), judged)) return true; // released or already broken
    const aside = `${lockFile}.stale-${token}`;
    try {
      await rename(lockFile, aside);
    } catch {
      return true;
    }
    if (!sameLock(await inspect(aside), judged)) await link(aside, lockFile).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    return true;
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}
