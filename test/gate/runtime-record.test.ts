/**
 * The report says which onnxruntime ran: the example check (its suite runs kNN, its
 * versioning the compatibility products) once on the process's native runtime and once on a
 * real WebAssembly fallback — resolved with a registry that is down, as on a runner without
 * network — gives the same verdict and the same results; only `onnxRuntime`, one info
 * finding `runtime.wasm` and the info count differ, and every human format shows it.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { defaultDeps } from '../../src/gate/default-deps.js';
import type { GateDeps } from '../../src/gate/plan.js';
import type { Report } from '../../src/gate/report-model.js';
import { runtimeFindings } from '../../src/gate/runtime-use.js';
import { resolveRuntime, type ResolvedRuntime } from '../../src/onnx/runtime-resolve.js';
import { rememberRuntime } from '../../src/onnx/session.js';
import { formatHtml } from '../../src/report/html.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { formatText } from '../../src/report/text.js';
import { EXAMPLE_CHECK, ROOT } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'eg-runtime-record-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let fallback: ResolvedRuntime;
beforeAll(async () => {
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  fallback = await resolveRuntime({
    host: {
      platform: process.platform,
      arch: process.arch,
      env: { npm_config_registry: `http://127.0.0.1:${port}`, XDG_CACHE_HOME: work },
      homedir: work,
    },
    notice: () => undefined,
    threads: 2,
    installedPackage: () => undefined,
  });
}, 60_000);

async function check(deps: GateDeps): Promise<{ code: number; report: Report }> {
  let stdout = '';
  const code = await main(
    [...EXAMPLE_CHECK, '--format', 'json'],
    {
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      cwd: join(ROOT, 'examples'),
      env: {},
    },
    deps,
  );
  return { code, report: JSON.parse(stdout) as Report };
}

describe('the ONNX runtime in the report', () => {
  it('native and WebAssembly give the same verdict and results; the report records which ran', async () => {
    expect(fallback.source).toBe('wasm');
    expect(fallback.forced).toBe(false);
    const native = await check(defaultDeps());
    const wasm = await check({ ...defaultDeps(), ort: async () => rememberRuntime(fallback) });

    expect(native.report.onnxRuntime).toEqual({
      backend: 'native',
      package: 'onnxruntime-node',
      version: '1.30.0',
      source: 'installed',
    });
    expect(wasm.report.onnxRuntime).toMatchObject({
      backend: 'wasm',
      package: 'onnxruntime-web',
      version: '1.30.0',
      source: 'wasm-fallback',
    });
    expect(wasm.report.onnxRuntime?.reason).toMatch(
      /^cannot download onnxruntime from http:\/\/127\.0\.0\.1:\d+\//,
    );

    // The verdict and every result are the runtime's business only in time taken.
    expect(wasm.code).toBe(native.code);
    expect(wasm.report.verdict).toBe(native.report.verdict);
    const finding = wasm.report.findings.find((f) => f.id === 'runtime.wasm');
    expect(finding).toMatchObject({ severity: 'info' });
    expect(finding?.message).toMatch(
      /^ran on WebAssembly \(onnxruntime-web 1\.30\.0\) because cannot download/,
    );
    expect(finding?.message).toMatch(
      /set EMBEDDING_GATE_ONNXRUNTIME_DIR to a folder of its binaries$/,
    );
    const strip = (r: Report) => ({
      ...r,
      onnxRuntime: undefined,
      findings: r.findings.filter((f) => f.id !== 'runtime.wasm'),
      counts: { ...r.counts, info: 0 },
    });
    expect(strip(wasm.report)).toEqual(strip(native.report));
    expect(wasm.report.counts.info).toBe(native.report.counts.info + 1);
    expect(native.report.findings.some((f) => f.id === 'runtime.wasm')).toBe(false);

    // Every human format says it.
    for (const format of [formatText, formatMarkdown, formatHtml]) {
      expect(format(native.report)).toContain(
        'ONNX runtime: native (onnxruntime-node 1.30.0, installed)',
      );
      expect(format(wasm.report)).toContain(
        'ONNX runtime: WebAssembly (onnxruntime-web 1.30.0, fallback: cannot download onnxruntime from',
      );
    }
  }, 120_000);

  it('a run that chose WebAssembly, or ran no ONNX at all, gets no finding', () => {
    expect(
      runtimeFindings({
        backend: 'wasm',
        package: 'onnxruntime-web',
        version: '1.30.0',
        source: 'forced',
      }),
    ).toEqual([]);
    expect(runtimeFindings(undefined)).toEqual([]);
  });
});
