/**
 * What a Parquet file says before any data is read: the framing (magic numbers and footer
 * length, checked so a broken file is reported with the byte offset where it breaks and
 * what was expected), then the footer itself (Thrift FileMetaData, thrift.ts): the schema
 * tree with each leaf column's definition and repetition levels, the row groups and their
 * column chunks, and the Arrow schema the reader presents (refined by the `ARROW:schema`
 * that pyarrow and arrow-rs store, which alone knows FixedSizeList).
 */
import * as arrow from 'apache-arrow';
import type { ByteSource } from '../../sources/types.js';
import { describeBytes, readExactly, wrongMagic } from '../buffers.js';
import { VectorFileError } from '../types.js';
import {
  list,
  num,
  optNum,
  optStruct,
  readStruct,
  text,
  ThriftError,
  type TStruct,
} from './thrift.js';

const MAGIC = 'PAR1';

/** Where the footer lies, from the file's last 8 bytes. */
export interface Envelope {
  readonly size: number;
  readonly footerStart: number;
  readonly footerLength: number;
}

/**
 * Checks the framing: `PAR1` at byte 0, and at the end a 4-byte footer length then `PAR1`,
 * with the footer lying between the two magics.
 */
export async function readEnvelope(source: ByteSource): Promise<Envelope> {
  const { size, display: path } = source;
  const head = new Uint8Array(Math.min(4, size));
  await readExactly(source, head, 0, head.length, 0, 'the Parquet magic');
  if (!isMagic(head)) throw wrongMagic(path, 'a Parquet file', MAGIC, head);
  if (size < 12) {
    throw new VectorFileError(
      path,
      `file ends early: expected at least 12 bytes (magic, footer length, magic), found ${size}`,
      {
        byte: size,
      },
    );
  }
  const tail = new Uint8Array(8);
  await readExactly(source, tail, 0, 8, size - 8, 'the Parquet footer length and magic');
  if (!isMagic(tail.subarray(4))) {
    throw new VectorFileError(
      path,
      `expected magic ${MAGIC} at the end of the file, found ${describeBytes(tail.subarray(4))}: the file is truncated or not Parquet`,
      { byte: size - 4 },
    );
  }
  const footerLength = new DataView(tail.buffer).getUint32(0, true);
  const footerStart = size - 8 - footerLength;
  if (footerLength === 0 || footerStart < 4) {
    throw new VectorFileError(
      path,
      `footer length ${footerLength} points outside the file: the footer would start at byte ${footerStart}, ` +
        `expected a length from 1 to ${size - 12}`,
      { byte: size - 8 },
    );
  }
  return { size, footerStart, footerLength };
}

function isMagic(bytes: Uint8Array): boolean {
  return (
    bytes.length === 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x41 &&
    bytes[2] === 0x52 &&
    bytes[3] === 0x31
  );
}

/** Physical types, as the format numbers them. */
export const enum Physical {
  BOOLEAN = 0,
  INT32 = 1,
  INT64 = 2,
  INT96 = 3,
  FLOAT = 4,
  DOUBLE = 5,
  BYTE_ARRAY = 6,
  FIXED_LEN_BYTE_ARRAY = 7,
}

/** One node of the schema tree. */
export interface SchemaNode {
  readonly name: string;
  /** 0 required, 1 optional, 2 repeated. */
  readonly repetition: number;
  /** Leaves only. */
  readonly physical?: Physical;
  readonly typeLength?: number;
  readonly convertedType?: number;
  readonly logical?: TStruct;
  readonly children: SchemaNode[];
  /** The definition and repetition levels of a value at this node. */
  readonly maxDef: number;
  readonly maxRep: number;
  /** Leaves only: the column's index in each row group. */
  readonly column?: number;
}

/** Where a column chunk lies and how it is compressed. */
export interface ChunkMeta {
  readonly codec: number;
  readonly numValues: number;
  /** First byte (the dictionary page, when there is one) and compressed length. */
  readonly start: number;
  readonly length: number;
}

export interface RowGroupMeta {
  readonly rows: number;
  readonly columns: readonly ChunkMeta[];
}

/** What the footer says. */
export interface ParquetMetadata {
  readonly rows: number;
  /** Top-level columns as the reader presents them, in file order. */
  readonly schema: arrow.Schema;
  /** The schema node behind each field of {@link schema}. */
  readonly nodes: readonly SchemaNode[];
  readonly rowGroups: readonly RowGroupMeta[];
}

