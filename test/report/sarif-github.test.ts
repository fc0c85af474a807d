/**
 * GitHub's SARIF ingestion rules, as the SARIF multitool checks them with `--rule-kind Gh`
 * (microsoft/sarif-sdk, src/Sarif.Multitool.Library/Rules/GH*.cs), restated here so they run
 * without .NET. Each check names its rule; the structural ones the JSON Schema cannot say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/config/findings.js';
import { countFindings, type Report } from '../../src/gate/report-model.js';
import { CHECK_RULES, helpUriFor, README_ANCHORS } from '../../src/report/rules.js';
import { formatSarif, SARIF_MAX_RESULTS, type SarifOptions } from '../../src/report/sarif.js';
import { ROOT } from '../helpers/cli.js';
import { MACHINE_SAMPLE } from './sarif-fixture.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- a SARIF log is walked as plain JSON */

const README_URL = 'https://github.com/octo/embedding-gate/blob/v1/README.md';
const OPTIONS: SarifOptions = { readmeUrl: README_URL, workspace: '/home/runner/work/repo' };

/** The limits GH1004 reviews (GitHub's documented upload limits). */
const LIMITS = { runs: 20, rulesPerRun: 25_000, resultsPerRun: 25_000, locationsPerResult: 1_000 };

const nonBlank = (s: unknown) => typeof s === 'string' && s.trim().length > 0;

/** Every violation of the GH rules in a log, as "GHxxxx: pointer: what". */
function ghViolations(log: any): string[] {
  const out: string[] = [];
  const bad = (rule: string, at: string, what: string) => out.push(`${rule}: ${at}: ${what}`);
  // GH1011: the final 2.1.0 schema; GH1013: version and runs.
  if (!/sarif-2\.1\.0(-rtm\.\d+)?\.json$|sarif-schema-2\.1\.0\.json$/.test(log.$schema ?? ''))
    bad('GH1011', '/$schema', `not the final SARIF 2.1.0 schema: ${log.$schema}`);
  if (log.version !== '2.1.0') bad('GH1013', '/version', 'not 2.1.0');
  if (!Array.isArray(log.runs)) bad('GH1013', '/runs', 'absent');
  if (log.runs?.length > LIMITS.runs) bad('GH1004', '/runs', `more than ${LIMITS.runs}`);
  (log.runs ?? []).forEach((run: any, r: number) => {
    const at = `/runs/${r}`;
    // GH1014, GH1018: a tool with a named driver, and a results array.
    if (!nonBlank(run.tool?.driver?.name)) bad('GH1018', `${at}/tool/driver`, 'no name');
    if (!Array.isArray(run.results)) bad('GH1014', `${at}/results`, 'absent');
    const rules: any[] = run.tool?.driver?.rules ?? [];
    if (rules.length > LIMITS.rulesPerRun) bad('GH1004', `${at}/tool/driver/rules`, 'too many');
    if (run.results?.length > LIMITS.resultsPerRun) bad('GH1004', `${at}/results`, 'too many');
    const checkout = run.invocations?.some((i: any) => nonBlank(i.workingDirectory?.uri));
    rules.forEach((rule: any, i: number) => {
      const p = `${at}/tool/driver/rules/${i}`;
      // GH2012: shortDescription, fullDescription and help.text, none blank.
      if (!nonBlank(rule.shortDescription?.text)) bad('GH2012', p, 'no shortDescription');
      if (!nonBlank(rule.fullDescription?.text)) bad('GH2012', p, 'no fullDescription');
      if (!rule.help) bad('GH2012', p, 'no help');
      else if (!nonBlank(rule.help.text)) bad('GH2012', `${p}/help`, 'no text');
    });
    (run.results ?? []).forEach((result: any, i: number) => {
      const p = `${at}/results/${i}`;
      // GH1015: ruleId and a message; GH1007: the message is flat text, no id/arguments.
      if (!nonBlank(result.ruleId)) bad('GH1015', p, 'no ruleId');
      if (!nonBlank(result.message?.text)) bad('GH1007', `${p}/message`, 'no flat text');
      if (result.message?.id !== undefined || result.message?.arguments !== undefined)
        bad('GH1007', `${p}/message`, 'message id or arguments');
      // GH1001, GH1016, GH1017: a location with a physical location and an artifact URI.
      const locations: any[] = result.locations ?? [];
      if (!locations.length) bad('GH1001', p, 'no locations');
      if (locations.length > LIMITS.locationsPerResult) bad('GH1004', p, 'too many locations');
      locations.forEach((loc: any, j: number) => {
        const l = `${p}/locations/${j}/physicalLocation`;
        const phys = loc.physicalLocation;
        if (!phys) return bad('GH1016', l, 'absent');
        const uri: unknown = phys.artifactLocation?.uri;
        if (!nonBlank(uri)) return bad('GH1017', `${l}/artifactLocation`, 'no uri');
        // GH1003: a region with startLine ≥ 1 (GitHub hashes that line).
        if (!phys.region) bad('GH1003', l, 'no region');
        else if (!(phys.region.startLine >= 1)) bad('GH1003', `${l}/region`, 'no startLine');
        // GH1005: a relative reference or a file: URI; GH1006: absolute needs a checkout path.
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri as string)?.[1];
        if (scheme && scheme.toLowerCase() !== 'file')
          bad('GH1005', `${l}/artifactLocation/uri`, `scheme ${scheme}`);
        if (scheme && !checkout)
          bad('GH1006', `${l}/artifactLocation/uri`, 'absolute, and no workingDirectory');
        if (!scheme && phys.artifactLocation.uriBaseId !== '%SRCROOT%')
          bad('GH1006', `${l}/artifactLocation`, 'relative without uriBaseId %SRCROOT%');
      });
      // GH1002: thread flow locations inline their location.
      for (const flow of result.codeFlows ?? [])
        for (const thread of flow.threadFlows ?? [])
          for (const tfl of thread.locations ?? [])
            if (!tfl.location) bad('GH1002', p, 'threadFlowLocation by index');
    });
  });
  return out;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
