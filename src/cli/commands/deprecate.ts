import { Command } from 'commander';
import semver from 'semver';
import type { GateDeps } from '../../gate/plan.js';
import { deprecate, updateRegistry } from '../../release/registry-ops.js';
import { UsageError, type CliIO } from '../context.js';
import { configLimitOption, configLimitsOf } from '../options.js';
import {
  embeddingName,
  registryOption,
  requireRegistryFile,
  runChange,
  timestamp,
  type RegistryCommandOptions,
} from './promote.js';

const EXAMPLES = `
Examples:
  $ embedding-gate deprecate --registry registry.yaml --version 1.0.0 --sunset 2026-06-30 \\
      --reason "superseded by 2.0.0 (multilingual)"

From the sunset date on, a consumer whose range only matches sunset versions blocks the gate;
before it, check --registry warns with the days left. Exit codes: 0 done (or nothing to do),
1 refused, 2 could not run.`;

interface DeprecateOptions extends RegistryCommandOptions {
  version: string;
  sunset: string;
}

/** `embedding-gate deprecate`: mark a released version deprecated with a sunset date. */
export function deprecateCommand(
  io: CliIO,
  deps: GateDeps,
  setExit: (code: number) => void,
): Command {
  return new Command('deprecate')
    .description('mark a released version deprecated, with the date it stops being supported')
    .addOption(registryOption())
    .requiredOption('--version <semver>', 'the version to deprecate')
    .requiredOption(
      '--sunset <date>',
      'RFC 3339 date (YYYY-MM-DD, UTC) from which the version is unsupported',
    )
    .option('--name <embedding>', "embedding name (default: the registry's only one)")
    .option('--reason <text>', 'why, recorded on the version')
    .addOption(configLimitOption('size'))
    .addOption(configLimitOption('aliases'))
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', EXAMPLES)
    .action(async (opts: DeprecateOptions) => {
      if (!semver.valid(opts.version))
        throw new UsageError(`--version ${opts.version}: expected a semantic version`);
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(opts.sunset);
      const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
      if (!day || day.toISOString().slice(0, 10) !== opts.sunset) {
        throw new UsageError(`--sunset ${opts.sunset}: expected a date such as 2026-06-30`);
      }
      const file = await requireRegistryFile(io.cwd, opts.registry);
      await runChange(io, setExit, () =>
        updateRegistry(
          file,
          (reg) =>
            deprecate(reg, {
              name: embeddingName(reg, opts.name, opts.registry),
              version: opts.version,
              sunset: opts.sunset,
              at: timestamp(deps),
              reason: opts.reason,
            }),
          { limits: configLimitsOf(opts) },
        ),
      );
    });
}
