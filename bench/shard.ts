/**
 * Sharding bench: `npx tsx bench/shard.ts [--n 2000000 --dims 768 --nq 1000 --k 10
 * --shards 4 --max-gb 8 --keep]`.
 *
 * Writes a corpus (.npy, float32, with a sidecar of ids) and queries, then runs, each in its
 * own process so its peak RSS is its own, and in sequence (one machine standing in for a job
 * matrix): `validate` (the scan every `check` shard runs) and `knn` (the exact search of the
 * benchmarks), once whole and as `--shards` shards, and `merge` of each. Reports per-shard
 * time and peak RSS, merge time, the partials' sizes, and whether the merged answer equals
 * the single run's byte for byte.
 *
 * Skippable by size: when the corpus would exceed `--max-gb` (default 8 GB of float32) the
 * bench says so and exits 0, so `npm run bench -- --n 100000` stays quick everywhere.
 * Data generation is one pass of an xorshift generator over a 4,096-row pool with 16 random
 * values per row on top, so 6 GB are written in seconds and no two rows are equal.
 */
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, ROOT, runNodeMeasured, type Measured } from './lib.js';

const argv = process.argv.slice(2);
const get = (name: string, fallback: number): number => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const n = get('n', 2_000_000);
const dims = get('dims', 768);
const nq = get('nq', 1000);
const k = get('k', 10);
const shards = get('shards', 4);
const maxGb = get('max-gb', 8);
const keep = argv.includes('--keep');

const corpusBytes = n * dims * 4;
if (corpusBytes > maxGb * 1e9) {
  console.log(
    `skipped: ${n.toLocaleString('en')} × ${dims} float32 is ${fmt(corpusBytes / 1e9, 1)} GB, over --max-gb ${maxGb}; ` +
      `give --max-gb ${Math.ceil(corpusBytes / 1e9)} to run it, or --n for a smaller corpus`,
  );
  process.exit(0);
}

/** xorshift32 in [-1, 1): fast, seeded, good enough for timing data. */
function generator(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 31 - 1;
  };
}

function writeNpy(path: string, rows: number, seed: number): void {
  const next = generator(seed);
  const POOL = 4096;
  const pool = Float32Array.from({ length: POOL * dims }, next);
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${dims}), }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const fd = openSync(path, 'w');
  try {
    const pre = Buffer.alloc(10);
    pre.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    pre.writeUInt16LE(header.length, 8);
    writeSync(fd, pre);
    writeSync(fd, header, null, 'latin1');
    const step = 8192;
    const out = new Float32Array(step * dims);
    for (let start = 0; start < rows; start += step) {
      const m = Math.min(step, rows - start);
      for (let r = 0; r < m; r++) {
        const row = out.subarray(r * dims, (r + 1) * dims);
        row.set(pool.subarray(((start + r) % POOL) * dims, (((start + r) % POOL) + 1) * dims));
        for (let j = 0; j < 16; j++) row[(Math.abs(next()) * dims) | 0] = next();
      }
      writeSync(fd, new Uint8Array(out.buffer, 0, m * dims * 4));
    }
  } finally {
    closeSync(fd);
  }
}

function writeIds(path: string, rows: number): void {
  const fd = openSync(path, 'w');
  try {
    const step = 100_000;
    for (let start = 0; start < rows; start += step) {
      let text = '';
      for (let r = start; r < Math.min(rows, start + step); r++) text += `doc-${r}\n`;
      writeSync(fd, text);
    }
  } finally {
    closeSync(fd);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'eg-bench-shard-'));
const cli = join(ROOT, 'src/cli/index.ts');
// Every file by its absolute path: the processes run in the repository (where tsx resolves).
const at = (file: string) => join(dir, file);
const run = (args: readonly string[]): Measured => {
  const m = runNodeMeasured(['--import', 'tsx', cli, ...args], {});
  if (m.status !== 0 && m.status !== 1)
    throw new Error(`embedding-gate ${args.join(' ')} exited ${m.status}: ${m.stderr}`);
  return m;
};
const MB = (file: string) => statSync(file).size / 2 ** 20;

try {
  let t0 = process.hrtime.bigint();
  writeNpy(join(dir, 'corpus.npy'), n, 1);
  writeIds(join(dir, 'ids.txt'), n);
  writeNpy(join(dir, 'queries.npy'), nq, 2);
  const genSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(
    `data: ${n.toLocaleString('en')} × ${dims} float32 (${fmt(corpusBytes / 2 ** 30, 2)} GiB) + ${nq} queries, written in ${fmt(genSeconds, 1)} s`,
  );

  const validate = ['validate', at('corpus.npy'), '--ids', at('ids.txt'), '--dims', String(dims)];
  const knn = [
    'knn',
    '--queries',
    at('queries.npy'),
    '--corpus',
    at('corpus.npy'),
    '-k',
    String(k),
    '--metric',
    'dot',
  ];
  const plans: { name: string; args: string[]; single: string[]; merged: string[]; out: string }[] =
    [
      {
        name: 'validate (the scan of check)',
        args: validate,
        single: ['--format', `json=${at('single.json')}`],
        merged: ['--format', `json=${at('merged.json')}`],
        out: 'json',
      },
      {
        name: `knn (${nq} queries, k ${k})`,
        args: knn,
        single: ['--output', at('single.run')],
        merged: ['--output', at('merged.run')],
        out: 'run',
      },
    ];
  for (const plan of plans) {
    console.log(`\n${plan.name}`);
    const single = run([...plan.args, ...plan.single]);
    console.log(
      `  1 shard (plain run)     ${fmt(single.seconds, 1)} s, peak RSS ${fmt(single.peakRssMB, 0)} MB`,
    );
    const parts: string[] = [];
    let slowest = 0;
    for (let i = 1; i <= shards; i++) {
      const file = at(`${plan.out}-${i}.json`);
      const m = run([...plan.args, '--shard', `${i}/${shards}`, '--partial', file]);
      slowest = Math.max(slowest, m.seconds);
      parts.push(file);
      console.log(
        `  shard ${i}/${shards}              ${fmt(m.seconds, 1)} s, peak RSS ${fmt(m.peakRssMB, 0)} MB, partial ${fmt(MB(file), 1)} MB`,
      );
    }
    t0 = process.hrtime.bigint();
    const merged = run(['merge', ...parts, ...plan.merged]);
    const same =
      plan.out === 'json'
        ? readFileSync(at('single.json'), 'utf8') === readFileSync(at('merged.json'), 'utf8')
        : readFileSync(at('single.run'), 'utf8') === readFileSync(at('merged.run'), 'utf8');
    console.log(
      `  merge                   ${fmt(merged.seconds, 1)} s, peak RSS ${fmt(merged.peakRssMB, 0)} MB; ` +
        `merged ${same ? 'identical to' : 'DIFFERENT FROM'} the single run`,
    );
    console.log(
      `  as a matrix: slowest shard + merge = ${fmt(slowest + merged.seconds, 1)} s vs ${fmt(single.seconds, 1)} s on one machine`,
    );
    if (!same) process.exitCode = 1;
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
