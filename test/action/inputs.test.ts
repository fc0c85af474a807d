import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Input, Output, readConfig } from '../../src/action/inputs.js';
import { overrideFromLabels } from '../../src/action/main.js';
import { pullRequestFromPayload, readRunInfo } from '../../src/github/event.js';
import { ROOT } from '../helpers/cli.js';

const reader = (values: Partial<Record<string, string>>) => (name: Input) => values[name] ?? '';

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { description: string; default?: string; required?: boolean }>;
    outputs: Record<string, { description: string }>;
    runs: { using: string; main: string };
  };

  it('declares exactly the Input and Output enums, each input with a default and a description', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Input).sort());
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Output).sort());
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toMatch(/\w{4,}/);
      if (name !== Input.Candidate) expect(input.default, name).toBeTypeOf('string');
    }
    expect(action.inputs[Input.GithubToken]!.default).toBe('${{ github.token }}');
    expect(action.inputs[Input.PrComment]!.default).toBe('auto');
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
  });
});

describe('readConfig', () => {
  it('decodes every input once, with the defaults', () => {
    const c = readConfig(
      reader({
        candidate: 'c.yaml',
        contracts: 'contracts/\n a.yaml, b.yaml \n\n',
        suites: 'suites/search.yaml',
        'report-only': 'TRUE',
        'override-label': 'breaking-change',
        'github-token': ' t ',
      }),
    );
    expect(c).toEqual({
      command: 'check',
      candidate: 'c.yaml',
      baseline: undefined,
      contracts: ['contracts/', 'a.yaml', 'b.yaml'],
      suites: ['suites/search.yaml'],
      registry: undefined,
      baselineChannel: undefined,
      failOn: 'error',
      reportOnly: true,
      prComment: 'auto',
      commentHeader: '',
      waivers: undefined,
      overrideLabel: 'breaking-change',
      sarifFile: undefined,
      junitFile: undefined,
      htmlFile: undefined,
      reportPath: 'embedding-gate-report.json',
      githubToken: 't',
      sarifIncludeInfo: false,
      allowRemote: false,
    });
  });

  it.each([
    [
      { 'fail-on': 'sometimes' },
      'input fail-on: expected one of error, warning, never, found "sometimes"',
    ],
    [{ 'report-only': 'maybe' }, 'input report-only: expected true or false, found "maybe"'],
    [{ 'pr-comment': 'always' }, 'input pr-comment: expected auto, true or false, found "always"'],
    [{ 'allow-remote': 'please' }, 'input allow-remote: expected true or false, found "please"'],
    [
      { 'comment-header': 'x'.repeat(2001) },
      /^input comment-header: expected at most 2000 characters/,
    ],
    [
      { candidate: ' ' },
      "input candidate is required: the path of the candidate's manifest; set it in the step's with:",
    ],
    [
      { command: 'publish' },
      'input command: expected one of check, merge, promote, rollback, deprecate, found "publish"',
    ],
    [
      { command: 'promote', registry: 'r.yaml', channel: 'production', version: '1.1.0' },
      "input report is required with command: promote; set it in the step's with:",
    ],
    [
      { command: 'rollback', registry: 'r.yaml', channel: 'Prod' },
      'input channel: expected a lowercase name such as production, staging or canary, found "Prod"',
    ],
    [
      { command: 'deprecate', registry: 'r.yaml', version: '1.0.0', sunset: '2026-02-30' },
      'input sunset: expected a date such as 2026-06-30, found "2026-02-30"',
    ],
  ])('rejects %o with one clear message', (values, message) => {
    expect(() => readConfig(reader({ candidate: 'c.yaml', ...values }))).toThrow(message);
  });

  it('decodes a shard of check, and a merge of partials', () => {
    expect(
      readConfig(reader({ candidate: 'c.yaml', shard: ' 2 / 8 ', 'partial-file': 'p/2.json' })),
    ).toMatchObject({ command: 'check', shard: { index: 2, count: 8 }, partialFile: 'p/2.json' });
    expect(readConfig(reader({ candidate: 'c.yaml', 'partial-file': 'p.json' }))).toMatchObject({
      shard: { index: 1, count: 1 },
    });
    const merge = readConfig(reader({ command: 'merge', partials: 'partials/*.json\nmore.json' }));
    expect(merge).toMatchObject({
      command: 'merge',
      candidate: '',
      partials: ['partials/*.json', 'more.json'],
    });
    expect(merge.shard).toBeUndefined();
    expect(readConfig(reader({ candidate: 'c.yaml' })).shard).toBeUndefined();
  });

  it.each([
    [{ candidate: 'c.yaml', shard: '2/8' }, 'input shard needs input partial-file'],
    [
      { candidate: 'c.yaml', shard: '9/8', 'partial-file': 'p.json' },
      'input shard: expected i/n with 1 ≤ i ≤ n ≤ 1024, e.g. 2/8, found "9/8"',
    ],
    [
      { candidate: 'c.yaml', shard: '0/8', 'partial-file': 'p.json' },
      'input shard: expected i/n with 1 ≤ i ≤ n ≤ 1024, e.g. 2/8, found "0/8"',
    ],
    [{ candidate: 'c.yaml', shard: 'two', 'partial-file': 'p.json' }, 'input shard: expected i/n'],
    [{ command: 'merge' }, 'input partials is required with command: merge'],
    [
      { command: 'merge', partials: 'p/*.json', candidate: 'c.yaml' },
      'input candidate is not taken by command: merge: the partials name the plan',
    ],
    [{ command: 'merge', partials: 'p/*.json', shard: '1/2' }, 'input shard is for command: check'],
    [{ candidate: 'c.yaml', partials: 'p/*.json' }, 'input partials is for command: merge'],
  ])('refuses the sharding inputs %o with one clear message', (values, message) => {
    expect(() => readConfig(reader(values))).toThrow(message);
  });

  it('reads pr-comment true/false spellings', () => {
    expect(readConfig(reader({ candidate: 'c', 'pr-comment': 'false' })).prComment).toBe('off');
    expect(readConfig(reader({ candidate: 'c', 'pr-comment': 'On' })).prComment).toBe('on');
  });
});

