/**
 * A single `check` takes the compatibility sample's rows from its scans (each scan keeps the
 * keys of smallest seeded hash with their first rows, as a shard does), so neither version is
 * read a second time for the sample: the example, run once that way and once with the sample
 * read from the files whole, gives the same report, and the second run opens each version's
 * vectors exactly once more.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { defaultDeps } from '../../src/gate/default-deps.js';
import type { GateDeps } from '../../src/gate/plan.js';
import type { Report } from '../../src/gate/report-model.js';
import { readWhole } from '../../src/release/compat.js';
import { openLocalSource } from '../../src/sources/local.js';
import type { SourceOpener } from '../../src/sources/types.js';
import { EXAMPLE_CHECK, ROOT } from '../helpers/cli.js';

async function check(
  readWholeSample: boolean,
): Promise<{ code: number; report: Report; opens: Map<string, number> }> {
  const opens = new Map<string, number>();
  const counting: SourceOpener = (request) => {
    opens.set(request.path, (opens.get(request.path) ?? 0) + 1);
    return openLocalSource(request);
  };
  const base = defaultDeps(counting);
  const deps: GateDeps = readWholeSample
    ? { ...base, compatibilitySample: readWhole(base.openVectors!) }
    : base;
  let stdout = '';
  const code = await main(
    [...EXAMPLE_CHECK, '--format', 'json'],
    {
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      cwd: join(ROOT, 'examples'),
      env: {},
    },
    deps,
  );
  return { code, report: JSON.parse(stdout) as Report, opens };
}

/** The report without what varies between two runs of the same plan (times). */
function stable(report: Report): unknown {
  return JSON.parse(
    JSON.stringify(report, (key, value: unknown) =>
      key === 'generatedAt' || key === 'durationMs' || key === 'elapsedMs' ? undefined : value,
    ),
  );
}

describe('the compatibility sample from the scans', () => {
  it('gives the report a second read gives, with one open fewer of each version', async () => {
    const fromScans = await check(false);
    const whole = await check(true);
    expect(fromScans.report.compatibility).toBeDefined();
    expect(fromScans.code).toBe(whole.code);
    expect(stable(fromScans.report)).toEqual(stable(whole.report));
    const vectors = [...whole.opens.keys()].filter((p) => /releases\/1\.[01]\.0\/vectors/.test(p));
    expect(vectors.length).toBe(2);
    for (const path of vectors)
      expect(whole.opens.get(path), path).toBe((fromScans.opens.get(path) ?? 0) + 1);
  }, 120_000);
});
