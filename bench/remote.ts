/**
 * Remote bench: `npx tsx bench/remote.ts [--rows 1000000 --dims 768 --parts 8 --dir PATH
 * --sample 2000]`, also run by `npm run bench`.
 *
 * Writes `rows × dims` float32 vectors with string ids as `--parts` Parquet files (snappy,
 * row groups of 131,072 rows, written by pyarrow; a Python with numpy and pyarrow is needed:
 * $EMBEDDING_GATE_PYTHON, else `python3`), serves them from s3rver started in this process
 * (test/helpers/s3-server.ts, the S3 tests' server, with its byte-counting proxy in front),
 * and times the built CLI, process start included, with its peak RSS:
 * - `validate <folder of parts>` locally (page cache warm), then
 * - `validate s3://…/parts/ --allow-remote` with AWS_ENDPOINT_URL_S3 set, and the bytes it
 *   fetched;
 * - `check` of a candidate against a baseline that both name the S3 prefix, the candidate
 *   with its dataset digest recorded: the bytes fetched (scans, the sha256 now computed on the
 *   scan's bytes, the compatibility sample) against the dataset's size.
 * Files go to a temporary folder removed at exit, or to `--dir`, where parts of the right
 * count and size are reused. The 1-minute load average is printed with each figure: the
 * reference machine has 2 cores shared with other work.
 */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sha256Vectors } from '../src/sources/hash.js';
import { startS3Server, S3RVER_CREDENTIALS } from '../test/helpers/s3-server.js';
import {
  findPython,
  fmt,
  ROOT,
  runNodeMeasuredAsync,
  runPythonPeer,
  type Measured,
} from './lib.js';

const ROW_GROUP = 131_072;
const BUCKET = 'embeddings';
const PREFIX = 'releases/2.0.0/parts/';