const PAYLOAD = {
  action: 'labeled',
  label: { name: 'breaking-change' },
  sender: { login: 'lead' },
  repository: { full_name: 'shop/embeddings' },
  pull_request: {
    number: 12,
    html_url: 'https://github.com/shop/embeddings/pull/12',
    title: 'Move to the 768-d space',
    user: { login: 'author' },
    labels: [{ name: 'embeddings' }, { name: 'breaking-change' }],
    head: { repo: { full_name: 'shop/embeddings' } },
    base: { repo: { full_name: 'shop/embeddings' } },
  },
};

describe('the event payload', () => {
  it('decodes the pull request, and a fork by its head repository', () => {
    expect(pullRequestFromPayload('pull_request', PAYLOAD)).toMatchObject({
      number: 12,
      fromFork: false,
      labels: ['embeddings', 'breaking-change'],
      sender: 'lead',
      eventLabel: 'breaking-change',
    });
    const fork = {
      ...PAYLOAD,
      pull_request: {
        ...PAYLOAD.pull_request,
        head: { repo: { full_name: 'someone/embeddings' } },
      },
    };
    expect(pullRequestFromPayload('pull_request', fork)).toMatchObject({
      fromFork: true,
      headRepository: 'someone/embeddings',
    });
    const deleted = { ...PAYLOAD, pull_request: { ...PAYLOAD.pull_request, head: { repo: null } } };
    expect(pullRequestFromPayload('pull_request', deleted)).toMatchObject({
      fromFork: true,
      headRepository: undefined,
    });
    expect(pullRequestFromPayload('push', PAYLOAD)).toBeUndefined();
  });

  it('reads the run from the environment and says why when the payload is unusable', async () => {
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: '/e.json',
      GITHUB_WORKFLOW: 'PR check',
      GITHUB_JOB: 'gate',
    };
    const ok = await readRunInfo(env, async () => JSON.stringify(PAYLOAD));
    expect(ok.run).toMatchObject({
      workflow: 'PR check',
      job: 'gate',
      apiUrl: 'https://api.github.com',
      pullRequest: { number: 12 },
    });
    const broken = await readRunInfo(env, async () => '{');
    expect(broken.run.pullRequest).toBeUndefined();
    expect(broken.problem).toMatch(/^cannot read the event payload \/e\.json: /);
  });

  it('an override names the label sender on a labeled event, else the author', async () => {
    const config = readConfig(reader({ candidate: 'c', 'override-label': 'breaking-change' }));
    const run = (payload: unknown) => ({
      ...baseRun,
      pullRequest: pullRequestFromPayload('pull_request', payload),
    });
    const baseRun = {
      eventName: 'pull_request',
      workflow: 'w',
      job: 'j',
      serverUrl: 's',
      apiUrl: 'a',
    };
    expect(overrideFromLabels(config, run(PAYLOAD))).toEqual({
      label: 'breaking-change',
      by: 'lead',
      byRole: 'label-sender',
      reason: 'pull request #12: Move to the 768-d space',
      pullRequest: { number: 12, url: 'https://github.com/shop/embeddings/pull/12' },
    });
    expect(overrideFromLabels(config, run({ ...PAYLOAD, action: 'synchronize' }))).toMatchObject({
      by: 'author',
      byRole: 'pull-request-author',
    });
    const unlabeled = {
      ...PAYLOAD,
      pull_request: { ...PAYLOAD.pull_request, labels: [{ name: 'embeddings' }] },
    };
    expect(overrideFromLabels(config, run(unlabeled))).toBeUndefined();
  });
});
