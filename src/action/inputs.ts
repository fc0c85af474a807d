/**
 * The Action's inputs and outputs: names in one enum each (never bare strings, as
 * actions/cache does), decoded and validated once into a typed {@link ActionConfig}.
 */
import { ConfigError } from '../config/document.js';
import type { ConfigLimits } from '../config/limits.js';
import type { FailOn } from '../gate/report-model.js';
import type { ShardSpec } from '../vectors/row-slice.js';

/** Input names, as in action.yml. */
export enum Input {
  Command = 'command',
  Candidate = 'candidate',
  Baseline = 'baseline',
  Contracts = 'contracts',
  Suites = 'suites',
  Registry = 'registry',
  BaselineChannel = 'baseline-channel',
  FailOn = 'fail-on',
  ReportOnly = 'report-only',
  PrComment = 'pr-comment',
  CommentHeader = 'comment-header',
  Waivers = 'waivers',
  OverrideLabel = 'override-label',
  SarifFile = 'sarif-file',
  JunitFile = 'junit-file',
  HtmlFile = 'html-file',
  ReportPath = 'report-path',
  GithubToken = 'github-token',
  MaxConfigKb = 'max-config-kb',
  MaxAliases = 'max-aliases',
  SarifIncludeInfo = 'sarif-include-info',
  Channel = 'channel',
  Version = 'version',
  Report = 'report',
  From = 'from',
  Sunset = 'sunset',
  Reason = 'reason',
  Name = 'name',
  Init = 'init',
  AllowRemote = 'allow-remote',
  Shard = 'shard',
  PartialFile = 'partial-file',
  Partials = 'partials',
}

/** Output names, as in action.yml. */
export enum Output {
  Verdict = 'verdict',
  RequiredBump = 'required-bump',
  Errors = 'errors',
  Warnings = 'warnings',
  BlockedConsumers = 'blocked-consumers',
  ReportPath = 'report-path',
  Message = 'message',
}

/**
 * What the Action does: gate a candidate (whole, or one shard of it), merge the shards'
 * partials into the gate's report, or change the registry as the CLI's commands do.
 */
export type ActionCommand = 'check' | 'merge' | 'promote' | 'rollback' | 'deprecate';
export const COMMANDS: readonly ActionCommand[] = [
  'check',
  'merge',
  'promote',
  'rollback',
  'deprecate',
];

/** The inputs of a registry command (`command: promote | rollback | deprecate`). */
export interface RegistryCommandConfig {
  readonly command: Exclude<ActionCommand, 'check' | 'merge'>;
  readonly registry: string;
  readonly channel?: string;
  readonly version?: string;
  /** promote: the JSON report of a passing gate of this version. */
  readonly report?: string;
  /** rollback: only while the channel serves this version. */
  readonly from?: string;
  /** deprecate: the sunset date, YYYY-MM-DD. */
  readonly sunset?: string;
  readonly reason?: string;
  readonly name?: string;
  /** promote: create the registry when it does not exist. */
  readonly init: boolean;
}

/** `auto`: comment on same-repository pull requests; `on`: also say why when it cannot; `off`: never. */
export type PrCommentMode = 'auto' | 'on' | 'off';

/** Every input, decoded. */
export interface ActionConfig {
  readonly command: ActionCommand;
  /** The inputs of a registry command; absent for `check`. */
  readonly registryCommand?: RegistryCommandConfig;
  /** The candidate's manifest ('' for a registry command, which does not gate). */
  readonly candidate: string;
  readonly baseline?: string;
  readonly contracts: readonly string[];
  readonly suites: readonly string[];
  readonly registry?: string;
  /** Gate against the version this registry channel serves (instead of `baseline`). */
  readonly baselineChannel?: string;
  readonly failOn: FailOn;
  readonly reportOnly: boolean;
  readonly prComment: PrCommentMode;
  readonly commentHeader: string;
  readonly waivers?: string;
  readonly overrideLabel?: string;
  readonly sarifFile?: string;
  readonly junitFile?: string;
  /** Where to write the self-contained HTML report (for a workflow artifact); absent: not written. */
  readonly htmlFile?: string;
  readonly reportPath: string;
  readonly githubToken: string;
  /** Caps on every YAML or JSON file the gate reads; absent when the workflow set none. */
  readonly configLimits?: Partial<ConfigLimits>;
  /** Put info findings in the SARIF file too. */
  readonly sarifIncludeInfo: boolean;
  /** Read `s3://` and `http(s)://` vectors; false unless the workflow says so. */
  readonly allowRemote: boolean;
  /** check: run only this shard and write its partial to `partialFile` (no report, no verdict). */
  readonly shard?: ShardSpec;
  /** check with `shard`: where the partial result goes. */
  readonly partialFile?: string;
  /** merge: the partial files, globs or paths relative to the workspace, one per line. */
  readonly partials?: readonly string[];
}

