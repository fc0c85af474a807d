/**
 * The Action: inputs → the same engine as the CLI → JSON/SARIF/JUnit files, annotations,
 * job summary, outputs, pull-request comment, and one exit decision at the end. With
 * index.ts, comment.ts and inputs.ts, the only code that imports @actions/*.
 *
 * `run()` takes no required argument, as in actions/typescript-action: the runner's entry
 * (index.ts) and GitHub's local runner (`@github/local-action`, which imports this file and
 * calls `run()` bare) both get the real dependencies; tests pass their own through
 * {@link RunOptions}.
 */
import * as core from '@actions/core';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../fsutil/atomic-write.js';
import { seconds } from '../config/numbers.js';
import { ConfigError } from '../config/document.js';
import { confineDeps, defaultDeps } from '../gate/default-deps.js';
import type { OverrideDeclaration } from '../gate/override.js';
import type { GateDeps, GatePlan } from '../gate/plan.js';
import { runGate } from '../gate/run.js';
import { readRunInfo, type RunInfo } from '../github/event.js';
import { octokitCommentsApi } from '../github/octokit.js';
import { ANNOTATIONS_PER_LEVEL, buildAnnotations } from '../report/annotations.js';
import { progressText } from '../report/describe.js';
import { formatJson } from '../report/json.js';
import { formatJunit } from '../report/junit.js';
import { formatHtml } from '../report/html.js';
import type { Report } from '../gate/report-model.js';
import { formatSarif } from '../report/sarif.js';
import type { GateObserver, StepFacts } from '../gate/observer.js';
import { readmeUrlFromEnv } from '../github/readme-url.js';
import { commentOnPullRequest, type CommentsApiFactory } from './comment.js';
import { Output, readConfig, type ActionConfig } from './inputs.js';
import { blockedConsumers, errorSummary, registrySummary, summaryText } from './publish.js';
import { runRegistryCommand } from './registry.js';
import { mergeStep, shardStep } from './shard.js';

/** The engine's dependencies plus the Action's own side effects that tests may replace. */
export interface ActionDeps extends GateDeps {
  /** Builds the pull-request comments API (octokit at `GITHUB_API_URL` on a runner). */
  readonly comments: CommentsApiFactory;
}

/** What {@link run} takes from outside; every field left out is the real thing. */
export interface RunOptions {
  /** Replaces single dependencies (scanner, clock, comments API, …); the rest stay real. */
  readonly deps?: Partial<ActionDeps>;
  /** The workflow run's variables (GITHUB_WORKSPACE, GITHUB_EVENT_*, …); default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Directory relative inputs resolve against; default the working directory (the runner's workspace). */
  readonly cwd?: string;
}

/**
 * The real dependencies: the engine's (vectors scanner and opener, tool version), the
 * system clock, and octokit for the comment.
 */
export function defaultActionDeps(): ActionDeps {
  return { ...defaultDeps(), now: () => new Date(), comments: octokitCommentsApi };
}

/**
 * The exit code of a failed step. A number, not `core.ExitCode.Failure`: local-action's
 * stand-in for @actions/core has no `ExitCode`, and 1 is the runner's contract anyway.
 */
const EXIT_FAILURE = 1;

/** The override declared by the pull request's labels, if the configured label is on it. */
export function overrideFromLabels(
  config: ActionConfig,
  run: RunInfo,
): OverrideDeclaration | undefined {
  const pr = run.pullRequest;
  const label = config.overrideLabel;
  if (!pr || !label || !pr.labels.includes(label)) return undefined;
  // Only a `labeled` event for this very label tells who added it; otherwise the author owns the declaration.
  const bySender = pr.action === 'labeled' && pr.eventLabel === label && pr.sender;
  return {
    label,
    by: bySender ? pr.sender! : pr.author,
    byRole: bySender ? 'label-sender' : 'pull-request-author',
    reason: `pull request #${pr.number}: ${pr.title || '(no title)'}`,
    pullRequest: { number: pr.number, ...(pr.url ? { url: pr.url } : {}) },
  };
}

