/**
 * A report exercising what the machine formats must carry: a blocking contract error, a
 * pending consumer, a waived finding, an overridden one, vector findings located by row and
 * by byte, a note, an absolute path and a path needing URI escaping.
 */
import type { Finding } from '../../src/config/findings.js';
import { fingerprintFinding } from '../../src/gate/judge.js';
import { countFindings, type Report } from '../../src/gate/report-model.js';

const raw: Finding[] = [
  {
    id: 'contract.dims',
    severity: 'error',
    consumer: 'search-index',
    message: 'search-index requires dims 768, the candidate has 384',
    location: {
      file: 'contracts/search index.yaml',
      line: 9,
      column: 9,
      endLine: 9,
      endColumn: 12,
      path: '/requires/dims',
    },
    expected: 768,
    found: 384,
  },
  {
    id: 'vectors.non-finite',
    severity: 'error',
    message: '2 rows hold NaN or ±Inf values (3 values); first ids "doc-7", "doc-91" <&>',
    location: { file: 'releases/2.0.0/vectors.arrow', row: 7, id: 'doc-7' },
  },
  {
    id: 'vectors.readable',
    severity: 'error',
    message: 'truncated record batch',
    location: { file: '/data/shared/vectors.npy', byte: 1024 },
    suppressed: {
      kind: 'waiver',
      reason: 'known truncated export; re-exported in 2.0.1',
      owner: '@org/data',
      expires: '2099-01-31',
      location: { file: 'waivers.yaml', line: 2, column: 5 },
    },
  },
  {
    id: 'contract.metric',
    severity: 'error',
    consumer: 'recommender',
    message: 'recommender requires metric dot, the candidate has l2',
    location: {
      file: 'contracts/recommender.yaml',
      line: 12,
      column: 11,
      path: '/requires/metric',
    },
    suppressed: {
      kind: 'override',
      label: 'breaking-change',
      by: 'alice',
      reason: 'pull request #42: v2 space',
    },
  },
  {
    id: 'contract.dims',
    severity: 'warning',
    consumer: 'classifier',
    message: 'classifier (pending) requires dims 384, the candidate has 768',
    location: { file: 'contracts/classifier.yaml', line: 8, column: 9, path: '/requires/dims' },
  },
  {
    id: 'baseline.changed',
    severity: 'info',
    message: 'dims changed from 384 to 768',
    location: { file: 'releases/2.0.0/manifest.yaml', line: 14, column: 7, path: '/dims' },
  },
];

const findings = raw.map((f) => ({ ...f, fingerprint: fingerprintFinding(f) }));

export const MACHINE_SAMPLE: Report = {
  schemaVersion: 1,
  tool: { name: 'embedding-gate', version: '0.1.0' },
  verdict: 'fail',
  failOn: 'error',
  candidate: {
    manifest: 'releases/2.0.0/manifest.yaml',
    name: 'docs',
    version: '2.0.0',
    tag: 'v2',
  },
  baseline: { manifest: 'releases/1.4.0/manifest.yaml', name: 'docs', version: '1.4.0', tag: 'v1' },
  consumers: [
    {
      consumer: 'classifier',
      owner: '@org/risk',
      contract: 'contracts/classifier.yaml',
      status: 'pending',
      applies: true,
      satisfied: false,
      requirements: [
        { requirement: 'version', expected: '^1.0.0 || ^2.0.0', found: '2.0.0', ok: true },
        { requirement: 'dims', expected: '384', found: '768', ok: false },
      ],
    },
    {
      consumer: 'recommender',
      owner: '@org/recs',
      contract: 'contracts/recommender.yaml',
      status: 'active',
      applies: true,
      satisfied: false,
      requirements: [{ requirement: 'metric', expected: 'dot', found: 'l2', ok: false }],
    },
    {
      consumer: 'search-index',
      owner: '@org/search',
      contract: 'contracts/search index.yaml',
      status: 'active',
      applies: true,
      satisfied: false,
      requirements: [
        { requirement: 'version', expected: '^2.0.0', found: '2.0.0', ok: true },
        { requirement: 'dims', expected: '768', found: '384', ok: false },
      ],
    },
  ],
  findings,
  counts: countFindings(findings),
  override: {
    label: 'breaking-change',
    by: 'alice',
    byRole: 'label-sender',
    reason: 'pull request #42: v2 space',
    pullRequest: { number: 42 },
    lifted: 1,
  },
};
