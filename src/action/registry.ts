/**
 * The Action's registry commands — promote, rollback, deprecate — on the same release
 * operations as the CLI's commands (src/release/), so the same refusals hold: a promotion
 * needs a report of a passing gate of this very manifest, released versions are immutable,
 * a rollback needs a predecessor. No @actions here: main.ts logs and sets outputs.
 */
import { resolve } from 'node:path';
import { ConfigError } from '../config/document.js';
import type { Registry } from '../config/registry.js';
import type { ConfigLimits } from '../config/limits.js';
import {
  describeRelease,
  readReport,
  reportedManifest,
  requirePassingReport,
} from '../release/promote.js';
import {
  deprecate,
  promote,
  RegistryRefusal,
  rollback,
  updateRegistry,
  type ChangeOutcome,
} from '../release/registry-ops.js';
import type { RegistryCommandConfig } from './inputs.js';

/** What a registry command did: changed (or found nothing to do), or was refused. */
export type RegistryResult =
  | { readonly kind: 'done'; readonly message: string; readonly changed: boolean }
  | { readonly kind: 'refused'; readonly id: string; readonly message: string };

/** Where the command runs and who acts. */
export interface RegistryContext {
  readonly cwd: string;
  readonly workspace: string;
  readonly actor: string;
  readonly now: Date;
  readonly limits?: Partial<ConfigLimits>;
  /** Tells what the command is about to do (a debug line). */
  readonly debug?: (line: string) => void;
}

function at(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The embedding a command acts on: the input, or the registry's only one. */
function embeddingName(reg: Registry, name: string | undefined, file: string): string {
  if (name) return name;
  const names = Object.keys(reg.embeddings);
  if (names.length === 1) return names[0]!;
  throw new ConfigError(
    names.length === 0
      ? `${file} holds no embeddings yet; promote a version first`
      : `${file} holds ${names.length} embeddings (${names.join(', ')}); choose one with the input name`,
  );
}

/**
 * Runs the registry command. Throws ConfigError when it cannot run (a file unreadable or
 * outside the workspace); a refusal is a result, not an error.
 */
export async function runRegistryCommand(
  c: RegistryCommandConfig,
  ctx: RegistryContext,
): Promise<RegistryResult> {
  const registryPath = resolve(ctx.cwd, c.registry);
  const options = { limits: ctx.limits };
  ctx.debug?.(`registry ${registryPath}; command ${c.command}`);
  try {
    let outcome: ChangeOutcome;
    if (c.command === 'promote') {
      const evidence = await readReport(resolve(ctx.cwd, c.report!), ctx.limits);
      const manifest = reportedManifest(evidence, c.report!, ctx.workspace, ctx.cwd);
      ctx.debug?.(`report ${c.report} gated ${manifest} (sha256 ${evidence.sha256})`);
      const release = await describeRelease(
        manifest,
        registryPath,
        ctx.workspace,
        ctx.cwd,
        ctx.limits,
      );
      if (release.version !== c.version || (c.name && release.name !== c.name)) {
        throw new RegistryRefusal(
          'promote.mismatch',
          `${manifest} is ${release.name} ${release.version}, not ${c.name ?? release.name} ${c.version}`,
        );
      }
      await requirePassingReport(evidence, release, c.report!);
      outcome = await updateRegistry(
        registryPath,
        (reg) =>
          promote(reg, {
            name: release.name,
            channel: c.channel!,
            version: release.version,
            record: release.files,
            at: at(ctx.now),
            actor: ctx.actor,
            reason: c.reason,
            reportSha256: evidence.sha256,
          }),
        { ...options, create: c.init },
      );
    } else if (c.command === 'rollback') {
      outcome = await updateRegistry(
        registryPath,
        (reg) =>
          rollback(reg, {
            name: embeddingName(reg, c.name, c.registry),
            channel: c.channel!,
            at: at(ctx.now),
            actor: ctx.actor,
            reason: c.reason,
            from: c.from,
          }),
        options,
      );
    } else {
      outcome = await updateRegistry(
        registryPath,
        (reg) =>
          deprecate(reg, {
            name: embeddingName(reg, c.name, c.registry),
            version: c.version!,
            sunset: c.sunset!,
            at: at(ctx.now),
            reason: c.reason,
          }),
        options,
      );
    }
    return { kind: 'done', message: outcome.message, changed: outcome.next !== undefined };
  } catch (err) {
    if (err instanceof RegistryRefusal)
      return { kind: 'refused', id: err.id, message: err.message };
    throw err;
  }
}
