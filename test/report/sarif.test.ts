import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatSarif, SARIF_FINGERPRINT_KEY } from '../../src/report/sarif.js';
import { expectGolden } from '../helpers/golden.js';
import { MACHINE_SAMPLE } from './sarif-fixture.js';

type AddFormats = typeof addFormatsModule.default;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats);

/**
 * The SARIF 2.1.0 schema as published to SchemaStore (2.1.0-rtm.5), shipped by Microsoft's
 * @microsoft/jest-sarif (MIT). It is draft-04; the keywords it uses (type, properties,
 * required, enum, items, minItems, uniqueItems, minimum, maximum, pattern, format, $ref,
 * anyOf, oneOf, additionalProperties, default) mean the same in draft-07, so dropping its
 * draft-04 `id`/`$schema` lets ajv's draft-07 validator check it unchanged.
 */
function sarifValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@microsoft/jest-sarif/package.json'));
  const schema = JSON.parse(readFileSync(join(root, 'lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  expect(schema.title).toMatch(/SARIF\) Version 2\.1\.0/);
  delete schema.id;
  delete schema.$schema;
  // The schema's `language` pattern has a stray `]` (valid without the u flag, as draft-04
  // validators compile it); unicodeRegExp: false compiles patterns the same way.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('SARIF 2.1.0', () => {
  let validate: ValidateFunction;
  beforeAll(() => {
    validate = sarifValidator();
  });

  it('is valid against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatSarif(MACHINE_SAMPLE));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator rejects a broken log (the test can fail)', () => {
    const log = JSON.parse(formatSarif(MACHINE_SAMPLE));
    log.runs[0].results[0].level = 'fatal';
    delete log.runs[0].tool.driver.name;
    expect(validate(log)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/runs/0/tool/driver', '/runs/0/results/0/level']),
    );
  });

  it('carries rules, levels, regions, fingerprints and suppressions', () => {
    const run = JSON.parse(formatSarif(MACHINE_SAMPLE, { includeInfo: true })).runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'baseline.changed',
      'contract.dims',
      'contract.metric',
      'vectors.non-finite',
      'vectors.readable',
    ]);
    const [dims, nonFinite, readable, metric, pending, info] = run.results;
    expect(dims).toMatchObject({
      ruleId: 'contract.dims',
      ruleIndex: 1,
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'contracts/search%20index.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 9, startColumn: 9, endLine: 9, endColumn: 12 },
          },
        },
      ],
      properties: { consumer: 'search-index', expected: 768, found: 384, path: '/requires/dims' },
    });
    expect(dims.partialFingerprints[SARIF_FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{16}$/);
    // No line in a binary file: line 1, so GitHub can place (and hash) it.
    expect(nonFinite.locations[0].physicalLocation.region).toEqual({ startLine: 1 });
    expect(nonFinite.properties).toEqual({ row: 7, id: 'doc-7' });
    expect(readable.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'file:///data/shared/vectors.npy' },
      region: { startLine: 1 },
    });
    expect(readable.properties).toEqual({ byteOffset: 1024 });
    expect(readable.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification:
          'waived until 2099-01-31 by @org/data: known truncated export; re-exported in 2.0.1',
      },
    ]);
    expect(metric.suppressions[0].justification).toBe(
      'override label "breaking-change" applied by alice: pull request #42: v2 space',
    );
    expect(pending.level).toBe('warning');
    expect(info.level).toBe('note');
    expect(run.properties).toMatchObject({
      verdict: 'fail',
      failOn: 'error',
      counts: { error: 2, warning: 1, info: 1 },
    });
  });

  it('leaves info findings out unless asked, and their rules with them', () => {
    const run = JSON.parse(formatSarif(MACHINE_SAMPLE)).runs[0];
    expect(run.results.map((r: { level: string }) => r.level)).not.toContain('note');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).not.toContain(
      'baseline.changed',
    );
    expect(run.results).toHaveLength(MACHINE_SAMPLE.findings.length - 1);
    expect(validate(JSON.parse(formatSarif(MACHINE_SAMPLE)))).toBe(true);
  });

  it('matches the golden file', () => {
    expectGolden('report.sarif', formatSarif(MACHINE_SAMPLE));
  });
});
