/**
 * The CLI's view of the outside world, passed in so scenario tests can run `main()` in
 * process with captured output.
 */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Is stderr a terminal? (process.stderr.isTTY at the entry; tests set it.) Progress is drawn only there. */
  readonly stderrIsTTY?: boolean;
  /** A monotonic clock in milliseconds, for the progress line; performance.now when absent. */
  readonly elapsedMs?: () => number;
}

/** Exit codes, documented in the README. */
export const EXIT = {
  /** The gate ran and nothing blocks. */
  pass: 0,
  /** The gate ran and blocks promotion. */
  blocked: 1,
  /** The gate could not judge: bad arguments, unreadable configuration, internal error. */
  unusable: 2,
} as const;

/** A usage error found after parsing (e.g. conflicting outputs): exit 2 with this message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
