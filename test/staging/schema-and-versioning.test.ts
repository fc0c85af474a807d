import { describe, expect, it } from 'vitest';
import { parseSourceText } from '../../src/config/document.js';
import { validateDocument } from '../../src/config/schema.js';
import { classifyChange } from '../../src/release/bump.js';
import type { Manifest } from '../../src/config/manifest.js';
import { encoderChanges } from '../../src/release/encoders.js';

const MANIFEST = `name: clip
version: 1.0.0
tag: t
model: { name: m, revision: r }
vectors: { path: v.arrow }
dims: 16
dtype: float32
normalization: l2
metric: cosine
created: 2024-01-01
inputs: { dataset: d, sha256: ${'a'.repeat(64)} }
`;

const messages = (kind: 'manifest' | 'contract', text: string) =>
  validateDocument(kind, parseSourceText(`x.yaml`, text, '/tmp/x.yaml')).map(
    (f) => `${f.location?.line}: ${f.message}`,
  );

describe('staging fields in the schemas', () => {
  it('accepts a probe and encoders, and locates mistakes in them', () => {
    const ok = `${MANIFEST}probe: { model: e.onnx, set: p.parquet, tolerance: 0.001, columns: { input_ids: tokens }, shapes: { px: [3, 2, 2] } }
encoders:
  text: { model: { name: t, revision: r1 }, probe: { model: t.onnx, set: q.arrow, vectors: { path: q.arrow } } }
  image: { model: { name: i, revision: r1, sha256: ${'b'.repeat(64)} } }
`;
    expect(messages('manifest', ok)).toEqual([]);
    const typo = messages(
      'manifest',
      `${MANIFEST}probe: { model: e.onnx, set: p.parquet, tolerence: 0.1 }\nencoders:\n  Text: { model: { name: t, revision: r } }\n`,
    );
    // (The list of allowed keys after a $ref is schema.ts's to get right; the field and line are ours.)
    expect(typo[0]).toMatch(/^12: probe\.tolerence: unknown field "tolerence"/);
    expect(typo.slice(1)).toEqual([
      '14: encoders.Text: key "Text": expected text matching ^[a-z][a-z0-9_-]{0,31}$',
    ]);
  });

  it('accepts a contract staging block and rejects unknown tasks', () => {
    const contract = `consumer: c
owner: o
embedding: clip
accepts: ^1.0.0
requires: { dims: 16 }
staging: { model: m.onnx, labels: l.csv, task: ${'classification'}, metric: roc_auc, min: 0.8, threshold: 0 }
`;
    expect(messages('contract', contract)).toEqual([]);
    expect(messages('contract', contract.replace('classification', 'clustering'))).toEqual([
      '6: staging.task: expected one of classification, regression, ranking, found "clustering"',
    ]);
  });
});

describe('encoders in versioning', () => {
  const m = (encoders: Manifest['encoders']): Manifest =>
    ({
      name: 'clip',
      version: '1.0.0',
      tag: 't',
      model: { name: 'm', revision: 'r' },
      vectors: { path: 'v' },
      dims: 16,
      dtype: 'float32',
      normalization: 'l2',
      metric: 'cosine',
      created: '2024-01-01',
      inputs: { dataset: 'd', sha256: 'a'.repeat(64) },
      encoders,
    }) as Manifest;
  const text = (name: string, revision: string, sha256?: string) => ({
    model: { name, revision, ...(sha256 && { sha256 }) },
  });

  it('classifies each encoder change like the model', () => {
    const base = m({ text: text('t', 'r1', 'a'.repeat(64)), audio: text('a', 'r1') });
    expect(
      encoderChanges(base, m({ text: text('t', 'r1', 'b'.repeat(64)), audio: text('a', 'r1') })),
    ).toEqual([expect.objectContaining({ level: 'minor', field: 'encoders.text.sha256' })]);
    expect(encoderChanges(base, m({ text: text('t', 'r1', 'a'.repeat(64)) }))).toEqual([
      expect.objectContaining({ level: 'major', field: 'encoders.audio', to: 'removed' }),
    ]);
    expect(encoderChanges(base, m({ ...base.encoders, image: text('i', 'r1') }))).toEqual([
      expect.objectContaining({
        level: 'minor',
        field: 'encoders.image',
        from: 'none',
        to: 'i@r1',
      }),
    ]);
    expect(encoderChanges(base, base)).toEqual([]);
    expect(
      classifyChange(base, m({ text: text('t2', 'r1'), audio: text('a', 'r1') })).required,
    ).toBe('major');
    expect(
      classifyChange(base, m({ text: text('t', 'r2'), audio: text('a', 'r1') })).required,
    ).toBe('minor');
  });
});
