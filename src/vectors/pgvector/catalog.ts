/**
 * What the catalog says about a referenced table, checked before any row is read: the table
 * exists, the id, vector and filter columns exist, and the vector column has a type the gate
 * reads. Every identifier in the SQL the reader later composes has been found here first,
 * and is quoted; the catalog lookups themselves take names only as bound parameters.
 */
import type pg from 'pg';
import type { PgVectorType } from './decode.js';
import { PgSourceError, type PgRef, WHERE } from './ref.js';

/** One column as the catalog describes it. */
interface Column {
  readonly name: string;
  /** As Postgres spells it (`vector(768)`, `real[]`, `text`). */
  readonly type: string;
  readonly typname: string;
  readonly typmod: number;
}

/** The resolved table: its qualified name, the vector column's type and declared size. */
export interface PgTable {
  /** `"schema"."table"`, quoted for SQL. */
  readonly sql: string;
  /** `schema.table`, for messages. */
  readonly shown: string;
  readonly vectorColumn: string;
  readonly vectorType: PgVectorType;
  /** Declared by the column type (`vector(768)`, `bit(1024)`); absent when unconstrained. */
  readonly dims?: number;
}

const READABLE = 'vector, halfvec, bit, real[] or double precision[]';

/** The reader's type for a column, or undefined when the gate cannot read it as vectors. */
function vectorTypeOf(c: Column): PgVectorType | undefined {
  switch (c.typname) {
    case 'vector':
    case 'halfvec':
      return c.typname;
    case 'bit':
    case 'varbit':
      return 'bit';
    case '_float4':
      return 'real[]';
    case '_float8':
      return 'double precision[]';
    default:
      return undefined;
  }
}

/** `schema.name` (or `name`), for messages and, with quoted parts, SQL. */
export function qualified(schema: string | undefined, name: string): string {
  return schema === undefined ? name : [schema, name].join('.');
}

/** Quotes an identifier for SQL (doubling embedded quotes), as quote_ident does. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Looks `ref`'s table and columns up through `client`. Throws {@link PgSourceError} naming
 * the table or column and what was expected.
 */
export async function resolveTable(client: pg.Client, ref: PgRef): Promise<PgTable> {
  const wanted = qualified(ref.schema, ref.table);
  const found = await client.query<{ oid: number; nspname: string; relname: string }>(
    `select c.oid, n.nspname, c.relname
       from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where c.relname = $1 and c.relkind in ('r', 'v', 'm', 'p', 'f')
        and case when $2::text is null then pg_catalog.pg_table_is_visible(c.oid)
                 else n.nspname = $2 end`,
    [ref.table, ref.schema ?? null],
  );
  const table = found.rows[0];
  if (!table) {
    const database = (await client.query<{ db: string }>('select current_database() as db')).rows[0]
      ?.db;
    throw new PgSourceError(
      ref.display,
      `no table or view "${wanted}" in database "${database}"${ref.schema === undefined ? ' on the search_path (name its schema with schema=<name>)' : ''}`,
    );
  }
  const shown = qualified(table.nspname, table.relname);
  const columns = (
    await client.query<Column>(
      `select a.attname as name, pg_catalog.format_type(a.atttypid, a.atttypmod) as type,
              t.typname, a.atttypmod as typmod
         from pg_catalog.pg_attribute a join pg_catalog.pg_type t on t.oid = a.atttypid
        where a.attrelid = $1 and a.attnum > 0 and not a.attisdropped
        order by a.attnum`,
      [table.oid],
    )
  ).rows;
  const listed = columns.map((c) => `${c.name} (${c.type})`).join(', ');
  const column = (name: string, role: string, hint: string): Column => {
    const c = columns.find((x) => x.name === name);
    if (!c)
      throw new PgSourceError(
        ref.display,
        `table "${shown}" has no ${role} column "${name}"${hint}; its columns: ${listed}`,
      );
    return c;
  };
  column(ref.idColumn, 'id', ref.idColumn === 'id' ? ' (name it with id=<column>)' : '');
  for (const w of ref.where) column(w.column, 'filter', ` (${WHERE}${w.column})`);
  let vector: Column;
  if (ref.vectorColumn !== undefined) {
    vector = column(ref.vectorColumn, 'vector', '');
  } else {
    const candidates = columns.filter((c) => vectorTypeOf(c) !== undefined);
    if (candidates.length !== 1)
      throw new PgSourceError(
        ref.display,
        candidates.length === 0
          ? `table "${shown}" has no column of type ${READABLE}; its columns: ${listed}`
          : `table "${shown}" has several vector columns (${candidates.map((c) => c.name).join(', ')}); name one with vector=<column>`,
      );
    vector = candidates[0]!;
  }
  const vectorType = vectorTypeOf(vector);
  if (!vectorType)
    throw new PgSourceError(
      ref.display,
      `column "${vector.name}" of "${shown}" is ${vector.type}; expected ${READABLE}`,
    );
  // vector(n), halfvec(n) and bit(n) keep n as the type modifier; varbit(n) is only a bound.
  const declared = vector.typname !== 'varbit' && vector.typmod > 0 ? vector.typmod : undefined;
  return {
    sql: qualified(quoteIdent(table.nspname), quoteIdent(table.relname)),
    shown,
    vectorColumn: vector.name,
    vectorType,
    ...(declared !== undefined ? { dims: declared } : {}),
  };
}

/** The WHERE clause for `ref`'s filter (`$1`, `$2`… for the values), or an empty string. */
export function whereClause(ref: PgRef, extra?: string): string {
  const terms = ref.where.map((w, i) => `${quoteIdent(w.column)} = $${i + 1}`);
  if (extra) terms.push(extra);
  return terms.length ? ` where ${terms.join(' and ')}` : '';
}

/** The filter as messages show it: ` where model_version = '2.0.0'`, or an empty string. */
export function describeFilter(ref: PgRef): string {
  return ref.where.length
    ? ` where ${ref.where.map((w) => `${w.column} = '${w.value.replace(/'/g, "''")}'`).join(' and ')}`
    : '';
}
