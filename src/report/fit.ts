/**
 * Fitting the markdown report into GitHub's limits by stepping down detail (as
 * dorny/test-reporter does): a job summary holds at most 1 MiB per step, a comment body at
 * most 65,535 characters. Each level drops what a reader misses least; the last level is a
 * few lines that always fit.
 */
import { verdictSentence, versionLabel } from './describe.js';
import { findingRow, selectFindings, type MarkdownOptions } from './markdown-sections.js';
import { formatMarkdown } from './markdown.js';
import type { Report } from '../gate/report-model.js';

/** GitHub's limit for one step's job summary, in bytes of UTF-8. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** GitHub's limit for an issue or pull-request comment body, in characters. */
export const COMMENT_LIMIT_CHARS = 65_535;

/**
 * The detail levels tried in order; level 0 is the full report. At each level after 0 the
 * number of findings rows is the most that fits; a level is taken when it shows at least
 * {@link MIN_FINDINGS_ROWS} of its findings (or all of them), else the next one sheds more.
 */
export const DETAIL_LEVELS: readonly MarkdownOptions[] = [
  {},
  { maxMessage: 1000 },
  {
    minSeverity: 'warning',
    maxMessage: 300,
    consumers: 'unsatisfied',
    benchmarks: 'failing',
    charts: false,
  },
  { minSeverity: 'error', maxMessage: 200, consumers: 'none', benchmarks: 'none', charts: false },
];

/** Findings rows a reduced level must keep to be preferred over shedding other sections. */
export const MIN_FINDINGS_ROWS = 50;

export interface FitOptions {
  /** The limit, in the unit of `measure`. */
  readonly limit: number;
  /** UTF-8 bytes (job summary) or UTF-16 code units (comment; never fewer than characters). */
  readonly measure: 'utf8-bytes' | 'utf16-units';
  /** Name of the limit for the note, e.g. "1 MiB job summary". */
  readonly limitName: string;
  /** Text around the report (banners, comment marker and footer); counted against the limit. */
  readonly before?: string;
  readonly after?: string;
  /** Where the complete report is, for the note (e.g. "in the JSON report embedding-gate-report.json"). */
  readonly fullReport?: string;
}

/** The fitted text and the detail level used (DETAIL_LEVELS.length for the minimal text). */
export interface Fitted {
  readonly text: string;
  readonly level: number;
}

/** Size of `text` in the unit of `measure`. */
export function measureText(text: string, measure: FitOptions['measure']): number {
  return measure === 'utf8-bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}

/** Renders the report at the highest detail that fits, with a note saying what was left out. */
export function fitMarkdown(report: Report, options: FitOptions): Fitted {
  const before = options.before ?? '';
  const after = options.after ?? '';
  const where = options.fullReport ? `; the complete report is ${options.fullReport}` : '';
  const fits = (text: string) => measureText(text, options.measure) <= options.limit;
  // Every finding's id and message appear in full at level 0 (UTF-8 bytes ≥ UTF-16 units ≥
  // this count): when they alone exceed the limit, skip rendering a text that cannot fit.
  const floor = report.findings.reduce((n, f) => n + f.id.length + f.message.length, 0);
  if (floor <= options.limit) {
    const full = before + formatMarkdown(report) + after;
    if (fits(full)) return { text: full, level: 0 };
  }
  for (let level = 1; level < DETAIL_LEVELS.length; level++) {
    const detail = DETAIL_LEVELS[level]!;
    const reducedNote = `Detail reduced to fit GitHub's ${options.limitName} limit (level ${level} of ${DETAIL_LEVELS.length})${where}.`;
    const render = (maxFindings: number) =>
      before + formatMarkdown(report, { ...detail, maxFindings, reducedNote }) + after;
    const empty = render(0);
    if (!fits(empty)) continue;
    // Rows are added while they fit. With n rows the text is the empty table's plus those
    // rows, less the shrinking "N more" row, so this sum bounds the real size from above.
    const shown = selectFindings(report, detail);
    let size = measureText(empty, options.measure);
    let n = 0;
    for (; n < shown.length; n++) {
      const add = measureText(findingRow(shown[n]!, detail) + '\n', options.measure);
      if (size + add > options.limit) break;
      size += add;
    }
    const last = level === DETAIL_LEVELS.length - 1;
    if (n >= Math.min(shown.length, MIN_FINDINGS_ROWS) || last) return { text: render(n), level };
  }
  return { text: minimal(report, options, where), level: DETAIL_LEVELS.length };
}

/** The last resort: banner, verdict, counts; cut to the limit whatever the inputs hold. */
function minimal(report: Report, options: FitOptions, where: string): string {
  const banner = report.verdict === 'pass' ? '✅' : '❌';
  const body = [
    `## ${banner} embedding-gate: ${versionLabel(report.candidate).slice(0, 200)}`,
    '',
    `**${verdictSentence(report)}**`,
    '',
    `> [!NOTE]`,
    `> The report is too large for GitHub's ${options.limitName} limit even without details${where}.`,
    '',
  ].join('\n');
  let before = options.before ?? '';
  const after = options.after ?? '';
  // The surrounding text is the edge's (a header the user configured): cut that, never the verdict.
  while (before && measureText(before + body + after, options.measure) > options.limit) {
    before = before.slice(0, Math.floor(before.length / 2));
  }
  return before + body + after;
}
