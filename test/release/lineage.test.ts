import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseSourceText } from '../../src/config/document.js';
import { validateDocument } from '../../src/config/schema.js';
import { checkLineage, parsePointer, readPointers } from '../../src/release/lineage.js';
import type { LoadedManifest, Manifest } from '../../src/config/manifest.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'test/fixtures/release/lineage');
const hashes = JSON.parse(readFileSync(join(DIR, 'hashes.json'), 'utf8')) as {
  catalogue: { md5: string; sha256: string; size: number };
  images: { md5: string };
  checkpoint: { sha256: string; size: number };
};

/** A manifest placed in the fixtures folder, with the given model and inputs blocks. */
function manifest(model: string, inputs: string): LoadedManifest {
  const text = `name: products-text
version: 1.2.0
tag: t
model:
${model}
vectors: { path: vectors.npy }
dims: 64
dtype: float32
normalization: l2
metric: cosine
created: 2024-09-20
inputs:
${inputs}
`;
  const doc = parseSourceText('lineage/manifest.yaml', text, join(DIR, 'manifest.yaml'));
  const findings = validateDocument('manifest', doc);
  expect(findings).toEqual([]);
  return { doc, manifest: doc.data as Manifest, findings };
}

const MODEL_OK = `  name: minilm\n  revision: r1\n  sha256: ${hashes.checkpoint.sha256}\n  size: ${hashes.checkpoint.size}\n  pointer: model/model.safetensors`;
const INPUTS_OK = `  dataset: catalogue-2024-09\n  sha256: ${hashes.catalogue.sha256}\n  md5: ${hashes.catalogue.md5}\n  size: ${hashes.catalogue.size}\n  pointer: data/catalogue.csv.dvc`;

describe('the fixture pointers are real', () => {
  it('hash the files they stand for', () => {
    const digest = (alg: string, file: string) =>
      createHash(alg)
        .update(readFileSync(join(DIR, file)))
        .digest('hex');
    expect(digest('md5', 'data/catalogue.csv')).toBe(hashes.catalogue.md5);
    expect(digest('sha256', 'data/catalogue.csv')).toBe(hashes.catalogue.sha256);
    expect(digest('sha256', 'checkpoint-bytes/model.safetensors')).toBe(hashes.checkpoint.sha256);
    expect(
      parsePointer('p', readFileSync(join(DIR, 'model/model.safetensors'), 'utf8')),
    ).toMatchObject({ kind: 'git-lfs', sha256: hashes.checkpoint.sha256, size: 4096 });
    expect(
      parsePointer(
        'data/catalogue.csv.dvc',
        readFileSync(join(DIR, 'data/catalogue.csv.dvc'), 'utf8'),
      ),
    ).toMatchObject({
      kind: 'dvc',
      path: 'catalogue.csv',
      md5: hashes.catalogue.md5,
      size: hashes.catalogue.size,
    });
  });
});

/** The plan reads the pointers (exit 2 when one cannot be read), then the check is pure. */
async function lineageOf(loaded: LoadedManifest) {
  return checkLineage(loaded, await readPointers(loaded, ROOT, ROOT));
}

