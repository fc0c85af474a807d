/**
 * The HTML report's measured sections — benchmarks, norms, compatibility, staging — each a
 * chart beside the table of the numbers it draws (the chart's text alternative).
 */
import type { Report, SuiteReport } from '../gate/report-model.js';
import { count, interval, MISSING, pValue, sci, score, signed, statistic } from './format.js';
import {
  bin,
  domain,
  dotsSvg,
  esc,
  histogramSvg,
  linesSvg,
  PALETTE,
  scatterSvg,
  type Marker,
} from './html-svg.js';

/** A table from a header row and body rows of already-escaped cells. */
export function table(caption: string, head: readonly string[], rows: readonly string[][]): string {
  return (
    `<table><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`
  );
}

/** A chart and its numbers side by side. */
function figure(chart: string, tables: string): string {
  return `<div class="figure"><div class="plot">${chart}</div><div class="numbers">${tables}</div></div>`;
}

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
  const metrics = (s.perQuery?.metrics ?? []).map((m) => metricBlock(report, s, m));
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
      label: `−max_drop${who}`,
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

const GRID = Array.from({ length: 21 }, (_, i) => i / 20);

/** Norm distributions of candidate and baseline, drawn as CDFs from the scan's quantiles. */
export function normsSection(report: Report): string {
  const versions = [
    {
      name: `candidate ${report.candidate.version ?? ''}`.trim(),
      v: report.candidate,
      color: PALETTE.candidate,
    },
    ...(report.baseline
      ? [
          {
            name: `baseline ${report.baseline.version ?? ''}`.trim(),
            v: report.baseline,
            color: PALETTE.baseline,
          },
        ]
      : []),
  ].filter((s) => s.v.vectors?.norms);
  if (!versions.length) return '';
  const series = versions
    .filter((s) => s.v.vectors!.norms!.quantiles?.length === GRID.length)
    .map((s) => ({ name: s.name, xs: s.v.vectors!.norms!.quantiles!, ys: GRID, color: s.color }));
  const chart = series.length
    ? linesSvg({
        id: 'norms-cdf',
        title: 'Cumulative distribution of vector norms, candidate and baseline',
        series,
        x: domain(
          series.flatMap((s) => s.xs),
          'vector norm',
        ),
        y: { min: 0, max: 1, label: 'share of rows at or below' },
      })
    : '<p>The report carries no norm quantiles (made by an older version); the summary is in the table.</p>';
  const stats = table(
    'Vector norms',
    ['version', 'rows', 'min', 'p1', 'mean', 'p99', 'max'],
    versions.map((s) => {
      const n = s.v.vectors!.norms!;
      return [
        esc(s.name),
        count(s.v.vectors!.rows),
        statistic(n.min),
        statistic(n.p1),
        statistic(n.mean),
        statistic(n.p99),
        statistic(n.max),
      ];
    }),
  );
  const quant = series.length
    ? `<details><summary>Quantiles</summary>${table(
        'Norm quantiles',
        ['q', ...series.map((s) => s.name)],
        GRID.map((q, i) => [q.toFixed(2), ...series.map((s) => statistic(s.xs[i]))]),
      )}</details>`
    : '';
  return `<section id="norms" aria-labelledby="norms-h"><h2 id="norms-h">Vector norms</h2>${figure(chart, stats + quant)}</section>`;
}

