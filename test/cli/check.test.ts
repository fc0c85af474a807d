import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExamples, EXAMPLE_CHECK, runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const EXAMPLE = EXAMPLE_CHECK;

describe('check on the shipped example', () => {
  it('passes, with the pending consumer as a warning, and prints the text report', async () => {
    const dir = copyExamples();
    const r = await runCli(EXAMPLE, dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectGolden('example-check.txt', r.stdout);
  });

  it('writes JSON and markdown to files with --format name=file', async () => {
    const dir = copyExamples();
    const r = await runCli(
      [...EXAMPLE, '--format', 'json=out/report.json', '--format', 'markdown=out/report.md'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'));
    expect(report).toMatchObject({
      schemaVersion: 1,
      verdict: 'pass',
      counts: { error: 0, warning: 1 },
    });
    expect(report.findings.map((f: { id: string }) => f.id)).toEqual([
      'contract.dims',
      'bench.significant-drop',
      'compat.space',
      'baseline.changed',
      'baseline.changed',
      'baseline.ids-added',
    ]);
    expect(report.coverage).toMatchObject({
      baselineIds: 2000,
      candidateIds: 2040,
      missing: 0,
      added: 40,
    });
    expectGolden('example-check.md', readFileSync(join(dir, 'out/report.md'), 'utf8'));
  });

  it('never blocks on the pending consumer, at any fail-on; the same finding blocks once active', async () => {
    const dir = copyExamples();
    for (const failOn of ['error', 'warning', 'never']) {
      const r = await runCli([...EXAMPLE, '--fail-on', failOn, '--format', 'json'], dir);
      expect(r.code, failOn).toBe(0);
      expect(JSON.parse(r.stdout).findings).toContainEqual(
        expect.objectContaining({ id: 'contract.dims', severity: 'warning', pending: true }),
      );
    }
    const file = join(dir, 'contracts/fraud-classifier.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: pending', 'status: active'));
    expect((await runCli([...EXAMPLE, '--fail-on', 'warning'], dir)).code).toBe(1);
    expect((await runCli([...EXAMPLE, '--fail-on', 'never'], dir)).code).toBe(0);
  });

  it('blocks when an active consumer does not accept the version', async () => {
    const dir = copyExamples();
    const file = join(dir, 'contracts/search-index.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('accepts: ^1.0.0', 'accepts: ~1.0.0'));
    const r = await runCli([...EXAMPLE, '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.verdict).toBe('fail');
    expect(report.findings[0]).toMatchObject({
      id: 'contract.version',
      severity: 'error',
      consumer: 'search-index',
      message: 'search-index (@shop/search) requires version ~1.0.0, candidate 1.1.0 has 1.1.0',
      location: { file: 'contracts/search-index.yaml', line: 5, column: 10 },
    });
  });

  it('detects vectors that changed after the manifest recorded their hash', async () => {
    const dir = copyExamples();
    const file = join(dir, 'releases/1.1.0/vectors.arrow');
    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01; // one bit of one float in the body
    writeFileSync(file, bytes);
    const r = await runCli([...EXAMPLE, '--format', 'json'], dir);
    const report = JSON.parse(r.stdout || '{}');
    expect(r.code).toBe(1);
    expect(report.findings.map((f: { id: string }) => f.id)).toContain('vectors.sha256');
  });
});
