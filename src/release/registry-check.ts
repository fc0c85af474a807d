/**
 * What `check --registry` verifies: released files still hash as recorded
 * (`registry.hash`), a candidate does not reuse a released version number for other
 * content (`version.immutable`), and no consumer is left pinned to versions past their
 * sunset (`deprecation.sunset`), with each consumer's pinned version and its status.
 */
import { dirname, relative, resolve } from 'node:path';
import semver from 'semver';
import { sha256File } from '../sources/hash.js';
import { openLocalSource } from '../sources/local.js';
import type { SourceOpener } from '../sources/types.js';
import type { LoadedContract } from '../config/contract.js';
import { ConfigError } from '../config/document.js';
import type { Finding } from '../config/findings.js';
import { resolveInWorkspace } from '../config/paths.js';
import type {
  LoadedRegistry,
  Registry,
  RegistryFile,
  RegistryVersion,
  VersionStatus,
} from '../config/registry.js';
import { recordDifferences } from './registry-ops.js';

/** A version's files as the registry records them, relative to the registry file. */
export type ReleaseFiles = Pick<RegistryVersion, 'manifest' | 'vectors' | 'ids'>;

const ROLES = ['manifest', 'vectors', 'ids'] as const;

/**
 * Hashes every file the registry records and reports each that changed or vanished. The
 * files are read through `openSource` — the engine's, which is confined to the workspace —
 * so a released file whose link was swapped to point outside after the plan checked its
 * name is refused (exit 2), not hashed.
 */
export async function checkRegistryHashes(
  loaded: LoadedRegistry,
  workspace: string,
  cwd: string,
  openSource: SourceOpener = openLocalSource,
): Promise<Finding[]> {
  const reg = loaded.registry!;
  const findings: Finding[] = [];
  for (const [name, emb] of Object.entries(reg.embeddings)) {
    for (const [version, v] of Object.entries(emb.versions)) {
      for (const role of ROLES) {
        const f: RegistryFile | undefined = v[role];
        if (!f) continue;
        const fieldPath = ['embeddings', name, 'versions', version, role];
        const path = resolveInWorkspace(loaded.doc, [...fieldPath, 'path'], f.path, workspace);
        const shown = relative(cwd, path) || path;
        const actual = await sha256File(path, openSource, shown).catch(
          (err: NodeJS.ErrnoException) => {
            if (err instanceof ConfigError) throw err;
            return err;
          },
        );
        if (actual instanceof Error) {
          // A retired version's files may be deleted; an active or deprecated one still serves.
          if (v.status === 'retired' && actual.code === 'ENOENT') continue;
          findings.push({
            id: 'registry.hash',
            severity: 'error',
            message: `${name} ${version} (${v.status}): released ${role} file ${shown} ${actual.code === 'ENOENT' ? 'no longer exists' : `cannot be read (${actual.message})`}`,
            location: loaded.doc.locate([...fieldPath, 'path']),
          });
        } else if (actual !== f.sha256) {
          findings.push({
            id: 'registry.hash',
            severity: 'error',
            message: `${name} ${version} (${v.status}): released ${role} file ${shown} hashes to ${actual}, but the registry recorded ${f.sha256}; released files are immutable`,
            location: loaded.doc.locate([...fieldPath, 'sha256']),
            expected: f.sha256,
            found: actual,
          });
        }
      }
    }
  }
  return findings;
}

/**
 * Hashes a version's files and expresses them relative to the registry, as a registry
 * entry would record them.
 */
export async function hashRelease(
  registryFile: string,
  files: { readonly manifest: string; readonly vectors: string; readonly ids?: string },
  openSource: SourceOpener = openLocalSource,
): Promise<ReleaseFiles> {
  const base = dirname(resolve(registryFile));
  const entry = async (abs: string): Promise<RegistryFile> => ({
    path: relative(base, abs).split('\\').join('/'),
    sha256: await sha256File(abs, openSource),
  });
  return {
    manifest: await entry(files.manifest),
    vectors: await entry(files.vectors),
    ...(files.ids ? { ids: await entry(files.ids) } : {}),
  };
}

/** `version.immutable` when the candidate's name and version are released with other content. */
export function checkImmutable(
  loaded: LoadedRegistry,
  name: string,
  version: string,
  candidate: ReleaseFiles,
  location: Finding['location'],
): Finding[] {
  const released = loaded.registry!.embeddings[name]?.versions[version];
  if (!released) return [];
  const diff = recordDifferences(released, candidate);
  if (diff.length === 0) {
    return [
      {
        id: 'version.released',
        severity: 'info',
        message: `${name} ${version} is already released with identical files (${released.status})`,
        location,
      },
    ];
  }
  const at = loaded.doc.locate(['embeddings', name, 'versions', version], { key: true });
  return [
    {
      id: 'version.immutable',
      severity: 'error',
      message:
        `${name} ${version} was already released (${loaded.doc.file}:${at.line}) with other content: ${diff.join('; ')}. ` +
        `A released version number is never reused; give this content a new version`,
      location,
    },
  ];
}

