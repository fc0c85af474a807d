/**
 * Quantiles of non-negative values in bounded memory: a log-bucketed histogram in the style
 * of DDSketch (Masson, Rim & Lee, VLDB 2019).
 *
 * A positive value x falls in bucket i = ceil(log_γ x) with γ = (1 + α) / (1 − α), and the
 * bucket is represented by 2γ^i / (γ + 1), which is within relative error α of every value
 * in (γ^(i−1), γ^i]. Zeros are counted apart. So `quantile(q)` returns a value within
 * relative error α of the exact order statistic x₍ₖ₎, k = ⌊q·(n − 1)⌋ (0-based) — what
 * `numpy.percentile(x, 100q, method="lower")` returns. No bucket is ever merged, so this
 * holds for every q whatever the data.
 *
 * Memory grows with the dynamic range of the values, not with their count. With α = 1e-4
 * a bucket spans 0.02 %: norms within a factor of 10 use ~11,500 buckets (92 KB). Counts
 * live in a dense array of at most {@link MAX_BUCKETS} slots (8 MB, a factor of ~e^210
 * around the first values); buckets outside it, which only data spanning more than that
 * can produce, go to a map. Every positive finite double falls in one of ~7.3 million
 * buckets, so even adversarial input cannot grow the sketch past that, however many rows.
 */

/** Relative accuracy used for norm percentiles. */
export const DEFAULT_RELATIVE_ACCURACY = 1e-4;

/** Most slots of the dense store (8 MB of counts). */
export const MAX_BUCKETS = 1 << 20;

/** A sketch's whole state ({@link QuantileSketch.state}): JSON-safe, mergeable. */
export interface SketchState {
  readonly relativeAccuracy: number;
  readonly count: number;
  readonly zeros: number;
  /** The exact extremes; absent when empty. */
  readonly min?: number;
  readonly max?: number;
  /** Non-empty buckets as [index, count], by index. */
  readonly buckets: readonly (readonly [number, number])[];
}

export class QuantileSketch {
  readonly relativeAccuracy: number;
  private readonly logGamma: number;
  private readonly gamma: number;
  private counts = new Float64Array(0);
  /** Bucket index of counts[0]. */
  private base = 0;
  /** Lowest and highest bucket index held in `counts`. */
  private denseLow = Infinity;
  private denseHigh = -Infinity;
  /** Buckets outside the dense window once it has reached MAX_BUCKETS. */
  private readonly outliers = new Map<number, number>();
  private zeros = 0;
  private n = 0;
  private lo = Infinity;
  private hi = -Infinity;

