import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/html.js';
import { bin, niceTicks } from '../../src/report/html-svg.js';
import { FORMATTERS } from '../../src/report/index.js';
import { htmlReport } from './html-fixture.js';

describe('formatHtml', () => {
  const html = formatHtml(htmlReport(300));

  it('is one self-contained page: no external reference, a CSP that forbids fetching', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain(`content="default-src 'none';`);
    expect(FORMATTERS.html).toBe(formatHtml);
  });

  it('escapes every text from the report', () => {
    expect(html).not.toContain('fraud <model>');
    expect(html).toContain('fraud &lt;model&gt;');
  });

  it('draws one point per judged query per metric, and the floors as markers', () => {
    expect(html.match(/M[\d.]+ [\d.]+h0/g)).toHaveLength(2 * 300);
    expect(html).toContain('data-points="300"');
    expect(html).toContain('-max_drop (search-index)');
    expect(html).toContain('detectable drop (search-index)');
    // detectable drop of ndcg@10: −(0.01 + 0.0071)
    expect(html).toContain('<td>-0.0171</td>');
  });

  it('stays small for 10,000 queries', () => {
    const big = formatHtml(htmlReport(10_000));
    expect(big.length).toBeLessThan(3 * 1024 * 1024);
    expect(big.match(/M[\d.]+ [\d.]+h0/g)).toHaveLength(2 * 10_000);
  });

  it('renders a report with no benchmarks, staging or baseline', () => {
    const r = htmlReport(10);
    const bare = formatHtml({
      ...r,
      baseline: undefined,
      suites: undefined,
      benchmarks: undefined,
      staging: undefined,
      compatibility: undefined,
    });
    expect(bare).toContain('id="verdict"');
    expect(bare).not.toContain('id="benchmarks"');
  });
});

describe('formatHtml on a report without per-query scores', () => {
  it('lists the most regressed queries the report kept instead of plotting', () => {
    const r = htmlReport(10);
    const suite = {
      ...r.suites![0]!,
      perQuery: undefined,
      regressions: [
        {
          consumer: 'search-index',
          metric: 'ndcg@10',
          worst: [{ qid: 'q-<7>', baseline: 0.9, candidate: 0.5, delta: -0.4 }],
        },
      ],
    };
    const html = formatHtml({ ...r, suites: [suite] });
    expect(html).toContain('ndcg@10 (search-index): queries that lost most');
    expect(html).toContain('<td>q-&lt;7&gt;</td><td>0.9000</td><td>0.5000</td><td>-0.4000</td>');
    expect(html).not.toContain('-scatter');
  });
});

describe('chart helpers', () => {
  it('bins every finite value once, the maximum in the last bin', () => {
    const b = bin([0, 0.5, 1, Number.NaN], 4, 0, 1);
    expect(b.map((x) => x.count)).toEqual([1, 0, 1, 1]);
  });

  it('ticks are round and 0 is 0', () => {
    expect(niceTicks(-0.15, 0.12)).toContain(0);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
