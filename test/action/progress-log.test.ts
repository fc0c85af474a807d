/**
 * The Action's progress in its log: inside the step's group, at most one line every 10 s and
 * none in a step's first 10 s (a log is not a terminal). groupingObserver with a fake clock,
 * run in a child process so @actions/core writes to a real stdout.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

describe('the Action logs progress at a low rate', () => {
  it('one line per 10 s inside the group, with rate and time left', () => {
    const main = pathToFileURL(join(ROOT, 'src/action/main.ts')).href;
    const script = `
      const { groupingObserver } = await import(${JSON.stringify(main)});
      let now = 0;
      const o = groupingObserver(() => now);
      o.stepStarted('scan');
      for (let t = 1000; t <= 30000; t += 1000) {
        now = t;
        o.progress('scan', { done: t * 10, total: 400000, unit: 'rows', what: 'candidate' });
      }
      now = 31000;
      o.stepFinished('scan');`;
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '' } },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      '::group::embedding-gate: scan',
      'scan (candidate): 100,000 / 400,000 rows · 10,000 rows/s · ETA 30 s',
      'scan (candidate): 200,000 / 400,000 rows · 10,000 rows/s · ETA 20 s',
      'scan (candidate): 300,000 / 400,000 rows · 10,000 rows/s · ETA 10 s',
      '::debug::scan done in 31000 ms',
      'scan: done in 31.0 s',
      '::endgroup::',
    ]);
  });
});
