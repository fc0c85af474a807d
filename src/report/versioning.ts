/**
 * The versioning sections of the text and markdown reports (required bump in text,
 * space compatibility, consumers' pinned versions, lineage), as pure functions of the
 * report so both formatters and the version card say the same thing in the same words.
 */
import type { Report } from '../gate/report-model.js';
import { cell, count, pad, plural, score } from './format.js';

type CompatibilityReport = NonNullable<Report['compatibility']>;
type ConsumerPin = NonNullable<Report['pins']>[number];

/** "deprecated, sunset 2026-01-31 (12 days left)" */
export function pinStatus(p: ConsumerPin): string {
  if (!p.version) return 'no released version matches';
  if (!p.sunset) return p.status ?? '';
  const days = p.daysLeft ?? 0;
  const when = days > 0 ? `${plural(days, 'day')} left` : 'past sunset';
  return `${p.status}, sunset ${p.sunset} (${when})`;
}

/** The measures with their thresholds, as rows `[measure, value, threshold]`. */
export function compatibilityRows(c: CompatibilityReport): [string, string, string][] {
  const t = c.thresholds;
  const rows: [string, string, string][] = [];
  const self = c.selfRetrieval;
  if (self) {
    const ceiling = self.oldOnOld.recall1;
    const need = `≥ ${t.selfRecallRatio} × ${score(ceiling)} (old on old) to mix`;
    const r = (x: typeof self.newToOld) =>
      `${score(x.recall1)} (recall@10 ${score(x.recall10)}, MRR ${score(x.mrr)})`;
    rows.push(['self-retrieval new → old, recall@1', r(self.newToOld), need]);
    rows.push(['self-retrieval old → new, recall@1', r(self.oldToNew), need]);
    rows.push([
      'ids nearer their old vector than its nearest neighbour',
      score(self.nearerThanNeighbour),
      `≥ ${t.nearerThanNeighbour} to mix`,
    ]);
    rows.push([
      `mixed-index kNN overlap@${c.k}`,
      score(self.mixedOverlap),
      'what a mixed index keeps',
    ]);
  }
  if (c.sameIdCosine) {
    rows.push(['same-id cosine mean', score(c.sameIdCosine.mean), `≥ ${t.sameIdMean} to mix`]);
    rows.push(['same-id cosine p5', score(c.sameIdCosine.p5), `≥ ${t.sameIdP5} to mix`]);
  } else {
    rows.push(['same-id cosine', 'n/a', `dims ${c.dims.baseline} → ${c.dims.candidate}`]);
  }
  rows.push([`kNN overlap@${c.k}`, score(c.knnOverlap), `≥ ${t.knnOverlap}: neighbourhoods kept`]);
  rows.push([
    'linear CKA',
    `${score(c.cka)} (debiased ${score(c.ckaDebiased)})`,
    `≥ ${t.cka}: neighbourhoods kept`,
  ]);
  for (const x of c.crossVersion ?? []) {
    rows.push([
      `${x.suite} ${x.measure}, new on old / new on new`,
      score(x.newOnOld / x.newOnNew),
      `≥ ${t.crossVersionRatio} to mix`,
    ]);
  }
  return rows;
}

function sampleLine(c: CompatibilityReport): string {
  return `${count(c.rows)} of ${count(c.shared)} shared ${c.matchedBy === 'id' ? 'ids' : 'rows (matched by row number: a file has no ids)'}, seed ${c.seed}`;
}

/** Markdown: compatibility, pins and lineage sections (each only when the report has it). */
export function versioningMarkdown(report: Report): string[] {
  const out: string[] = [];
  const c = report.compatibility;
  if (c) {
    const icon = c.verdict === 'mixable' ? '🔀' : '♻️';
    out.push('### Space compatibility', '', `${icon} **${cell(c.summary)}**`, '');
    out.push('| measure | value | threshold |', '|---|---|---|');
    for (const [m, v, t] of compatibilityRows(c)) out.push(`| ${cell(m)} | ${v} | ${cell(t)} |`);
    out.push('', `Sample: ${sampleLine(c)}.`, '');
  }
  if (report.pins?.length) {
    out.push(
      '### Consumers\u2019 pinned versions',
      '',
      '| consumer | embedding | accepts | pinned | status |',
      '|---|---|---|---|---|',
    );
    for (const p of report.pins) {
      out.push(
        `| ${cell(p.consumer)} | ${cell(p.embedding)} | \`${cell(p.accepts)}\` | ${p.version ?? '—'} | ${cell(pinStatus(p))} |`,
      );
    }
    out.push('');
  }
  if (report.lineage?.length) {
    out.push('### Lineage', '', '| | pointer | kind | compared |', '|---|---|---|---|');
    for (const l of report.lineage) {
      const compared =
        l.compared.map((x) => `${x.field} ${x.ok ? '=' : '≠'} ${x.pointer}`).join(', ') ||
        'nothing comparable';
      out.push(
        `| ${l.verified ? '✅' : '❌'} ${l.subject} | \`${cell(l.pointer)}\` | ${l.kind} | ${cell(compared)} |`,
      );
    }
    out.push('');
  }
  return out;
}

/** Text: required bump, compatibility, pins and lineage (each only when the report has it). */
export function versioningText(report: Report): string[] {
  const out: string[] = [];
  const b = report.requiredBump;
  if (b) {
    const declared = b.declared
      ? `; ${b.from ?? 'baseline'} -> ${b.to ?? 'candidate'} declares ${b.declared}`
      : '';
    const verdict =
      b.sufficient === undefined ? '' : b.sufficient ? ' (sufficient)' : ' (NOT sufficient)';
    out.push(`Required bump: ${b.level}${declared}${verdict}`);
    for (const r of b.reasons) out.push(`  ${r}`);
    out.push('');
  }
  const c = report.compatibility;
  if (c) {
    out.push(`Space compatibility: ${c.summary}`);
    const rows = compatibilityRows(c);
    const wm = Math.max(...rows.map(([m]) => m.length));
    const wv = Math.max(...rows.map(([, v]) => v.length));
    for (const [m, v, t] of rows) out.push(`  ${pad(m, wm)}  ${pad(v, wv)}  ${t}`);
    out.push(`  sample: ${sampleLine(c)}`, '');
  }
  if (report.pins?.length) {
    out.push('Pinned versions');
    const w = Math.max(...report.pins.map((p) => p.consumer.length));
    for (const p of report.pins)
      out.push(
        `  ${pad(p.consumer, w)}  ${pad(p.accepts, 14)} ${pad(p.version ?? '-', 10)} ${pinStatus(p)}`,
      );
    out.push('');
  }
  if (report.lineage?.length) {
    out.push('Lineage');
    for (const l of report.lineage) {
      const compared =
        l.compared.map((x) => `${x.field} ${x.ok ? '=' : '!='} ${x.pointer}`).join(', ') ||
        'nothing comparable';
      out.push(
        `  ${l.verified ? 'ok  ' : 'FAIL'} ${pad(l.subject, 6)} ${l.pointer} (${l.kind}): ${compared}`,
      );
    }
    out.push('');
  }
  return out;
}
