/**
 * `--format html`: one self-contained page — styles, charts (server-rendered SVG) and the
 * small filter script inline, and a Content-Security-Policy that forbids every fetch, so the
 * file opens offline from a workflow artifact and cannot call out. Pure: report in, text out.
 */
import { isBlocking, type Report, type VersionInfo } from '../gate/report-model.js';
import type { Finding } from '../config/findings.js';
import { byteSize, count, MISSING, plural } from './format.js';
import { runtimeLabel } from './describe.js';
import { esc } from './html-svg.js';
import { benchmarksSection } from './html-benchmarks.js';
import { compatibilitySection, normsSection, stagingSection, table } from './html-sections.js';

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#111;background:#fff}
header,main{max-width:1200px;margin:0 auto;padding:0 20px}
nav a{margin-right:12px}
section{border-top:1px solid #ccc;padding:8px 0 16px}
table{border-collapse:collapse;margin:8px 0;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:2px 0}
th,td{border:1px solid #ccc;padding:2px 8px;text-align:left;vertical-align:top}
.figure{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.chart{font:11px system-ui,sans-serif;background:#fff;max-width:100%;height:auto}
.chart .mk,.chart .legend{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.verdict{font-size:22px;font-weight:700;padding:6px 12px;display:inline-block;border:3px solid}
.v-pass{color:#005a3c;border-color:#009E73}.v-fail{color:#8a2c00;border-color:#D55E00}
.st{font-weight:600}.st-pass,.ok{color:#005a3c}.st-fail,.st-error,.bad{color:#8a2c00}.st-inconclusive{color:#7a5200}
.sev-error{color:#8a2c00;font-weight:600}.sev-warning{color:#7a5200;font-weight:600}
.filters{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}
select{font:inherit;padding:2px 4px}
:focus-visible{outline:3px solid #0072B2;outline-offset:2px}
tr[hidden]{display:none}
`;

/**
 * Filters the findings table by severity, consumer and check. Plain DOM on native <select>
 * elements, so the keyboard works as in any form; the live region announces the count.
 */
const SCRIPT = `
(function(){
  var sel=document.querySelectorAll('#findings select');
  var rows=document.querySelectorAll('#findings tbody tr');
  var out=document.getElementById('findings-shown');
  function apply(){
    var want={};sel.forEach(function(s){want[s.name]=s.value});
    var n=0;
    rows.forEach(function(r){
      var ok=Object.keys(want).every(function(k){return !want[k]||r.dataset[k]===want[k]});
      r.hidden=!ok;if(ok)n++;
    });
    out.textContent=n+' of '+rows.length+' findings shown';
  }
  sel.forEach(function(s){s.addEventListener('change',apply)});
  if(out)apply();
})();
`;

/** Renders the report as one self-contained HTML page. */
export function formatHtml(report: Report): string {
  const title = `embedding-gate: ${report.candidate.name ?? report.candidate.manifest} ${report.candidate.version ?? ''} — ${report.verdict}`;
  const sections = [
    verdictSection(report),
    consumersSection(report),
    benchmarksSection(report),
    normsSection(report),
    compatibilitySection(report),
    stagingSection(report),
    bumpSection(report),
    findingsSection(report),
    cardSection(report),
  ].filter(Boolean);
  const nav = [
    ...sections
      .join('')
      .matchAll(/<section id="([^"]+)" aria-labelledby="[^"]+"><h2 id="[^"]+">([^<]+)<\/h2>/g),
  ]
    .map((m) => `<a href="#${m[1]}">${m[2]}</a>`)
    .join('');
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${esc(title)}</title><style>${STYLE}</style></head>` +
    `<body><header><h1>${esc(title)}</h1><nav aria-label="Sections">${nav}</nav></header>` +
    `<main>${sections.join('\n')}</main><script>${SCRIPT}</script></body></html>\n`
  );
}

function verdictSection(report: Report): string {
  const blocking = report.findings.filter((f) => isBlocking(f, report.failOn));
  const c = report.counts;
  const why = blocking.length
    ? `<p>Blocked by ${plural(blocking.length, 'finding')} at or above <code>${report.failOn}</code>:</p><ul>${blocking
        .map((f) => `<li><code>${esc(f.id)}</code> ${esc(f.message)}</li>`)
        .join('')}</ul>`
    : `<p>No finding at or above <code>${report.failOn}</code> blocks promotion.</p>`;
  const versions = report.baseline
    ? `${versionLabel(report.baseline)} → ${versionLabel(report.candidate)}`
    : versionLabel(report.candidate);
  return (
    `<section id="verdict" aria-labelledby="verdict-h"><h2 id="verdict-h">Verdict</h2>` +
    `<p><span class="verdict v-${report.verdict}">${report.verdict === 'pass' ? 'PASS' : 'BLOCKED'}</span> ${esc(versions)}</p>` +
    `<p>${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${count(c.info)} info.</p>${why}</section>`
  );
}

function versionLabel(v: VersionInfo): string {
  return [v.name, v.version, v.model && `(${v.model})`].filter(Boolean).join(' ') || v.manifest;
}

function consumersSection(report: Report): string {
  if (!report.consumers.length) return '';
  const reqs = [
    ...new Set(report.consumers.flatMap((c) => c.requirements.map((r) => r.requirement))),
  ];
  const rows = report.consumers.map((c) => [
    `${esc(c.consumer)}${c.status === 'pending' ? ' (pending)' : ''}`,
    esc(c.owner),
    !c.applies
      ? 'does not read it'
      : c.satisfied
        ? '<span class="ok">✓ satisfied</span>'
        : '<span class="bad">✗ not satisfied</span>',
    ...reqs.map((name) => {
      const r = c.requirements.find((x) => x.requirement === name);
      if (!r) return MISSING;
      return `<span class="${r.ok ? 'ok' : 'bad'}">${r.ok ? '✓' : '✗'}</span> ${esc(r.found)}${r.ok ? '' : ` (expected ${esc(r.expected)})`}`;
    }),
  ]);
  return `<section id="consumers" aria-labelledby="consumers-h"><h2 id="consumers-h">Consumers</h2>${table(
    'Consumers × requirements',
    ['consumer', 'owner', 'overall', ...reqs],
    rows,
  )}</section>`;
}

function bumpSection(report: Report): string {
  const b = report.requiredBump;
  if (!b) return '';
  const head =
    `<p>Required: <strong>${b.level}</strong>` +
    (b.declared ? `; declared: <strong>${b.declared}</strong>` : '') +
    (b.from && b.to ? ` (${esc(b.from)} → ${esc(b.to)})` : '') +
    (b.sufficient === false ? ' — <span class="bad">not enough</span>' : '') +
    '.</p>';
  return `<section id="bump" aria-labelledby="bump-h"><h2 id="bump-h">Version bump</h2>${head}<ul>${b.reasons
    .map((r) => `<li>${esc(r)}</li>`)
    .join('')}</ul></section>`;
}

/** The check a finding belongs to: the id's first segment (`bench`, `contract`, …). */
const checkOf = (f: Finding) => f.id.split('.')[0]!;

function findingsSection(report: Report): string {
  const fs = report.findings;
  const options = (name: string, label: string, values: readonly string[]) =>
    `<label>${label} <select name="${name}"><option value="">all</option>${[...new Set(values)]
      .sort()
      .map((v) => `<option value="${esc(v)}">${esc(v)}</option>`)
      .join('')}</select></label>`;
  const rows = fs
    .map((f) => {
      const where = f.location
        ? `${f.location.file}${f.location.line ? `:${f.location.line}` : ''}`
        : MISSING;
      const state = f.suppressed ? ` (${f.suppressed.kind})` : f.pending ? ' (pending)' : '';
      return (
        `<tr data-severity="${f.severity}" data-consumer="${esc(f.consumer ?? '')}" data-check="${esc(checkOf(f))}">` +
        `<td class="sev-${f.severity}">${f.severity}${state}</td><td><code>${esc(f.id)}</code></td>` +
        `<td>${esc(f.consumer ?? MISSING)}</td><td>${esc(f.message)}</td><td>${esc(where)}</td></tr>`
      );
    })
    .join('');
  return (
    `<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings</h2>` +
    `<div class="filters" role="group" aria-label="Filter findings">` +
    options(
      'severity',
      'Severity',
      ['error', 'warning', 'info'].filter((s) => fs.some((f) => f.severity === s)),
    ) +
    options(
      'consumer',
      'Consumer',
      fs.flatMap((f) => (f.consumer ? [f.consumer] : [])),
    ) +
    options('check', 'Check', fs.map(checkOf)) +
    `</div><p id="findings-shown" role="status" aria-live="polite">${count(fs.length)} findings</p>` +
    `<table><caption>Findings</caption><thead><tr><th scope="col">severity</th><th scope="col">id</th><th scope="col">consumer</th><th scope="col">message</th><th scope="col">where</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function cardSection(report: Report): string {
  const vs = [report.candidate, ...(report.baseline ? [report.baseline] : [])];
  const fields: [string, (v: VersionInfo) => string | undefined][] = [
    ['name', (v) => v.name],
    ['version', (v) => v.version],
    ['tag', (v) => v.tag],
    ['model', (v) => v.model],
    ['dims', (v) => (v.dims === undefined ? undefined : String(v.dims))],
    ['dtype', (v) => v.dtype],
    ['normalization', (v) => v.normalization],
    ['metric', (v) => v.metric],
    ['created', (v) => v.created],
    ['dataset', (v) => v.dataset],
    ['preprocessing', (v) => v.preprocessing && JSON.stringify(v.preprocessing)],
    ['parameters', (v) => v.parameters && JSON.stringify(v.parameters)],
    ['manifest', (v) => v.manifest],
    ['manifest sha256', (v) => v.manifestSha256],
    ['vectors', (v) => v.vectors && `${v.vectors.file} (${v.vectors.format})`],
    ['rows', (v) => v.vectors && count(v.vectors.rows)],
    ['size', (v) => v.vectors && byteSize(v.vectors.bytes)],
  ];
  const rows = fields
    .filter(([, get]) => vs.some((v) => get(v) !== undefined))
    .map(([name, get]) => [esc(name), ...vs.map((v) => esc(get(v) ?? MISSING))]);
  return `<section id="card" aria-labelledby="card-h"><h2 id="card-h">Version card</h2>${table(
    'Version metadata',
    ['field', 'candidate', ...(report.baseline ? ['baseline'] : [])],
    rows,
  )}<p>${esc(report.tool.name)} ${esc(report.tool.version)}, report schema ${report.schemaVersion}.</p>${
    report.onnxRuntime ? `<p>ONNX runtime: ${esc(runtimeLabel(report.onnxRuntime))}.</p>` : ''
  }</section>`;
}
