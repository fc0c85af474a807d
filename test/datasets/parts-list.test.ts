/**
 * A list of parts as a manifest's `vectors.path` and as a suite's `queries` / `corpus` path:
 * the example release split into Arrow parts (by apache-arrow, from the example's own files)
 * gates exactly as the whole files do, locally and, with --allow-remote, over HTTP from the
 * range server started here; the dataset digest names the parts as written; a missing,
 * remote-without-the-flag or mismatched part is named.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyExamples, editFile, EXAMPLE_CHECK, runCli } from '../helpers/cli.js';
import { startRangeServer, type RangeServer } from '../helpers/range-server.js';

let server: RangeServer;
beforeAll(async () => {
  server = await startRangeServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Splits the Arrow file at `path` (below `dir`) into `n` Arrow files beside it; their names. */
function split(dir: string, path: string, n: number): string[] {
  const table = tableFromIPC(readFileSync(join(dir, path)));
  const names: string[] = [];
  const per = Math.ceil(table.numRows / n);
  for (let i = 0; i < n; i++) {
    const name = path.replace(/\.arrow$/, `-part${i}.arrow`);
    writeFileSync(
      join(dir, name),
      tableToIPC(table.slice(i * per, Math.min(table.numRows, (i + 1) * per)), 'file'),
    );
    names.push(name);
  }
  return names;
}

/** The report's verdict and measured figures, without what names the files. */
function figures(stdout: string) {
  const report = JSON.parse(stdout);
  const {
    file: _file,
    bytes: _bytes,
    remote: _remote,
    format: _format,
    ...vectors
  } = report.candidate.vectors;
  return {
    verdict: report.verdict,
    vectors,
    findings: report.findings.map((f: { id: string }) => f.id).sort(),
    benchmarks: JSON.stringify(report.benchmarks ?? null),
  };
}

