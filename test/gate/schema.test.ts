import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseSourceText } from '../../src/config/document.js';
import { validateDocument } from '../../src/config/schema.js';

const MANIFEST = `name: products-text
version: 1.1.0
tag: v1.1_model-minilm-2024-09
model:
  name: minilm
  revision: "2024-09-15"
vectors:
  path: vectors.arrow
dims: 64
dtype: float32
normalization: l2
metric: cosine
created: 2024-09-20T14:00:00Z
inputs:
  dataset: catalogue-2024-09
  sha256: ${'a'.repeat(64)}
`;

const CONTRACT = `consumer: search-index
owner: "@shop/search"
embedding: products-text
accepts: ^1.0.0
requires:
  dims: 64
  dtype: [float32, float16]
`;

function messages(
  kind: 'manifest' | 'contract' | 'suite',
  text: string,
  file = 'm.yaml',
): string[] {
  const doc = parseSourceText(file, text);
  return validateDocument(kind, doc).map(
    (f) => `${f.location?.line}:${f.location?.column} ${f.message}`,
  );
}

describe('manifest schema', () => {
  it('accepts a complete manifest', () => {
    expect(messages('manifest', MANIFEST)).toEqual([]);
  });

  it('names the line and column of a wrong field, with expected and found', () => {
    expect(messages('manifest', MANIFEST.replace('dims: 64', 'dims: -4'))).toEqual([
      '9:7 dims: expected a number ≥ 1, found -4',
    ]);
    expect(messages('manifest', MANIFEST.replace('dims: 64', 'dims: 10000000'))).toEqual([
      '9:7 dims: expected a number ≤ 65536, found 10000000',
    ]);
    expect(messages('manifest', MANIFEST.replace('dims: 64', 'dims: "64"'))).toEqual([
      '9:7 dims: expected an integer, found "64"',
    ]);
  });

  it('points an unknown key at the key itself and suggests the close one', () => {
    expect(messages('manifest', MANIFEST.replace('metric: cosine', 'metirc: cosine'))).toEqual([
      '1:1 (top level): missing required field "metric"',
      '12:1 metirc: unknown field "metirc" (did you mean "metric"?)',
    ]);
  });

  it('explains semver, enum, date and sha256 expectations', () => {
    const bad = MANIFEST.replace('version: 1.1.0', 'version: v1.1')
      .replace('dtype: float32', 'dtype: float8')
      .replace('created: 2024-09-20T14:00:00Z', 'created: yesterday')
      .replace('a'.repeat(64), 'xyz');
    expect(messages('manifest', bad)).toEqual([
      '2:10 version: expected a semantic version such as 2.1.0, found "v1.1"',
      '10:8 dtype: expected one of float32, float16, float64, int8, uint8, binary, found "float8"',
      '13:10 created: expected an RFC 3339 date-time such as 2026-11-02T10:00:00Z or an RFC 3339 date such as 2026-11-02, found "yesterday"',
      '16:11 inputs.sha256: expected a sha256 digest (64 lowercase hex characters), found "xyz"',
    ]);
  });

  it('locates a missing nested field at its parent', () => {
    expect(messages('manifest', MANIFEST.replace('  revision: "2024-09-15"\n', ''))).toEqual([
      '5:3 model: missing required field "revision"',
    ]);
  });
});

describe('contract schema', () => {
  it('accepts a dtype list and rejects a bad member precisely', () => {
    expect(messages('contract', CONTRACT)).toEqual([]);
    expect(
      messages('contract', CONTRACT.replace('[float32, float16]', '[float32, bfloat16]')),
    ).toEqual([
      '7:20 requires.dtype.1: expected one of float32, float16, float64, int8, uint8, binary, found "bfloat16"',
    ]);
  });

  it('rejects an invalid semver range', () => {
    expect(messages('contract', CONTRACT.replace('^1.0.0', 'one-dot-oh'))).toEqual([
      '4:10 accepts: expected a semver range such as ^2.0.0 or ">=1.4.0 <3.0.0", found "one-dot-oh"',
    ]);
  });
});

describe('suite schema', () => {
  const SUITE = `suite: s
qrels: q.tsv
versions:
  "1.0.0":
    queries: { pth: q.arrow }
`;
  it('suggests the right key inside a $ref-ed definition', () => {
    expect(messages('suite', SUITE)).toEqual([
      '5:14 versions.1.0.0.queries: missing required field "path"',
      '5:16 versions.1.0.0.queries.pth: unknown field "pth" (did you mean "path"?)',
    ]);
  });
});

describe('document parsing', () => {
  it('reports YAML syntax errors with line and column', () => {
    expect(() => parseSourceText('c.yaml', 'consumer: a\nrequires: [dims\n')).toThrow(ConfigError);
    try {
      parseSourceText('c.yaml', 'a: 1\na: 2\n');
    } catch (err) {
      expect((err as Error).message).toBe('c.yaml:2:1: duplicate key: each field may appear once');
    }
  });

  it('is strict about JSON files', () => {
    expect(() => parseSourceText('c.json', '{"consumer": "a",}')).toThrow(
      /^c\.json:1:18: invalid JSON: /,
    );
  });

  it('rejects an empty file', () => {
    expect(() => parseSourceText('c.yaml', '# only a comment\n')).toThrow(
      'c.yaml:1:1: the file is empty; expected a mapping of fields',
    );
  });
});

describe('the validator never throws', () => {
  it('for any JSON value as a manifest or contract', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom('manifest' as const, 'contract' as const),
        (value, kind) => {
          const doc = parseSourceText('x.json', JSON.stringify(value ?? 0));
          const findings = validateDocument(kind, doc);
          for (const f of findings) {
            expect(f.message).not.toMatch(/undefined|\[object/);
            expect(f.location?.line).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for objects shaped almost like a manifest', () => {
    const manifestLike = fc.record(
      {
        name: fc.oneof(fc.string(), fc.integer()),
        version: fc.oneof(fc.constantFrom('1.0.0', '2.0.0-rc.1', 'x'), fc.string()),
        dims: fc.oneof(fc.integer({ min: -10, max: 100000 }), fc.double(), fc.string()),
        dtype: fc.oneof(fc.constantFrom('float32', 'int8', 'binary'), fc.string()),
        model: fc.oneof(fc.record({ name: fc.string(), revision: fc.string() }), fc.string()),
        vectors: fc.dictionary(fc.constantFrom('path', 'format', 'ids', 'bogus'), fc.jsonValue()),
        requires: fc.dictionary(fc.string(), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        manifestLike,
        fc.constantFrom('manifest' as const, 'contract' as const),
        (value, kind) => {
          const text = JSON.stringify(value);
          expect(() => validateDocument(kind, parseSourceText('x.json', text))).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
