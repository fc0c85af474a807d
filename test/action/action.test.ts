import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { copyExamples } from '../helpers/cli.js';

const INPUTS = {
  candidate: 'releases/1.1.0/manifest.yaml',
  baseline: 'releases/1.0.0/manifest.yaml',
  contracts: 'contracts/search-index.yaml\ncontracts/recommender.yaml\ncontracts/fraud-*.yaml',
  'fail-on': 'error',
  'report-path': 'out/gate.json',
};

describe('the built action (dist/action.js)', () => {
  it('passes the example: outputs, job summary, JSON report', () => {
    const ws = copyExamples();
    const r = runAction(INPUTS, ws);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.outputs).toEqual({
      verdict: 'pass',
      'required-bump': 'minor',
      errors: '0',
      warnings: '1',
      'blocked-consumers': '[]',
      'report-path': join(ws, 'out/gate.json'),
      message: 'pass (0 errors, 1 warnings)',
    });
    expect(r.summary).toContain('## ✅ embedding-gate: products-text 1.1.0');
    expect(r.summary).toContain('| fraud-classifier | @shop/risk | pending |');
    const report = JSON.parse(readFileSync(join(ws, 'out/gate.json'), 'utf8'));
    expect(report.verdict).toBe('pass');
    expect(r.stdout).toContain('embedding-gate: pass (0 errors, 1 warnings)');
  });

  it('fails the step when blocked, and still writes outputs and summary', () => {
    const ws = copyExamples();
    // A pending consumer never blocks, at any fail-on: made active, its dims mismatch blocks.
    const contract = join(ws, 'contracts/fraud-classifier.yaml');
    writeFileSync(
      contract,
      readFileSync(contract, 'utf8').replace('status: pending', 'status: active'),
    );
    const r = runAction({ ...INPUTS, 'fail-on': 'warning' }, ws);
    expect(r.status).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.stdout).toContain('::error::embedding-gate blocked promotion of products-text 1.1.0');
    expect(r.summary).toContain('## ❌ embedding-gate');
  });

  it('fails with one clear message on an invalid input, before any work', () => {
    const ws = copyExamples();
    const r = runAction({ ...INPUTS, 'fail-on': 'sometimes' }, ws);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '::error title=embedding-gate%3A cannot judge::input fail-on: expected one of error, warning, never, found "sometimes"',
    );
    // A configuration error still answers: verdict error and the message, no report.
    expect(r.outputs).toMatchObject({ verdict: 'error', errors: '1', 'report-path': '' });
    expect(r.outputs.message).toContain('input fail-on: expected one of error, warning, never');
  });

  it('fails with the file and line of a YAML syntax error, without a stack trace', () => {
    const ws = copyExamples();
    writeFileSync(
      join(ws, 'releases/1.1.0/manifest.yaml'),
      'name: products-text\nversion: [1.1.0\n',
    );
    const r = runAction(INPUTS, ws);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /::error title=embedding-gate%3A cannot judge,file=releases\/1\.1\.0\/manifest\.yaml,line=3,col=1::releases\/1\.1\.0\/manifest\.yaml:3:1: invalid YAML: /,
    );
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });
});
