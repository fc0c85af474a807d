/**
 * `check --format html=file` on the example release: the page is written, and the report
 * model carries what it plots (per-query scores, norm and same-id cosine quantiles).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/gate/report-model.js';
import { copyExamples, EXAMPLE_CHECK, runCli } from '../helpers/cli.js';

describe('check --format html', () => {
  it('writes the page and the per-query scores it draws, consistent with the means', async () => {
    const dir = copyExamples();
    const r = await runCli(
      [...EXAMPLE_CHECK, '--format', 'json', '--format', 'html=out/report.html'],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const suite = report.suites![0]!;
    const per = suite.perQuery!;
    expect(per.qids).toHaveLength(suite.queries);
    expect([...per.qids].sort()).toEqual(per.qids);
    for (const m of per.metrics) {
      const s = suite.scores.find((x) => x.metric === m.metric)!;
      const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(mean(m.candidate)).toBeCloseTo(s.candidate, 10);
      expect(mean(m.baseline!)).toBeCloseTo(s.baseline!, 10);
    }
    for (const v of [report.candidate, report.baseline!]) {
      const n = v.vectors!.norms!;
      expect(n.quantiles).toHaveLength(21);
      expect(n.quantiles![0]).toBe(n.min);
      for (let i = 1; i < 21; i++)
        expect(n.quantiles![i]).toBeGreaterThanOrEqual(n.quantiles![i - 1]!);
    }
    expect(report.compatibility!.sameIdCosine!.quantiles).toHaveLength(21);

    const html = readFileSync(join(dir, 'out/report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`data-points="${suite.queries}"`);
    expect(html).toContain('<span class="verdict v-pass">PASS</span>');
  }, 60_000);

  it('refuses a directory as the html file before the gate runs (exit 2)', async () => {
    const dir = copyExamples();
    mkdirSync(join(dir, 'out.html'));
    const r = await runCli([...EXAMPLE_CHECK, '--format', 'html=out.html'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--format html=out.html: out.html is a directory; expected a file to write',
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
