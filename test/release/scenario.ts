/**
 * A release story to run the versioning commands on: a private copy of examples/ (1.0.0 in
 * production, 1.1.0 a compatible retrain), a registry listing 1.0.0, and a candidate 1.2.0
 * whose vectors are 1.0.0's rotated — same model name and dims, a swapped space.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { defaultDeps } from '../../src/gate/default-deps.js';
import { openVectors } from '../../src/vectors/open.js';
import { EXAMPLE_CHECK } from '../helpers/cli.js';
import { arrowFloat32 } from '../../src/vectors/write.js';
import { copyExamples, type CliResult } from '../helpers/cli.js';
import { normalizeRows, project, randomRotation } from './synthetic.js';

export const NOW = new Date('2026-02-01T12:00:00Z');

/** Runs the CLI in process with the clock pinned to `now`. */
export async function runAt(
  args: readonly string[],
  cwd: string,
  now: Date = NOW,
  env: Record<string, string> = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    args,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env },
    { ...defaultDeps(), now: () => now },
  );
  return { code, stdout, stderr };
}

export const sha256 = (file: string) =>
  createHash('sha256').update(readFileSync(file)).digest('hex');

/** The float32 rows of a C-order little-endian `.npy` file. */
function readNpy(file: string): Float32Array {
  const bytes = readFileSync(file);
  const headerLength = bytes.readUInt16LE(8);
  const data = bytes.subarray(10 + headerLength);
  return new Float32Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

export async function setupScenario(): Promise<string> {
  const dir = copyExamples();
  const r = (...p: string[]) => join(dir, 'releases', ...p);
  writeFileSync(
    join(dir, 'registry.yaml'),
    `# products registry
registry: 1
embeddings:
  products-text:
    versions:
      "1.0.0":
        status: active
        released: 2024-03-04T10:00:00Z
        manifest: { path: releases/1.0.0/manifest.yaml, sha256: ${sha256(r('1.0.0/manifest.yaml'))} }
        vectors: { path: releases/1.0.0/vectors.npy, sha256: ${sha256(r('1.0.0/vectors.npy'))} }
        ids: { path: releases/1.0.0/ids.txt, sha256: ${sha256(r('1.0.0/ids.txt'))} }
    channels:
      production:
        version: 1.0.0
        history:
          - { version: 1.0.0, at: 2024-03-04T10:00:00Z, actor: alice, action: promote, reason: first release }
`,
  );
  // 1.2.0: 1.0.0's vectors under a random rotation, declared as a mere retrain (minor).
  const dims = 64;
  const v1 = readNpy(r('1.0.0/vectors.npy'));
  const ids = readFileSync(r('1.0.0/ids.txt'), 'utf8').trim().split('\n');
  const rotation = randomRotation(dims, 17);
  const rotated = normalizeRows(project(v1, dims, rotation, dims), dims);
  mkdirSync(r('1.2.0'), { recursive: true });
  writeFileSync(r('1.2.0/vectors.arrow'), arrowFloat32(ids, rotated, dims));
  writeFileSync(
    r('1.2.0/manifest.yaml'),
    readFileSync(r('1.1.0/manifest.yaml'), 'utf8')
      .replace('version: 1.1.0', 'version: 1.2.0')
      .replace('revision: "2024-09-15"', 'revision: "2025-01-10"')
      .replace(
        /(\nvectors:\n(?: {2}.*\n)*? {2}sha256: )[0-9a-f]{64}/,
        `$1${sha256(r('1.2.0/vectors.arrow'))}`,
      )
      .replace('parent: 1.0.0', 'parent: 1.1.0'),
  );
  // The benchmark suite's queries embedded by 1.2.0's model: 1.0.0's queries under the same rotation.
  const source = await openVectors(join(dir, 'suites/queries/1.0.0.arrow'));
  const qIds: string[] = [];
  const qValues: number[] = [];
  for await (const batch of source.batches()) {
    batch.ids?.forEach((id) => qIds.push(id));
    qValues.push(...(batch.values as Float32Array));
  }
  await source.close();
  const rotatedQueries = normalizeRows(
    project(Float32Array.from(qValues), dims, rotation, dims),
    dims,
  );
  writeFileSync(join(dir, 'suites/queries/1.2.0.arrow'), arrowFloat32(qIds, rotatedQueries, dims));
  const suite = join(dir, 'suites/product-search.yaml');
  writeFileSync(
    suite,
    readFileSync(suite, 'utf8').replace(/\n*$/, '\n') +
      '  "1.2.0":\n    queries: { path: queries/1.2.0.arrow }\n',
  );
  return dir;
}

/** The shipped example's own invocation: 1.1.0 against 1.0.0. */
export const CHECK_11 = EXAMPLE_CHECK;
export const CHECK_12 = [
  'check',
  '--candidate',
  'releases/1.2.0/manifest.yaml',
  '--baseline',
  'releases/1.0.0/manifest.yaml',
  '--contracts',
  'contracts',
];