/** Reads and checks the footer {@link readEnvelope} located. */
export async function readMetadata(
  source: ByteSource,
  envelope: Envelope,
): Promise<ParquetMetadata> {
  const path = source.display;
  const { footerStart, footerLength } = envelope;
  const bytes = new Uint8Array(footerLength);
  await readExactly(source, bytes, 0, footerLength, footerStart, 'the Parquet footer');
  const corrupt = (detail: string, byte: number): VectorFileError =>
    new VectorFileError(
      path,
      `corrupt footer: expected ${footerLength} bytes of Thrift FileMetaData from byte ${footerStart} (${detail} at byte ${byte})`,
      { byte: footerStart },
    );
  let fmd: TStruct;
  try {
    fmd = readStruct(bytes, 0, footerLength, footerStart).value;
  } catch (e) {
    if (e instanceof ThriftError) throw corrupt(e.detail, e.byte);
    throw e;
  }
  try {
    return interpret(fmd, footerStart);
  } catch (e) {
    if (e instanceof FooterError || e instanceof TypeError) throw corrupt(e.message, footerStart);
    throw e;
  }
}

class FooterError extends Error {}

function interpret(fmd: TStruct, footerStart: number): ParquetMetadata {
  const elements = list(fmd, 2) as TStruct[];
  if (elements.length === 0) throw new FooterError('no schema');
  let next = 1;
  const leaves: SchemaNode[] = [];
  const build = (e: TStruct, parentDef: number, parentRep: number, depth: number): SchemaNode => {
    if (depth > 64) throw new FooterError('schema nested deeper than 64');
    const repetition = optNum(e, 3) ?? 0;
    const maxDef = parentDef + (repetition === 0 ? 0 : 1);
    const maxRep = parentRep + (repetition === 2 ? 1 : 0);
    const count = optNum(e, 5);
    const children: SchemaNode[] = [];
    const node = {
      name: text(e, 4) ?? '',
      repetition,
      children,
      maxDef,
      maxRep,
      ...(optNum(e, 6) !== undefined && { convertedType: optNum(e, 6) }),
      ...(optStruct(e, 10) && { logical: optStruct(e, 10) }),
    } as SchemaNode & { physical?: number; typeLength?: number; column?: number };
    if (count === undefined || (count === 0 && optNum(e, 1) !== undefined)) {
      node.physical = num(e, 1);
      const typeLength = optNum(e, 2);
      if (typeLength !== undefined) node.typeLength = typeLength;
      node.column = leaves.length;
      leaves.push(node);
      return node;
    }
    if (count < 0 || count > elements.length - next)
      throw new FooterError(`schema element "${node.name}" claims ${count} children`);
    for (let i = 0; i < count; i++) {
      const child = elements[next++]!;
      children.push(build(child, maxDef, maxRep, depth + 1));
    }
    return node;
  };
  const root = elements[0]!;
  const rootCount = optNum(root, 5) ?? 0;
  const top: SchemaNode[] = [];
  if (rootCount < 0 || rootCount > elements.length - 1)
    throw new FooterError(`the schema root claims ${rootCount} children`);
  for (let i = 0; i < rootCount; i++) top.push(build(elements[next++]!, 0, 0, 1));

  const rowGroups: RowGroupMeta[] = (list(fmd, 4) as TStruct[]).map((rg, g) => {
    const columns = (list(rg, 1) as TStruct[]).map((cc, c) => {
      const md = optStruct(cc, 3);
      if (!md) throw new FooterError(`row group ${g} column ${c} has no metadata`);
      const data = num(md, 9);
      const dict = optNum(md, 11);
      const start = dict !== undefined && dict > 0 && dict < data ? dict : data;
      const length = num(md, 7);
      if (start < 4 || length < 0 || start + length > footerStart)
        throw new FooterError(
          `row group ${g} column ${c} lies at bytes ${start}–${start + length}, outside the data (bytes 4–${footerStart})`,
        );
      return { codec: num(md, 4), numValues: num(md, 5), start, length };
    });
    if (columns.length !== leaves.length)
      throw new FooterError(
        `row group ${g} has ${columns.length} columns, the schema ${leaves.length}`,
      );
    const rows = num(rg, 3);
    if (rows < 0) throw new FooterError(`row group ${g} has ${rows} rows`);
    return { rows, columns };
  });
  const rows = num(fmd, 3);
  const counted = rowGroups.reduce((n, g) => n + g.rows, 0);
  if (rows !== counted)
    throw new FooterError(`the file has ${rows} rows, its row groups ${counted}`);

  const written = writtenArrowSchema(fmd);
  const fields = top.map((node) =>
    refine(
      new arrow.Field(node.name, arrowTypeOf(node), true),
      written?.fields.find((w) => w.name === node.name),
    ),
  );
  return { rows, schema: new arrow.Schema(fields), nodes: top, rowGroups };
}

