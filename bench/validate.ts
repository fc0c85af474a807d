/**
 * End-to-end bench of `embedding-gate validate`: `npx tsx bench/validate.ts [--rows 1000000
 * --dims 768 --repeat 3 --dir PATH]`, also run by `npm run bench`.
 *
 * Writes `rows × dims` float32 vectors (unit norm, a few NaN and all-zero rows) as an Arrow
 * IPC file with string ids and as a C-order `.npy` (bench/vectors.ts's writers), and as
 * Parquet (snappy, row groups of 131,072 rows, written by pyarrow from the .npy) when a
 * Python with pyarrow is found; else it says the Parquet row is skipped. The files go to a
 * temporary directory removed at exit, or to `--dir`, where files of the right size from
 * an earlier run are reused and kept.
 *
 * Each file is read once to be in the page cache, then the built CLI is timed whole, process
 * start included — `node dist/cli.js validate <file> --dims 768 --normalization none` —
 * with its peak RSS (`npm run build` first when dist/ is missing; a stale dist/ is not
 * rebuilt). Beside it, the peers: numpy over an mmap-ed `np.load` (norms, isfinite, all-zero
 * rows, chunked as a careful user would), and pyarrow + the same numpy code for the Arrow
 * file (memory-mapped) and the Parquet file (`iter_batches`). Best of `--repeat` runs each,
 * with the 1-minute load average, since the reference machine has 2 cores shared with other
 * work. Python: $EMBEDDING_GATE_PYTHON, else /opt/egvenv/bin/python when it exists, else
 * `python3`.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findPython, fmt, ROOT, runNodeMeasured, runPythonPeer } from './lib.js';
import { PEER_NUMPY, writeArrow, writeNpy } from './vectors.js';

const EGVENV = '/opt/egvenv/bin/python';
const ROW_GROUP = 131_072;

/** Targets this bench checks (README "Benchmarks"). */
const TARGET = { gbps: 2, parquetGbps: 0.5, rssMB: 512 } as const;

