/**
 * The registry (`contracts/registry.schema.json`): one file per repository listing every
 * released embedding version with the sha256 of its files, its status and sunset, and the
 * channels pointing at versions with their full history. This module types it, loads it
 * with its findings, and renders an updated registry back to text, keeping the comments
 * and layout of a YAML file.
 */
import { resolve } from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import {
  ConfigError,
  parseSourceText,
  readSourceText,
  type LoadOptions,
  type SourceDocument,
} from './document.js';
import type { Finding } from './findings.js';
import { configLimits, type ConfigLimits } from './limits.js';
import { validateDocument } from './schema.js';

/** `deprecated` versions still serve until their sunset; `retired` ones never do. */
export type VersionStatus = 'active' | 'deprecated' | 'retired';

/** One released file and the sha256 it was released with. */
export interface RegistryFile {
  /** Relative to the registry file. */
  readonly path: string;
  readonly sha256: string;
}

/** One released version. */
export interface RegistryVersion {
  readonly status: VersionStatus;
  readonly released: string;
  readonly manifest: RegistryFile;
  readonly vectors: RegistryFile;
  readonly ids?: RegistryFile;
  readonly deprecated_at?: string;
  /** RFC 3339 date; the version is past its sunset from 00:00 UTC that day. */
  readonly sunset?: string;
  readonly reason?: string;
}

/** One change of a channel: appended, never edited or removed. */
export interface HistoryEntry {
  readonly version: string;
  readonly at: string;
  readonly actor: string;
  readonly action: 'promote' | 'rollback';
  readonly reason?: string;
  readonly from?: string;
  readonly report_sha256?: string;
}

/** A channel (production, staging, canary...) and how it got there. */
export interface Channel {
  readonly version: string;
  readonly history: readonly HistoryEntry[];
}

/** Every version of one embedding, and its channels. */
export interface RegistryEmbedding {
  readonly versions: Readonly<Record<string, RegistryVersion>>;
  readonly channels?: Readonly<Record<string, Channel>>;
}

/** The compatibility policy block, as written in the file. */
export interface RegistryCompatibility {
  readonly sample_size?: number;
  readonly seed?: number;
  readonly k?: number;
  readonly same_id_cosine_mean?: number;
  readonly same_id_cosine_p5?: number;
  readonly norm_ratio_tolerance?: number;
  readonly knn_overlap?: number;
  readonly cka?: number;
  readonly cross_version_ratio?: number;
  /** Mixing needs each direction's self-retrieval recall@1 at least this fraction of the old space's own. */
  readonly self_recall_ratio?: number;
  /** Mixing needs at least this fraction of ids nearer their old vector than its nearest old neighbour. */
  readonly nearer_than_neighbour?: number;
}

/** The whole registry file. */
export interface Registry {
  readonly registry: 1;
  readonly compatibility?: RegistryCompatibility;
  readonly embeddings: Readonly<Record<string, RegistryEmbedding>>;
}

/** A registry file as loaded: the document (for locations), the typed value when valid, findings. */
export interface LoadedRegistry {
  readonly doc: SourceDocument;
  /** Present only when the document satisfies the schema and its own invariants. */
  readonly registry?: Registry;
  readonly findings: readonly Finding[];
  /** The text as read, for rewriting it with its comments. */
  readonly text: string;
}

/** A new, empty registry's text. */
export const EMPTY_REGISTRY_YAML =
  '# embedding-gate registry: written by promote, rollback and deprecate; history is never deleted.\nregistry: 1\nembeddings: {}\n';

/**
 * Parses and validates registry text: the schema, then what a schema cannot say — each
 * channel's `version` is its last history entry's, and channels only name released versions.
 */
