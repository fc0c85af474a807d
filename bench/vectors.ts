/**
 * Vector readers and scan kernel bench: `npx tsx bench/vectors.ts [--rows 1000000
 * --dims 768 --repeat 1 --dir PATH --keep --e2e "dist/cli.js validate … {file}"]`.
 *
 * Writes `rows × dims` float32 vectors (unit norm, a few NaN and all-zero rows) as an Arrow
 * IPC file (string ids, FixedSizeList, record batches of 8,192 rows) and as a C-order
 * `.npy`, streaming both to disk with bounded memory. Reads each file once first so it is
 * in the page cache, then measures, each in a fresh Node process: the reader alone
 * (streaming every batch) and `scanVectors`, run from an esbuild bundle of this script
 * as the CLI would be (no TypeScript loader in the timing). Reports GB/s of file bytes from
 * the in-process time and from the whole process's wall time (start included), and the
 * peak RSS of the process. Beside them, when a Python with numpy is found
 * (`EMBEDDING_GATE_PYTHON`, else `python3`): the same validation done by numpy over an
 * mmap-ed `np.load` (norms, isfinite, all-zero), chunked as a careful user would, and for
 * the Arrow file by pyarrow's memory-mapped reader feeding the same numpy code.
 * `--e2e` runs `node <args>` with `{file}` replaced by each file, measured the same way.
 * `--repeat N` keeps the fastest of N runs of each, for a machine shared with other work;
 * the CPU column (all threads) is the figure least disturbed by such sharing.
 */
import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  type WriteStream,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { openVectors } from '../src/vectors/open.js';
import { scanVectors } from '../src/vectors/scan.js';
import { findPython, fmt, ROOT, runNodeMeasured, runPythonPeer } from './lib.js';

const SELF = fileURLToPath(import.meta.url);
const BATCH = 8192;

interface Args {
  rows: number;
  dims: number;
  repeat: number;
  dir?: string;
  keep: boolean;
  e2e?: string;
  child?: 'read' | 'scan';
  file?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const child = get('child');
  if (child !== undefined && child !== 'read' && child !== 'scan')
    throw new Error(`--child: read or scan, got ${child}`);
  return {
    rows: Number(get('rows') ?? 1_000_000),
    dims: Number(get('dims') ?? 768),
    repeat: Math.max(1, Number(get('repeat') ?? 1)),
    keep: argv.includes('--keep'),
    ...(get('dir') !== undefined && { dir: resolve(get('dir')!) }),
    ...(get('e2e') !== undefined && { e2e: get('e2e')! }),
    ...(child !== undefined && { child }),
    ...(get('file') !== undefined && { file: resolve(get('file')!) }),
  };
}

/** A block of unit-norm rows from a seeded generator, reused (with its ids renumbered) for every batch. */
function makeBlock(dims: number): Float32Array {
  let s = 0x9e3779b9;
  const rnd = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296 - 0.5;
  };
  const v = new Float32Array(BATCH * dims);
  for (let r = 0; r < BATCH; r++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += (v[r * dims + d] = rnd()) ** 2;
    norm = Math.sqrt(norm);
    for (let d = 0; d < dims; d++) v[r * dims + d]! /= norm;
  }
  return v;
}

/** The block for batch b: a NaN in one row and an all-zero row every 100 batches. */
function* blocks(
  rows: number,
  dims: number,
): Generator<{ start: number; count: number; values: Float32Array }> {
  const base = makeBlock(dims);
  for (let start = 0, b = 0; start < rows; start += BATCH, b++) {
    const count = Math.min(BATCH, rows - start);
    let values = base.subarray(0, count * dims);
    if (b % 100 === 0) {
      values = values.slice();
      values[17 * dims + 3] = Number.NaN;
      values.fill(0, 42 * dims, 43 * dims);
    }
    yield { start, count, values };
  }
}

/** Writes the bench's Arrow IPC file: string ids, FixedSizeList float32, batches of 8,192 rows. */
export async function writeArrow(path: string, rows: number, dims: number): Promise<void> {
  // Imported here, not at the top, so the measured child does not load it.
  const arrow = await import('apache-arrow');
  const type = new arrow.FixedSizeList(dims, new arrow.Field('item', new arrow.Float32(), false));
  function* batches(): Generator<unknown> {
    for (const { start, count, values } of blocks(rows, dims)) {
      const ids = arrow.vectorFromArray(
        Array.from({ length: count }, (_, i) => `doc-${start + i}`),
        new arrow.Utf8(),
      );
      const child = arrow.makeData({
        type: new arrow.Float32(),
        length: count * dims,
        data: values,
      });
      const embedding = arrow.makeVector(
        arrow.makeData({ type, length: count, nullCount: 0, child }),
      );
      yield new arrow.RecordBatch({ id: ids.data[0]!, embedding: embedding.data[0]! });
    }
  }
  await pipeline(
    Readable.from(batches()),
    arrow.RecordBatchFileWriter.throughNode(),
    createWriteStream(path),
  );
}

