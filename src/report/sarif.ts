/**
 * SARIF 2.1.0, for code scanning and every tool that reads static-analysis results. One run,
 * one rule per check id, one result per finding; waived and overridden findings carry a
 * `suppressions` entry (accepted, with the justification), as SARIF viewers expect.
 *
 * Shaped for GitHub's ingestion rules (the SARIF multitool's `--rule-kind Gh`, checked by
 * test/report/sarif-github.test.ts): every rule has a short and full description and a
 * help text (plus markdown, and `helpUri` when the README's address is known); every result
 * has a physical location with a region whose `startLine` is at least 1 (line 1 of the file
 * when no line is known, so GitHub can compute `primaryLocationLineHash`), on the candidate's
 * manifest when the finding names no file; URIs are workspace-relative against `%SRCROOT%`.
 * Info findings are left out unless asked for: "model.revision changed" is not a code-scanning
 * alert to be dismissed on every release.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Location, Severity } from '../config/findings.js';
import type { Report } from '../gate/report-model.js';
import { helpUriFor, ruleFor } from './rules.js';

/** What the SARIF log holds beyond the findings themselves. */
export interface SarifOptions {
  /** Include info-severity findings (as `note` results); default false. */
  readonly includeInfo?: boolean;
  /**
   * The address of this tool's README (e.g. `https://github.com/o/embedding-gate/blob/v1/README.md`):
   * each rule's `helpUri` is it plus the anchor of its check. Without it, no `helpUri`.
   */
  readonly readmeUrl?: string;
  /**
   * The workspace (absolute directory): recorded as the invocation's `workingDirectory`, the
   * checkout path GitHub needs to place an absolute `file:` URI (GH1006).
   */
  readonly workspace?: string;
}

/** Results GitHub takes per run (more and it rejects the upload); errors are kept first. */
export const SARIF_MAX_RESULTS = 25_000;
const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

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

/**
 * The location with a text region GitHub accepts: the field's lines and columns, else line 1
 * of the file (a binary file's byte offset goes to the result's properties: a region with
 * both would claim line 1 and that byte are the same place).
 */
/** A directory as a `file:` URI ending in `/`, so relative references resolve inside it. */
function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function physicalLocation(loc: Location): Record<string, unknown> {
  const region: Record<string, number> = { startLine: loc.line && loc.line >= 1 ? loc.line : 1 };
  if (loc.line !== undefined && loc.line >= 1) {
    if (loc.column !== undefined) region.startColumn = loc.column;
    if (loc.endLine !== undefined) region.endLine = loc.endLine;
    if (loc.endColumn !== undefined) region.endColumn = loc.endColumn;
  }
  return { artifactLocation: artifactLocation(loc), region };
}

function result(f: Finding, ruleIndex: number, fallback: Location): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  if (f.consumer !== undefined) properties.consumer = f.consumer;
  if (f.expected !== undefined) properties.expected = f.expected;
  if (f.found !== undefined) properties.found = f.found;
  if (f.location?.path !== undefined) properties.path = f.location.path;
  if (f.location?.row !== undefined) properties.row = f.location.row;
  if (f.location?.id !== undefined) properties.id = f.location.id;
  if (f.location?.byte !== undefined) properties.byteOffset = f.location.byte;
  const s = f.suppressed;
  return {
    ruleId: f.id,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: physicalLocation(f.location ?? fallback) }],
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
function rule(id: string, readmeUrl: string | undefined): Record<string, unknown> {
  const r = ruleFor(id);
  const helpUri = readmeUrl ? helpUriFor(id, readmeUrl) : undefined;
  return {
    id,
    name: id,
    shortDescription: { text: r.summary },
    fullDescription: { text: r.description },
    help: {
      text: r.help,
      markdown: `**${id}**: ${r.summary}\n\n${r.help}${helpUri ? `\n\nSee [${id}](${helpUri}).` : ''}`,
    },
    ...(helpUri ? { helpUri } : {}),
  };
}

/** The report as a SARIF 2.1.0 log (pretty-printed JSON). */
export function formatSarif(report: Report, options: SarifOptions = {}): string {
  let findings = options.includeInfo
    ? report.findings
    : report.findings.filter((f) => f.severity !== 'info');
  const dropped = Math.max(0, findings.length - SARIF_MAX_RESULTS);
  if (dropped) {
    // A stable sort: errors, then warnings, then notes, each in the report's order.
    findings = [...findings]
      .sort((a, b) => RANK[a.severity] - RANK[b.severity])
      .slice(0, SARIF_MAX_RESULTS);
  }
  // A finding about no particular file (none-active, a suite-less floor) is about the release.
  const fallback: Location = { file: report.candidate.manifest };
  const ids = [...new Set(findings.map((f) => f.id))].sort();
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
            rules: ids.map((id) => rule(id, options.readmeUrl)),
          },
        },
        // yaml reports columns in UTF-16 code units (JavaScript string offsets).
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            ...(options.workspace
              ? { workingDirectory: { uri: directoryUri(options.workspace) } }
              : {}),
          },
        ],
        results: findings.map((f) => result(f, index.get(f.id)!, fallback)),
        properties: {
          verdict: report.verdict,
          failOn: report.failOn,
          counts: report.counts,
          ...(dropped ? { resultsLeftOut: dropped } : {}),
          candidate: report.candidate.manifest,
          ...(report.baseline ? { baseline: report.baseline.manifest } : {}),
          ...(report.override ? { override: report.override } : {}),
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