export function parseRegistry(
  file: string,
  text: string,
  path?: string,
  limits?: Partial<ConfigLimits>,
): LoadedRegistry {
  const doc = parseSourceText(file, text, path, limits);
  const findings = validateDocument('registry', doc);
  if (findings.length) return { doc, findings, text };
  const registry = doc.data as Registry;
  const problems: Finding[] = [];
  for (const [name, emb] of Object.entries(registry.embeddings)) {
    for (const [channel, ch] of Object.entries(emb.channels ?? {})) {
      const last = ch.history[ch.history.length - 1]!;
      if (last.version !== ch.version) {
        problems.push({
          id: 'registry.channel',
          severity: 'error',
          message: `${name} channel ${channel} says version ${ch.version}, but its last history entry is ${last.version}; the history is the record, so the two must agree`,
          location: doc.locate(['embeddings', name, 'channels', channel, 'version']),
          expected: last.version,
          found: ch.version,
        });
      }
      ch.history.forEach((h, i) => {
        if (!emb.versions[h.version]) {
          problems.push({
            id: 'registry.channel',
            severity: 'error',
            message: `${name} channel ${channel} history names version ${h.version}, which is not among the released versions`,
            location: doc.locate([
              'embeddings',
              name,
              'channels',
              channel,
              'history',
              i,
              'version',
            ]),
          });
        }
      });
    }
  }
  return problems.length
    ? { doc, findings: problems, text }
    : { doc, registry, findings: [], text };
}

/**
 * Reads and parses the registry `file` (resolved against `cwd`, shown as given). Throws
 * ConfigError when it cannot be read or parsed, breaks `options.limits` or (with
 * `options.workspace`) lies outside it; schema problems come back as findings.
 */
export async function loadRegistry(
  file: string,
  cwd: string,
  options: LoadOptions = {},
): Promise<LoadedRegistry> {
  const path = resolve(cwd, file);
  const caps = configLimits(options.limits);
  const text = await readSourceText(file, path, caps.maxBytes, 'registry', options.workspace);
  return parseRegistry(file, text, path, caps);
}

/**
 * For commands that change the registry: a registry with findings cannot be changed
 * safely, so the first finding becomes a ConfigError (exit 2) naming file:line.
 */
export function requireValid(loaded: LoadedRegistry): Registry {
  if (loaded.registry) return loaded.registry;
  const f = loaded.findings[0]!;
  const at = f.location
    ? `${f.location.file}:${f.location.line ?? 1}:${f.location.column ?? 1}`
    : loaded.doc.file;
  const more =
    loaded.findings.length > 1 ? ` (and ${loaded.findings.length - 1} more problem(s))` : '';
  throw new ConfigError(`${at}: invalid registry: ${f.message}${more}`, f.location);
}

/**
 * Renders `next` as the new text of the registry read as `previousText`. JSON files are
 * pretty-printed; YAML files are edited in place, so comments and key order survive:
 * changed scalars are set, new keys and list items appended. Nothing is ever removed,
 * which is also the registry's rule (history is never deleted).
 */
export function renderRegistry(file: string, previousText: string, next: Registry): string {
  if (/\.json$/i.test(file)) return JSON.stringify(next, null, 2) + '\n';
  // previousText passed parseRegistry's checks; its keys are known unique.
  const doc = parseDocument(previousText, { uniqueKeys: false });
  syncNode(doc, [], doc.contents, next);
  return doc.toString({ lineWidth: 0 });
}

function syncNode(doc: Document, path: (string | number)[], node: unknown, value: unknown): void {
  if (Array.isArray(value)) {
    if (!isSeq(node)) return void doc.setIn(path, doc.createNode(value));
    value.forEach((item, i) => {
      if (i < node.items.length) syncNode(doc, [...path, i], node.items[i], item);
      else node.add(doc.createNode(item));
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    if (!isMap(node)) return void doc.setIn(path, doc.createNode(value));
    // `embeddings: {}` is a flow map; once it has entries, block style reads better.
    if (node.flow && Object.keys(value).length > node.items.length) node.flow = false;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const child = node.get(key, true);
      if (child === undefined) node.set(doc.createNode(key), doc.createNode(item));
      else syncNode(doc, [...path, key], child, item);
    }
    return;
  }
  const current = doc.getIn(path);
  if (current !== value) doc.setIn(path, value);
}