async function write(out: WriteStream, bytes: Uint8Array): Promise<void> {
  if (!out.write(bytes)) await once(out, 'drain');
}

/** Writes the same vectors as a C-order `<f4` .npy, streamed. */
export async function writeNpy(path: string, rows: number, dims: number): Promise<void> {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${dims}), }`;
  header += ' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64) + '\n';
  const preamble = new Uint8Array(10 + header.length);
  preamble.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(preamble.buffer).setUint16(8, header.length, true);
  preamble.set(new TextEncoder().encode(header), 10);
  const out = createWriteStream(path);
  await write(out, preamble);
  for (const { values } of blocks(rows, dims))
    await write(out, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  out.end();
  await once(out, 'finish');
}

/** The measured child: reads (or scans) the file and prints its in-process seconds as JSON. */
async function child(mode: 'read' | 'scan', file: string): Promise<void> {
  const t0 = process.hrtime.bigint();
  const source = await openVectors(file);
  let rows = 0;
  let extra: Record<string, unknown> = {};
  try {
    if (mode === 'read') {
      for await (const b of source.batches()) rows += b.rows;
    } else {
      const s = await scanVectors(source, { expectUnitNorm: true, normTolerance: 1e-3 });
      rows = s.rows;
      extra = {
        nonFinite: s.nonFinite.rows,
        zero: s.zero.rows,
        offUnit: s.unitNorm?.rows,
        duplicates: s.ids?.duplicates,
        p99: s.norms?.p99,
      };
    }
  } finally {
    await source.close();
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage();
  console.log(
    JSON.stringify({ rows, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, ...extra }),
  );
}

/**
 * The numpy peer: `python -c PEER_NUMPY <file> npy|arrow|parquet` validates the file the
 * way a careful numpy user would (chunked norms, isfinite, all-zero rows) and prints JSON.
 */
export const PEER_NUMPY = `
import sys, time, json, resource
import numpy as np
path, kind = sys.argv[1], sys.argv[2]
t = time.perf_counter()
non_finite = zero = rows = 0; lo = float('inf'); hi = 0.0
def check(c):
    global non_finite, zero, rows, lo, hi
    finite = np.isfinite(c).all(axis=1)
    norms = np.linalg.norm(c, axis=1)
    non_finite += int((~finite).sum()); zero += int((~c.any(axis=1)).sum()); rows += len(c)
    n = norms[finite]
    if n.size: lo = min(lo, float(n.min())); hi = max(hi, float(n.max()))
if kind == 'npy':
    x = np.load(path, mmap_mode='r')
    for i in range(0, x.shape[0], 65536):
        check(np.asarray(x[i:i + 65536]))
elif kind == 'parquet':
    import pyarrow.parquet as pq
    for batch in pq.ParquetFile(path).iter_batches(batch_size=65536, columns=['embedding']):
        col = batch.column('embedding')
        check(col.values.to_numpy(zero_copy_only=True).reshape(len(col), -1))
else:
    import pyarrow as pa
    with pa.memory_map(path) as src:
        reader = pa.ipc.open_file(src)
        for b in range(reader.num_record_batches):
            col = reader.get_batch(b).column('embedding')
            check(col.values.to_numpy(zero_copy_only=True).reshape(len(col), -1))
