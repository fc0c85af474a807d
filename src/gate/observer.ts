/**
 * What the engine tells whoever runs it about its progress: each step as it starts and
 * ends, with the facts worth a debug line (files, rows, bytes, counts). The engine only
 * calls; the edges decide what to show (the Action: a log group and `core.debug` per step;
 * the CLI: a progress line on a terminal) and measure time themselves.
 */

/** The engine's steps, in the order they run. */
export type GateStepName =
  'plan' | 'scan' | 'consumers' | 'benchmarks' | 'staging' | 'baseline' | 'versioning' | 'judge';

/** Facts about a step, as flat name → value pairs (values printable as they are). */
export type StepFacts = Readonly<Record<string, string | number | boolean | undefined>>;

/** Receives the engine's steps. Must not throw: it is told, never asked. */
export interface GateObserver {
  stepStarted(step: GateStepName, facts?: StepFacts): void;
  stepFinished(step: GateStepName, facts?: StepFacts): void;
}

/** Runs `body` as step `step`, telling `observer` (when there is one) before and after. */
export async function observeStep<T>(
  observer: GateObserver | undefined,
  step: GateStepName,
  body: () => Promise<T> | T,
  facts?: (result: T) => StepFacts,
  before?: StepFacts,
): Promise<T> {
  observer?.stepStarted(step, before);
  let result: T;
  try {
    result = await body();
  } catch (err) {
    // A step that stops the run (a configuration error) still ends: its log group closes.
    observer?.stepFinished(step, { failed: true });
    throw err;
  }
  observer?.stepFinished(step, facts?.(result));
  return result;
}
