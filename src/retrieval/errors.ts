/**
 * Typed errors of the benchmark modules. Callers (cli/, action/) turn them into a
 * one-line message or a configuration finding; none of them should reach a user as a stack.
 */

/** A qrels or run file line that cannot be read. The message is `file:line: reason`. */
export class BenchParseError extends Error {
  override readonly name = 'BenchParseError';

  constructor(
    /** Path as the caller named the file. */
    readonly file: string,
    /** 1-based line number. */
    readonly line: number,
    /** What was expected and what was found, without the location. */
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

/** A metric or measure name that is not one of the supported forms. */
export class UnknownMetricError extends Error {
  override readonly name = 'UnknownMetricError';

  constructor(
    readonly metric: string,
    /** The forms that would have been accepted, for the message and for callers. */
    readonly validForms: readonly string[],
    detail?: string,
  ) {
    super(
      `unknown metric ${JSON.stringify(metric)}${detail ? ` (${detail})` : ''}; valid forms: ${validForms.join(', ')}`,
    );
  }
}

/** An in-memory run that trec_eval would reject (duplicate document, non-numeric score). */
export class InvalidRunError extends Error {
  override readonly name = 'InvalidRunError';

  constructor(
    readonly qid: string,
    readonly docid: string,
    readonly reason: string,
  ) {
    super(`query ${JSON.stringify(qid)}, document ${JSON.stringify(docid)}: ${reason}`);
  }
}

/** Evaluation that cannot produce a number: no query is in both the qrels and the run. */
export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';
}
