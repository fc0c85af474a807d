/** A reader that stops early (`| head`) ends the CLI quietly: no EPIPE stack trace. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

describe('the built CLI on a closed pipe', () => {
  it('stops without a stack trace when its reader goes away', () => {
    const cli = join(ROOT, 'dist/cli.js');
    const r = spawnSync('sh', ['-c', `node "${cli}" validate --help | head -c 5`], {
      encoding: 'utf8',
    });
    expect(r.stdout).toBe('Usage');
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});
