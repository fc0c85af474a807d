/**
 * An exact sum of doubles (Shewchuk's non-overlapping partials, as Python's `math.fsum`):
 * the value is the correctly rounded sum of everything added, whatever the order or the
 * grouping. That is what lets a scan split over shards report the very mean a single scan
 * reports — a plain `+=` depends on the order of the additions, so per-shard sums added
 * together would differ from the one-pass sum in the last bits.
 */

/** A running exact sum; {@link ExactSum.merge} adds another's terms exactly. */
export class ExactSum {
  private partials: number[] = [];

  /** Adds a finite value. */
  add(x: number): void {
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    p.push(x);
  }

  /** Adds every term of `other` (which is left unchanged). */
  merge(other: ExactSum): void {
    for (const x of other.partials) this.add(x);
  }

  /** The non-overlapping partials, smallest first: the whole state, for a partial result file. */
  terms(): number[] {
    return [...this.partials];
  }

  /** A sum holding exactly these terms (from {@link ExactSum.terms}). */
  static of(terms: readonly number[]): ExactSum {
    const s = new ExactSum();
    for (const t of terms) s.add(t);
    return s;
  }

  /** The correctly rounded sum (round-half-even), as `math.fsum` computes it. */
  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Half-way cases: the rest of the partials decide the rounding direction.
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
    return hi;
  }
}
