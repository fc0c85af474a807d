/**
 * Writes the example release story in examples/ (deterministic: same bytes every run).
 *
 *   products-text 1.0.0  the version in production (NumPy .npy + ids sidecar)
 *   products-text 1.1.0  the candidate: same model retrained on a newer catalogue, 40 new
 *                        products (Arrow IPC file with an id column)
 *   three consumers:     search-index (active), recommender (active), fraud-classifier
 *                        (pending, waits for a 128-dimensional model: incompatible)
 *
 * Usage: npx tsx examples/generate.ts [out-dir]   (default: examples/)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/retrieval/stats.js';
import { arrowFloat32, npyFloat32 } from '../src/vectors/write.js';

const DIMS = 64;
const QUERIES = 300;
const BASE_ROWS = 2000;
const NEW_ROWS = 40;

function normalizeRows(values: Float32Array, dims: number): void {
  for (let r = 0; r < values.length / dims; r++) {
    let s = 0;
    for (let j = 0; j < dims; j++) s += values[r * dims + j]! ** 2;
    const inv = 1 / Math.sqrt(s);
    for (let j = 0; j < dims; j++) values[r * dims + j]! *= inv;
  }
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Writes every example file below `out`. */
export function generateExamples(out: string): void {
  const rng = new Rng(20240301);
  const gaussian = () => rng.normal();
  const ids = Array.from({ length: BASE_ROWS + NEW_ROWS }, (_, i) => `sku-${String(i + 1).padStart(5, '0')}`);

  // 1.0.0: unit vectors in a 64-dimensional space.
  const v1 = new Float32Array(BASE_ROWS * DIMS);
  for (let i = 0; i < v1.length; i++) v1[i] = gaussian();
  normalizeRows(v1, DIMS);

  // 1.1.0: the same space after a retrain (small drift), plus new products.
  const v2 = new Float32Array((BASE_ROWS + NEW_ROWS) * DIMS);
  for (let i = 0; i < v2.length; i++) v2[i] = i < v1.length ? v1[i]! + 0.015 * gaussian() : gaussian();
  normalizeRows(v2, DIMS);

  const write = (rel: string, data: string | Uint8Array) => {
    const path = join(out, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(
      path,
      typeof data === 'string' && rel.endsWith('.yaml') ? withSchemaLine(rel, data) : data,
    );
  };

  const v1Npy = npyFloat32(v1, BASE_ROWS, DIMS);
  const v1Ids = ids.slice(0, BASE_ROWS).join('\n') + '\n';
  write('releases/1.0.0/vectors.npy', v1Npy);
  write('releases/1.0.0/ids.txt', v1Ids);
  write(
    'releases/1.0.0/manifest.yaml',
    `# products-text 1.0.0: the version in production.
name: products-text
version: 1.0.0
tag: v1_model-minilm-l6-2024-03
model:
  name: all-MiniLM-L6-v2-distilled-64
  revision: "2024-03-01"
parameters:
  pooling: mean
  max_tokens: 256
vectors:
  path: vectors.npy
  ids: ids.txt
  sha256: ${sha256(v1Npy)}
dims: ${DIMS}
dtype: float32
normalization: l2
metric: cosine
created: 2024-03-04T09:30:00Z
inputs:
  dataset: product-catalogue-2024-03
  sha256: ${sha256('product-catalogue-2024-03:' + v1Ids)}
preprocessing:
  lowercase: true
  strip_html: true
`,
  );

  const v2Arrow = arrowFloat32(ids, v2, DIMS);
  write('releases/1.1.0/vectors.arrow', v2Arrow);
  write(
    'releases/1.1.0/manifest.yaml',
    `# products-text 1.1.0: retrained on the 2024-09 catalogue; same model, same space.
name: products-text
version: 1.1.0
tag: v1.1_model-minilm-l6-2024-09
model:
  name: all-MiniLM-L6-v2-distilled-64
  revision: "2024-09-15"
parameters:
  pooling: mean
  max_tokens: 256
vectors:
  path: vectors.arrow
  id_column: id
  vector_column: embedding
  sha256: ${sha256(v2Arrow)}
dims: ${DIMS}
dtype: float32
normalization: l2
metric: cosine
created: 2024-09-20T14:00:00Z
inputs:
  dataset: product-catalogue-2024-09
  sha256: ${sha256('product-catalogue-2024-09:' + ids.join('\n'))}
preprocessing:
  lowercase: true
  strip_html: true
parent: 1.0.0
suites:
  - path: ../../suites/product-search.yaml
`,
  );

  writeSuite(write, rng, ids, v1, v2);

  write(
    'contracts/search-index.yaml',
    `# The product search index: cosine ANN over unit vectors.
consumer: search-index
owner: "@shop/search"
embedding: products-text
accepts: ^1.0.0
status: active
requires:
  dims: 64
  dtype: float32
  normalization: l2
  norm_tolerance: 0.001
  metric: cosine
quality:
  - suite: product-search
    metric: ndcg@10
    min: 0.5
    max_drop: 0.02
  - suite: product-search
    metric: recall@100
    min: 0.8
`,
  );
  write(
    'contracts/recommender.yaml',
    `# Similar-item recommendations: dot product, which equals cosine on unit vectors.
consumer: recommender
owner: "@shop/recs"
embedding: products-text
accepts: ">=1.0.0 <2.0.0"
requires:
  dims: 64
  dtype: [float32, float16]
  normalization: l2
  metric: dot
`,
  );
  write(
    'contracts/fraud-classifier.yaml',
    `# The fraud classifier is being retrained for the coming 128-dimensional model.
# Pending: it is reported, but does not block promotion.
consumer: fraud-classifier
owner: "@shop/risk"
embedding: products-text
accepts: ^1.0.0
status: pending
requires:
  dims: 128
  dtype: float32
  metric: cosine
`,
  );
}

/**
 * The product-search suite: each query is a noisy view of one product (relevance 2), whose
 * two nearest products in the 1.0.0 space are also relevant (1). Each version embeds the
 * same queries in its own space.
 */
function writeSuite(
  write: (rel: string, data: string | Uint8Array) => void,
  rng: Rng,
  ids: readonly string[],
  v1: Float32Array,
  v2: Float32Array,
): void {
  const qids = Array.from({ length: QUERIES }, (_, i) => `q-${String(i + 1).padStart(3, '0')}`);
  const targets = qids.map(() => Math.floor(rng.float() * BASE_ROWS));
  const noise = qids.map(() => Array.from({ length: DIMS }, () => 0.12 * rng.normal()));
  const embed = (space: Float32Array) => {
    const out = new Float32Array(QUERIES * DIMS);
    targets.forEach((t, q) => {
      for (let j = 0; j < DIMS; j++) out[q * DIMS + j] = space[t * DIMS + j]! + noise[q]![j]!;
    });
    normalizeRows(out, DIMS);
    return out;
  };
  const lines = ['query-id\tcorpus-id\tscore'];
  targets.forEach((t, q) => {
    const sims: [number, number][] = [];
    for (let d = 0; d < BASE_ROWS; d++) {
      if (d === t) continue;
      let dot = 0;
      for (let j = 0; j < DIMS; j++) dot += v1[t * DIMS + j]! * v1[d * DIMS + j]!;
      sims.push([dot, d]);
    }
    sims.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    lines.push(`${qids[q]}\t${ids[t]}\t2`);
    for (const [, d] of sims.slice(0, 2)) lines.push(`${qids[q]}\t${ids[d]}\t1`);
  });
  write('suites/qrels/product-search.tsv', lines.join('\n') + '\n');
  write('suites/queries/1.0.0.arrow', arrowFloat32(qids, embed(v1), DIMS));
  write('suites/queries/1.1.0.arrow', arrowFloat32(qids, embed(v2), DIMS));
  write(
    'suites/product-search.yaml',
    `# Product search: ${QUERIES} queries with graded judgments (the product 2, its two nearest products 1).
suite: product-search
qrels: qrels/product-search.tsv
k: 100
versions:
  "1.0.0":
    queries: { path: queries/1.0.0.arrow }
  "1.1.0":
    queries: { path: queries/1.1.0.arrow }
`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? dirname(fileURLToPath(import.meta.url)));
  generateExamples(out);
  console.log(`wrote the example release story to ${out}`);
}

/**
 * The first line of an example YAML file names its JSON Schema for editors (the YAML
 * language server of VS Code and others) by a path relative to the file — examples/ sits
 * beside contracts/ in this repository, so no URL is needed and none is invented. The
 * file's description follows on the same line (the server reads `$schema=` up to the first
 * space), so every line number the README and the tests cite stays where it was.
 */
function withSchemaLine(rel: string, text: string): string {
  const kind = rel.startsWith('contracts/') ? 'contract' : rel.startsWith('suites/') ? 'suite' : 'manifest';
  const line = `# yaml-language-server: $schema=${'../'.repeat(rel.split('/').length)}contracts/${kind}.schema.json`;
  return text.startsWith('# ') ? `${line} — ${text.slice(2)}` : `${line}\n${text}`;
}