interface Args {
  rows: number;
  dims: number;
  parts: number;
  sample: number;
  dir?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const args = {
    rows: Number(get('rows') ?? 1_000_000),
    dims: Number(get('dims') ?? 768),
    parts: Number(get('parts') ?? 8),
    sample: Number(get('sample') ?? 2000),
  };
  for (const [name, n] of Object.entries(args))
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: a positive integer, got ${n}`);
  return { ...args, ...(get('dir') !== undefined && { dir: resolve(get('dir')!) }) };
}

const WRITE_PARTS = `
import sys, os, numpy as np, pyarrow as pa, pyarrow.parquet as pq
out, rows, dims, parts, group = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
schema = pa.schema([('id', pa.string()), ('embedding', pa.list_(pa.float32(), dims))])
rng = np.random.default_rng(0)
per = -(-rows // parts)
for p in range(parts):
    start, end = p * per, min(rows, (p + 1) * per)
    with pq.ParquetWriter(os.path.join(out, f"part-{p:05d}.parquet"), schema, compression='snappy') as w:
        for s in range(start, end, group):
            n = min(group, end - s)
            v = rng.standard_normal((n, dims), dtype=np.float32)
            v /= np.linalg.norm(v, axis=1, keepdims=True)
            ids = pa.array([f"doc-{i}" for i in range(s, s + n)])
            w.write_table(pa.table([ids, pa.FixedSizeListArray.from_arrays(pa.array(v.reshape(-1)), dims)], schema=schema))
print('{}')
`;

function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'cli.js'))) return;
  console.log('dist/cli.js is missing: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

function partFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.parquet'))
        .sort()
        .map((f) => join(dir, f))
    : [];
}

function manifest(version: string, path: string, dims: number, extra: string): string {
  return [
    'name: bench-remote',
    `version: ${version}`,
    `tag: v${version}`,
    'model: { name: bench, revision: "1" }',
    'vectors:',
    `  path: "${path}"`,
    extra,
    `dims: ${dims}`,
    'dtype: float32',
    'normalization: l2',
    'metric: cosine',
    'created: 2026-01-01T00:00:00Z',
    `inputs: { dataset: bench, sha256: "${'0'.repeat(64)}" }`,
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

function expectRows(m: Measured, what: string, rows: number): void {
  if (m.status !== 0 && m.status !== 1)
    throw new Error(`${what} exited with ${m.status}: ${m.stderr}`);
  const counted = /([\d,]+) rows/.exec(m.stdout)?.[1]?.replaceAll(',', '');
  if (Number(counted) !== rows)
    throw new Error(`${what} reported ${counted} rows, expected ${rows}:\n${m.stdout}`);
}

const mb = (bytes: number) => `${fmt(bytes / 1e6, 1)} MB`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const python = findPython(['numpy', 'pyarrow']);
  if (!python) {
    console.log(
      'remote    skipped: no Python with pyarrow to write the parts (set EMBEDDING_GATE_PYTHON)',
    );
    return;
  }
  ensureBuilt();
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const dir = args.dir ?? mkdtempSync(join(tmpdir(), 'eg-bench-remote-'));
  const cleanup = (): void => {
    if (!args.dir) rmSync(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  const partsDir = join(dir, 'parts');
  mkdirSync(partsDir, { recursive: true });
  const marker = join(dir, `parts-${args.rows}x${args.dims}x${args.parts}`);
  if (!existsSync(marker) || partFiles(partsDir).length !== args.parts) {
    for (const f of partFiles(partsDir)) rmSync(f);
    const t = process.hrtime.bigint();
    runPythonPeer(python, WRITE_PARTS, [
      partsDir,
      String(args.rows),
      String(args.dims),
      String(args.parts),
      String(ROW_GROUP),
    ]);
    writeFileSync(marker, '');
    console.log(
      `wrote ${args.parts} Parquet parts in ${fmt(Number(process.hrtime.bigint() - t) / 1e9, 1)} s`,
    );
  }
  const files = partFiles(partsDir);
  const size = files.reduce((s, f) => s + statSync(f).size, 0);
  const cli = join(ROOT, 'dist', 'cli.js');
  const validateArgs = ['--dims', String(args.dims), '--normalization', 'l2'];
  const server = await startS3Server(BUCKET);
  try {
    let t = process.hrtime.bigint();
    for (const f of files) await server.putFile(`${PREFIX}${f.slice(partsDir.length + 1)}`, f);
    console.log(`uploaded to s3rver in ${fmt(Number(process.hrtime.bigint() - t) / 1e9, 1)} s`);
    const env = {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_ENDPOINT_URL_S3: server.proxyEndpoint,
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
    };
    const url = `s3://${BUCKET}/${PREFIX}`;
    console.log(
      `\n${args.rows} × ${args.dims} float32, ${files.length} Parquet parts (snappy), ${mb(size)}; ` +
        `load = 1-minute load average before each run`,
    );
    console.log(
      'run                                   wall s    GB/s   peak RSS MB   fetched        load',
    );
    const line = (what: string, m: Measured, load: number, fetched?: number) =>
      console.log(
        `${what.padEnd(36)} ${fmt(m.seconds).padStart(7)} ${fmt(size / 1e9 / m.seconds, 3).padStart(7)} ` +
          `${fmt(m.peakRssMB, 0).padStart(13)}   ${(fetched === undefined ? '—' : `${fmt(fetched / size, 3)}×`).padEnd(13)} ${fmt(load, 1)}`,
      );

    for (const f of files)
      for await (const chunk of createReadStream(f, { highWaterMark: 1 << 22 })) void chunk;
    let load = loadavg()[0]!;
    const local = await runNodeMeasuredAsync([cli, 'validate', partsDir, ...validateArgs]);
    expectRows(local, 'validate (local)', args.rows);
    line('validate <folder of parts> (local)', local, load);

    server.resetCounts();
    load = loadavg()[0]!;
    const remote = await runNodeMeasuredAsync(
      [cli, 'validate', url, '--allow-remote', ...validateArgs],
      env,
    );
    expectRows(remote, 'validate (s3)', args.rows);
    const validateFetched = server.counted.bytes;
    const validateRequests = server.counted.requests;
    line('validate s3://…/parts/ --allow-remote', remote, load, validateFetched);

    // check: the baseline and the candidate both name the prefix; the candidate records its
    // dataset digest, so the check hashes the parts (on the scan's bytes).
    const ws = join(dir, 'ws');
    mkdirSync(ws, { recursive: true });
    t = process.hrtime.bigint();
    const digest = (await sha256Vectors(partsDir)).sha256;
    const digestSeconds = Number(process.hrtime.bigint() - t) / 1e9;
    writeFileSync(join(ws, 'baseline.yaml'), manifest('1.0.0', url, args.dims, ''));
    writeFileSync(
      join(ws, 'candidate.yaml'),
      manifest('1.1.0', url, args.dims, `  sha256: ${digest}\nparent: 1.0.0`),
    );
    server.resetCounts();
    load = loadavg()[0]!;
    const check = await runNodeMeasuredAsync(
      [
        cli,
        'check',
        '--candidate',
        'candidate.yaml',
        '--baseline',
        'baseline.yaml',
        '--allow-remote',
        '--sample-size',
        String(args.sample),
        '--format',
        'json',
        '--quiet',
      ],
      env,
      ws,
    );
    if (check.status !== 0 && check.status !== 1)
      throw new Error(`check exited with ${check.status}: ${check.stderr}`);
    const report = JSON.parse(check.stdout) as { verdict: string; findings: { id: string }[] };
    if (report.findings.some((f) => f.id === 'vectors.sha256'))
      throw new Error('check found a vectors.sha256 mismatch on unchanged parts');
    if (report.findings.some((f) => f.id === 'manifest.schema' || f.id === 'vectors.readable'))
      throw new Error(`check did not read the vectors:\n${check.stdout}`);
    const checkFetched = server.counted.bytes;
    line(`check (2 versions, sample ${args.sample})`, check, load, checkFetched);
    const sampleFetched = checkFetched - 2 * validateFetched;
    console.log(
      `\nvalidate fetched ${mb(validateFetched)} in ${validateRequests} requests for ${mb(size)} of parts; ` +
        `check fetched ${mb(checkFetched)} in ${server.counted.requests} requests (${fmt(checkFetched / size, 2)}× the dataset): ` +
        `two scans (${fmt((2 * validateFetched) / size, 2)}×, the candidate's sha256 included), so the compatibility ` +
        `sample of ${args.sample} ids ${mb(sampleFetched)} (${fmt(sampleFetched / size, 2)}×: its rows come from the scans' ` +
        `own pass; a version is read again only when its scan's candidates cannot hold the sample). Verdict ${report.verdict} (${[...new Set(report.findings.map((f) => f.id))].join(', ') || 'no findings'}). The dataset digest alone, locally: ${fmt(digestSeconds, 1)} s.`,
    );
  } finally {
    await server.close();
    cleanup();
  }
}

await main();
