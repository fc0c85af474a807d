/**
 * `npm run bench`: runs every benchmark script in its own process (so each one's peak RSS
 * is its own), in sequence, and passes extra arguments through (e.g. `-- --rows 100000`
 * for a quicker run).
 *
 * Each script prints its measured figures and, where a peer (numpy, pyarrow, faiss) is
 * installed, the same work done by the peer. Set EMBEDDING_GATE_PYTHON to a Python that has
 * them; otherwise `python3` is tried and missing peers are reported as skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.js';

const SCRIPTS = [
  'vectors',
  'parquet',
  'validate',
  'knn',
  'knn-profile',
  'lowp',
  'eval',
  'compat',
  'staging',
  'power',
  'release',
  'shard',
  'remote',
  'pgvector',
];
const only = process.env.BENCH_ONLY?.split(',');
const args = process.argv.slice(2);
let failed = 0;

for (const name of SCRIPTS) {
  if (only && !only.includes(name)) continue;
  const script = join(ROOT, 'bench', `${name}.ts`);
  if (!existsSync(script)) continue;
  console.log(`\n=== bench/${name}.ts ${args.join(' ')}`.trimEnd());
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  if (r.status !== 0) {
    failed++;
    console.log(`bench/${name}.ts exited with ${r.status ?? r.signal}`);
  }
}
process.exitCode = failed ? 1 : 0;