describe('a list of parts', () => {
  it('as vectors.path and as suite queries: the same report as the whole files', async () => {
    const whole = await runCli([...EXAMPLE_CHECK, '--format', 'json'], copyExamples());
    expect(whole.code).toBe(0);

    const dir = copyExamples();
    const parts = split(dir, 'releases/1.1.0/vectors.arrow', 3).map((p) =>
      p.replace('releases/1.1.0/', ''),
    );
    const digest = sha(
      new TextEncoder().encode(
        parts.map((p) => `${sha(readFileSync(join(dir, 'releases/1.1.0', p)))}  ${p}\n`).join(''),
      ),
    );
    editFile(
      dir,
      'releases/1.1.0/manifest.yaml',
      'path: vectors.arrow',
      `path: [${parts.join(', ')}]`,
    );
    editFile(dir, 'releases/1.1.0/manifest.yaml', /sha256: fe41\w+/, `sha256: ${digest}`);
    const queries = split(dir, 'suites/queries/1.1.0.arrow', 2).map((p) =>
      p.replace('suites/', ''),
    );
    editFile(
      dir,
      'suites/product-search.yaml',
      'queries: { path: queries/1.1.0.arrow }',
      `queries: { path: [${queries.join(', ')}] }`,
    );
    const listed = await runCli([...EXAMPLE_CHECK, '--format', 'json'], dir);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(figures(listed.stdout)).toEqual(figures(whole.stdout));
    // The recorded dataset digest held: no vectors.sha256 finding.
    expect(listed.stdout).not.toContain('vectors.sha256');
  });

  it('over HTTP with --allow-remote, each part fetched once; refused without the flag', async () => {
    const whole = await runCli([...EXAMPLE_CHECK, '--format', 'json'], copyExamples());
    const dir = copyExamples();
    const parts = split(dir, 'releases/1.1.0/vectors.arrow', 2);
    const urls = parts.map((p, i) => {
      server.put(`/v/part-${i}.arrow`, readFileSync(join(dir, p)));
      return `${server.base}/v/part-${i}.arrow`;
    });
    editFile(
      dir,
      'releases/1.1.0/manifest.yaml',
      'path: vectors.arrow',
      `path:\n    - ${urls[0]}\n    - ${urls[1]}`,
    );
    const digest = sha(
      new TextEncoder().encode(
        parts.map((p, i) => `${sha(readFileSync(join(dir, p)))}  ${urls[i]}\n`).join(''),
      ),
    );
    editFile(dir, 'releases/1.1.0/manifest.yaml', /sha256: fe41\w+/, `sha256: ${digest}`);
    const queries = split(dir, 'suites/queries/1.1.0.arrow', 2);
    const queryUrls = queries.map((p, i) => {
      server.put(`/q/part-${i}.arrow`, readFileSync(join(dir, p)));
      return `${server.base}/q/part-${i}.arrow`;
    });
    editFile(
      dir,
      'suites/product-search.yaml',
      'queries: { path: queries/1.1.0.arrow }',
      `queries: { path: [${queryUrls.join(', ')}] }`,
    );

    const refused = await runCli(EXAMPLE_CHECK, dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      new RegExp(
        `manifest\\.yaml:\\d+:\\d+: vectors\\.path\\.0 "${urls[0]}" is remote; .*--allow-remote`,
      ),
    );
    expect(server.log).toEqual([]);

    const remote = await runCli([...EXAMPLE_CHECK, '--format', 'json', '--allow-remote'], dir);
    expect(remote.stderr).toBe('');
    expect(remote.code).toBe(0);
    expect(figures(remote.stdout)).toEqual(figures(whole.stdout));
    expect(remote.stdout).not.toContain('vectors.sha256');
    // Checking the recorded digest costs no pass of its own: the check fetches the same
    // bytes of the parts with it as without it (the scan, the benchmarks and the
    // compatibility sample each stream the vectors; the sha256 rides on the scan).
    const withDigest =
      server.bytesServed('/v/part-0.arrow') + server.bytesServed('/v/part-1.arrow');
    editFile(dir, 'releases/1.1.0/manifest.yaml', /\n {2}sha256: \w+/, '');
    server.reset();
    const unhashed = await runCli([...EXAMPLE_CHECK, '--format', 'json', '--allow-remote'], dir);
    expect(unhashed.code).toBe(0);
    const without = server.bytesServed('/v/part-0.arrow') + server.bytesServed('/v/part-1.arrow');
    expect(Math.abs(withDigest - without)).toBeLessThan(4096);
  });

  it('names a missing part at its place in the list, before any vector is read', async () => {
    const dir = copyExamples();
    editFile(
      dir,
      'releases/1.1.0/manifest.yaml',
      'path: vectors.arrow',
      'path: [vectors.arrow, missing.arrow]',
    );
    const r = await runCli(EXAMPLE_CHECK, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /releases\/1\.1\.0\/manifest\.yaml:\d+:\d+: vectors\.path\.1 "missing\.arrow": no such file/,
    );
  });

  it('a part unlike the first is a vectors.readable finding naming it as written', async () => {
    const dir = copyExamples();
    editFile(
      dir,
      'releases/1.1.0/manifest.yaml',
      'path: vectors.arrow',
      'path: [vectors.arrow, ../1.0.0/vectors.npy]',
    );
    editFile(dir, 'releases/1.1.0/manifest.yaml', /\n {2}sha256: fe41\w+/, '');
    const r = await runCli([...EXAMPLE_CHECK, '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const finding = JSON.parse(r.stdout).findings.find(
      (f: { id: string }) => f.id === 'vectors.readable',
    );
    expect(finding.message).toContain('part ../1.0.0/vectors.npy');
    expect(finding.message).toContain('differs from the first part: format npy');
  });

  it('an empty list is a schema finding', async () => {
    const dir = copyExamples();
    editFile(dir, 'releases/1.1.0/manifest.yaml', 'path: vectors.arrow', 'path: []');
    const r = await runCli([...EXAMPLE_CHECK, '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('manifest.schema');
  });
});
