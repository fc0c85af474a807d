/**
 * A realistic release, step by step: `check` of a candidate 1.0.1 against 1.0.0, both
 * `--rows` × `--dims` float32 (baseline .npy + ids; candidate Arrow IPC when it fits in
 * 1 GB of memory to write, else .npy), a `--queries`-query suite (k 100) run on both
 * versions, three consumers with quality floors (one with a staging model), and the compatibility
 * sample (`--sample`).
 *
 *   npx tsx bench/release.ts [--rows 100000] [--dims 768] [--queries 1000] [--sample 2000]
 *   npx tsx bench/release.ts --rows 1000000      # the issue's realistic release (≈ 6 GB of files)
 *   npx tsx bench/release.ts --rows 1000000 --no-steps --shards 2,4 --keep /tmp/release-1m
 *
 * Prints each engine step's time in process (the steps executePlan runs, in its order) with
 * its CPU seconds and the process's peak RSS after it, then the whole `check` command in its
 * own process (time, CPU seconds, peak RSS, exit code; skipped with `--steps-only`), with the
 * load average beside the numbers. `--shards 2,4` then runs, for each N, `check --shard i/N`
 * for every i one after another (each its own process: one machine standing in for N
 * runners) and `merge`, checks that the merged JSON report equals the whole check's, and
 * prints each process's wall, CPU seconds and peak RSS, each partial's size, the critical
 * path on N runners (slowest shard + merge) and the sum. `--no-steps` skips the steps;
 * `--keep DIR` writes the story into DIR once and reuses it.
 */
import { createHash, type Hash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDeps } from '../src/gate/default-deps.js';
import { resolvePlan, type GatePlan } from '../src/gate/plan.js';
import { benchmarkStep } from '../src/gate/benchmark-step.js';
import { scanStep, scannedVersion, stagingInput } from '../src/gate/steps.js';
import { sampleReader, sampleToKeep } from '../src/gate/run.js';
import { stagingStep } from '../src/staging/step.js';
import { linearModel } from '../test/fixtures/staging/models.js';
import { runVersioning } from '../src/release/versioning.js';
import type { Finding } from '../src/config/findings.js';
import { arrowFloat32 } from '../src/vectors/write.js';
import { fmt, ROOT, runNodeMeasured, type Measured } from './lib.js';

function stringArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const ROWS = arg('rows', 100_000);
const DIMS = arg('dims', 768);
const QUERIES = Math.min(arg('queries', 1000), ROWS);
const SAMPLE = arg('sample', 2000);
const CENTRES = 64;

/** Seeded xorshift; `gauss` is a sum of three uniforms (fast, bell-shaped, enough here). */
function generator(seed: number): { gauss: () => number } {
  let s = seed >>> 0 || 1;
  const u = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  return { gauss: () => u() + u() + u() - 1.5 };
}

function normalise(v: Float32Array, dims: number): void {
  for (let r = 0; r < v.length / dims; r++) {
    let s = 0;
    for (let j = 0; j < dims; j++) s += v[r * dims + j]! ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < dims; j++) v[r * dims + j]! *= inv;
  }
}

/**
 * Rows [start, start + n) of a version: a clustered space (64 centres, unit rows); the
 * candidate (`drift` > 0) is the same rows plus noise of that norm, renormalised.
 */
let centresCache: Float32Array | undefined;

function rowsOf(start: number, n: number, drift: number): Float32Array {
  if (!centresCache) {
    centresCache = new Float32Array(CENTRES * DIMS);
    const c = generator(7);
    for (let i = 0; i < centresCache.length; i++) centresCache[i] = c.gauss();
    normalise(centresCache, DIMS);
  }
  const centres = centresCache;
  const out = new Float32Array(n * DIMS);
  for (let r = 0; r < n; r++) {
    const g = generator(1 + start + r);
    const k = (start + r) % CENTRES;
    for (let j = 0; j < DIMS; j++) out[r * DIMS + j] = centres[k * DIMS + j]! + 0.06 * g.gauss();
  }
  normalise(out, DIMS);
  if (drift > 0) {
    for (let r = 0; r < n; r++) {
      const g = generator(1_000_003 + start + r);
      for (let j = 0; j < DIMS; j++) out[r * DIMS + j]! += (drift / Math.sqrt(DIMS)) * g.gauss();
    }
    normalise(out, DIMS);
  }
  return out;
}

