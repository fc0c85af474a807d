/**
 * The files staging reads (ONNX models, labels, probe sets) come through the byte-source
 * seam too: a model served from memory under a path that exists nowhere loads, and the
 * recording opener sees each file opened once and closed; refusals keep their messages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrt } from '../../src/onnx/session.js';
import { openLocalSource } from '../../src/sources/local.js';
import { memoryOpener } from '../../src/sources/memory.js';
import { recordingOpener } from '../../src/sources/recording.js';
import { loadModel, readCapped } from '../../src/staging/files.js';
import { logRegModel } from '../fixtures/staging/models.js';

const model = logRegModel({ w: Float32Array.of(1, -1, 0.5, 2), b: 0.25 });

describe('staging files through the seam', () => {
  it('loads a model served from memory, opening it once and closing it', async () => {
    const path = '/nonexistent-embedding-gate-seam/models/m.onnx';
    const rec = recordingOpener(memoryOpener({ [path]: model }));
    const loaded = await loadModel(path, 'models/m.onnx', {
      maxBytes: 1 << 20,
      ort: await loadOrt(),
      what: 'consumer model',
      openSource: rec.open,
    });
    try {
      expect(loaded.bytes).toBe(model.length);
      expect(loaded.inputs).toEqual([{ name: 'embedding', type: 'float32', shape: ['n', 4] }]);
      expect(rec.opened).toMatchObject([
        { display: 'models/m.onnx', bytesRead: model.length, closed: true },
      ]);
    } finally {
      await loaded.session.release();
    }
  });

  it('reads a local file once, and keeps the messages for a missing, a directory and a too large file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-staging-seam-'));
    writeFileSync(join(dir, 'labels.csv'), 'id,label\na,1\n');
    const rec = recordingOpener(openLocalSource);
    const bytes = await readCapped(join(dir, 'labels.csv'), 'labels.csv', 100, 'labels', rec.open);
    expect(new TextDecoder().decode(bytes)).toBe('id,label\na,1\n');
    expect(rec.opened).toMatchObject([{ id: join(dir, 'labels.csv'), closed: true }]);

    await expect(readCapped(join(dir, 'none.csv'), 'none.csv', 100, 'labels')).rejects.toThrow(
      /^labels none\.csv: cannot read: no such file$/,
    );
    await expect(readCapped(dir, 'dir', 100, 'labels')).rejects.toThrow(
      /^labels dir: not a regular file$/,
    );
    await expect(
      readCapped(join(dir, 'labels.csv'), 'labels.csv', 5, 'labels', rec.open),
    ).rejects.toThrow(/^labels labels\.csv is 13 bytes, above the cap of 5 bytes;/);
    expect(rec.opened.map((o) => o.closed)).toEqual([true, true]);
  });
});
