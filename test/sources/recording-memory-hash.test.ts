/**
 * The recording opener (what a run opened and read), the in-memory opener (the null
 * source), and sha256 through the seam, against Node's own hashing of the same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File, sha256Source } from '../../src/sources/hash.js';
import { localFileOf, openLocalSource } from '../../src/sources/local.js';
import { memoryOpener, memorySource } from '../../src/sources/memory.js';
import { recordingOpener } from '../../src/sources/recording.js';
import { SourceError } from '../../src/sources/types.js';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'eg-sources-')));

describe('recordingOpener', () => {
  it('records every request, every source opened, the bytes read and the closing', async () => {
    writeFileSync(join(dir, 'a.txt'), 'hello world');
    const rec = recordingOpener(openLocalSource);
    const source = await rec.open({ path: join(dir, 'a.txt'), display: 'a.txt' });
    await expect(rec.open({ path: join(dir, 'missing.txt') })).rejects.toBeInstanceOf(SourceError);
    expect(rec.requested.map((r) => r.path)).toEqual([
      join(dir, 'a.txt'),
      join(dir, 'missing.txt'),
    ]);
    expect(rec.opened).toHaveLength(1);
    expect(rec.opened[0]).toMatchObject({
      id: join(dir, 'a.txt'),
      display: 'a.txt',
      bytesRead: 0,
      closed: false,
    });
    const target = new Uint8Array(5);
    await source.read(target, 0, 5, 6);
    expect(Buffer.from(target).toString()).toBe('world');
    source.readSync!(target, 0, 5, 0);
    expect(rec.opened[0]!.bytesRead).toBe(10);
    // What needs the local file behind a source (the DuckDB adapter) still finds it.
    expect(localFileOf(source)?.realPath).toBe(join(dir, 'a.txt'));
    await source.close();
    expect(rec.opened[0]!.closed).toBe(true);
  });
});

describe('memoryOpener', () => {
  it('serves its files by exact path, and nothing else', async () => {
    const open = memoryOpener({ '/in/memory.bin': Uint8Array.of(1, 2, 3, 4) });
    const source = await open({ path: '/in/memory.bin', display: 'memory.bin' });
    expect(source).toMatchObject({ id: 'memory:/in/memory.bin', display: 'memory.bin', size: 4 });
    expect(source.readSync).toBeUndefined();
    const target = new Uint8Array(4);
    expect(await source.read(target, 1, 8, 1)).toBe(3);
    expect([...target]).toEqual([0, 2, 3, 4]);
    expect(await source.read(target, 0, 4, 9)).toBe(0);
    expect(localFileOf(source)).toBeUndefined();
    await source.close();
    await expect(open({ path: '/in/other.bin' })).rejects.toMatchObject({
      code: 'ENOENT',
      message: '/in/other.bin: no such file',
    });
  });
});

describe('sha256 through the seam', () => {
  const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

  it('hashes a file of several read chunks (and a ragged end) like Node does', async () => {
    const big = new Uint8Array((9 << 20) + 13);
    for (let i = 0; i < big.length; i++) big[i] = Math.imul(i, 2654435761) >>> 24;
    writeFileSync(join(dir, 'big.bin'), big);
    expect(await sha256File(join(dir, 'big.bin'))).toBe(sha256(big));
  });

  it('hashes an empty file, and any source', async () => {
    writeFileSync(join(dir, 'empty.bin'), '');
    expect(await sha256File(join(dir, 'empty.bin'))).toBe(sha256(new Uint8Array(0)));
    const bytes = new TextEncoder().encode('abc');
    expect(await sha256Source(memorySource(bytes, 'abc'))).toBe(sha256(bytes));
  });

  it('opens through the opener it is given, and closes what it opened', async () => {
    const rec = recordingOpener(memoryOpener({ '/m/x': Uint8Array.of(9) }));
    expect(await sha256File('/m/x', rec.open)).toBe(sha256(Uint8Array.of(9)));
    expect(rec.opened).toMatchObject([{ bytesRead: 1, closed: true }]);
  });

  it('reports a missing file with ENOENT', async () => {
    await expect(sha256File(join(dir, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('sha256 of a large local file on a worker thread', () => {
  it('hashes the file the source opened, off this thread, to the same digest', async () => {
    const { WORKER_HASH_MIN_BYTES } = await import('../../src/sources/hash-worker.js');
    const bytes = Buffer.alloc(WORKER_HASH_MIN_BYTES + 12_345);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096) & 255;
    const path = join(dir, 'large.bin');
    writeFileSync(path, bytes);
    const rec = recordingOpener(openLocalSource);
    const source = await rec.open({ path });
    try {
      expect(await sha256Source(source)).toBe(createHash('sha256').update(bytes).digest('hex'));
      // Through the worker: not a byte was read through the source on this thread.
      expect(rec.opened[0]!.bytesRead).toBe(0);
    } finally {
      await source.close();
    }
    // Below the size, through the source as before.
    const small = await rec.open({ path: join(dir, 'a.txt') });
    try {
      await sha256Source(small);
      expect(rec.opened[1]!.bytesRead).toBeGreaterThan(0);
    } finally {
      await small.close();
    }
  });
});
