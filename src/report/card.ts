/**
 * The version card (a markdown page per released version) and its CHANGELOG entry, both
 * rendered from a JSON gate report: measured facts only, nothing re-measured or invented.
 */
import { countsLabel, versionLabel } from './describe.js';
import type { Report } from '../gate/report-model.js';
import { cell, count, signed, MISSING, score } from './format.js';
import { compatibilityRows, pinStatus } from './versioning.js';

/** A preprocessing or generation parameter as written in the manifest (JSON for non-strings). */
function scalar(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The markdown version card. */
export function renderVersionCard(report: Report): string {
  const c = report.candidate;
  const out: string[] = [];
  out.push(`# ${c.name ?? c.manifest} ${c.version ?? ''}`.trimEnd(), '');
  const verdict = report.verdict === 'pass' ? 'PASS' : 'BLOCKED';
  out.push(
    `> ${c.tag ? `\`${c.tag}\` · ` : ''}gate verdict **${verdict}** (fail-on ${report.failOn}; ${countsLabel(report)}) · embedding-gate ${report.tool.version}`,
    '',
  );

  out.push('## Metadata', '', '| | |', '|---|---|');
  const row = (k: string, v: string | undefined) =>
    v !== undefined && out.push(`| ${k} | ${cell(v)} |`);
  row('model', c.model);
  row(
    'space',
    c.dims !== undefined
      ? `${c.dims} × ${c.dtype}, normalization ${c.normalization}, metric ${c.metric}`
      : undefined,
  );
  row('dataset', c.dataset);
  row('created', c.created);
  if (c.vectors)
    row(
      'vectors',
      `\`${c.vectors.file}\` (${c.vectors.format}, ${count(c.vectors.rows)} rows, ${count(c.vectors.bytes)} bytes)`,
    );
  row('manifest', `\`${c.manifest}\`${c.manifestSha256 ? ` sha256 \`${c.manifestSha256}\`` : ''}`);
  if (report.baseline) row('compared with', versionLabel(report.baseline));
  out.push('');

  const maps: [string, Readonly<Record<string, unknown>> | undefined][] = [
    ['Preprocessing', c.preprocessing],
    ['Generation parameters', c.parameters],
  ];
  for (const [title, map] of maps) {
    if (!map || Object.keys(map).length === 0) continue;
    out.push(`## ${title}`, '');
    for (const [k, v] of Object.entries(map)) out.push(`- \`${k}\`: ${cell(scalar(v))}`);
    out.push('');
  }

  const b = report.requiredBump;
  if (b) {
    out.push('## Version bump', '');
    const declared = b.declared
      ? ` ${b.from ?? ''} → ${b.to ?? ''} declares **${b.declared}**${b.sufficient === false ? ' — not enough' : b.sufficient ? ' (sufficient)' : ''}.`
      : '';
    out.push(`Required: **${b.level}**.${declared}`, '');
    for (const r of b.details ?? [])
      out.push(
        `- **${r.level}** — \`${r.field}\` ${cell(r.from ?? '')} → ${cell(r.to ?? '')}: ${cell(r.why)}`,
      );
    if (!b.details) for (const r of b.reasons) out.push(`- ${cell(r)}`);
    if (b.reasons.length === 0) out.push('- nothing that matters to consumers changed');
    out.push('');
  }

  const compat = report.compatibility;
  if (compat) {
    out.push(
      `## Compatibility with ${report.baseline?.version ?? 'the baseline'}`,
      '',
      `**${cell(compat.summary)}**`,
      '',
    );
    out.push('| measure | value | threshold |', '|---|---|---|');
    for (const [m, v, t] of compatibilityRows(compat))
      out.push(`| ${cell(m)} | ${v} | ${cell(t)} |`);
    out.push(
      '',
      `Measured on ${count(compat.rows)} of ${count(compat.shared)} shared ids (seed ${compat.seed}).`,
      '',
    );
  }

  if (report.benchmarks?.length) {
    out.push(
      '## Benchmarks',
      '',
      '| suite | metric | baseline | candidate | Δ | status |',
      '|---|---|---|---|---|---|',
    );
    for (const x of report.benchmarks) {
      out.push(
        `| ${cell(x.suite)} | ${cell(x.metric)} | ${score(x.baseline)} | ${score(x.candidate)} | ${signed(x.delta)} | ${x.status} |`,
      );
    }
    out.push('');
  }

  const applicable = report.consumers.filter((x) => x.applies);
  if (applicable.length || report.pins?.length) {
    out.push(
      '## Consumers',
      '',
      '| consumer | owner | contract | this version | pinned (registry) |',
      '|---|---|---|---|---|',
    );
    const names = [
      ...new Set([
        ...applicable.map((x) => x.consumer),
        ...(report.pins ?? []).map((p) => p.consumer),
      ]),
    ].sort();
    for (const name of names) {
      const r = applicable.find((x) => x.consumer === name);
      const p = report.pins?.find((x) => x.consumer === name);
      const state = r
        ? r.satisfied
          ? '✅ satisfied'
          : `${r.status === 'pending' ? '⏳' : '❌'} ${r.requirements
              .filter((q) => !q.ok)
              .map((q) => `${q.requirement}: needs ${q.expected}`)
              .join('; ')}`
        : MISSING;
      const pin = p ? `${p.version ?? MISSING} (${pinStatus(p)})` : MISSING;
      out.push(
        `| ${cell(name)} | ${cell(r?.owner ?? '')} | ${r?.status ?? ''} | ${cell(state)} | ${cell(pin)} |`,
      );
    }
    out.push('');
  }

  if (report.lineage?.length) {
    out.push('## Lineage', '');
    for (const l of report.lineage) {
      const compared =
        l.compared
          .map((x) => `${x.field} ${x.ok ? 'matches' : 'DIFFERS from'} \`${x.pointer}\``)
          .join(', ') || 'nothing comparable';
      out.push(
        `- ${l.subject}: ${l.kind} pointer \`${l.pointer}\`${l.tracks ? ` (tracks \`${l.tracks}\`)` : ''}: ${compared}`,
      );
    }
    out.push('');
  }

  const notable = report.findings.filter((f) => f.severity !== 'info' || f.id === 'compat.space');
  if (notable.length) {
    out.push('## Gate findings', '');
    for (const f of notable)
      out.push(`- ${f.suppressed ? '🔕 ' : ''}${f.severity} \`${f.id}\`: ${cell(f.message)}`);
    out.push('');
  }
  return out.join('\n');
}

