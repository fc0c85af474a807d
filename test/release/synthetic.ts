/**
 * Synthetic embedding spaces for the compatibility tests, the calibration table and the
 * bench: a clustered "model" and the transformations a new version might apply to it.
 * Deterministic: everything derives from the seed.
 */

/** mulberry32: a tiny seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(next: () => number): number {
  const u = Math.max(next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

export function normalizeRows(values: Float32Array, dims: number): Float32Array {
  for (let r = 0; r < values.length / dims; r++) {
    let s = 0;
    for (let j = 0; j < dims; j++) s += values[r * dims + j]! ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < dims; j++) values[r * dims + j]! *= inv;
  }
  return values;
}

/**
 * A clustered space like real embeddings: `clusters` random unit centres, each row a
 * centre plus isotropic spread (norm ≈ `spread`), l2-normalised.
 */
export function clusteredSpace(
  rows: number,
  dims: number,
  seed: number,
  clusters = 40,
  spread = 0.8,
): Float32Array {
  const next = rng(seed);
  const centres = normalizeRows(
    Float32Array.from({ length: clusters * dims }, () => gaussian(next)),
    dims,
  );
  const out = new Float32Array(rows * dims);
  const scale = spread / Math.sqrt(dims);
  for (let r = 0; r < rows; r++) {
    const c = Math.floor(next() * clusters);
    for (let j = 0; j < dims; j++)
      out[r * dims + j] = centres[c * dims + j]! + scale * gaussian(next);
  }
  return normalizeRows(out, dims);
}

/** Adds isotropic noise of norm ≈ `level` to every (unit) row, then re-normalises. */
export function addNoise(
  values: Float32Array,
  dims: number,
  level: number,
  seed: number,
): Float32Array {
  const next = rng(seed);
  const scale = level / Math.sqrt(dims);
  return normalizeRows(
    values.map((v) => v + scale * gaussian(next)),
    dims,
  );
}

/** A random orthogonal dims × dims matrix (Gram–Schmidt on a Gaussian matrix), row-major. */
export function randomRotation(dims: number, seed: number): Float64Array {
  const next = rng(seed);
  const q = Float64Array.from({ length: dims * dims }, () => gaussian(next));
  for (let i = 0; i < dims; i++) {
    for (let p = 0; p < i; p++) {
      let dot = 0;
      for (let j = 0; j < dims; j++) dot += q[i * dims + j]! * q[p * dims + j]!;
      for (let j = 0; j < dims; j++) q[i * dims + j]! -= dot * q[p * dims + j]!;
    }
    let s = 0;
    for (let j = 0; j < dims; j++) s += q[i * dims + j]! ** 2;
    const inv = 1 / Math.sqrt(s);
    for (let j = 0; j < dims; j++) q[i * dims + j]! *= inv;
  }
  return q;
}

/** Rows times a `dimsIn × dimsOut` matrix (row-major). */
export function project(
  values: Float32Array,
  dimsIn: number,
  m: Float64Array,
  dimsOut: number,
): Float32Array {
  const rows = values.length / dimsIn;
  const out = new Float32Array(rows * dimsOut);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < dimsOut; o++) {
      let s = 0;
      for (let j = 0; j < dimsIn; j++) s += values[r * dimsIn + j]! * m[j * dimsOut + o]!;
      out[r * dimsOut + o] = s;
    }
  }
  return out;
}

/** A random Gaussian `dimsIn × dimsOut` map (a different-width model that keeps geometry, by Johnson–Lindenstrauss). */
export function randomMap(dimsIn: number, dimsOut: number, seed: number): Float64Array {
  const next = rng(seed);
  return Float64Array.from({ length: dimsIn * dimsOut }, () => gaussian(next) / Math.sqrt(dimsOut));
}