function readmeAnchors(): Set<string> {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return new Set(
    [...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
      m[1]!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

describe('SARIF under GitHub ingestion rules (multitool --rule-kind Gh)', () => {
  it('the sample report, with info findings too, breaks none', () => {
    for (const includeInfo of [false, true]) {
      const log = JSON.parse(formatSarif(MACHINE_SAMPLE, { ...OPTIONS, includeInfo }));
      expect(ghViolations(log)).toEqual([]);
    }
  });

  it('the checker finds what the old output did wrong (the test can fail)', () => {
    const log = JSON.parse(formatSarif(MACHINE_SAMPLE));
    const rule = log.runs[0].tool.driver.rules[0];
    delete rule.fullDescription;
    delete rule.help;
    delete log.runs[0].results[1].locations[0].physicalLocation.region;
    const v = ghViolations(log);
    expect(v).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GH2012: .*no fullDescription/),
        expect.stringMatching(/^GH2012: .*no help/),
        expect.stringMatching(/^GH1003: /),
        // No workspace given: the absolute file: URI has no checkout path.
        expect.stringMatching(/^GH1006: /),
      ]),
    );
  });

  it('a finding without a location is placed at line 1 of the candidate manifest', () => {
    const lone: Finding = { id: 'contract.none-active', severity: 'warning', message: 'none' };
    const report: Report = { ...MACHINE_SAMPLE, findings: [lone], counts: countFindings([lone]) };
    const run = JSON.parse(formatSarif(report, OPTIONS)).runs[0];
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'releases/2.0.0/manifest.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 },
    });
    expect(ghViolations(JSON.parse(formatSarif(report, OPTIONS)))).toEqual([]);
  });

  it('every rule of every check has a help text, markdown and a helpUri at a README anchor', () => {
    const anchors = readmeAnchors();
    for (const [, anchor] of README_ANCHORS) expect(anchors, anchor).toContain(anchor);
    expect(anchors).toContain('what-the-gate-checks');
    const findings: Finding[] = Object.keys(CHECK_RULES).map((id) => ({
      id,
      severity: 'error',
      message: id,
      location: { file: 'm.yaml', line: 2 },
    }));
    const report: Report = { ...MACHINE_SAMPLE, findings, counts: countFindings(findings) };
    const log = JSON.parse(formatSarif(report, OPTIONS));
    expect(ghViolations(log)).toEqual([]);
    const rules = log.runs[0].tool.driver.rules as any[];
    expect(rules).toHaveLength(Object.keys(CHECK_RULES).length);
    for (const rule of rules) {
      expect(rule.helpUri).toBe(helpUriFor(rule.id, README_URL));
      expect(anchors).toContain(rule.helpUri.split('#')[1]);
      expect(rule.help.markdown).toContain(`](${rule.helpUri})`);
    }
    expect(helpUriFor('bench.regression', README_URL)).toBe(`${README_URL}#benchmark-regression`);
    expect(helpUriFor('vectors.dims', README_URL)).toBe(`${README_URL}#what-the-gate-checks`);
  });

  it(`keeps at most ${SARIF_MAX_RESULTS} results (GH1004), errors first, and says how many it left out`, () => {
    const many: Finding[] = Array.from({ length: SARIF_MAX_RESULTS + 10 }, (_, i) => ({
      id: 'vectors.zero',
      severity: i < 20 ? 'warning' : i === SARIF_MAX_RESULTS + 9 ? 'error' : 'warning',
      message: `row ${i}`,
      location: { file: 'v.npy', row: i },
    }));
    const report: Report = { ...MACHINE_SAMPLE, findings: many, counts: countFindings(many) };
    const log = JSON.parse(formatSarif(report, OPTIONS));
    const run = log.runs[0];
    expect(run.results).toHaveLength(SARIF_MAX_RESULTS);
    expect(run.results[0].level).toBe('error');
    expect(run.properties.resultsLeftOut).toBe(10);
    expect(ghViolations(log)).toEqual([]);
  });
});
