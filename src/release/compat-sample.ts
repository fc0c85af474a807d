/**
 * The sample the compatibility measures run on: ids present in both versions, chosen by a
 * seeded hash (bottom-k: the `size` shared ids with the smallest hash), then read from
 * each vectors file in one streaming pass that keeps only the sampled rows.
 *
 * Why a hash rather than a shuffled list: the choice depends only on the seed and the ids,
 * not on file order or on how the ids were collected, needs no sort of all ids, and the
 * same id is chosen in both files by construction.
 */
import { float16Table } from '../vectors/float16.js';
import type { VectorBatch, VectorSource } from '../vectors/types.js';

/**
 * A 53-bit hash of `id` under `seed` (two 32-bit murmur3-style lanes over UTF-16 code
 * units). Deterministic across runs and platforms.
 */
export function seededHash(id: string, seed: number): number {
  let h1 = (seed ^ 0x9e3779b9) >>> 0;
  let h2 = (Math.imul(seed, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0xcc9e2d51);
    h1 = ((h1 << 15) | (h1 >>> 17)) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x1b873593);
    h2 = ((h2 << 13) | (h2 >>> 19)) >>> 0;
  }
  h1 = fmix(h1 ^ id.length);
  h2 = fmix(h2 ^ h1);
  return (h1 >>> 0) * 2 ** 21 + (h2 >>> 11);
}

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The `size` keys with the smallest seeded hash (ties by key), in that order. Memory is
 * O(size) whatever the number of keys: a bounded max-heap.
 */
export function bottomK(keys: Iterable<string>, size: number, seed: number): string[] {
  const heap: { key: string; h: number }[] = [];
  const above = (a: { key: string; h: number }, b: { key: string; h: number }) =>
    a.h > b.h || (a.h === b.h && a.key > b.key);
  for (const key of keys) {
    const item = { key, h: seededHash(key, seed) };
    if (heap.length < size) {
      heap.push(item);
      for (let c = heap.length - 1; c > 0;) {
        const p = (c - 1) >> 1;
        if (!above(heap[c]!, heap[p]!)) break;
        [heap[c], heap[p]] = [heap[p]!, heap[c]!];
        c = p;
      }
    } else if (size > 0 && above(heap[0]!, item)) {
      heap[0] = item;
      for (let p = 0; ;) {
        const l = 2 * p + 1;
        const r = l + 1;
        let top = p;
        if (l < heap.length && above(heap[l]!, heap[top]!)) top = l;
        if (r < heap.length && above(heap[r]!, heap[top]!)) top = r;
        if (top === p) break;
        [heap[top], heap[p]] = [heap[p]!, heap[top]!];
        p = top;
      }
    }
  }
  return heap.sort((a, b) => (above(a, b) ? 1 : -1)).map((e) => e.key);
}

/** How rows of the two versions are matched: by id, or by row number when a file has no ids. */
export type MatchBy = 'id' | 'row';

/** The keys present in both versions, without materialising the intersection. */
export function* sharedKeys(
  baseline: { readonly ids?: ReadonlySet<string>; readonly rows: number },
  candidate: { readonly ids?: ReadonlySet<string>; readonly rows: number },
  by: MatchBy,
): Generator<string> {
  if (by === 'row') {
    const n = Math.min(baseline.rows, candidate.rows);
    for (let r = 0; r < n; r++) yield String(r);
    return;
  }
  const [small, large] =
    baseline.ids!.size <= candidate.ids!.size
      ? [baseline.ids!, candidate.ids!]
      : [candidate.ids!, baseline.ids!];
  for (const id of small) if (large.has(id)) yield id;
}

/**
 * Streams `source` once and copies the rows whose key is in `wanted` (key → sample row)
 * into a `wanted.size × dims` float32 matrix, decoding every dtype: float16 through its
 * table, int8/uint8 as raw integers (cosine and CKA do not care about a common scale),
 * binary bits as ±1 (most-significant bit first, as the reader packs them). A key seen
 * twice keeps its first row. Returns the matrix and how many wanted keys were found.
 */
export async function readSampledRows(
  source: VectorSource,
  wanted: ReadonlyMap<string, number>,
  by: MatchBy,
): Promise<{ values: Float32Array; dims: number; found: number }> {
  const dims = source.info.dims;
  const values = new Float32Array(wanted.size * dims);
  const seen = new Uint8Array(wanted.size);
  let found = 0;
  for await (const batch of source.batches()) {
    for (let r = 0; r < batch.rows; r++) {
      const key = by === 'id' && batch.ids ? batch.ids[r]! : String(batch.rowOffset + r);
      const at = wanted.get(key);
      if (at === undefined || seen[at]) continue;
      seen[at] = 1;
      found++;
      decodeRow(batch, r, values, at * dims);
    }
    if (found === wanted.size) break;
  }
  return { values, dims, found };
}

/** Writes row `r` of `batch` as float32 values into `out[offset..]`. */
export function decodeRow(batch: VectorBatch, r: number, out: Float32Array, offset: number): void {
  const d = batch.dims;
  switch (batch.dtype) {
    case 'float16': {
      const table = float16Table();
      const v = batch.values as Uint16Array;
      for (let t = 0; t < d; t++) out[offset + t] = table[v[r * d + t]!]!;
      return;
    }
    case 'binary': {
      const bytes = batch.values as Uint8Array;
      const rowBytes = Math.ceil(d / 8);
      for (let t = 0; t < d; t++) {
        const bit = (bytes[r * rowBytes + (t >> 3)]! >> (7 - (t & 7))) & 1;
        out[offset + t] = bit ? 1 : -1;
      }
      return;
    }
    default: {
      const v = batch.values as Float32Array | Float64Array | Int8Array | Uint8Array;
      for (let t = 0; t < d; t++) out[offset + t] = v[r * d + t]!;
    }
  }
}
