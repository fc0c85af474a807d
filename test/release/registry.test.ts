import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/document.js';
import { BROKEN_LOCK_MS, LockError, withLock } from '../../src/release/lock.js';
import {
  parseRegistry,
  renderRegistry,
  requireValid,
  type Registry,
} from '../../src/config/registry.js';
import {
  deprecate,
  promote,
  RegistryRefusal,
  rollback,
  rollbackStack,
  updateRegistry,
} from '../../src/release/registry-ops.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const H = (c: string) => c.repeat(64);

export const REGISTRY_YAML = `# The products registry. Comments survive every update.
registry: 1
embeddings:
  products-text:
    versions:
      "1.0.0":
        status: active
        released: 2024-03-04T10:00:00Z
        manifest: { path: releases/1.0.0/manifest.yaml, sha256: ${H('a')} }
        vectors: { path: releases/1.0.0/vectors.npy, sha256: ${H('b')} }
      "1.1.0":
        status: active
        released: 2024-09-20T15:00:00Z
        manifest: { path: releases/1.1.0/manifest.yaml, sha256: ${H('c')} }
        vectors: { path: releases/1.1.0/vectors.arrow, sha256: ${H('d')} }
    channels:
      production:
        version: 1.0.0
        history:
          - { version: 1.0.0, at: 2024-03-04T10:00:00Z, actor: alice, action: promote }
`;

const reg = (): Registry => requireValid(parseRegistry('registry.yaml', REGISTRY_YAML));
const at = '2026-02-01T12:00:00Z';
const record = (m: string, v: string) => ({
  manifest: { path: 'm.yaml', sha256: H(m) },
  vectors: { path: 'v.npy', sha256: H(v) },
});

