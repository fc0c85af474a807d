import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/config/findings.js';
import { applyOverride, isOverridable, type OverrideDeclaration } from '../../src/gate/override.js';
import { expiryInstant, fingerprintFinding, judgeFindings } from '../../src/gate/judge.js';
import { loadWaivers } from '../../src/config/waivers.js';
import { decideVerdict } from '../../src/gate/report-model.js';

const DIMS: Finding = {
  id: 'contract.dims',
  severity: 'error',
  consumer: 'search-index',
  message: 'search-index requires dims 768, the candidate has 384',
  location: { file: 'contracts/search-index.yaml', line: 9, column: 9, path: '/requires/dims' },
};
const NAN: Finding = {
  id: 'vectors.non-finite',
  severity: 'error',
  message: '2 rows hold NaN',
  location: { file: 'releases/2.0.0/vectors.arrow', row: 3, id: 'a' },
};

function waiversFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'eg-waivers-'));
  const file = join(dir, 'waivers.yaml');
  writeFileSync(file, text);
  return file;
}

function entry(f: Finding, expires: string, extra = ''): string {
  return [
    `  - check: ${f.id}`,
    ...(f.consumer ? [`    consumer: ${f.consumer}`] : []),
    `    fingerprint: ${fingerprintFinding(f)}`,
    '    reason: known, fixed in the next release',
    '    owner: "@org/search"',
    `    expires: ${expires}`,
    extra,
  ]
    .filter(Boolean)
    .join('\n');
}

const NOW = () => new Date('2026-03-31T12:00:00Z');

