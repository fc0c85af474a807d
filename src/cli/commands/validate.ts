import { redactUrl } from '../../config/paths.js';
import { Command } from 'commander';
import { runValidate, type ValidatePlan } from '../../gate/validate.js';
import { writeFileAtomic } from '../../fsutil/atomic-write.js';
import { runValidateShard } from '../../gate/partial-validate.js';
import { serialisePartial, type ValidateDescription } from '../../gate/partial.js';
import { parseShard } from '../../gate/shard.js';
import type { GateDeps } from '../../gate/plan.js';
import type { Normalization } from '../../config/manifest.js';
import type { FailOn } from '../../gate/report-model.js';
import { VECTOR_FORMATS, type VectorDType, type VectorFormat } from '../../vectors/types.js';
import { EXIT, UsageError, type CliIO } from '../context.js';
import {
  allowRemoteOption,
  collect,
  dtypeOption,
  failOnOption,
  positiveInt,
  positiveNumber,
  vectorsFileOptions,
} from '../options.js';
import { isRemoteInput, optionalInputFile, requireVectorsInput } from '../files.js';
import { confineDeps } from '../../gate/default-deps.js';
import { emitReport, parseOutputs, requireOutputFile, requireOutputTargets } from '../output.js';
import { Option } from 'commander';
import { progressLine, showProgress, withProgress } from '../progress.js';

const EXAMPLES = `
Examples:
  $ embedding-gate validate vectors.arrow --dims 768 --dtype float32 --normalization l2
  $ embedding-gate validate emb.npy --ids ids.txt --format json=check.json
  $ embedding-gate validate codes.bin --vectors-format binary --dims 256

Exit codes: 0 pass, 1 blocked, 2 could not judge.`;

interface ValidateOptions {
  dims?: number;
  dtype?: VectorDType;
  normalization?: Normalization;
  normTolerance?: number;
  ids?: string;
  idColumn?: string;
  vectorColumn?: string;
  vectorsFormat?: VectorFormat;
  format?: string[];
  reportFormat?: string[];
  output?: string;
  failOn: FailOn;
  shard?: string;
  partial?: string;
  allowRemote?: boolean;
  quiet?: boolean;
}

/**
 * The plan of `validate` from its options as given (the command line, or a partial's
 * description in `merge`): the files are checked, relative to `cwd`, before any work.
 */
export async function validatePlanOf(
  described: ValidateDescription,
  cwd: string,
  failOn: FailOn,
  allowRemote = false,
): Promise<ValidatePlan> {
  await requireVectorsInput(cwd, described.file, 'validate', allowRemote);
  const idsPath = await optionalInputFile(
    cwd,
    described.ids,
    '--ids',
    'a text file of ids, one per line',
  );
  return {
    file: described.file,
    open: {
      format: described.format as VectorFormat | undefined,
      vectorColumn: described.vectorColumn,
      idColumn: described.idColumn,
      idsPath,
      dims: described.dims,
    },
    dims: described.dims,
    dtype: described.dtype as VectorDType | undefined,
    normalization: described.normalization as Normalization | undefined,
    normTolerance: described.normTolerance,
    failOn,
    cwd,
  };
}

