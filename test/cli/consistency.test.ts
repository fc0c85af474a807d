/** One meaning per option across commands, and no option value silently dropped. */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CHECK, ROOT, runCli } from '../helpers/cli.js';

const VECTORS = 'examples/releases/1.1.0/vectors.arrow';

describe('--format is the report format in every command', () => {
  it('validate --format json prints the JSON report; --vectors-format names the file format', async () => {
    const r = await runCli(['validate', VECTORS, '--vectors-format', 'arrow', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).candidate.vectors).toMatchObject({ format: 'arrow', dims: 64 });
  });

  it.each([
    [
      ['--format', 'arrow'],
      /--format arrow: --format is the report format .* write --vectors-format arrow/,
    ],
    [['--report-format', 'json'], /--report-format is now --format .* --vectors-format/],
  ])('answers the old spelling %j with a hint (exit 2)', async (args, hint) => {
    const r = await runCli(['validate', VECTORS, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(hint);
  });
});

describe('nothing given is silently dropped', () => {
  it('refuses two formats to one output file', async () => {
    const r = await runCli(
      [...EXAMPLE_CHECK, '--format', 'json', '--format', 'text', '--output', 'out/report'],
      `${ROOT}/examples`,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format json and --format text would both write out\/report/);
  });

  it.each([
    [['--waivers', 'a.yaml', '--waivers', 'b.yaml'], '--waivers'],
    [['--fail-on', 'error', '--fail-on=warning'], '--fail-on'],
    [['--seed', '1', '--seed', '2'], '--seed'],
  ])('refuses a single-value option given twice: %j', async (args, name) => {
    const r = await runCli([...EXAMPLE_CHECK, ...args], `${ROOT}/examples`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${name} was given 2 times, but takes one value`));
  });

  it('lets repeatable options repeat', async () => {
    const r = await runCli(
      [...EXAMPLE_CHECK, '--contracts', 'contracts/recommender.yaml', '--format', 'text'],
      `${ROOT}/examples`,
    );
    expect(r.code).toBe(0);
  });
});