describe('registry changes', () => {
  it('promote appends to the channel history and is a no-op when repeated', () => {
    const first = promote(reg(), {
      name: 'products-text',
      channel: 'production',
      version: '1.1.0',
      at,
      actor: 'bob',
      reason: 'better recall',
    });
    expect(first.message).toBe('promoted products-text 1.1.0 to production (was 1.0.0)');
    const ch = first.next!.embeddings['products-text']!.channels!.production!;
    expect(ch.version).toBe('1.1.0');
    expect(ch.history.at(-1)).toEqual({
      version: '1.1.0',
      at,
      actor: 'bob',
      action: 'promote',
      reason: 'better recall',
      from: '1.0.0',
    });
    const again = promote(first.next!, {
      name: 'products-text',
      channel: 'production',
      version: '1.1.0',
      at,
      actor: 'bob',
    });
    expect(again).toEqual({
      message: 'products-text production is already at 1.1.0; nothing to do',
    });
  });

  it('promote registers a new version, and refuses to reuse a released number for other content', () => {
    const r = promote(reg(), {
      name: 'products-text',
      channel: 'canary',
      version: '1.2.0',
      record: record('e', 'f'),
      at,
      actor: 'bob',
    });
    expect(r.next!.embeddings['products-text']!.versions['1.2.0']).toEqual({
      status: 'active',
      released: at,
      ...record('e', 'f'),
    });
    expect(r.message).toContain('registered the version');
    expect(() =>
      promote(reg(), {
        name: 'products-text',
        channel: 'canary',
        version: '1.1.0',
        record: record('c', '9'),
        at,
        actor: 'bob',
      }),
    ).toThrow(
      expect.objectContaining({
        id: 'version.immutable',
        message: expect.stringContaining(
          `vectors v.npy hashes to ${H('9')}, the released releases/1.1.0/vectors.arrow to ${H('d')}`,
        ),
      }),
    );
    expect(() =>
      promote(reg(), {
        name: 'products-text',
        channel: 'canary',
        version: '9.0.0',
        at,
        actor: 'bob',
      }),
    ).toThrow(RegistryRefusal);
  });

  it('rollback goes back through promotions, appends itself to history, and --from makes a retry a no-op', () => {
    let r = reg();
    for (const version of ['1.1.0', '1.0.0', '1.1.0'])
      r = promote(r, {
        name: 'products-text',
        channel: 'production',
        version,
        at,
        actor: 'bob',
      }).next!;
    // history: 1.0.0, 1.1.0, 1.0.0, 1.1.0 → back to 1.0.0, then 1.1.0, then 1.0.0
    const back1 = rollback(r, {
      name: 'products-text',
      channel: 'production',
      at,
      actor: 'ops',
      reason: 'p95 latency',
      from: '1.1.0',
    });
    expect(back1.message).toBe('rolled products-text production back from 1.1.0 to 1.0.0');
    expect(
      rollback(back1.next!, {
        name: 'products-text',
        channel: 'production',
        at,
        actor: 'ops',
        from: '1.1.0',
      }).next,
    ).toBeUndefined();
    const back2 = rollback(back1.next!, {
      name: 'products-text',
      channel: 'production',
      at,
      actor: 'ops',
    });
    expect(back2.next!.embeddings['products-text']!.channels!.production!.version).toBe('1.1.0');
    const back3 = rollback(back2.next!, {
      name: 'products-text',
      channel: 'production',
      at,
      actor: 'ops',
    });
    const history = back3.next!.embeddings['products-text']!.channels!.production!.history;
    expect(history.map((h) => `${h.action} ${h.version}`)).toEqual([
      'promote 1.0.0',
      'promote 1.1.0',
      'promote 1.0.0',
      'promote 1.1.0',
      'rollback 1.0.0',
      'rollback 1.1.0',
      'rollback 1.0.0',
    ]);
    expect(rollbackStack(history)).toEqual(['1.0.0']);
    expect(() =>
      rollback(back3.next!, { name: 'products-text', channel: 'production', at, actor: 'ops' }),
    ).toThrow(expect.objectContaining({ id: 'rollback.none' }));
  });

  it('deprecate records the sunset once, keeps the first deprecation time, and refuses unknown versions', () => {
    const d1 = deprecate(reg(), {
      name: 'products-text',
      version: '1.0.0',
      sunset: '2026-06-30',
      at,
      reason: 'superseded',
    });
    expect(d1.message).toBe(
      'deprecated products-text 1.0.0, sunset 2026-06-30 (still served by production: promote a successor before the sunset)',
    );
    expect(d1.next!.embeddings['products-text']!.versions['1.0.0']).toMatchObject({
      status: 'deprecated',
      deprecated_at: at,
      sunset: '2026-06-30',
    });
    expect(
      deprecate(d1.next!, {
        name: 'products-text',
        version: '1.0.0',
        sunset: '2026-06-30',
        at: '2027-01-01T00:00:00Z',
      }).next,
    ).toBeUndefined();
    const moved = deprecate(d1.next!, {
      name: 'products-text',
      version: '1.0.0',
      sunset: '2026-09-30',
      at: '2026-03-01T00:00:00Z',
    });
    expect(moved.next!.embeddings['products-text']!.versions['1.0.0']).toMatchObject({
      deprecated_at: at,
      sunset: '2026-09-30',
    });
    expect(() =>
      promote(d1.next!, {
        name: 'products-text',
        channel: 'canary',
        version: '1.0.0',
        at,
        actor: 'x',
      }),
    ).toThrow(expect.objectContaining({ id: 'promote.status' }));
    expect(() =>
      deprecate(reg(), { name: 'products-text', version: '3.0.0', sunset: '2026-06-30', at }),
    ).toThrow(expect.objectContaining({ id: 'deprecate.unknown' }));
  });
});

describe('registry files', () => {
  it('renders YAML in place: comments, flow maps and key order survive, new entries are appended', () => {
    const next = promote(reg(), {
      name: 'products-text',
      channel: 'production',
      version: '1.1.0',
      at,
      actor: 'bob',
    }).next!;
    const text = renderRegistry('registry.yaml', REGISTRY_YAML, next);
    expect(
      text.startsWith(
        REGISTRY_YAML.split('\n          - {')[0]!.replace(
          'version: 1.0.0\n        history:',
          'version: 1.1.0\n        history:',
        ),
      ),
    ).toBe(true);
    expect(text).toContain('# The products registry. Comments survive every update.');
    expect(requireValid(parseRegistry('registry.yaml', text))).toEqual(next);
    const json = renderRegistry('registry.json', '{}', next);
    expect(JSON.parse(json)).toEqual(next);
  });

  it('reports a channel whose version is not its last history entry, and schema problems at their line', () => {
    const bad = REGISTRY_YAML.replace('        version: 1.0.0\n', '        version: 1.1.0\n');
    const loaded = parseRegistry('registry.yaml', bad);
    expect(loaded.registry).toBeUndefined();
    expect(loaded.findings[0]).toMatchObject({
      id: 'registry.channel',
      location: { line: 18, column: 18 },
    });
    const schema = parseRegistry(
      'registry.yaml',
      REGISTRY_YAML.replace('status: active', 'status: live'),
    );
    expect(schema.findings[0]).toMatchObject({
      id: 'registry.schema',
      location: { line: 7 },
      message: expect.stringContaining('one of active, deprecated, retired'),
    });
    expect(() => requireValid(schema)).toThrow(ConfigError);
  });

  it('points a bad version key or embedding name at the key itself', () => {
    const bad = REGISTRY_YAML.replace('"1.1.0":', '"1.1":').replace(
      '  products-text:',
      '  Products:',
    );
    expect(
      parseRegistry('registry.yaml', bad).findings.map((f) => [
        f.message,
        f.location?.line,
        f.location?.column,
      ]),
    ).toEqual([
      [
        'embeddings.Products: key "Products": expected text matching ^[a-z0-9][a-z0-9._-]{0,127}$',
        4,
        3,
      ],
      [
        'embeddings.Products.versions.1.1: key "1.1": expected a semantic version such as 2.1.0',
        11,
        7,
      ],
    ]);
  });
});