  constructor(relativeAccuracy = DEFAULT_RELATIVE_ACCURACY) {
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
      throw new RangeError(`relativeAccuracy must be in (0, 1), got ${relativeAccuracy}`);
    }
    this.relativeAccuracy = relativeAccuracy;
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.logGamma = Math.log(this.gamma);
  }

  /** Values added so far. */
  get count(): number {
    return this.n;
  }

  /** Adds a finite value ≥ 0. */
  add(x: number): void {
    if (!(x >= 0) || x === Infinity)
      throw new RangeError(`QuantileSketch takes finite values >= 0, got ${x}`);
    this.n++;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    if (x === 0) {
      this.zeros++;
      return;
    }
    const i = Math.ceil(Math.log(x) / this.logGamma);
    const k = i - this.base;
    if (k >= 0 && k < this.counts.length) {
      this.counts[k]! += 1;
      if (i < this.denseLow) this.denseLow = i;
      if (i > this.denseHigh) this.denseHigh = i;
    } else if (!this.grow(i)) {
      this.outliers.set(i, (this.outliers.get(i) ?? 0) + 1);
    }
  }

  /**
   * The value at quantile q ∈ [0, 1]: within relative accuracy of the order statistic
   * x₍⌊q(n−1)⌋₎. NaN when empty.
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${q}`);
    if (this.n === 0) return Number.NaN;
    const rank = Math.floor(q * (this.n - 1));
    if (rank < this.zeros) return 0;
    let seen = this.zeros;
    const top = this.base + this.counts.length;
    const outside = [...this.outliers.keys()].sort((a, b) => a - b);
    const below = outside.filter((i) => i < this.base);
    const above = outside.filter((i) => i >= top);
    for (const i of below) {
      seen += this.outliers.get(i)!;
      if (seen > rank) return this.valueOf(i);
    }
    for (let k = 0; k < this.counts.length; k++) {
      seen += this.counts[k]!;
      if (seen > rank) return this.valueOf(this.base + k);
    }
    for (const i of above) {
      seen += this.outliers.get(i)!;
      if (seen > rank) return this.valueOf(i);
    }
    return this.hi;
  }

  /**
   * The whole state as plain numbers — every non-empty bucket with its count, the zeros, the
   * exact extremes — so a sketch can travel in a partial result file and be merged.
   */
  state(): SketchState {
    const buckets: [number, number][] = [];
    for (let k = 0; k < this.counts.length; k++)
      if (this.counts[k]! > 0) buckets.push([this.base + k, this.counts[k]!]);
    for (const [i, c] of this.outliers) buckets.push([i, c]);
    buckets.sort((a, b) => a[0] - b[0]);
    return {
      relativeAccuracy: this.relativeAccuracy,
      count: this.n,
      zeros: this.zeros,
      ...(this.n > 0 && { min: this.lo, max: this.hi }),
      buckets,
    };
  }

  /**
   * Adds another sketch's state. Buckets are fixed by the relative accuracy alone, so the
   * merged counts — and so every quantile — equal those of one sketch fed every value.
   */
  merge(other: SketchState): void {
    if (other.relativeAccuracy !== this.relativeAccuracy)
      throw new RangeError(
        `cannot merge sketches of relative accuracy ${other.relativeAccuracy} and ${this.relativeAccuracy}`,
      );
    if (other.count === 0) return;
    this.n += other.count;
    this.zeros += other.zeros;
    if (other.min! < this.lo) this.lo = other.min!;
    if (other.max! > this.hi) this.hi = other.max!;
    for (const [i, c] of other.buckets) {
      const k = i - this.base;
      if (k >= 0 && k < this.counts.length) {
        this.counts[k]! += c;
        if (i < this.denseLow) this.denseLow = i;
        if (i > this.denseHigh) this.denseHigh = i;
      } else if (this.grow(i)) {
        this.counts[i - this.base]! += c - 1;
      } else {
        this.outliers.set(i, (this.outliers.get(i) ?? 0) + c);
      }
    }
  }

  /** Bucket i's representative, clamped to the exact extremes (which can only bring it closer). */
  private valueOf(i: number): number {
    return Math.min(this.hi, Math.max(this.lo, (2 * this.gamma ** i) / (this.gamma + 1)));
  }

  /**
   * Widens the dense window to take bucket i, keeping slack on both sides equal to the span
   * in use so a drifting range reallocates only when its span doubles. Returns false (the
   * caller then uses the outlier map) when the window is already at MAX_BUCKETS or would
   * have to exceed it.
   */
  private grow(i: number): boolean {
    if (this.counts.length >= MAX_BUCKETS) return false;
    const low = Math.min(this.denseLow, i);
    const high = Math.max(this.denseHigh, i);
    const span = high - low + 1;
    if (span > MAX_BUCKETS) return false;
    const size = Math.min(MAX_BUCKETS, Math.max(1024, 2 * span));
    const base = low - ((size - span) >> 1);
    const next = new Float64Array(size);
    // Every counted bucket lies in [low, high], inside both windows; copy their overlap.
    const from = Math.max(base, this.base);
    const to = Math.min(base + size, this.base + this.counts.length);
    if (to > from) next.set(this.counts.subarray(from - this.base, to - this.base), from - base);
    next[i - base]! += 1;
    this.counts = next;
    this.base = base;
    this.denseLow = low;
    this.denseHigh = high;
    return true;
  }
}
