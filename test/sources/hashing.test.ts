/**
 * The sha256 of a release is computed from the bytes the scan reads (sources/hashing.ts):
 * each byte fetched once for .npy, Arrow and Parquet, local or over HTTP, where the hash used
 * to be a second pass over the whole object. The range server started here logs what it
 * served; the recording opener counts local reads.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scanFile } from '../../src/gate/scan.js';
import { sha256Vectors } from '../../src/sources/hash.js';
import { hashingOpener } from '../../src/sources/hashing.js';
import { openLocalSource } from '../../src/sources/local.js';
import { recordingOpener } from '../../src/sources/recording.js';
import { routedOpener } from '../../src/sources/router.js';
import { SourceError } from '../../src/sources/types.js';
import { arrowFloat32, npyFloat32 } from '../../src/vectors/write.js';
import { startRangeServer, type RangeServer } from '../helpers/range-server.js';

const ROWS = 20_000;
const DIMS = 96;
const values = Float32Array.from({ length: ROWS * DIMS }, (_, i) => Math.sin(i) * 0.5);
const ids = Array.from({ length: ROWS }, (_, i) => `doc-${i}`);

/** Parquet by arrow-rs (parquet-wasm): 5 row groups, and a text column the scan skips. */
async function parquetWithNote(): Promise<Uint8Array> {
  const child = arrow.makeData({ type: new arrow.Float32(), length: values.length, data: values });
  const type = new arrow.FixedSizeList(DIMS, new arrow.Field('item', new arrow.Float32(), true));
  const table = new arrow.Table({
    id: arrow.vectorFromArray(ids, new arrow.Utf8()),
    embedding: arrow.makeVector(arrow.makeData({ type, length: ROWS, child })),
    note: arrow.vectorFromArray(
      ids.map((id) => `${id} ${'lorem ipsum '.repeat(8)}`),
      new arrow.Utf8(),
    ),
  });
  const wasm = await import('parquet-wasm');
  const props = new wasm.WriterPropertiesBuilder()
    .setCompression(wasm.Compression.SNAPPY)
    .setMaxRowGroupSize(4000)
    .build();
  return wasm.writeParquet(wasm.Table.fromIPCStream(arrow.tableToIPC(table, 'stream')), props);
}