function planOf(config: ActionConfig, run: RunInfo, cwd: string, workspace: string): GatePlan {
  const override = overrideFromLabels(config, run);
  return {
    candidate: config.candidate,
    baseline: config.baseline,
    contracts: config.contracts,
    failOn: config.failOn,
    workspace,
    cwd,
    allowRemote: config.allowRemote,
    ...(config.waivers ? { waivers: config.waivers } : {}),
    ...(override ? { override } : {}),
    ...(config.suites.length ? { suites: config.suites } : {}),
    ...(config.registry ? { registry: config.registry } : {}),
    ...(config.configLimits ? { configLimits: config.configLimits } : {}),
    ...(config.baselineChannel ? { baselineChannel: config.baselineChannel } : {}),
  };
}

/** What a merge takes from the Action rather than from the partials. */
function mergeRequest(
  config: ActionConfig,
  run: RunInfo,
  workspace: string,
): Pick<GatePlan, 'workspace' | 'failOn' | 'override' | 'allowRemote'> {
  const override = overrideFromLabels(config, run);
  return {
    workspace,
    failOn: config.failOn,
    allowRemote: config.allowRemote,
    ...(override && { override }),
  };
}

/** A path GitHub can annotate: relative to the workspace, with `/`; undefined outside it. */
function repositoryPath(cwd: string, workspace: string): (file: string) => string | undefined {
  return (file) => {
    const rel = relative(workspace, resolve(cwd, file));
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return rel.split(sep).join('/');
  };
}

function annotate(
  report: Report,
  config: ActionConfig,
  cwd: string,
  workspace: string,
  commenting: boolean,
): void {
  // GitHub keeps 10 annotations per level and step: leave room for our own closing messages.
  const willFail = report.verdict === 'fail' && !config.reportOnly;
  const caps = {
    error: ANNOTATIONS_PER_LEVEL - (willFail ? 1 : 0),
    warning: ANNOTATIONS_PER_LEVEL - (config.reportOnly ? 1 : 0) - (commenting ? 1 : 0),
  };
  for (const a of buildAnnotations(report, {
    caps,
    repositoryPath: repositoryPath(cwd, workspace),
  })) {
    core[a.level](a.message, a.properties);
  }
}

async function publish(
  report: Report,
  config: ActionConfig,
  run: RunInfo,
  deps: ActionDeps,
  env: NodeJS.ProcessEnv,
  cwd: string,
) {
  const workspace = env.GITHUB_WORKSPACE || cwd;
  const reportPath = resolve(cwd, config.reportPath);
  await writeText(reportPath, formatJson(report));
  if (config.sarifFile) {
    const sarif = formatSarif(report, {
      includeInfo: config.sarifIncludeInfo,
      readmeUrl: readmeUrlFromEnv(env, { action: true }),
      workspace: resolve(cwd, workspace),
    });
    await writeText(resolve(cwd, config.sarifFile), sarif);
  }
  if (config.junitFile) await writeText(resolve(cwd, config.junitFile), formatJunit(report));
  if (config.htmlFile) await writeText(resolve(cwd, config.htmlFile), formatHtml(report));

  annotate(report, config, cwd, workspace, config.prComment !== 'off' && Boolean(run.pullRequest));
  if (report.override) {
    const o = report.override;
    core.notice(
      `label "${o.label}" (by ${o.by}) accepts a declared breaking change: ${o.lifted} finding(s) do not block`,
      {
        title: 'embedding-gate: override',
      },
    );
  }
  if (env.GITHUB_STEP_SUMMARY) {
    const summary = summaryText(report, {
      reportOnly: config.reportOnly,
      reportPath: config.reportPath,
    });
    if (summary.level)
      core.info(`job summary: detail level ${summary.level} to fit GitHub's 1 MiB limit`);
    await core.summary.addRaw(summary.text, true).write();
  }
  core.setOutput(Output.Verdict, report.verdict);
  core.setOutput(Output.RequiredBump, report.requiredBump?.level ?? '');
  core.setOutput(Output.Errors, report.counts.error);
  core.setOutput(Output.Warnings, report.counts.warning);
  core.setOutput(Output.BlockedConsumers, JSON.stringify(blockedConsumers(report)));
  core.setOutput(Output.ReportPath, reportPath);
  core.setOutput(
    Output.Message,
    `${report.verdict} (${report.counts.error} errors, ${report.counts.warning} warnings)`,
  );
  core.info(
    `embedding-gate: ${report.verdict} (${report.counts.error} errors, ${report.counts.warning} warnings); report at ${reportPath}`,
  );
  await commentOnPullRequest(report, {
    config,
    run,
    reportPath: config.reportPath,
    toolVersion: deps.toolVersion,
    api: deps.comments,
  });
}

