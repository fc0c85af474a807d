/**
 * What a run leaves for a person: log groups and debug lines per gate step, a job summary
 * and outputs even when the configuration is broken (`verdict: error`), and the registry
 * commands (`command: promote | rollback | deprecate`). The real Action from source
 * (`run()` under tsx, as local-action calls it) with the real @actions/core writing to temp
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, in a copy of examples/ as the workspace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGithubOutput, type ActionRun } from '../helpers/action.js';
import { copyExamples, ROOT } from '../helpers/cli.js';

const GATE = {
  candidate: 'releases/1.1.0/manifest.yaml',
  baseline: 'releases/1.0.0/manifest.yaml',
  contracts: 'contracts',
  'pr-comment': 'false',
};

function runAction(inputs: Record<string, string>, workspace: string): ActionRun {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'eg-visible-'));
  const outputFile = join(runnerTemp, 'output');
  const summaryFile = join(runnerTemp, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(inputs))
    inputEnv[`INPUT_${name.toUpperCase()}`] = value;
  const main = pathToFileURL(join(ROOT, 'src/action/main.ts')).href;
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      // The workspace is a temp directory: name tsx's loader by its path in this repository.
      pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
      '--input-type=module',
      '-e',
      `const { run } = await import(${JSON.stringify(main)}); await run();`,
    ],
    {
      cwd: workspace,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_ACTOR: 'release-bot',
        GITHUB_API_URL: 'http://127.0.0.1:9',
        RUNNER_TEMP: runnerTemp,
        ...inputEnv,
      },
    },
  );
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: parseGithubOutput(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

describe('the Action shows its work', () => {
  it('a log group per gate step, and debug lines with inputs, files, sizes and times', () => {
    const ws = copyExamples();
    const r = runAction({ ...GATE, 'sarif-file': 'gate.sarif' }, ws);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const groups = [...r.stdout.matchAll(/^::group::embedding-gate: (\w+)$/gm)].map((m) => m[1]);
    expect(groups).toEqual([
      'plan',
      'scan',
      'consumers',
      'benchmarks',
      'staging',
      'baseline',
      'versioning',
      'judge',
      'publish',
    ]);
    expect(r.stdout.match(/^::endgroup::$/gm)).toHaveLength(groups.length);
    expect(r.stdout).toMatch(
      /^::debug::inputs: \{"command":"check","candidate":"releases\/1\.1\.0/m,
    );
    expect(r.stdout).not.toMatch(/githubToken/);
    expect(r.stdout).toMatch(
      /^::debug::plan done in \d+ ms: candidate=releases\/1\.1\.0\/manifest\.yaml .*contracts=\d/m,
    );
    expect(r.stdout).toMatch(
      /^::debug::scan done in \d+ ms: candidate\.file=\S+ candidate\.format=\w+ candidate\.rows=\d+ candidate\.dims=\d+ candidate\.bytes=\d+/m,
    );
    expect(r.stdout).toMatch(/^::debug::judge done in \d+ ms: verdict=pass errors=0/m);
    expect(r.stdout).toMatch(/^::debug::wrote \S+gate\.sarif \(\d+ bytes\)$/m);
  });

  it('a configuration error still writes the job summary and sets verdict: error', () => {
    const ws = copyExamples();
    writeFileSync(join(ws, 'contracts/broken.yaml'), 'consumer: [unclosed\n');
    const r = runAction(GATE, ws);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.outputs).toMatchObject({
      verdict: 'error',
      errors: '1',
      'report-path': '',
      'blocked-consumers': '[]',
    });
    expect(r.outputs.message).toMatch(/contracts\/broken\.yaml/);
    // The step that stopped still closes its log group.
    expect(r.stdout).toMatch(
      /^::group::embedding-gate: plan\n(?:(?!::group::).*\n)*?::endgroup::$/m,
    );
    expect(r.summary).toContain('## ❗ embedding-gate could not judge');
    expect(r.summary).toContain('**Verdict: error**');
    expect(r.summary).toMatch(/\| where \| `contracts\/broken\.yaml:\d+(:\d+)?` \|/);
    expect(r.summary).toMatch(/\| next step \| Fix `contracts\/broken\.yaml/);
    expect(r.stdout).toMatch(
      /^::error title=embedding-gate%3A cannot judge,file=contracts\/broken\.yaml/m,
    );
  });

  it("a bad input is an error summary that points at the step's with:", () => {
    const r = runAction({ ...GATE, 'fail-on': 'sometimes' }, copyExamples());
    expect(r.status).toBe(1);
    expect(r.outputs.verdict).toBe('error');
    expect(r.summary).toContain('input fail-on: expected one of error, warning, never');
    expect(r.summary).toContain("Fix the input in the step's `with:`");
  });
});

describe('command: promote, rollback, deprecate', () => {
  it('promotes what a passing check gated, refuses what it cannot, rolls back and deprecates', () => {
    const ws = copyExamples();
    const check = runAction({ ...GATE, 'report-path': 'gate.json' }, ws);
    expect(check.outputs.verdict).toBe('pass');

    const promote = {
      command: 'promote',
      registry: 'registry.yaml',
      channel: 'production',
      report: 'gate.json',
    };
    const wrong = runAction({ ...promote, version: '1.0.0', init: 'true' }, ws);
    expect(wrong.status).toBe(1);
    expect(wrong.outputs).toMatchObject({ verdict: 'fail' });
    expect(wrong.outputs.message).toMatch(/is products-text 1\.1\.0, not products-text 1\.0\.0/);
    expect(wrong.summary).toContain('## ❌ embedding-gate promote refused (`promote.mismatch`)');

    const first = runAction({ ...promote, version: '1.1.0', init: 'true', reason: 'release' }, ws);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.outputs.verdict).toBe('pass');
    expect(first.summary).toContain('## ✅ embedding-gate promote');
    expect(existsSync(join(ws, 'registry.yaml'))).toBe(true);
    const registry = readFileSync(join(ws, 'registry.yaml'), 'utf8');
    expect(registry).toContain('release-bot');
    expect(first.stdout).toMatch(/^::group::embedding-gate: promote$/m);
    expect(first.stdout).toMatch(/^::debug::report gate\.json gated /m);

    const again = runAction({ ...promote, version: '1.1.0' }, ws);
    expect(again.status).toBe(0);
    expect(again.summary).toContain('nothing to do');

    // The only promotion has no predecessor: the registry refuses, the step fails.
    const rollback = runAction(
      { command: 'rollback', registry: 'registry.yaml', channel: 'production' },
      ws,
    );
    expect(rollback.status).toBe(1);
    expect(rollback.outputs.verdict).toBe('fail');
    expect(rollback.summary).toMatch(/refused \(`rollback\.\w+`\)/);

    const deprecate = runAction(
      { command: 'deprecate', registry: 'registry.yaml', version: '1.1.0', sunset: '2099-01-31' },
      ws,
    );
    expect(deprecate.status).toBe(0);
    expect(deprecate.outputs.verdict).toBe('pass');
    expect(readFileSync(join(ws, 'registry.yaml'), 'utf8')).toContain('2099-01-31');
  });
});
