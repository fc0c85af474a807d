/**
 * One progress line on stderr while a command works, rewritten in place (`\r`, erase line):
 * the step, how far its work has come (rows read, corpus rows scored by the kNN, models run)
 * with the rate and, when the total is known, the time left, and the time since the start.
 *
 * Quiet by design: only on a terminal, never with --quiet or when a machine format (json,
 * sarif, junit, markdown, html) goes to standard output, so a log file or a pipe gets
 * nothing; and only once a step has run ~2 s, so a quick run prints nothing at all. Drawn at
 * most 5 times a second, and erased before the report prints. The terminal decision and the
 * clock are passed in (CliIO.stderrIsTTY, CliIO.elapsedMs), so tests pin both.
 */
import { seconds } from '../config/numbers.js';
import { progressText } from '../report/describe.js';
import type { GateObserver, GateStepName, StepProgress } from '../gate/observer.js';
import type { FormatName } from '../report/index.js';

/** Whether to draw the line at all. */
export function showProgress(o: {
  readonly stderrIsTTY: boolean | undefined;
  readonly quiet: boolean;
  /** The formats written to standard output (targets without a file). */
  readonly toStdout: readonly FormatName[];
}): boolean {
  return o.stderrIsTTY === true && !o.quiet && o.toStdout.every((f) => f === 'text');
}

/** When and how often the line is drawn. */
export interface ProgressTiming {
  /** A step is shown once it has run this long (default 2,000 ms). */
  readonly delayMs?: number;
  /** The line is redrawn at most this often (default 200 ms: 5 times a second). */
  readonly intervalMs?: number;
}

/** The line, driven by whoever does the work: a step begins, its counter advances, time passes. */
export interface ProgressDisplay {
  /** A new step: its label ("reading the vectors"); erases a line still showing the last one. */
  begin(label: string): void;
  /** The step's counter; a new `what` starts a new count (and rate). */
  update(progress: StepProgress): void;
  /** Time passed: redraw when due (the edge calls this from a timer, so the clock moves). */
  tick(): void;
  /** Erases the line, before anything else is printed. */
  end(): void;
}

/** The line on `write`, timed by `elapsedMs` (a monotonic clock in ms). */
export function progressDisplay(
  write: (text: string) => void,
  elapsedMs: () => number,
  timing: ProgressTiming = {},
): ProgressDisplay {
  const delay = timing.delayMs ?? 2000;
  const interval = timing.intervalMs ?? 200;
  const start = elapsedMs();
  let label = '';
  let stepStart = start;
  // The current count: since when it runs (the step's start, or the end of the count before
  // it), and when it last advanced; the rate is measured between the two, not up to now.
  let counter: { progress: StepProgress; since: number; at: number } | undefined;
  let drawn = false;
  let lastDraw = -Infinity;
  const erase = () => {
    if (drawn) write('\r\x1b[2K');
    drawn = false;
  };
  const draw = (now: number) => {
    if (!label || now - stepStart < delay || now - lastDraw < interval) return;
    const what = counter?.progress.what ? ` (${counter.progress.what})` : '';
    const body = counter ? `: ${progressText(counter.progress, counter.at - counter.since)}` : '…';
    write(`\r\x1b[2Kembedding-gate: ${label}${what}${body} · ${seconds(now - start)} s`);
    drawn = true;
    lastDraw = now;
  };
  return {
    begin(next) {
      erase();
      label = next;
      stepStart = elapsedMs();
      counter = undefined;
    },
    update(progress) {
      const now = elapsedMs();
      const restarts =
        !counter ||
        counter.progress.what !== progress.what ||
        progress.done < counter.progress.done;
      counter = restarts
        ? { progress, since: counter ? counter.at : stepStart, at: now }
        : { ...counter!, progress, at: now };
      draw(now);
    },
    tick: () => draw(elapsedMs()),
    end: erase,
  };
}

const LABEL: Readonly<Record<GateStepName, string>> = {
  plan: 'reading the manifests, contracts and suites',
  scan: 'reading the vectors',
  consumers: 'checking the consumer contracts',
  benchmarks: 'running the benchmark suites',
  staging: "running the consumers' models",
  baseline: 'comparing with the baseline',
  versioning: 'versioning, registry and compatibility',
  judge: 'judging',
};

/** The engine's observer drawing {@link progressDisplay}, with `tick()` and `end()`. */
export function progressLine(
  write: (text: string) => void,
  elapsedMs: () => number,
  timing: ProgressTiming = {},
): GateObserver & Pick<ProgressDisplay, 'tick' | 'end'> {
  const display = progressDisplay(write, elapsedMs, timing);
  return {
    stepStarted: (step) => display.begin(LABEL[step]),
    stepFinished: () => display.tick(),
    progress: (_step, p) => display.update(p),
    tick: () => display.tick(),
    end: () => display.end(),
  };
}

/**
 * Runs `body` with a progress line when `show` (see {@link showProgress}): a timer ticks it 5
 * times a second (unref'd, so it never keeps the process alive), and the line is erased
 * however `body` ends, before anything else is printed.
 */
export async function withProgress<T, L extends { tick(): void; end(): void }>(
  line: L | undefined,
  body: (line: L | undefined) => Promise<T>,
): Promise<T> {
  if (!line) return body(undefined);
  const timer = setInterval(() => line.tick(), 200);
  timer.unref();
  try {
    return await body(line);
  } finally {
    clearInterval(timer);
    line.end();
  }
}