/** The heading a CHANGELOG entry starts with: `## products-text 1.1.0 — 2024-09-20`. */
export function changelogHeading(report: Report): string {
  const c = report.candidate;
  const date = c.created ? c.created.slice(0, 10) : '';
  return `## ${c.name ?? c.manifest} ${c.version ?? ''}${date ? ` — ${date}` : ''}`;
}

/**
 * One CHANGELOG entry: the bump and why, the compatibility answer, consumers, benchmarks. A
 * blocked report's entry says so first, with its counts, so it never reads as a release.
 */
export function renderChangelogEntry(report: Report): string {
  const out = [changelogHeading(report), ''];
  if (report.verdict !== 'pass')
    out.push(
      `- **BLOCKED** by the gate (fail-on ${report.failOn}; ${countsLabel(report)}): not promotable as gated`,
    );
  const b = report.requiredBump;
  if (b) {
    const what =
      (b.details ?? []).map((r) => `${r.field} ${r.from} → ${r.to}`).join('; ') ||
      b.reasons.join('; ') ||
      'no change that matters to consumers';
    out.push(
      `- **${b.level}** change from ${b.from ?? report.baseline?.version ?? 'the baseline'}: ${what}`,
    );
  }
  if (report.compatibility) out.push(`- Compatibility: ${report.compatibility.summary}`);
  const applicable = report.consumers.filter((x) => x.applies);
  if (applicable.length) {
    const states = applicable.map(
      (x) =>
        `${x.consumer} ${x.satisfied ? 'satisfied' : x.status === 'pending' ? 'not yet (pending)' : 'NOT satisfied'}`,
    );
    out.push(`- Consumers: ${states.join(', ')}`);
  }
  for (const x of report.benchmarks ?? [])
    out.push(
      `- ${x.suite} ${x.metric}: ${score(x.candidate)} (${signed(x.delta)} vs ${score(x.baseline)}, ${x.status})`,
    );
  return out.join('\n') + '\n';
}

/**
 * The CHANGELOG text with `entry` added: after a leading `# Title` block when there is one,
 * replacing an existing entry for the same name and version (so re-running is a no-op).
 */
export function prependChangelog(existing: string, entry: string, heading: string): string {
  const key = heading.replace(/ — .*$/, '');
  const lines = existing.split('\n');
  const start = lines.findIndex((l) => l === key || l.startsWith(`${key} — `));
  if (start >= 0) {
    let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
    if (end < 0) end = lines.length;
    const before = lines.slice(0, start).join('\n');
    const after = lines.slice(end).join('\n');
    return `${before}${before ? '\n' : ''}${entry}${after ? '\n' + after : ''}`.replace(
      /\n{3,}/g,
      '\n\n',
    );
  }
  if (!existing.trim()) return `# Changelog\n\n${entry}`;
  if (lines[0]!.startsWith('# ')) {
    let i = 1;
    while (i < lines.length && !lines[i]!.startsWith('## ')) i++;
    const head = lines.slice(0, i).join('\n').replace(/\n+$/, '');
    const rest = lines.slice(i).join('\n');
    return `${head}\n\n${entry}${rest ? '\n' + rest : ''}`;
  }
  return `${entry}\n${existing}`;
}
