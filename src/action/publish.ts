/**
 * The texts the Action publishes, built from the report without side effects: the job
 * summary and the pull-request comment (the same markdown, each fitted to its GitHub limit),
 * the report-only banner, and the blocked-consumers output.
 */
import { commentMarker } from '../github/comments.js';
import type { RunInfo } from '../github/event.js';
import {
  COMMENT_LIMIT_CHARS,
  fitMarkdown,
  SUMMARY_LIMIT_BYTES,
  type Fitted,
} from '../report/fit.js';
import { isBlocking, type Report } from '../gate/report-model.js';

/** The loud line at the top of the summary and comment when `report-only` is set. */
export function reportOnlyBanner(report: Report): string {
  const verdict =
    report.verdict === 'fail'
      ? 'The gate **would have BLOCKED** promotion; the step passes only because `report-only` is set.'
      : 'The gate passes; with `report-only` it would pass whatever it found.';
  return ['> [!WARNING]', `> **REPORT-ONLY MODE: this step never fails.** ${verdict}`, '', ''].join(
    '\n',
  );
}

export interface SummaryOptions {
  readonly reportOnly: boolean;
  /** Where the JSON report is, for the note when detail is reduced. */
  readonly reportPath: string;
}

/** The job summary, fitted into 1 MiB. */
export function summaryText(report: Report, options: SummaryOptions): Fitted {
  return fitMarkdown(report, {
    limit: SUMMARY_LIMIT_BYTES,
    measure: 'utf8-bytes',
    limitName: '1 MiB job summary',
    before: options.reportOnly ? reportOnlyBanner(report) : '',
    fullReport: `in the JSON report \`${options.reportPath}\``,
  });
}

export interface CommentOptions extends SummaryOptions {
  readonly header: string;
  readonly run: RunInfo;
  readonly toolVersion: string;
}

/** The sticky comment's marker for this run (one comment per workflow, job and header). */
export function markerFor(run: RunInfo, header: string): string {
  return commentMarker(run.workflow, run.job, header || undefined);
}

/** The pull-request comment: marker, header, report, footer; at most 65,535 characters. */
export function commentText(
  report: Report,
  options: CommentOptions,
): { marker: string; body: string; level: number } {
  const { run } = options;
  const marker = markerFor(run, options.header);
  const link =
    run.repository && run.runId
      ? ` · [workflow run](${run.serverUrl}/${run.repository}/actions/runs/${run.runId})`
      : '';
  const footer = `\n\n---\n<sub>embedding-gate ${options.toolVersion} · ${run.workflow} / ${run.job}${link}</sub>\n`;
  const before =
    (options.header ? `${options.header}\n\n` : '') +
    (options.reportOnly ? reportOnlyBanner(report) : '');
  const fitted = fitMarkdown(report, {
    // The marker goes first and is never cut: it is how the next run finds this comment.
    limit: COMMENT_LIMIT_CHARS - marker.length - 1,
    measure: 'utf16-units',
    limitName: '65,535-character comment',
    before,
    after: footer,
    fullReport: 'in the job summary and the JSON report',
  });
  return { marker, body: `${marker}\n${fitted.text}`, level: fitted.level };
}

/** Consumers with at least one blocking finding (not waived or overridden), sorted. */
export function blockedConsumers(report: Report): string[] {
  const names = new Set<string>();
  for (const f of report.findings)
    if (f.consumer && isBlocking(f, report.failOn)) names.add(f.consumer);
  return [...names].sort();
}

/** What a run that could not judge tells the job summary. */
export interface ErrorSummaryOptions {
  readonly command: string;
  /** An internal error (a bug), not a problem with the inputs or files. */
  readonly internal: boolean;
  readonly reportOnly: boolean;
}

/**
 * The job summary of a run that stopped before judging: what failed, where, and the next
 * step, so the summary is never empty when the step fails (issue 12).
 */
export function errorSummary(
  text: string,
  where: { readonly file: string; readonly line?: number; readonly column?: number } | undefined,
  o: ErrorSummaryOptions,
): string {
  const at = where
    ? `\`${where.file}${where.line ? `:${where.line}` : ''}${where.line && where.column ? `:${where.column}` : ''}\``
    : undefined;
  const next = o.internal
    ? 'This is a bug in embedding-gate, not in your files: re-run the job with debug logging (ACTIONS_STEP_DEBUG) and report the error with its log.'
    : /^input /.test(text)
      ? "Fix the input in the step's `with:` (see the action's inputs) and re-run."
      : at
        ? `Fix ${at} as the message says and push again; \`embedding-gate ${o.command === 'check' ? 'check' : o.command} …\` with the same arguments shows the same message locally.`
        : 'Fix the file or input the message names and re-run; the CLI with the same arguments shows the same message locally.';
  const lines = [
    `## ❗ embedding-gate could not ${o.command === 'check' ? 'judge' : `run ${o.command}`}`,
    '',
    `**Verdict: error** — nothing was judged${o.command === 'check' ? ' and no vectors were read' : ''}.`,
    '',
    '| | |',
    '|---|---|',
    `| what failed | ${escapeCell(text)} |`,
    ...(at ? [`| where | ${at} |`] : []),
    `| next step | ${escapeCell(next)} |`,
    '',
  ];
  if (o.reportOnly) lines.push('`report-only` is set: the step passes anyway.', '');
  return lines.join('\n');
}

/** The job summary of a registry command. */
export function registrySummary(
  c: {
    readonly command: string;
    readonly registry: string;
    readonly channel?: string;
    readonly version?: string;
  },
  result:
    | { readonly kind: 'done'; readonly message: string; readonly changed: boolean }
    | { readonly kind: 'refused'; readonly id: string; readonly message: string },
): string {
  const head =
    result.kind === 'done'
      ? `## ✅ embedding-gate ${c.command}${result.changed ? '' : ': nothing to do'}`
      : `## ❌ embedding-gate ${c.command} refused (\`${result.id}\`)`;
  const rows = [
    ['registry', `\`${c.registry}\``],
    ...(c.channel ? [['channel', `\`${c.channel}\``]] : []),
    ...(c.version ? [['version', `\`${c.version}\``]] : []),
    ['result', escapeCell(result.message)],
  ];
  return [head, '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`), ''].join(
    '\n',
  );
}

/** A table cell: pipes escaped, lines joined. */
function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
