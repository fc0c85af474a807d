/**
 * Changes to the registry: promote a version to a channel, roll a channel back, deprecate
 * a version. Each change is a pure function from the registry read under the lock to the
 * next one (or "nothing to do"), applied by {@link updateRegistry}: lock, re-read, change,
 * write atomically (temp file + rename), unlock. History is only ever appended to, and
 * re-running the same promote or deprecate is a no-op.
 */
import { writeFileAtomic } from '../fsutil/atomic-write.js';
import { ConfigError } from '../config/document.js';
import { decodeSource, readCapped } from '../config/source-text.js';
import { configLimits, type ConfigLimits } from '../config/limits.js';
import { withLock, type LockOptions } from './lock.js';
import {
  EMPTY_REGISTRY_YAML,
  parseRegistry,
  renderRegistry,
  requireValid,
  type Channel,
  type HistoryEntry,
  type Registry,
  type RegistryEmbedding,
  type RegistryVersion,
} from '../config/registry.js';

/** The registry does not allow the change (exit 1): released versions are immutable, a retired version cannot serve... */
export class RegistryRefusal extends Error {
  override readonly name = 'RegistryRefusal';
  constructor(
    /** Stable id, as a finding's: `version.immutable`, `promote.status`, `rollback.none`... */
    readonly id: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a change decided: the next registry, or none when there is nothing to do. */
export interface ChangeOutcome {
  readonly next?: Registry;
  /** One line for the user: what was done, or why nothing was. */
  readonly message: string;
}

function embedding(reg: Registry, name: string): RegistryEmbedding | undefined {
  return reg.embeddings[name];
}

function withEmbedding(reg: Registry, name: string, emb: RegistryEmbedding): Registry {
  return { ...reg, embeddings: { ...reg.embeddings, [name]: emb } };
}

function withChannel(reg: Registry, name: string, channel: string, ch: Channel): Registry {
  const emb = embedding(reg, name)!;
  return withEmbedding(reg, name, { ...emb, channels: { ...(emb.channels ?? {}), [channel]: ch } });
}

/** Describes how two records of the same version differ (empty when they agree). */
export function recordDifferences(
  released: RegistryVersion,
  candidate: Pick<RegistryVersion, 'manifest' | 'vectors' | 'ids'>,
): string[] {
  const out: string[] = [];
  for (const role of ['manifest', 'vectors', 'ids'] as const) {
    const a = released[role];
    const b = candidate[role];
    if (a && b && a.sha256 !== b.sha256)
      out.push(`${role} ${b.path} hashes to ${b.sha256}, the released ${a.path} to ${a.sha256}`);
    else if (!!a !== !!b)
      out.push(
        `${role}: released ${a ? a.path : 'without one'}, candidate ${b ? b.path : 'without one'}`,
      );
  }
  return out;
}

/** What `promote` is asked to do. */
export interface PromoteChange {
  readonly name: string;
  readonly channel: string;
  readonly version: string;
  /** The version's files as hashed now; registers the version when it is new, and must match a released one. */
  readonly record?: Pick<RegistryVersion, 'manifest' | 'vectors' | 'ids'>;
  readonly at: string;
  readonly actor: string;
  readonly reason?: string;
  readonly reportSha256?: string;
}

/** Points `channel` at `version`, registering the version when new. */
export function promote(reg: Registry, c: PromoteChange): ChangeOutcome {
  const emb: RegistryEmbedding = embedding(reg, c.name) ?? { versions: {} };
  let next = reg;
  const released = emb.versions[c.version];
  if (released) {
    if (c.record) {
      const diff = recordDifferences(released, c.record);
      if (diff.length) {
        throw new RegistryRefusal(
          'version.immutable',
          `${c.name} ${c.version} was released with other content (${diff.join('; ')}); a released version number is never reused — give the new content a new version`,
        );
      }
    }
    if (released.status !== 'active') {
      throw new RegistryRefusal(
        'promote.status',
        `${c.name} ${c.version} is ${released.status}${released.sunset ? ` (sunset ${released.sunset})` : ''}; only active versions are promoted`,
      );
    }
  } else {
    if (!c.record) {
      throw new RegistryRefusal(
        'promote.unknown',
        `${c.name} ${c.version} is not in the registry; promote it with its manifest (--report or --candidate) to register it`,
      );
    }
    const record: RegistryVersion = { status: 'active', released: c.at, ...c.record };
    next = withEmbedding(next, c.name, {
      ...emb,
      versions: { ...emb.versions, [c.version]: record },
    });
  }
  const current = emb.channels?.[c.channel];
  if (current?.version === c.version) {
    return { message: `${c.name} ${c.channel} is already at ${c.version}; nothing to do` };
  }
  const entry: HistoryEntry = {
    version: c.version,
    at: c.at,
    actor: c.actor,
    action: 'promote',
    ...(c.reason ? { reason: c.reason } : {}),
    ...(current ? { from: current.version } : {}),
    ...(c.reportSha256 ? { report_sha256: c.reportSha256 } : {}),
  };
  next = withChannel(next, c.name, c.channel, {
    version: c.version,
    history: [...(current?.history ?? []), entry],
  });
  return {
    next,
    message: `promoted ${c.name} ${c.version} to ${c.channel}${current ? ` (was ${current.version})` : ''}${released ? '' : '; registered the version'}`,
  };
}

/**
 * The versions a channel can roll back through: promotions push, rollbacks pop, so two
 * rollbacks in a row go two promotions back rather than undoing each other.
 */
export function rollbackStack(history: readonly HistoryEntry[]): string[] {
  const stack: string[] = [];
  for (const h of history) {
    if (h.action === 'rollback') {
      stack.pop();
      // A hand-edited history may disagree; the entry's own version is what was served.
      if (stack[stack.length - 1] !== h.version) stack.push(h.version);
    } else {
      stack.push(h.version);
    }
  }
  return stack;
}

/** What `rollback` is asked to do. */
export interface RollbackChange {
  readonly name: string;
  readonly channel: string;
  readonly at: string;
  readonly actor: string;
  readonly reason?: string;
  /** Only roll back if the channel is at this version (a retried rollback is then a no-op). */
  readonly from?: string;
}

/** Points `channel` back at the version it served before its current one. */
export function rollback(reg: Registry, c: RollbackChange): ChangeOutcome {
  const ch = embedding(reg, c.name)?.channels?.[c.channel];
  if (!ch)
    throw new RegistryRefusal(
      'rollback.none',
      `${c.name} has no channel ${c.channel}; nothing to roll back`,
    );
  if (c.from && ch.version !== c.from) {
    return {
      message: `${c.name} ${c.channel} is at ${ch.version}, not ${c.from}; nothing to do (already rolled back?)`,
    };
  }
  const stack = rollbackStack(ch.history);
  const target = stack[stack.length - 2];
  if (!target)
    throw new RegistryRefusal(
      'rollback.none',
      `${c.name} ${c.channel} has no earlier version to roll back to (it has only served ${ch.version})`,
    );
  const status = embedding(reg, c.name)!.versions[target]!.status;
  if (status === 'retired')
    throw new RegistryRefusal(
      'rollback.status',
      `${c.name} ${target} is retired; the channel cannot roll back to it`,
    );
  const entry: HistoryEntry = {
    version: target,
    at: c.at,
    actor: c.actor,
    action: 'rollback',
    ...(c.reason ? { reason: c.reason } : {}),
    from: ch.version,
  };
  return {
    next: withChannel(reg, c.name, c.channel, { version: target, history: [...ch.history, entry] }),
    message: `rolled ${c.name} ${c.channel} back from ${ch.version} to ${target}${status === 'deprecated' ? ` (note: ${target} is deprecated)` : ''}`,
  };
}

/** What `deprecate` is asked to do. */
export interface DeprecateChange {
  readonly name: string;
  readonly version: string;
  /** RFC 3339 date. */
  readonly sunset: string;
  readonly at: string;
  readonly reason?: string;
}

/** Marks a version deprecated with a sunset date (keeping the first deprecation time). */
export function deprecate(reg: Registry, c: DeprecateChange): ChangeOutcome {
  const emb = embedding(reg, c.name);
  const v = emb?.versions[c.version];
  if (!emb || !v)
    throw new RegistryRefusal('deprecate.unknown', `${c.name} ${c.version} is not in the registry`);
  if (v.status === 'retired')
    throw new RegistryRefusal('deprecate.status', `${c.name} ${c.version} is already retired`);
  if (
    v.status === 'deprecated' &&
    v.sunset === c.sunset &&
    (c.reason === undefined || c.reason === v.reason)
  ) {
    return {
      message: `${c.name} ${c.version} is already deprecated with sunset ${c.sunset}; nothing to do`,
    };
  }
  const record: RegistryVersion = {
    ...v,
    status: 'deprecated',
    deprecated_at: v.deprecated_at ?? c.at,
    sunset: c.sunset,
    ...(c.reason ? { reason: c.reason } : {}),
  };
  const serving = Object.entries(emb.channels ?? {})
    .filter(([, ch]) => ch.version === c.version)
    .map(([name]) => name);
  return {
    next: withEmbedding(reg, c.name, {
      ...emb,
      versions: { ...emb.versions, [c.version]: record },
    }),
    message:
      `deprecated ${c.name} ${c.version}, sunset ${c.sunset}` +
      (serving.length
        ? ` (still served by ${serving.join(', ')}: promote a successor before the sunset)`
        : ''),
  };
}

/** How {@link updateRegistry} reads, locks and writes. */
export interface UpdateOptions {
  /** Create the registry when the file does not exist. */
  readonly create?: boolean;
  readonly lock?: LockOptions;
  /** Replaces the atomic write (tests only: to count or fail writes). */
  readonly write?: (file: string, text: string) => Promise<void>;
  /** Caps on the registry file (size, aliases), set by whoever runs the command. */
  readonly limits?: Partial<ConfigLimits>;
}

/**
 * Applies `change` to the registry `file` under its lock: the registry is read after the
 * lock is taken, so concurrent writers see each other's updates; it is written (temp file
 * + rename) only when the change produced a new registry.
 */
export async function updateRegistry(
  file: string,
  change: (reg: Registry) => ChangeOutcome,
  options: UpdateOptions = {},
): Promise<ChangeOutcome> {
  const write = options.write ?? writeFileAtomic;
  return withLock(
    `${file}.lock`,
    async (lock) => {
      const limits = configLimits(options.limits);
      let text: string;
      try {
        text = decodeSource(file, await readCapped(file, file, limits.maxBytes));
      } catch (err) {
        if (err instanceof ConfigError) throw err;
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
          throw new ConfigError(`${file}: cannot read: ${(err as Error).message}`, { file });
        if (!options.create)
          throw new ConfigError(`${file}: no such registry; pass --init to create it`, { file });
        text = /\.json$/i.test(file)
          ? '{\n  "registry": 1,\n  "embeddings": {}\n}\n'
          : EMPTY_REGISTRY_YAML;
      }
      const registry = requireValid(parseRegistry(file, text, undefined, limits));
      const outcome = change(registry);
      if (outcome.next) {
        const rendered = renderRegistry(file, text, outcome.next);
        // The rendering must read back as the registry we meant to write, or nothing is written.
        requireValid(parseRegistry(file, rendered, undefined, limits));
        await lock.assertHeld();
        await write(file, rendered);
      }
      return outcome;
    },
    options.lock,
  );
}
