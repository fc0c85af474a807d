/**
 * The progress line in the commands that do long work (check, validate, knn): drawn on a
 * terminal once a step has run 2 s, with the counter, its rate and the time left, rewritten in
 * place and erased before the report; nothing when stderr is not a terminal, with --quiet, or
 * when a machine format goes to standard output. The terminal decision is forced through
 * CliIO.stderrIsTTY, and the clock advances a fixed step each time it is read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { showProgress } from '../../src/cli/progress.js';
import { defaultDeps } from '../../src/gate/default-deps.js';
import { npyFloat32 } from '../../src/vectors/write.js';
import { EXAMPLE_CHECK, ROOT } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'eg-progress-'));
const ROWS = 24_000;
const DIMS = 256;
beforeAll(() => {
  // 24,000 × 256 float32 (24.6 MB): three scan batches of 8 MiB, two kNN blocks.
  const values = new Float32Array(ROWS * DIMS);
  for (let i = 0; i < values.length; i++) values[i] = ((i * 2654435761) % 1000) / 1000 - 0.5;
  writeFileSync(join(work, 'big.npy'), npyFloat32(values, ROWS, DIMS));
  writeFileSync(join(work, 'q.npy'), npyFloat32(values.subarray(0, 4 * DIMS), 4, DIMS));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the CLI with stderr a terminal (or not) and a clock that moves `stepMs` per reading. */
async function cli(args: readonly string[], cwd: string, stderrIsTTY: boolean, stepMs = 1000) {
  let stdout = '';
  let stderr = '';
  let clock = 0;
  const code = await main(
    args,
    {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      cwd,
      env: {},
      stderrIsTTY,
      elapsedMs: () => (clock += stepMs),
    },
    defaultDeps(),
  );
  const frames = stderr
    .split('\r\x1b[2K')
    .filter((f) => f && !f.startsWith('embedding-gate: wrote'));
  return { code, stdout, stderr, frames };
}

const examples = join(ROOT, 'examples');
const validate = (extra: readonly string[], tty: boolean) =>
  cli(['validate', 'big.npy', '--dims', String(DIMS), ...extra], work, tty);

describe('check progress line', () => {
  it('on a terminal: the steps, rows read, elapsed time; rewritten in place and erased', async () => {
    // 2.5 s a clock reading: every step is past its 2 s delay when its count first advances.
    const r = await cli(EXAMPLE_CHECK, examples, true, 2500);
    expect(r.code).toBe(0);
    expect(r.stderr.startsWith('\r\x1b[2K')).toBe(true);
    expect(r.stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect(r.stderr).not.toContain('\n');
    for (const f of r.frames) expect(f).toMatch(/^embedding-gate: [^·]+(…|: .+) · \d+\.\d s$/);
    expect(r.frames).toContainEqual(
      expect.stringMatching(
        /^embedding-gate: reading the vectors \(candidate\): 2,040 \/ 2,040 rows · [\d,]+ rows\/s · \d+\.\d s$/,
      ),
    );
    expect(r.frames).toContainEqual(
      expect.stringMatching(
        /^embedding-gate: running the benchmark suites \(kNN product-search candidate\): [\d,]+ \/ [\d,]+ corpus rows/,
      ),
    );
    expect(r.stdout).toContain('Verdict: PASS');
  });

  it.each([
    ['not a terminal', [], false],
    ['--quiet', ['--quiet'], true],
    ['json to standard output', ['--format', 'json'], true],
  ] as const)('nothing when %s', async (_, extra, tty) => {
    const r = await cli([...EXAMPLE_CHECK, ...extra], examples, tty);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it("check --shard: the same line for the shard's steps, erased before the closing line", async () => {
    const part = mkdtempSync(join(tmpdir(), 'eg-progress-shard-'));
    try {
      const partial = join(part, 'p1.json');
      const r = await cli(
        [...EXAMPLE_CHECK, '--shard', '1/2', '--partial', partial],
        examples,
        true,
        2500,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.frames).toContainEqual(
        expect.stringMatching(
          /^embedding-gate: reading the vectors \(candidate\): 1,020 \/ 1,020 rows · [\d,]+ rows\/s · \d+\.\d s$/,
        ),
      );
      expect(r.frames).toContainEqual(
        expect.stringMatching(
          /^embedding-gate: running the benchmark suites \(kNN product-search candidate\): [\d,]+ \/ 1,020 corpus rows/,
        ),
      );
      // Erased, then the closing line alone on its own line.
      const closing = r.stderr.slice(r.stderr.lastIndexOf('\r\x1b[2K') + 5);
      expect(r.stderr).not.toBe(closing);
      expect(closing).toMatch(/^shard 1\/2: partial result written to .*p1\.json\n$/);
      const quiet = await cli(
        [...EXAMPLE_CHECK, '--shard', '1/2', '--partial', partial, '--quiet'],
        examples,
        true,
      );
      expect(quiet.stderr).toMatch(/^shard 1\/2: partial result written to .*p1\.json\n$/);
    } finally {
      rmSync(part, { recursive: true, force: true });
    }
  });

  it('the decision', () => {
    expect(showProgress({ stderrIsTTY: true, quiet: false, toStdout: ['text'] })).toBe(true);
    expect(showProgress({ stderrIsTTY: true, quiet: false, toStdout: [] })).toBe(true);
    expect(showProgress({ stderrIsTTY: true, quiet: false, toStdout: ['sarif'] })).toBe(false);
    expect(showProgress({ stderrIsTTY: undefined, quiet: false, toStdout: [] })).toBe(false);
  });
});

describe('validate and knn progress line', () => {
  it('validate: rows read of the file’s rows, with rate and ETA', async () => {
    const r = await validate([], true);
    expect(r.code).toBe(0);
    expect(r.frames).toContainEqual(
      expect.stringMatching(
        /^embedding-gate: reading the vectors: [\d,]+ \/ 24,000 rows · [\d,]+ rows\/s · ETA \d+ s · \d+\.\d s$/,
      ),
    );
    expect(r.stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect(r.stdout).toContain('Verdict: PASS');
  });

  it.each([
    ['--quiet', ['--quiet'], true],
    ['json to standard output', ['--format', 'json'], true],
    ['not a terminal', [], false],
  ] as const)('validate: nothing when %s', async (_, extra, tty) => {
    const r = await validate(extra, tty);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('knn: corpus rows scored, with rate and ETA; --quiet leaves only the closing line', async () => {
    const args = [
      'knn',
      '--queries',
      'q.npy',
      '--corpus',
      'big.npy',
      '-k',
      '3',
      '--output',
      'run.txt',
    ];
    // 2.5 s a clock reading: the first block's report already comes after the 2 s delay.
    const r = await cli(args, work, true, 2500);
    expect(r.code).toBe(0);
    expect(r.frames).toContainEqual(
      expect.stringMatching(
        /^embedding-gate: exact kNN of 4 queries: 16,384 \/ 24,000 corpus rows · [\d,]+ corpus rows\/s · ETA \d+ s · \d+\.\d s$/,
      ),
    );
    const quiet = await cli([...args, '--quiet'], work, true);
    expect(quiet.stderr).toMatch(/^embedding-gate: wrote 4 queries × 3 neighbours/);
  });
});
