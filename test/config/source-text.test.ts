/**
 * Reading and decoding user files: the size cap is checked on the opened handle before any
 * byte is read, and the first ill-formed UTF-8 sequence is found exactly (TextDecoder's
 * fatal mode, which says only "invalid", is the oracle).
 */
import { mkdtempSync, mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadDocument } from '../../src/config/document.js';
import { decodeSource, firstInvalidUtf8, readCapped } from '../../src/config/source-text.js';

const dir = mkdtempSync(join(tmpdir(), 'eg-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const decodes = (bytes: Uint8Array) => {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('firstInvalidUtf8', () => {
  it('agrees with the fatal decoder, and the prefix before the offset is well formed', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      // Mostly valid text with a few stray bytes: the interesting boundary.
      fc
        .tuple(
          fc.string({ unit: 'grapheme', maxLength: 20 }),
          fc.uint8Array({ maxLength: 3 }),
          fc.nat(),
        )
        .map(([s, junk, at]) => {
          const text = Buffer.from(s);
          const i = text.length ? at % text.length : 0;
          return Buffer.concat([text.subarray(0, i), junk, text.subarray(i)]);
        }),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const at = firstInvalidUtf8(b);
        expect(at === -1).toBe(decodes(b));
        if (at >= 0) {
          expect(decodes(b.subarray(0, at))).toBe(true);
          // The sequence starting at `at` is ill-formed whatever follows it.
          expect(decodes(b.subarray(0, at + 4))).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['overlong', [0x61, 0xc0, 0x80], 1],
    ['surrogate', [0xed, 0xa0, 0x80], 0],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['truncated at the end', [0x61, 0x62, 0xe2, 0x82], 2],
    ['lone continuation', [0x80], 0],
    ['valid euro sign', [0xe2, 0x82, 0xac], -1],
  ])('%s', (_, bytes, at) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });
});

describe('decodeSource', () => {
  it('drops a UTF-8 byte order mark and counts offsets from the file start', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(decodeSource('a.yaml', Buffer.concat([bom, Buffer.from('a: 1\n')]))).toBe('a: 1\n');
    expect(() =>
      decodeSource('a.yaml', Buffer.concat([bom, Buffer.from('a: 1\nb: '), Buffer.from([0xff])])),
    ).toThrow('a.yaml: invalid UTF-8 at byte 11 (line 2)');
  });
});

describe('readCapped', () => {
  it('refuses a file over the cap from its size alone (a sparse 4 GiB file reads nothing)', async () => {
    const path = join(dir, 'sparse.yaml');
    writeFileSync(path, '');
    truncateSync(path, 4 * 1024 ** 3);
    const started = performance.now();
    await expect(readCapped('sparse.yaml', path, 1024 * 1024)).rejects.toThrow(
      /^sparse\.yaml: 4294967296 bytes, more than the 1024 KiB allowed/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads a file at the cap, refuses one byte more', async () => {
    const path = join(dir, 'exact.yaml');
    writeFileSync(path, 'a: 1\n');
    expect((await readCapped('exact.yaml', path, 5)).toString()).toBe('a: 1\n');
    await expect(readCapped('exact.yaml', path, 4)).rejects.toBeInstanceOf(ConfigError);
  });

  it('says what is wrong with a directory or a missing file', async () => {
    mkdirSync(join(dir, 'sub.yaml'));
    await expect(loadDocument('sub.yaml', dir)).rejects.toThrow(
      'sub.yaml: cannot read: is a directory, expected a YAML or JSON file',
    );
    await expect(loadDocument('none.yaml', dir)).rejects.toThrow(
      'none.yaml: cannot read: no such file',
    );
  });
});
