/**
 * An advisory lock file beside the registry, so concurrent writers (two CI jobs promoting
 * at once) never lose each other's updates: each takes the lock, re-reads the registry,
 * changes it and writes it (temp file + rename) before letting go.
 *
 * The lock is a file created with O_EXCL (`wx`), holding its owner's pid, host and a
 * random token. A lock is stale when its owner is a dead process on this host, or when it
 * is older than `staleMs` (an owner on another host, or a hung one). Breaking a stale lock
 * renames it away and checks, by inode, that the file renamed is the one judged stale, so
 * two processes breaking the same stale lock cannot remove a fresh one. Before committing,
 * the owner checks its token is still in the lock file ({@link HeldLock.assertHeld}).
 */
import { randomBytes } from 'node:crypto';
import { hostname as osHostname } from 'node:os';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { ConfigError } from '../config/document.js';

/** Timing and identity of a lock holder; every default can be pinned by tests. */
export interface LockOptions {
  /** A lock older than this is stale (default 30 s; a registry update takes milliseconds). */
  readonly staleMs?: number;
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

async function readContent(file: string): Promise<LockContent | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockContent>;
    return typeof parsed.token === 'string' ? (parsed as LockContent) : undefined;
  } catch {
    return undefined;
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
    const info = await stat(lockFile).catch(() => undefined);
    if (!info) continue; // released between our attempt and the stat
    const owner = await readContent(lockFile);
    const dead =
      owner !== undefined &&
      owner.host === host &&
      owner.pid !== content.pid &&
      !isAlive(owner.pid);
    if (dead || now() - info.mtimeMs > staleMs) {
      await breakStale(lockFile, info.ino, content.token);
      continue;
    }
    if (now() >= deadline) {
      const who = owner
        ? `pid ${owner.pid} on ${owner.host} since ${owner.since}`
        : 'another writer';
      throw new LockError(
        `${lockFile}: the registry is locked by ${who}; waited ${Math.round(timeoutMs / 1000)} s. ` +
          `If no embedding-gate is running, the lock is stale and is broken after ${Math.round(staleMs / 1000)} s`,
      );
    }
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

/** Removes the stale lock whose inode is `ino`, restoring it if a fresh lock was taken instead. */
async function breakStale(lockFile: string, ino: number, token: string): Promise<void> {
  const aside = `${lockFile}.stale-${token}`;
  try {
    await rename(lockFile, aside);
  } catch {
    return; // someone else broke or released it
  }
  const moved = await stat(aside).catch(() => undefined);
  if (moved && moved.ino !== ino) {
    // A live writer's fresh lock replaced the stale one before our rename: put it back.
    await link(aside, lockFile).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}
