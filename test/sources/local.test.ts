/**
 * The local byte source: one open per file, identified by the real path of what was
 * opened, positioned reads (concurrent ones too) straight into the caller's buffer, and a
 * precise refusal of anything but a regular file, without blocking on a FIFO.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  realpathSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localFileOf, NOT_REGULAR, openLocalSource } from '../../src/sources/local.js';
import { SourceError } from '../../src/sources/types.js';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'eg-local-source-')));
const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31 + 7) & 0xff);
writeFileSync(join(dir, 'data.bin'), bytes);

async function refusal(path: string, display?: string): Promise<SourceError> {
  const error = await openLocalSource({ path, ...(display && { display }) }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe('openLocalSource', () => {
  it('knows the size, names the file as asked, and reads at any position', async () => {
    const source = await openLocalSource({ path: join(dir, 'data.bin'), display: 'data.bin' });
    try {
      expect(source.size).toBe(bytes.length);
      expect(source.display).toBe('data.bin');
      expect(source.id).toBe(join(dir, 'data.bin'));
      const target = new Uint8Array(16).fill(0xee);
      expect(await source.read(target, 4, 8, 5000)).toBe(8);
      expect([...target.subarray(0, 4)]).toEqual([0xee, 0xee, 0xee, 0xee]);
      expect([...target.subarray(4, 12)]).toEqual([...bytes.subarray(5000, 5008)]);
      expect([...target.subarray(12)]).toEqual([0xee, 0xee, 0xee, 0xee]);
      // Short at the end, zero past it.
      expect(await source.read(target, 0, 16, bytes.length - 3)).toBe(3);
      expect(await source.read(target, 0, 16, bytes.length)).toBe(0);
      expect(source.readSync!(target, 0, 8, 99_000)).toBe(8);
      expect([...target.subarray(0, 8)]).toEqual([...bytes.subarray(99_000, 99_008)]);
    } finally {
      await source.close();
      await source.close();
    }
    await expect(source.read(new Uint8Array(1), 0, 1, 0)).rejects.toThrow();
  });

  it('serves many concurrent reads on the one descriptor, each at its own position', async () => {
    const source = await openLocalSource({ path: join(dir, 'data.bin') });
    try {
      const chunk = 997;
      const target = new Uint8Array(bytes.length);
      const reads = [];
      for (let at = 0; at < bytes.length; at += chunk)
        reads.push(source.read(target, at, Math.min(chunk, bytes.length - at), at));
      await Promise.all(reads);
      expect(Buffer.from(target).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      await source.close();
    }
  });

  it('is identified by the real path of the file opened, links resolved', async () => {
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'f.txt'), 'abc');
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    symlinkSync(join(dir, 'link', 'f.txt'), join(dir, 'f-link.txt'));
    const source = await openLocalSource({ path: join(dir, 'f-link.txt') });
    try {
      expect(source.id).toBe(join(dir, 'real', 'f.txt'));
      expect(source.display).toBe(join(dir, 'f-link.txt'));
      expect(localFileOf(source)?.realPath).toBe(join(dir, 'real', 'f.txt'));
    } finally {
      await source.close();
    }
  });

  it.runIf(process.platform === 'linux')(
    "its opened path names the opened file even after the file's name is taken by another",
    async () => {
      writeFileSync(join(dir, 'moving.txt'), 'first');
      const source = await openLocalSource({ path: join(dir, 'moving.txt') });
      try {
        renameSync(join(dir, 'moving.txt'), join(dir, 'moved.txt'));
        writeFileSync(join(dir, 'moving.txt'), 'second');
        const local = localFileOf(source)!;
        expect(local.openedPath).toMatch(/^\/proc\/self\/fd\/\d+$/);
        expect(await readFile(local.openedPath, 'utf8')).toBe('first');
      } finally {
        await source.close();
      }
    },
  );

  it('refuses a missing file with ENOENT', async () => {
    const error = await refusal(join(dir, 'nope.bin'), 'nope.bin');
    expect(error.message).toBe('nope.bin: no such file');
    expect(error.code).toBe('ENOENT');
  });

  it('refuses a directory, naming it and what was expected', async () => {
    const error = await refusal(join(dir, 'real'), 'real');
    expect(error.message).toBe('real: is a directory, expected a regular file');
    expect(error.code).toBe(NOT_REGULAR);
  });

  it.runIf(process.platform !== 'win32')('refuses a character device', async () => {
    const error = await refusal('/dev/null');
    expect(error.message).toBe('/dev/null: is a character device, expected a regular file');
    expect(error.code).toBe(NOT_REGULAR);
  });

  it.runIf(process.platform !== 'win32')(
    'refuses a FIFO at once, without waiting for a writer',
    async () => {
      const fifo = join(dir, 'pipe');
      execFileSync('mkfifo', [fifo]);
      const error = await refusal(fifo, 'pipe');
      expect(error.message).toBe('pipe: is a FIFO (named pipe), expected a regular file');
      expect(error.code).toBe(NOT_REGULAR);
    },
    5000,
  );

  it('is not a local file to anything it did not open', () => {
    const fake = {
      id: 'x',
      display: 'x',
      size: 0,
      read: async () => 0,
      close: async () => undefined,
    };
    expect(localFileOf(fake)).toBeUndefined();
  });
});
