/**
 * The set of ids a scan has seen, keyed by their UTF-8 bytes. A `Set<string>` of a million
 * fresh ids cost 0.6–1.3 s here, most of it allocating and later garbage-collecting a
 * string per row. This set appends each batch's id bytes to one growing arena with a
 * single copy and indexes them by open addressing over a typed array, so a scan creates
 * no string per row when the reader hands out raw id bytes (VectorBatch.idBytes); a
 * million ids took 150–250 ms (the table's cache misses are most of it).
 *
 * A 32-bit FNV-1a hash is kept per slot, so probing and growing never rehash an id, and
 * bytes are compared only when hashes agree: the set is exact. Memory: every id's bytes
 * (repeats included), 8 bytes of arena position per distinct id, and 8 bytes per slot at a
 * load of at most 1/2 — about 40 bytes per id for short ids; the one part of a scan that
 * grows with the row count.
 *
 * From outside it is a `ReadonlySet<string>`: `has` encodes its argument, iteration decodes.
 */
export class IdSet implements ReadonlySet<string> {
  private arena: Uint8Array;
  private used = 0;
  /** Distinct id k is arena[starts[k], ends[k]). */
  private starts: Int32Array;
  private ends: Int32Array;
  private count = 0;
  /**
   * Slot i is table[2i] (hash) and table[2i + 1] (1 + the id number, 0 when empty):
   * interleaved, so a probe touches one cache line, not two.
   */
  private table: Int32Array;
  private mask: number;
  private readonly encoder = new TextEncoder();
  private scratch = new Uint8Array(256);
  /** Per-batch scratch: the hash of each id of the batch being added. */
  private hashes = new Int32Array(0);
  private readonly scratchOffsets = new Int32Array(2);

  constructor(expectedIds = 1024) {
    let cap = 16;
    while (cap < expectedIds * 2) cap *= 2;
    this.table = new Int32Array(cap * 2);
    this.mask = cap - 1;
    this.starts = new Int32Array(Math.max(16, expectedIds));
    this.ends = new Int32Array(Math.max(16, expectedIds));
    this.arena = new Uint8Array(Math.max(1024, expectedIds * 16));
  }

  get size(): number {
    return this.count;
  }

  /**
   * Adds ids r = 0 … rows − 1, held in `data[offsets[r] − offsets[0], offsets[r + 1] − offsets[0])`,
   * and calls `repeated(r)` for each one already present (earlier or in this batch).
   */
  addBatch(
    offsets: Int32Array,
    data: Uint8Array,
    rows: number,
    repeated: (r: number) => void,
  ): void {
    const base = offsets[0]!;
    const at = this.append(data, offsets[rows]! - base);
    // Room for every id of the batch up front, so the loop below runs on locals only.
    this.reserve(this.count + rows);
    if (this.hashes.length < rows)
      this.hashes = new Int32Array(Math.max(rows, 2 * this.hashes.length));
    const { table, mask, starts, ends, arena, hashes } = this;
    // Hashes first, probes after: the probes of successive ids then do not wait on one
    // another, so their cache misses overlap (≈1.6× faster for a million ids here).
    for (let r = 0; r < rows; r++) {
      let h = 0x811c9dc5;
      for (let i = offsets[r]! - base, e = offsets[r + 1]! - base; i < e; i++)
        h = Math.imul(h ^ data[i]!, 0x01000193);
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      hashes[r] = h;
    }
    let count = this.count;
    for (let r = 0; r < rows; r++) {
      const h = hashes[r]!;
      for (let i = h & mask; ; i = (i + 1) & mask) {
        const ref = table[2 * i + 1]!;
        if (ref === 0) {
          table[2 * i] = h;
          starts[count] = at + offsets[r]! - base;
          ends[count] = at + offsets[r + 1]! - base;
          table[2 * i + 1] = ++count;
          break;
        }
        if (
          table[2 * i] === h &&
          sameBytes(
            arena,
            starts[ref - 1]!,
            ends[ref - 1]!,
            data,
            offsets[r]! - base,
            offsets[r + 1]! - base,
          )
        ) {
          repeated(r);
          break;
        }
      }
    }
    this.count = count;
  }

  /** Adds a string id; returns false when it was already present. */
  add(id: string): boolean {
    this.scratchOffsets[1] = this.encode(id);
    let fresh = true;
    this.addBatch(this.scratchOffsets, this.scratch, 1, () => (fresh = false));
    return fresh;
  }

  has(id: string): boolean {
    const n = this.encode(id);
    const bytes = this.scratch;
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    const { table, mask, starts, ends, arena } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const ref = table[2 * i + 1]!;
      if (ref === 0) return false;
      if (table[2 * i] === h && sameBytes(arena, starts[ref - 1]!, ends[ref - 1]!, bytes, 0, n)) {
        return true;
      }
    }
  }

  *values(): SetIterator<string> {
    const decoder = new TextDecoder();
    for (let k = 0; k < this.count; k++) {
      yield decoder.decode(this.arena.subarray(this.starts[k], this.ends[k]));
    }
  }

  keys(): SetIterator<string> {
    return this.values();
  }

  *entries(): SetIterator<[string, string]> {
    for (const k of this.values()) yield [k, k];
  }

  forEach(
    callback: (value: string, key: string, set: ReadonlySet<string>) => void,
    thisArg?: unknown,
  ): void {
    for (const k of this.values()) callback.call(thisArg, k, k, this);
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  /** Copies `length` bytes of `data` to the arena's end; returns where they start. */
  private append(data: Uint8Array, length: number): number {
    if (this.used + length > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      next.set(this.arena.subarray(0, this.used));
      this.arena = next;
    }
    this.arena.set(data.subarray(0, length), this.used);
    const at = this.used;
    this.used += length;
    return at;
  }

  /** Makes room for `ids` distinct ids: positions, and a table at most half full. */
  private reserve(ids: number): void {
    if (ids > this.starts.length) {
      const size = Math.max(ids, this.starts.length * 2);
      const starts = new Int32Array(size);
      const ends = new Int32Array(size);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    let cap = this.mask + 1;
    if (ids * 2 <= cap) return;
    while (ids * 2 > cap) cap *= 2;
    const old = this.table;
    const table = new Int32Array(cap * 2);
    const mask = cap - 1;
    for (let j = 0; j < old.length; j += 2) {
      const ref = old[j + 1]!;
      if (ref === 0) continue;
      const h = old[j]!;
      let i = h & mask;
      while (table[2 * i + 1] !== 0) i = (i + 1) & mask;
      table[2 * i] = h;
      table[2 * i + 1] = ref;
    }
    this.table = table;
    this.mask = mask;
  }

  /** UTF-8 of `id` into the scratch buffer; returns its length. */
  private encode(id: string): number {
    if (this.scratch.length < id.length * 3) this.scratch = new Uint8Array(id.length * 3);
    return this.encoder.encodeInto(id, this.scratch).written;
  }
}

/** Whether a[aStart, aEnd) and b[bStart, bEnd) hold the same bytes. */
function sameBytes(
  a: Uint8Array,
  aStart: number,
  aEnd: number,
  b: Uint8Array,
  bStart: number,
  bEnd: number,
): boolean {
  const n = aEnd - aStart;
  if (bEnd - bStart !== n) return false;
  for (let i = 0; i < n; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}
