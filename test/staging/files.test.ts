import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseSourceText } from '../../src/config/document.js';
import { inspectModel, OnnxFormatError } from '../../src/onnx/inspect.js';
import { loadOrt } from '../../src/onnx/session.js';
import { resolveInWorkspace } from '../../src/config/paths.js';
import { loadModel, StagingFileError } from '../../src/staging/files.js';
import { logRegModel, textEncoderModel, table } from '../fixtures/staging/models.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/staging');
const logreg = () => logRegModel({ w: Float32Array.of(1, -1, 0.5, 2), b: 0.25 });

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eg-staging-files-'));
  mkdirSync(join(dir, 'models'));
  return dir;
}

describe('ONNX model inspection', () => {
  it('reads models built in code and finds no external data', () => {
    const m = inspectModel(textEncoderModel(table(5, 4, 1), 5, 4));
    expect(m).toEqual({ irVersion: 10, externalTensors: [], hasGraph: true });
  });

  it('finds a tensor kept in an external file (written by onnx.save_model)', () => {
    const bytes = readFileSync(join(FIXTURES, 'external-data.onnx'));
    expect(inspectModel(bytes).externalTensors).toEqual(['w']);
  });

  it('throws OnnxFormatError on truncated bytes', () => {
    const bytes = logreg();
    expect(() => inspectModel(bytes.subarray(0, bytes.length - 7))).toThrow(OnnxFormatError);
    expect(() => inspectModel(Uint8Array.of(0x0a, 0x05, 1))).toThrow(/claims 5 bytes, 1 remain/);
  });
});

describe('loading staging models', () => {
  const options = async () => ({ maxBytes: 1 << 20, ort: await loadOrt(), what: 'consumer model' });

  it('loads a model and reports its signature', async () => {
    const dir = workspace();
    const bytes = logreg();
    writeFileSync(join(dir, 'models/m.onnx'), bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const m = await loadModel(join(dir, 'models/m.onnx'), 'models/m.onnx', {
      ...(await options()),
      sha256,
    });
    expect(m.inputs).toEqual([{ name: 'embedding', type: 'float32', shape: ['n', 4] }]);
    expect(m.outputs).toEqual([{ name: 'probability', type: 'float32', shape: ['n', 1] }]);
    await m.session.release();
  });

  it('refuses a corrupted, oversized, missing, re-hashed or external-data model with one clear message', async () => {
    const dir = workspace();
    const bytes = logreg();
    const file = (name: string, content: Uint8Array) => {
      writeFileSync(join(dir, 'models', name), content);
      return join(dir, 'models', name);
    };
    const flipped = bytes.slice();
    flipped.fill(0xff, 0, 6);
    const opts = await options();
    const cases: [string, () => Promise<unknown>, RegExp][] = [
      [
        'truncated',
        () => loadModel(file('t.onnx', bytes.subarray(0, bytes.length - 7)), 'models/t.onnx', opts),
        /^consumer model models\/t\.onnx is not a readable ONNX model \(\d+ bytes\): .*truncated|claims/,
      ],
      [
        'garbage',
        () => loadModel(file('g.onnx', flipped), 'models/g.onnx', opts),
        /^(consumer model models\/g\.onnx is not a readable ONNX model \(\d+ bytes\)|onnxruntime cannot load consumer model models\/g\.onnx): \S/,
      ],
      [
        'too large',
        () => loadModel(file('big.onnx', bytes), 'models/big.onnx', { ...opts, maxBytes: 100 }),
        /^consumer model models\/big\.onnx is [\d,.]+ (bytes|KiB \([\d,]+ bytes\)), above the cap of 100 bytes/,
      ],
      [
        'missing',
        () => loadModel(join(dir, 'models/none.onnx'), 'models/none.onnx', opts),
        /^consumer model models\/none\.onnx: cannot read: no such file$/,
      ],
      [
        'sha256',
        () =>
          loadModel(file('h.onnx', bytes), 'models/h.onnx', { ...opts, sha256: 'b'.repeat(64) }),
        /hashes to sha256 [0-9a-f]{64}, the declaration records b{64}/,
      ],
      [
        'external data',
        () =>
          loadModel(
            file('e.onnx', readFileSync(join(FIXTURES, 'external-data.onnx'))),
            'models/e.onnx',
            opts,
          ),
        /keeps 1 tensor\(s\) in external data files \(e\.g\. "w"\); expected one self-contained \.onnx file/,
      ],
    ];
    for (const [what, promise, message] of cases) {
      const err = await promise().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, what).toBeInstanceOf(StagingFileError);
      expect((err as Error).message, what).toMatch(message);
      expect((err as Error).message, what).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses URLs and paths that leave the workspace (by .. or by a symlink)', () => {
    const dir = workspace();
    const outside = mkdtempSync(join(tmpdir(), 'eg-staging-outside-'));
    writeFileSync(join(outside, 'm.onnx'), logreg());
    symlinkSync(join(outside, 'm.onnx'), join(dir, 'models/link.onnx'));
    const doc = parseSourceText('c.yaml', 'staging:\n  model: x\n', join(dir, 'c.yaml'));
    const resolveModel = (value: string) => () =>
      resolveInWorkspace(doc, ['staging', 'model'], value, dir);
    expect(resolveModel('https://example.com/m.onnx')).toThrow(ConfigError);
    expect(resolveModel('https://example.com/m.onnx')).toThrow(
      /^c\.yaml:2:10: staging\.model "https:\/\/example\.com\/m\.onnx" is a URL; expected a file inside the repository/,
    );
    expect(resolveModel('../m.onnx')).toThrow(/resolves outside the workspace/);
    expect(resolveModel('models/link.onnx')).toThrow(/resolves outside the workspace/);
    expect(resolveModel('models/m.onnx')()).toBe(join(dir, 'models/m.onnx'));
  });
});