const files: Record<string, Uint8Array> = {};
let server: RangeServer;
let dir: string;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  files['v.npy'] = npyFloat32(values, ROWS, DIMS);
  files['v.arrow'] = arrowFloat32(ids, values, DIMS);
  files['v.parquet'] = await parquetWithNote();
  dir = mkdtempSync(join(tmpdir(), 'eg-hashing-'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  // Parts of 1.9 MB, and of 38 KB (smaller than what the hasher reads on its own at close).
  for (const [folder, rows] of [
    ['parts', ROWS / 4],
    ['small', 100],
  ] as const) {
    mkdirSync(join(dir, folder));
    for (let p = 0; p < 3; p++) {
      const slice = values.subarray(p * rows * DIMS, (p + 1) * rows * DIMS);
      writeFileSync(join(dir, folder, `part-${p}.npy`), npyFloat32(slice, rows, DIMS));
    }
  }
  server = await startRangeServer();
  for (const [name, bytes] of Object.entries(files)) server.put(`/${name}`, bytes);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => server.reset());

function request(path: string, hash = true) {
  return {
    path,
    displayPath: path,
    open: { batchRows: 1000 },
    expectUnitNorm: false,
    normTolerance: 1e-3,
    collectIds: false,
    ...(hash && { hash }),
  };
}

const remote = () =>
  routedOpener(openLocalSource, {
    allowRemote: true,
    remote: { backoffMs: 1, sleep: async () => {} },
  });

describe('sha256 while scanning, one pass', () => {
  for (const name of ['v.npy', 'v.arrow', 'v.parquet']) {
    it(`${name} over HTTP: the digest of the object, each byte served about once`, async () => {
      const size = files[name]!.length;
      const url = `${server.base}/${name}`;
      // Before: the scan, then the hash as a pass of its own.
      await scanFile(request(url, false), remote());
      await sha256Vectors(url, remote());
      const before = server.bytesServed();
      server.reset();

      const outcome = await scanFile(request(url), remote());
      const after = server.bytesServed();
      expect(outcome.digest).toEqual({ sha256: sha(files[name]!) });
      expect(before).toBeGreaterThan(1.9 * size);
      // The open's byte, the head read twice (sniffing, then the reader), a footer read twice.
      expect(after).toBeLessThan(size * 1.01 + 4096);
      expect(after).toBeGreaterThanOrEqual(size);
    });

    it(`${name} on disk: the digest of the file, each byte read about once`, async () => {
      const recording = recordingOpener(openLocalSource);
      const outcome = await scanFile(request(join(dir, name)), recording.open);
      const read = recording.opened.reduce((sum, o) => sum + o.bytesRead, 0);
      expect(outcome.digest).toEqual({ sha256: sha(files[name]!) });
      expect(read).toBeLessThan(files[name]!.length * 1.01 + 4096);
      expect(recording.opened.every((o) => o.closed)).toBe(true);
    });
  }

  for (const folder of ['parts', 'small']) {
    it(`a dataset of parts (${folder}): the dataset digest, each part read once`, async () => {
      const recording = recordingOpener(openLocalSource);
      const outcome = await scanFile(request(join(dir, folder)), recording.open);
      const whole = await sha256Vectors(join(dir, folder));
      expect(outcome.digest).toEqual(whole);
      expect(outcome.digest!.parts!.map((p) => p.name)).toEqual([
        'part-0.npy',
        'part-1.npy',
        'part-2.npy',
      ]);
      const size = whole.parts!.reduce((s, p) => s + p.size, 0);
      const read = recording.opened.reduce((sum, o) => sum + o.bytesRead, 0);
      // Each part's 64-byte head and its npy header are read twice (headers first).
      expect(read).toBeLessThan(size * 1.01 + 3 * 512);
      expect(recording.opened.every((o) => o.closed)).toBe(true);
    });
  }

  it('an object that changes between two opens of the scan is ECHANGED, not a mixed hash', async () => {
    const hasher = hashingOpener(remote());
    const url = `${server.base}/v.npy`;
    const first = await hasher.open({ path: url });
    await first.read(new Uint8Array(64), 0, 64, 0);
    await first.close();
    server.put(
      '/v.npy',
      npyFloat32(
        values.map((v) => -v),
        ROWS,
        DIMS,
      ),
    );
    await expect(hasher.open({ path: url })).rejects.toMatchObject({
      code: 'ECHANGED',
      message: expect.stringContaining(`${url}: changed during the read (version "`),
    });
    server.put('/v.npy', files['v.npy']!);
  });

  it('a file cut short while it is hashed is a SourceError naming it and the byte', async () => {
    const path = join(dir, 'shrinks.npy');
    writeFileSync(path, files['v.npy']!);
    const hasher = hashingOpener(openLocalSource);
    const source = await hasher.open({ path });
    await source.read(new Uint8Array(64), 0, 64, 0);
    truncateSync(path, 1 << 20);
    const error = await hasher.digest({ path }).catch((e: unknown) => e);
    await source.close();
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe(
      `${path}: ended at byte ${1 << 20} while hashing; expected ${files['v.npy']!.length} bytes`,
    );
  });

  it('a file that changed size between two opens is ECHANGED', async () => {
    const path = join(dir, 'grows.npy');
    writeFileSync(path, files['v.npy']!);
    const hasher = hashingOpener(openLocalSource);
    await (await hasher.open({ path })).close();
    writeFileSync(path, files['v.arrow']!);
    await expect(hasher.digest({ path })).rejects.toMatchObject({
      code: 'ECHANGED',
      message: `${path}: changed during the read (${files['v.npy']!.length} bytes when first opened, ${files['v.arrow']!.length} now)`,
    });
  });
});
