/**
 * Small in-memory writers for NumPy `.npy` and Arrow IPC, used by the example generator,
 * the tests and the bench to make their own data. The product itself never writes vectors.
 */
import {
  Field,
  FixedSizeList,
  Float32,
  makeData,
  makeVector,
  Table,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';

/** A float32 `.npy` (format 1.0, little-endian, C order) holding `rows × dims` values. */
export function npyFloat32(values: Float32Array, rows: number, dims: number): Uint8Array {
  if (values.length !== rows * dims)
    throw new RangeError(`expected ${rows * dims} values, got ${values.length}`);
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${dims}), }`;
  // The header is padded with spaces so the data starts on a 64-byte boundary.
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + values.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), 10 + header.length);
  return out;
}

/** An Arrow IPC file with a Utf8 `id` column and a FixedSizeList<float32> `embedding` column. */
export function arrowFloat32(
  ids: readonly string[],
  values: Float32Array,
  dims: number,
): Uint8Array {
  if (values.length !== ids.length * dims) {
    throw new RangeError(`expected ${ids.length * dims} values, got ${values.length}`);
  }
  const child = makeData({ type: new Float32(), length: values.length, data: values });
  const type = new FixedSizeList(dims, new Field('item', new Float32(), false));
  const embedding = makeVector(makeData({ type, length: ids.length, nullCount: 0, child }));
  const table = new Table({ id: vectorFromArray([...ids], new Utf8()), embedding });
  return tableToIPC(table, 'file');
}
