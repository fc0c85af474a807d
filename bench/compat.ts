/**
 * Time of the space-compatibility analysis: two `.npy` files of `--rows` × `--dims` float32
 * (default 100,000 × 768; the candidate is the baseline plus noise of norm 0.3), compared
 * on a `--sample` of shared ids (default 2,000) as the gate does it: select the sample, read
 * both files once keeping only sampled rows, then the Gram matrices, kNN overlap and CKA.
 *
 *   npx tsx bench/compat.ts [--rows 100000] [--dims 768] [--sample 2000] [--rounds 2] [--no-slow]
 *   npx tsx bench/compat.ts --calibrate     # prints the README's calibration table
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import {
  gramMatrix,
  measureCompatibility,
  measureCompatibilityGemm,
} from '../src/release/compat-measures.js';
import {
  analyzeCompatibility,
  DEFAULT_COMPATIBILITY,
  type CompatibilityReport,
} from '../src/release/compat.js';
import { openVectors } from '../src/vectors/open.js';
import { npyFloat32 } from '../src/vectors/write.js';
import { calibrate, calibrationTable } from '../test/release/calibration.js';
import { addNoise, clusteredSpace } from '../test/release/synthetic.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(2);

if (process.argv.includes('--calibrate')) {
  const t0 = performance.now();
  console.log(calibrationTable(calibrate()));
  console.log(`\n13 cases of 2,000 × 64 in ${seconds(t0)} s`);
} else {
  const rows = arg('rows', 100_000);
  const dims = arg('dims', 768);
  const sample = arg('sample', 2000);
  const dir = mkdtempSync(join(tmpdir(), 'eg-bench-compat-'));
  try {
    let t0 = performance.now();
    const a = clusteredSpace(rows, dims, 1, 200);
    const b = addNoise(a, dims, 0.3, 2);
    const ids = Array.from({ length: rows }, (_, i) => `doc-${i}`);
    writeFileSync(join(dir, 'a.npy'), npyFloat32(a, rows, dims));
    writeFileSync(join(dir, 'b.npy'), npyFloat32(b, rows, dims));
    writeFileSync(join(dir, 'ids.txt'), ids.join('\n') + '\n');
    console.log(
      `data: 2 × ${rows.toLocaleString('en-US')} × ${dims} float32 (${((rows * dims * 8) / 2 ** 20).toFixed(0)} MB) written in ${seconds(t0)} s`,
    );

    const idSet = new Set(ids); // the engine has these from its scan
    const version = (file: string) => ({
      path: join(dir, file),
      open: { idsPath: join(dir, 'ids.txt') },
      metric: 'cosine' as const,
      rows,
      ids: idSet,
    });
    t0 = performance.now();
    const report = (await analyzeCompatibility(
      version('a.npy'),
      version('b.npy'),
      { ...DEFAULT_COMPATIBILITY, sampleSize: sample },
      openVectors,
    )) as CompatibilityReport;
    const total = seconds(t0);
    console.log(
      `analysis, sample ${sample}: ${total} s end to end (select, read both files, measure)`,
    );
    console.log(`  answer: ${report.summary}`);

    // The measuring step alone: the GEMM path the gate runs, and the float64 loops it
    // replaced (its oracle), interleaved so a busy spell on a shared machine hits both.
    const sa = {
      values: a.subarray(0, sample * dims),
      rows: sample,
      dims,
      metric: 'cosine' as const,
    };
    const sb = {
      values: b.subarray(0, sample * dims),
      rows: sample,
      dims,
      metric: 'cosine' as const,
    };
    const times = { gemm: [] as number[], slow: [] as number[] };
    // CPU seconds of the whole process (onnxruntime's threads included): less disturbed by
    // other jobs on a shared machine than wall time.
    const cpu = { gemm: [] as number[], slow: [] as number[] };
    const cpuSeconds = (from: NodeJS.CpuUsage): number => {
      const u = process.cpuUsage(from);
      return (u.user + u.system) / 1e6;
    };
    const rounds = arg('rounds', 2);
    for (let r = 0; r < rounds; r++) {
      t0 = performance.now();
      let c0 = process.cpuUsage();
      const fast = await measureCompatibilityGemm(sa, sb);
      times.gemm.push((performance.now() - t0) / 1000);
      cpu.gemm.push(cpuSeconds(c0));
      if (process.argv.includes('--no-slow')) continue;
      t0 = performance.now();
      c0 = process.cpuUsage();
      const slow = measureCompatibility(sa, sb);
      times.slow.push((performance.now() - t0) / 1000);
      cpu.slow.push(cpuSeconds(c0));
      if (
        fast.knnOverlap !== slow.knnOverlap ||
        JSON.stringify(fast.selfRetrieval) !== JSON.stringify(slow.selfRetrieval)
      )
        throw new Error('the GEMM path and the float64 path disagree');
    }
    const best = (xs: number[]) => Math.min(...xs);
    console.log(
      `  all measures, sample ${sample} × ${dims} (best of ${rounds}, load ${loadavg()[0]!.toFixed(2)}): ` +
        `GEMM path ${best(times.gemm).toFixed(3)} s` +
        (times.slow.length
          ? `, float64 loops ${best(times.slow).toFixed(2)} s (${(best(times.slow) / best(times.gemm)).toFixed(1)}× faster; same neighbours and ranks)`
          : ''),
    );
    console.log(
      `  CPU seconds: GEMM path ${best(cpu.gemm).toFixed(3)}` +
        (cpu.slow.length
          ? `, float64 loops ${best(cpu.slow).toFixed(2)} (${(best(cpu.slow) / best(cpu.gemm)).toFixed(1)}× less CPU)`
          : ''),
    );
    if (!process.argv.includes('--no-slow')) {
      t0 = performance.now();
      gramMatrix(sa);
      console.log(
        `  one float64 Gram matrix (${sample}² × ${dims} / 2 multiply-adds): ${seconds(t0)} s`,
      );
    }
    console.log(
      `  peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB (includes both generated spaces)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