describe('fingerprints', () => {
  it('ignore line, column and message, and normalise the path', () => {
    const moved = {
      ...DIMS,
      message: 'other words',
      location: { ...DIMS.location!, line: 40, column: 3, file: './contracts/search-index.yaml' },
    };
    expect(fingerprintFinding(moved)).toBe(fingerprintFinding(DIMS));
    expect(fingerprintFinding(DIMS)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('change with the check, the consumer, the file or the field', () => {
    const fp = fingerprintFinding(DIMS);
    expect(fingerprintFinding({ ...DIMS, id: 'contract.dtype' })).not.toBe(fp);
    expect(fingerprintFinding({ ...DIMS, consumer: 'recommender' })).not.toBe(fp);
    expect(
      fingerprintFinding({
        ...DIMS,
        location: { ...DIMS.location!, file: 'contracts/other.yaml' },
      }),
    ).not.toBe(fp);
    expect(
      fingerprintFinding({ ...DIMS, location: { ...DIMS.location!, path: '/requires/dtype' } }),
    ).not.toBe(fp);
  });

  it('are the documented sha256 of [id, consumer, file, path]', async () => {
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256')
      .update(
        JSON.stringify([
          'contract.dims',
          'search-index',
          'contracts/search-index.yaml',
          '/requires/dims',
        ]),
      )
      .digest('hex')
      .slice(0, 16);
    expect(fingerprintFinding(DIMS)).toBe(expected);
  });
});

describe('waivers', () => {
  it('waive a matching finding until the end of the expiry day, and the verdict passes', async () => {
    const waivers = await loadWaivers(waiversFile(`waivers:\n${entry(DIMS, '2026-03-31')}\n`));
    expect(waivers.findings).toEqual([]);
    const { findings } = judgeFindings([DIMS], { waivers, failOn: 'error', now: NOW });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.suppressed).toMatchObject({
      kind: 'waiver',
      owner: '@org/search',
      expires: '2026-03-31',
    });
    expect(
      findings[0]!.suppressed?.kind === 'waiver' && findings[0]!.suppressed.location?.line,
    ).toBe(2);
    expect(decideVerdict(findings, 'error')).toBe('pass');
  });

  it('an expired waiver waives nothing and is an error at its expires line', async () => {
    const file = waiversFile(`# accepted risks\nwaivers:\n${entry(DIMS, '2026-03-30')}\n`);
    const { findings } = judgeFindings([DIMS], {
      waivers: await loadWaivers(file),
      failOn: 'error',
      now: NOW,
    });
    expect(findings.map((f) => [f.id, f.severity, Boolean(f.suppressed)])).toEqual([
      ['contract.dims', 'error', false],
      ['waiver.expired', 'error', false],
    ]);
    expect(findings[1]!.location).toMatchObject({ file, line: 8, path: '/waivers/0/expires' });
    expect(findings[1]!.message).toContain('expired 2026-03-30');
    expect(decideVerdict(findings, 'error')).toBe('fail');
  });

  it('a date-time expiry holds until that instant', () => {
    expect(expiryInstant('2026-03-31T12:00:00Z')).toBe(NOW().getTime());
    expect(expiryInstant('2026-03-31')).toBe(Date.parse('2026-04-01T00:00:00Z'));
  });

  it('a waiver needs the same check, consumer and fingerprint; one that matches nothing is a note', async () => {
    const wrongConsumer = entry({ ...DIMS }, '2027-01-01').replace(
      'consumer: search-index',
      'consumer: recommender',
    );
    const file = waiversFile(`waivers:\n${wrongConsumer}\n${entry(NAN, '2027-01-01')}\n`);
    const { findings } = judgeFindings([DIMS, NAN], {
      waivers: await loadWaivers(file),
      failOn: 'error',
      now: NOW,
    });
    expect(findings.map((f) => [f.id, f.suppressed?.kind ?? '-'])).toEqual([
      ['contract.dims', '-'],
      ['vectors.non-finite', 'waiver'],
      ['waiver.unused', '-'],
    ]);
    expect(findings[2]).toMatchObject({
      severity: 'info',
      location: { line: 4, path: '/waivers/0/fingerprint' },
    });
  });

  it('a waivers file that breaks its schema waives nothing and says where', async () => {
    const file = waiversFile(
      `waivers:\n${entry(DIMS, 'next tuesday')}\n  - check: contract.dims\n    fingerprnt: abc\n`,
    );
    const waivers = await loadWaivers(file);
    expect(waivers.waivers).toEqual([]);
    const messages = waivers.findings.map((f) => `${f.id} ${f.location?.line}: ${f.message}`);
    expect(messages).toEqual([
      expect.stringMatching(
        /^waivers.schema 7: waivers.0.expires: expected an RFC 3339 date .* or an RFC 3339 date-time/,
      ),
      expect.stringMatching(/^waivers.schema 8: waivers.1: missing required field "expires"/),
      expect.stringMatching(/^waivers.schema 8: waivers.1: missing required field "fingerprint"/),
      expect.stringMatching(/^waivers.schema 8: waivers.1: missing required field "owner"/),
      expect.stringMatching(/^waivers.schema 8: waivers.1: missing required field "reason"/),
      expect.stringMatching(
        /^waivers.schema 9: waivers.1.fingerprnt: unknown field "fingerprnt" \(did you mean "fingerprint"\?\)/,
      ),
    ]);
    const { findings } = judgeFindings([DIMS], { waivers, failOn: 'error', now: NOW });
    expect(findings.filter((f) => f.suppressed)).toEqual([]);
  });

  it('every finding gets its fingerprint, with or without waivers', () => {
    const { findings } = judgeFindings([DIMS, NAN], { failOn: 'error', now: NOW });
    expect(findings.map((f) => f.fingerprint)).toEqual([
      fingerprintFinding(DIMS),
      fingerprintFinding(NAN),
    ]);
  });
});

describe('override label', () => {
  const declaration: OverrideDeclaration = {
    label: 'breaking-change',
    by: 'alice',
    byRole: 'label-sender',
    reason: 'pull request #7: move to the 768-d space',
  };

  it('lifts blocking contract and baseline findings, never version-policy, schema, vector, integrity or waiver ones', () => {
    expect(
      ['contract.dims', 'contract.version', 'baseline.ids-missing'].map(isOverridable),
    ).toEqual([true, true, true]);
    const never = [
      'version.bump',
      'contract.schema',
      'manifest.schema',
      'vectors.non-finite',
      'waiver.expired',
      'bench.regression',
      'version.immutable',
      'registry.hash',
    ];
    expect(never.map(isOverridable)).toEqual(never.map(() => false));
    const { findings, record } = applyOverride(
      [DIMS, NAN, { ...DIMS, severity: 'warning', consumer: 'x' }],
      declaration,
      'error',
    );
    expect(findings.map((f) => f.suppressed?.kind ?? '-')).toEqual(['override', '-', '-']);
    expect(record).toMatchObject({ label: 'breaking-change', by: 'alice', lifted: 1 });
    expect(decideVerdict(findings, 'error')).toBe('fail');
    expect(decideVerdict(findings.slice(0, 1), 'error')).toBe('pass');
  });

  it('comes after waivers: a waived finding stays waived, an expired waiver is not lifted', async () => {
    const file = waiversFile(`waivers:\n${entry(DIMS, '2020-01-01')}\n`);
    const { findings, override } = judgeFindings([DIMS], {
      waivers: await loadWaivers(file),
      override: declaration,
      failOn: 'error',
      now: NOW,
    });
    expect(findings.map((f) => [f.id, f.suppressed?.kind ?? '-'])).toEqual([
      ['contract.dims', 'override'],
      ['waiver.expired', '-'],
    ]);
    expect(override?.lifted).toBe(1);
  });
});
