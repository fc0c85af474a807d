/**
 * The whole gate on the example release with its candidate's vectors served over HTTP by a
 * server started here (ranges logged), and as a local dataset folder: same verdict as the
 * local file, sha256 verified while streaming, and no credential of the URL in any output.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExamples, editFile, EXAMPLE_CHECK, runCli } from '../helpers/cli.js';

let server: Server;
let port: number;
let served: Uint8Array;
const ranges: string[] = [];

beforeAll(async () => {
  served = readFileSync(join(copyExamples(), 'releases/1.1.0/vectors.arrow'));
  server = createServer((req, res) => {
    if (req.headers.authorization !== `Basic ${btoa('me:hunter2')}`) {
      res.writeHead(401).end();
      return;
    }
    const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (!m) {
      res.writeHead(416).end();
      return;
    }
    ranges.push(req.headers.range!);
    const start = Number(m[1]);
    const end = Math.min(Number(m[2]), served.length - 1);
    res.writeHead(206, {
      etag: '"v1"',
      'content-range': `bytes ${start}-${end}/${served.length}`,
    });
    res.end(served.subarray(start, end + 1));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the gate on remote and multi-part vectors', () => {
  it('reads the candidate over HTTP with --allow-remote: the local verdict, no secret shown', async () => {
    const dir = copyExamples();
    const url = `http://me:hunter2@127.0.0.1:${port}/vectors.arrow?token=s3cr3t`;
    editFile(dir, 'releases/1.1.0/manifest.yaml', 'path: vectors.arrow', `path: "${url}"`);
    const refused = await runCli(EXAMPLE_CHECK, dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `vectors.path "http://127.0.0.1:${port}/vectors.arrow?token=…" is remote`,
    );
    expect(refused.stderr).toContain('--allow-remote');
    expect(ranges).toEqual([]);

    const remote = await runCli([...EXAMPLE_CHECK, '--format', 'json', '--allow-remote'], dir);
    // The example release passes when read locally (test/scenarios); so it must remotely.
    expect(remote.stderr).toBe('');
    expect(remote.code).toBe(0);
    expect(JSON.parse(remote.stdout).verdict).toBe('pass');
    // The version every byte was read at is in the report.
    const versions: unknown[] = [];
    JSON.parse(remote.stdout, (key, value) => {
      if (key === 'remote') versions.push(value);
      return value;
    });
    expect(versions).toContainEqual([
      { url: `http://127.0.0.1:${port}/vectors.arrow?token=…`, etag: '"v1"' },
    ]);
    // The recorded sha256 was checked on the streamed bytes: no vectors.sha256 finding.
    expect(remote.stdout).not.toContain('vectors.sha256');
    expect(ranges.length).toBeGreaterThan(1);
    expect(`${remote.stdout}${remote.stderr}`).not.toMatch(/hunter2|s3cr3t/);
  });

  it('a 401 stops the gate (exit 2) naming the URL without its password', async () => {
    const dir = copyExamples();
    const url = `http://me:wrong-pass@127.0.0.1:${port}/vectors.arrow`;
    editFile(dir, 'releases/1.1.0/manifest.yaml', 'path: vectors.arrow', `path: "${url}"`);
    const r = await runCli([...EXAMPLE_CHECK, '--allow-remote'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`http://127.0.0.1:${port}/vectors.arrow: access denied (HTTP 401)`);
    expect(r.stderr).not.toMatch(/wrong-pass|\n\s+at /);
  });

  it('reads a folder of parts like the file it holds', async () => {
    const dir = copyExamples();
    mkdirSync(join(dir, 'releases/1.1.0/parts/shard=0'), { recursive: true });
    renameSync(
      join(dir, 'releases/1.1.0/vectors.arrow'),
      join(dir, 'releases/1.1.0/parts/shard=0/part-00000.arrow'),
    );
    editFile(dir, 'releases/1.1.0/manifest.yaml', 'path: vectors.arrow', 'path: parts/');
    editFile(dir, 'releases/1.1.0/manifest.yaml', /\n {2}sha256: fe41\w+/, '');
    const r = await runCli(EXAMPLE_CHECK, dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('validate and knn take a URL with --allow-remote, and refuse it without', async () => {
    const dir = copyExamples();
    const url = `http://me:hunter2@127.0.0.1:${port}/vectors.arrow`;
    const before = ranges.length;
    const refused = await runCli(['validate', url], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /validate "http:\/\/127\.0\.0\.1:\d+\/vectors\.arrow" is remote; .*--allow-remote/,
    );
    expect(refused.stderr).not.toContain('hunter2');
    expect(ranges.length).toBe(before);

    const local = await runCli(
      ['validate', 'releases/1.1.0/vectors.arrow', '--format', 'json'],
      dir,
    );
    const remote = await runCli(['validate', url, '--allow-remote', '--format', 'json'], dir);
    expect(remote.stderr).toBe('');
    expect(remote.code).toBe(local.code);
    const summary = (out: string) => {
      const v = JSON.parse(out).candidate.vectors;
      return { rows: v.rows, dims: v.dims, norms: v.norms, verdict: JSON.parse(out).verdict };
    };
    expect(summary(remote.stdout)).toEqual(summary(local.stdout));
    expect(remote.stdout).not.toContain('hunter2');

    const knnArgs = ['knn', '--queries', 'suites/queries/1.1.0.arrow', '--corpus'];
    const knnRefused = await runCli([...knnArgs, url, '--output', 'r.run'], dir);
    expect(knnRefused.code).toBe(2);
    expect(knnRefused.stderr).toMatch(/--corpus "http:.*" is remote; .*--allow-remote/);
    const knnLocal = await runCli(
      [...knnArgs, 'releases/1.1.0/vectors.arrow', '--output', 'local.run'],
      dir,
    );
    expect(knnLocal.code).toBe(0);
    const knnRemote = await runCli(
      [...knnArgs, url, '--output', 'remote.run', '--allow-remote'],
      dir,
    );
    expect(knnRemote.stderr).toMatch(
      /^embedding-gate: wrote 300 queries × 10 neighbours .* to remote\.run\n$/,
    );
    expect(knnRemote.code).toBe(0);
    expect(readFileSync(join(dir, 'remote.run'), 'utf8')).toBe(
      readFileSync(join(dir, 'local.run'), 'utf8'),
    );
  });

  it('--shard reads remote vectors with --allow-remote: check, validate and knn merge into the whole run, no secret in a partial', async () => {
    const dir = copyExamples();
    const url = `http://me:hunter2@127.0.0.1:${port}/vectors.arrow?token=s3cr3t`;
    const secret = /hunter2|s3cr3t/;
    const partials = async (args: string[], n: number, extra: string[] = []) => {
      const files: string[] = [];
      for (let i = 1; i <= n; i++) {
        const file = `p-${args[0]}-${i}.json`;
        const r = await runCli([...args, '--shard', `${i}/${n}`, '--partial', file, ...extra], dir);
        expect(r.code, r.stderr).toBe(0);
        expect(readFileSync(join(dir, file), 'utf8')).not.toMatch(secret);
        files.push(file);
      }
      return files;
    };

    // validate
    const single = await runCli(['validate', url, '--allow-remote', '--format', 'json'], dir);
    const v = await partials(['validate', url], 3, ['--allow-remote']);
    const refused = await runCli(['merge', ...v, '--format', 'json'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--allow-remote');
    const merged = await runCli(['merge', ...v, '--format', 'json', '--allow-remote'], dir);
    expect(merged.code, merged.stderr).toBe(single.code);
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(single.stdout));

    // knn
    const knnArgs = [
      'knn',
      '--queries',
      'suites/queries/1.1.0.arrow',
      '--corpus',
      url,
      '--allow-remote',
    ];
    expect((await runCli([...knnArgs, '--output', 'whole.run'], dir)).code).toBe(0);
    const k = await partials(knnArgs, 3);
    expect((await runCli(['merge', ...k, '--output', 'merged.run'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'merged.run'), 'utf8')).toBe(
      readFileSync(join(dir, 'whole.run'), 'utf8'),
    );

    // check, the candidate's vectors over HTTP
    editFile(dir, 'releases/1.1.0/manifest.yaml', 'path: vectors.arrow', `path: "${url}"`);
    const whole = await runCli(
      [...EXAMPLE_CHECK, '--allow-remote', '--format', 'json=whole.json'],
      dir,
    );
    expect(whole.code, whole.stderr).toBe(0);
    const c = await partials([...EXAMPLE_CHECK], 2, ['--allow-remote']);
    const m = await runCli(['merge', ...c, '--allow-remote', '--format', 'json=merged.json'], dir);
    expect(m.code, m.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8'))).toEqual(
      JSON.parse(readFileSync(join(dir, 'whole.json'), 'utf8')),
    );
    expect(`${m.stdout}${m.stderr}`).not.toMatch(secret);

    // A shard that read the object at another version: not one file's rows.
    const edited = JSON.parse(readFileSync(join(dir, c[1]!), 'utf8'));
    edited.scans.candidate.remote[0].etag = '"v2"';
    writeFileSync(join(dir, 'changed.json'), JSON.stringify(edited));
    const changed = await runCli(['merge', c[0]!, 'changed.json', '--allow-remote'], dir);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain(
      `http://127.0.0.1:${port}/vectors.arrow?token=… changed while the shards ran: shard 1 read it at etag "v1", shard 2 at etag "v2"`,
    );
  });

  it('validate reads a folder or a glob of parts, and names an empty glob', async () => {
    const dir = copyExamples();
    mkdirSync(join(dir, 'parts/lang=en'), { recursive: true });
    renameSync(join(dir, 'releases/1.1.0/vectors.arrow'), join(dir, 'parts/lang=en/part-0.arrow'));
    for (const ref of ['parts', 'parts/*/*.arrow']) {
      const r = await runCli(['validate', ref, '--format', 'json'], dir);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).candidate.vectors.rows).toBeGreaterThan(0);
    }
    const none = await runCli(['validate', 'parts/*.npy'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/validate "parts\/\*\.npy": names no parts/);
  });
});