/** `embedding-gate validate`: structural checks of one vectors file, no manifest needed. */
export function validateCommand(
  io: CliIO,
  deps: GateDeps,
  setExit: (code: number) => void,
): Command {
  return (
    vectorsFileOptions(
      new Command('validate')
        .description('check one vectors file: readable, shape, dtype, finite, norms, ids')
        .argument('<vectors>', 'vectors file (.arrow .feather .arrows .parquet .npy .jsonl .bin)')
        .option(
          '--dims <n>',
          'expected dimensions (bits for binary); required for --vectors-format binary',
          positiveInt('--dims'),
        )
        .addOption(dtypeOption('--dtype <type>', 'expected element type'))
        .addOption(
          new Option('--normalization <kind>', 'expected normalisation').choices(['l2', 'none']),
        )
        .option(
          '--norm-tolerance <x>',
          'allowed |‖v‖ − 1| for l2 (default 0.001)',
          positiveNumber('--norm-tolerance'),
        ),
    )
      .option(
        '--format <name[=file]>',
        'report format: text, json, markdown, sarif, junit, html; name=file writes to a file; repeatable',
        collect,
      )
      // The old spelling, answered with a hint instead of being taken silently.
      .addOption(new Option('--report-format <name[=file]>').hideHelp().argParser(collect))
      .option('--output <file>', 'file for report formats given without "=file"')
      .addOption(failOnOption())
      .addOption(allowRemoteOption())
      .option('--quiet', 'no progress line on a terminal')
      .option('--debug', 'print stack traces of internal errors')
      .addHelpText('after', EXAMPLES)
      .option('--shard <i/n>', "scan shard i of n (from 1): this shard's rows; needs --partial")
      .option(
        '--partial <file>',
        'write this shard\'s partial result instead of a report, for "embedding-gate merge"',
      )
      .action(async (file: string, opts: ValidateOptions) => {
        if (opts.reportFormat)
          throw new UsageError(
            `--report-format is now --format (the report format, as in every command); the vectors file's format is --vectors-format`,
          );
        const vectorsFormat = (opts.format ?? []).find((f) =>
          VECTOR_FORMATS.includes(f as VectorFormat),
        );
        if (vectorsFormat)
          throw new UsageError(
            `--format ${vectorsFormat}: --format is the report format (text, json, markdown, sarif, junit, html); for the vectors file's format write --vectors-format ${vectorsFormat}`,
          );
        const targets = parseOutputs(opts.format ?? ['text'], opts.output);
        await requireOutputTargets(targets, io.cwd, '--format');
        const described: ValidateDescription = {
          file,
          ...(opts.ids !== undefined && { ids: opts.ids }),
          ...(opts.vectorsFormat !== undefined && { format: opts.vectorsFormat }),
          ...(opts.vectorColumn !== undefined && { vectorColumn: opts.vectorColumn }),
          ...(opts.idColumn !== undefined && { idColumn: opts.idColumn }),
          ...(opts.dims !== undefined && { dims: opts.dims }),
          ...(opts.dtype !== undefined && { dtype: opts.dtype }),
          ...(opts.normalization !== undefined && { normalization: opts.normalization }),
          ...(opts.normTolerance !== undefined && { normTolerance: opts.normTolerance }),
        };
        const allowRemote = opts.allowRemote === true;
        const plan = await validatePlanOf(described, io.cwd, opts.failOn, allowRemote);
        if (opts.shard !== undefined || opts.partial !== undefined) {
          if (opts.partial === undefined)
            throw new UsageError(`--shard ${opts.shard} needs --partial <file>`);
          const shard = parseShard(opts.shard ?? '1/1');
          const out = await requireOutputFile(io.cwd, opts.partial, '--partial');
          // A partial is an artifact others read: a URL goes in without its credentials.
          const shown = isRemoteInput(file) ? { ...described, file: redactUrl(file) } : described;
          const partial = await runValidateShard(
            plan,
            shown,
            allowRemote ? confineDeps(deps, undefined, { allowRemote }) : deps,
            shard,
          );
          await writeFileAtomic(out, serialisePartial(partial));
          io.stderr(
            `shard ${shard.index}/${shard.count}: partial result written to ${opts.partial}\n`,
          );
          setExit(EXIT.pass);
          return;
        }
        const show = showProgress({
          stderrIsTTY: io.stderrIsTTY,
          quiet: opts.quiet === true,
          toStdout: targets.filter((t) => !t.file).map((t) => t.format),
        });
        const routed = allowRemote ? confineDeps(deps, undefined, { allowRemote }) : deps;
        const report = await withProgress(
          show ? progressLine(io.stderr, io.elapsedMs ?? (() => performance.now())) : undefined,
          (observer) => runValidate(plan, observer ? { ...routed, observer } : routed),
        );
        await emitReport(report, targets, io);
        setExit(report.verdict === 'pass' ? EXIT.pass : EXIT.blocked);
      })
  );
}
