/**
 * The markdown report: the job summary and the pull-request comment are this text.
 */
import { normsLabel, runtimeLabel, shapeLabel, verdictSentence, versionLabel } from './describe.js';
import {
  benchmarkSection,
  bumpSection,
  findingsSection,
  normChart,
  overrideSection,
  type MarkdownOptions,
} from './markdown-sections.js';
import { versioningMarkdown } from './versioning.js';
import type { Report } from '../gate/report-model.js';
import { cell, count } from './format.js';
import { suitesMarkdown } from './suites.js';
import { stagingMarkdown } from './staging.js';

/** The markdown report; `options` step detail down (see markdown-sections.ts), the default shows all. */
export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  const banner = report.verdict === 'pass' ? '✅' : '❌';
  out.push(`## ${banner} embedding-gate: ${versionLabel(report.candidate)}`);
  out.push('');
  out.push(`**${verdictSentence(report)}**`);
  if (report.baseline) out.push('', `Baseline: ${versionLabel(report.baseline)}`);
  out.push('');
  if (options.reducedNote) out.push(`> [!NOTE]`, `> ${options.reducedNote}`, '');
  out.push(...overrideSection(report));

  const rows = [
    ['candidate', report.candidate.vectors],
    ['baseline', report.baseline?.vectors],
  ] as const;
  if (rows.some(([, v]) => v)) {
    out.push('### Vectors', '', '| | file | shape | norms |', '|---|---|---|---|');
    for (const [label, v] of rows) {
      if (v)
        out.push(
          `| ${label} | \`${cell(v.file)}\` | ${cell(shapeLabel(v))} | ${cell(normsLabel(v))} |`,
        );
    }
    out.push('');
  }
  out.push(...normChart(report, options));

  const applicable = report.consumers.filter(
    (c) =>
      c.applies &&
      options.consumers !== 'none' &&
      (options.consumers !== 'unsatisfied' || !c.satisfied),
  );
  if (applicable.length) {
    const kinds = [...new Set(applicable.flatMap((c) => c.requirements.map((r) => r.requirement)))];
    const waived = suppressedRequirements(report);
    out.push('### Consumers', '');
    out.push(`| consumer | owner | status | ${kinds.join(' | ')} |`);
    out.push(`|---|---|---|${kinds.map(() => '---').join('|')}|`);
    for (const c of applicable) {
      const marks = kinds.map((k) => {
        const r = c.requirements.find((x) => x.requirement === k);
        if (!r) return '—';
        if (r.ok) return '✅';
        const suppressed = waived.get(`${c.consumer}\0contract.${r.requirement}`);
        if (suppressed) return `🔕 ${suppressed}: needs ${cell(r.expected)}, has ${cell(r.found)}`;
        return `${c.status === 'pending' ? '⏳' : '❌'} needs ${cell(r.expected)}, has ${cell(r.found)}`;
      });
      out.push(`| ${cell(c.consumer)} | ${cell(c.owner)} | ${c.status} | ${marks.join(' | ')} |`);
    }
    out.push('');
  }

  if (report.changes?.length) {
    out.push(
      `### Changes from ${report.baseline?.version ?? 'baseline'}`,
      '',
      '| field | from | to |',
      '|---|---|---|',
    );
    for (const ch of report.changes)
      out.push(`| ${ch.field} | ${cell(ch.from)} | ${cell(ch.to)} |`);
    out.push('');
  }
  if (report.coverage) {
    const c = report.coverage;
    out.push(
      `Id coverage: ${count(c.candidateIds)} candidate ids, ${count(c.baselineIds)} baseline ids, **${count(c.missing)} missing**, ${count(c.added)} new.`,
      '',
    );
  }

  out.push(
    ...benchmarkSection(report, options),
    ...(options.benchmarks === 'none' ? [] : suitesMarkdown(report)),
    ...(options.benchmarks === 'none' ? [] : stagingMarkdown(report)),
    ...bumpSection(report),
    ...versioningMarkdown(report),
    ...(report.onnxRuntime ? [`ONNX runtime: ${cell(runtimeLabel(report.onnxRuntime))}.`, ''] : []),
  );
  out.push(...findingsSection(report, options));
  return out.join('\n');
}

/** `consumer\0check id` of every waived or overridden consumer finding, to mark the matrix. */
function suppressedRequirements(report: Report): Map<string, 'waived' | 'overridden'> {
  const out = new Map<string, 'waived' | 'overridden'>();
  for (const f of report.findings) {
    if (f.consumer && f.suppressed)
      out.set(`${f.consumer}\0${f.id}`, f.suppressed.kind === 'waiver' ? 'waived' : 'overridden');
  }
  return out;
}
