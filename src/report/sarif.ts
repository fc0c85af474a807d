/**
 * SARIF 2.1.0, for code scanning and every tool that reads static-analysis results. One run,
 * one rule per check id, one result per finding; waived and overridden findings carry a
 * `suppressions` entry (accepted, with the justification), as SARIF viewers expect.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Location, Severity } from '../config/findings.js';
import type { Report } from '../gate/report-model.js';
import { ruleFor } from './rules.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The key of our fingerprint in `partialFingerprints` (versioned, as the spec asks). */
export const SARIF_FINGERPRINT_KEY = 'embeddingGateFingerprint/v1';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * The workspace-relative path (the same from any working directory) as a URI reference
 * against %SRCROOT%; a file outside the workspace by its path as given, an absolute one as
 * a file: URI.
 */
function artifactLocation(loc: Location): { uri: string; uriBaseId?: string } {
  const inside = loc.workspaceFile;
  const file =
    inside !== undefined && !inside.startsWith('../') && !isAbsolute(inside) ? inside : loc.file;
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const posixPath = file.replace(/\\/g, '/').replace(/^\.\//, '');
  return { uri: posixPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function physicalLocation(loc: Location): Record<string, unknown> {
  const region: Record<string, number> = {};
  if (loc.line !== undefined) {
    region.startLine = loc.line;
    if (loc.column !== undefined) region.startColumn = loc.column;
    if (loc.endLine !== undefined) region.endLine = loc.endLine;
    if (loc.endColumn !== undefined) region.endColumn = loc.endColumn;
  } else if (loc.byte !== undefined) {
    region.byteOffset = loc.byte;
  }
  return {
    artifactLocation: artifactLocation(loc),
    ...(Object.keys(region).length ? { region } : {}),
  };
}

function result(f: Finding, ruleIndex: number): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  if (f.consumer !== undefined) properties.consumer = f.consumer;
  if (f.expected !== undefined) properties.expected = f.expected;
  if (f.found !== undefined) properties.found = f.found;
  if (f.location?.path !== undefined) properties.path = f.location.path;
  if (f.location?.row !== undefined) properties.row = f.location.row;
  if (f.location?.id !== undefined) properties.id = f.location.id;
  const s = f.suppressed;
  return {
    ruleId: f.id,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    ...(f.location ? { locations: [{ physicalLocation: physicalLocation(f.location) }] } : {}),
    ...(f.fingerprint ? { partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint } } : {}),
    ...(s
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification:
                s.kind === 'waiver'
                  ? `waived until ${s.expires} by ${s.owner}: ${s.reason}`
                  : `override label "${s.label}" applied by ${s.by}: ${s.reason}`,
            },
          ],
        }
      : {}),
    ...(Object.keys(properties).length ? { properties } : {}),
  };
}

/** A rule as code-scanning tools show it: the summary, what raises it, and what to do. */
function rule(id: string): Record<string, unknown> {
  const r = ruleFor(id);
  return {
    id,
    shortDescription: { text: r.summary },
    fullDescription: { text: r.description },
    help: { text: r.help },
  };
}

/** The report as a SARIF 2.1.0 log (pretty-printed JSON). */
export function formatSarif(report: Report): string {
  const ids = [...new Set(report.findings.map((f) => f.id))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules: ids.map(rule),
          },
        },
        // yaml reports columns in UTF-16 code units (JavaScript string offsets).
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
        results: report.findings.map((f) => result(f, index.get(f.id)!)),
        properties: {
          verdict: report.verdict,
          failOn: report.failOn,
          counts: report.counts,
          candidate: report.candidate.manifest,
          ...(report.baseline ? { baseline: report.baseline.manifest } : {}),
          ...(report.override ? { override: report.override } : {}),
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
