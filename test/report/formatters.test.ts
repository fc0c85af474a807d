import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/json.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { decideVerdict, type Report } from '../../src/gate/report-model.js';
import { formatText } from '../../src/report/text.js';
import { expectGolden } from '../helpers/golden.js';

const vectors = {
  file: 'releases/2.0.0/vectors.arrow',
  format: 'arrow' as const,
  dtype: 'float32' as const,
  dims: 768,
  rows: 120000,
  bytes: 368640000,
  hasIds: true,
  nonFinite: { rows: 2, values: 3, firstIds: ['doc-7', 'doc-91'] },
  zero: { rows: 0, firstIds: [] },
  norms: { min: 0.99991, mean: 1.00001, max: 1.00012, p1: 0.99995, p99: 1.00006 },
  duplicateIds: { count: 0, firstIds: [] },
};

/** A report exercising every section: a blocking error, a pending consumer, changes, coverage. */
export const SAMPLE: Report = {
  schemaVersion: 1,
  tool: { name: 'embedding-gate', version: '0.1.0' },
  verdict: 'fail',
  failOn: 'error',
  candidate: {
    manifest: 'releases/2.0.0/manifest.yaml',
    name: 'docs',
    version: '2.0.0',
    tag: 'v2_model-bert-large-2023-09',
    model: 'bert-large@2023-09',
    dims: 768,
    dtype: 'float32',
    normalization: 'l2',
    metric: 'cosine',
    vectors,
  },
  baseline: {
    manifest: 'releases/1.4.0/manifest.yaml',
    name: 'docs',
    version: '1.4.0',
    tag: 'v1_model-bert-base-2023-01',
    model: 'bert-base@2023-01',
    dims: 384,
    dtype: 'float32',
    normalization: 'l2',
    metric: 'cosine',
  },
  consumers: [
    {
      consumer: 'search | index',
      owner: '@org/search',
      contract: 'contracts/search.yaml',
      status: 'active',
      applies: true,
      satisfied: true,
      requirements: [
        { requirement: 'version', expected: '^2.0.0', found: '2.0.0', ok: true },
        { requirement: 'dims', expected: '768', found: '768', ok: true },
      ],
    },
    {
      consumer: 'classifier',
      owner: '@org/risk',
      contract: 'contracts/classifier.yaml',
      status: 'pending',
      applies: true,
      satisfied: false,
      requirements: [
        { requirement: 'version', expected: '^1.0.0', found: '2.0.0', ok: false },
        { requirement: 'dims', expected: '384', found: '768', ok: false },
      ],
    },
  ],
  changes: [
    { field: 'dims', from: '384', to: '768' },
    { field: 'model', from: 'bert-base', to: 'bert-large' },
  ],
  coverage: {
    baselineIds: 100000,
    candidateIds: 120000,
    missing: 3,
    added: 20003,
    firstMissing: ['a', 'b', 'c'],
    firstAdded: ['x'],
  },
  findings: [
    {
      id: 'vectors.non-finite',
      severity: 'error',
      message:
        'expected finite values, found 3 NaN/Inf value(s) in 2 of 120000 rows (ids "doc-7", "doc-91")',
      location: { file: 'releases/2.0.0/vectors.arrow', id: 'doc-7' },
    },
    {
      id: 'contract.dims',
      severity: 'warning',
      consumer: 'classifier',
      message:
        'classifier (@org/risk) requires dims 384, candidate 2.0.0 has 768 — pending consumer: reported, does not block',
      location: { file: 'contracts/classifier.yaml', line: 7, column: 9 },
    },
    {
      id: 'baseline.changed',
      severity: 'info',
      message: 'dims changed from 384 (1.4.0) to 768 (2.0.0)',
      location: { file: 'releases/2.0.0/manifest.yaml', line: 9, column: 7 },
    },
  ],
  counts: { error: 1, warning: 1, info: 1 },
};

describe('formatters', () => {
  it('text', () => expectGolden('report.txt', formatText(SAMPLE)));
  it('markdown', () => expectGolden('report.md', formatMarkdown(SAMPLE)));
  it('json round-trips the model', () => {
    const text = formatJson(SAMPLE);
    expect(JSON.parse(text)).toEqual(SAMPLE);
    expect(text.endsWith('\n')).toBe(true);
  });
  it('markdown escapes table cells', () => {
    expect(formatMarkdown(SAMPLE)).toContain('| search \\| index |');
  });
});

describe('verdict', () => {
  const f = (severity: 'error' | 'warning' | 'info') => ({ id: 'x', severity, message: '' });
  it('blocks at or above the fail level only', () => {
    expect(decideVerdict([f('warning'), f('info')], 'error')).toBe('pass');
    expect(decideVerdict([f('warning')], 'warning')).toBe('fail');
    expect(decideVerdict([f('error')], 'error')).toBe('fail');
    expect(decideVerdict([f('error')], 'never')).toBe('pass');
    expect(decideVerdict([f('info')], 'warning')).toBe('pass');
  });
});
