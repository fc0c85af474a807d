/** A reader that stops early (`| head`) ends the CLI quietly: no EPIPE stack trace. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

describe('the built CLI on a closed pipe', () => {
  it('stops without a stack trace when its reader goes away', () => {
    const cli = join(ROOT, 'dist/cli.js');
    // eval -q prints hundreds of lines: more than one write, so the closed pipe is hit.
    const args = `eval -q --qrels test/fixtures/trec_eval/qrels.test --run test/fixtures/trec_eval/results.test`;
    const r = spawnSync('sh', ['-c', `node "${cli}" ${args} | head -c 5`], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(r.stdout).toBe('num_r');
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});