function tempRegistry(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'eg-registry-'));
  const file = join(dir, 'registry.yaml');
  writeFileSync(file, REGISTRY_YAML);
  return { dir, file };
}

describe('the registry lock', () => {
  it('waits for a live holder, then times out with who holds it', async () => {
    const { file } = tempRegistry();
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({
        pid: process.pid,
        host: 'elsewhere',
        token: 't',
        since: '2026-01-01T00:00:00Z',
      }),
    );
    let clock = Date.now();
    const err = await withLock(`${file}.lock`, async () => 'ran', {
      timeoutMs: 1000,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockError);
    expect((err as Error).message).toContain(
      `locked by pid ${process.pid} on elsewhere since 2026-01-01T00:00:00Z`,
    );
  });

  it('breaks a lock left by a dead process of this host at once, and an old one after staleMs', async () => {
    const { file } = tempRegistry();
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: 999_999_999, host: 'here', token: 't', since: '' }),
    );
    expect(
      await withLock(`${file}.lock`, async () => 'ran', { hostname: 'here', timeoutMs: 0 }),
    ).toBe('ran');
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: 1, host: 'elsewhere', token: 't', since: '' }),
    );
    const old = new Date(Date.now() - 120_000);
    utimesSync(`${file}.lock`, old, old);
    expect(
      await withLock(`${file}.lock`, async () => 'ran', { staleMs: 60_000, timeoutMs: 0 }),
    ).toBe('ran');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('breaks an empty or unreadable lock (a writer killed before writing its owner) after the short grace, not 30 s', async () => {
    const { file } = tempRegistry();
    const lock = `${file}.lock`;
    for (const content of ['', '{"pid": 12', '\u0000\u0000']) {
      writeFileSync(lock, content);
      // Within the grace a writer may still be about to write its owner: wait, do not break.
      let clock = Date.now();
      const waited = await withLock(lock, async () => 'ran', {
        timeoutMs: BROKEN_LOCK_MS / 2,
        now: () => clock,
        sleep: async (ms) => void (clock += ms),
      }).catch((e: unknown) => e);
      expect(waited).toBeInstanceOf(LockError);
      expect((waited as Error).message).toContain('locked by another writer');
      expect(existsSync(lock)).toBe(true);
      // Past it, the lock is broken at once, although staleMs (30 s) has not passed.
      clock = Date.now();
      expect(
        await withLock(lock, async () => 'ran', {
          timeoutMs: 10 * BROKEN_LOCK_MS,
          now: () => clock,
          sleep: async (ms) => void (clock += ms),
        }),
      ).toBe('ran');
      expect(clock - Date.now()).toBeLessThan(3 * BROKEN_LOCK_MS);
      expect(existsSync(lock)).toBe(false);
    }
  });

  it('a breaker killed mid-way (its .break file left) does not stall the next writer', async () => {
    const { file } = tempRegistry();
    const lock = `${file}.lock`;
    writeFileSync(lock, '');
    writeFileSync(`${lock}.break`, '');
    const old = new Date(Date.now() - 10 * BROKEN_LOCK_MS);
    utimesSync(lock, old, old);
    utimesSync(`${lock}.break`, old, old);
    const started = Date.now();
    expect(await withLock(lock, async () => 'ran', { timeoutMs: 5_000 })).toBe('ran');
    expect(Date.now() - started).toBeLessThan(BROKEN_LOCK_MS);
    expect(existsSync(lock) || existsSync(`${lock}.break`)).toBe(false);
  });

  it('concurrent writers finding one empty lock: exactly one breaks it, and no update is lost', async () => {
    const { dir, file } = tempRegistry();
    const lock = `${file}.lock`;
    const counter = join(dir, 'counter');
    writeFileSync(counter, '0');
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 10 * BROKEN_LOCK_MS);
    utimesSync(lock, old, old);
    let inside = 0;
    let most = 0;
    const writers = Array.from({ length: 12 }, (_, i) =>
      withLock(
        lock,
        async (held) => {
          inside++;
          most = Math.max(most, inside);
          const n = Number(readFileSync(counter, 'utf8'));
          await new Promise((r) => setTimeout(r, 2));
          await held.assertHeld();
          writeFileSync(counter, String(n + 1));
          inside--;
          return i;
        },
        { timeoutMs: 20_000 },
      ),
    );
    const results = await Promise.allSettled(writers);
    const done = results.filter((r) => r.status === 'fulfilled').length;
    // Every writer that returned wrote once, and none overwrote another's update.
    expect(Number(readFileSync(counter, 'utf8'))).toBe(done);
    expect(done).toBe(12);
    expect(most).toBe(1);
    expect(readdirSync(dir).filter((f) => f.includes('.lock'))).toEqual([]);
  });

  it('does not write when the lock was taken away', async () => {
    const { file } = tempRegistry();
    const err = await updateRegistry(file, (r) => {
      writeFileSync(
        `${file}.lock`,
        JSON.stringify({ pid: 1, host: 'x', token: 'someone-else', since: '' }),
      );
      return promote(r, {
        name: 'products-text',
        channel: 'production',
        version: '1.1.0',
        at,
        actor: 'bob',
      });
    }).catch((e: unknown) => e);
    expect((err as Error).message).toContain('lost the registry lock');
    expect(readFileSync(file, 'utf8')).toBe(REGISTRY_YAML);
  });
});

