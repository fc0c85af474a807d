/**
 * The HTML report's benchmark section: per suite and metric, every query's baseline score
 * against its candidate score, and the per-query deltas with the CI, max_drop and the
 * detectable drop marked, each beside the table of its numbers.
 */
import type { Report, SuiteReport } from '../gate/report-model.js';
import { count, interval, MISSING, pValue, score, signed } from './format.js';
import { bin, domain, esc, histogramSvg, PALETTE, scatterSvg, type Marker } from './html-svg.js';
import { figure, table } from './html-sections.js';

const slug = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-');

/** Per suite and metric: baseline vs candidate per query, the deltas with CI and floors marked. */
export function benchmarksSection(report: Report): string {
  const suites = report.suites ?? [];
  if (!suites.length) return '';
  const parts = suites.map((s) => suiteBlock(report, s));
  return `<section id="benchmarks" aria-labelledby="benchmarks-h"><h2 id="benchmarks-h">Benchmarks</h2>${parts.join('')}</section>`;
}

function suiteBlock(report: Report, s: SuiteReport): string {
  const head = `<h3>${esc(s.suite)}</h3><p>${count(s.queries)} judged queries, k = ${s.k}, seed ${s.seed}; candidate ${esc(s.candidate.version)}${s.baseline ? `, baseline ${esc(s.baseline.version)}` : ''}.</p>`;
  const scores = table(
    `${s.suite}: mean scores`,
    ['metric', 'baseline', 'candidate', 'Δ'],
    s.scores.map((r) => [esc(r.metric), score(r.baseline), score(r.candidate), signed(r.delta)]),
  );
  const metrics = s.perQuery
    ? s.perQuery.metrics.map((m) => metricBlock(report, s, m))
    : // A report from before per-query scores: no plots, but the most regressed queries it kept.
      s.regressions.map((g) =>
        table(
          `${g.metric} (${g.consumer}): queries that lost most`,
          ['query', 'baseline', 'candidate', 'Δ'],
          g.worst.map((w) => [esc(w.qid), score(w.baseline), score(w.candidate), signed(w.delta)]),
        ),
      );
  return `<div class="suite">${head}${scores}${metrics.join('')}</div>`;
}

function metricBlock(
  report: Report,
  s: SuiteReport,
  m: NonNullable<SuiteReport['perQuery']>['metrics'][number],
): string {
  const qids = s.perQuery!.qids;
  const id = `q-${slug(s.suite)}-${slug(m.metric)}`;
  const h = `<h4>${esc(m.metric)}</h4>`;
  if (!m.baseline) {
    const bins = bin(m.candidate, 20, 0, Math.max(1, ...m.candidate));
    return (
      h +
      figure(
        histogramSvg({
          id: `${id}-dist`,
          title: `${m.metric} per query, candidate (no baseline to compare with)`,
          bins,
          x: { min: 0, max: Math.max(1, ...m.candidate), label: `${m.metric} per query` },
          yLabel: 'queries',
        }),
        binsTable(`${m.metric} per query, candidate`, bins),
      )
    );
  }
  const base = m.baseline;
  const deltas = m.candidate.map((c, i) => c - base[i]!);
  const floors = (report.benchmarks ?? []).filter(
    (b) => b.suite === s.suite && b.metric === m.metric,
  );
  const marks: Marker[] = [];
  const first = floors[0];
  if (first?.ci)
    marks.push({
      at: first.ci.low,
      to: first.ci.high,
      label: `${Math.round(first.ci.level * 100)}% CI of mean Δ`,
      color: PALETTE.band,
    });
  if (first)
    marks.push({ at: first.delta, label: `mean Δ ${signed(first.delta)}`, color: PALETTE.ink });
  for (const f of floors) {
    if (f.maxDrop === undefined) continue;
    const who = f.consumer ? ` (${f.consumer})` : '';
    marks.push({
      at: -f.maxDrop,
      label: `-max_drop${who}`,
      color: PALETTE.threshold,
      dashed: true,
    });
    if (f.mde !== undefined)
      marks.push({
        at: -(f.maxDrop + f.mde),
        label: `detectable drop${who}`,
        color: PALETTE.baseline,
        dashed: true,
      });
  }
  const x = domain(
    [...deltas, ...marks.flatMap((k) => [k.at, k.to ?? k.at])],
    'Δ per query (candidate − baseline)',
  );
  const bins = bin(deltas, 40, x.min, x.max);
  const both = domain([...base, ...m.candidate], '');
  const scatter = scatterSvg({
    id: `${id}-scatter`,
    title: `${m.metric} per query: baseline (x) against candidate (y), ${count(qids.length)} queries; above the diagonal the candidate scores higher`,
    xs: base,
    ys: m.candidate,
    x: { ...both, label: `baseline ${m.metric}` },
    y: { ...both, label: `candidate ${m.metric}` },
  });
  const hist = histogramSvg({
    id: `${id}-delta`,
    title: `Distribution of per-query Δ ${m.metric}, with the CI, max_drop and the detectable drop marked`,
    bins,
    x,
    yLabel: 'queries',
    markers: marks,
  });
  const better = deltas.filter((d) => d > 0).length;
  const worse = deltas.filter((d) => d < 0).length;
  const split = table(
    `${m.metric}: queries by direction`,
    ['candidate better', 'unchanged', 'candidate worse'],
    [[count(better), count(deltas.length - better - worse), count(worse)]],
  );
  const floorTable = floors.length
    ? table(
        `${m.metric}: floors`,
        [
          'consumer',
          'status',
          'Δ',
          'CI',
          'min',
          'max_drop',
          'MDE',
          'detectable drop',
          'p',
          'p (Holm)',
        ],
        floors.map((f) => [
          esc(f.consumer ?? MISSING),
          `<span class="st st-${f.status}">${f.status}</span>`,
          signed(f.delta),
          f.ci ? interval(f.ci) : MISSING,
          score(f.min),
          score(f.maxDrop),
          score(f.mde),
          f.maxDrop !== undefined && f.mde !== undefined ? signed(-(f.maxDrop + f.mde)) : MISSING,
          pValue(f.p),
          pValue(f.pHolm),
        ]),
      )
    : '';
  const worst = deltas
    .map((d, i) => i)
    .filter((i) => deltas[i]! < 0)
    .sort((a, b) => deltas[a]! - deltas[b]! || (qids[a]! < qids[b]! ? -1 : 1))
    .slice(0, 10);
  const worstTable = table(
    `${m.metric}: queries that lost most`,
    ['query', 'baseline', 'candidate', 'Δ'],
    worst.map((i) => [esc(qids[i]!), score(base[i]), score(m.candidate[i]), signed(deltas[i])]),
  );
  return (
    h +
    floorTable +
    figure(scatter, split + worstTable) +
    figure(
      hist,
      `<details><summary>Histogram bins</summary>${binsTable(`Δ ${m.metric} per query`, bins)}</details>`,
    )
  );
}

function binsTable(
  caption: string,
  bins: readonly { lo: number; hi: number; count: number }[],
): string {
  return table(
    caption,
    ['from', 'to', 'queries'],
    bins.map((b) => [signed(b.lo), signed(b.hi), count(b.count)]),
  );
}
