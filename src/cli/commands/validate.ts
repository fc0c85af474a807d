import { Command } from 'commander';
import { runValidate } from '../../gate/validate.js';
import type { GateDeps } from '../../gate/plan.js';
import type { Normalization } from '../../config/manifest.js';
import type { FailOn } from '../../gate/report-model.js';
import { VECTOR_FORMATS, type VectorDType, type VectorFormat } from '../../vectors/types.js';
import { EXIT, UsageError, type CliIO } from '../context.js';
import {
  collect,
  dtypeOption,
  failOnOption,
  positiveInt,
  positiveNumber,
  vectorsFileOptions,
} from '../options.js';
import { optionalInputFile, requireInputFile } from '../files.js';
import { emitReport, parseOutputs, requireOutputTargets } from '../output.js';
import { Option } from 'commander';

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
      .option('--debug', 'print stack traces of internal errors')
      .addHelpText('after', EXAMPLES)
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
        await requireInputFile(io.cwd, file, 'validate', 'a vectors file');
        const idsPath = await optionalInputFile(
          io.cwd,
          opts.ids,
          '--ids',
          'a text file of ids, one per line',
        );
        const report = await runValidate(
          {
            file,
            open: {
              format: opts.vectorsFormat,
              vectorColumn: opts.vectorColumn,
              idColumn: opts.idColumn,
              idsPath,
              dims: opts.dims,
            },
            dims: opts.dims,
            dtype: opts.dtype,
            normalization: opts.normalization,
            normTolerance: opts.normTolerance,
            failOn: opts.failOn,
            cwd: io.cwd,
          },
          deps,
        );
        await emitReport(report, targets, io);
        setExit(report.verdict === 'pass' ? EXIT.pass : EXIT.blocked);
      })
  );
}
