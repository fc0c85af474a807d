import { describe, expect, it } from 'vitest';
import { parseSourceText } from '../../src/config/document.js';
import { checkBump, classifyChange, declaredBump, suggestVersion } from '../../src/release/bump.js';
import type { CompatibilityReport } from '../../src/release/compat.js';
import { DEFAULT_THRESHOLDS } from '../../src/release/compat.js';
import type { Manifest } from '../../src/config/manifest.js';

const BASE: Manifest = {
  name: 'products-text',
  version: '1.4.2',
  tag: 'v1',
  model: { name: 'minilm', revision: '2024-03-01', sha256: 'a'.repeat(64) },
  parameters: { pooling: 'mean' },
  vectors: { path: 'v.npy', sha256: 'b'.repeat(64) },
  dims: 64,
  dtype: 'float32',
  normalization: 'l2',
  metric: 'cosine',
  created: '2024-03-04',
  inputs: { dataset: 'catalogue-2024-03', sha256: 'c'.repeat(64) },
  preprocessing: { lowercase: true },
};

function with_(patch: Partial<Manifest>): Manifest {
  return { ...BASE, ...patch };
}

function compat(verdict: 'mixable' | 'reindex', cosineMin = 0.95): CompatibilityReport {
  return {
    rows: 2000,
    sameIdCosine: {
      mean: verdict === 'mixable' ? 0.97 : 0.01,
      p5: 0.9,
      median: 0.97,
      min: cosineMin,
    },
    k: 10,
    knnOverlap: 0.99,
    cka: 0.99,
    ckaDebiased: 0.99,
    verdict,
    neighbourhoods: 'preserved',
    summary: verdict === 'mixable' ? 'mixable: (test)' : 're-index required: (test)',
    matchedBy: 'id',
    shared: 2000,
    seed: 1,
    dims: { baseline: 64, candidate: 64 },
    thresholds: DEFAULT_THRESHOLDS,
  };
}

describe('classifyChange', () => {
  const cases: [string, Partial<Manifest>, 'major' | 'minor' | 'patch' | 'none', string[]][] = [
    ['dims', { dims: 128 }, 'major', ['dims']],
    ['dtype family float → int8', { dtype: 'int8' }, 'major', ['dtype']],
    ['dtype family float → binary', { dtype: 'binary' }, 'major', ['dtype']],
    ['dtype precision float32 → float16', { dtype: 'float16' }, 'minor', ['dtype']],
    ['metric', { metric: 'dot' }, 'major', ['metric']],
    ['normalization', { normalization: 'none' }, 'major', ['normalization']],
    ['model name', { model: { ...BASE.model, name: 'mpnet' } }, 'major', ['model']],
    [
      'model revision',
      { model: { ...BASE.model, revision: '2024-09-15', sha256: 'd'.repeat(64) } },
      'minor',
      ['model.revision'],
    ],
    [
      'checkpoint under the same revision',
      { model: { ...BASE.model, sha256: 'd'.repeat(64) } },
      'minor',
      ['model.sha256'],
    ],
    ['parameters', { parameters: { pooling: 'cls' } }, 'minor', ['parameters']],
    [
      'inputs dataset',
      { inputs: { dataset: 'catalogue-2024-09', sha256: 'e'.repeat(64) } },
      'minor',
      ['inputs'],
    ],
    [
      'inputs hash only',
      { inputs: { dataset: 'catalogue-2024-03', sha256: 'e'.repeat(64) } },
      'minor',
      ['inputs.sha256'],
    ],
    ['preprocessing only', { preprocessing: { lowercase: false } }, 'patch', ['preprocessing']],
    [
      'vectors file only',
      { vectors: { path: 'v.npy', sha256: 'f'.repeat(64) } },
      'patch',
      ['vectors'],
    ],
    ['metadata only (tag, created)', { tag: 'v1-again', created: '2024-05-01' }, 'none', []],
    [
      'dims and preprocessing',
      { dims: 32, preprocessing: { lowercase: false, strip_html: true } },
      'major',
      ['dims', 'preprocessing'],
    ],
  ];
  it.each(cases)('%s', (_name, patch, level, fields) => {
    const r = classifyChange(BASE, with_(patch));
    expect(r.required).toBe(level);
    expect(r.reasons.map((x) => x.field)).toEqual(fields);
  });

  it('names the changed keys of free maps, whatever their order', () => {
    const a = with_({ preprocessing: { a: 1, b: { x: [1, 2] } } });
    expect(classifyChange(a, with_({ preprocessing: { b: { x: [1, 2] }, a: 1 } })).required).toBe(
      'none',
    );
    const r = classifyChange(a, with_({ preprocessing: { a: 1, b: { x: [2, 1] }, c: true } }));
    expect(r.reasons[0]).toMatchObject({ field: 'preprocessing', from: 'b, c' });
  });

  it('escalates to major when the spaces are empirically incompatible (a swapped model behind the same name)', () => {
    const candidate = with_({ model: { ...BASE.model, revision: '2024-09-15' } });
    expect(classifyChange(BASE, candidate, compat('mixable')).required).toBe('minor');
    const r = classifyChange(BASE, candidate, compat('reindex'));
    expect(r.required).toBe('major');
    expect(r.reasons.map((x) => `${x.level} ${x.field}`)).toEqual([
      'major space',
      'minor model.revision',
    ]);
  });

  it('requires a patch when vectors changed with nothing declared, and nothing when they are equal', () => {
    const noHashes = with_({ vectors: { path: 'v.npy' } });
    expect(classifyChange(noHashes, noHashes, compat('mixable', 0.97)).required).toBe('patch');
    expect(classifyChange(noHashes, noHashes, compat('mixable', 1)).required).toBe('none');
  });
});

