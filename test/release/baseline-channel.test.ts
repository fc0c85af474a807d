/**
 * `check --registry R --baseline-channel production` gates against the version the channel
 * serves, resolved before any vector is read; consumers' pins follow the channel, so a
 * promotion and a rollback move them.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedContract } from '../../src/config/contract.js';
import type { Registry } from '../../src/config/registry.js';
import { judgeFindings } from '../../src/gate/judge.js';
import { decideVerdict } from '../../src/gate/report-model.js';
import { checkDeprecations, pinnedVersion } from '../../src/release/registry-check.js';
import { runAt, setupScenario } from './scenario.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
async function scenario(): Promise<string> {
  const dir = await setupScenario();
  dirs.push(dir);
  return dir;
}

const check = (candidate: string, ...extra: string[]) => [
  'check',
  '--candidate',
  `releases/${candidate}/manifest.yaml`,
  '--contracts',
  'contracts',
  '--registry',
  'registry.yaml',
  ...extra,
];

describe('pinnedVersion', () => {
  it.each([
    [['1.2.0', '1.1.0', '1.0.0'], undefined, '1.2.0'],
    [['1.2.0', '1.1.0', '1.0.0'], '1.1.0', '1.1.0'],
    [['1.2.0', '1.1.0', '1.0.0'], '1.0.0', '1.0.0'],
    [['1.2.0', '1.1.0'], '1.0.0', '1.2.0'],
    [['1.1.0', '1.0.0'], '2.0.0', '1.1.0'],
    [[], '1.0.0', undefined],
  ])('accepted %j, channel at %s: pinned to %s', (matching, served, pinned) => {
    expect(pinnedVersion(matching, served)).toBe(pinned);
  });
});

describe('deprecation.sunset for a pending consumer', () => {
  it('is reported at its natural severity; the judge keeps it from blocking', () => {
    const registry = {
      registry: 1,
      embeddings: {
        e: {
          versions: {
            '1.0.0': { status: 'retired', released: '2024-01-01T00:00:00Z' },
          },
        },
      },
    } as unknown as Registry;
    const contract = (status: 'active' | 'pending') =>
      ({
        contract: { consumer: 'c', owner: 'o', embedding: 'e', accepts: '^1.0.0', status },
        doc: { file: 'c.yaml', locate: () => ({ file: 'c.yaml' }) },
      }) as unknown as LoadedContract;
    const now = new Date('2026-01-01T00:00:00Z');
    for (const status of ['active', 'pending'] as const) {
      const { findings } = checkDeprecations(registry, [contract(status)], now);
      expect(findings.map((f) => [f.id, f.severity])).toEqual([['deprecation.sunset', 'error']]);
      const judged = judgeFindings(findings, {
        failOn: 'warning',
        now: () => now,
        pendingConsumers: new Set(status === 'pending' ? ['c'] : []),
      });
      expect(decideVerdict(judged.findings, 'warning')).toBe(
        status === 'pending' ? 'pass' : 'fail',
      );
    }
  });
});

describe('check --baseline-channel', () => {
  it('gates against the channel’s version, and follows a promotion and a rollback', async () => {
    const dir = await scenario();
    const gate = async (candidate: string) => {
      const r = await runAt(
        check(candidate, '--baseline-channel', 'production', '--format', 'json'),
        dir,
      );
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout);
    };
    const first = await gate('1.1.0');
    expect(first.baseline).toMatchObject({
      version: '1.0.0',
      manifest: 'releases/1.0.0/manifest.yaml',
    });
    expect(first.coverage).toMatchObject({ baselineIds: 2000, missing: 0 });
    expect(first.pins).toContainEqual(
      expect.objectContaining({
        consumer: 'search-index',
        version: '1.0.0',
        channel: 'production',
      }),
    );

    const promote = [
      'promote',
      '--registry',
      'registry.yaml',
      '--channel',
      'production',
      '--version',
      '1.1.0',
      '--candidate',
      'releases/1.1.0/manifest.yaml',
      '--contracts',
      'contracts',
    ];
    expect((await runAt(promote, dir)).code).toBe(0);
    const promoted = await gate('1.2.0');
    expect(promoted.baseline.version).toBe('1.1.0');
    expect(promoted.pins).toContainEqual(
      expect.objectContaining({ consumer: 'search-index', version: '1.1.0' }),
    );

    const rollback = ['rollback', '--registry', 'registry.yaml', '--channel', 'production'];
    expect((await runAt(rollback, dir)).code).toBe(0);
    const rolledBack = await gate('1.2.0');
    expect(rolledBack.baseline.version).toBe('1.0.0');
    expect(rolledBack.pins).toContainEqual(
      expect.objectContaining({ consumer: 'search-index', version: '1.0.0' }),
    );
  });

  const refusals: { what: string; args: string[]; message: RegExp }[] = [
    {
      what: 'without a registry',
      args: [
        'check',
        '--candidate',
        'releases/1.1.0/manifest.yaml',
        '--baseline-channel',
        'production',
      ],
      message: /baseline channel production needs a registry \(--registry\)/,
    },
    {
      what: 'with --baseline too',
      args: check(
        '1.1.0',
        '--baseline-channel',
        'production',
        '--baseline',
        'releases/1.0.0/manifest.yaml',
      ),
      message: /give a baseline manifest or a baseline channel \(production\), not both/,
    },
    {
      what: 'a channel the registry does not have',
      args: check('1.1.0', '--baseline-channel', 'canary'),
      message: /registry\.yaml: products-text has no channel canary \(its channels: production\)/,
    },
  ];
  it.each(refusals)('cannot judge $what (exit 2)', async ({ args, message }) => {
    const r = await runAt(args, await scenario());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