const ids = (n: number, prefix = 'doc-') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(7, '0')}`);

/** Streams a version's rows to an .npy file 8,192 rows at a time; returns its sha256. */
function writeNpy(path: string, drift: number): string {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${ROWS}, ${DIMS}), }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const pre = Buffer.alloc(10);
  pre.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  pre.writeUInt16LE(header.length, 8);
  const hash: Hash = createHash('sha256');
  const fd = openSync(path, 'w');
  try {
    const put = (b: Uint8Array): void => {
      writeSync(fd, b);
      hash.update(b);
    };
    put(pre);
    put(Buffer.from(header, 'latin1'));
    for (let start = 0; start < ROWS; start += 8192) {
      const v = rowsOf(start, Math.min(8192, ROWS - start), drift);
      put(new Uint8Array(v.buffer));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function manifest(version: string, vectors: string, sha: string, extra = ''): string {
  return `name: catalogue
version: ${version}
tag: catalogue-v${version}
model: { name: bench-encoder, revision: "r${version}" }
vectors:
${vectors}  sha256: ${sha}
dims: ${DIMS}
dtype: float32
normalization: l2
metric: cosine
created: 2026-01-10T09:00:00Z
inputs: { dataset: catalogue-2026-01, sha256: "${'0'.repeat(64)}" }
preprocessing: { lowercase: true }
${extra}suites:
  - path: ../../suites/search.yaml
`;
}

function contract(consumer: string, quality: string): string {
  return `consumer: ${consumer}