/** Same-id cosine, self-retrieval, kNN overlap and CKA against their thresholds. */
export function compatibilitySection(report: Report): string {
  const c = report.compatibility;
  if (!c) return '';
  const t = c.thresholds;
  let cosine = '';
  const q = c.sameIdCosine?.quantiles;
  if (c.sameIdCosine && q?.length === GRID.length) {
    cosine = figure(
      linesSvg({
        id: 'compat-cosine',
        title:
          'Cumulative distribution of the same-id cosine (each id’s old vector against its new one), thresholds marked',
        series: [{ name: 'same-id cosine', xs: q, ys: GRID, color: PALETTE.candidate }],
        x: domain([...q, t.sameIdMean, t.sameIdP5], 'cosine of an id’s old and new vector'),
        y: { min: 0, max: 1, label: 'share of sampled ids at or below' },
        markers: [
          {
            at: t.sameIdP5,
            label: `p5 threshold ${score(t.sameIdP5)}`,
            color: PALETTE.threshold,
            dashed: true,
          },
          {
            at: t.sameIdMean,
            label: `mean threshold ${score(t.sameIdMean)}`,
            color: PALETTE.baseline,
            dashed: true,
          },
        ],
      }),
      table(
        'Same-id cosine',
        ['measure', 'value', 'needed to mix'],
        [
          ['mean', score(c.sameIdCosine.mean), `≥ ${score(t.sameIdMean)}`],
          ['p5', score(c.sameIdCosine.p5), `≥ ${score(t.sameIdP5)}`],
          ['median', score(c.sameIdCosine.median), MISSING],
          ['min', score(c.sameIdCosine.min), MISSING],
        ],
      ),
    );
  }
  const rows: { label: string; value: number; threshold?: number; need: string }[] = [];
  const sr = c.selfRetrieval;
  if (sr) {
    const need = sr.oldOnOld.recall1 * t.selfRecallRatio;
    rows.push(
      {
        label: 'self recall@1 new→old',
        value: sr.newToOld.recall1,
        threshold: need,
        need: `≥ ${score(need)}`,
      },
      {
        label: 'self recall@1 old→new',
        value: sr.oldToNew.recall1,
        threshold: need,
        need: `≥ ${score(need)}`,
      },
      {
        label: 'nearer than neighbour',
        value: sr.nearerThanNeighbour,
        threshold: t.nearerThanNeighbour,
        need: `≥ ${score(t.nearerThanNeighbour)}`,
      },
      { label: 'mixed-index overlap', value: sr.mixedOverlap, need: MISSING },
    );
  }
  rows.push(
    {
      label: `kNN overlap@${c.k}`,
      value: c.knnOverlap,
      threshold: t.knnOverlap,
      need: `≥ ${score(t.knnOverlap)}`,
    },
    { label: 'CKA (linear)', value: c.cka, threshold: t.cka, need: `≥ ${score(t.cka)}` },
    { label: 'CKA (debiased)', value: c.ckaDebiased, need: MISSING },
  );
  const measures = figure(
    dotsSvg({
      id: 'compat-measures',
      title: 'Compatibility measures (dots) against their thresholds (red ticks)',
      rows,
      x: { min: Math.min(0, ...rows.map((r) => r.value)), max: 1, label: 'value' },
    }),
    table(
      'Compatibility measures',
      ['measure', 'value', 'threshold'],
      rows.map((r) => [esc(r.label), score(r.value), r.need]),
    ),
  );
  return (
    `<section id="compatibility" aria-labelledby="compat-h"><h2 id="compat-h">Compatibility</h2>` +
    `<p><strong>${c.verdict === 'mixable' ? 'Mixable' : 'Re-index'}</strong>: ${esc(c.summary)} (${count(c.shared)} shared ids, sample of ${count(c.rows)}, seed ${c.seed}).</p>` +
    `${cosine}${measures}</section>`
  );
}

/** Consumers' models on the candidate (deltas with CIs) and the reproducibility probes' worst ids. */
export function stagingSection(report: Report): string {
  const st = report.staging;
  if (!st || (!st.consumers.length && !st.probes.length)) return '';
  const parts: string[] = [];
  const withDelta = st.consumers.filter((c) => c.delta !== undefined);
  if (withDelta.length) {
    const rows = withDelta.map((c) => ({
      label: `${c.consumer} ${c.metric}`,
      value: c.delta!,
      ...(c.ci && { low: c.ci.low, high: c.ci.high }),
    }));
    const drops = [
      ...new Set(withDelta.flatMap((c) => (c.maxDrop !== undefined ? [c.maxDrop] : []))),
    ];
    parts.push(
      figure(
        dotsSvg({
          id: 'staging-deltas',
          title:
            'Consumer models: candidate − baseline with confidence intervals; dashed lines at −max_drop',
          rows,
          x: domain(
            [
              ...rows.flatMap((r) => [r.value, r.low ?? r.value, r.high ?? r.value]),
              0,
              ...drops.map((d) => -d),
            ],
            'Δ metric (candidate − baseline)',
          ),
          markers: drops.map((d) => ({ at: -d, label: '−max_drop', color: PALETTE.threshold })),
        }),
        '',
      ),
    );
  }
  if (st.consumers.length)
    parts.push(
      table(
        'Consumer models',
        [
          'consumer',
          'model',
          'metric',
          'outcome',
          'baseline',
          'candidate',
          'Δ',
          'CI',
          'max_drop',
          'p',
        ],
        st.consumers.map((c) => [
          esc(c.consumer),
          esc(c.model),
          esc(c.metric),
          `<span class="st st-${c.outcome}">${c.outcome}</span>`,
          score(c.baseline),
          score(c.candidate),
          signed(c.delta),
          c.ci ? interval(c.ci) : MISSING,
          score(c.maxDrop),
          pValue(c.p),
        ]),
      ),
    );
  for (const p of st.probes)
    parts.push(
      `<h3>Probe: ${esc(p.modality)} (${esc(p.model)})</h3><p><span class="st st-${p.outcome}">${p.outcome}</span> — ${count(p.compared)} compared, ${count(p.exceeding)} over the tolerance ${sci(p.tolerance)}, max 1 − cos ${sci(p.maxDeviation)}.</p>` +
        (p.worst?.length
          ? table(
              `Probe ${p.modality}: worst ids`,
              ['id', '1 − cos', 'over tolerance'],
              p.worst.map((w) => [
                esc(w.id),
                sci(w.deviation),
                w.deviation > p.tolerance ? 'yes' : 'no',
              ]),
            )
          : ''),
    );
  return `<section id="staging" aria-labelledby="staging-h"><h2 id="staging-h">Staging</h2>${parts.join('')}</section>`;
}
