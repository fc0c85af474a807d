/**
 * The plan's baseline-related inputs, resolved before any vector byte: the baseline a
 * registry channel serves (`--baseline-channel`), and the ids the candidate declares removed.
 */
import { readTextFile, TextReadError } from '../config/read-text.js';
import { relative } from 'node:path';
import { ConfigError } from '../config/document.js';
import type { LoadedManifest } from '../config/manifest.js';
import { requireRegularFile, resolveInWorkspace } from '../config/paths.js';
import type { LoadedRegistry } from '../config/registry.js';
import type { DeclaredRemovals } from './checks/baseline.js';

/**
 * The baseline manifest a registry channel points at: the channel's version for the
 * candidate's embedding, that version's manifest path (relative to the registry, inside the
 * workspace). ConfigError (exit 2) when it cannot be known: no registry, an invalid one, both
 * a baseline and a channel, or no such channel. Undefined when the candidate manifest is
 * invalid (its own findings block; there is no name to look up).
 */
export function channelBaseline(
  channel: string,
  request: { readonly baseline?: string; readonly workspace: string; readonly cwd: string },
  loaded: LoadedRegistry | undefined,
  candidate: LoadedManifest,
): { file: string; channel: string; version: string } | undefined {
  if (request.baseline)
    throw new ConfigError(
      `give a baseline manifest or a baseline channel (${channel}), not both: the channel names the baseline`,
    );
  if (!loaded)
    throw new ConfigError(
      `baseline channel ${channel} needs a registry (--registry): the channel's version is read from it`,
    );
  const registry = loaded.registry;
  if (!registry) {
    const first = loaded.findings[0];
    throw new ConfigError(
      `${loaded.doc.file}: the registry is invalid${first ? ` (${first.message})` : ''}, so baseline channel ${channel} cannot be read`,
      first?.location,
    );
  }
  const name = candidate.manifest?.name;
  if (!name) return undefined;
  const embedding = registry.embeddings[name];
  const version = embedding?.channels?.[channel]?.version;
  if (!embedding || !version) {
    const known = Object.keys(embedding?.channels ?? {});
    throw new ConfigError(
      `${loaded.doc.file}: ${name} has no channel ${channel}` +
        (known.length ? ` (its channels: ${known.join(', ')})` : ' (no channel serves it yet)') +
        `; for a first release, gate without a baseline`,
      loaded.doc.locate(embedding ? ['embeddings', name] : ['embeddings']),
    );
  }
  const field = ['embeddings', name, 'versions', version, 'manifest', 'path'];
  const recorded = embedding.versions[version]!.manifest.path;
  const path = resolveInWorkspace(loaded.doc, field, recorded, request.workspace);
  return { file: relative(request.cwd, path) || path, channel, version };
}

/**
 * The ids the candidate manifest declares removed (`removals.ids`): a text file, one id per
 * line (a trailing `\r` and blank lines ignored), inside the workspace and read here, before
 * any vector byte.
 */
export async function readRemovals(
  candidate: LoadedManifest,
  workspace: string,
  cwd: string,
): Promise<DeclaredRemovals | undefined> {
  const value = candidate.manifest?.removals?.ids;
  if (value === undefined) return undefined;
  const field = ['removals', 'ids'];
  const path = resolveInWorkspace(candidate.doc, field, value, workspace);
  await requireRegularFile(
    candidate.doc,
    field,
    value,
    path,
    'a text file of removed ids, one per line, inside the workspace',
  );
  const file = relative(cwd, path) || path;
  let text: string;
  try {
    // By the real path of the opened file, as every text file the gate reads.
    text = await readTextFile(path, workspace);
  } catch (err) {
    throw new ConfigError(
      `${file}: cannot read (${err instanceof TextReadError ? err.detail : (err as Error).message})`,
    );
  }
  const ids = new Set<string>();
  for (const line of text.split('\n')) {
    const id = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (id !== '') ids.add(id);
  }
  return { ids, file };
}