describe('checkLineage', () => {
  it('verifies a Git LFS model pointer (sha256, size) and a DVC dataset pointer (md5, size)', async () => {
    const { checks, findings } = await lineageOf(manifest(MODEL_OK, INPUTS_OK));
    expect(findings).toEqual([]);
    expect(checks).toEqual([
      {
        subject: 'model',
        pointer: 'test/fixtures/release/lineage/model/model.safetensors',
        kind: 'git-lfs',
        compared: [
          {
            field: 'sha256',
            manifest: hashes.checkpoint.sha256,
            pointer: hashes.checkpoint.sha256,
            ok: true,
          },
          { field: 'size', manifest: '4096', pointer: '4096', ok: true },
        ],
        verified: true,
      },
      {
        subject: 'inputs',
        pointer: 'test/fixtures/release/lineage/data/catalogue.csv.dvc',
        kind: 'dvc',
        tracks: 'catalogue.csv',
        compared: [
          { field: 'md5', manifest: hashes.catalogue.md5, pointer: hashes.catalogue.md5, ok: true },
          {
            field: 'size',
            manifest: String(hashes.catalogue.size),
            pointer: String(hashes.catalogue.size),
            ok: true,
          },
        ],
        verified: true,
      },
    ]);
  });

  it('blocks a manifest that claims one dataset while the pointer tracks another', async () => {
    // The manifest says v1.2-images, with the catalogue's md5; the pointer records the image directory.
    const inputs = `  dataset: v1.2-images\n  sha256: ${hashes.catalogue.sha256}\n  md5: ${hashes.catalogue.md5}\n  pointer: data/images-v1.2.dvc`;
    const { checks, findings } = await lineageOf(manifest(MODEL_OK, inputs));
    expect(checks[1]!.verified).toBe(false);
    expect(findings).toEqual([
      {
        id: 'lineage.mismatch',
        severity: 'error',
        message:
          `inputs: the manifest records dataset v1.2-images with md5 ${hashes.catalogue.md5}, but the DVC file ` +
          `test/fixtures/release/lineage/data/images-v1.2.dvc:2 records md5 ${hashes.images.md5} for images-v1.2 ` +
          '(DVC records a directory as its md5 followed by .dir); the manifest does not describe what the pointer tracks',
        location: expect.objectContaining({
          file: 'lineage/manifest.yaml',
          line: 19,
          column: 8,
          path: '/inputs/md5',
        }),
        expected: hashes.images.md5,
        found: hashes.catalogue.md5,
      },
    ]);
  });

  it('blocks a checkpoint whose sha256 or size differs from its Git LFS pointer', async () => {
    const model = `  name: minilm\n  revision: r1\n  sha256: ${'f'.repeat(64)}\n  size: 4000\n  pointer: model/model.safetensors`;
    const { findings } = await lineageOf(manifest(model, INPUTS_OK));
    expect(findings.map((f) => [f.id, f.location?.path])).toEqual([
      ['lineage.mismatch', '/model/sha256'],
      ['lineage.mismatch', '/model/size'],
    ]);
    expect(findings[0]!.message).toContain(
      `Git LFS pointer test/fixtures/release/lineage/model/model.safetensors:2 records sha256 ${hashes.checkpoint.sha256}`,
    );
  });

  it('warns when the manifest records nothing comparable with a DVC pointer (an md5)', async () => {
    const inputs = `  dataset: catalogue-2024-09\n  sha256: ${hashes.catalogue.sha256}\n  pointer: data/catalogue.csv.dvc`;
    const { checks, findings } = await lineageOf(manifest(MODEL_OK, inputs));
    expect(findings).toMatchObject([
      {
        id: 'lineage.unverifiable',
        severity: 'warning',
        message: expect.stringContaining('records md5'),
      },
    ]);
    expect(checks[1]).toMatchObject({ verified: false, compared: [] });
  });

  it('refuses a missing pointer (exit 2), reports a file that is no pointer', async () => {
    const missing = `  dataset: d\n  sha256: ${hashes.catalogue.sha256}\n  pointer: data/nothing.dvc`;
    const notPointer = `  dataset: d\n  sha256: ${hashes.catalogue.sha256}\n  pointer: data/catalogue.csv`;
    // A pointer file that cannot be read is a configuration error, raised before any vector is read.
    await expect(lineageOf(manifest(MODEL_OK, missing))).rejects.toThrow(
      /inputs\.pointer \S*data\/nothing\.dvc: cannot read: no such file/,
    );
    const b = await lineageOf(manifest(MODEL_OK, notPointer));
    expect(b.findings).toMatchObject([
      { id: 'lineage.pointer', message: expect.stringContaining('neither a Git LFS pointer') },
    ]);
  });

  it('refuses a pointer outside the workspace', async () => {
    const outside = `  dataset: d\n  sha256: ${hashes.catalogue.sha256}\n  pointer: ../../../../../etc/passwd`;
    await expect(lineageOf(manifest(MODEL_OK, outside))).rejects.toThrow(ConfigError);
  });

  it('parses DVC files with several outputs by the name the .dvc file carries', () => {
    const text =
      'outs:\n- md5: ' +
      'a'.repeat(32) +
      '\n  path: other.csv\n- md5: ' +
      'b'.repeat(32) +
      '\n  path: data.xml\n  size: 3\n';
    expect(parsePointer('x/data.xml.dvc', text)).toMatchObject({
      path: 'data.xml',
      md5: 'b'.repeat(32),
      at: { md5: { line: 4 } },
    });
    expect(() => parsePointer('x/y.dvc', text)).toThrow('has 2 outputs and none is named y');
    expect(parsePointer('x/e.dvc', 'outs:\n- etag: "abc"\n  path: e\n').unverifiable).toBe(
      'the DVC output records an etag, not an md5',
    );
  });
});