/** Reads one input's raw value ('' when unset), as @actions/core's getInput does. */
export type InputReader = (name: Input) => string;

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];
const TRUE = ['true', 'yes', 'on', '1'];
const FALSE = ['false', 'no', 'off', '0'];
/** A header longer than this is surely a mistake, and would eat the comment's size budget. */
export const MAX_COMMENT_HEADER = 2000;

function invalid(name: Input, expected: string, found: string): ConfigError {
  return new ConfigError(`input ${name}: expected ${expected}, found "${found}"`);
}

function bool(read: InputReader, name: Input, fallback: boolean): boolean {
  const raw = read(name).trim().toLowerCase();
  if (!raw) return fallback;
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw invalid(name, 'true or false', read(name));
}

/** A list input: one entry per line, or comma-separated; blanks dropped. */
function list(read: InputReader, name: Input): string[] {
  return read(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A whole-number input from `min` to `max`; undefined when empty. */
function wholeNumber(read: InputReader, name: Input, min: number, max: number): number | undefined {
  const raw = read(name).trim();
  if (!raw) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw invalid(name, `a whole number from ${min} to ${max}`, raw);
  return Number(raw);
}

/** max-config-kb and max-aliases, as the loaders take them (undefined when both are empty). */
function configLimitsInput(read: InputReader): Partial<ConfigLimits> | undefined {
  const kb = wholeNumber(read, Input.MaxConfigKb, 1, 1 << 20);
  const aliases = wholeNumber(read, Input.MaxAliases, 0, 1_000_000);
  if (kb === undefined && aliases === undefined) return undefined;
  return {
    ...(kb !== undefined && { maxBytes: kb * 1024 }),
    ...(aliases !== undefined && { maxAliases: aliases }),
  };
}

function optional(read: InputReader, name: Input): string | undefined {
  return read(name).trim() || undefined;
}

/**
 * Decodes and validates every input. Throws ConfigError (the gate cannot judge) on the
 * first invalid one, before any work.
 */
export function readConfig(read: InputReader): ActionConfig {
  const command = (read(Input.Command).trim() || 'check') as ActionCommand;
  if (!COMMANDS.includes(command))
    throw invalid(Input.Command, `one of ${COMMANDS.join(', ')}`, read(Input.Command));
  const registryCommand =
    command === 'check' || command === 'merge' ? undefined : readRegistryCommand(read, command);
  const sharding = readSharding(read, command);
  const candidate = read(Input.Candidate).trim();
  if (!candidate && command === 'check')
    throw new ConfigError(
      `input ${Input.Candidate} is required: the path of the candidate's manifest; set it in the step's with:`,
    );
  const failOn = (read(Input.FailOn).trim() || 'error') as FailOn;
  if (!FAIL_ON.includes(failOn))
    throw invalid(Input.FailOn, `one of ${FAIL_ON.join(', ')}`, failOn);
  const rawComment = read(Input.PrComment).trim().toLowerCase() || 'auto';
  const prComment: PrCommentMode | undefined =
    rawComment === 'auto'
      ? 'auto'
      : TRUE.includes(rawComment)
        ? 'on'
        : FALSE.includes(rawComment)
          ? 'off'
          : undefined;
  if (!prComment) throw invalid(Input.PrComment, 'auto, true or false', read(Input.PrComment));
  const commentHeader = read(Input.CommentHeader).trim();
  if (commentHeader.length > MAX_COMMENT_HEADER) {
    throw invalid(
      Input.CommentHeader,
      `at most ${MAX_COMMENT_HEADER} characters`,
      `${commentHeader.slice(0, 40)}…`,
    );
  }
  return {
    command,
    ...(registryCommand ? { registryCommand } : {}),
    candidate,
    baseline: optional(read, Input.Baseline),
    contracts: list(read, Input.Contracts),
    suites: list(read, Input.Suites),
    registry: optional(read, Input.Registry),
    baselineChannel: optional(read, Input.BaselineChannel),
    failOn,
    reportOnly: bool(read, Input.ReportOnly, false),
    prComment,
    commentHeader,
    waivers: optional(read, Input.Waivers),
    overrideLabel: optional(read, Input.OverrideLabel),
    sarifFile: optional(read, Input.SarifFile),
    junitFile: optional(read, Input.JunitFile),
    htmlFile: optional(read, Input.HtmlFile),
    reportPath: optional(read, Input.ReportPath) ?? 'embedding-gate-report.json',
    githubToken: read(Input.GithubToken).trim(),
    configLimits: configLimitsInput(read),
    sarifIncludeInfo: bool(read, Input.SarifIncludeInfo, false),
    allowRemote: bool(read, Input.AllowRemote, false),
    ...sharding,
  };
}

/** The inputs a merge takes from its partials, which name the plan; given here, they would be ignored. */
const PLAN_INPUTS: readonly Input[] = [
  Input.Candidate,
  Input.Baseline,
  Input.BaselineChannel,
  Input.Contracts,
  Input.Suites,
  Input.Registry,
  Input.Waivers,
];

/** `shard` with `partial-file` (check), or `partials` (merge); each refused with any other command. */
function readSharding(
  read: InputReader,
  command: ActionCommand,
): Pick<ActionConfig, 'shard' | 'partialFile' | 'partials'> {
  const shardText = read(Input.Shard).trim();
  const partialFile = optional(read, Input.PartialFile);
  const partials = list(read, Input.Partials);
  if ((shardText || partialFile) && command !== 'check')
    throw new ConfigError(
      `input ${shardText ? Input.Shard : Input.PartialFile} is for command: check (a shard writes its partial); found command: ${command}`,
    );
  if (partials.length > 0 && command !== 'merge')
    throw new ConfigError(
      `input ${Input.Partials} is for command: merge; found command: ${command}`,
    );
  if (command === 'merge') {
    if (partials.length === 0)
      throw new ConfigError(
        `input ${Input.Partials} is required with command: merge: the shards' partial files or a glob, e.g. partials/*.json`,
      );
    const planned = PLAN_INPUTS.find((name) => read(name).trim());
    if (planned)
      throw new ConfigError(
        `input ${planned} is not taken by command: merge: the partials name the plan the shards ran; remove it from the merge step`,
      );
    return { partials };
  }
  if (!shardText && !partialFile) return {};
  if (!partialFile)
    throw new ConfigError(
      `input ${Input.Shard} needs input ${Input.PartialFile}: a shard writes a partial result, and command: merge makes the report`,
    );
  const shard = shardText ? parseShardText(shardText) : { index: 1, count: 1 };
  if (!shard) throw invalid(Input.Shard, 'i/n with 1 ≤ i ≤ n ≤ 1024, e.g. 2/8', shardText);
  return { shard, partialFile };
}

/** `i/n` with 1 ≤ i ≤ n ≤ 1024, as the CLI's --shard; undefined otherwise. */
function parseShardText(text: string): ShardSpec | undefined {
  const m = /^(\d{1,4})\s*\/\s*(\d{1,4})$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && count <= 1024 && index >= 1 && index <= count ? { index, count } : undefined;
}

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** The inputs each registry command needs, as the CLI's required options. */
const NEEDS: Readonly<Record<RegistryCommandConfig['command'], readonly Input[]>> = {
  promote: [Input.Registry, Input.Channel, Input.Version, Input.Report],
  rollback: [Input.Registry, Input.Channel],
  deprecate: [Input.Registry, Input.Version, Input.Sunset],
};

function readRegistryCommand(
  read: InputReader,
  command: RegistryCommandConfig['command'],
): RegistryCommandConfig {
  for (const name of NEEDS[command]) {
    if (!read(name).trim())
      throw new ConfigError(
        `input ${name} is required with command: ${command}; set it in the step's with:`,
      );
  }
  const version = optional(read, Input.Version);
  if (version && !SEMVER.test(version))
    throw invalid(Input.Version, 'a semantic version such as 1.2.0', version);
  const from = optional(read, Input.From);
  if (from && !SEMVER.test(from)) throw invalid(Input.From, 'a semantic version', from);
  const channel = optional(read, Input.Channel);
  if (channel && !/^[a-z][a-z0-9_-]{0,63}$/.test(channel))
    throw invalid(Input.Channel, 'a lowercase name such as production, staging or canary', channel);
  const sunset = optional(read, Input.Sunset);
  if (sunset) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(sunset);
    const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
    if (!day || day.toISOString().slice(0, 10) !== sunset)
      throw invalid(Input.Sunset, 'a date such as 2026-06-30', sunset);
  }
  return {
    command,
    registry: read(Input.Registry).trim(),
    channel,
    version,
    report: optional(read, Input.Report),
    from,
    sunset,
    reason: optional(read, Input.Reason),
    name: optional(read, Input.Name),
    init: bool(read, Input.Init, false),
  };
}
