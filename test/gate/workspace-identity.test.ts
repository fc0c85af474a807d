/**
 * One verdict wherever the gate runs: the same gate (the example, with a waivers file) run
 * from the workspace root and from a subdirectory, with the same --workspace, gives the same
 * fingerprints, waivers, verdict, counts and SARIF URIs.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/config/findings.js';
import { fingerprintFinding, placeFinding } from '../../src/gate/judge.js';
import type { Report } from '../../src/gate/report-model.js';
import { buildAnnotations } from '../../src/report/annotations.js';
import { copyExamples, EXAMPLE_CHECK, runCli } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('placeFinding', () => {
  const f: Finding = {
    id: 'contract.dims',
    severity: 'error',
    message: 'm',
    consumer: 'fraud',
    location: { file: 'contracts/a.yaml', path: '/requires/dims' },
  };
  it.each([
    ['/ws', '/ws', 'contracts/a.yaml', 'contracts/a.yaml'],
    ['/ws', '/ws/sub', '../contracts/a.yaml', 'contracts/a.yaml'],
    ['/ws', '/elsewhere', '../ws/contracts/a.yaml', 'contracts/a.yaml'],
    ['/ws/inner', '/ws', 'contracts/a.yaml', '../contracts/a.yaml'],
  ])('workspace %s, cwd %s: %s is %s', (workspace, cwd, file, expected) => {
    const placed = placeFinding({ ...f, location: { ...f.location!, file } }, workspace, cwd);
    expect(placed.location).toMatchObject({ file, workspaceFile: expected });
  });

  it('gives the same fingerprint from any working directory', () => {
    const a = placeFinding(f, '/ws', '/ws');
    const b = placeFinding(
      { ...f, location: { ...f.location!, file: '../a.yaml' } },
      '/ws',
      '/ws/contracts/x',
    );
    expect(fingerprintFinding(b)).toBe(fingerprintFinding(a));
    // …and the fingerprint a report from the root always had (file relative to the root).
    expect(fingerprintFinding(a)).toBe(fingerprintFinding(f));
  });
});

describe('annotations', () => {
  it.each([
    ['contracts/a.yaml', 'contracts/a.yaml'],
    ['../outside.yaml', undefined],
  ])('annotate workspace file %s at %s, whatever the display path', (workspaceFile, file) => {
    const report = {
      findings: [
        {
          id: 'contract.dims',
          severity: 'error',
          message: 'm',
          location: { file: '../../shown/elsewhere.yaml', workspaceFile, line: 3 },
        },
      ],
    } as unknown as Report;
    const [a] = buildAnnotations(report, { repositoryPath: () => 'from-the-edge.yaml' });
    expect(a!.properties.file).toBe(file);
  });
});

describe('the example, from the root and from a subdirectory', () => {
  it('gives identical fingerprints, verdict, counts and SARIF URIs', async () => {
    const dir = copyExamples();
    dirs.push(dir);
    // Active, so the waiver matters to the verdict.
    const contract = join(dir, 'contracts/fraud-classifier.yaml');
    writeFileSync(
      contract,
      readFileSync(contract, 'utf8').replace('status: pending', 'status: active'),
    );
    const first = await runCli([...EXAMPLE_CHECK, '--format', 'json'], dir);
    const dims = JSON.parse(first.stdout).findings.find((f: Finding) => f.id === 'contract.dims');
    writeFileSync(
      join(dir, 'waivers.yaml'),
      `waivers:\n  - check: contract.dims\n    consumer: fraud-classifier\n    fingerprint: ${dims.fingerprint}\n` +
        `    reason: retraining for 128 dims\n    owner: "@shop/risk"\n    expires: 2999-01-01\n`,
    );

    const fromRoot = await runCli(
      [
        ...EXAMPLE_CHECK,
        '--waivers',
        'waivers.yaml',
        '--workspace',
        '.',
        '--format',
        'json',
        '--format',
        'sarif=root.sarif',
      ],
      dir,
    );
    const fromSub = await runCli(
      [
        'check',
        '--candidate',
        '1.1.0/manifest.yaml',
        '--baseline',
        '1.0.0/manifest.yaml',
        '--contracts',
        '../contracts',
        '--waivers',
        '../waivers.yaml',
        '--workspace',
        '..',
        '--format',
        'json',
        '--format',
        'sarif=../sub.sarif',
      ],
      join(dir, 'releases'),
    );
    expect(fromSub.stderr).toBe('');
    const root = JSON.parse(fromRoot.stdout);
    const sub = JSON.parse(fromSub.stdout);
    const identity = (report: { findings: Finding[] }) =>
      report.findings
        .map((f) => [
          f.id,
          f.consumer ?? '',
          f.fingerprint,
          f.suppressed?.kind ?? '',
          f.location?.workspaceFile,
        ])
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(identity(sub)).toEqual(identity(root));
    expect(sub.verdict).toBe('pass');
    expect(root.verdict).toBe('pass');
    expect(sub.counts).toEqual(root.counts);
    expect(sub.findings.map((f: Finding) => f.id)).not.toContain('waiver.unused');

    const uris = (file: string) =>
      (
        JSON.parse(readFileSync(join(dir, file), 'utf8')).runs[0].results as {
          locations?: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[]
      )
        .map((r) => r.locations?.[0]?.physicalLocation.artifactLocation.uri ?? '')
        .sort();
    expect(uris('sub.sarif')).toEqual(uris('root.sarif'));
    expect(uris('root.sarif')).toContain('contracts/fraud-classifier.yaml');
  });
});
