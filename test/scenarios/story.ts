/**
 * A small release story built from the real vectors (test/fixtures/real/fiori-minilm) in a
 * temp dir: 1.0.0 in production, a consumer contract, a 20-query suite whose qrels are the
 * real neighbours, and a candidate 1.0.1 declared as a patch re-run whose vectors each
 * scenario writes. The right answer of every scenario is known by construction.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { float32ToFloat16Bits } from '../../src/vectors/float16.js';
import { arrowFloat32, npyFloat32 } from '../../src/vectors/write.js';
import { realNoise, realSet, type RealSet } from '../release/real.js';
import { runAt } from '../release/scenario.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The queries: 20 rows of the set (every 37th), each perturbed by noise 0.3 as a user's query would be. */
const QUERY_ROWS = Array.from({ length: 20 }, (_, i) => i * 37 + 5);

function manifest(version: string, sha256: string, extra = ''): string {
  return `name: fiori-docs
version: ${version}
tag: fiori-docs-v${version}
model:
  name: all-MiniLM-L6-v2
  revision: "xenova-2024"
vectors:
  path: vectors.npy
  ids: ids.txt
  sha256: ${sha256}
dims: 384
dtype: float32
normalization: l2
metric: cosine
created: 2026-01-10T09:00:00Z
inputs:
  dataset: fiori-docs-2026-01
  sha256: 379f1c1d91bd5e3ff27aadbf8bc093636ee1b5236a61a491d751dada5c0c3c53
preprocessing:
  chunk_size: 2000
${extra}suites:
  - path: ../../suites/docs-search.yaml
`;
}

/** The query vectors of `space` (a function of the corpus rows' vectors, so a rotated space rotates its queries too). */
export function queriesOf(values: Float32Array, dims: number): Float32Array {
  const picked = new Float32Array(QUERY_ROWS.length * dims);
  QUERY_ROWS.forEach((r, i) => picked.set(values.subarray(r * dims, (r + 1) * dims), i * dims));
  return realNoise(picked, dims, 0.3, 77);
}

/** A float16 `.npy` of the values (what a silent dtype change writes). */
export function npyFloat16(values: Float32Array, rows: number, dims: number): Uint8Array {
  const f32 = npyFloat32(values, rows, dims);
  let header = `{'descr': '<f2', 'fortran_order': False, 'shape': (${rows}, ${dims}), }`;
  header += ' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + values.length * 2);
  out.set(f32.subarray(0, 8));
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  const bits = new Uint16Array(values.length);
  values.forEach((v, i) => (bits[i] = float32ToFloat16Bits(v)));
  out.set(new Uint8Array(bits.buffer), 10 + header.length);
  return out;
}

export interface Story {
  readonly dir: string;
  readonly base: RealSet;
}

/** Writes 1.0.0, the contract and the suite (with 1.0.0's queries) into a new temp dir. */
export function writeStory(): Story {
  const base = realSet();
  const dir = mkdtempSync(join(tmpdir(), 'eg-real-'));
  const d = base.dims;
  const rel = join(dir, 'releases', '1.0.0');
  mkdirSync(rel, { recursive: true });
  const vectors = npyFloat32(base.values, base.rows, d);
  writeFileSync(join(rel, 'vectors.npy'), vectors);
  writeFileSync(join(rel, 'ids.txt'), base.ids.join('\n') + '\n');
  writeFileSync(join(rel, 'manifest.yaml'), manifest('1.0.0', sha(vectors)));
  mkdirSync(join(dir, 'contracts'));
  writeFileSync(
    join(dir, 'contracts', 'docs-search.yaml'),
    `consumer: docs-search
owner: "@fiori/search"
embedding: fiori-docs
accepts: ^1.0.0
status: active
requires:
  dims: 384
  dtype: float32
  normalization: l2
  norm_tolerance: 0.001
  metric: cosine
quality:
  - suite: docs-search
    metric: ndcg@10
    max_drop: 0.05
`,
  );
  // qrels: the query's own document (2) and its two nearest other documents (1), in 1.0.0's space.
  mkdirSync(join(dir, 'suites', 'queries'), { recursive: true });
  const lines = ['query-id\tcorpus-id\tscore'];
  for (const [qi, r] of QUERY_ROWS.entries()) {
    const sims = base.ids.map((_, j) => {
      let s = 0;
      for (let t = 0; t < d; t++) s += base.values[r * d + t]! * base.values[j * d + t]!;
      return { j, s };
    });
    sims.sort((a, b) => b.s - a.s || a.j - b.j);
    const q = `q-${String(qi).padStart(2, '0')}`;
    lines.push(`${q}\t${base.ids[r]}\t2`);
    for (const { j } of sims.filter((x) => x.j !== r).slice(0, 2))
      lines.push(`${q}\t${base.ids[j]}\t1`);
  }
  writeFileSync(join(dir, 'suites', 'qrels.tsv'), lines.join('\n') + '\n');
  writeQueries(dir, '1.0.0', queriesOf(base.values, d), d);
  writeFileSync(
    join(dir, 'suites', 'docs-search.yaml'),
    `suite: docs-search
qrels: qrels.tsv
k: 10
versions:
  "1.0.0":
    queries: { path: queries/1.0.0.arrow }
  "1.0.1":
    queries: { path: queries/1.0.1.arrow }
`,
  );
  return { dir, base };
}

function writeQueries(dir: string, version: string, values: Float32Array, dims: number): void {
  const ids = QUERY_ROWS.map((_, i) => `q-${String(i).padStart(2, '0')}`);
  writeFileSync(
    join(dir, 'suites', 'queries', `${version}.arrow`),
    arrowFloat32(ids, values, dims),
  );
}

/** What a scenario writes as candidate 1.0.1. */
export interface Candidate {
  /** The vectors file's bytes (default: float32 `.npy` of `values`). */
  readonly values: Float32Array;
  readonly ids?: readonly string[];
  readonly bytes?: Uint8Array;
  /** The bytes the manifest's sha256 is of (default: the file's). */
  readonly declaredBytes?: Uint8Array;
  /** The candidate's query vectors (default: computed from `values` as 1.0.0's were). */
  readonly queries?: Float32Array;
  /** More `check` arguments (e.g. a smaller `--sample-size` for the many noise re-runs). */
  readonly args?: readonly string[];
}

/** Writes candidate 1.0.1 and runs `check` on it against 1.0.0 with the contracts. */
export async function checkCandidate(story: Story, c: Candidate) {
  const { dir, base } = story;
  const d = base.dims;
  const ids = c.ids ?? base.ids;
  const rel = join(dir, 'releases', '1.0.1');
  mkdirSync(rel, { recursive: true });
  const bytes = c.bytes ?? npyFloat32(c.values, ids.length, d);
  writeFileSync(join(rel, 'vectors.npy'), bytes);
  writeFileSync(join(rel, 'ids.txt'), ids.join('\n') + '\n');
  writeFileSync(
    join(rel, 'manifest.yaml'),
    manifest('1.0.1', sha(c.declaredBytes ?? bytes), 'parent: 1.0.0\n'),
  );
  writeQueries(dir, '1.0.1', c.queries ?? queriesOf(c.ids ? base.values : c.values, d), d);
  const r = await runAt(
    [
      'check',
      '--candidate',
      'releases/1.0.1/manifest.yaml',
      '--baseline',
      'releases/1.0.0/manifest.yaml',
      '--contracts',
      'contracts',
      '--format',
      'json',
      ...(c.args ?? []),
    ],
    dir,
  );
  let report: { findings: { id: string; severity: string; message: string }[] } | undefined;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    report = undefined;
  }
  return { ...r, report };
}
