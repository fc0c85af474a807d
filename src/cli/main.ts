/**
 * The CLI: argument parsing → the engine → formatters → exit code. `main()` never exits
 * the process and never throws, so scenario tests run it in process.
 */
import { Command, CommanderError } from 'commander';
import {
  BenchParseError,
  EvaluationError,
  InvalidRunError,
  UnknownMetricError,
} from '../retrieval/errors.js';
import { KnnInputError } from '../retrieval/knn-input.js';
import { RuntimeUnavailableError } from '../onnx/runtime-error.js';
import { ConfigError } from '../config/document.js';
import { VectorFileError } from '../vectors/types.js';
import type { GateDeps } from '../gate/plan.js';
import { VERSION } from '../version.js';
import { checkCommand } from './commands/check.js';
import { evalCommand } from './commands/eval.js';
import { initCommand } from './commands/init.js';
import { knnCommand } from './commands/knn.js';
import { mergeCommand } from './commands/merge.js';
import { validateCommand } from './commands/validate.js';
import { cardCommand } from './commands/card.js';
import { deprecateCommand } from './commands/deprecate.js';
import { promoteCommand } from './commands/promote.js';
import { rollbackCommand } from './commands/rollback.js';
import { EXIT, UsageError, type CliIO } from './context.js';
import { collect } from './options.js';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIO, deps: GateDeps): Promise<number> {
  let exitCode: number = EXIT.pass;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command('embedding-gate')
    .description('Decide whether a new embedding version may be promoted to production.')
    .version(VERSION, '-V, --version')
    // Program options only before the command, so `promote --version 1.2.0` means the version to promote.
    .enablePositionalOptions()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  for (const cmd of [
    checkCommand(io, deps, setExit),
    validateCommand(io, deps, setExit),
    mergeCommand(io, deps, setExit),
    initCommand(io, deps, setExit),
    promoteCommand(io, deps, setExit),
    rollbackCommand(io, deps, setExit),
    deprecateCommand(io, deps, setExit),
    cardCommand(io, setExit),
    knnCommand(io, setExit),
    evalCommand(io, setExit),
  ]) {
    program.addCommand(
      cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }),
    );
  }

  const debug = argv.includes('--debug');
  try {
    refuseRepeatedOptions(program, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    return reportError(err, io, debug);
  }
}

/** Errors that describe bad input, not a bug: their message is the whole story (exit 2). */
const USER_ERRORS: readonly (abstract new (...args: never[]) => Error)[] = [
  ConfigError,
  UsageError,
  VectorFileError,
  KnnInputError,
  RuntimeUnavailableError,
  BenchParseError,
  UnknownMetricError,
  InvalidRunError,
  EvaluationError,
];

function reportError(err: unknown, io: CliIO, debug: boolean): number {
  if (err instanceof CommanderError) {
    // Commander has printed its message already; help and version exit 0.
    return err.exitCode === 0 ? EXIT.pass : EXIT.unusable;
  }
  if (USER_ERRORS.some((kind) => err instanceof kind)) {
    const e = err as Error;
    io.stderr(`embedding-gate: ${e.message}\n`);
    if (debug && e.stack) io.stderr(e.stack + '\n');
    return EXIT.unusable;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  io.stderr(
    `embedding-gate: internal error: ${e.message}${debug ? '' : ' (run with --debug for details)'}\n`,
  );
  if (debug && e.stack) io.stderr(e.stack + '\n');
  return EXIT.unusable;
}

/**
 * A single-value option given twice is a usage error (exit 2): commander would keep the last
 * silently (`--waivers a.yaml --waivers b.yaml` checks only b). Repeatable options (those
 * that collect their values) and flags without a value may repeat.
 */
function refuseRepeatedOptions(program: Command, argv: readonly string[]): void {
  const end = argv.indexOf('--');
  const args = end < 0 ? argv : argv.slice(0, end);
  const command = program.commands.find((c) => c.name() === args.find((a) => !a.startsWith('-')));
  if (!command) return;
  for (const option of command.options) {
    if (!(option.required || option.optional) || option.parseArg === collect) continue;
    const flags = [option.long, option.short].filter((f): f is string => f !== undefined);
    const given = args.filter((a) => flags.some((f) => a === f || a.startsWith(`${f}=`))).length;
    if (given > 1)
      throw new UsageError(
        `${option.long ?? option.short} was given ${given} times, but takes one value (the last would silently win); give it once`,
      );
  }
}
