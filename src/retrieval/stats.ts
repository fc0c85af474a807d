/**
 * Statistics of the regression verdict: a seeded PRNG, the paired percentile bootstrap,
 * the paired sign-flip randomization test and Holm's step-down adjustment. All of it is
 * plain 32-bit integer arithmetic (Math.imul), so a seed gives the same numbers everywhere.
 */

const TWO_32 = 4294967296;

/** splitmix32: spreads one 32-bit seed over the generator state (also used to derive seeds). */
export function splitmix32(seed: number): () => number {
  let z = seed | 0;
  return () => {
    z = (z + 0x9e3779b9) | 0;
    let t = z;
    t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
    t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/** xoshiro128** (Blackman & Vigna): small, fast, and deterministic across platforms. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | undefined;

  /** @param seed any number; its low 32 bits pick the stream. */
  constructor(seed: number) {
    const mix = splitmix32(seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
  }

  /** Next uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  float(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform integer in [0, n), without modulo bias (Lemire's method); n ≤ 2^21. */
  int(n: number): number {
    if (!(n > 0 && n <= 2097152 && Number.isInteger(n)))
      throw new RangeError(`Rng.int: n must be an integer in 1..2^21, got ${n}`);
    // m = x·n < 2^53 is exact; its high 32 bits are the draw, its low 32 bits decide rejection.
    let m = this.nextUint32() * n;
    let high = Math.floor(m / TWO_32);
    let low = m - high * TWO_32;
    if (low < n) {
      const threshold = (TWO_32 - n) % n;
      while (low < threshold) {
        m = this.nextUint32() * n;
        high = Math.floor(m / TWO_32);
        low = m - high * TWO_32;
      }
    }
    return high;
  }

  /** Standard normal deviate (Box–Muller; the second value of each pair is kept). */
  normal(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.float();
    const v = this.float();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A seed for one named sub-computation, so adding a metric does not shift another's stream. */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return splitmix32(h)();
}

/** Arithmetic mean; NaN for an empty list. */
export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Quantile with linear interpolation between order statistics (Hyndman & Fan type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** A two-sided confidence interval for the mean delta, with the point estimate. */
export interface ConfidenceInterval {
  readonly low: number;
  readonly high: number;
  readonly mean: number;
  readonly level: number;
}

/** Options of {@link pairedBootstrapCI}. */
export interface BootstrapOptions {
  readonly iterations?: number;
  readonly level?: number;
  readonly seed: number;
}

/**
 * The deltas in the narrowest array that holds every value exactly (Int8Array for
 * per-example correctness deltas, Float32Array when float32 holds them, else float64):
 * resampling reads them at random positions, and 1M deltas then fit the cache in 1 MB
 * instead of 8. The values read, so the sums, are the same.
 */
function compactCopy(deltas: ArrayLike<number>): Int8Array | Float32Array | Float64Array {
  const n = deltas.length;
  let small = true;
  let single = true;
  for (let i = 0; i < n && (small || single); i++) {
    const v = deltas[i]!;
    if (small && !(Number.isInteger(v) && v >= -128 && v <= 127 && !Object.is(v, -0)))
      small = false;
    if (single && Math.fround(v) !== v) single = false;
  }
  if (small) return Int8Array.from(deltas);
  return single ? Float32Array.from(deltas) : Float64Array.from(deltas);
}

/**
 * Percentile bootstrap of the mean of paired deltas (candidate − baseline per query):
 * resample the queries with replacement `iterations` times, and take the (1−level)/2 and
 * (1+level)/2 quantiles of the resampled means.
 */
export function pairedBootstrapCI(
  deltas: ArrayLike<number>,
  options: BootstrapOptions,
): ConfidenceInterval {
  const { iterations = 10000, level = 0.95, seed } = options;
  const n = deltas.length;
  if (n === 0) throw new RangeError('pairedBootstrapCI: no deltas');
  if (!(level > 0 && level < 1))
    throw new RangeError(`pairedBootstrapCI: level must be in (0, 1), got ${level}`);
  const rng = new Rng(seed);
  const d = compactCopy(deltas);
  const means = new Float64Array(iterations);
  for (let b = 0; b < iterations; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d[rng.int(n)]!;
    means[b] = s / n;
  }
  means.sort();
  return {
    low: quantileSorted(means, (1 - level) / 2),
    high: quantileSorted(means, (1 + level) / 2),
    mean: mean(deltas),
    level,
  };
}

/** Options of {@link pairedRandomizationTest}. */
export interface RandomizationOptions {
  /** Random sign assignments drawn (at least 10,000 for a reported p; fewer only for calibration loops). */
  readonly permutations?: number;
  readonly seed: number;
  /** 'less': H1 is candidate worse (mean delta < −margin). 'two-sided': mean delta ≠ −margin. */
  readonly alternative?: 'less' | 'two-sided';
  /** Tests H0: mean delta ≥ −margin (one-sided) by shifting every delta by +margin. Default 0. */
  readonly margin?: number;
}

/**
 * Paired sign-flip randomization test on per-query deltas d = candidate − baseline
 * (shifted to d + margin). Under H0 each shifted delta is symmetric around 0, so its sign
 * is exchangeable; the statistic is the mean. p = (1 + #{T* ≤ T}) / (B + 1) for 'less',
 * (1 + #{|T*| ≥ |T|}) / (B + 1) for 'two-sided' — the +1 counts the observed assignment,
 * so p is never 0.
 */
export function pairedRandomizationTest(
  baseline: ArrayLike<number>,
  candidate: ArrayLike<number>,
  options: RandomizationOptions,
): number {
  if (baseline.length !== candidate.length) {
    throw new RangeError(
      `pairedRandomizationTest: ${baseline.length} baseline and ${candidate.length} candidate scores`,
    );
  }
  const deltas = new Float64Array(baseline.length);
  for (let i = 0; i < deltas.length; i++) deltas[i] = candidate[i]! - baseline[i]!;
  return signFlipTest(deltas, options);
}

/** {@link pairedRandomizationTest} on precomputed deltas. */
export function signFlipTest(deltas: ArrayLike<number>, options: RandomizationOptions): number {
  const { permutations = 10000, seed, alternative = 'less', margin = 0 } = options;
  const n = deltas.length;
  if (n === 0) throw new RangeError('signFlipTest: no deltas');
  const d = new Float64Array(n);
  let observed = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    d[i] = deltas[i]! + margin;
    observed += d[i]!;
    scale += Math.abs(d[i]!);
  }
  // Sums of the same terms in another order may differ in the last bits; ties must count.
  const tolerance = 1e-12 * scale;
  const rng = new Rng(seed);
  let extreme = 0;
  for (let b = 0; b < permutations; b++) {
    let s = 0;
    let bits = 0;
    // Branch-free: d·(±1) is exactly ±d, added in the same order, so the sums are the
    // same to the bit; a branch on a random bit mispredicts half the time.
    for (let i = 0; i < n; i++) {
      if ((i & 31) === 0) bits = rng.nextUint32();
      s += d[i]! * ((bits & 1) * 2 - 1);
      bits >>>= 1;
    }
    if (
      alternative === 'less'
        ? s <= observed + tolerance
        : Math.abs(s) >= Math.abs(observed) - tolerance
    )
      extreme++;
  }
  return (1 + extreme) / (permutations + 1);
}

/**
 * Holm–Bonferroni step-down adjustment: sort p ascending, multiply the i-th smallest
 * (0-based) by (m − i), cap at 1, and carry the running maximum so adjusted values keep
 * the order of the raw ones. Returned in the input order. Reject H_i when adjusted < α.
 */
export function holmBonferroni(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]! || a - b);
  const adjusted = new Array<number>(m).fill(0);
  let running = 0;
  order.forEach((idx, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[idx]!));
    adjusted[idx] = running;
  });
  return adjusted;
}

