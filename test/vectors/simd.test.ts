/**
 * The WebAssembly SIMD kernel (scan-simd.ts) against the JavaScript kernel it replaces for
 * float32 rows in read buffers: the sums must be the same bits, NaN and Infinity included,
 * on the calling thread and on the scan's worker.
 */
import { describe, expect, it } from 'vitest';
import { alignedBytes, wasmMemoryOf } from '../../src/vectors/buffers.js';
import { rowSquareSums, SIMD_MIN_DIMS } from '../../src/vectors/kernels.js';
import { scanVectors } from '../../src/vectors/scan.js';
import { kernelModule, rowKernel } from '../../src/vectors/scan-simd.js';
import { memorySource, seeded } from './helpers.js';

/** Random float32 rows with NaN, ±Infinity, subnormals, huge values and all-zero rows. */
function rowsOf(target: Float32Array, dims: number, seed: number): void {
  const rnd = seeded(seed);
  for (let i = 0; i < target.length; i++) {
    const kind = rnd();
    target[i] =
      kind < 0.001
        ? Number.NaN
        : kind < 0.002
          ? -Infinity
          : kind < 0.01
            ? 1e-45 * Math.floor(rnd() * 100)
            : kind < 0.02
              ? 3e38 * (rnd() - 0.5)
              : rnd() - 0.5;
  }
  target.fill(0, 2 * dims, 3 * dims);
}

describe('SIMD kernel', () => {
  it('compiles here (Node 20 has WebAssembly SIMD)', () => {
    expect(kernelModule()).not.toBeNull();
  });

  for (const dims of [SIMD_MIN_DIMS, 97, 103, 768, 1001]) {
    it(`gives the JavaScript kernel's bits, ${dims} dims`, () => {
      const rows = 300;
      const bytes = alignedBytes(4 + rows * dims * 4);
      // An odd row start (4 bytes in) as well: the kernel must not assume 8-byte alignment.
      const inWasm = new Float32Array(bytes.buffer, 4, rows * dims);
      rowsOf(inWasm, dims, dims);
      expect(wasmMemoryOf(inWasm.buffer)).toBeDefined();
      const plain = Float32Array.from(inWasm);
      const simd = new Float64Array(rows);
      const js = new Float64Array(rows);
      rowSquareSums(inWasm, 'float32', dims, rows, simd);
      rowSquareSums(plain, 'float32', dims, rows, js);
      // rowSquareSums took the SIMD path for the first: the kernel gives the same.
      const row = rowKernel(wasmMemoryOf(inWasm.buffer)!)!;
      expect(row(4 + 5 * dims * 4, dims)).toBe(simd[5]);
      expect(Array.from(simd, (s, r) => Object.is(s, js[r]))).not.toContain(false);
      expect(simd.some(Number.isNaN)).toBe(true);
    });
  }

  it('gives the same statistics on the worker as on one thread in ordinary memory', async () => {
    const rows = 3000;
    const dims = 128;
    const bytes = alignedBytes(rows * dims * 4);
    const inWasm = new Float32Array(bytes.buffer, 0, rows * dims);
    rowsOf(inWasm, dims, 7);
    const plain = Float32Array.from(inWasm);
    const alone = await scanVectors(memorySource(plain, 'float32', dims, rows, undefined, 700), {
      threads: 1,
      expectUnitNorm: true,
    });
    const split = await scanVectors(memorySource(inWasm, 'float32', dims, rows, undefined, 700), {
      threads: 2,
      parallelMinBytes: 0,
      expectUnitNorm: true,
    });
    expect(split).toEqual(alone);
    expect(alone.nonFinite.rows).toBeGreaterThan(0);
  });
});
