/** Option parsers shared by the commands; each rejects a bad value with a precise message. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_CONFIG_LIMITS, type ConfigLimits } from '../config/limits.js';
import { VECTOR_DTYPES, VECTOR_FORMATS } from '../vectors/types.js';

export function positiveInt(name: string, max = 65536) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()))
      throw new InvalidArgumentError(`${name} must be a whole number, found "${value}"`);
    const n = Number(value);
    if (n < 1 || n > max)
      throw new InvalidArgumentError(`${name} must be between 1 and ${max}, found ${n}`);
    return n;
  };
}

export function positiveNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
      throw new InvalidArgumentError(`${name} must be a positive number, found "${value}"`);
    return n;
  };
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export const failOnOption = () =>
  new Option('--fail-on <level>', 'lowest severity that blocks: error, warning or never')
    .choices(['error', 'warning', 'never'])
    .default('error');

export const dtypeOption = (flags: string, description: string) =>
  new Option(flags, description).choices([...VECTOR_DTYPES]);

export const vectorFormatOption = (flags: string, description: string) =>
  new Option(flags, description).choices([...VECTOR_FORMATS]);

/**
 * `--allow-remote`: read `s3://` and `http(s)://` sources. A flag of whoever runs the gate,
 * never a file's: without it a manifest from a pull request cannot make CI fetch a URL.
 */
export const allowRemoteOption = () =>
  new Option(
    '--allow-remote',
    'read s3:// and http(s):// vectors (credentials from the AWS SDK chain; off by default)',
  ).default(false);

/** The most a runner may raise `--max-config-kb` to: 1 GiB. */
const MAX_CONFIG_KB = 1 << 20;
/** The most a runner may raise `--max-aliases` to. */
const MAX_ALIASES = 1_000_000;

/**
 * `--max-config-kb` (`'size'`) and `--max-aliases` (`'aliases'`): the caps on every YAML or
 * JSON file a command reads. Options, never file contents, set them: a pull request
 * controls the files. Every command that reads user files adds both.
 */
export function configLimitOption(which: 'size' | 'aliases'): Option {
  if (which === 'size') {
    return new Option(
      '--max-config-kb <n>',
      `largest YAML or JSON file read (manifest, contract, suite, waivers, registry, report), in KiB (default ${DEFAULT_CONFIG_LIMITS.maxBytes / 1024})`,
    ).argParser(positiveInt('--max-config-kb', MAX_CONFIG_KB));
  }
  return new Option(
    '--max-aliases <n>',
    `most YAML alias expansions (*name) in one file; 0 forbids aliases (default ${DEFAULT_CONFIG_LIMITS.maxAliases})`,
  ).argParser((value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) > MAX_ALIASES)
      throw new InvalidArgumentError(
        `--max-aliases must be a whole number from 0 to ${MAX_ALIASES}, found "${value}"`,
      );
    return Number(value);
  });
}

/** The parsed `--max-config-kb` and `--max-aliases`, as the loaders take them. */
export function configLimitsOf(opts: {
  maxConfigKb?: number;
  maxAliases?: number;
}): Partial<ConfigLimits> {
  return {
    ...(opts.maxConfigKb !== undefined && { maxBytes: opts.maxConfigKb * 1024 }),
    ...(opts.maxAliases !== undefined && { maxAliases: opts.maxAliases }),
  };
}

/**
 * The options that say how to read one vectors file (sidecar ids, id and vector columns, the
 * file's format), shared by every command that reads one named on its command line.
 */
export function vectorsFileOptions(command: Command): Command {
  return command
    .option('--ids <file>', 'sidecar ids file, one id per line (npy, binary)')
    .option('--id-column <name>', 'column holding the ids (arrow, parquet)')
    .option('--vector-column <name>', 'column holding the vectors (arrow, parquet)')
    .addOption(
      vectorFormatOption(
        '--vectors-format <format>',
        'vectors file format (default: from the extension)',
      ),
    );
}

/**
 * `--shard i/n` and `--partial <file>`: run shard i of n (counted from 1, as Playwright,
 * Vitest and Jest count) and write its partial result for `embedding-gate merge`.
 */
export function shardOptions(command: Command): Command {
  return command
    .option(
      '--shard <i/n>',
      "run shard i of n (from 1): this shard's rows of every vectors file; needs --partial",
    )
    .option(
      '--partial <file>',
      'write this shard\'s partial result (JSON) instead of a report, for "embedding-gate merge"',
    );
}
