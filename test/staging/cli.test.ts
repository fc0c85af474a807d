/**
 * The whole staging path through the CLI (`check`) and onnxruntime-node, on models built
 * and trained in code: consumer models, reproducibility probes, multimodal manifests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { defaultDeps } from '../../src/gate/default-deps.js';
import { loadOrt, type OrtModule } from '../../src/onnx/session.js';
import { runCli } from '../helpers/cli.js';
import {
  candidateOf,
  clipWorkspace,
  productsWorkspace,
  type Variant,
} from '../fixtures/staging/scenario.js';

interface JsonFinding {
  id: string;
  severity: string;
  message: string;
  consumer?: string;
  location?: { file: string; line?: number; id?: string; row?: number };
}

async function check(
  variant: Variant,
  edit?: (dir: string) => void,
  extra: readonly string[] = [],
) {
  const w = productsWorkspace(variant);
  edit?.(w.dir);
  const r = await runCli(
    [
      'check',
      '--candidate',
      candidateOf(variant),
      '--baseline',
      'releases/1.0.0/manifest.yaml',
      '--contracts',
      'contracts',
      '--format',
      'json',
      ...extra,
    ],
    w.dir,
  );
  const report = r.stdout ? JSON.parse(r.stdout) : undefined;
  const findings: JsonFinding[] = report?.findings ?? [];
  return {
    ...r,
    w,
    report,
    findings,
    staging: (id: string) => findings.filter((f) => f.id === id),
  };
}

describe('staging validation through the CLI', () => {
  it('passes a candidate in the same space: the consumer keeps its accuracy, the probe matches', async () => {
    const r = await check('same');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.findings.filter((f) => /^(staging|probe)\./.test(f.id))).toEqual([]);
    const [consumer] = r.report.staging.consumers;
    expect(consumer).toMatchObject({
      consumer: 'fraud-classifier',
      outcome: 'pass',
      metric: 'accuracy',
      examples: 2000,
      paired: 2000,
      input: { name: 'embedding', type: 'float32', shape: ['n', 32] },
    });
    expect(r.w.baselineAccuracy).toBeGreaterThan(0.9);
    expect(consumer.candidate).toBeCloseTo(r.w.baselineAccuracy, 2);
    expect(r.report.staging.probes).toEqual([
      expect.objectContaining({
        modality: 'model',
        outcome: 'pass',
        rows: 100,
        compared: 100,
        exceeding: 0,
        tolerance: 1e-5,
      }),
    ]);
    expect(r.report.staging.probes[0].maxDeviation).toBeLessThan(1e-6);
  });

  it('blocks a rotated space on the consumer metric, located at the contract floor', async () => {
    const r = await check('rotated');
    expect(r.code).toBe(1);
    const [metric] = r.staging('staging.metric');
    expect(metric).toMatchObject({
      severity: 'error',
      consumer: 'fraud-classifier',
      location: { file: 'contracts/fraud-classifier.yaml', line: 12 },
    });
    expect(metric!.message).toMatch(
      /^fraud-classifier: models\/fraud\.onnx on the candidate's vectors: accuracy = 0\.\d{4} is below the required minimum 0\.8500 \(baseline 0\.9\d{3}\)$/,
    );
    expect(r.report.staging.consumers[0].outcome).toBe('fail');
    expect(r.report.staging.consumers[0].delta).toBeLessThan(-0.3);
  });

  it('reports a pending consumer on a rotated space as a warning that does not block', async () => {
    const r = await check('rotated', (dir) => {
      const file = join(dir, 'contracts/fraud-classifier.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('requires:', 'status: pending\nrequires:'),
      );
      // The probe would block on its own: this test is about the consumer.
      const manifest = join(dir, 'releases/2.0.0/manifest.yaml');
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/probe:[\s\S]*$/, ''));
    });
    expect(r.code).toBe(0);
    expect(r.staging('staging.metric')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/pending consumer: reported, does not block$/),
      }),
    ]);
  });

  it('fails a dims change before running the model, naming its input width and the candidate dims', async () => {
    const w = productsWorkspace('dims');
    const ort = await loadOrt();
    // The injected runtime also runs the suite's kNN and the compatibility products (GateDeps.ort
    // is every ONNX use): count only the sessions run while the staging step runs.
    let runs = 0;
    let staging = false;
    const counting: OrtModule = {
      Tensor: ort.Tensor,
      InferenceSession: {
        create: async (...args: Parameters<typeof ort.InferenceSession.create>) => {
          const session = await ort.InferenceSession.create(...args);
          const run = session.run.bind(session);
          session.run = ((...a: Parameters<typeof run>) => {
            if (staging) runs++;
            return run(...a);
          }) as typeof session.run;
          return session;
        },
      } as unknown as OrtModule['InferenceSession'],
    };
    let stdout = '';
    const code = await main(
      [
        'check',
        '--candidate',
        candidateOf('dims'),
        '--baseline',
        'releases/1.0.0/manifest.yaml',
        '--contracts',
        'contracts',
        '--format',
        'json',
      ],
      { stdout: (t) => void (stdout += t), stderr: () => undefined, cwd: w.dir, env: {} },
      {
        ...defaultDeps(),
        ort: async () => counting,
        observer: {
          stepStarted: (step) => void (staging = step === 'staging'),
          stepFinished: () => void (staging = false),
        },
      },
    );
    expect(code).toBe(1);
    const io = JSON.parse(stdout).findings.filter((f: JsonFinding) => f.id === 'staging.io');
    expect(io).toEqual([
      expect.objectContaining({
        severity: 'error',
        message:
          'fraud-classifier: model input "embedding" takes vectors of width 32 (shape [n, 32]), the candidate\'s vectors have 64 dims',
        location: expect.objectContaining({ file: 'contracts/fraud-classifier.yaml', line: 7 }),
      }),
    ]);
    expect(runs).toBe(0);
  });

  it('turns a corrupted model file into one clear finding, without a stack trace', async () => {
    const r = await check('same', (dir) => {
      const file = join(dir, 'models/fraud.onnx');
      const bytes = readFileSync(file);
      writeFileSync(file, bytes.subarray(0, bytes.length - 9));
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const model = r.staging('staging.model');
    expect(model).toHaveLength(1);
    expect(model[0]!.message).toMatch(
      /^fraud-classifier: consumer model models\/fraud\.onnx is not a readable ONNX model \(\d+ bytes\): /,
    );
    expect(model[0]!.location).toMatchObject({ file: 'contracts/fraud-classifier.yaml', line: 7 });
    expect(r.report.staging.consumers[0].outcome).toBe('error');
  });

  it('names the id of a tampered stored vector', async () => {
    const r = await check('tampered');
    expect(r.code).toBe(1);
    const [deviation] = r.staging('probe.deviation');
    expect(deviation).toMatchObject({
      severity: 'error',
      location: { file: 'releases/1.1.0/vectors.arrow', id: r.w.tamperedId, row: 42 },
    });
    expect(deviation!.message).toMatch(
      /^1 of 100 stored vectors differ from what models\/text-encoder\.onnx produces .* worst: "item-0042" /,
    );
    expect(r.report.staging.probes[0]).toMatchObject({ outcome: 'fail', exceeding: 1 });
    expect(r.report.staging.probes[0].worst[0].id).toBe('item-0042');
    expect(r.report.staging.consumers[0].outcome).toBe('pass');
  });

  it('refuses a model named by URL or outside the workspace (exit 2)', async () => {
    for (const [value, message] of [
      ['https://models.example.com/fraud.onnx', /is a URL; expected a file inside the repository/],
      ['../../../etc/fraud.onnx', /resolves outside the workspace/],
    ] as const) {
      const r = await check('same', (dir) => {
        const file = join(dir, 'contracts/fraud-classifier.yaml');
        writeFileSync(file, readFileSync(file, 'utf8').replace('../models/fraud.onnx', value));
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('size caps set by whoever runs the gate', () => {
  it('--max-model-mb refuses a larger model before reading it; the default cap lets it be parsed', async () => {
    const big = (dir: string) =>
      writeFileSync(join(dir, 'models/fraud.onnx'), Buffer.alloc(2 * 1024 * 1024, 7));
    const capped = await check('same', big, ['--max-model-mb', '1']);
    expect(capped.code).toBe(1);
    expect(
      capped
        .staging('staging.model')
        .map((f) => f.message)
        .join('\n'),
    ).toMatch(/above the cap of 1\.0 MiB \(1,048,576 bytes\)/);
    const uncapped = await check('same', big);
    expect(
      uncapped
        .staging('staging.model')
        .map((f) => f.message)
        .join('\n'),
    ).not.toMatch(/above the cap/);
    expect(uncapped.staging('staging.model')).not.toEqual([]);
  });
});

describe('multimodal manifests', () => {
  it('probes each encoder against its own stored vectors and reports per modality', async () => {
    const dir = await clipWorkspace([
      { version: '1.0.0', text: { name: 'tiny-clip-text', revision: 'r1' } },
      { version: '1.1.0', text: { name: 'tiny-clip-text', revision: 'r2' }, tamperImage: 'img-7' },
    ]);
    const r = await runCli(
      [
        'check',
        '--candidate',
        'releases/1.1.0/manifest.yaml',
        '--baseline',
        'releases/1.0.0/manifest.yaml',
        '--format',
        'json',
      ],
      dir,
    );
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.staging.probes).toEqual([
      expect.objectContaining({
        modality: 'image',
        set: 'probe/images.arrow',
        vectors: 'releases/1.1.0/images.arrow',
        outcome: 'fail',
        compared: 60,
        exceeding: 1,
      }),
      expect.objectContaining({
        modality: 'text',
        set: 'probe/queries.parquet',
        vectors: 'releases/1.1.0/queries.arrow',
        outcome: 'pass',
        compared: 40,
        exceeding: 0,
      }),
    ]);
    const ids = report.findings.map((f: JsonFinding) => f.id);
    expect(ids).toContain('probe.deviation');
    const deviation = report.findings.find((f: JsonFinding) => f.id === 'probe.deviation');
    expect(deviation.message).toMatch(/^image encoder: 1 of 60 stored vectors .* worst: "img-7" /);
    expect(deviation.location).toMatchObject({ file: 'releases/1.1.0/images.arrow', id: 'img-7' });
    // A new text encoder revision is a minor change of the shared space.
    expect(report.requiredBump).toMatchObject({ level: 'minor', sufficient: true });
    expect(report.requiredBump.details).toEqual([
      expect.objectContaining({
        field: 'encoders.text.revision',
        from: 'r1',
        to: 'r2',
        level: 'minor',
      }),
    ]);

    const md = await runCli(
      ['check', '--candidate', 'releases/1.1.0/manifest.yaml', '--format', 'markdown'],
      dir,
    );
    expect(md.stdout).toContain('### Staging validation');
    expect(md.stdout).toMatch(
      /\| ❌ \| image \| `models\/image-encoder\.onnx` \| `probe\/images\.arrow` \| 60 \/ 60 \| [\d.]+e-1 \| 1\.00e-5 \| `img-7` /,
    );
    expect(md.stdout).toMatch(
      /\| ✅ \| text \| `models\/text-encoder\.onnx` \| `probe\/queries\.parquet` \| 40 \/ 40 \| /,
    );
  });

  it('requires a major bump when an encoder becomes another model', async () => {
    const dir = await clipWorkspace([
      { version: '1.0.0', text: { name: 'tiny-clip-text', revision: 'r1' } },
      { version: '1.1.0', text: { name: 'other-text-model', revision: 'r1' } },
    ]);
    const r = await runCli(
      [
        'check',
        '--candidate',
        'releases/1.1.0/manifest.yaml',
        '--baseline',
        'releases/1.0.0/manifest.yaml',
        '--format',
        'json',
      ],
      dir,
    );
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.requiredBump).toMatchObject({
      level: 'major',
      declared: 'minor',
      sufficient: false,
    });
    const bump = report.findings.find((f: JsonFinding) => f.id === 'version.bump');
    expect(bump.message).toContain(
      'encoders.text.model tiny-clip-text → other-text-model (major: another text encoder is another space',
    );
  });
});
