/**
 * Benchmark suites in the human formats: mean scores per version, the cross-version cells,
 * each consumer's verdict rows, and the queries that regressed most.
 */
import type { BenchmarkResult, Report, SuiteReport } from '../gate/report-model.js';
import { cell, count, signed, interval, pValue, score } from './format.js';
const WORST_SHOWN = 10;

function header(s: SuiteReport): string {
  const versions = s.baseline
    ? `${s.baseline.version} → ${s.candidate.version}`
    : s.candidate.version;
  return `${s.suite} (${count(s.queries)} judged queries, k = ${s.k}, ${versions}, seed ${s.seed})`;
}

function failing(report: Report, s: SuiteReport): BenchmarkResult[] {
  return (report.benchmarks ?? []).filter((b) => b.suite === s.suite && b.status !== 'pass');
}

/** The suites as terminal text. */
export function suitesText(report: Report): string[] {
  const out: string[] = [];
  for (const s of report.suites ?? []) {
    out.push(`Benchmark ${header(s)}`);
    out.push(
      `  ${'metric'.padEnd(14)} ${'baseline'.padStart(9)} ${'candidate'.padStart(9)} ${'delta'.padStart(9)}`,
    );
    for (const m of s.scores) {
      const recorded = m.recorded !== undefined ? `  (recorded ${score(m.recorded)})` : '';
      out.push(
        `  ${m.metric.padEnd(14)} ${score(m.baseline).padStart(9)} ${score(m.candidate).padStart(9)} ${signed(m.delta).padStart(9)}${recorded}`,
      );
    }
    for (const b of (report.benchmarks ?? []).filter((x) => x.suite === s.suite)) {
      const ci = b.ci ? ` CI ${interval(b.ci)}` : '';
      const p =
        (b.p !== undefined ? ` p ${pValue(b.p)}` : '') +
        (b.pHolm !== undefined ? ` p(Holm) ${pValue(b.pHolm)}` : '') +
        (b.mde !== undefined ? ` MDE ${score(b.mde)}` : '');
      out.push(
        `  ${b.status.padEnd(12)} ${b.consumer ?? ''} ${b.metric}: ${signed(b.delta)}${ci}${p}`,
      );
    }
    for (const c of s.cross ?? []) {
      out.push(
        `  cross-version ${c.metric}: old q × old corpus ${score(c.baselineBaseline)}, new q × new corpus ${score(c.candidateCandidate)}, ` +
          `new q × old corpus ${score(c.candidateQueriesBaselineCorpus)}, old q × new corpus ${score(c.baselineQueriesCandidateCorpus)}`,
      );
    }
    for (const b of failing(report, s)) {
      const worst =
        s.regressions.find((r) => r.consumer === b.consumer && r.metric === b.metric)?.worst ?? [];
      if (!worst.length) continue;
      out.push(`  most regressed queries (${b.consumer}, ${b.metric}):`);
      for (const w of worst.slice(0, WORST_SHOWN)) {
        out.push(
          `    ${w.qid.padEnd(16)} ${score(w.baseline)} -> ${score(w.candidate)} (${signed(w.delta)})`,
        );
      }
    }
    out.push('');
  }
  return out;
}

/** The suites as markdown: means, cross-version cells, most regressed queries of failing metrics. */
export function suitesMarkdown(report: Report): string[] {
  const out: string[] = [];
  for (const s of report.suites ?? []) {
    out.push(
      `#### Suite ${cell(header(s))}`,
      '',
      '| metric | baseline | candidate | Δ | recorded |',
      '|---|---|---|---|---|',
    );
    for (const m of s.scores) {
      out.push(
        `| ${cell(m.metric)} | ${score(m.baseline)} | ${score(m.candidate)} | ${signed(m.delta)} | ${score(m.recorded)} |`,
      );
    }
    out.push('');
    if (s.cross?.length) {
      out.push(
        '| cross-version | old queries × old corpus | new × new | new queries × old corpus | old queries × new corpus |',
        '|---|---|---|---|---|',
      );
      for (const c of s.cross) {
        out.push(
          `| ${cell(c.metric)} | ${score(c.baselineBaseline)} | ${score(c.candidateCandidate)} | ${score(c.candidateQueriesBaselineCorpus)} | ${score(c.baselineQueriesCandidateCorpus)} |`,
        );
      }
      out.push('');
    }
    for (const b of failing(report, s)) {
      const worst =
        s.regressions.find((r) => r.consumer === b.consumer && r.metric === b.metric)?.worst ?? [];
      if (!worst.length) continue;
      out.push(
        `<details><summary>Most regressed queries: ${cell(b.consumer ?? '')}, ${cell(b.metric)}</summary>`,
        '',
      );
      out.push('| query | baseline | candidate | Δ |', '|---|---|---|---|');
      for (const w of worst.slice(0, WORST_SHOWN))
        out.push(
          `| ${cell(w.qid)} | ${score(w.baseline)} | ${score(w.candidate)} | ${signed(w.delta)} |`,
        );
      out.push('', '</details>', '');
    }
  }
  return out;
}
