/**
 * The JUnit output against the Jenkins xunit plugin's junit-10.xsd, validated by libxml2
 * itself (xmllint compiled to WebAssembly), the schema most JUnit readers follow.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/gate/report-model.js';
import { formatJunit } from '../../src/report/junit.js';
import { MACHINE_SAMPLE } from './sarif-fixture.js';

const XSD = readFileSync(join(import.meta.dirname, '../fixtures/junit/junit-10.xsd'), 'utf8');

async function validate(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'report.xml', contents: xml },
    schema: { fileName: 'junit-10.xsd', contents: XSD },
  });
  return result.errors.map((e) => e.rawMessage);
}

const CLEAN: Report = {
  ...MACHINE_SAMPLE,
  verdict: 'pass',
  consumers: [],
  findings: [],
  counts: { error: 0, warning: 0, info: 0 },
};

describe('JUnit XML against junit-10.xsd', () => {
  it.each([
    ['a blocked report with waived, overridden and pending cases', MACHINE_SAMPLE],
    ['a clean report with empty suites', CLEAN],
  ])('%s is valid', async (_, report) => {
    expect(await validate(formatJunit(report))).toEqual([]);
  });

  it('the validator rejects what junit-10 forbids (the test can fail)', async () => {
    const xml = formatJunit(MACHINE_SAMPLE).replace(
      '<testsuites name="embedding-gate"',
      '<testsuites skipped="1" name="embedding-gate"',
    );
    const errors = await validate(xml.replace('<testcase ', '<testcase file="a.yaml" '));
    expect(errors.join('\n')).toMatch(/skipped/);
    expect(errors.join('\n')).toMatch(/file/);
  });

  it('gives every testsuites, testsuite and testcase a time in seconds', () => {
    const xml = formatJunit(MACHINE_SAMPLE);
    const opening = [...xml.matchAll(/<(testsuites|testsuite|testcase)\b[^>]*>/g)].map((m) => m[0]);
    expect(opening.length).toBeGreaterThan(5);
    for (const tag of opening) expect(tag).toMatch(/ time="\d+(\.\d+)?"/);
  });
});
