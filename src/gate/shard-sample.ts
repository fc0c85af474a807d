/**
 * The compatibility sample over shards: the global bottom-n of the shared keys by seeded hash
 * (release/compat-sample.ts), read from the shards' rows instead of from both files whole on
 * the merge job.
 *
 * A shard cannot know which keys both versions share, so it keeps, of each file's slice, the
 * `keep` distinct keys with the smallest (hash, key) — each with its first row, decoded as the
 * single read decodes it — and its cutoff: the largest (hash, key) kept when the slice had
 * more keys (absent: every key of the slice is kept). Candidates merge exactly: the union,
 * the first row of each key, and the smaller cutoff, trimmed to it — so the merge is
 * associative and order-independent, and "every key of the merged slices up to the cutoff is
 * present, with its first row" holds for any grouping. The merge job picks the sample from
 * the merged ids as the single run does; when the sample's largest key lies within the
 * cutoff, its rows come from the candidates, bit for bit the rows one read finds. Otherwise
 * (few shared keys, another matching rule) the sample is read whole, the single run's way.
 */
import type { MatchBy } from '../release/compat-sample.js';
import { decodeRow, seededHash } from '../release/compat-sample.js';
import type { SampleReader } from '../release/compat.js';
import type { VectorBatch, VectorFileInfo } from '../vectors/types.js';

/** A key's rank: smaller hash first, then the key. */
export interface Rank {
  readonly h: number;
  readonly key: string;
}

/** One shard's (or several merged shards') sample candidates of one file. JSON-safe. */
export interface SampleCandidates {
  readonly by: MatchBy;
  readonly seed: number;
  readonly dims: number;
  /** Every key ranked at or below it is present; absent: every key of the slices is. */
  readonly cutoff?: Rank;
  /** Sorted by rank; each key's first row in the file, its values as base64 float32. */
  readonly rows: readonly SampleRow[];
}

export interface SampleRow {
  readonly key: string;
  readonly h: number;
  readonly row: number;
  readonly values: string;
}

const above = (a: Rank, b: Rank) => a.h > b.h || (a.h === b.h && a.key > b.key);
const atOrBelow = (a: Rank, cutoff: Rank | undefined) => !cutoff || !above(a, cutoff);

/** Candidates a shard of `count` keeps for a sample of `size`: about twice its share, plus a margin. */
export function keepFor(size: number, count: number): number {
  return Math.ceil((2 * size) / count) + 64;
}

interface Entry extends Rank {
  row: number;
  values: Float32Array;
}

/**
 * Collects one slice's candidates from its batches as the scan streams them: a bounded
 * max-heap of distinct keys (a key seen again keeps its first row).
 */
export class SliceSampler {
  private readonly heap: Entry[] = [];
  private readonly members = new Map<string, Entry>();
  private by: MatchBy = 'row';
  private dims = 0;
  private overflowed = false;

  constructor(
    private readonly seed: number,
    private readonly keep: number,
    private readonly collectIds: boolean,
  ) {}

  /** The file's header: ids match by id when the run collects them and the file has them. */
  start(info: VectorFileInfo): void {
    this.by = this.collectIds && info.hasIds ? 'id' : 'row';
    this.dims = info.dims;
  }

  /** One batch of the slice; `globalRow` maps a slice row to the file's. */
  add(batch: VectorBatch, globalRow: (local: number) => number): void {
    for (let r = 0; r < batch.rows; r++) {
      const row = globalRow(batch.rowOffset + r);
      const key = this.by === 'id' && batch.ids ? batch.ids[r]! : String(row);
      if (this.members.has(key)) continue;
      const rank = { h: seededHash(key, this.seed), key };
      const heap = this.heap;
      if (heap.length >= this.keep) {
        this.overflowed = true;
        if (this.keep === 0 || !above(heap[0]!, rank)) continue;
      }
      const values = new Float32Array(this.dims);
      decodeRow(batch, r, values, 0);
      const entry: Entry = { ...rank, row, values };
      this.members.set(key, entry);
      if (heap.length < this.keep) {
        heap.push(entry);
        siftUp(heap, heap.length - 1);
      } else {
        this.members.delete(heap[0]!.key);
        heap[0] = entry;
        siftDown(heap, 0);
      }
    }
  }

