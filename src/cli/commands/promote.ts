import { createHash } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import semver from 'semver';
import { ConfigError } from '../../config/document.js';
import { confineDeps } from '../../gate/default-deps.js';
import type { GateDeps } from '../../gate/plan.js';
import { runGate } from '../../gate/run.js';
import { FORMATTERS } from '../../report/index.js';
import {
  describeRelease,
  readReport,
  reportedManifest,
  requirePassingReport,
} from '../../release/promote.js';
import { loadRegistry, requireValid, type Registry } from '../../config/registry.js';
import {
  promote,
  RegistryRefusal,
  updateRegistry,
  type ChangeOutcome,
} from '../../release/registry-ops.js';
import { EXIT, UsageError, type CliIO } from '../context.js';
import {
  optionalInputFile,
  requireDirectory,
  requireInputFile,
  requireLocalPath,
} from '../files.js';
import { collect, configLimitOption, configLimitsOf } from '../options.js';

const EXAMPLES = `
Examples:
  # promote what a passing gate report gated
  $ embedding-gate check --candidate releases/1.1.0/manifest.yaml --baseline releases/1.0.0/manifest.yaml \\
      --contracts contracts/ --format json=gate.json
  $ embedding-gate promote --registry registry.yaml --channel production --version 1.1.0 --report gate.json

  # or let promote run the gate itself (baseline: the channel's current version)
  $ embedding-gate promote --registry registry.yaml --channel canary --version 1.1.0 \\
      --candidate releases/1.1.0/manifest.yaml --contracts contracts/

Re-running the same promote is a no-op. Exit codes: 0 promoted (or nothing to do),
1 refused (the gate did not pass, a released version's files changed, ...), 2 could not run.`;

/** Options every registry command shares. */
export interface RegistryCommandOptions {
  registry: string;
  name?: string;
  actor?: string;
  reason?: string;
  workspace?: string;
  maxConfigKb?: number;
  maxAliases?: number;
}

