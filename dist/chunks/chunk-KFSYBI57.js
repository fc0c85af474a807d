#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  score
} from "./chunk-3Q2UUX7K.js";

// src/retrieval/stats.ts
var TWO_32 = 4294967296;
function splitmix32(seed) {
  let z = seed | 0;
  return () => {
    z = z + 2654435769 | 0;
    let t = z;
    t = Math.imul(t ^ t >>> 16, 569420461);
    t = Math.imul(t ^ t >>> 15, 1935289751);
    return (t ^ t >>> 15) >>> 0;
  };
}
var Rng = class {
  a;
  b;
  c;
  d;
  spare;
  /** @param seed any number; its low 32 bits pick the stream. */
  constructor(seed) {
    const mix = splitmix32(seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
  }
  /** Next uniform 32-bit unsigned integer. */
  nextUint32() {
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
  float() {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }
  /** Uniform integer in [0, n), without modulo bias (Lemire's method); n ≤ 2^21. */
  int(n) {
    if (!(n > 0 && n <= 2097152 && Number.isInteger(n)))
      throw new RangeError(`Rng.int: n must be an integer in 1..2^21, got ${n}`);
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
  normal() {
    if (this.spare !== void 0) {
      const s = this.spare;
      this.spare = void 0;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.float();
    const v = this.float();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }
};
function rotl(x, k) {
  return x << k | x >>> 32 - k;
}
function deriveSeed(seed, label) {
  let h = 2166136261 ^ (seed | 0);
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return splitmix32(h)();
}
function mean(xs) {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}
function quantileSorted(sorted, q) {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
function compactCopy(deltas) {
  const n = deltas.length;
  let small = true;
  let single = true;
  for (let i = 0; i < n && (small || single); i++) {
    const v = deltas[i];
    if (small && !(Number.isInteger(v) && v >= -128 && v <= 127 && !Object.is(v, -0)))
      small = false;
    if (single && Math.fround(v) !== v) single = false;
  }
  if (small) return Int8Array.from(deltas);
  return single ? Float32Array.from(deltas) : Float64Array.from(deltas);
}
function pairedBootstrapCI(deltas, options) {
  const { iterations = 1e4, level = 0.95, seed } = options;
  const n = deltas.length;
  if (n === 0) throw new RangeError("pairedBootstrapCI: no deltas");
  if (!(level > 0 && level < 1))
    throw new RangeError(`pairedBootstrapCI: level must be in (0, 1), got ${level}`);
  const rng = new Rng(seed);
  const d = compactCopy(deltas);
  const means = new Float64Array(iterations);
  for (let b = 0; b < iterations; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d[rng.int(n)];
    means[b] = s / n;
  }
  means.sort();
  return {
    low: quantileSorted(means, (1 - level) / 2),
    high: quantileSorted(means, (1 + level) / 2),
    mean: mean(deltas),
    level
  };
}
function signFlipTest(deltas, options) {
  const { permutations = 1e4, seed, alternative = "less", margin = 0 } = options;
  const n = deltas.length;
  if (n === 0) throw new RangeError("signFlipTest: no deltas");
  const d = new Float64Array(n);
  let observed = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    d[i] = deltas[i] + margin;
    observed += d[i];
    scale += Math.abs(d[i]);
  }
  const tolerance = 1e-12 * scale;
  const rng = new Rng(seed);
  let extreme = 0;
  for (let b = 0; b < permutations; b++) {
    let s = 0;
    let bits = 0;
    for (let i = 0; i < n; i++) {
      if ((i & 31) === 0) bits = rng.nextUint32();
      s += d[i] * ((bits & 1) * 2 - 1);
      bits >>>= 1;
    }
    if (alternative === "less" ? s <= observed + tolerance : Math.abs(s) >= Math.abs(observed) - tolerance)
      extreme++;
  }
  return (1 + extreme) / (permutations + 1);
}
function holmBonferroni(pValues) {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
  const adjusted = new Array(m).fill(0);
  let running = 0;
  order.forEach((idx, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[idx]));
    adjusted[idx] = running;
  });
  return adjusted;
}
function sampleSd(xs) {
  const n = xs.length;
  if (n < 2) return NaN;
  const m = mean(xs);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}
function normalQuantile(p) {
  if (!(p > 0 && p < 1)) return NaN;
  const a = [
    -39.6968302866538,
    220.946098424521,
    -275.928510446969,
    138.357751867269,
    -30.6647980661472,
    2.50662827745924
  ];
  const b = [
    -54.4760987982241,
    161.585836858041,
    -155.698979859887,
    66.8013118877197,
    -13.2806815528857
  ];
  const c = [
    -0.00778489400243029,
    -0.322396458041136,
    -2.40075827716184,
    -2.54973253934373,
    4.37466414146497,
    2.93816398269878
  ];
  const d = [0.00778469570904146, 0.32246712907004, 2.445134137143, 3.75440866190742];
  const tail = (q2) => (((((c[0] * q2 + c[1]) * q2 + c[2]) * q2 + c[3]) * q2 + c[4]) * q2 + c[5]) / ((((d[0] * q2 + d[1]) * q2 + d[2]) * q2 + d[3]) * q2 + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
function minimumDetectableDrop(standardError, options = {}) {
  const { alpha = 0.05, power = 0.8, family = 1 } = options;
  return (normalQuantile(1 - alpha / family) + normalQuantile(power)) * standardError;
}

// src/retrieval/decision.ts
var PASS = { status: "pass" };
function decide(input) {
  const { candidate, min, max, maxDrop, paired } = input;
  if (min !== void 0 && candidate < min) return { status: "fail", by: "min" };
  if (max !== void 0 && candidate > max) return { status: "fail", by: "max" };
  if (maxDrop === void 0 || !paired) return PASS;
  const higher = input.direction === "higher-is-better";
  const change = higher ? paired.delta : -paired.delta;
  const worstPlausible = higher ? paired.low : -paired.high;
  if ((paired.pAdjusted ?? paired.p) < paired.alpha && change < -maxDrop)
    return { status: "fail", by: "max_drop" };
  const powered = isPowered(paired.mde, maxDrop);
  if (powered ? change < -maxDrop : worstPlausible < -maxDrop)
    return { status: "inconclusive", by: "max_drop" };
  return PASS;
}
function isPowered(mde, maxDrop) {
  return mde !== void 0 && mde <= maxDrop;
}
function unitsNeeded(n, mde, maxDrop) {
  if (!(maxDrop > 0) || !Number.isFinite(mde)) return NaN;
  return Math.ceil(n * (mde / maxDrop) ** 2);
}
function floorMessage(metric, by, bound, candidate, baseline) {
  const base = baseline === void 0 ? "" : ` (baseline ${score(baseline)})`;
  const what = by === "min" ? "below the required minimum" : "above the allowed maximum";
  return `${metric} = ${score(candidate)} is ${what} ${score(bound)}${base}`;
}

export {
  Rng,
  deriveSeed,
  mean,
  quantileSorted,
  pairedBootstrapCI,
  signFlipTest,
  holmBonferroni,
  sampleSd,
  minimumDetectableDrop,
  decide,
  isPowered,
  unitsNeeded,
  floorMessage
};