  /** The candidates, sorted by rank. */
  result(): SampleCandidates {
    const sorted = [...this.heap].sort((a, b) => (above(a, b) ? 1 : -1));
    const last = sorted[sorted.length - 1];
    return {
      by: this.by,
      seed: this.seed,
      dims: this.dims,
      ...(this.overflowed && { cutoff: last ? { h: last.h, key: last.key } : { h: -1, key: '' } }),
      rows: sorted.map((e) => ({ key: e.key, h: e.h, row: e.row, values: base64Of(e.values) })),
    };
  }
}

function siftUp(heap: Entry[], c: number): void {
  while (c > 0) {
    const p = (c - 1) >> 1;
    if (!above(heap[c]!, heap[p]!)) return;
    [heap[c], heap[p]] = [heap[p]!, heap[c]!];
    c = p;
  }
}

function siftDown(heap: Entry[], p: number): void {
  for (;;) {
    const l = 2 * p + 1;
    const r = l + 1;
    let top = p;
    if (l < heap.length && above(heap[l]!, heap[top]!)) top = l;
    if (r < heap.length && above(heap[r]!, heap[top]!)) top = r;
    if (top === p) return;
    [heap[top], heap[p]] = [heap[p]!, heap[top]!];
    p = top;
  }
}

/** A typed array's bytes as base64 (every bit kept): how a partial carries rows. */
export function base64Of(values: ArrayBufferView): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

function decode(text: string, dims: number): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Float32Array(dims);
  new Uint8Array(out.buffer).set(bytes.subarray(0, dims * 4));
  return out;
}

/**
 * The candidates of two disjoint sets of slices of one file, exactly: every key up to the
 * smaller cutoff, with its first row. Undefined when they were not collected alike.
 */
export function mergeSampleCandidates(
  a: SampleCandidates,
  b: SampleCandidates,
): SampleCandidates | undefined {
  if (a.by !== b.by || a.seed !== b.seed || a.dims !== b.dims) return undefined;
  const cutoff =
    a.cutoff && b.cutoff
      ? above(a.cutoff, b.cutoff)
        ? b.cutoff
        : a.cutoff
      : (a.cutoff ?? b.cutoff);
  const byKey = new Map<string, SampleRow>();
  for (const row of [...a.rows, ...b.rows]) {
    if (!atOrBelow(row, cutoff)) continue;
    const other = byKey.get(row.key);
    if (!other || row.row < other.row) byKey.set(row.key, row);
  }
  return {
    by: a.by,
    seed: a.seed,
    dims: a.dims,
    ...(cutoff && { cutoff }),
    rows: [...byKey.values()].sort((x, y) => (above(x, y) ? 1 : -1)),
  };
}

/**
 * The merge job's sample reader: the rows of `wanted` from the shards' candidates of the
 * file at each path (`byPath`: one list per file, in any order), when they hold every
 * sampled key's first row for sure; else `whole` (the single run's read). `used` counts which.
 */
export function candidatesReader(
  byPath: ReadonlyMap<string, readonly (SampleCandidates | undefined)[]>,
  whole: SampleReader,
  used: { merged: number; whole: number } = { merged: 0, whole: 0 },
): SampleReader {
  return async (version, wanted, by) => {
    const fromShards = fromCandidates(byPath.get(version.path), wanted, by);
    if (fromShards) {
      used.merged++;
      return fromShards;
    }
    used.whole++;
    return whole(version, wanted, by);
  };
}

function fromCandidates(
  shards: readonly (SampleCandidates | undefined)[] | undefined,
  wanted: ReadonlyMap<string, number>,
  by: MatchBy,
): { values: Float32Array; dims: number; found: number } | undefined {
  if (!shards || shards.length === 0 || shards.some((s) => !s)) return undefined;
  let merged: SampleCandidates | undefined = shards[0];
  for (const s of shards.slice(1)) merged = merged && mergeSampleCandidates(merged, s!);
  if (!merged || merged.by !== by) return undefined;
  const seed = merged.seed;
  for (const key of wanted.keys())
    if (!atOrBelow({ h: seededHash(key, seed), key }, merged.cutoff)) return undefined;
  const rows = new Map(merged.rows.map((r) => [r.key, r]));
  const values = new Float32Array(wanted.size * merged.dims);
  let found = 0;
  for (const [key, at] of wanted) {
    const row = rows.get(key);
    if (!row) continue;
    values.set(decode(row.values, merged.dims), at * merged.dims);
    found++;
  }
  return { values, dims: merged.dims, found };
}