function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code, signal) => done({ code, signal, stderr }));
  });
}

describe('several processes and a crash', () => {
  it('concurrent writers lose no update', async () => {
    const { file } = tempRegistry();
    const writers = ['canary', 'staging', 'production', 'shadow'];
    const results = await Promise.all(
      writers.map((c) => run(['test/release/registry-writer.ts', file, c, '5'])),
    );
    for (const r of results) expect(r).toMatchObject({ code: 0, stderr: '' });
    const final = requireValid(parseRegistry(file, readFileSync(file, 'utf8')));
    const channels = final.embeddings['products-text']!.channels!;
    expect(channels.canary!.history).toHaveLength(5);
    expect(channels.staging!.history.map((h) => h.reason)).toEqual([
      'step 0',
      'step 1',
      'step 2',
      'step 3',
      'step 4',
    ]);
    // production started at 1.0.0, so step 1 (to 1.0.0 after 1.1.0) and the rest each add an entry.
    expect(channels.production!.history).toHaveLength(6);
    expect(channels.shadow!.version).toBe('1.1.0');
    expect(readFileSync(file, 'utf8')).toContain(
      '# The products registry. Comments survive every update.',
    );
    expect(
      readdirSync(resolve(file, '..')).filter((f) => f.endsWith('.tmp') || f.includes('.lock')),
    ).toEqual([]);
  }, 120_000);

  it('a crash between writing the new registry and renaming it leaves the old registry intact', async () => {
    const { dir, file } = tempRegistry();
    const crashed = await run(
      [
        '--import',
        './test/release/crash-on-rename.mjs',
        'test/release/registry-writer.ts',
        file,
        'canary',
        '1',
      ],
      {
        CRASH_ON_RENAME_TO: file,
      },
    );
    expect(crashed.signal).toBe('SIGKILL');
    expect(readFileSync(file, 'utf8')).toBe(REGISTRY_YAML);
    const leftovers = readdirSync(dir).sort();
    expect(leftovers).toEqual(expect.arrayContaining(['registry.yaml', 'registry.yaml.lock']));
    const temp = leftovers.find((f) => f.endsWith('.tmp'))!;
    expect(readFileSync(join(dir, temp), 'utf8')).toContain('canary'); // the new content was complete, just never renamed
    // The next writer finds the dead writer's lock, breaks it, and succeeds.
    const next = await run(['test/release/registry-writer.ts', file, 'canary', '1']);
    expect(next).toMatchObject({ code: 0, stderr: '' });
    expect(
      requireValid(parseRegistry(file, readFileSync(file, 'utf8'))).embeddings['products-text']!
        .channels!.canary!.version,
    ).toBe('1.1.0');
  }, 60_000);
});
