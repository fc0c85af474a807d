/**
 * The direct Arrow path on compressed bodies: the vector values are streamed slice by slice
 * (memory bounded by the slice, not the record batch), while the small buffers are
 * decompressed whole, once per batch.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { openLocalSource } from '../../src/sources/local.js';
import { selectArrowColumns } from '../../src/vectors/arrow/reader.js';
import { type BodyCodec, bodyCodec } from '../../src/vectors/arrow/codecs.js';
import { BodyReader } from '../../src/vectors/arrow/ipc-body.js';
import { readIpcFileMetadata, readIpcStreamMetadata } from '../../src/vectors/arrow/ipc-meta.js';
import { planBatches } from '../../src/vectors/arrow/ipc-plan.js';
import { EXPECTED, FIXTURES } from './helpers.js';

/** A codec that records what it is asked to do. */
function spied(codec: BodyCodec): BodyCodec & { whole: number[]; streams: number } {
  const spy = {
    name: codec.name,
    maxExpansion: codec.maxExpansion,
    whole: [] as number[],
    streams: 0,
    decompress(src: Uint8Array, length: number): Uint8Array {
      spy.whole.push(length);
      return codec.decompress(src, length);
    },
    stream: (input: Parameters<BodyCodec['stream']>[0]) => {
      spy.streams++;
      return codec.stream(input);
    },
  };
  return spy;
}

describe('compressed record batches on the direct path', () => {
  for (const [name, type] of [
    ['blocks_lz4.arrow', arrow.CompressionType.LZ4_FRAME],
    ['blocks_zstd.arrows', arrow.CompressionType.ZSTD],
  ] as const) {
    it(`${name}: values streamed in slices of 7 rows, ids decompressed whole`, async () => {
      const path = join(FIXTURES, name);
      const source = await openLocalSource({ path });
      try {
        const meta = name.endsWith('.arrows')
          ? await readIpcStreamMetadata(source)
          : await readIpcFileMetadata(source);
        const sel = selectArrowColumns(meta.schema, {}, path);
        const plans = planBatches(meta, sel, path);
        expect(plans.map((p) => p.batch.compression)).toEqual([type, type]);
        const codec = spied((await bodyCodec(type))!);
        const body = new BodyReader(source, new Map([[type, codec]]));
        const rowBytes = sel.listSize! * sel.itemSize;
        const hash = createHash('sha256');
        for (const plan of plans) {
          const what = 'the values';
          expect(await body.length(plan, plan.childValues, what)).toBe(plan.batch.rows * rowBytes);
          // Every slice asked for at once, as the reader's prefetching does.
          const slices: Promise<Uint8Array>[] = [];
          for (let row = 0; row < plan.batch.rows; row += 7) {
            const target = new Uint8Array(Math.min(7, plan.batch.rows - row) * rowBytes);
            const at = Promise.resolve(row * rowBytes);
            slices.push(body.fill(plan, plan.childValues, at, target, what).then(() => target));
          }
          for (const slice of await Promise.all(slices)) hash.update(slice);
          await body.slice(plan, plan.idOffsets!, 0, 8, 'the id offsets');
        }
        expect(hash.digest('hex')).toBe(EXPECTED.files[name]!.valuesSha256);
        expect(codec.streams).toBe(plans.length);
        // Only the id offsets were decompressed whole: 601 and 41 int32s.
        expect(codec.whole).toEqual([601 * 4, 41 * 4]);
      } finally {
        await source.close();
      }
    });
  }
});
