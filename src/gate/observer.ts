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

/**
 * How far a step's work has come: `done` of `total` (when known) `unit`s — rows read, corpus
 * rows scored by the kNN, models run. `what` names the part of the step being counted (the
 * vectors file's side, a suite's run), and a new `what` starts a new count.
 */
export interface StepProgress {
  readonly done: number;
  readonly total?: number;
  readonly unit: string;
  readonly what?: string;
}

/** Receives the engine's steps. Must not throw: it is told, never asked. */
export interface GateObserver {
  stepStarted(step: GateStepName, facts?: StepFacts): void;
  stepFinished(step: GateStepName, facts?: StepFacts): void;
  /**
   * Work done inside a step, told as often as the work advances (every batch, every kNN
   * block, every model): the observer decides how often to show it.
   */
  progress?(step: GateStepName, progress: StepProgress): void;
}

/** A callback telling `observer` the progress of `step` (nothing without an observer). */
export function progressOf(
  observer: GateObserver | undefined,
  step: GateStepName,
  unit: string,
  what?: string,
): ((done: number, total?: number) => void) | undefined {
  const tell = observer?.progress?.bind(observer);
  if (!tell) return undefined;
  return (done, total) =>
    tell(step, { done, unit, ...(total !== undefined && { total }), ...(what && { what }) });
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
