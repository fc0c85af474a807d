/**
 * `card` refuses a blocked report (no CHANGELOG may say a blocked version's consumers are
 * satisfied); with --allow-blocked it writes the card and an entry marked BLOCKED.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/gate/report-model.js';
import { renderChangelogEntry } from '../../src/report/card.js';
import { CHECK_11, runAt, setupScenario } from './scenario.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('card on a blocked report', () => {
  it('refuses without --allow-blocked, and marks the entry BLOCKED with it', async () => {
    const dir = await setupScenario();
    dirs.push(dir);
    // An active fraud classifier that needs 128 dims: the gate blocks 1.1.0.
    const contract = join(dir, 'contracts/fraud-classifier.yaml');
    writeFileSync(
      contract,
      readFileSync(contract, 'utf8').replace('status: pending', 'status: active'),
    );
    expect((await runAt([...CHECK_11, '--format', 'json=gate.json'], dir)).code).toBe(1);

    const args = [
      'card',
      '--report',
      'gate.json',
      '--output',
      'card.md',
      '--changelog',
      'CHANGELOG.md',
    ];
    const refused = await runAt(args, dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^gate\.json: the gate blocked products-text 1\.1\.0 \(1 error\(s\) at fail-on error\); no card or CHANGELOG entry written\./,
    );
    expect(existsSync(join(dir, 'card.md'))).toBe(false);
    expect(existsSync(join(dir, 'CHANGELOG.md'))).toBe(false);

    const allowed = await runAt([...args, '--allow-blocked'], dir);
    expect(allowed).toEqual({ code: 0, stdout: '', stderr: '' });
    const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('- **BLOCKED** by the gate (fail-on error; 1 error');
    expect(changelog).toContain('fraud-classifier NOT satisfied');
    expect(readFileSync(join(dir, 'card.md'), 'utf8')).toContain('gate verdict **BLOCKED**');
  });

  it('says nothing of a block in a passing report’s entry', () => {
    const report = {
      verdict: 'pass',
      failOn: 'error',
      counts: { error: 0, warning: 0, info: 0 },
      candidate: { manifest: 'm.yaml', name: 'products-text', version: '1.1.0' },
      consumers: [],
      findings: [],
    } as unknown as Report;
    expect(renderChangelogEntry(report)).not.toContain('BLOCKED');
    expect(renderChangelogEntry({ ...report, verdict: 'fail' })).toContain('**BLOCKED**');
  });
});
