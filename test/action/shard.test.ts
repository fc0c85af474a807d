/**
 * End to end: the built dist/action.js as a job matrix runs it — `shard: i/n` jobs that write
 * only their partials, then one `command: merge` job — against a single `check`: the same
 * outputs, job summary, annotations, pull-request comment, JSON, SARIF, JUnit and HTML.
 * Build first (`npm run build`).
 */
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExamples } from '../helpers/cli.js';
import { GitHubApiServer } from '../github/api-server.js';
import { runActionAsync, type WorkflowCommand } from './run-action.js';

const PR_KEY = 'shop/embeddings#12';

/** The plan, as both the single check and every shard take it. */
const PLAN = {
  candidate: 'releases/1.1.0/manifest.yaml',
  baseline: 'releases/1.0.0/manifest.yaml',
  contracts: 'contracts/',
};
/** How the report is published, as both the single check and the merge take it. */
const PUBLISH = {
  'fail-on': 'warning',
  'sarif-file': 'out/gate.sarif',
  'sarif-include-info': 'true',
  'junit-file': 'out/gate.junit.xml',
  'html-file': 'out/gate.html',
  'report-path': 'out/gate.json',
  'github-token': 'ghs_same_repo_token',
};
const FILES = ['gate.json', 'gate.sarif', 'gate.junit.xml', 'gate.html'];

const event = {
  name: 'pull_request',
  payload: {
    action: 'synchronize',
    number: 12,
    sender: { login: 'lead' },
    repository: { full_name: 'shop/embeddings', name: 'embeddings', owner: { login: 'shop' } },
    pull_request: {
      number: 12,
      html_url: 'https://github.com/shop/embeddings/pull/12',
      title: 'products-text 1.1.0',
      user: { login: 'author' },
      labels: [{ name: 'embeddings' }],
      head: { ref: 'retrain', repo: { full_name: 'shop/embeddings' } },
      base: { ref: 'main', repo: { full_name: 'shop/embeddings' } },
    },
  },
};

const annotations = (commands: readonly WorkflowCommand[]) =>
  commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command));

describe('dist/action.js: shard jobs, then a merge job, publish what one check publishes', () => {
  const server = new GitHubApiServer();
  beforeAll(() => server.start());
  afterAll(() => server.close());
  const run = (ws: string, inputs: Record<string, string>) =>
    runActionAsync({ inputs, workspace: ws, event, apiUrl: server.url });

  it('outputs, summary, annotations, comment and every file are the single check’s', async () => {
    const ws = copyExamples();
    // An active consumer that 1.1.0 breaks, so the merge must also carry a failing verdict.
    const contract = join(ws, 'contracts/fraud-classifier.yaml');
    writeFileSync(
      contract,
      readFileSync(contract, 'utf8').replace('status: pending', 'status: active'),
    );

    const single = await run(ws, { ...PLAN, ...PUBLISH });
    expect(single.stderr).toBe('');
    expect(single.status).toBe(1);
    expect(single.outputs.verdict).toBe('fail');
    const singleFiles = FILES.map((f) => readFileSync(join(ws, 'out', f), 'utf8'));
    const [comment] = server.list(PR_KEY);
    expect(comment!.body).toContain('embedding-gate: products-text 1.1.0');
    const requests = server.requests.length;

    for (const i of [1, 2, 3]) {
      const shard = await run(ws, {
        ...PLAN,
        shard: `${i}/3`,
        'partial-file': `partials/shard-${i}.json`,
        'github-token': 'ghs_same_repo_token',
      });
      expect(shard.stderr, `shard ${i}`).toBe('');
      expect(shard.status, `shard ${i}`).toBe(0);
      // Only the partial: no verdict, summary, comment or annotation a reader could take for the gate's.
      expect(shard.outputs).toEqual({
        verdict: '',
        'required-bump': '',
        errors: '',
        warnings: '',
        'blocked-consumers': '[]',
        'report-path': '',
        message: `shard ${i}/3: partial result written to partials/shard-${i}.json; the merge job gives the verdict`,
      });
      expect(shard.summary).toBe('');
      expect(annotations(shard.commands)).toEqual([]);
      const partial = JSON.parse(readFileSync(join(ws, `partials/shard-${i}.json`), 'utf8'));
      expect(partial).toMatchObject({
        format: 'embedding-gate/partial',
        shard: { index: i, count: 3 },
      });
    }
    expect(server.requests.length).toBe(requests);

    const merged = await run(ws, { command: 'merge', partials: 'partials/*.json', ...PUBLISH });
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(single.status);
    expect(merged.outputs).toEqual(single.outputs);
    expect(merged.summary).toBe(single.summary);
    expect(annotations(merged.commands)).toEqual(annotations(single.commands));
    FILES.forEach((f, i) =>
      expect(readFileSync(join(ws, 'out', f), 'utf8'), f).toBe(singleFiles[i]),
    );
    // The sticky comment is found again and rewritten with the very same body.
    const after = server.list(PR_KEY);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(comment!.id);
    expect(after[0]!.body).toBe(comment!.body);
    expect(server.requests.slice(requests).map((r) => r.method)).toContain('PATCH');
  }, 120_000);

  describe('a merge that cannot judge says why in one line: verdict error, the step fails', () => {
    let ws: string;
    beforeAll(async () => {
      ws = copyExamples();
      for (const i of [1, 2, 3]) {
        const r = await run(ws, {
          ...PLAN,
          shard: `${i}/3`,
          'partial-file': `partials/shard-${i}.json`,
          'pr-comment': 'false',
        });
        expect(r.status, r.stdout).toBe(0);
      }
      mkdirSync(join(ws, 'two'));
      for (const i of [1, 3])
        writeFileSync(
          join(ws, `two/shard-${i}.json`),
          readFileSync(join(ws, `partials/shard-${i}.json`)),
        );
      const outside = join(tmpdir(), `eg-outside-${process.pid}.json`);
      writeFileSync(outside, readFileSync(join(ws, 'partials/shard-1.json')));
      symlinkSync(outside, join(ws, 'link.json'));
    }, 60_000);

    it.each([
      ['two/', 'missing shard 2/3 (given: two/shard-1.json = 1/3, two/shard-3.json = 3/3)'],
      [
        'partials/*.json\ntwo/shard-1.json',
        'shard 1/3 is given twice: partials/shard-1.json and two/shard-1.json',
      ],
      ['nothing/*.json', 'input partials: "nothing/*.json" matches no file'],
      ['../*.json', 'input partials: "../*.json" lies outside the workspace'],
      ['link.json', 'input partials: "link.json" lies outside the workspace'],
    ])('partials: %j', async (partials, message) => {
      const r = await run(ws, { command: 'merge', partials, 'pr-comment': 'false' });
      expect(r.status).toBe(1);
      expect(r.outputs.verdict).toBe('error');
      expect(r.outputs.message).toContain(message);
      expect(r.summary).toContain(message.slice(0, 30));
      expect(r.stdout).not.toMatch(/\n\s+at /);
      expect(readdirSync(ws)).not.toContain('embedding-gate-report.json');
    });

    it('a shard whose partial-file lies outside the workspace writes nothing', async () => {
      const r = await run(ws, {
        ...PLAN,
        shard: '1/3',
        'partial-file': '../escaped.json',
        'pr-comment': 'false',
      });
      expect(r.status).toBe(1);
      expect(r.outputs.verdict).toBe('error');
      expect(r.outputs.message).toContain(
        'input partial-file: "../escaped.json" lies outside the workspace',
      );
      expect(readdirSync(join(ws, '..'))).not.toContain('escaped.json');
    });
  });
});