/** Sample standard deviation (n − 1 in the denominator); NaN below two values. */
export function sampleSd(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const m = mean(xs);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i]! - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error
 * below 1.2e-9, ample for a power calculation). NaN outside (0, 1).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return NaN;
  const a = [
    -39.6968302866538, 220.946098424521, -275.928510446969, 138.357751867269, -30.6647980661472,
    2.50662827745924,
  ];
  const b = [
    -54.4760987982241, 161.585836858041, -155.698979859887, 66.8013118877197, -13.2806815528857,
  ];
  const c = [
    -0.00778489400243029, -0.322396458041136, -2.40075827716184, -2.54973253934373,
    4.37466414146497, 2.93816398269878,
  ];
  const d = [0.00778469570904146, 0.32246712907004, 2.445134137143, 3.75440866190742];
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** Options of {@link minimumDetectableDrop}. */
export interface PowerOptions {
  /** Significance level of the blocking test (default 0.05). */
  readonly alpha?: number;
  /** Probability of blocking a drop of the returned size (default 0.8). */
  readonly power?: number;
  /**
   * Tests in the Holm family the blocking test belongs to (default 1). A single real drop
   * among k floors has the smallest p, which Holm compares with α/k: the power at α/k is
   * what that drop gets (a lower bound when other floors drop too).
   */
  readonly family?: number;
}

/**
 * The smallest worsening beyond the allowance that a one-sided test of the mean delta blocks
 * with the given power: (z₁₋α/k + z_power) · se, se = sd/√n of the paired deltas (normal
 * approximation; the sign-flip test's power is close to the t-test's at these n).
 * Returned as the excess over `max_drop`; add `max_drop` for the total drop detected.
 */
export function minimumDetectableDrop(standardError: number, options: PowerOptions = {}): number {
  const { alpha = 0.05, power = 0.8, family = 1 } = options;
  return (normalQuantile(1 - alpha / family) + normalQuantile(power)) * standardError;
}
