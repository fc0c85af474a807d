import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegistry, requireValid } from '../../src/config/registry.js';
import { expectGolden } from '../helpers/golden.js';
import { CHECK_11, CHECK_12, NOW, runAt, setupScenario } from './scenario.js';

const json = (stdout: string) => JSON.parse(stdout) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const registryOf = (dir: string) =>
  requireValid(parseRegistry('registry.yaml', readFileSync(join(dir, 'registry.yaml'), 'utf8')))
    .embeddings['products-text']!;

describe('check: versioning policy', () => {
  it('a compatible retrain declared minor passes, with the required bump, the compatibility answer and the pins', async () => {
    const dir = await setupScenario();
    const r = await runAt([...CHECK_11, '--registry', 'registry.yaml'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Required bump: minor; 1.0.0 -> 1.1.0 declares minor (sufficient)');
    expect(r.stdout).toContain(
      'Space compatibility: mixable: old and new vectors may share one index (self-retrieval recall@1 1.0000, nearer than the nearest neighbour 1.0000, same-id cosine mean 0.9930, p5 0.9907)',
    );
    expect(r.stdout).toMatch(
      /Pinned versions\n {2}fraud-classifier {2}\^1\.0\.0 +1\.0\.0 +active\n/,
    );
    const report = json(
      (await runAt([...CHECK_11, '--registry', 'registry.yaml', '--format', 'json'], dir)).stdout,
    );
    expect(report.requiredBump).toMatchObject({
      level: 'minor',
      declared: 'minor',
      sufficient: true,
      from: '1.0.0',
      to: '1.1.0',
    });
    expect(report.compatibility).toMatchObject({
      verdict: 'mixable',
      rows: 2000,
      shared: 2000,
      seed: 1,
    });
    expect(report.candidate.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('blocks a swapped (rotated) space behind the same model name and dims declared as a minor', async () => {
    const dir = await setupScenario();
    const r = await runAt([...CHECK_12, '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    const bump = report.findings.find((f: { id: string }) => f.id === 'version.bump');
    expect(bump).toMatchObject({
      severity: 'error',
      location: { file: 'releases/1.2.0/manifest.yaml', line: 3 },
      expected: 'major',
      found: 'minor',
    });
    expect(bump.message).toMatch(
      /^version not bumped enough: 1\.0\.0 → 1\.2\.0 is a minor bump, but the changes require a major bump \(e\.g\. 2\.0\.0\): space 1\.0\.0 → 1\.2\.0 \(major: re-index required/,
    );
    expect(bump.message).toContain(
      'neighbourhoods are preserved (kNN overlap@10 1.0000, CKA 1.0000) but coordinates are not: a rotated or retrained space',
    );
    expect(report.requiredBump.level).toBe('major');
  });

  it('takes --sample-size and --seed, and rejects bad values (exit 2)', async () => {
    const dir = await setupScenario();
    const report = json(
      (await runAt([...CHECK_11, '--sample-size', '300', '--seed', '9', '--format', 'json'], dir))
        .stdout,
    );
    expect(report.compatibility).toMatchObject({ rows: 300, seed: 9 });
    const bad = await runAt([...CHECK_11, '--sample-size', '9000'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--sample-size must be between 1 and 5000, found 9000');
  });

  it('blocks a candidate that reuses a released version number with other content, and any released file that changed', async () => {
    const dir = await setupScenario();
    const manifest = join(dir, 'releases/1.0.0/manifest.yaml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('tag: v1_model-minilm-l6-2024-03', 'tag: v1-retagged'),
    );
    const r = await runAt(
      [
        'check',
        '--candidate',
        'releases/1.0.0/manifest.yaml',
        '--registry',
        'registry.yaml',
        '--format',
        'json',
      ],
      dir,
    );
    expect(r.code).toBe(1);
    const ids = json(r.stdout).findings.map(
      (f: { id: string; message: string }) => `${f.id}: ${f.message}`,
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^version\.immutable: products-text 1\.0\.0 was already released \(registry\.yaml:6\) with other content: manifest .*releases\/1\.0\.0\/manifest\.yaml hashes to/,
        ),
        expect.stringMatching(
          /^registry\.hash: products-text 1\.0\.0 \(active\): released manifest file releases\/1\.0\.0\/manifest\.yaml hashes to [0-9a-f]{64}, but the registry recorded/,
        ),
      ]),
    );
  });

  it('applies the deprecation policy: days left in the window, an error once every accepted version is past its sunset', async () => {
    const dir = await setupScenario();
    expect(
      (
        await runAt(
          [
            'deprecate',
            '--registry',
            'registry.yaml',
            '--version',
            '1.0.0',
            '--sunset',
            '2026-02-11',
          ],
          dir,
        )
      ).code,
    ).toBe(0);
    const within = json(
      (await runAt([...CHECK_11, '--registry', 'registry.yaml', '--format', 'json'], dir, NOW))
        .stdout,
    );
    expect(within.verdict).toBe('pass');
    expect(within.pins).toContainEqual({
      consumer: 'search-index',
      embedding: 'products-text',
      accepts: '^1.0.0',
      version: '1.0.0',
      status: 'deprecated',
      sunset: '2026-02-11',
      daysLeft: 10,
    });
    expect(
      within.findings
        .filter((f: { id: string }) => f.id === 'deprecation.sunset')
        .map((f: { message: string }) => f.message),
    ).toContain(
      'search-index (@shop/search) is pinned to products-text 1.0.0, which is deprecated (sunset 2026-02-11, in 10 days); move it to a supported version',
    );
    const after = await runAt(
      [...CHECK_11, '--registry', 'registry.yaml', '--format', 'json'],
      dir,
      new Date('2026-02-11T00:00:00Z'),
    );
    expect(after.code).toBe(1);
    const sunset = json(after.stdout).findings.filter(
      (f: { id: string }) => f.id === 'deprecation.sunset',
    );
    expect(
      sunset
        .map((f: { consumer: string; severity: string }) => `${f.consumer} ${f.severity}`)
        .sort(),
    ).toEqual(['fraud-classifier warning', 'recommender error', 'search-index error']);
    expect(sunset.find((f: { consumer: string }) => f.consumer === 'search-index').message).toBe(
      'search-index (@shop/search) accepts products-text ^1.0.0, which only matches versions past their sunset: 1.0.0 (sunset 2026-02-11); widen its range to a supported version',
    );
  });
});

describe('promote, rollback, deprecate', () => {
  it('promotes what a passing report gated, is a no-op when re-run, and rolls back', async () => {
    const dir = await setupScenario();
    expect(
      (await runAt([...CHECK_11, '--registry', 'registry.yaml', '--format', 'json=gate.json'], dir))
        .code,
    ).toBe(0);
    const promote = [
      'promote',
      '--registry',
      'registry.yaml',
      '--channel',
      'production',
      '--version',
      '1.1.0',
      '--report',
      'gate.json',
      '--actor',
      'bob',
      '--reason',
      'fresher catalogue',
    ];
    const first = await runAt(promote, dir);
    expect(first).toEqual({
      code: 0,
      stdout: 'promoted products-text 1.1.0 to production (was 1.0.0); registered the version\n',
      stderr: '',
    });
    const emb = registryOf(dir);
    expect(emb.versions['1.1.0']).toMatchObject({
      status: 'active',
      released: '2026-02-01T12:00:00Z',
      vectors: { path: 'releases/1.1.0/vectors.arrow' },
    });
    expect(emb.channels!.production!.history.at(-1)).toMatchObject({
      version: '1.1.0',
      actor: 'bob',
      action: 'promote',
      from: '1.0.0',
      reason: 'fresher catalogue',
      report_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const before = readFileSync(join(dir, 'registry.yaml'), 'utf8');
    expect(before.startsWith('# products registry\n')).toBe(true);
    expect(await runAt(promote, dir)).toEqual({
      code: 0,
      stdout: 'products-text production is already at 1.1.0; nothing to do\n',
      stderr: '',
    });
    expect(readFileSync(join(dir, 'registry.yaml'), 'utf8')).toBe(before);

    const back = await runAt(
      [
        'rollback',
        '--registry',
        'registry.yaml',
        '--channel',
        'production',
        '--from',
        '1.1.0',
        '--actor',
        'ops',
      ],
      dir,
    );
    expect(back).toEqual({
      code: 0,
      stdout: 'rolled products-text production back from 1.1.0 to 1.0.0\n',
      stderr: '',
    });
    expect(
      (
        await runAt(
          ['rollback', '--registry', 'registry.yaml', '--channel', 'production', '--from', '1.1.0'],
          dir,
        )
      ).stdout,
    ).toContain('nothing to do');
    const none = await runAt(
      ['rollback', '--registry', 'registry.yaml', '--channel', 'production'],
      dir,
    );
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      'embedding-gate: refused (rollback.none): products-text production has no earlier version to roll back to (it has only served 1.0.0)\n',
    );
    expect(
      registryOf(dir).channels!.production!.history.map((h) => `${h.action} ${h.version}`),
    ).toEqual(['promote 1.0.0', 'promote 1.1.0', 'rollback 1.0.0']);
  });

  it('refuses reports that do not prove a pass of this very manifest', async () => {
    const dir = await setupScenario();
    await runAt([...CHECK_12, '--format', 'json=blocked.json'], dir);
    await runAt([...CHECK_11, '--fail-on', 'never', '--format', 'json=never.json'], dir);
    await runAt([...CHECK_11, '--format', 'json=gate.json'], dir);
    const promote = (version: string, report: string) =>
      runAt(
        [
          'promote',
          '--registry',
          'registry.yaml',
          '--channel',
          'production',
          '--version',
          version,
          '--report',
          report,
        ],
        dir,
      );
    expect((await promote('1.2.0', 'blocked.json')).stderr).toMatch(
      /^embedding-gate: refused \(promote\.report\): blocked\.json: the gate blocked products-text 1\.2\.0 \(verdict fail, 1 error\(s\)\)/,
    );
    expect((await promote('1.1.0', 'never.json')).stderr).toContain(
      'was written with --fail-on never',
    );
    expect((await promote('1.2.0', 'gate.json')).stderr).toContain(
      'is products-text 1.1.0, not products-text 1.2.0',
    );
    const manifest = join(dir, 'releases/1.1.0/manifest.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8') + '# edited after the gate\n');
    const edited = await promote('1.1.0', 'gate.json');
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain('changed since it was gated');
    expect(registryOf(dir).channels!.production!.version).toBe('1.0.0');
  });

  it('runs the gate itself with --candidate, against the channel’s current version, and refuses a blocked one', async () => {
    const dir = await setupScenario();
    const blocked = await runAt(
      [
        'promote',
        '--registry',
        'registry.yaml',
        '--channel',
        'production',
        '--version',
        '1.2.0',
        '--candidate',
        'releases/1.2.0/manifest.yaml',
        '--contracts',
        'contracts',
      ],
      dir,
    );
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain('version.bump');
    expect(blocked.stderr).toContain(
      'refused (promote.gate): the gate blocked products-text 1.2.0 (1 error(s)); nothing was promoted',
    );
    const ok = await runAt(
      [
        'promote',
        '--registry',
        'registry.yaml',
        '--channel',
        'canary',
        '--version',
        '1.1.0',
        '--candidate',
        'releases/1.1.0/manifest.yaml',
        '--contracts',
        'contracts',
      ],
      dir,
      NOW,
      { GITHUB_ACTOR: 'ci-bot' },
    );
    expect(ok).toMatchObject({
      code: 0,
      stdout: 'promoted products-text 1.1.0 to canary; registered the version\n',
    });
    expect(registryOf(dir).channels!.canary!.history[0]).toMatchObject({
      actor: 'ci-bot',
      action: 'promote',
    });
  });

  it('deprecate validates its date, is idempotent, and a missing registry needs --init', async () => {
    const dir = await setupScenario();
    const bad = await runAt(
      ['deprecate', '--registry', 'registry.yaml', '--version', '1.0.0', '--sunset', '2026-02-30'],
      dir,
    );
    expect(bad).toMatchObject({
      code: 2,
      stderr: 'embedding-gate: --sunset 2026-02-30: expected a date such as 2026-06-30\n',
    });
    const args = [
      'deprecate',
      '--registry',
      'registry.yaml',
      '--version',
      '1.0.0',
      '--sunset',
      '2026-06-30',
    ];
    expect((await runAt(args, dir)).stdout).toBe(
      'deprecated products-text 1.0.0, sunset 2026-06-30 (still served by production: promote a successor before the sunset)\n',
    );
    expect((await runAt(args, dir)).stdout).toBe(
      'products-text 1.0.0 is already deprecated with sunset 2026-06-30; nothing to do\n',
    );
    await runAt([...CHECK_11, '--format', 'json=gate.json'], dir);
    const fresh = [
      'promote',
      '--registry',
      'new.yaml',
      '--channel',
      'staging',
      '--version',
      '1.1.0',
      '--report',
      'gate.json',
    ];
    const missing = await runAt(fresh, dir);
    expect(missing).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('new.yaml: no such registry; pass --init to create it'),
    });
    expect((await runAt([...fresh, '--init'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'new.yaml'), 'utf8')).toContain('staging:');
  });
});

describe('card', () => {
  it('writes a version card and prepends a CHANGELOG entry once', async () => {
    const dir = await setupScenario();
    await runAt([...CHECK_11, '--registry', 'registry.yaml', '--format', 'json=gate.json'], dir);
    const report = json(readFileSync(join(dir, 'gate.json'), 'utf8'));
    writeFileSync(
      join(dir, 'CHANGELOG.md'),
      '# Changelog\n\nAll released versions.\n\n## products-text 1.0.0 — 2024-03-04\n\n- first release\n',
    );
    const r = await runAt(
      ['card', '--report', 'gate.json', '--output', 'card.md', '--changelog', 'CHANGELOG.md'],
      dir,
    );
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    // The card names the manifest hash, which differs per copy only if the manifest does: it does not.
    expectGolden('release/card.md', readFileSync(join(dir, 'card.md'), 'utf8'));
    const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    expectGolden('release/CHANGELOG.md', changelog);
    expect(changelog.indexOf('## products-text 1.1.0')).toBeLessThan(
      changelog.indexOf('## products-text 1.0.0'),
    );
    await runAt(['card', '--report', 'gate.json', '--changelog', 'CHANGELOG.md'], dir);
    expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toBe(changelog);
    expect(report.verdict).toBe('pass');
    const bad = await runAt(['card', '--report', 'registry.yaml'], dir);
    expect(bad).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('registry.yaml: not a JSON report'),
    });
  });
});
