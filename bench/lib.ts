/**
 * Shared helpers for `npm run bench`: timing whole commands (process start included),
 * their peak RSS, and finding a Python interpreter with the peer libraries.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface Measured {
  readonly seconds: number;
  /** Peak resident set size in MB (getrusage maxrss of the measured process). */
  readonly peakRssMB: number;
  /** CPU seconds (user + system, every thread) of the measured process; NaN when unknown. */
  readonly cpuSeconds: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node <args>` and measures wall time and the peak RSS of that node process,
 * read from getrusage at exit through a preload module.
 */
export function runNodeMeasured(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  cwd?: string,
): Measured {
  const dir = mkdtempSync(join(tmpdir(), 'eg-bench-rss-'));
  const rssFile = join(dir, 'rss');
  const cpuFile = join(dir, 'cpu');
  try {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(
      process.execPath,
      ['--import', join(ROOT, 'bench/rss-preload.mjs'), ...args],
      {
        env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile, BENCH_CPU_FILE: cpuFile },
        cwd,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      },
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    let kb = 0;
    try {
      kb = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
    } catch {
      kb = Number.NaN;
    }
    return {
      seconds,
      peakRssMB: kb / 1024,
      cpuSeconds: cpuOf(cpuFile),
      status: r.status,
      stdout: r.stdout,
      stderr: r.stderr,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CPU seconds the preload wrote, NaN when none (the process died before exit). */
function cpuOf(file: string): number {
  try {
    return Number(readFileSync(file, 'utf8').trim().split('\n').pop());
  } catch {
    return Number.NaN;
  }
}

/**
 * {@link runNodeMeasured} without blocking this process's event loop: for a bench that
 * serves the measured process itself (bench/remote.ts runs the S3 server in-process).
 */
export async function runNodeMeasuredAsync(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  cwd?: string,
): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'eg-bench-rss-'));
  const rssFile = join(dir, 'rss');
  try {
    const t0 = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      ['--import', join(ROOT, 'bench/rss-preload.mjs'), ...args],
      {
        env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile },
        cwd,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    const status = await new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    let kb = Number.NaN;
    try {
      kb = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
    } catch {
      // no RSS recorded (the process died before exit)
    }
    return { seconds, peakRssMB: kb / 1024, cpuSeconds: Number.NaN, status, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A Python interpreter that can import every module named, or undefined.
 * Looks at $EMBEDDING_GATE_PYTHON first, then `python3` on the PATH.
 */
export function findPython(modules: readonly string[]): string | undefined {
  const candidates = [process.env.EMBEDDING_GATE_PYTHON, 'python3'].filter(
    (c): c is string => typeof c === 'string' && c.length > 0,
  );
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', modules.map((m) => `import ${m}`).join('; ') || 'pass'], {
      encoding: 'utf8',
    });
    if (r.status === 0) return py;
  }
  return undefined;
}

/**
 * Runs a Python peer script. The script must print one JSON object on its last stdout
 * line; `peak_rss_mb` in it should come from resource.getrusage(RUSAGE_SELF).
 */
export function runPythonPeer(
  python: string,
  script: string,
  args: readonly string[],
): { seconds: number; result: Record<string, unknown> } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(python, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`python peer failed: ${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop() ?? '{}';
  return { seconds, result: JSON.parse(last) as Record<string, unknown> };
}

/** Formats a number with a fixed count of decimals, for bench tables. */
export function fmt(n: number, decimals = 2): string {
  return Number.isFinite(n) ? n.toFixed(decimals) : 'n/a';
}
