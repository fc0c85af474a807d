/**
 * Sections of the markdown report that come and go with the report's content (override,
 * benchmarks, required bump, charts) and the detail options that let the job summary and
 * the pull-request comment step down to fit GitHub's size limits.
 */
import type { Finding } from '../config/findings.js';
import { whereLabel } from './describe.js';
import {
  cell,
  signed,
  interval,
  MISSING,
  percent,
  plural,
  pValue,
  score,
  statistic,
  truncate,
} from './format.js';
import type { BenchmarkResult, Report, VectorSummary } from '../gate/report-model.js';

/** How much detail formatMarkdown renders. The default renders everything. */
export interface MarkdownOptions {
  /** Findings rows at most (the rest are counted in one row). */
  readonly maxFindings?: number;
  /** Findings below this severity are left out (and counted). */
  readonly minSeverity?: 'warning' | 'error';
  /** Messages are cut to this many characters. */
  readonly maxMessage?: number;
  /** Which consumers the matrix shows. */
  readonly consumers?: 'all' | 'unsatisfied' | 'none';
  /** Which benchmark rows the table shows. */
  readonly benchmarks?: 'all' | 'failing' | 'none';
  /** Mermaid charts. */
  readonly charts?: boolean;
  /** A line saying what was left out and where to find it (set by the step-down). */
  readonly reducedNote?: string;
}

const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;
const RANK = { error: 3, warning: 2, info: 1 } as const;

/** "waived by @o until 2026-01-31: reason" / "overridden by @u (label): reason" */
export function suppressionLabel(f: Finding): string {
  const s = f.suppressed;
  if (!s) return '';
  return s.kind === 'waiver'
    ? `waived (owner ${s.owner}, until ${s.expires}): ${s.reason}`
    : `overridden by ${s.by} (label "${s.label}"): ${s.reason}`;
}

/** The findings the table may show at these options (before `maxFindings`). */
export function selectFindings(report: Report, options: MarkdownOptions): readonly Finding[] {
  if (!options.minSeverity) return report.findings;
  const min = RANK[options.minSeverity];
  return report.findings.filter((f) => RANK[f.severity] >= min);
}

/** One row of the findings table, without its line break. */
export function findingRow(f: Finding, options: MarkdownOptions): string {
  const icon = f.suppressed ? '🔕' : ICON[f.severity];
  const message = f.suppressed ? `**${suppressionLabel(f)}** — ${f.message}` : f.message;
  return `| ${icon} | \`${f.id}\` | \`${cell(whereLabel(f))}\` | ${cell(truncate(message, options.maxMessage))} |`;
}

/** The findings table, honouring the detail options. */
export function findingsSection(report: Report, options: MarkdownOptions): string[] {
  if (!report.findings.length) return [];
  const shown = selectFindings(report, options);
  const max = options.maxFindings ?? Infinity;
  const out = ['### Findings', '', '| | check | where | message |', '|---|---|---|---|'];
  for (const f of shown.slice(0, max)) out.push(findingRow(f, options));
  const left = report.findings.length - Math.min(shown.length, max);
  if (left > 0)
    out.push(`| | | | ${plural(left, 'more finding')} not shown here: see the JSON report |`);
  out.push('');
  return out;
}

/** The override record: who accepted a breaking change, why, and what it lifted. */
export function overrideSection(report: Report): string[] {
  const o = report.override;
  if (!o) return [];
  const pr = o.pullRequest ? ` on pull request #${o.pullRequest.number}` : '';
  const who =
    o.byRole === 'label-sender' ? `${o.by} (added the label)` : `${o.by} (pull request author)`;
  return [
    '> [!IMPORTANT]',
    `> **Breaking change accepted** by label \`${o.label}\`${pr}: ${who}. Reason: ${o.reason.replace(/\n/g, ' ')}`,
    `> The override lifted ${plural(o.lifted, 'finding')} (consumer-contract, baseline and version-policy checks only).`,
    '',
  ];
}

const STATUS = { pass: '✅', inconclusive: '❔', fail: '❌' } as const;

