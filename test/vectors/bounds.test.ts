/**
 * Lengths a file declares are checked against what the file could hold before anything is
 * allocated for them: a 1 KB LZ4 buffer that states 4 GB, an npy header of 4 GB, a vector
 * of 2^31 values, are each one VectorFileError (or CodecError inside the codecs).
 */
import { describe, expect, it } from 'vitest';
import { CodecError } from '../../src/vectors/arrow/codec-util.js';
import { checkStated, WHOLE_CEILING } from '../../src/vectors/arrow/codecs.js';
import { lz4Decompress } from '../../src/vectors/arrow/lz4.js';
import { memoryOpener } from '../../src/sources/memory.js';
import { openVectors } from '../../src/vectors/open.js';
import { MAX_DIMS, VectorFileError } from '../../src/vectors/types.js';

function npy(header: string, data = 0, headerLength?: number): Uint8Array {
  const text = new TextEncoder().encode(header);
  const out = new Uint8Array(10 + text.length + data);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, headerLength ?? text.length, true);
  out.set(text, 10);
  return out;
}

async function openError(path: string, bytes: Uint8Array, opts = {}): Promise<VectorFileError> {
  const error = await openVectors(path, opts, memoryOpener({ [path]: bytes })).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VectorFileError);
  return error as VectorFileError;
}

describe('declared lengths are bounded by the file', () => {
  it('an LZ4 buffer of 1 KB that states 4 GB is refused before allocating', () => {
    const memory = process.memoryUsage().arrayBuffers;
    expect(() => lz4Decompress(new Uint8Array(1024), 4 * 2 ** 30)).toThrow(CodecError);
    expect(() => lz4Decompress(new Uint8Array(1024), 4 * 2 ** 30)).toThrow(
      'LZ4 data of 1024 bytes cannot decompress to the 4294967296 bytes stated',
    );
    expect(process.memoryUsage().arrayBuffers - memory).toBeLessThan(2 ** 20);
  });

  it('a stated length over the expansion or the ceiling is refused', () => {
    expect(() => checkStated(256 * 1024 + 1, 1024, 255, 'LZ4 frame')).toThrow(
      'more than 1024 compressed bytes can hold (at most 255× as many)',
    );
    expect(() => checkStated(WHOLE_CEILING + 1, 2 ** 20, 32768, 'ZSTD frame')).toThrow(
      `over this reader's ceiling of ${WHOLE_CEILING} bytes`,
    );
    expect(() => checkStated(1000, 10, 255, 'LZ4 frame')).not.toThrow();
  });

  it('an npy header longer than 64 KiB is refused before it is read', async () => {
    const e = await openError('big.npy', npy('{}', 0, 65535).subarray(0, 64));
    expect(e.message).toContain('npy header claims 65535 bytes but the file ends');
    const v2 = new Uint8Array(64);
    v2.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 2, 0]);
    new DataView(v2.buffer).setUint32(8, 0xfffffff0, true);
    expect((await openError('huge.npy', v2)).message).toBe(
      'huge.npy (byte 8): npy header claims 4294967280 bytes; expected at most 65536',
    );
  });

  it('an npy shape with more dims than any reader takes is refused', async () => {
    const e = await openError(
      'wide.npy',
      npy(`{'descr': '<f4', 'fortran_order': False, 'shape': (0, ${MAX_DIMS + 1}), }`),
    );
    expect(e.message).toContain(`expected at most ${MAX_DIMS} dimensions per row`);
    const huge = await openError(
      'huge_rows.npy',
      npy(`{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999, 4), }`),
    );
    expect(huge.message).toContain('is too large for any file');
  });

  it('packed binary dims over the maximum are refused', async () => {
    const e = await openError('codes.bin', new Uint8Array(8), { dims: MAX_DIMS + 1 });
    expect(e.message).toContain(`expected at most ${MAX_DIMS} bits per vector`);
  });

  it('a JSON Lines line without an end is refused once it passes 16 MiB', async () => {
    const bytes = new Uint8Array((16 << 20) + 4096).fill(0x20);
    bytes[0] = 0x7b;
    const e = await openError('long.jsonl', bytes);
    expect(e.message).toBe(
      'long.jsonl:1: line longer than 16777216 characters; expected one JSON record per line',
    );
  });
});
