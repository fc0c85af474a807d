import { Command } from 'commander';
import semver from 'semver';
import type { GateDeps } from '../../gate/plan.js';
import { rollback, updateRegistry } from '../../release/registry-ops.js';
import { UsageError, type CliIO } from '../context.js';
import { configLimitOption, configLimitsOf } from '../options.js';
import {
  actorOf,
  embeddingName,
  registryOption,
  requireRegistryFile,
  runChange,
  timestamp,
  type RegistryCommandOptions,
} from './promote.js';

const EXAMPLES = `
Examples:
  $ embedding-gate rollback --registry registry.yaml --channel production --reason "recall dropped"
  # safe to retry: only rolls back while production still serves 1.2.0
  $ embedding-gate rollback --registry registry.yaml --channel production --from 1.2.0

A rollback is itself a history entry; history is never deleted. Two rollbacks in a row go
two promotions back. Exit codes: 0 rolled back (or nothing to do), 1 refused, 2 could not run.`;

interface RollbackOptions extends RegistryCommandOptions {
  channel: string;
  from?: string;
}

/** `embedding-gate rollback`: point a channel back at the version it served before. */
export function rollbackCommand(
  io: CliIO,
  deps: GateDeps,
  setExit: (code: number) => void,
): Command {
  return new Command('rollback')
    .description('point a registry channel back at the version it served before its current one')
    .addOption(registryOption())
    .requiredOption('--channel <name>', 'channel to roll back')
    .option('--name <embedding>', "embedding name (default: the registry's only one)")
    .option(
      '--from <semver>',
      'only roll back while the channel is at this version (idempotent retries)',
    )
    .option('--actor <name>', 'who rolls back (default: $GITHUB_ACTOR, else $USER)')
    .option('--reason <text>', 'why, recorded in the channel history')
    .addOption(configLimitOption('size'))
    .addOption(configLimitOption('aliases'))
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', EXAMPLES)
    .action(async (opts: RollbackOptions) => {
      if (opts.from && !semver.valid(opts.from))
        throw new UsageError(`--from ${opts.from}: expected a semantic version`);
      const file = await requireRegistryFile(io.cwd, opts.registry);
      await runChange(io, setExit, () =>
        updateRegistry(
          file,
          (reg) =>
            rollback(reg, {
              name: embeddingName(reg, opts.name, opts.registry),
              channel: opts.channel,
              at: timestamp(deps),
              actor: actorOf(opts, io),
              reason: opts.reason,
              from: opts.from,
            }),
          { limits: configLimitsOf(opts) },
        ),
      );
    });
}