/** The clock as an RFC 3339 date-time without milliseconds. */
export function timestamp(deps: GateDeps): string {
  return (deps.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Who acts: --actor, else the CI's user, else the login. */
export function actorOf(opts: RegistryCommandOptions, io: CliIO): string {
  return opts.actor ?? io.env.GITHUB_ACTOR ?? io.env.USER ?? 'unknown';
}

/** The embedding a command acts on: --name, or the registry's only one. */
export function embeddingName(reg: Registry, name: string | undefined, file: string): string {
  if (name) return name;
  const names = Object.keys(reg.embeddings);
  if (names.length === 1) return names[0]!;
  throw new UsageError(
    names.length === 0
      ? `${file} holds no embeddings yet`
      : `${file} holds ${names.length} embeddings (${names.join(', ')}); choose one with --name`,
  );
}

/** Runs a registry change and maps its outcome to output and an exit code. */
export async function runChange(
  io: CliIO,
  setExit: (code: number) => void,
  change: () => Promise<ChangeOutcome>,
): Promise<void> {
  try {
    const outcome = await change();
    io.stdout(`${outcome.message}\n`);
    setExit(EXIT.pass);
  } catch (err) {
    if (!(err instanceof RegistryRefusal)) throw err;
    io.stderr(`embedding-gate: refused (${err.id}): ${err.message}\n`);
    setExit(EXIT.blocked);
  }
}

/**
 * The `--registry` file of a command that changes the registry, checked before the lock is
 * taken beside it: a URL, a directory or an unreadable file is a usage error. A missing one
 * passes: the change says "no such registry; pass --init", or creates it with --init.
 */
export async function requireRegistryFile(cwd: string, value: string): Promise<string> {
  requireLocalPath(value, '--registry');
  const path = resolve(cwd, value);
  if ((await lstat(path).catch(() => undefined)) === undefined) return path;
  return requireInputFile(cwd, value, '--registry', 'a registry (YAML or JSON)');
}

/** `--registry <file>`, mandatory for every registry command. */
export const registryOption = () =>
  new Option(
    '--registry <file>',
    'the registry (YAML or JSON, contracts/registry.schema.json)',
  ).makeOptionMandatory();

function checkChannel(channel: string): string {
  if (!/^[a-z][a-z0-9_-]{0,63}$/.test(channel)) {
    throw new UsageError(
      `--channel ${channel}: expected a lowercase name such as production, staging or canary`,
    );
  }
  return channel;
}

interface PromoteOptions extends RegistryCommandOptions {
  channel: string;
  version: string;
  report?: string;
  candidate?: string;
  baseline?: string;
  contracts?: string[];
  init?: boolean;
}

/** `embedding-gate promote`: point a channel at a version that passed the gate. */
export function promoteCommand(
  io: CliIO,
  deps: GateDeps,
  setExit: (code: number) => void,
): Command {
  return new Command('promote')
    .description(
      'point a registry channel at a version whose gate passed (registers the version if new)',
    )
    .addOption(registryOption())
    .requiredOption('--channel <name>', 'channel to promote to: production, staging, canary, ...')
    .requiredOption('--version <semver>', 'the version to promote')
    .option('--name <embedding>', "embedding name (default: the manifest's)")
    .option(
      '--report <json>',
      'JSON report of a passing check of this version (check --format json=FILE)',
    )
    .option(
      '--candidate <manifest>',
      "the version's manifest: runs the gate when no --report is given",
    )
    .option(
      '--baseline <manifest>',
      "with --candidate: the baseline (default: the channel's current version)",
    )
    .option(
      '--contracts <dir|file|glob>',
      'with --candidate: consumer contracts; repeatable',
      collect,
    )
    .option('--actor <name>', 'who promotes (default: $GITHUB_ACTOR, else $USER)')
    .option('--reason <text>', 'why, recorded in the channel history')
    .option('--init', 'create the registry if it does not exist')
    .option(
      '--workspace <dir>',
      'files must resolve inside this directory (default: the working directory)',
    )
    .addOption(configLimitOption('size'))
    .addOption(configLimitOption('aliases'))
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', EXAMPLES)
    .action(async (opts: PromoteOptions) => {
      const channel = checkChannel(opts.channel);
      if (!semver.valid(opts.version))
        throw new UsageError(
          `--version ${opts.version}: expected a semantic version such as 1.2.0`,
        );
      if (!opts.report && !opts.candidate) {
        throw new UsageError(
          'promote needs evidence that the version passed the gate: --report <json> of a passing check, or --candidate <manifest> to run it',
        );
      }
      const workspace = await requireDirectory(
        io.cwd,
        opts.workspace ?? '.',
        '--workspace',
        'the directory every file of the release lies in',
      );
      const registryPath = await requireRegistryFile(io.cwd, opts.registry);
      const reportPath = await optionalInputFile(
        io.cwd,
        opts.report,
        '--report',
        'a JSON report of a passing check (check --format json=FILE)',
      );
      if (opts.candidate !== undefined) requireLocalPath(opts.candidate, '--candidate');
      if (opts.baseline !== undefined) requireLocalPath(opts.baseline, '--baseline');
      for (const c of opts.contracts ?? []) requireLocalPath(c, '--contracts');
      const limits = configLimitsOf(opts);
      await runChange(io, setExit, async () => {
        const evidence = reportPath ? await readReport(reportPath, limits) : undefined;
        const manifest =
          opts.candidate ?? reportedManifest(evidence!, opts.report!, workspace, io.cwd);
        const release = await describeRelease(manifest, registryPath, workspace, io.cwd, limits);
        if (release.version !== opts.version || (opts.name && release.name !== opts.name)) {
          throw new RegistryRefusal(
            'promote.mismatch',
            `${manifest} is ${release.name} ${release.version}, not ${opts.name ?? release.name} ${opts.version}`,
          );
        }
        let reportSha256 = evidence?.sha256;
        if (evidence) {
          await requirePassingReport(evidence, release, opts.report!);
        } else {
          reportSha256 = await gateBeforePromotion(
            opts,
            release.name,
            channel,
            registryPath,
            workspace,
            io,
            deps,
          );
        }
        return updateRegistry(
          registryPath,
          (reg) =>
            promote(reg, {
              name: release.name,
              channel,
              version: release.version,
              record: release.files,
              at: timestamp(deps),
              actor: actorOf(opts, io),
              reason: opts.reason,
              reportSha256,
            }),
          { create: opts.init, limits },
        );
      });
    });
}

/** Runs the whole gate on --candidate; refuses unless it passes. Returns the report's sha256. */
async function gateBeforePromotion(
  opts: PromoteOptions,
  name: string,
  channel: string,
  registryPath: string,
  workspace: string,
  io: CliIO,
  deps: GateDeps,
): Promise<string> {
  let baseline = opts.baseline;
  const limits = configLimitsOf(opts);
  const exists = await loadRegistry(registryPath, io.cwd, { limits, workspace }).catch(
    (err: unknown) => {
      if (opts.init && err instanceof ConfigError && /no such file/.test(err.message))
        return undefined;
      throw err;
    },
  );
  if (!baseline && exists) {
    const reg = requireValid(exists);
    const current = reg.embeddings[name]?.channels?.[channel]?.version;
    const path = current ? reg.embeddings[name]!.versions[current]!.manifest.path : undefined;
    if (path) baseline = resolve(dirname(registryPath), path);
  }
  const { report } = await runGate(
    {
      candidate: opts.candidate!,
      baseline,
      contracts: opts.contracts ?? [],
      failOn: 'error',
      workspace,
      cwd: io.cwd,
      configLimits: limits,
      ...(exists ? { registry: registryPath } : {}),
    },
    confineDeps(deps, workspace),
  );
  if (report.verdict !== 'pass') {
    io.stdout(FORMATTERS.text(report));
    throw new RegistryRefusal(
      'promote.gate',
      `the gate blocked ${name} ${report.candidate.version} (${report.counts.error} error(s)); nothing was promoted`,
    );
  }
  return createHash('sha256').update(FORMATTERS.json(report)).digest('hex');
}