/** Writes a file atomically and says so in the debug log, with its size. */
async function writeText(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text);
  core.debug(`wrote ${file} (${Buffer.byteLength(text)} bytes)`);
}

/** One debug line of facts: `name=value` pairs, empty values left out. */
export function factsLine(facts: StepFacts | undefined): string {
  return Object.entries(facts ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}

/**
 * The engine's steps as log groups, each with its facts and its time as debug lines (shown
 * with ACTIONS_STEP_DEBUG). `elapsed` is the clock in milliseconds.
 */
export function groupingObserver(elapsed: () => number = () => performance.now()): GateObserver {
  const started = new Map<string, number>();
  // A log is not a terminal: one progress line in the step's group every 10 s at most, and
  // none in a step's first 10 s, so a quick run logs none.
  let lastProgress = -Infinity;
  // What each step counts now, since when (a step may count several things in turn: each
  // side's rows, each kNN run); the first count of a step runs from the step's start.
  const counting = new Map<string, { what: string | undefined; since: number }>();
  return {
    progress(step, p) {
      const now = elapsed();
      const stepStart = started.get(step) ?? now;
      const current = counting.get(step);
      if (current?.what !== p.what || !current)
        counting.set(step, { what: p.what, since: current ? now : stepStart });
      if (now - stepStart < PROGRESS_LOG_MS || now - lastProgress < PROGRESS_LOG_MS) return;
      lastProgress = now;
      const since = now - (counting.get(step)?.since ?? now);
      core.info(`${step}${p.what ? ` (${p.what})` : ''}: ${progressText(p, since)}`);
    },
    stepStarted(step, facts) {
      core.startGroup(`embedding-gate: ${step}`);
      started.set(step, elapsed());
      if (facts) core.debug(`${step}: ${factsLine(facts)}`);
    },
    stepFinished(step, facts) {
      const ms = elapsed() - (started.get(step) ?? elapsed());
      const line = factsLine(facts);
      core.debug(`${step} done in ${Math.round(ms)} ms${line ? `: ${line}` : ''}`);
      core.info(`${step}: done in ${seconds(ms)} s`);
      core.endGroup();
    },
  };
}

/** How often the Action logs a step's progress. */
export const PROGRESS_LOG_MS = 10_000;

/** The inputs as resolved, for the debug log (the token left out). */
function inputsLine(config: ActionConfig, cwd: string, workspace: string): string {
  const { githubToken: _token, ...rest } = config;
  return `inputs: ${JSON.stringify(rest)}; cwd ${cwd}; workspace ${workspace}`;
}

/**
 * Runs the Action in the working directory (the runner starts it in the workspace). Never
 * throws: a failure ends in one failing exit code at the end, unless report-only. Inputs,
 * outputs and the job summary go through @actions/core, so through process.env's INPUT_*,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY whatever `options.env` says. A configuration error
 * still writes the job summary (what failed, where, what to do) and sets `verdict: error`.
 */
export async function run(options: RunOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const workspace = resolve(cwd, env.GITHUB_WORKSPACE || cwd);
  // Every byte source the engine opens must lie inside the workspace by its real path.
  const merged: ActionDeps = {
    ...defaultActionDeps(),
    observer: groupingObserver(),
    ...options.deps,
  };
  const deps: ActionDeps = { ...merged, ...confineDeps(merged, workspace) };
  let reportOnly = false;
  let command = 'check';
  try {
    const config = readConfig((name) => core.getInput(name));
    reportOnly = config.reportOnly;
    command = config.command;
    core.debug(inputsLine(config, cwd, workspace));
    if (config.registryCommand) {
      await registryCommand(config, deps, env, cwd, workspace);
      return;
    }
    const { run: runInfo, problem } = await readRunInfo(env);
    if (problem) core.info(`event payload: ${problem}`);
    core.debug(
      `event: ${env.GITHUB_EVENT_NAME ?? '(none)'}; pull request ${runInfo.pullRequest?.number ?? '(none)'}`,
    );
    const runDeps: ActionDeps = config.allowRemote
      ? { ...deps, ...confineDeps(merged, workspace, { allowRemote: true }) }
      : deps;
    if (config.shard) {
      await shardStep(config, planOf(config, runInfo, cwd, workspace), runDeps, cwd);
      return;
    }
    const { report } =
      config.command === 'merge'
        ? await mergeStep(config, mergeRequest(config, runInfo, workspace), runDeps, cwd)
        : await runGate(planOf(config, runInfo, cwd, workspace), runDeps);
    await core.group('embedding-gate: publish', () =>
      publish(report, config, runInfo, deps, env, cwd),
    );
    if (report.verdict !== 'fail') {
      if (reportOnly) {
        core.notice('REPORT-ONLY mode: this step never fails; this time the gate passed anyway', {
          title: 'embedding-gate: report-only',
        });
      }
      return;
    }
    const what =
      `embedding-gate blocked promotion of ${report.candidate.name ?? config.candidate} ${report.candidate.version ?? ''}: ` +
      `${report.counts.error} error(s), ${report.counts.warning} warning(s) (fail-on ${report.failOn})`;
    if (reportOnly) {
      core.warning(
        `REPORT-ONLY: ${what.replace(' blocked ', ' would have blocked ')}; the step passes because report-only is set`,
        {
          title: 'embedding-gate: report-only',
        },
      );
    } else {
      core.setFailed(what.replace('  ', ' '));
    }
  } catch (err) {
    const config = err instanceof ConfigError;
    const message = err instanceof Error ? err.message : String(err);
    if (!config && err instanceof Error && err.stack) core.debug(err.stack);
    const text = config ? message : `internal error: ${message}`;
    const loc = config ? (err as ConfigError).location : undefined;
    const file = loc && repositoryPath(cwd, env.GITHUB_WORKSPACE || cwd)(loc.file);
    const properties = file
      ? {
          title: 'embedding-gate: cannot judge',
          file,
          startLine: loc.line,
          startColumn: loc.column,
        }
      : { title: 'embedding-gate: cannot judge' };
    core.error(text, properties);
    await publishError(
      text,
      file && loc ? { file, line: loc.line, column: loc.column } : undefined,
      {
        command,
        internal: !config,
        reportOnly,
        env,
      },
    );
    if (reportOnly) {
      core.warning(
        'REPORT-ONLY: the gate could not judge (see the error above); the step passes because report-only is set',
      );
    } else {
      process.exitCode = EXIT_FAILURE;
    }
  }
}

/** The outputs and job summary of a run that could not judge. Never throws. */
async function publishError(
  text: string,
  where: { file: string; line?: number; column?: number } | undefined,
  o: { command: string; internal: boolean; reportOnly: boolean; env: NodeJS.ProcessEnv },
): Promise<void> {
  core.setOutput(Output.Verdict, 'error');
  core.setOutput(Output.RequiredBump, '');
  core.setOutput(Output.Errors, 1);
  core.setOutput(Output.Warnings, 0);
  core.setOutput(Output.BlockedConsumers, '[]');
  core.setOutput(Output.ReportPath, '');
  core.setOutput(Output.Message, text);
  if (!o.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(errorSummary(text, where, o), true).write();
  } catch (err) {
    core.warning(`could not write the job summary: ${(err as Error).message}`);
  }
}

/** `command: promote | rollback | deprecate`: the registry change, its outputs and summary. */
async function registryCommand(
  config: ActionConfig,
  deps: ActionDeps,
  env: NodeJS.ProcessEnv,
  cwd: string,
  workspace: string,
): Promise<void> {
  const c = config.registryCommand!;
  const result = await core.group(`embedding-gate: ${c.command}`, () =>
    runRegistryCommand(c, {
      cwd,
      workspace,
      actor: env.GITHUB_ACTOR || 'unknown',
      now: (deps.now ?? (() => new Date()))(),
      limits: config.configLimits,
      debug: (line) => core.debug(line),
    }),
  );
  const verdict = result.kind === 'done' ? 'pass' : 'fail';
  core.setOutput(Output.Verdict, verdict);
  core.setOutput(Output.Message, result.message);
  core.setOutput(Output.RequiredBump, '');
  core.setOutput(Output.Errors, verdict === 'pass' ? 0 : 1);
  core.setOutput(Output.Warnings, 0);
  core.setOutput(Output.BlockedConsumers, '[]');
  core.setOutput(Output.ReportPath, '');
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(registrySummary(c, result), true).write();
  if (result.kind === 'done') {
    core.info(`embedding-gate ${c.command}: ${result.message}`);
    return;
  }
  const what = `embedding-gate ${c.command} refused (${result.id}): ${result.message}`;
  if (config.reportOnly)
    core.warning(`REPORT-ONLY: ${what}; the step passes because report-only is set`);
  else core.setFailed(what);
}
