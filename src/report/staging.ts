/**
 * The staging section of the text and markdown reports: consumers' models (metric,
 * baseline, delta with its CI) and the reproducibility probes, one row per modality.
 */
import type { Report } from '../gate/report-model.js';
import { cell, count, signed, interval, MISSING, percent, sci, score } from './format.js';

type StagingReport = NonNullable<Report['staging']>;
type StagingConsumerResult = StagingReport['consumers'][number];
type ProbeResult = StagingReport['probes'][number];

const TEXT_MARK = { pass: 'ok  ', fail: 'FAIL', inconclusive: 'warn', error: 'ERR ' } as const;
const ICON = { pass: '✅', fail: '❌', inconclusive: '⚠️', error: '❌' } as const;

function mark(status: 'active' | 'pending', outcome: StagingConsumerResult['outcome']) {
  return status === 'pending' && outcome !== 'pass' ? 'warn' : TEXT_MARK[outcome];
}

function floor(c: StagingConsumerResult): string {
  const parts: string[] = [];
  if (c.min !== undefined) parts.push(`≥ ${c.min}`);
  if (c.max !== undefined) parts.push(`≤ ${c.max}`);
  if (c.maxDrop !== undefined) parts.push(`${c.metric === 'mse' ? 'rise' : 'drop'} ≤ ${c.maxDrop}`);
  return parts.join(', ');
}

function consumerSummary(c: StagingConsumerResult): string {
  if (c.candidate === undefined) return `${c.metric}: not measured (see findings)`;
  let s = `${c.metric} ${score(c.candidate)}`;
  if (c.baseline !== undefined && c.delta !== undefined) {
    s += ` (baseline ${score(c.baseline)}, ${signed(c.delta)}`;
    if (c.ci) s += `, ${percent(c.ci.level)} CI ${interval(c.ci)}`;
    s += `, n = ${count(c.paired ?? c.examples)})`;
  } else {
    s += ` (n = ${count(c.examples)}, no baseline)`;
  }
  const rule = floor(c);
  return rule ? `${s}; requires ${rule}` : s;
}

function probeSummary(p: ProbeResult): string {
  if (p.compared === undefined) return 'not measured (see findings)';
  const over = p.exceeding
    ? `${count(p.exceeding)} over the tolerance, worst ${JSON.stringify(p.worst?.[0]?.id)}`
    : 'all within';
  const missing = p.missing ? `, ${count(p.missing)} missing` : '';
  return `${count(p.compared)} of ${count(p.rows)} ids compared${missing}; max 1 − cos ${sci(p.maxDeviation)} (tolerance ${sci(p.tolerance)}): ${over}`;
}

/** Lines of the text report (empty when staging did not run). */
export function stagingText(report: Report): string[] {
  const staging = report.staging;
  if (!staging) return [];
  const out: string[] = ['Staging validation'];
  if (staging.consumers.length) {
    const width = Math.max(...staging.consumers.map((c) => c.consumer.length));
    for (const c of staging.consumers)
      out.push(
        `  ${mark(c.status, c.outcome)} ${c.consumer.padEnd(width)}  ${c.model}  ${consumerSummary(c)}`,
      );
  }
  if (staging.probes.length) {
    out.push('  Reproducibility probes');
    const width = Math.max(...staging.probes.map((p) => p.modality.length));
    for (const p of staging.probes)
      out.push(
        `  ${TEXT_MARK[p.outcome]} ${p.modality.padEnd(width)}  ${p.model} on ${p.set}  ${probeSummary(p)}`,
      );
  }
  out.push('');
  return out;
}

/** Lines of the markdown report (empty when staging did not run). */
export function stagingMarkdown(report: Report): string[] {
  const staging = report.staging;
  if (!staging) return [];
  const out: string[] = ['### Staging validation', ''];
  if (staging.consumers.length) {
    out.push(
      '| | consumer | model | metric | baseline | candidate | Δ (CI) | n | requires |',
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const c of staging.consumers) {
      const icon = c.status === 'pending' && c.outcome !== 'pass' ? '⏳' : ICON[c.outcome];
      const change =
        c.delta === undefined ? MISSING : `${signed(c.delta)}${c.ci ? ` ${interval(c.ci)}` : ''}`;
      out.push(
        `| ${icon} | ${cell(c.consumer)} | \`${cell(c.model)}\` | ${c.metric} | ${score(c.baseline)} | ${score(c.candidate)} | ${change} | ${count(c.paired ?? c.examples)} | ${cell(floor(c))} |`,
      );
    }
    out.push('');
  }
  if (staging.probes.length) {
    out.push(
      '| | modality | model | probe set | compared | max 1 − cos | tolerance | worst ids |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const p of staging.probes) {
      const worst = (p.worst ?? [])
        .filter((w) => w.deviation > p.tolerance)
        .slice(0, 3)
        .map((w) => `\`${cell(w.id)}\` ${sci(w.deviation)}`)
        .join(', ');
      const compared =
        p.compared === undefined ? MISSING : `${count(p.compared)} / ${count(p.rows)}`;
      out.push(
        `| ${ICON[p.outcome]} | ${cell(p.modality)} | \`${cell(p.model)}\` | \`${cell(p.set)}\` | ${compared} | ${sci(p.maxDeviation)} | ${sci(p.tolerance)} | ${worst || MISSING} |`,
      );
    }
    out.push('');
  }
  return out;
}
