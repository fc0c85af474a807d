import { join, resolve } from 'node:path';
import { writeLinesAtomic } from '../../fsutil/atomic-write.js';
import { Command, InvalidArgumentError } from 'commander';
import { confineDeps } from '../../gate/default-deps.js';
import type { GateDeps, GatePlan } from '../../gate/plan.js';
import { writeShard } from './shard-output.js';
import { runGate } from '../../gate/run.js';
import type { FailOn } from '../../gate/report-model.js';
import { readmeUrlFromEnv } from '../../github/readme-url.js';
import { EXIT, type CliIO } from '../context.js';
import { progressLine, showProgress, withProgress } from '../progress.js';
import {
  collect,
  allowRemoteOption,
  configLimitOption,
  configLimitsOf,
  failOnOption,
  positiveInt,
  shardOptions,
} from '../options.js';
import { requireDirectory, requireLocalPath } from '../files.js';
import {
  emitReport,
  parseOutputs,
  requireOutputDirectory,
  requireOutputTargets,
} from '../output.js';

const EXAMPLES = `
Examples:
  # gate a candidate against production and every consumer contract
  $ embedding-gate check --candidate releases/v2/manifest.yaml \\
      --baseline releases/v1/manifest.yaml --contracts contracts/

  # JSON for a machine, text for the terminal; block on warnings too
  $ embedding-gate check --candidate m.yaml --contracts 'contracts/*.yaml' \\
      --format text --format json=report.json --fail-on warning

  # with the registry: immutability of released versions, released hashes, sunsets
  $ embedding-gate check --candidate releases/v2/manifest.yaml \\
      --baseline releases/v1/manifest.yaml --contracts contracts/ --registry registry.yaml

  # against whatever the registry's production channel serves
  $ embedding-gate check --candidate releases/v2/manifest.yaml --contracts contracts/ \\
      --registry registry.yaml --baseline-channel production

Exit codes: 0 pass, 1 blocked, 2 could not judge (usage, unreadable configuration).`;

const MIB = 1024 * 1024;

interface CheckOptions {
  candidate: string;
  baseline?: string;
  baselineChannel?: string;
  contracts?: string[];
  format?: string[];
  output?: string;
  failOn: FailOn;
  workspace?: string;
  waivers?: string;
  registry?: string;
  suites?: string[];
  writeRun?: string;
  maxModelMb?: number;
  maxDataMb?: number;
  maxConfigKb?: number;
  maxAliases?: number;
  allowRemote?: boolean;
  sampleSize?: number;
  seed?: number;
  sarifIncludeInfo?: boolean;
  quiet?: boolean;
  shard?: string;
  partial?: string;
}

/** A seed: a whole number from 0 to 2³² − 1. */
function nonNegativeInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n > 0xffffffff)
      throw new InvalidArgumentError(
        `${name} must be a whole number from 0 to 4294967295, found "${value}"`,
      );
    return n;
  };
}