/**
 * One consumer's pin: the version it reads — the highest registry version its range accepts
 * that is not newer than what the gated channel serves (so a rollback moves it back) — and
 * that version's status.
 */
export interface ConsumerPin {
  readonly consumer: string;
  readonly embedding: string;
  readonly accepts: string;
  /** The channel the pin follows, when the gate was given one and the embedding has it. */
  readonly channel?: string;
  /** Undefined when no released version matches. */
  readonly version?: string;
  readonly status?: VersionStatus;
  readonly sunset?: string;
  /** Whole days until the sunset (negative once past). */
  readonly daysLeft?: number;
}

const DAY = 86_400_000;

/** Whole days from `now` until 00:00 UTC of `sunset` (rounded up), negative once past. */
export function daysUntil(sunset: string, now: Date): number {
  return Math.ceil((Date.parse(`${sunset}T00:00:00Z`) - now.getTime()) / DAY);
}

function usable(v: RegistryVersion, now: Date): boolean {
  if (v.status === 'retired') return false;
  return !(v.sunset && daysUntil(v.sunset, now) <= 0);
}

/**
 * Pins every valid contract whose embedding the registry knows and applies the deprecation
 * policy: an error when every version its range accepts is retired or past its sunset; a
 * warning with the days left when its pinned version is deprecated. Findings carry their
 * natural severity and the consumer: a pending consumer's are judged in judgeFindings.
 */
export function checkDeprecations(
  reg: Registry,
  contracts: readonly LoadedContract[],
  now: Date,
  channel?: string,
): { pins: ConsumerPin[]; findings: Finding[] } {
  const pins: ConsumerPin[] = [];
  const findings: Finding[] = [];
  for (const loaded of contracts) {
    const c = loaded.contract;
    const emb = c ? reg.embeddings[c.embedding] : undefined;
    if (!c || !emb) continue;
    const matching = Object.keys(emb.versions)
      .filter((v) => semver.satisfies(v, c.accepts, { includePrerelease: true }))
      .sort(semver.rcompare);
    const served = channel ? emb.channels?.[channel]?.version : undefined;
    const top = pinnedVersion(matching, served);
    const record = top ? emb.versions[top]! : undefined;
    pins.push({
      consumer: c.consumer,
      embedding: c.embedding,
      accepts: c.accepts,
      ...(served ? { channel } : {}),
      ...(top && record
        ? {
            version: top,
            status: record.status,
            ...(record.sunset
              ? { sunset: record.sunset, daysLeft: daysUntil(record.sunset, now) }
              : {}),
          }
        : {}),
    });
    if (!top || !record) continue;
    const location = loaded.doc.locate(['accepts']);
    const describe = (v: string) => {
      const r = emb.versions[v]!;
      return r.status === 'retired' ? `${v} (retired)` : `${v} (sunset ${r.sunset})`;
    };
    const alive = matching.filter((v) => usable(emb.versions[v]!, now));
    if (alive.length === 0) {
      findings.push({
        id: 'deprecation.sunset',
        severity: 'error',
        consumer: c.consumer,
        message:
          `${c.consumer} (${c.owner}) accepts ${c.embedding} ${c.accepts}, which only matches versions past their sunset: ${matching.map(describe).join(', ')}; ` +
          `widen its range to a supported version`,
        location,
      });
    } else if (record.status !== 'active') {
      const days = record.sunset ? daysUntil(record.sunset, now) : undefined;
      const when =
        days === undefined
          ? 'without a sunset date'
          : days > 0
            ? `sunset ${record.sunset}, in ${days} day${days === 1 ? '' : 's'}`
            : `past its sunset ${record.sunset}; it falls back to ${alive[0]}`;
      findings.push({
        id: 'deprecation.sunset',
        severity: 'warning',
        consumer: c.consumer,
        message: `${c.consumer} (${c.owner}) is pinned to ${c.embedding} ${top}, which is deprecated (${when}); move it to a supported version`,
        location,
        ...(days !== undefined ? { found: days } : {}),
      });
    }
  }
  return { pins: pins.sort((a, b) => a.consumer.localeCompare(b.consumer)), findings };
}

/**
 * The version a consumer reads from a channel serving `served`: the highest it accepts that
 * is not newer (a consumer never reads ahead of the channel, and follows it back on a
 * rollback); without a channel, or when every accepted version is newer, the highest.
 */
export function pinnedVersion(
  matchingDescending: readonly string[],
  served: string | undefined,
): string | undefined {
  if (served === undefined) return matchingDescending[0];
  return matchingDescending.find((v) => semver.lte(v, served)) ?? matchingDescending[0];
}
