/**
 * A dataset of parts read as one vectors file: the parts in their listed (sorted) order,
 * rows numbered on across parts, every part's header checked against the first before any
 * batch is read, and a part's error naming that part.
 */
import type { DatasetPart } from '../sources/dataset.js';
import type { VectorBatch, VectorFileInfo, VectorSource } from './types.js';
import { VectorFileError } from './types.js';

/** Opens one part as a single vectors file (openVectors, bound to its opener). */
export type PartOpener = (ref: string, display: string) => Promise<VectorSource>;

/** `display` of part `name` of dataset `ref`, as messages show it. */
export function partDisplay(ref: string, name: string): string {
  return `${ref} part ${name}`;
}

/**
 * Opens `parts` of the dataset shown as `display`. Each part's header is read (and the part
 * closed) up front: dims, dtype, format, the columns and whether ids are present must agree
 * with the first part's, and the row count is their sum when every part states one. Parts
 * are then opened one at a time while streaming, so only one part's buffers are alive.
 */
export async function openDataset(
  display: string,
  parts: readonly DatasetPart[],
  openPart: PartOpener,
): Promise<VectorSource> {
  if (parts.length === 0)
    throw new VectorFileError(display, 'names no parts (no vectors file matched)');
  const infos: VectorFileInfo[] = [];
  for (const part of parts) {
    const source = await openPart(part.ref, partDisplay(display, part.name));
    infos.push(source.info);
    await source.close();
    const first = infos[0]!;
    const info = source.info;
    const differs = (['format', 'dtype', 'dims', 'vectorColumn', 'idColumn', 'hasIds'] as const)
      .filter((k) => info[k] !== first[k])
      .map((k) => `${k} ${String(info[k])} where part ${parts[0]!.name} has ${String(first[k])}`);
    if (differs.length)
      throw new VectorFileError(info.path, `differs from the first part: ${differs.join(', ')}`);
  }
  const rows = infos.every((i) => i.rows !== undefined)
    ? infos.reduce((sum, i) => sum + i.rows!, 0)
    : undefined;
  const { rows: _firstRows, ...first } = infos[0]!;
  const info: VectorFileInfo = { ...first, path: display, ...(rows !== undefined && { rows }) };
  let current: VectorSource | undefined;
  async function* stream(fromRow: number): AsyncIterable<VectorBatch> {
    let offset = 0;
    for (const [i, part] of parts.entries()) {
      // A part wholly before `fromRow` (its row count from its header) is not opened again.
      const stated = infos[i]!.rows;
      if (stated !== undefined && offset + stated <= fromRow) {
        offset += stated;
        continue;
      }
      current = await openPart(part.ref, partDisplay(display, part.name));
      try {
        let partRows = 0;
        const inside = fromRow - offset;
        const batches =
          inside > 0 && current.batchesFrom ? current.batchesFrom(inside) : current.batches();
        for await (const batch of batches) {
          partRows = batch.rowOffset + batch.rows;
          yield withOffset(batch, offset + batch.rowOffset);
        }
        offset += stated ?? partRows;
      } finally {
        await current.close();
        current = undefined;
      }
    }
  }
  return {
    info,
    batches: () => stream(0),
    ...(rows !== undefined && { batchesFrom: (row: number) => stream(row) }),
    async close() {
      await current?.close();
    },
  };
}

/** `batch` renumbered from `rowOffset`, its getters (lazy ids) kept working. */
function withOffset(batch: VectorBatch, rowOffset: number): VectorBatch {
  if (batch.rowOffset === rowOffset) return batch;
  return new Proxy(batch, {
    get: (target, key) => (key === 'rowOffset' ? rowOffset : Reflect.get(target, key, target)),
  });
}
