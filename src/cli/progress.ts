/**
 * One progress line on stderr while `check` runs, rewritten in place (`\r`, erase line):
 * the step, what it measured (rows read), and the time since the start. Shown only on a
 * terminal, and not with --quiet or when a machine format (json, sarif, junit, markdown)
 * goes to standard output: a log file or a pipe gets nothing. The terminal decision is
 * passed in (CliIO.stderrIsTTY), so tests force it without touching `process`.
 */
import { count, seconds } from '../config/numbers.js';
import type { GateObserver, GateStepName, StepFacts } from '../gate/observer.js';
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

const LABEL: Readonly<Record<GateStepName, string>> = {
  plan: 'reading the manifests, contracts and suites',
  scan: 'reading the vectors',
  consumers: 'checking the consumer contracts',
  benchmarks: 'running the benchmark suites (exact kNN)',
  staging: "running the consumers' models",
  baseline: 'comparing with the baseline',
  versioning: 'versioning, registry and compatibility',
  judge: 'judging',
};

/** What a finished step measured, in words for the line ("2,040 rows"). */
function measured(step: GateStepName, facts: StepFacts | undefined): string {
  if (step === 'scan' && typeof facts?.['candidate.rows'] === 'number')
    return `${count(facts['candidate.rows'])} rows read`;
  if (step === 'benchmarks' && typeof facts?.rows === 'number' && facts.rows > 0)
    return `${facts.rows} comparisons`;
  return '';
}

/** The progress line as an observer, plus `end()` to erase it before the report prints. */
export function progressLine(
  write: (text: string) => void,
  elapsedMs: () => number,
): GateObserver & { end(): void } {
  const start = elapsedMs();
  let drawn = false;
  const draw = (text: string) => {
    write(`\r\x1b[2Kembedding-gate: ${text} · ${seconds(elapsedMs() - start)} s`);
    drawn = true;
  };
  return {
    stepStarted(step) {
      draw(`${LABEL[step]}…`);
    },
    stepFinished(step, facts) {
      const what = measured(step, facts);
      if (what) draw(`${LABEL[step]}: ${what}`);
    },
    end() {
      if (drawn) write('\r\x1b[2K');
      drawn = false;
    },
  };
}