describe('declaredBump', () => {
  it.each([
    ['1.4.2', '1.4.3', 'patch'],
    ['1.4.2', '1.5.0', 'minor'],
    ['1.4.2', '2.0.0', 'major'],
    ['1.4.2', '2.0.0-rc.1', 'major'],
    ['1.4.2', '1.5.0-beta.2', 'minor'],
    ['1.4.2', '1.4.3-rc.1', 'patch'],
    ['2.0.0-rc.1', '2.0.0', 'patch'],
    ['0.2.3', '0.2.4', 'patch'],
    ['0.2.3', '0.3.0', 'major'],
    ['0.0.3', '0.0.4', 'patch'],
    ['0.0.3', '0.1.0', 'major'],
    ['1.4.2', '1.4.2', 'not-greater'],
    ['1.4.2', '1.3.9', 'not-greater'],
  ])('%s → %s is %s', (from, to, level) => {
    expect(declaredBump(from, to)).toBe(level);
  });

  it('suggests the smallest version that declares enough', () => {
    for (const [from, level, expected] of [
      ['1.4.2', 'major', '2.0.0'],
      ['1.4.2', 'minor', '1.5.0'],
      ['1.4.2', 'patch', '1.4.3'],
      ['0.2.3', 'minor', '0.3.0'],
      ['0.2.3', 'major', '0.3.0'],
    ] as const) {
      const suggested = suggestVersion(from, level);
      expect(suggested).toBe(expected);
      const declared = declaredBump(from, suggested);
      expect(['major', 'minor', 'patch'].indexOf(declared)).toBeLessThanOrEqual(
        ['major', 'minor', 'patch'].indexOf(level),
      );
    }
  });
});

describe('checkBump', () => {
  const text = 'name: products-text\nversion: 1.5.0\n';
  const doc = parseSourceText('releases/1.5.0/manifest.yaml', text);

  it('blocks an insufficient bump at the version field, naming each difference and the bump it requires', () => {
    const candidate = with_({ version: '1.5.0', dims: 128, preprocessing: { lowercase: false } });
    const { summary, findings } = checkBump(BASE, candidate, doc, classifyChange(BASE, candidate));
    expect(summary).toMatchObject({
      from: '1.4.2',
      to: '1.5.0',
      declared: 'minor',
      required: 'major',
      sufficient: false,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'version.bump',
      severity: 'error',
      location: { file: 'releases/1.5.0/manifest.yaml', line: 2, column: 10 },
      expected: 'major',
      found: 'minor',
    });
    expect(findings[0]!.message).toBe(
      'version not bumped enough: 1.4.2 → 1.5.0 is a minor bump, but the changes require a major bump (e.g. 2.0.0): ' +
        'dims 64 → 128 (major: every consumer must re-index and resize); preprocessing lowercase → changed (patch: preprocessing changed)',
    );
  });

  it('passes a sufficient or larger bump', () => {
    const candidate = with_({ version: '2.0.0', preprocessing: { lowercase: false } });
    const { summary, findings } = checkBump(BASE, candidate, doc, classifyChange(BASE, candidate));
    expect(findings).toEqual([]);
    expect(summary).toMatchObject({ declared: 'major', required: 'patch', sufficient: true });
  });

  it('blocks a version that is not greater than the baseline, even with nothing changed', () => {
    const { findings } = checkBump(BASE, BASE, doc, classifyChange(BASE, BASE));
    expect(findings[0]!.message).toBe(
      "version 1.4.2 is not greater than the baseline's 1.4.2; a new version needs a higher number",
    );
  });
});