/** The benchmark table with deltas and confidence intervals, when the report has one. */
export function benchmarkSection(report: Report, options: MarkdownOptions): string[] {
  const all = report.benchmarks ?? [];
  if (!all.length || options.benchmarks === 'none') return [];
  const rows = options.benchmarks === 'failing' ? all.filter((b) => b.status !== 'pass') : all;
  const out = [
    '### Benchmarks',
    '',
    '| | suite | consumer | metric | baseline | candidate | Δ | CI of Δ | p | p (Holm) | MDE |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const b of rows) {
    const ci = b.ci ? `${interval(b.ci)} (${percent(b.ci.level)})` : MISSING;
    out.push(
      `| ${STATUS[b.status]} | ${cell(b.suite)} | ${cell(b.consumer ?? MISSING)} | ${cell(b.metric)} | ${score(b.baseline)} | ${score(b.candidate)} | ${signed(b.delta)} | ${ci} | ${pValue(b.p)} | ${pValue(b.pHolm)} | ${score(b.mde)} |`,
    );
  }
  if (rows.length < all.length)
    out.push(
      `| | | | ${plural(all.length - rows.length, 'passing metric')} not shown | | | | | | | |`,
    );
  out.push('');
  if (options.charts !== false) out.push(...deltaChart(rows));
  return out;
}

/** The required bump and its reasons, when the report has them. */
export function bumpSection(report: Report): string[] {
  const b = report.requiredBump;
  if (!b) return [];
  const span = b.from && b.to ? `${b.from} → ${b.to} ` : 'the candidate ';
  const declared = !b.declared
    ? ''
    : b.declared === 'not-greater'
      ? ` (${span}is not a greater version)`
      : ` (${span}declares **${b.declared}**)`;
  const verdict =
    b.sufficient === undefined ? '' : b.sufficient ? ' ✅ sufficient' : ' ❌ not sufficient';
  return [
    `### Required version bump: **${b.level}**${declared}${verdict}`,
    '',
    ...b.reasons.map((r) => `- ${r}`),
    '',
  ];
}

/** Chart text must not close the mermaid block or break its quoting. */
function label(s: string): string {
  return JSON.stringify(s.replace(/[`"]/g, "'").slice(0, 40));
}

function deltaChart(rows: readonly BenchmarkResult[]): string[] {
  if (rows.length < 2) return [];
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Metric change, candidate − baseline"',
    `  x-axis [${rows.map((b) => label(`${b.suite}/${b.metric}`)).join(', ')}]`,
    '  y-axis "Δ"',
    `  bar [${rows.map((b) => score(b.delta)).join(', ')}]`,
    '```',
    '',
  ];
}

/** Norm spread above which the norm chart says something a sentence does not. */
const FLAT_NORMS = 1e-3;

function normValues(v: VectorSummary | undefined): number[] | undefined {
  const n = v?.norms;
  if (!n || ![n.min, n.p1, n.mean, n.p99, n.max].every(Number.isFinite)) return undefined;
  return [n.min, n.p1, n.mean, n.p99, n.max];
}

/**
 * A chart of the norm distributions (candidate as bars, baseline as a line). Left out when
 * there is nothing to see: both sets unit-norm, or no second set to compare with and the
 * candidate's norms flat.
 */
export function normChart(report: Report, options: MarkdownOptions): string[] {
  if (options.charts === false) return [];
  const cand = normValues(report.candidate.vectors);
  if (!cand) return [];
  const base = normValues(report.baseline?.vectors);
  const spread = (v: number[]) => Math.max(...v) - Math.min(...v);
  if (spread(cand) <= FLAT_NORMS && (!base || spread(base) <= FLAT_NORMS)) return [];
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${base ? 'Vector norms: candidate (bars), baseline (line)' : 'Candidate vector norms'}"`,
    '  x-axis ["min", "p1", "mean", "p99", "max"]',
    '  y-axis "‖v‖"',
    // Chart data must be plain numbers, as score and statistic write them (no separators).
    `  bar [${cand.map(statistic).join(', ')}]`,
    ...(base ? [`  line [${base.map(statistic).join(', ')}]`] : []),
    '```',
    '',
  ];
}
