/** The terminal report: aligned plain text, no colour codes, stable for golden tests. */
import {
  countsLabel,
  normsLabel,
  runtimeLabel,
  shapeLabel,
  verdictSentence,
  versionLabel,
  whereLabel,
} from './describe.js';
import { versioningText } from './versioning.js';
import type { Report } from '../gate/report-model.js';
import { suitesText } from './suites.js';
import { stagingText } from './staging.js';
import { count, pad } from './format.js';
import { suppressionLabel } from './markdown-sections.js';

export function formatText(report: Report): string {
  const out: string[] = [];
  const baseline = report.baseline ? ` against baseline ${versionLabel(report.baseline)}` : '';
  out.push(
    `embedding-gate ${report.tool.version}: candidate ${versionLabel(report.candidate)}${baseline}`,
  );
  out.push('');

  const vectors = [
    ['candidate', report.candidate.vectors],
    ['baseline', report.baseline?.vectors],
  ] as const;
  if (vectors.some(([, v]) => v)) {
    out.push('Vectors');
    for (const [label, v] of vectors) {
      if (!v) continue;
      out.push(`  ${pad(label, 10)} ${v.file}: ${shapeLabel(v)}`);
      const norms = normsLabel(v);
      if (norms) out.push(`  ${pad('', 10)} ${norms}`);
    }
    out.push('');
  }

  const applicable = report.consumers.filter((c) => c.applies);
  if (applicable.length) {
    out.push('Consumers');
    const width = Math.max(...applicable.map((c) => c.consumer.length));
    const ownerWidth = Math.max(...applicable.map((c) => c.owner.length));
    for (const c of applicable) {
      const mark = c.satisfied ? 'ok  ' : c.status === 'pending' ? 'warn' : 'FAIL';
      const failed = c.requirements.filter((r) => !r.ok);
      const detail = failed.length
        ? failed.map((r) => `${r.requirement}: needs ${r.expected}, has ${r.found}`).join('; ')
        : c.requirements.map((r) => r.requirement).join(', ') + ' satisfied';
      out.push(
        `  ${mark} ${pad(c.consumer, width)}  ${pad(c.status, 7)}  ${pad(c.owner, ownerWidth)}  ${detail}`,
      );
    }
    out.push('');
  }

  if (report.changes?.length) {
    out.push(`Changes from ${report.baseline?.version ?? 'baseline'}`);
    for (const ch of report.changes) out.push(`  ${pad(ch.field, 15)} ${ch.from} -> ${ch.to}`);
    out.push('');
  }
  if (report.coverage) {
    const c = report.coverage;
    out.push(
      `Id coverage: ${count(c.candidateIds)} candidate ids, ${count(c.baselineIds)} baseline ids, ${count(c.missing)} missing, ${count(c.added)} new`,
    );
    out.push('');
  }

  out.push(...suitesText(report));
  out.push(...stagingText(report));
  out.push(...versioningText(report));
  if (report.onnxRuntime) out.push(`ONNX runtime: ${runtimeLabel(report.onnxRuntime)}`, '');
  if (report.findings.length) {
    out.push(`Findings (${countsLabel(report)})`);
    for (const f of report.findings) {
      out.push(`  ${pad(f.severity, 7)}  ${pad(f.id, 22)}  ${whereLabel(f)}`);
      out.push(`           ${f.message}`);
      // A waived or overridden finding keeps its severity but does not block: say so on the spot.
      if (f.suppressed) out.push(`           does not block: ${suppressionLabel(f)}`);
    }
    out.push('');
  }
  out.push(`Verdict: ${verdictSentence(report)}`);
  return out.join('\n') + '\n';
}
