import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  needs?: string | string[];
  if?: string;
  environment?: string | { name: string };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, Record<string, unknown> | null>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const DIR = join(ROOT, '.github/workflows');

/** The `with:` keys of a `uses: ./` step that action.yml does not declare. */
function unknownInputs(step: Step): string[] {
  if (step.uses !== './') return [];
  return Object.keys(step.with ?? {}).filter((k) => !actionInputs.includes(k));
}
const load = (name: string) => parse(readFileSync(join(DIR, name), 'utf8')) as Workflow;
const actionInputs = Object.keys(
  (parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs,
);

describe('.github/workflows', () => {
  const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));

  it.each(files)('%s grants nothing by default and least privilege per job', (file) => {
    const wf = load(file);
    expect(wf.permissions).toEqual({});
    for (const [name, job] of Object.entries(wf.jobs)) {
      expect(job.permissions, `${file}: job ${name}`).toBeDefined();
      for (const [scope, level] of Object.entries(job.permissions!)) {
        expect(['read', 'write'], `${file}: ${name}.${scope}`).toContain(level);
        expect(['contents', 'pull-requests'], `${file}: ${name}.${scope}`).toContain(scope);
      }
    }
  });

  it.each(files)(
    '%s passes only declared inputs to the action, and never interpolates into shell',
    (file) => {
      for (const job of Object.values(load(file).jobs)) {
        for (const step of job.steps) {
          expect(unknownInputs(step), `${file}: inputs action.yml does not declare`).toEqual([]);
          // A user cannot copy a step that runs this repository's own build.
          expect(step.run ?? '', file).not.toMatch(/dist\/cli\.js/);
          // ${{ }} inside run: is script injection waiting to happen; values go through env.
          if (step.run) expect(step.run).not.toMatch(/\$\{\{/);
        }
      }
    },
  );

  it('the pull-request check has no path filters, re-runs on labels, and may comment', () => {
    const wf = load('embedding-gate.yml');
    const pr = wf.on.pull_request!;
    expect(Object.keys(pr)).toEqual(['types']);
    expect(pr.types).toEqual(
      expect.arrayContaining(['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled']),
    );
    expect(wf.on).toHaveProperty('merge_group');
    expect(wf.jobs.gate!.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(wf.jobs.gate!.steps.find((s) => s.uses === './')!.with).toMatchObject({
      'override-label': 'breaking-change',
    });
  });

  it('the release deploys only after a passing gate, into a protected environment', () => {
    const wf = load('embedding-release.yml');
    const { gate, deploy } = wf.jobs;
    expect(gate!.permissions).toEqual({ contents: 'read' });
    expect(gate!.outputs).toMatchObject({ verdict: '${{ steps.gate.outputs.verdict }}' });
    expect(deploy!.needs).toBe('gate');
    expect(deploy!.if).toContain("needs.gate.outputs.verdict == 'pass'");
    expect(deploy!.environment).toEqual({ name: 'production' });
    expect(deploy!.permissions).toEqual({ contents: 'write' });
    expect(deploy!.steps.find((s) => s.uses === './')!.with).toMatchObject({
      command: 'promote',
      channel: 'production',
      report: 'gate.json',
      version: '${{ needs.gate.outputs.version }}',
    });
  });

  it('the rollback is a manual dispatch through the action, in the protected environment', () => {
    const wf = load('embedding-rollback.yml');
    expect(Object.keys(wf.on)).toEqual(['workflow_dispatch']);
    const job = wf.jobs.rollback!;
    expect(job.environment).toEqual({ name: 'production' });
    expect(job.permissions).toEqual({ contents: 'write' });
    expect(job.steps.find((s) => s.uses === './')!.with).toMatchObject({
      command: 'rollback',
      channel: '${{ inputs.channel }}',
    });
  });

  it('the sharded gate: shard jobs write partials with the action, one merge job publishes, deploy needs it', () => {
    const wf = load('gate-sharded.yml');
    const { shard, merge, deploy } = wf.jobs;
    const matrix = (shard as Job & { strategy: { matrix: { shard: number[] } } }).strategy.matrix;
    expect(matrix.shard).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const job of [shard!, merge!, deploy!])
      for (const step of job.steps) {
        expect(step.run ?? '').not.toMatch(/embedding-gate|node /);
        if (step.uses)
          expect(step.uses).toMatch(
            /^(\.\/|actions\/(checkout|upload-artifact|download-artifact)@)/,
          );
      }
    const shardStep = shard!.steps.find((s) => s.uses === './')!;
    expect(shardStep.with).toMatchObject({
      shard: '${{ matrix.shard }}/8',
      'partial-file': 'partials/shard-${{ matrix.shard }}.json',
    });
    expect(
      shard!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!.with,
    ).toMatchObject({
      path: 'partials/shard-${{ matrix.shard }}.json',
    });
    expect(merge!.needs).toBe('shard');
    const download = merge!.steps.findIndex((s) => s.uses?.startsWith('actions/download-artifact'));
    const mergeStep = merge!.steps.findIndex((s) => s.uses === './');
    expect(download).toBeGreaterThan(-1);
    expect(mergeStep).toBeGreaterThan(download);
    expect(merge!.steps[mergeStep]!.with).toMatchObject({
      command: 'merge',
      partials: 'partials/*.json',
    });
    expect(merge!.steps[mergeStep]!.with).not.toHaveProperty('candidate');
    expect(merge!.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(deploy!.needs).toBe('merge');
    expect(deploy!.if).toContain("needs.merge.outputs.verdict == 'pass'");
  });

  it('the input check catches an undeclared input (the test can fail)', () => {
    expect(
      unknownInputs({ uses: './', with: { candidate: 'm.yaml', 'fail-on-warning': true } }),
    ).toEqual(['fail-on-warning']);
    expect(unknownInputs({ uses: 'actions/checkout@v4', with: { anything: 1 } })).toEqual([]);
  });

  it('the manual run takes the candidate and baseline as inputs', () => {
    const wf = load('embedding-gate-manual.yml');
    expect(Object.keys(wf.on)).toEqual(['workflow_dispatch']);
    const inputs = wf.on.workflow_dispatch!.inputs as Record<string, { required?: boolean }>;
    expect(inputs.candidate!.required).toBe(true);
    expect(inputs).toHaveProperty('baseline');
    const step = wf.jobs.gate!.steps.find((s) => s.uses === './')!;
    expect(step.with).toMatchObject({
      candidate: '${{ inputs.candidate }}',
      baseline: '${{ inputs.baseline }}',
    });
    expect(wf.jobs.gate!.permissions).toEqual({ contents: 'read' });
  });
});
