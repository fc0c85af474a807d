/**
 * The slow, obvious versions of the compatibility measures, straight from the vectors:
 * the test oracles of the Gram-matrix path (compat-measures.ts).
 */
import type { Metric } from '../config/manifest.js';

/** Rows of one version (structurally compat-measures' SampleMatrix). */
interface SampleMatrix {
  readonly values: Float32Array;
  readonly rows: number;
  readonly dims: number;
  readonly metric: Metric;
}

/** The obvious kNN overlap from the vectors themselves: the test oracle of the Gram path. */
export function naiveKnnOverlap(a: SampleMatrix, b: SampleMatrix, k: number): number {
  const neighbours = (m: SampleMatrix, i: number): number[] => {
    const row = (r: number) => Array.from(m.values.subarray(r * m.dims, (r + 1) * m.dims));
    const x = row(i);
    const score = (y: number[]): number => {
      const dot = x.reduce((s, v, t) => s + v * y[t]!, 0);
      if (m.metric === 'dot') return dot;
      if (m.metric === 'l2') return -x.reduce((s, v, t) => s + (v - y[t]!) ** 2, 0);
      const nx = Math.hypot(...x);
      const ny = Math.hypot(...y);
      return nx > 0 && ny > 0 ? dot / (nx * ny) : 0;
    };
    return Array.from({ length: m.rows }, (_, j) => j)
      .filter((j) => j !== i)
      .map((j) => ({ j, s: score(row(j)) }))
      .sort((p, q) => q.s - p.s || p.j - q.j)
      .slice(0, k)
      .map((e) => e.j);
  };
  let shared = 0;
  for (let i = 0; i < a.rows; i++) {
    const nb = new Set(neighbours(b, i));
    shared += neighbours(a, i).filter((j) => nb.has(j)).length;
  }
  return shared / (a.rows * k);
}

/** Linear CKA from the centred feature matrices, ‖YᵀX‖²_F / (‖XᵀX‖_F ‖YᵀY‖_F): the test oracle. */
export function naiveLinearCka(x: number[][], y: number[][]): number {
  const centre = (m: number[][]): number[][] => {
    const mean = m[0]!.map((_, t) => m.reduce((s, r) => s + r[t]!, 0) / m.length);
    return m.map((r) => r.map((v, t) => v - mean[t]!));
  };
  const cross = (p: number[][], q: number[][]): number => {
    let total = 0;
    for (let s = 0; s < p[0]!.length; s++) {
      for (let t = 0; t < q[0]!.length; t++) {
        let c = 0;
        for (let i = 0; i < p.length; i++) c += p[i]![s]! * q[i]![t]!;
        total += c * c;
      }
    }
    return total;
  };
  const xc = centre(x);
  const yc = centre(y);
  return cross(yc, xc) / Math.sqrt(cross(xc, xc) * cross(yc, yc));
}
