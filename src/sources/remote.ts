/**
 * What every remote byte source shares: which references are remote, how a URL is shown
 * (never with a credential in it), the typed errors, retries with backoff, and a bound on
 * requests in flight. HTTP and S3 (http.ts, s3.ts) build on these.
 */
import { ConfigError } from '../config/document.js';
import { redactUrl } from '../config/paths.js';

export { redactUrl } from '../config/paths.js';

/** The schemes the gate reads remotely. */
export const REMOTE_SCHEMES = ['s3', 'http', 'https'] as const;

const REMOTE = /^(s3|https?):\/\//i;

/** True when `ref` names a remote object (`s3://`, `http://`, `https://`). */
export function isRemoteRef(ref: string): boolean {
  return REMOTE.test(ref);
}

/**
 * A remote source that was asked for while remote reads are off. A ConfigError: both
 * edges answer exit 2 with the message, before any byte is fetched.
 */
export class RemoteNotAllowedError extends ConfigError {}

/** The message of {@link RemoteNotAllowedError}, one wording for every place that refuses. */
export function remoteNotAllowed(url: string): string {
  return (
    `${redactUrl(url)} is remote; remote reads are off by default so that a pull request ` +
    `cannot make CI fetch arbitrary URLs: pass --allow-remote (Action input allow-remote: true) to read it`
  );
}

/**
 * A remote object that cannot be opened or read. `code` says which: `ENOENT` (404),
 * `EACCES` (401/403), `ETIMEDOUT`, `ECHANGED` (the object changed during the read),
 * `ERANGE` (the server does not serve byte ranges), `EREMOTE` (anything else). The
 * message names the URL redacted ({@link redactUrl}) and never a credential.
 * A ConfigError, not a SourceError: the gate could not judge (exit 2) — a missing or
 * forbidden object is the runner's setup, not a finding about the vectors.
 */
export class RemoteSourceError extends ConfigError {
  constructor(
    /** The URL as shown (redacted). */
    readonly display: string,
    /** What went wrong, in words. */
    readonly detail: string,
    readonly code: string,
  ) {
    super(`${display}: ${detail}`);
  }
}

/** How remote sources behave; every field has a default. */
export interface RemoteOptions {
  /** Attempts per request (the first included) on 5xx, timeouts and dropped connections. Default 4. */
  readonly attempts?: number;
  /** Wait before the first retry, doubled each time (with jitter from `random`). Default 200 ms. */
  readonly backoffMs?: number;
  /** A request with no byte for this long is abandoned (and retried). Default 30 s. */
  readonly timeoutMs?: number;
  /** Requests in flight per source. Default 4. */
  readonly concurrency?: number;
  /** The clock's sleep, injected so tests do not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Jitter in [0, 1); Math.random when absent. */
  readonly random?: () => number;
}

/** {@link RemoteOptions} with every default filled in. */
export type ResolvedRemoteOptions = Required<RemoteOptions>;

/** Fills in the defaults of {@link RemoteOptions}. */
export function remoteDefaults(options: RemoteOptions = {}): ResolvedRemoteOptions {
  return {
    attempts: options.attempts ?? 4,
    backoffMs: options.backoffMs ?? 200,
    timeoutMs: options.timeoutMs ?? 30_000,
    concurrency: options.concurrency ?? 4,
    sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    random: options.random ?? Math.random,
  };
}

/** A failure worth another attempt (5xx, timeout, dropped connection). */
export class RetryableError extends Error {
  constructor(
    message: string,
    /** The {@link RemoteSourceError} to raise when the attempts run out. */
    readonly final: RemoteSourceError,
  ) {
    super(message);
  }
}

/**
 * Runs `attempt` until it succeeds, throws anything but a {@link RetryableError}, or has
 * been tried `options.attempts` times; waits `backoffMs · 2^k · (1 + jitter)` in between.
 * The last RetryableError's `final` is thrown, with the attempts counted in its words.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  options: ResolvedRemoteOptions,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (!(e instanceof RetryableError)) throw e;
      if (n >= options.attempts) {
        const f = e.final;
        throw new RemoteSourceError(
          f.display,
          `${f.detail} (after ${n} attempt${n === 1 ? '' : 's'})`,
          f.code,
        );
      }
      await options.sleep(options.backoffMs * 2 ** (n - 1) * (1 + options.random()));
    }
  }
}

/** At most `limit` tasks at once; the rest wait in order of arrival. */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Runs `task` once a slot is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/**
 * Copies a streamed body into `target[targetOffset, targetOffset + length)` as it arrives
 * (nothing held beyond one chunk), and returns the number of bytes copied. More bytes than
 * asked for is the server's error, not a reason to overrun the caller's buffer.
 */
export async function drainInto(
  body: AsyncIterable<Uint8Array>,
  target: Uint8Array,
  targetOffset: number,
  length: number,
  onTooLong: () => Error,
): Promise<number> {
  let got = 0;
  for await (const chunk of body) {
    if (got + chunk.length > length) throw onTooLong();
    target.set(chunk, targetOffset + got);
    got += chunk.length;
  }
  return got;
}

/** Status codes worth retrying: the server's own failures and throttling. */
export function retryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

/** A REMOTE_SCHEMES-typed scheme of `ref`, lower case. */
export function schemeOf(ref: string): (typeof REMOTE_SCHEMES)[number] | undefined {
  const m = REMOTE.exec(ref);
  return m ? (m[1]!.toLowerCase() as (typeof REMOTE_SCHEMES)[number]) : undefined;
}
