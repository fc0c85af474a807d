/**
 * The HTML report's measured sections — norms, compatibility, staging (benchmarks are in
 * html-benchmarks.ts) — each a chart beside the table of the numbers it draws (the chart's
 * text alternative), and the table and figure helpers they share.
 */
import type { Report } from '../gate/report-model.js';
import {
  count,
  interval,
  MISSING,
  percent,
  pValue,
  sci,
  score,
  signed,
  statistic,
} from './format.js';
import { domain, dotsSvg, esc, linesSvg, PALETTE } from './html-svg.js';

/** A table from a header row and body rows of already-escaped cells. */
export function table(caption: string, head: readonly string[], rows: readonly string[][]): string {
  return (
    `<table><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`
  );
}

/** A chart and its numbers side by side. */
export function figure(chart: string, tables: string): string {
  return `<div class="figure"><div class="plot">${chart}</div><div class="numbers">${tables}</div></div>`;
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
        GRID.map((q, i) => [percent(q), ...series.map((s) => statistic(s.xs[i]))]),
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
            'Consumer models: candidate − baseline with confidence intervals; dashed lines at -max_drop',
          rows,
          x: domain(
            [
              ...rows.flatMap((r) => [r.value, r.low ?? r.value, r.high ?? r.value]),
              0,
              ...drops.map((d) => -d),
            ],
            'Δ metric (candidate − baseline)',
          ),
          markers: drops.map((d) => ({ at: -d, label: '-max_drop', color: PALETTE.threshold })),
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
