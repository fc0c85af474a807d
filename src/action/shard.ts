/**
 * The Action's two sides of a sharded gate (README, "Scale out"): `shard: i/n` with
 * `partial-file` runs one shard and writes only its partial; `command: merge` with `partials`
 * reads every shard's partial — files, folders or globs inside the workspace — and gives the
 * report `check` gives, which main.ts then publishes exactly as it publishes a check.
 */
import * as core from '@actions/core';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { ConfigError } from '../config/document.js';
import { pathProblem, placeInWorkspace, quotePath } from '../config/paths.js';
import { writeFileAtomic } from '../fsutil/atomic-write.js';
import { parsePartial, serialisePartial, type GatePartial } from '../gate/partial.js';
import type { GateDeps, GatePlan } from '../gate/plan.js';
import { mergeLine, runMerge, runShard, type MergeOutcome } from '../gate/shard.js';
import { Input, Output, type ActionConfig } from './inputs.js';

/** What a shard step did, for its outputs and log. */
export interface ShardWritten {
  /** The partial's absolute path. */
  readonly path: string;
  readonly bytes: number;
  /** One line: which shard, and where its partial went. */
  readonly message: string;
}

/**
 * Runs shard `config.shard` of the gate and writes its partial atomically to
 * `config.partialFile` (relative to `cwd`, inside the workspace). Throws ConfigError (the
 * gate cannot judge) as `check` does, before any vector byte is read.
 */
async function writeShardPartial(
  config: ActionConfig,
  request: GatePlan,
  deps: GateDeps,
  cwd: string,
): Promise<ShardWritten> {
  const shard = config.shard!;
  const path = insideWorkspace(config.partialFile!, Input.PartialFile, cwd, request.workspace);
  if ((await stat(path).catch(() => undefined))?.isDirectory())
    throw new ConfigError(
      `input ${Input.PartialFile}: ${quotePath(config.partialFile!)} is a directory; expected a file to write`,
    );
  const text = serialisePartial(await runShard(request, deps, shard));
  await writeFileAtomic(path, text);
  return {
    path,
    bytes: Buffer.byteLength(text),
    message: `shard ${shard.index}/${shard.count}: partial result written to ${config.partialFile!}; the merge job gives the verdict`,
  };
}

/**
 * Reads the partials `config.partials` names (files, folders of `*.json`, globs; relative
 * to `cwd`, confined to the workspace) and merges them into the report of the sharded
 * `check`. Throws ConfigError (exit 2 in the CLI) naming the entry or the files: an entry
 * that matches nothing, a file outside the workspace, a partial that is not one of `check`,
 * and — from the merge — a missing or repeated shard or partials of different plans.
 */
async function mergePartials(
  config: ActionConfig,
  request: Pick<GatePlan, 'workspace' | 'failOn' | 'override' | 'allowRemote'>,
  deps: GateDeps,
  cwd: string,
): Promise<MergeOutcome & { readonly shards: number }> {
  const files = await expandPartials(config.partials ?? [], cwd, request.workspace);
  const partials: { file: string; partial: GatePartial }[] = [];
  for (const file of files) {
    const partial = parsePartial(file, await readFile(resolve(cwd, file), 'utf8'));
    if (partial.command !== 'check')
      throw new ConfigError(
        `${file} is a partial of "${partial.command}"; the Action merges the partials of its own shards (check), ` +
          `merge "${partial.command}" partials with the CLI's embedding-gate merge`,
      );
    partials.push({ file, partial });
  }
  return {
    ...(await runMerge(partials, { ...request, keepRuns: false }, deps)),
    shards: partials.length,
  };
}

/** The partial files the `partials` entries name, sorted and each once, as given relative to `cwd`. */
export async function expandPartials(
  entries: readonly string[],
  cwd: string,
  workspace: string,
): Promise<string[]> {
  const files = new Set<string>();
  for (const entry of entries) {
    insideWorkspace(entry.replace(/[*?[{].*$/, '') || '.', Input.Partials, cwd, workspace, entry);
    const info = await stat(resolve(cwd, entry)).catch(() => undefined);
    const matched = info?.isFile()
      ? [entry]
      : info?.isDirectory()
        ? (await glob('*.json', { cwd: resolve(cwd, entry), onlyFiles: true })).map(
            (m) => `${entry.replace(/\/+$/, '')}/${m}`,
          )
        : await glob(entry, { cwd, onlyFiles: true, expandDirectories: false });
    if (matched.length === 0)
      throw new ConfigError(
        `input ${Input.Partials}: ${quotePath(entry)} ${info?.isDirectory() ? 'holds no .json file' : 'matches no file'}; ` +
          `expected the shards' partial files (download every shard's artifact first, e.g. actions/download-artifact with merge-multiple: true)`,
      );
    for (const m of matched) {
      insideWorkspace(m, Input.Partials, cwd, workspace);
      files.add(m);
    }
  }
  return [...files].sort();
}

/** `value`'s absolute path; ConfigError when it cannot name a file or lies outside the workspace (by its real path). */
function insideWorkspace(
  value: string,
  input: Input,
  cwd: string,
  workspace: string,
  shown = value,
): string {
  const problem = pathProblem(value);
  if (problem !== undefined)
    throw new ConfigError(`input ${input}: ${quotePath(shown)} ${problem}`);
  const { path, root, outside } = placeInWorkspace(value, cwd, workspace);
  if (outside)
    throw new ConfigError(
      `input ${input}: ${quotePath(shown)} lies outside the workspace ${root}; expected a path inside it (the checkout, GITHUB_WORKSPACE)`,
    );
  return path;
}

/**
 * `shard: i/n`: one shard's partial, and nothing a reader could take for the verdict — no
 * summary, comment, annotations or report; `verdict` is empty, `message` says where the
 * partial went. The merge job publishes once.
 */
export async function shardStep(
  config: ActionConfig,
  request: GatePlan,
  deps: GateDeps,
  cwd: string,
): Promise<void> {
  const written = await writeShardPartial(config, request, deps, cwd);
  core.debug(`wrote ${written.path} (${written.bytes} bytes)`);
  core.setOutput(Output.Verdict, '');
  core.setOutput(Output.RequiredBump, '');
  core.setOutput(Output.Errors, '');
  core.setOutput(Output.Warnings, '');
  core.setOutput(Output.BlockedConsumers, '[]');
  core.setOutput(Output.ReportPath, '');
  core.setOutput(Output.Message, written.message);
  core.info(`embedding-gate: ${written.message}`);
}

/** `command: merge`: the shards' partials merged into the report `check` gives, for main.ts to publish. */
export async function mergeStep(
  config: ActionConfig,
  request: Pick<GatePlan, 'workspace' | 'failOn' | 'override' | 'allowRemote'>,
  deps: GateDeps,
  cwd: string,
): Promise<MergeOutcome> {
  const outcome = await mergePartials(config, request, deps, cwd);
  core.info(`embedding-gate: ${mergeLine(outcome.shards, outcome)}`);
  return outcome;
}