owner: "@bench/${consumer}"
embedding: catalogue
accepts: ^1.0.0
status: active
requires: { dims: ${DIMS}, dtype: float32, normalization: l2, norm_tolerance: 0.001, metric: cosine }
quality:
${quality}`;
}

/** Writes the whole release story; returns the `check` request. */
function writeStory(dir: string): { request: GatePlan; args: string[]; candidateFormat: string } {
  const docIds = ids(ROWS);
  for (const v of ['1.0.0', '1.0.1']) mkdirSync(join(dir, 'releases', v), { recursive: true });
  mkdirSync(join(dir, 'contracts'));
  mkdirSync(join(dir, 'suites', 'queries'), { recursive: true });
  const rel = (v: string, f: string) => join(dir, 'releases', v, f);
  writeFileSync(rel('1.0.0', 'ids.txt'), docIds.join('\n') + '\n');
  const shaA = writeNpy(rel('1.0.0', 'vectors.npy'), 0);
  writeFileSync(
    rel('1.0.0', 'manifest.yaml'),
    manifest('1.0.0', '  path: vectors.npy\n  ids: ids.txt\n', shaA),
  );
  // The candidate: Arrow when its values fit in 1 GB (the writer holds them all), else .npy.
  const arrow = ROWS * DIMS * 4 <= 2 ** 30;
  let shaB: string;
  if (arrow) {
    const bytes = arrowFloat32(docIds, rowsOf(0, ROWS, 0.1), DIMS);
    writeFileSync(rel('1.0.1', 'vectors.arrow'), bytes);
    shaB = createHash('sha256').update(bytes).digest('hex');
  } else {
    writeFileSync(rel('1.0.1', 'ids.txt'), docIds.join('\n') + '\n');
    shaB = writeNpy(rel('1.0.1', 'vectors.npy'), 0.1);
  }
  writeFileSync(
    rel('1.0.1', 'manifest.yaml'),
    manifest(
      '1.0.1',
      arrow
        ? '  path: vectors.arrow\n  id_column: id\n  vector_column: embedding\n'
        : '  path: vectors.npy\n  ids: ids.txt\n',
      shaB,
      'parent: 1.0.0\n',
    ),
  );
  // Queries: every (rows / queries)-th document plus noise; the document is the relevant one.
  const step = Math.floor(ROWS / QUERIES);
  const qIds = ids(QUERIES, 'q-');
  const qrels = ['query-id\tcorpus-id\tscore'];
  for (const [drift, v] of [
    [0, '1.0.0'],
    [0.1, '1.0.1'],
  ] as const) {
    const q = new Float32Array(QUERIES * DIMS);
    for (let i = 0; i < QUERIES; i++) {
      const row = rowsOf(i * step, 1, drift);
      const g = generator(5_000_011 + i);
      for (let j = 0; j < DIMS; j++)
        q[i * DIMS + j] = row[j]! + (0.3 / Math.sqrt(DIMS)) * g.gauss();
    }
    normalise(q, DIMS);
    writeFileSync(join(dir, 'suites', 'queries', `${v}.arrow`), arrowFloat32(qIds, q, DIMS));
  }
  for (let i = 0; i < QUERIES; i++) qrels.push(`${qIds[i]}\t${docIds[i * step]}\t1`);
  writeFileSync(join(dir, 'suites', 'qrels.tsv'), qrels.join('\n') + '\n');
  writeFileSync(
    join(dir, 'suites', 'search.yaml'),
    `suite: search\nqrels: qrels.tsv\nk: 100\nversions:\n  "1.0.0":\n    queries: { path: queries/1.0.0.arrow }\n  "1.0.1":\n    queries: { path: queries/1.0.1.arrow }\n`,
  );
  writeFileSync(
    join(dir, 'contracts', 'search.yaml'),
    contract('search', '  - { suite: search, metric: ndcg@10, min: 0.1, max_drop: 0.05 }\n'),
  );
  writeFileSync(
    join(dir, 'contracts', 'recommend.yaml'),
    contract('recommend', '  - { suite: search, metric: recall@100, min: 0.2, max_drop: 0.05 }\n'),
  );
  // A consumer's staging model: a 768 → 10 linear classifier run on both versions' vectors
  // (every id labeled; random weights, so its floor is 0 and only the run is measured).
  mkdirSync(join(dir, 'models'));
  writeFileSync(join(dir, 'models', 'classifier.onnx'), linearModel(DIMS, 10, 3));
  writeFileSync(
    join(dir, 'models', 'labels.csv'),
    'id,label\n' + docIds.map((id, i) => `${id},${i % 10}`).join('\n') + '\n',
  );
  writeFileSync(
    join(dir, 'contracts', 'classifier.yaml'),
    contract('classifier', '  - { suite: search, metric: recall@10, min: 0.1 }\n') +
      `staging:\n  model: ../models/classifier.onnx\n  labels: ../models/labels.csv\n  task: classification\n  metric: accuracy\n  min: 0\n  max_drop: 0.5\n`,
  );
  return storyArgs(dir);
}

/** The `check` command line of the story in `dir`. */
function storyArgs(dir: string): { request: GatePlan; args: string[]; candidateFormat: string } {
  const arrow = ROWS * DIMS * 4 <= 2 ** 30;
  const { request } = writeStoryRequest(dir);
  const args = [
    'check',
    '--candidate',
    request.candidate,
    '--baseline',
    request.baseline as string,
    '--contracts',
    'contracts',
    '--sample-size',
    String(SAMPLE),
    '--format',
    'json',
  ];
  return { request, args, candidateFormat: arrow ? 'Arrow' : '.npy' };
}

const peakMB = (): number => process.resourceUsage().maxRSS / 1024;

/** The steps of executePlan, each timed. */
async function steps(request: GatePlan): Promise<void> {
  const deps = defaultDeps();
  let t = performance.now();
  const total = t;
  // CPU seconds of the process (onnxruntime's threads included) beside wall time: on a
  // shared machine they move far less with other jobs' load.
  let cpu = process.cpuUsage();
  const cpu0 = cpu;
  const cpuSince = (from: NodeJS.CpuUsage): number => {
    const u = process.cpuUsage(from);
    return (u.user + u.system) / 1e6;
  };
  const lap = (name: string): void => {
    const now = performance.now();
    console.log(
      `  ${name.padEnd(44)} ${fmt((now - t) / 1000, 2).padStart(7)} s ${fmt(cpuSince(cpu), 2).padStart(7)} CPU-s  peak RSS so far ${fmt(peakMB(), 0).padStart(5)} MB`,
    );
    t = now;
    cpu = process.cpuUsage();
  };
  const plan = await resolvePlan(request);
  lap('plan (load and check every file)');
  const findings: Finding[] = [
    ...plan.candidate.loaded.findings,
    ...(plan.baseline?.loaded.findings ?? []),
    ...plan.contracts.flatMap((c) => c.findings),
  ];
  for (const f of findings) console.log(`  plan finding: ${f.id} ${f.message}`);
  // As executePlan: the scans keep the compatibility sample's rows, the versioning reads them.
  const scans = await scanStep(plan, deps, findings, sampleToKeep(plan, deps));
  lap('scan both versions (sha256, validate)');
  const baseline = scans.baseline ? plan.baseline : undefined;
  const bench = scans.candidate ? await benchmarkStep(plan, deps, baseline) : undefined;
  lap(`benchmarks (kNN of ${QUERIES} queries × 2 versions)`);
  const staging = scans.candidate
    ? await stagingStep(stagingInput(plan, deps, baseline))
    : undefined;
  lap('staging (768 → 10 classifier, both versions)');
  const versioning = await runVersioning({
    workspace: request.workspace,
    cwd: request.cwd,
    registry: plan.registry,
    pointers: plan.pointers,
    compatibility: request.compatibility,
    candidate: scannedVersion(plan.candidate, scans.candidate),
    baseline: plan.baseline && scannedVersion(plan.baseline, scans.baseline),
    contracts: plan.contracts,
    now: new Date(),
    open: deps.openVectors,
    readSample: sampleReader(plan, scans, deps),
    suites: bench?.suites,
  });
  lap(`compatibility (sample ${SAMPLE}) and versioning`);
  const all = [
    ...findings,
    ...(bench?.findings ?? []),
    ...(staging?.findings ?? []),
    ...versioning.findings,
  ];
  console.log(`  findings: ${all.map((f) => `${f.id} (${f.severity})`).join(', ') || 'none'}`);
  console.log(
    `  ${'total'.padEnd(44)} ${fmt((performance.now() - total) / 1000, 2).padStart(7)} s ${fmt(cpuSince(cpu0), 2).padStart(7)} CPU-s  ` +
      `(${all.length} findings; ` +
      `compatibility: ${versioning.compatibility?.verdict ?? 'not measured'})`,
  );
}

async function main(): Promise<void> {
  if (process.argv.includes('--worker-steps')) {
    const dir = process.argv[process.argv.indexOf('--worker-steps') + 1] as string;
    const { request } = writeStoryRequest(dir);
    return steps(request);
  }
  // --keep DIR: the story is written into DIR once and kept, so runs can be repeated on it.
  const kept = stringArg('keep');
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'eg-bench-release-'));
  try {
    let t0 = performance.now();
    const reuse = kept !== undefined && existsSync(join(dir, 'contracts', 'classifier.yaml'));
    if (kept !== undefined) mkdirSync(dir, { recursive: true });
    const { args, candidateFormat } = reuse ? storyArgs(dir) : writeStory(dir);
    console.log(
      `release: 2 × ${ROWS.toLocaleString('en-US')} × ${DIMS} float32 (baseline .npy, candidate ${candidateFormat}), ` +
        `${QUERIES} queries, 3 consumers (1 staging model), sample ${SAMPLE}; ` +
        (reuse
          ? `files kept in ${dir}`
          : `files written in ${fmt((performance.now() - t0) / 1000, 1)} s`),
    );
    console.log(
      `steps in process (load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}):`,
    );
    const load = (): string =>
      `load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`;
    const shardCounts = (stringArg('shards') ?? '')
      .split(',')
      .filter((x) => x !== '')
      .map(Number);
    if (process.argv.includes('--no-steps')) {
      console.log('steps in process: skipped (--no-steps)');
      return await wholeAndShards(dir, args, shardCounts, load);
    }
    const stepRun = runNodeMeasured([
      '--import',
      'tsx',
      join(ROOT, 'bench/release.ts'),
      ...process.argv.slice(2),
      '--worker-steps',
      dir,
    ]);
    process.stdout.write(stepRun.stdout);
    if (stepRun.status !== 0) console.log(stepRun.stderr);
    if (process.argv.includes('--steps-only')) return;
    t0 = performance.now();
    await wholeAndShards(dir, args, shardCounts, load);
  } finally {
    if (kept === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

/** `embedding-gate <args>` in its own process in `dir`, measured. */
function cliRun(dir: string, args: readonly string[]): Measured {
  return runNodeMeasured(
    ['--import', import.meta.resolve('tsx'), join(ROOT, 'src/cli/index.ts'), ...args],
    {},
    dir,
  );
}

const MiB = (file: string): number => statSync(file).size / 2 ** 20;
const measured = (m: Measured): string =>
  `${fmt(m.seconds, 2).padStart(6)} s ${fmt(m.cpuSeconds, 2).padStart(6)} CPU-s ${fmt(m.peakRssMB, 0).padStart(5)} MB`;

/**
 * The whole `check` in its own process, then for each N in `shardCounts` its N shards one
 * after another (each its own process: one machine standing in for N runners) and the
 * merge, whose JSON report must equal the whole check's.
 */
async function wholeAndShards(
  dir: string,
  args: readonly string[],
  shardCounts: readonly number[],
  load: () => string,
): Promise<void> {
  const cli = cliRun(dir, args);
  console.log(
    `whole \`check\` in its own process: ${fmt(cli.seconds, 2)} s, ${fmt(cli.cpuSeconds, 2)} CPU-s, peak RSS ${fmt(cli.peakRssMB, 0)} MB, ` +
      `exit ${cli.status} (${load()})`,
  );
  if (cli.status !== 0 && cli.status !== 1) {
    console.log(cli.stderr.slice(0, 2000));
    return;
  }
  const single = JSON.parse(cli.stdout) as unknown;
  for (const n of shardCounts) {
    console.log(`check as ${n} shards, one after another, then merge (wall, CPU-s, peak RSS):`);
    mkdirSync(join(dir, 'partials'), { recursive: true });
    const files: string[] = [];
    let slowest = 0;
    let sum = 0;
    let cpuSum = 0;
    for (let i = 1; i <= n; i++) {
      const file = join('partials', `${n}-${i}.json`);
      const m = cliRun(dir, [...args, '--shard', `${i}/${n}`, '--partial', file]);
      if (m.status !== 0) {
        console.log(`  shard ${i}/${n} exited ${m.status}: ${m.stderr.slice(0, 2000)}`);
        return;
      }
      files.push(file);
      slowest = Math.max(slowest, m.seconds);
      sum += m.seconds;
      cpuSum += m.cpuSeconds;
      console.log(
        `  shard ${`${i}/${n}`.padEnd(5)} ${measured(m)}  partial ${fmt(MiB(join(dir, file)), 1).padStart(7)} MiB  (${load()})`,
      );
    }
    const merge = cliRun(dir, ['merge', ...files, '--format', 'json']);
    const how = /staging: [^\n]*/.exec(merge.stderr)?.[0] ?? '';
    console.log(`  merge       ${measured(merge)}  exit ${merge.status} (${load()})`);
    if (how) console.log(`    ${how}`);
    if (merge.status !== 0 && merge.status !== 1) {
      console.log(merge.stderr.slice(0, 2000));
      process.exitCode = 1;
      continue;
    }
    const difference = firstDifference(single, JSON.parse(merge.stdout) as unknown, '');
    console.log(
      `  merged report ${difference === undefined ? "equals the whole check's" : `DIFFERS from the whole check's at ${difference}`}`,
    );
    if (difference !== undefined) process.exitCode = 1;
    console.log(
      `  critical path on ${n} runners (slowest shard + merge): ${fmt(slowest + merge.seconds, 2)} s; ` +
        `sum of all processes: ${fmt(sum + merge.seconds, 2)} s, ${fmt(cpuSum + merge.cpuSeconds, 2)} CPU-s ` +
        `(whole check ${fmt(cli.seconds, 2)} s, ${fmt(cli.cpuSeconds, 2)} CPU-s)`,
    );
    rmSync(join(dir, 'partials'), { recursive: true, force: true });
  }
}

/** The path of the first place two JSON values differ, or undefined when they are equal. */
function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return path || '(root)';
  if (Array.isArray(a) !== Array.isArray(b)) return path || '(root)';
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      `${path}/${k}`,
    );
    if (d !== undefined) return d;
  }
  return undefined;
}

/** The request for a story already written in `dir` (the step worker's view). */
function writeStoryRequest(dir: string): { request: GatePlan } {
  return {
    request: {
      candidate: 'releases/1.0.1/manifest.yaml',
      baseline: 'releases/1.0.0/manifest.yaml',
      contracts: ['contracts/search.yaml', 'contracts/recommend.yaml', 'contracts/classifier.yaml'],
      failOn: 'error',
      workspace: dir,
      cwd: dir,
      compatibility: { sampleSize: SAMPLE },
    },
  };
}

await main();
