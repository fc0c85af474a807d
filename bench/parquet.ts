/**
 * Parquet reader bench: `npx tsx bench/parquet.ts [--rows 1000000 --dims 768
 * --compression snappy --row-group 131072 --file PATH --keep]`.
 *
 * Writes `rows × dims` float32 vectors (FixedSizeList) with string ids to a Parquet file
 * with pyarrow, which needs a Python with pyarrow and numpy (`EMBEDDING_GATE_PYTHON`, else
 * `python3`); `--row-group 0` writes one row group
 * for the whole file (pandas' default layout, the hardest case for memory). Then times, each
 * in its own process: `openParquet` streaming every batch (ids included), and pyarrow
 * reading the same file both streamed (`iter_batches`) and whole (`read_table`). Reports
 * GB/s of file read and the peak RSS of the whole process.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLocalSource } from '../src/sources/local.js';
import { openParquet } from '../src/vectors/parquet/reader.js';
import { findPython, fmt, runNodeMeasured, runPythonPeer } from './lib.js';

interface Args {
  rows: number;
  dims: number;
  compression: 'snappy' | 'zstd' | 'none';
  rowGroup: number;
  file?: string;
  keep: boolean;
  worker?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const compression = get('compression') ?? 'snappy';
  if (!['snappy', 'zstd', 'none'].includes(compression))
    throw new Error(`--compression: snappy, zstd or none, got ${compression}`);
  return {
    rows: Number(get('rows') ?? 1_000_000),
    dims: Number(get('dims') ?? 768),
    compression: compression as Args['compression'],
    rowGroup: Number(get('row-group') ?? 131_072),
    ...(get('file') !== undefined && { file: resolve(get('file')!) }),
    keep: argv.includes('--keep'),
    ...(get('worker') !== undefined && { worker: get('worker')! }),
  };
}

const WRITE_PYARROW = `
import sys, numpy as np, pyarrow as pa, pyarrow.parquet as pq
out, rows, dims, comp, rg = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
schema = pa.schema([('id', pa.string()), ('embedding', pa.list_(pa.float32(), dims))])
rng = np.random.default_rng(0)
def part(start, n):
    v = rng.standard_normal((n, dims), dtype=np.float32)
    ids = pa.array([f"doc-{i}" for i in range(start, start + n)])
    return pa.table([ids, pa.FixedSizeListArray.from_arrays(pa.array(v.reshape(-1)), dims)], schema=schema)
if rg <= 0:
    pq.write_table(part(0, rows), out, compression=comp, row_group_size=rows)
else:
    with pq.ParquetWriter(out, schema, compression=comp) as w:
        for start in range(0, rows, rg):
            w.write_table(part(start, min(rg, rows - start)))
print('{}')
`;

const PEER_PYARROW = `
import sys, time, json, resource, os, pyarrow.parquet as pq
path, mode = sys.argv[1], sys.argv[2]
t = time.perf_counter(); c = time.process_time(); rows = 0
if mode == 'iter_batches':
    for b in pq.ParquetFile(path).iter_batches(batch_size=2048):
        rows += b.num_rows
else:
    rows = pq.read_table(path).num_rows
s = time.perf_counter() - t
print(json.dumps({"rows": rows, "seconds": s, "cpu_seconds": time.process_time() - c, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`;

/** The measured process: open, stream every batch, touch the values and ids. */
async function worker(path: string): Promise<void> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const source = await openParquet(await openLocalSource({ path }), {});
  let rows = 0;
  let batches = 0;
  let checksum = 0;
  let idChars = 0;
  for await (const batch of source.batches()) {
    const values = batch.values;
    for (let i = 0; i < values.length; i += 4096) checksum += values[i]!;
    idChars += batch.ids?.[0]?.length ?? 0;
    rows += batch.rows;
    batches++;
  }
  await source.close();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    JSON.stringify({ rows, batches, seconds, cpuSeconds, checksum, idChars, info: source.info }),
  );
}

/** Reads the file once so that no measured run pays for the disk. */
async function warm(path: string): Promise<void> {
  for await (const _ of createReadStream(path, { highWaterMark: 8 << 20 })) {
    // discard
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.worker) return worker(args.worker);
  const dir = mkdtempSync(join(tmpdir(), 'eg-bench-parquet-'));
  const python = findPython(['numpy', 'pyarrow']);
  try {
    let path = args.file;
    if (!path) {
      path = join(dir, `vectors-${args.rows}x${args.dims}-${args.compression}.parquet`);
      const layout = args.rowGroup > 0 ? `row groups of ${args.rowGroup} rows` : 'one row group';
      if (!python) {
        console.log(
          'Parquet bench skipped: no Python with numpy and pyarrow to write the file (set EMBEDDING_GATE_PYTHON)',
        );
        return;
      }
      console.log(
        `writing ${args.rows} × ${args.dims} float32 (${args.compression}, ${layout}) with pyarrow…`,
      );
      runPythonPeer(python, WRITE_PYARROW, [
        path,
        String(args.rows),
        String(args.dims),
        args.compression,
        String(args.rowGroup),
      ]);
    }
    if (!existsSync(path)) throw new Error(`${path}: no such file`);
    const gb = statSync(path).size / 1e9;
    console.log(`file: ${path} (${fmt(gb, 3)} GB)`);
    await warm(path);

    // CPU seconds say how much work a read is, whatever else runs on the machine; GB/s of
    // wall time is what a user waits for, on a machine as busy as this one is now.
    const row = (name: string, seconds: number, cpu: number, wall: number, rss: number): string =>
      `${name.padEnd(26)} ${fmt(seconds, 2).padStart(7)} s ${fmt(gb / seconds, 3).padStart(7)} GB/s ` +
      `${fmt(cpu, 2).padStart(7)} s CPU ${fmt(wall, 2).padStart(7)} s process ` +
      `${fmt(rss, 0).padStart(6)} MB peak RSS`;

    const self = fileURLToPath(import.meta.url);
    const m = runNodeMeasured(['--import', import.meta.resolve('tsx'), self, '--worker', path]);
    if (m.status !== 0) throw new Error(`openParquet worker failed:\n${m.stderr}`);
    const ours = JSON.parse(m.stdout.trim().split('\n').pop()!) as {
      rows: number;
      batches: number;
      seconds: number;
      cpuSeconds: number;
    };
    console.log(
      row('openParquet (TypeScript)', ours.seconds, ours.cpuSeconds, m.seconds, m.peakRssMB),
    );
    console.log(
      `  ${ours.rows} rows in ${ours.batches} batches; peak RSS limit 512 MB: ${m.peakRssMB < 512 ? 'met' : 'EXCEEDED'}`,
    );

    if (!python) {
      console.log(
        'pyarrow peers skipped: no Python with numpy and pyarrow (set EMBEDDING_GATE_PYTHON)',
      );
      return;
    }
    for (const mode of ['iter_batches', 'read_table']) {
      const { seconds: wall, result } = runPythonPeer(python, PEER_PYARROW, [path, mode]);
      const peer = result as {
        rows: number;
        seconds: number;
        cpu_seconds: number;
        peak_rss_mb: number;
      };
      console.log(row(`pyarrow ${mode}`, peer.seconds, peer.cpu_seconds, wall, peer.peak_rss_mb));
      console.log(
        `  openParquet runs at ${fmt(peer.seconds / ours.seconds, 2)}× its speed ` +
          `and uses ${fmt(ours.cpuSeconds / peer.cpu_seconds, 2)}× its CPU time`,
      );
    }
  } finally {
    if (args.keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
