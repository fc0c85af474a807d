import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { writeLinesAtomic } from '../../fsutil/atomic-write.js';
import { confineDeps } from '../../gate/default-deps.js';
import { mergeKnnPartials } from '../../gate/partial-knn.js';
import {
  parsePartial,
  type AnyPartial,
  type GatePartial,
  type KnnPartial,
  type ValidatePartial,
} from '../../gate/partial.js';
import { runValidateMerge } from '../../gate/partial-validate.js';
import { validatePlanOf } from './validate.js';
import { trecRunLines } from '../../retrieval/knn.js';
import { UsageError } from '../context.js';
import type { GateDeps } from '../../gate/plan.js';
import type { FailOn } from '../../gate/report-model.js';
import { mergeLine, runMerge } from '../../gate/shard.js';
import { readmeUrlFromEnv } from '../../github/readme-url.js';
import { EXIT, type CliIO } from '../context.js';
import { requireDirectory, requireInputFile } from '../files.js';
import { allowRemoteOption, collect, failOnOption } from '../options.js';
import {
  emitReport,
  parseOutputs,
  requireOutputDirectory,
  requireOutputFile,
  requireOutputTargets,
} from '../output.js';

const EXAMPLES = `
Examples:
  # three shards (each on its own machine), then one merge
  $ embedding-gate check --candidate m.yaml --baseline prod.yaml --shard 1/3 --partial p1.json
  $ embedding-gate check --candidate m.yaml --baseline prod.yaml --shard 2/3 --partial p2.json
  $ embedding-gate check --candidate m.yaml --baseline prod.yaml --shard 3/3 --partial p3.json
  $ embedding-gate merge p1.json p2.json p3.json --format markdown=summary.md --format json=report.json

The report equals the one "check" gives on one machine. A missing or repeated shard, or
partials of different plans (options, files), are refused.

Exit codes: 0 pass, 1 blocked, 2 could not judge (usage, unreadable configuration or partials).`;

interface MergeOptions {
  format?: string[];
  output?: string;
  failOn: FailOn;
  workspace?: string;
  writeRun?: string;
  sarifIncludeInfo?: boolean;
  allowRemote?: boolean;
}

/** `embedding-gate merge`: the report of a sharded `check`, from its partial results. */
export function mergeCommand(io: CliIO, deps: GateDeps, setExit: (code: number) => void): Command {
  return new Command('merge')
    .description('merge the partial results of "check --shard i/n" into the single-machine report')
    .argument('<partials...>', 'partial result files, one per shard, in any order')
    .option(
      '--format <name[=file]>',
      'report format: text, json, markdown, sarif, junit, html; repeatable; "=file" writes it to a file',
      collect,
    )
    .option(
      '--output <file>',
      'file for the formats given without "=file" (default: standard output)',
    )
    .addOption(failOnOption())
    .option('--workspace <dir>', 'the workspace the shards ran in (default: the working directory)')
    .option(
      '--write-run <dir>',
      'write every TREC run the benchmarks evaluated into this directory',
    )
    .option(
      '--sarif-include-info',
      'also put info findings in SARIF, as "check --sarif-include-info" does',
    )
    .addOption(allowRemoteOption())
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', EXAMPLES)
    .action(async (files: string[], opts: MergeOptions) => {
      const targets = parseOutputs(opts.format ?? ['text'], opts.output);
      await requireOutputTargets(targets, io.cwd);
      const writeRuns = opts.writeRun === undefined ? undefined : resolve(io.cwd, opts.writeRun);
      if (writeRuns) await requireOutputDirectory(writeRuns, '--write-run');
      const workspace = await requireDirectory(
        io.cwd,
        opts.workspace ?? '.',
        '--workspace',
        'the directory every file of the run lies in',
      );
      const all: { file: string; partial: AnyPartial }[] = [];
      for (const file of files) {
        const path = await requireInputFile(io.cwd, file, 'merge', 'a partial result file');
        all.push({ file, partial: parsePartial(file, await readFile(path, 'utf8')) });
      }
      const other = all.find((p) => p.partial.command !== all[0]!.partial.command);
      if (other)
        throw new UsageError(
          `${other.file} is a partial of "${other.partial.command}" but ${all[0]!.file} is one of "${all[0]!.partial.command}"; merge each run's partials apart`,
        );
      const knn = all.filter(
        (p): p is { file: string; partial: KnnPartial } => p.partial.command === 'knn',
      );
      if (knn.length > 0) {
        await writeKnnRun(knn, all, opts, io);
        setExit(EXIT.pass);
        return;
      }
      const validate = all.filter(
        (p): p is { file: string; partial: ValidatePartial } => p.partial.command === 'validate',
      );
      if (validate.length > 0) {
        const described = validate[0]!.partial.plan.request;
        const report = await runValidateMerge(
          validate,
          await validatePlanOf(described, io.cwd, opts.failOn, opts.allowRemote === true),
          deps,
        );
        await emitReport(report, targets, io);
        setExit(report.verdict === 'pass' ? EXIT.pass : EXIT.blocked);
        return;
      }
      const partials = all as { file: string; partial: GatePartial }[];
      const outcome = await runMerge(
        partials,
        {
          workspace,
          failOn: opts.failOn,
          keepRuns: writeRuns !== undefined,
          allowRemote: opts.allowRemote === true,
        },
        confineDeps(deps, workspace, { allowRemote: opts.allowRemote === true }),
      );
      const { report, runs } = outcome;
      io.stderr(`embedding-gate: ${mergeLine(partials.length, outcome)}\n`);
      if (writeRuns) {
        for (const run of runs)
          await writeLinesAtomic(join(writeRuns, `${run.suite}.${run.label}.run`), run.lines());
      }
      // The options check renders with, so every format is the single run's byte for byte.
      await emitReport(report, targets, io, {
        includeInfo: opts.sarifIncludeInfo === true,
        readmeUrl: readmeUrlFromEnv(io.env),
        workspace,
      });
      setExit(report.verdict === 'pass' ? EXIT.pass : EXIT.blocked);
    });
}

/** The partials of `knn --shard`: one TREC run, written to `--output`. */
async function writeKnnRun(
  knn: { file: string; partial: KnnPartial }[],
  all: readonly { file: string; partial: AnyPartial }[],
  opts: MergeOptions,
  io: CliIO,
): Promise<void> {
  const check = all.find((p) => p.partial.command !== 'knn');
  if (check)
    throw new UsageError(
      `${check.file} is a partial of "check" but ${knn[0]!.file} is one of "knn"; merge each run's partials apart`,
    );
  if (opts.output === undefined || opts.format !== undefined)
    throw new UsageError(
      'the partials are of "knn": give the run file with --output <file> (and no --format)',
    );
  const output = await requireOutputFile(io.cwd, opts.output, '--output');
  const { result, tag } = mergeKnnPartials(knn);
  await writeLinesAtomic(output, trecRunLines(result, tag));
  io.stderr(
    `embedding-gate: merged ${knn.length} shards: ${result.queryIds.length} queries × ${result.k} neighbours ` +
      `(${result.metric}, ${result.stats.corpusRows} corpus rows) to ${opts.output}\n`,
  );
}
