import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExamples, EXAMPLE_CHECK, runCli } from '../helpers/cli.js';

const EXAMPLE = EXAMPLE_CHECK;

describe('check --waivers and the machine formats', () => {
  it('writes SARIF and JUnit with --format name=file', async () => {
    const dir = copyExamples();
    const r = await runCli(
      [...EXAMPLE, '--format', 'sarif=out/gate.sarif', '--format', 'junit=out/gate.xml'],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sarif = JSON.parse(readFileSync(join(dir, 'out/gate.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain(
      'contract.dims',
    );
    expect(readFileSync(join(dir, 'out/gate.xml'), 'utf8')).toContain(
      '<testsuite name="consumers"',
    );
  });

  it('a waiver copied from the JSON report unblocks; once expired it blocks at its line', async () => {
    const dir = copyExamples();
    // An active fraud classifier: its dims error blocks (a pending consumer's never would).
    const contract = join(dir, 'contracts/fraud-classifier.yaml');
    writeFileSync(
      contract,
      readFileSync(contract, 'utf8').replace('status: pending', 'status: active'),
    );
    const blocked = await runCli([...EXAMPLE, '--fail-on', 'warning', '--format', 'json'], dir);
    expect(blocked.code).toBe(1);
    const finding = JSON.parse(blocked.stdout).findings.find(
      (f: { id: string }) => f.id === 'contract.dims',
    );
    const waiver = (expires: string) =>
      `waivers:\n  - check: contract.dims\n    consumer: fraud-classifier\n    fingerprint: ${finding.fingerprint}\n` +
      `    reason: retraining for 128 dims\n    owner: "@shop/risk"\n    expires: ${expires}\n`;
    writeFileSync(join(dir, 'waivers.yaml'), waiver('2999-01-01'));
    const waived = await runCli(
      [...EXAMPLE, '--fail-on', 'warning', '--waivers', 'waivers.yaml'],
      dir,
    );
    expect(waived.code).toBe(0);
    expect(waived.stdout).toContain('Verdict: PASS');

    writeFileSync(join(dir, 'waivers.yaml'), waiver('2001-01-01'));
    const expired = await runCli(
      [...EXAMPLE, '--waivers', 'waivers.yaml', '--format', 'json'],
      dir,
    );
    expect(expired.code).toBe(1);
    const expiredFindings = JSON.parse(expired.stdout).findings as { id: string }[];
    expect(expiredFindings.find((f) => f.id === 'waiver.expired')).toMatchObject({
      id: 'waiver.expired',
      severity: 'error',
      location: { file: 'waivers.yaml', line: 7, path: '/waivers/0/expires' },
    });
  });

  it('an unreadable waivers file cannot be judged (exit 2)', async () => {
    const r = await runCli([...EXAMPLE, '--waivers', 'missing.yaml'], copyExamples());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('embedding-gate: missing.yaml: cannot read: no such file\n');
  });
});
