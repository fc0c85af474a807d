/**
 * `run()` from source with no arguments, as the runner's entry (index.ts) and GitHub's local
 * runner (@github/local-action) call it: every dependency is the real one. Each run is a
 * child process, because @actions/core keeps the summary file and the exit code
 * process-wide. No event and no listening API: a run without a pull request must not call
 * GitHub.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/action/main.js';
import type { CommentsApi } from '../../src/github/comments.js';
import { parseGithubOutput, type ActionRun } from '../helpers/action.js';
import { copyExamples, ROOT } from '../helpers/cli.js';

const INPUTS = {
  candidate: 'examples/releases/1.1.0/manifest.yaml',
  baseline: 'examples/releases/1.0.0/manifest.yaml',
  contracts: 'examples/contracts',
};

/** Imports src/action/main.ts under tsx and calls `run()` bare, in the repository root. */
function runFromSource(inputs: Record<string, string>): ActionRun & { reportPath: string } {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'eg-run-'));
  const outputFile = join(runnerTemp, 'output');
  const summaryFile = join(runnerTemp, 'summary');
  const reportPath = join(runnerTemp, 'report.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...inputs, 'report-path': reportPath }))
    inputEnv[`INPUT_${name.toUpperCase()}`] = value;
  const main = pathToFileURL(join(ROOT, 'src/action/main.ts')).href;
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const { run } = await import(${JSON.stringify(main)}); await run();`,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: ROOT,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        // Nothing listens there: a call to the API would fail the comment, visibly.
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
    reportPath,
  };
}

describe('run() with no arguments, from source', () => {
  it('gates the shipped example: outputs, job summary, JSON report, no API call', () => {
    const r = runFromSource(INPUTS);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.outputs).toEqual({
      verdict: 'pass',
      'required-bump': 'minor',
      errors: '0',
      warnings: '1',
      'blocked-consumers': '[]',
      'report-path': r.reportPath,
      message: 'pass (0 errors, 1 warnings)',
    });
    expect(r.summary).toContain('## ✅ embedding-gate: products-text 1.1.0');
    expect(r.summary).toContain('| fraud-classifier | @shop/risk | pending |');
    expect(JSON.parse(readFileSync(r.reportPath, 'utf8')).verdict).toBe('pass');
    // Annotations are repository-relative: GITHUB_WORKSPACE is the repository root.
    expect(r.stdout).toContain('::warning title=embedding-gate contract.dims (fraud-classifier)');
    expect(r.stdout).toContain('file=examples/contracts/fraud-classifier.yaml,line=9');
    expect(r.stdout).toContain('not a pull request run (event "unknown"): no comment');
    expect(r.stdout).not.toContain('could not comment');
  });

  it('fails the step when the gate blocks', () => {
    // 1.0.0 gated against 1.1.0: not a greater version, and 40 of 1.1.0's ids lost. (The
    // example's only warning is its pending consumer's, which never blocks, even at fail-on warning.)
    const r = runFromSource({
      ...INPUTS,
      candidate: INPUTS.baseline,
      baseline: INPUTS.candidate,
      'fail-on': 'warning',
    });
    expect(r.status).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.summary).toContain('## ❌ embedding-gate');
    expect(r.stdout).toContain('::error::embedding-gate blocked promotion of products-text 1.0.0');
  });
});

describe('run(options): each dependency can still be pinned', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('takes the working directory, the run environment and the comments API from its options', async () => {
    const ws = copyExamples();
    const runnerTemp = mkdtempSync(join(tmpdir(), 'eg-run-'));
    const eventPath = join(runnerTemp, 'event.json');
    writeFileSync(
      eventPath,
      JSON.stringify({
        pull_request: {
          number: 12,
          title: 'products-text 1.1.0',
          user: { login: 'author' },
          labels: [],
          head: { repo: { full_name: 'shop/embeddings' } },
          base: { repo: { full_name: 'shop/embeddings' } },
        },
      }),
    );
    // @actions/core reads inputs and writes outputs and the summary through process.env.
    for (const [name, value] of Object.entries({
      INPUT_CANDIDATE: 'releases/1.1.0/manifest.yaml',
      INPUT_BASELINE: 'releases/1.0.0/manifest.yaml',
      INPUT_CONTRACTS: 'contracts/',
      'INPUT_REPORT-PATH': 'out/gate.json',
      'INPUT_GITHUB-TOKEN': 'ghs_test',
      GITHUB_OUTPUT: join(runnerTemp, 'output'),
      GITHUB_STEP_SUMMARY: '',
    }))
      vi.stubEnv(name, value);
    writeFileSync(join(runnerTemp, 'output'), '');
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const calls: unknown[][] = [];
    const created: string[] = [];
    const api: CommentsApi = {
      async *pages() {
        yield [];
      },
      async create(body) {
        created.push(body);
        return { id: 7, body };
      },
      async update(id, body) {
        return { id, body };
      },
    };

    await run({
      cwd: ws,
      env: {
        GITHUB_WORKSPACE: ws,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: 'shop/embeddings',
        GITHUB_API_URL: 'http://api.test',
      },
      deps: {
        comments: (...args) => {
          calls.push(args);
          return api;
        },
      },
    });

    expect(process.exitCode ?? 0).toBe(0);
    expect(calls).toEqual([
      ['ghs_test', 'http://api.test', { owner: 'shop', repo: 'embeddings', number: 12 }],
    ]);
    expect(created).toHaveLength(1);
    expect(created[0]).toContain('embedding-gate: products-text 1.1.0');
    expect(JSON.parse(readFileSync(join(ws, 'out/gate.json'), 'utf8')).verdict).toBe('pass');
    expect(parseGithubOutput(readFileSync(join(runnerTemp, 'output'), 'utf8')).verdict).toBe(
      'pass',
    );
  });
});

describe('npm run local-action (GitHub’s @github/local-action on .env.example)', () => {
  // About 8 s alone (npm, npm ls, tsx, then the gate); more on a busy machine.
  it(
    'runs the Action from source and prints its outputs and the job summary',
    { timeout: 120_000 },
    () => {
      // npm and local-action need only PATH and HOME; nothing of this process's own
      // environment (vitest's, or a CI runner's GITHUB_*) may leak into the run.
      const r = spawnSync('npm', ['run', '--silent', 'local-action'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 110_000,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('Running Action');
      expect(r.stdout).toContain('::set-output name=verdict::pass');
      expect(r.stdout).toContain('embedding-gate: pass (0 errors, 1 warnings)');
      expect(r.stdout).toContain('pr-comment is off: no comment');
      expect(r.stdout).toMatch(/'verdict'\s+│ 'pass'/);
      expect(r.stdout).toContain('## ✅ embedding-gate: products-text 1.1.0');
      expect(r.stdout).toContain('**PASS — may be promoted (0 errors, 1 warning');
    },
  );
});
