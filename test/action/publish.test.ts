import { describe, expect, it } from 'vitest';
import { blockedConsumers, commentText, summaryText } from '../../src/action/publish.js';
import { sortFindings, type Finding } from '../../src/config/findings.js';
import type { RunInfo } from '../../src/github/event.js';
import { buildAnnotations } from '../../src/report/annotations.js';
import { COMMENT_LIMIT_CHARS, DETAIL_LEVELS, SUMMARY_LIMIT_BYTES } from '../../src/report/fit.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { countFindings, type ConsumerResult, type Report } from '../../src/gate/report-model.js';
import { MACHINE_SAMPLE } from '../report/sarif-fixture.js';

const RUN: RunInfo = {
  eventName: 'pull_request',
  repository: 'shop/embeddings',
  workflow: 'PR check',
  job: 'gate',
  runId: '99',
  serverUrl: 'https://github.example',
  apiUrl: 'http://127.0.0.1:1',
};

/** A report far beyond every GitHub limit: `n` findings with long messages, many consumers. */
function hugeReport(n: number, consumers = 2000): Report {
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
    id: i % 3 ? 'contract.dims' : 'vectors.zero',
    severity: i % 3 ? 'error' : 'warning',
    consumer: i % 3 ? `consumer-${i % consumers}` : undefined,
    message: `finding ${i}: ` + 'the candidate differs from what this consumer reads; '.repeat(8),
    location: {
      file: `contracts/consumer-${i % consumers}.yaml`,
      line: 1 + (i % 50),
      column: 3,
      path: '/requires/dims',
    },
  }));
  const consumerResults: ConsumerResult[] = Array.from({ length: consumers }, (_, i) => ({
    consumer: `consumer-${i}`,
    owner: `@org/team-${i}`,
    contract: `contracts/consumer-${i}.yaml`,
    status: i % 5 ? 'active' : 'pending',
    applies: true,
    satisfied: i % 2 === 0,
    requirements: ['version', 'dims', 'dtype', 'normalization', 'metric'].map((r) => ({
      requirement: r,
      expected: '768',
      found: i % 2 ? '384' : '768',
      ok: i % 2 === 0,
    })),
  }));
  const sorted = sortFindings(findings);
  return {
    ...MACHINE_SAMPLE,
    findings: sorted,
    consumers: consumerResults,
    counts: countFindings(sorted),
    override: undefined,
  };
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('job summary and comment sizes', () => {
  it('a small report is rendered in full, identical to the markdown report', () => {
    const s = summaryText(MACHINE_SAMPLE, { reportOnly: false, reportPath: 'r.json' });
    expect(s.level).toBe(0);
    expect(s.text).toBe(formatMarkdown(MACHINE_SAMPLE));
  });

  it('steps detail down until the summary fits 1 MiB, and says so', () => {
    const report = hugeReport(5_000);
    expect(bytes(formatMarkdown(report))).toBeGreaterThan(SUMMARY_LIMIT_BYTES);
    const s = summaryText(report, { reportOnly: true, reportPath: 'out/gate.json' });
    expect(s.level).toBeGreaterThan(0);
    expect(bytes(s.text)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(s.text).toContain(
      `Detail reduced to fit GitHub's 1 MiB job summary limit (level ${s.level} of ${DETAIL_LEVELS.length}); the complete report is in the JSON report \`out/gate.json\``,
    );
    expect(s.text.startsWith('> [!WARNING]\n> **REPORT-ONLY MODE: this step never fails.**')).toBe(
      true,
    );
    expect(s.text).toMatch(
      /\| \| \| \| [\d,]+ more findings not shown here: see the JSON report \|/,
    );
  });

  it('fits the comment into 65,535 characters, marker first, footer last', () => {
    const report = hugeReport(5_000);
    const c = commentText(report, {
      header: '### Embeddings gate',
      reportOnly: false,
      reportPath: 'r.json',
      run: RUN,
      toolVersion: '0.1.0',
    });
    expect(c.body.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS);
    expect(c.level).toBeGreaterThan(1);
    expect(
      c.body.startsWith(
        `${c.marker}\n### Embeddings gate\n\n## ❌ embedding-gate: docs 2.0.0 (v2)`,
      ),
    ).toBe(true);
    expect(c.marker).toBe('<!-- embedding-gate:PR check/gate:### Embeddings gate -->');
    expect(c.body).toMatch(
      /<sub>embedding-gate 0\.1\.0 · PR check \/ gate · \[workflow run\]\(https:\/\/github\.example\/shop\/embeddings\/actions\/runs\/99\)<\/sub>\n$/,
    );
  });

  it('falls back to the minimal text when even the lowest detail is too big', () => {
    const report = hugeReport(100, 10);
    const c = commentText(
      { ...report, candidate: { ...report.candidate, version: '9'.repeat(100_000) } },
      {
        header: 'h'.repeat(1500),
        reportOnly: false,
        reportPath: 'r.json',
        run: RUN,
        toolVersion: '0.1.0',
      },
    );
    expect(c.level).toBe(DETAIL_LEVELS.length);
    expect(c.body.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS);
    expect(c.body).toContain('**BLOCKED — must not be promoted');
  });

  it('measures bytes, not characters, for the summary', () => {
    const report = hugeReport(6_000, 10);
    const wide = {
      ...report,
      findings: report.findings.map((f) => ({ ...f, message: '✅'.repeat(200) })),
    };
    const s = summaryText(wide, { reportOnly: false, reportPath: 'r.json' });
    expect(bytes(s.text)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(s.text.length).toBeLessThan(SUMMARY_LIMIT_BYTES);
  });
});

describe('annotations', () => {
  it('annotate failing findings at their field, capped per level, with one notice for the rest', () => {
    const report = hugeReport(40, 5);
    const annotations = buildAnnotations(report, {
      caps: { error: 9 },
      repositoryPath: (f) => `repo/${f}`,
    });
    const levels = annotations.map((a) => a.level);
    expect(levels.filter((l) => l === 'error')).toHaveLength(9);
    expect(levels.filter((l) => l === 'warning')).toHaveLength(10);
    expect(annotations.at(-1)).toEqual({
      level: 'notice',
      message:
        '17 errors and 4 warnings more not annotated (GitHub shows 10 annotations per level); every finding is in the job summary and the JSON report',
      properties: { title: 'embedding-gate: more findings' },
    });
    expect(annotations[0]).toMatchObject({
      level: 'error',
      properties: {
        title: 'embedding-gate contract.dims (consumer-0)',
        file: 'repo/contracts/consumer-0.yaml',
        startLine: 6,
        endLine: 6,
        startColumn: 3,
      },
    });
  });

  it('leave out notes, waived and overridden findings; a file outside the repository gets no file', () => {
    const annotations = buildAnnotations(MACHINE_SAMPLE, {
      repositoryPath: (f) => (f.startsWith('/') ? undefined : f),
    });
    expect(annotations.map((a) => [a.level, a.properties.title, a.properties.file])).toEqual([
      ['error', 'embedding-gate contract.dims (search-index)', 'contracts/search index.yaml'],
      ['error', 'embedding-gate vectors.non-finite', 'releases/2.0.0/vectors.arrow'],
      ['warning', 'embedding-gate contract.dims (classifier)', 'contracts/classifier.yaml'],
    ]);
    expect(annotations[0]!.message).toMatch(/\(fingerprint [0-9a-f]{16}\)$/);
    expect(annotations[1]!.properties.startLine).toBeUndefined();
  });
});

describe('blocked consumers', () => {
  it('lists consumers with a blocking finding that is not waived or overridden', () => {
    expect(blockedConsumers(MACHINE_SAMPLE)).toEqual(['search-index']);
    expect(blockedConsumers({ ...MACHINE_SAMPLE, failOn: 'warning' })).toEqual([
      'classifier',
      'search-index',
    ]);
    expect(blockedConsumers({ ...MACHINE_SAMPLE, failOn: 'never' })).toEqual([]);
  });
});
