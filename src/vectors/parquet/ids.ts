/**
 * The id column of one row group, handed out a batch of rows at a time as UTF-8 bytes
 * (strings as they are, integers in base 10), whatever pages the rows lie in.
 */
import { intIdBytes, utf8IdBytes } from '../arrow/ids.js';
import type { ArrowSelection } from '../arrow/reader.js';
import type { IdBytes } from '../types.js';
import { VectorFileError } from '../types.js';
import type { ByteArrays } from './encodings.js';
import { Physical, type SchemaNode } from './meta.js';
import type { ChunkPages, DecodedPage } from './pages.js';

/** The id column of one row group, handed out a batch of rows at a time. */
export class IdColumn {
  private page: DecodedPage | undefined;
  private slot = 0;
  private value = 0;

  constructor(
    private readonly pages: ChunkPages,
    private readonly node: SchemaNode,
    private readonly sel: ArrowSelection,
    private readonly file: string,
  ) {}

  async take(rows: number, rowOffset: number): Promise<IdBytes> {
    const strings = this.node.physical === Physical.BYTE_ARRAY;
    const wide = this.node.physical === Physical.INT64;
    const parts: { values: Uint8Array | ByteArrays; from: number; count: number }[] = [];
    let got = 0;
    while (got < rows) {
      if (!this.page || this.slot >= this.page.count) {
        this.page = await this.pages.next();
        this.slot = 0;
        this.value = 0;
        if (!this.page)
          throw new VectorFileError(
            this.file,
            `id column "${this.sel.idColumn}" ends before the vectors`,
            {
              row: rowOffset + got,
            },
          );
        continue;
      }
      const n = Math.min(rows - got, this.page.count - this.slot);
      const defs = this.page.defs;
      if (defs) {
        for (let i = 0; i < n; i++)
          if (defs[this.slot + i]! < this.node.maxDef)
            throw new VectorFileError(this.file, `null id in column "${this.sel.idColumn}"`, {
              row: rowOffset + got + i,
            });
      }
      const values = this.page.values;
      if (values instanceof Uint8Array) {
        // Copied: the page's bytes may live in the page reader's reused buffer.
        const width = wide ? 8 : 4;
        parts.push({
          values: values.slice(this.value * width, (this.value + n) * width),
          from: 0,
          count: n,
        });
      } else {
        parts.push({ values, from: this.value, count: n });
      }
      this.slot += n;
      this.value += n;
      got += n;
    }
    if (strings) {
      const offsets = new Int32Array(rows + 1);
      let total = 0;
      let r = 0;
      for (const p of parts) {
        const a = p.values as ByteArrays;
        for (let i = 0; i < p.count; i++, r++) {
          total += a.offsets[p.from + i + 1]! - a.offsets[p.from + i]!;
          offsets[r + 1] = total;
        }
      }
      const data = new Uint8Array(total);
      let at = 0;
      for (const p of parts) {
        const a = p.values as ByteArrays;
        const start = a.offsets[p.from]!;
        const end = a.offsets[p.from + p.count]!;
        data.set(a.data.subarray(start, end), at);
        at += end - start;
      }
      return utf8IdBytes(offsets, data, rows, 0);
    }
    const width = wide ? 8 : 4;
    const bytes = new Uint8Array(rows * width);
    let at = 0;
    for (const p of parts) {
      const v = p.values as Uint8Array;
      bytes.set(v.subarray(p.from * width, (p.from + p.count) * width), at);
      at += p.count * width;
    }
    const unsigned = this.sel.idSigned === false;
    const ints = wide
      ? unsigned
        ? new BigUint64Array(bytes.buffer, 0, rows)
        : new BigInt64Array(bytes.buffer, 0, rows)
      : unsigned && this.sel.idIntWidth === 4
        ? new Uint32Array(bytes.buffer, 0, rows)
        : new Int32Array(bytes.buffer, 0, rows);
    return intIdBytes(ints, rows);
  }
}