s = time.perf_counter() - t
print(json.dumps({"rows": rows, "seconds": s, "nonFinite": non_finite, "zero": zero,
                  "cpu_seconds": resource.getrusage(resource.RUSAGE_SELF).ru_utime + resource.getrusage(resource.RUSAGE_SELF).ru_stime,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) return child(args.child, args.file!);

  const dir = args.dir ?? mkdtempSync(join(tmpdir(), 'eg-bench-vectors-'));
  mkdirSync(dir, { recursive: true });
  const files = { arrow: join(dir, 'vectors.arrow'), npy: join(dir, 'vectors.npy') };
  const gb = (args.rows * args.dims * 4) / 1e9;
  console.log(`${args.rows} × ${args.dims} float32 (${fmt(gb)} GB of values) in ${dir}`);
  try {
    // With --dir, files of the right size from an earlier run are reused.
    const expectedNpy = 128 + args.rows * args.dims * 4;
    if (!(
      args.dir &&
      existsSync(files.arrow) &&
      existsSync(files.npy) &&
      statSync(files.npy).size === expectedNpy
    )) {
      const t = process.hrtime.bigint();
      await writeArrow(files.arrow, args.rows, args.dims);
      await writeNpy(files.npy, args.rows, args.dims);
      console.log(`wrote both files in ${fmt(Number(process.hrtime.bigint() - t) / 1e9, 1)} s`);
    }
    // Built like the CLI (scripts/build.mjs: ESM, code splitting), inside the repository
    // (.bench/ is git-ignored) so its external imports resolve.
    const { buildSync } = await import('esbuild');
    const outdir = join(ROOT, '.bench', 'vectors');
    buildSync({
      entryPoints: { child: SELF },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir,
      external: ['onnxruntime-node', 'esbuild'],
      // As scripts/build.mjs: CommonJS dependencies (yaml, reached through the sources'
      // error types) call require(), which an ESM bundle must be given.
      banner: {
        js: [
          "import { createRequire as __egCreateRequire } from 'node:module';",
          'const require = __egCreateRequire(import.meta.url);',
        ].join('\n'),
      },
      logLevel: 'error',
    });
    const bundle = join(outdir, 'child.js');
    const python = findPython(['numpy', 'pyarrow']) ?? findPython(['numpy']);
    const hasPyarrow = python !== undefined && findPython(['numpy', 'pyarrow']) === python;

    console.log(
      `\nbest of ${args.repeat}; CPU s = user + system time of the whole process, all threads`,
    );
    console.log(
      'file      what                 in-process GB/s   wall GB/s (start incl.)   CPU s   peak RSS MB',
    );
    for (const [kind, file] of Object.entries(files)) {
      const bytes = statSync(file).size;
      // Warm the page cache so every contender reads from memory.
      for await (const _ of createReadStream(file, { highWaterMark: 1 << 22 })) void _;
      const row = (what: string, inProcess: number, wall: number, cpu: number, rss: number): void =>
        console.log(
          `${kind.padEnd(9)} ${what.padEnd(20)} ${fmt(bytes / inProcess / 1e9).padStart(15)}   ${fmt(bytes / wall / 1e9).padStart(23)}   ${fmt(cpu).padStart(5)}   ${fmt(rss, 0).padStart(11)}`,
        );
      for (const mode of ['read', 'scan'] as const) {
        let best:
          { wall: number; seconds: number; cpu: number; rss: number; line: string } | undefined;
        for (let i = 0; i < args.repeat; i++) {
          const m = runNodeMeasured([bundle, '--child', mode, '--file', file]);
          if (m.status !== 0) throw new Error(`child ${mode} ${file} failed: ${m.stderr}`);
          const line = m.stdout.trim().split('\n').pop()!;
          const r = JSON.parse(line) as { seconds: number; rows: number; cpuSeconds: number };
          if (r.rows !== args.rows)
            throw new Error(`child ${mode} read ${r.rows} rows, expected ${args.rows}`);
          if (!best || m.seconds < best.wall)
            best = {
              wall: m.seconds,
              seconds: r.seconds,
              cpu: r.cpuSeconds,
              rss: m.peakRssMB,
              line,
            };
        }
        row(
          mode === 'read' ? 'reader only' : 'scanVectors',
          best!.seconds,
          best!.wall,
          best!.cpu,
          best!.rss,
        );
        if (mode === 'scan') console.log(`${''.padEnd(10)}scan found ${best!.line}`);
      }
      if (python && (kind === 'npy' || hasPyarrow)) {
        let best: { seconds: number; result: Record<string, unknown> } | undefined;
        for (let i = 0; i < args.repeat; i++) {
          const p = runPythonPeer(python, PEER_NUMPY, [file, kind]);
          if (!best || p.seconds < best.seconds) best = p;
        }
        row(
          kind === 'npy' ? 'numpy mmap' : 'pyarrow mmap+numpy',
          Number(best!.result.seconds),
          best!.seconds,
          Number(best!.result.cpu_seconds),
          Number(best!.result.peak_rss_mb),
        );
      } else {
        console.log(
          `${kind.padEnd(9)} numpy peer skipped (no python with numpy${kind === 'arrow' ? ' and pyarrow' : ''})`,
        );
      }
      if (args.e2e) {
        const m = runNodeMeasured(args.e2e.split(' ').map((a) => a.replaceAll('{file}', file)));
        row(`e2e (exit ${m.status})`, m.seconds, m.seconds, Number.NaN, m.peakRssMB);
      }
    }
  } finally {
    if (!args.keep && !args.dir) rmSync(dir, { recursive: true, force: true });
  }
}

// Run only as a script (or as the bundled child), not when bench/validate.ts imports the writers.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === SELF) await main();
