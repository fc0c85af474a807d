/**
 * End to end: the built dist/action.js, run as the runner runs it, on a pull-request event,
 * against a local server speaking GitHub's REST contract. Build first (`npm run build`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintFinding } from '../../src/gate/judge.js';
import { copyExamples } from '../helpers/cli.js';
import { GitHubApiServer } from '../github/api-server.js';
import { runActionAsync } from './run-action.js';

const PR_KEY = 'shop/embeddings#12';
const MARKER = '<!-- embedding-gate:PR check/gate -->';

const INPUTS = {
  candidate: 'releases/1.1.0/manifest.yaml',
  baseline: 'releases/1.0.0/manifest.yaml',
  contracts: 'contracts/',
  'fail-on': 'error',
  'report-only': 'false',
  'pr-comment': 'auto',
  'comment-header': '',
  waivers: '',
  'override-label': 'breaking-change',
  'sarif-file': 'out/gate.sarif',
  'junit-file': 'out/gate.junit.xml',
  'html-file': 'out/gate.html',
  'report-path': 'out/gate.json',
  'github-token': 'ghs_same_repo_token',
  suites: '',
  registry: '',
};

function pullRequest(
  overrides: { labels?: string[]; head?: string; action?: string; label?: string } = {},
) {
  return {
    name: 'pull_request',
    payload: {
      action: overrides.action ?? 'synchronize',
      ...(overrides.label ? { label: { name: overrides.label } } : {}),
      number: 12,
      sender: { login: 'lead' },
      repository: { full_name: 'shop/embeddings', name: 'embeddings', owner: { login: 'shop' } },
      pull_request: {
        number: 12,
        html_url: 'https://github.com/shop/embeddings/pull/12',
        title: 'products-text 1.1.0',
        user: { login: 'author' },
        labels: (overrides.labels ?? ['embeddings']).map((name) => ({ name })),
        head: { ref: 'retrain', repo: { full_name: overrides.head ?? 'shop/embeddings' } },
        base: { ref: 'main', repo: { full_name: 'shop/embeddings' } },
      },
    },
  };
}

/** Makes the active search-index consumer reject 1.1.0 (a blocking contract.version error). */
function breakSearchIndex(ws: string): void {
  const file = join(ws, 'contracts/search-index.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('accepts: ^1.0.0', 'accepts: ~1.0.0'));
}

describe('dist/action.js on a pull request, against a local GitHub API', () => {
  const server = new GitHubApiServer();
  beforeAll(async () => {
    await server.start();
    server.readOnlyTokens.add('ghs_read_only');
  });
  afterAll(() => server.close());

  it('blocks, then passes: one comment, found across pages, created then updated in place', async () => {
    server.seed(PR_KEY, 130, (i) => `review comment ${i}`);
    const ws = copyExamples();
    const run = (inputs: Record<string, string>) =>
      runActionAsync({
        inputs: { ...INPUTS, ...inputs },
        workspace: ws,
        event: pullRequest(),
        apiUrl: server.url,
      });

    // A pending consumer never blocks, at any fail-on: the block comes from making it active.
    const contract = join(ws, 'contracts/fraud-classifier.yaml');
    const pending = readFileSync(contract, 'utf8');
    writeFileSync(contract, pending.replace('status: pending', 'status: active'));
    const blocked = await run({ 'fail-on': 'warning' });
    expect(blocked.stderr).toBe('');
    expect(blocked.status).toBe(1);
    expect(blocked.outputs).toEqual({
      verdict: 'fail',
      'required-bump': 'minor',
      errors: '1',
      warnings: '0',
      'blocked-consumers': '["fraud-classifier"]',
      'report-path': join(ws, 'out/gate.json'),
      message: 'fail (1 errors, 0 warnings)',
    });
    expect(blocked.summary).toContain('## ❌ embedding-gate: products-text 1.1.0');
    expect(blocked.summary).toContain(
      '| fraud-classifier | @shop/risk | active | ✅ | ❌ needs 128, has 64 |',
    );
    const annotations = blocked.commands.filter((c) =>
      ['error', 'warning', 'notice'].includes(c.command),
    );
    expect(annotations).toEqual([
      {
        command: 'error',
        properties: {
          title: 'embedding-gate contract.dims (fraud-classifier)',
          file: 'contracts/fraud-classifier.yaml',
          line: '9',
          endLine: '9',
          col: '9',
          endColumn: '12',
        },
        message: expect.stringMatching(/^fraud-classifier .*\(fingerprint [0-9a-f]{16}\)$/),
      },
      {
        command: 'error',
        properties: {},
        message:
          'embedding-gate blocked promotion of products-text 1.1.0: 1 error(s), 0 warning(s) (fail-on warning)',
      },
    ]);
    let comments = server.list(PR_KEY);
    expect(comments).toHaveLength(131);
    const mine = comments[130]!;
    expect(mine.body.startsWith(`${MARKER}\n## ❌ embedding-gate: products-text 1.1.0`)).toBe(true);
    expect(mine.body).toContain(
      '[workflow run](https://github.com/shop/embeddings/actions/runs/4242)',
    );
    expect(blocked.stdout).toContain(`created comment ${mine.id} on pull request #12`);
    const pages = server.requests.filter((r) => r.method === 'GET').map((r) => r.query.page ?? '1');
    expect(pages).toEqual(['1', '2']);

    const report = JSON.parse(readFileSync(join(ws, 'out/gate.json'), 'utf8'));
    expect(
      report.findings.every((f: { fingerprint?: string }) =>
        /^[0-9a-f]{16}$/.test(f.fingerprint ?? ''),
      ),
    ).toBe(true);
    expect(JSON.parse(readFileSync(join(ws, 'out/gate.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(ws, 'out/gate.junit.xml'), 'utf8')).toMatch(
      /^<\?xml[^]*<testsuites name="embedding-gate" tests="\d+" failures="2"/,
    );
    expect(readFileSync(join(ws, 'out/gate.html'), 'utf8')).toMatch(/^<!doctype html>[^]*BLOCKED/);

    writeFileSync(contract, pending);
    const passed = await run({});
    expect(passed.status).toBe(0);
    expect(passed.outputs).toMatchObject({
      verdict: 'pass',
      warnings: '1',
      'blocked-consumers': '[]',
    });
    comments = server.list(PR_KEY);
    expect(comments).toHaveLength(131);
    expect(comments[130]!.id).toBe(mine.id);
    expect(comments[130]!.body.startsWith(`${MARKER}\n## ✅ embedding-gate`)).toBe(true);
    expect(passed.stdout).toContain(`updated comment ${mine.id} on pull request #12`);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('blocks on a contract error annotated at its field, and skips the comment for a fork', async () => {
    const ws = copyExamples();
    breakSearchIndex(ws);
    const before = server.requests.length;
    const r = await runActionAsync({
      inputs: INPUTS,
      workspace: ws,
      event: pullRequest({ head: 'someone/embeddings' }),
      apiUrl: server.url,
    });
    expect(r.status).toBe(1);
    expect(r.outputs).toMatchObject({
      verdict: 'fail',
      errors: '1',
      'blocked-consumers': '["search-index"]',
    });
    expect(r.commands.filter((c) => c.command === 'error')).toEqual([
      {
        command: 'error',
        properties: {
          title: 'embedding-gate contract.version (search-index)',
          file: 'contracts/search-index.yaml',
          line: '5',
          endLine: '5',
          col: '10',
          endColumn: '16',
        },
        message: expect.stringMatching(/search-index .*~1\.0\.0.*\(fingerprint [0-9a-f]{16}\)$/),
      },
      {
        command: 'error',
        properties: {},
        message: expect.stringMatching(
          /^embedding-gate blocked promotion of products-text 1\.1\.0: 1 error/,
        ),
      },
    ]);
    expect(r.commands).toContainEqual({
      command: 'notice',
      properties: { title: 'embedding-gate: no pull-request comment' },
      message:
        'pull request #12 comes from a fork (someone/embeddings), whose token is read-only: comment skipped; the report is in the job summary',
    });
    expect(server.requests.length).toBe(before);
    expect(r.summary).toContain(
      '| search-index | @shop/search | active | ❌ needs ~1.0.0, has 1.1.0 |',
    );
  });

  it('the override label accepts the breaking change and records who and why; a 403 on the comment is a notice', async () => {
    const ws = copyExamples();
    breakSearchIndex(ws);
    const r = await runActionAsync({
      inputs: { ...INPUTS, 'github-token': 'ghs_read_only' },
      workspace: ws,
      event: pullRequest({
        labels: ['embeddings', 'breaking-change'],
        action: 'labeled',
        label: 'breaking-change',
      }),
      apiUrl: server.url,
    });
    expect(r.status).toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'pass', errors: '0', 'blocked-consumers': '[]' });
    expect(r.summary).toContain(
      '> **Breaking change accepted** by label `breaking-change` on pull request #12: lead (added the label).',
    );
    expect(r.summary).toContain(
      '| search-index | @shop/search | active | 🔕 overridden: needs ~1.0.0, has 1.1.0 |',
    );
    const report = JSON.parse(readFileSync(join(ws, 'out/gate.json'), 'utf8'));
    expect(report.override).toEqual({
      label: 'breaking-change',
      by: 'lead',
      byRole: 'label-sender',
      reason: 'pull request #12: products-text 1.1.0',
      pullRequest: { number: 12, url: 'https://github.com/shop/embeddings/pull/12' },
      lifted: 1,
    });
    expect(r.commands.filter((c) => c.command === 'error')).toEqual([]);
    expect(r.commands).toContainEqual({
      command: 'notice',
      properties: { title: 'embedding-gate: no pull-request comment' },
      message: expect.stringMatching(
        /^comment skipped: the token may not write comments \(HTTP 403\)/,
      ),
    });
    expect(server.list(PR_KEY).some((c) => c.body.includes('Breaking change accepted'))).toBe(
      false,
    );
  });

  it('report-only never fails and says so; an expired waiver is an error at its line', async () => {
    const ws = copyExamples();
    breakSearchIndex(ws);
    // The documented recipe: a user can compute a fingerprint without running the gate.
    const finding = {
      id: 'contract.version',
      severity: 'error' as const,
      message: '',
      consumer: 'search-index',
      location: { file: 'contracts/search-index.yaml', path: '/accepts' },
    };
    const fingerprint = fingerprintFinding(finding);
    writeFileSync(
      join(ws, 'waivers.yaml'),
      [
        'waivers:',
        `  - check: ${finding.id}`,
        `    consumer: ${finding.consumer}`,
        `    fingerprint: ${fingerprint}`,
        '    reason: search-index widens its range next sprint',
        '    owner: "@shop/search"',
        '    expires: 2020-01-31',
        '',
      ].join('\n'),
    );
    const r = await runActionAsync({
      inputs: { ...INPUTS, 'pr-comment': 'false', waivers: 'waivers.yaml', 'report-only': 'true' },
      workspace: ws,
      event: pullRequest(),
    });
    expect(r.status).toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'fail', errors: '2' });
    expect(
      r.summary.startsWith(
        '> [!WARNING]\n> **REPORT-ONLY MODE: this step never fails.** The gate **would have BLOCKED**',
      ),
    ).toBe(true);
    expect(r.commands).toContainEqual(
      expect.objectContaining({
        command: 'error',
        properties: expect.objectContaining({
          title: 'embedding-gate waiver.expired',
          file: 'waivers.yaml',
          line: '7',
        }),
      }),
    );
    expect(r.commands.at(-1)).toEqual({
      command: 'warning',
      properties: { title: 'embedding-gate: report-only' },
      message: expect.stringMatching(
        /^REPORT-ONLY: embedding-gate would have blocked promotion of products-text 1\.1\.0: 2 error\(s\).*report-only is set$/,
      ),
    });

    writeFileSync(
      join(ws, 'waivers.yaml'),
      readFileSync(join(ws, 'waivers.yaml'), 'utf8').replace('2020-01-31', '2999-12-31'),
    );
    const waived = await runActionAsync({
      inputs: { ...INPUTS, 'pr-comment': 'false', waivers: 'waivers.yaml' },
      workspace: ws,
      event: pullRequest(),
    });
    expect(waived.status).toBe(0);
    expect(waived.outputs).toMatchObject({ verdict: 'pass', errors: '0' });
    expect(waived.summary).toContain('🔕 waived: needs ~1.0.0, has 1.1.0');
    const report = JSON.parse(readFileSync(join(ws, 'out/gate.json'), 'utf8'));
    expect(report.findings.find((f: { id: string }) => f.id === 'contract.version')).toMatchObject({
      fingerprint,
      suppressed: { kind: 'waiver', owner: '@shop/search', expires: '2999-12-31' },
    });
  });
});