interface Args {
  rows: number;
  dims: number;
  repeat: number;
  dir?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const rows = Number(get('rows') ?? 1_000_000);
  const dims = Number(get('dims') ?? 768);
  const repeat = Number(get('repeat') ?? 3);
  for (const [name, n] of [
    ['rows', rows],
    ['dims', dims],
    ['repeat', repeat],
  ] as const) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: a positive integer, got ${n}`);
  }
  return { rows, dims, repeat, ...(get('dir') !== undefined && { dir: resolve(get('dir')!) }) };
}

const WRITE_PARQUET = `
import sys, numpy as np, pyarrow as pa, pyarrow.parquet as pq
src, out, group = sys.argv[1], sys.argv[2], int(sys.argv[3])
x = np.load(src, mmap_mode='r')
rows, dims = x.shape
schema = pa.schema([('id', pa.string()), ('embedding', pa.list_(pa.float32(), dims))])
with pq.ParquetWriter(out, schema, compression='snappy') as w:
    for start in range(0, rows, group):
        part = np.ascontiguousarray(x[start:start + group])
        ids = pa.array([f"doc-{i}" for i in range(start, start + len(part))])
        values = pa.FixedSizeListArray.from_arrays(pa.array(part.reshape(-1)), dims)
        w.write_table(pa.table([ids, values], schema=schema))
print('{}')
`;

type Kind = 'arrow' | 'npy' | 'parquet';

interface Row {
  readonly kind: Kind;
  readonly what: string;
  readonly seconds: number;
  readonly rssMB: number;
  readonly load: number;
}

/** Best (fastest) of `repeat` runs of `run`, each with the load average just before it. */
function best<T extends { seconds: number }>(repeat: number, run: () => T): T & { load: number } {
  let winner: (T & { load: number }) | undefined;
  for (let i = 0; i < repeat; i++) {
    const load = loadavg()[0]!;
    const r = { ...run(), load };
    if (!winner || r.seconds < winner.seconds) winner = r;
  }
  return winner!;
}

async function warm(file: string): Promise<void> {
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 22 })) void chunk;
}

function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'cli.js'))) return;
  console.log('dist/cli.js is missing: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/** Times the CLI on `file`; checks it judged the file (exit 0 or 1) and counted every row. */
function timeCli(file: string, rows: number, dims: number): { seconds: number; rssMB: number } {
  const m = runNodeMeasured([
    join(ROOT, 'dist', 'cli.js'),
    'validate',
    file,
    '--dims',
    String(dims),
    '--normalization',
    'none',
  ]);
  if (m.status !== 0 && m.status !== 1)
    throw new Error(`validate ${file} exited with ${m.status}: ${m.stderr}`);
  const counted = /([\d,]+) rows/.exec(m.stdout)?.[1]?.replaceAll(',', '');
  if (Number(counted) !== rows)
    throw new Error(`validate ${file} reported ${counted} rows, expected ${rows}:\n${m.stdout}`);
  return { seconds: m.seconds, rssMB: m.peakRssMB };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!process.env.EMBEDDING_GATE_PYTHON && existsSync(EGVENV))
    process.env.EMBEDDING_GATE_PYTHON = EGVENV;
  const dir = args.dir ?? mkdtempSync(join(tmpdir(), 'eg-bench-validate-'));
  const cleanup = (): void => {
    if (!args.dir) rmSync(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  mkdirSync(dir, { recursive: true });
  const files: Record<Kind, string> = {
    arrow: join(dir, 'vectors.arrow'),
    npy: join(dir, 'vectors.npy'),
    parquet: join(dir, 'vectors.parquet'),
  };
  try {
    ensureBuilt();
    const npyBytes = 128 + args.rows * args.dims * 4;
    const reuse = existsSync(files.npy) && statSync(files.npy).size === npyBytes;
    if (!reuse || !existsSync(files.arrow)) {
      const t = process.hrtime.bigint();
      await writeArrow(files.arrow, args.rows, args.dims);
      await writeNpy(files.npy, args.rows, args.dims);
      console.log(`wrote Arrow and .npy in ${fmt(Number(process.hrtime.bigint() - t) / 1e9, 1)} s`);
    }
    const python = findPython(['numpy']);
    const pyarrow = findPython(['numpy', 'pyarrow']);
    const kinds: Kind[] = ['arrow', 'npy'];
    if (pyarrow) {
      if (!reuse || !existsSync(files.parquet)) {
        const t = process.hrtime.bigint();
        runPythonPeer(pyarrow, WRITE_PARQUET, [files.npy, files.parquet, String(ROW_GROUP)]);
        console.log(`wrote Parquet in ${fmt(Number(process.hrtime.bigint() - t) / 1e9, 1)} s`);
      }
      kinds.push('parquet');
    }

    console.log(
      `\n${args.rows} × ${args.dims} float32 in ${dir}; ${cpus().length} CPUs; best of ${args.repeat}; ` +
        `load = 1-minute load average before the best run`,
    );
    console.log(
      'file      contender                    size GB   wall s    GB/s   peak RSS MB   load   targets',
    );
    const rows: Row[] = [];
    for (const kind of kinds) {
      const file = files[kind];
      const gb = statSync(file).size / 1e9;
      await warm(file);
      const cli = best(args.repeat, () => timeCli(file, args.rows, args.dims));
      rows.push({ kind, what: 'embedding-gate validate', ...cli });
      const peerPython = kind === 'npy' ? python : pyarrow;
      let peer: Row | undefined;
      if (peerPython) {
        const p = best(args.repeat, () => {
          const r = runPythonPeer(peerPython, PEER_NUMPY, [file, kind]);
          if (Number(r.result.rows) !== args.rows)
            throw new Error(`the ${kind} peer counted ${String(r.result.rows)} rows`);
          return { seconds: r.seconds, rssMB: Number(r.result.peak_rss_mb) };
        });
        peer = {
          kind,
          what: kind === 'npy' ? 'numpy np.load mmap' : `pyarrow + numpy`,
          ...p,
        };
      }
      const speed = gb / cli.seconds;
      const floor = kind === 'parquet' ? TARGET.parquetGbps : TARGET.gbps;
      const checks = [
        `${speed >= floor ? 'ok' : 'MISS'} ≥${floor} GB/s`,
        `${cli.rssMB < TARGET.rssMB ? 'ok' : 'MISS'} RSS <${TARGET.rssMB} MB`,
        ...(peer && kind !== 'parquet'
          ? [`${cli.seconds < peer.seconds ? 'ok' : 'MISS'} faster than the peer`]
          : []),
      ];
      const line = (r: Row, targets: string): void =>
        console.log(
          `${r.kind.padEnd(9)} ${r.what.padEnd(28)} ${fmt(gb).padStart(7)}   ${fmt(r.seconds).padStart(6)}   ${fmt(gb / r.seconds).padStart(5)}   ${fmt(r.rssMB, 0).padStart(11)}   ${fmt(r.load).padStart(4)}   ${targets}`,
        );
      line(rows[rows.length - 1]!, checks.join(', '));
      if (peer) {
        rows.push(peer);
        line(peer, '');
      } else {
        console.log(
          `${kind.padEnd(9)} peer skipped: no Python with numpy${kind === 'npy' ? '' : ' and pyarrow'}`,
        );
      }
    }
    if (!pyarrow)
      console.log(
        'parquet   skipped: no Python with pyarrow to write the file (set EMBEDDING_GATE_PYTHON)',
      );
  } finally {
    cleanup();
  }
}

await main();
