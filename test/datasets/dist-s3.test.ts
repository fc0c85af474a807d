/**
 * The built CLI (dist/cli.js) on an s3:// dataset served by s3rver started here: the bundle
 * must load the AWS SDK (a CommonJS module, whose dynamic import in the bundle yields only a
 * default export: "S3Client is not a constructor" until src/sources/s3.ts loadS3Sdk).
 * Needs dist/ built from the current sources (`npm run build`).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npyFloat32 } from '../../src/vectors/write.js';
import { ROOT } from '../helpers/cli.js';
import { S3RVER_CREDENTIALS, startS3Server, type S3Server } from '../helpers/s3-server.js';

let server: S3Server;

beforeAll(async () => {
  server = await startS3Server('embeddings');
  for (let p = 0; p < 2; p++) {
    const values = Float32Array.from({ length: 50 * 4 }, (_, i) => ((i + p) % 7) / 7);
    await server.put(`parts/part-${p}.npy`, npyFloat32(values, 50, 4));
  }
});
afterAll(() => server.close());

/** Runs dist/cli.js without blocking this process (s3rver answers from it). */
function cli(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      AWS_ENDPOINT_URL_S3: server.endpoint,
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  return new Promise((r) => child.on('close', (code) => r({ code, stdout, stderr })));
}

describe('dist/cli.js on S3', () => {
  it('validates a prefix of parts through the bundled AWS SDK', async () => {
    const r = await cli([
      'validate',
      's3://embeddings/parts/',
      '--allow-remote',
      '--normalization',
      'none',
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { candidate: { vectors: { rows: number } } };
    expect(report.candidate.vectors.rows).toBe(100);
  });
});