/** `embedding-gate check`: the whole gate for one candidate manifest. */
export function checkCommand(io: CliIO, deps: GateDeps, setExit: (code: number) => void): Command {
  const command = new Command('check')
    .description(
      'gate a candidate embedding version: manifest, vectors, consumer contracts, baseline',
    )
    .requiredOption('--candidate <manifest>', 'manifest of the candidate version (YAML or JSON)')
    .option('--baseline <manifest>', 'manifest of the version in production, to compare with')
    .option(
      '--baseline-channel <name>',
      'with --registry: compare with the version this channel serves (e.g. production) instead of --baseline',
    )
    .option('--contracts <dir|file|glob>', 'consumer contracts; repeatable', collect)
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
    .option('--quiet', 'no progress line on a terminal')
    .option(
      '--sarif-include-info',
      'also put info findings (notes such as "model revision changed") in SARIF; left out by default so they do not become code-scanning alerts on every release',
    )
    .option(
      '--registry <file>',
      'registry (contracts/registry.schema.json): released versions are immutable, released files unchanged, no consumer left past a sunset',
    )
    .option(
      '--sample-size <n>',
      'shared ids sampled to compare the candidate and baseline spaces (default 2000, at most 5000)',
      positiveInt('--sample-size', 5000),
    )
    .option(
      '--seed <n>',
      'seed of every random draw: the compatibility sample and the regression statistics (defaults are fixed, so runs repeat)',
      nonNegativeInt('--seed'),
    )
    .option(
      '--suites <file|glob>',
      'benchmark suites besides those the candidate manifest lists; repeatable',
      collect,
    )
    .option(
      '--write-run <dir>',
      'write every TREC run the benchmarks evaluated into this directory',
    )
    .option(
      '--max-model-mb <n>',
      'largest ONNX model staging validation reads (default 512)',
      positiveInt('--max-model-mb', 1 << 20),
    )
    .option(
      '--max-data-mb <n>',
      'largest labels file or probe set staging validation reads (default 256)',
      positiveInt('--max-data-mb', 1 << 20),
    )
    .option(
      '--waivers <file>',
      'waivers file (contracts/waivers.schema.json): accepted findings, each until its expiry date',
    )
    .option(
      '--workspace <dir>',
      'every file the gate reads must lie inside this directory, by its real path (default: the working directory)',
    )
    .addOption(configLimitOption('size'))
    .addOption(configLimitOption('aliases'))
    .addOption(allowRemoteOption())
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', EXAMPLES);
  return shardOptions(command).action(async (opts: CheckOptions) => {
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
    // Missing files and directories are the loaders' to report ("cannot read: no such file").
    requireLocalPath(opts.candidate, '--candidate');
    if (opts.baseline !== undefined) requireLocalPath(opts.baseline, '--baseline');
    if (opts.waivers !== undefined) requireLocalPath(opts.waivers, '--waivers');
    if (opts.registry !== undefined) requireLocalPath(opts.registry, '--registry');
    for (const c of opts.contracts ?? []) requireLocalPath(c, '--contracts');
    for (const s of opts.suites ?? []) requireLocalPath(s, '--suites');
    const allowRemote = opts.allowRemote === true;
    const request: GatePlan = {
      candidate: opts.candidate,
      baseline: opts.baseline,
      baselineChannel: opts.baselineChannel,
      contracts: opts.contracts ?? [],
      failOn: opts.failOn,
      workspace,
      allowRemote,
      cwd: io.cwd,
      waivers: opts.waivers,
      registry: opts.registry,
      compatibility: { sampleSize: opts.sampleSize, seed: opts.seed },
      staging: {
        maxModelBytes: opts.maxModelMb === undefined ? undefined : opts.maxModelMb * MIB,
        maxDataBytes: opts.maxDataMb === undefined ? undefined : opts.maxDataMb * MIB,
      },
      suites: opts.suites,
      seed: opts.seed,
      configLimits: configLimitsOf(opts),
      keepRuns: writeRuns !== undefined,
    };
    const sharded = opts.shard !== undefined || opts.partial !== undefined;
    const progress = showProgress({
      stderrIsTTY: io.stderrIsTTY,
      quiet: opts.quiet === true,
      // A shard writes its partial to a file, never to stdout.
      toStdout: sharded ? [] : targets.filter((t) => !t.file).map((t) => t.format),
    })
      ? progressLine(io.stderr, io.elapsedMs ?? (() => performance.now()))
      : undefined;
    const confined = confineDeps(deps, workspace, { allowRemote });
    // Runs the engine with the progress line's observer; the line is erased however the run
    // ends, before anything else is printed.
    const observed = <T>(run: (d: GateDeps) => Promise<T>): Promise<T> =>
      withProgress(progress, (observer) => run(observer ? { ...confined, observer } : confined));
    if (sharded) {
      await writeShard(request, opts, io, observed);
      setExit(EXIT.pass);
      return;
    }
    const { report, runs } = await observed((d) => runGate(request, d));
    if (writeRuns) {
      for (const run of runs)
        await writeLinesAtomic(join(writeRuns, `${run.suite}.${run.label}.run`), run.lines());
    }
    await emitReport(report, targets, io, {
      includeInfo: opts.sarifIncludeInfo === true,
      readmeUrl: readmeUrlFromEnv(io.env),
      workspace,
    });
    setExit(report.verdict === 'pass' ? EXIT.pass : EXIT.blocked);
  });
}