/**
 * The element node of a list column: `group (LIST) { repeated group list { element } }`,
 * the two-level `group (LIST) { repeated element }`, or a bare repeated field (itself).
 */
export function listChild(node: SchemaNode): SchemaNode | undefined {
  if (node.physical !== undefined) return node.repetition === 2 ? node : undefined;
  const annotated = node.convertedType === 3 || optStruct(node.logical ?? {}, 3) !== undefined;
  if (!annotated || node.children.length !== 1) return undefined;
  const repeated = node.children[0]!;
  if (repeated.repetition !== 2) return undefined;
  if (repeated.physical !== undefined) return repeated; // two-level: a repeated leaf
  return repeated.children.length === 1 ? repeated.children[0]! : undefined;
}

/** The leaf of a list of numbers (one level of list), or undefined. */
export function listElement(node: SchemaNode): SchemaNode | undefined {
  const child = listChild(node);
  return child?.physical !== undefined ? child : undefined;
}

/** The Arrow type of a column: leaves, and lists of lists of leaves; Null for other groups. */
export function arrowTypeOf(node: SchemaNode, top = true): arrow.DataType {
  if (node.physical !== undefined) {
    const leaf = leafType(node);
    return top && node.repetition === 2
      ? new arrow.List(new arrow.Field('item', leaf, true))
      : leaf;
  }
  const child = listChild(node);
  if (!child) return new arrow.Null();
  const element = child === node ? leafType(node) : arrowTypeOf(child, false);
  return new arrow.List(new arrow.Field('item', element, true));
}

function leafType(node: SchemaNode): arrow.DataType {
  const logical = node.logical ?? {};
  const ct = node.convertedType;
  switch (node.physical) {
    case Physical.BOOLEAN:
      return new arrow.Bool();
    case Physical.INT32: {
      const int = optStruct(logical, 10);
      const bits = int ? optNum(int, 1) : undefined;
      const signed = int ? int[2] !== false : true;
      if (bits === 8 || ct === 15 || ct === 11)
        return signed && ct !== 11 ? new arrow.Int8() : new arrow.Uint8();
      if (bits === 16 || ct === 16 || ct === 12)
        return signed && ct !== 12 ? new arrow.Int16() : new arrow.Uint16();
      if ((int && !signed) || ct === 13) return new arrow.Uint32();
      return new arrow.Int32();
    }
    case Physical.INT64: {
      const int = optStruct(logical, 10);
      return (int && int[2] === false) || ct === 14 ? new arrow.Uint64() : new arrow.Int64();
    }
    case Physical.FLOAT:
      return new arrow.Float32();
    case Physical.DOUBLE:
      return new arrow.Float64();
    case Physical.BYTE_ARRAY:
      return ct === 0 || optStruct(logical, 1) || optStruct(logical, 4) || optStruct(logical, 12)
        ? new arrow.Utf8()
        : new arrow.Binary();
    case Physical.FIXED_LEN_BYTE_ARRAY:
      return optStruct(logical, 15) && node.typeLength === 2
        ? new arrow.Float16()
        : new arrow.FixedSizeBinary(node.typeLength ?? 0);
    default:
      return new arrow.Null();
  }
}

/** The Arrow schema pyarrow and arrow-rs store under `ARROW:schema`, if any and if readable. */
function writtenArrowSchema(fmd: TStruct): arrow.Schema | undefined {
  for (const kv of list(fmd, 5) as TStruct[]) {
    if (text(kv, 1) !== 'ARROW:schema') continue;
    const encoded = text(kv, 2);
    if (encoded === undefined) return undefined;
    try {
      const reader = arrow.RecordBatchReader.from(new Uint8Array(Buffer.from(encoded, 'base64')));
      reader.open();
      return reader.schema;
    } catch {
      return undefined; // a schema we cannot parse only costs the FixedSizeList refinement
    }
  }
  return undefined;
}

/**
 * Parquet has no fixed-size list: the file's own Arrow schema, when the writer stored one,
 * restores FixedSizeList(n) (and float16 for writers that predate Parquet's FLOAT16 type).
 */
function refine(field: arrow.Field, written: arrow.Field | undefined): arrow.Field {
  const type = field.type as arrow.DataType;
  if (!written || !arrow.DataType.isList(type)) return field;
  const wtype = written.type as arrow.DataType;
  if (!arrow.DataType.isFixedSizeList(wtype)) return field;
  const child = type.children[0]!;
  const wchild = (wtype.children[0] as arrow.Field).type as arrow.DataType;
  if (wchild.typeId !== (child.type as arrow.DataType).typeId) return field;
  return new arrow.Field(field.name, new arrow.FixedSizeList(wtype.listSize, child), true);
}
