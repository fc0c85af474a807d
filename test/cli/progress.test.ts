/**
 * The progress line of `check`: drawn on a terminal, rewritten in place and erased before
 * the report; nothing when stderr is not a terminal, with --quiet, or when a machine format
 * goes to standard output. The terminal decision is forced through CliIO.stderrIsTTY.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { showProgress } from '../../src/cli/progress.js';
import { defaultDeps } from '../../src/gate/default-deps.js';
import { EXAMPLE_CHECK, ROOT } from '../helpers/cli.js';
import { join } from 'node:path';

async function check(extra: readonly string[], stderrIsTTY: boolean) {
  let stdout = '';
  let stderr = '';
  let clock = 0;
  const code = await main(
    [...EXAMPLE_CHECK, ...extra],
    {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      cwd: join(ROOT, 'examples'),
      env: {},
      stderrIsTTY,
      // Each reading of the clock is 250 ms later: the line's times are predictable.
      elapsedMs: () => (clock += 250),
    },
    defaultDeps(),
  );
  return { code, stdout, stderr };
}

describe('check progress line', () => {
  it('on a terminal: one line rewritten per step, with rows read and elapsed time, erased at the end', async () => {
    const r = await check([], true);
    expect(r.code).toBe(0);
    const frames = r.stderr.split('\r\x1b[2K').filter(Boolean);
    expect(r.stderr.startsWith('\r\x1b[2K')).toBe(true);
    expect(r.stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect(r.stderr).not.toContain('\n');
    expect(frames[0]).toMatch(
      /^embedding-gate: reading the manifests, contracts and suites… · \d+\.\d s$/,
    );
    expect(frames).toContainEqual(
      expect.stringMatching(/^embedding-gate: reading the vectors: 2,040 rows read · \d+\.\d s$/),
    );
    expect(frames.at(-1)).toMatch(/^embedding-gate: judging… · /);
    expect(r.stdout).toContain('Verdict: PASS');
  });

  it.each([
    ['not a terminal', [], false],
    ['--quiet', ['--quiet'], true],
    ['json to standard output', ['--format', 'json'], true],
  ] as const)('nothing when %s', async (_, extra, tty) => {
    const r = await check(extra, tty);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('the decision', () => {
    expect(showProgress({ stderrIsTTY: true, quiet: false, toStdout: ['text'] })).toBe(true);
    expect(showProgress({ stderrIsTTY: true, quiet: false, toStdout: [] })).toBe(true);
    expect(showProgress({ stderrIsTTY: true, quiet: false, toStdout: ['sarif'] })).toBe(false);
    expect(showProgress({ stderrIsTTY: undefined, quiet: false, toStdout: [] })).toBe(false);
  });
});
