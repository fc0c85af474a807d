/**
 * Reads a pgvector table as a {@link VectorSource}, so every gate step reads it as it reads
 * a file: the catalog is checked first (table, columns, type), then rows stream in batches
 * through a server-side cursor, ordered by the id column, inside a read-only repeatable-read
 * transaction (one consistent snapshot per pass). Memory is bounded by the batch size.
 *
 * Errors: what stops the gate from judging (no server, bad credentials, no such table or
 * column, a type it cannot read, a dropped connection) is a {@link PgSourceError} (exit 2);
 * what is wrong with the rows (a null id or vector, a vector of the wrong size, no rows) is
 * a {@link VectorFileError} naming the row, as for a damaged file.
 */
import { Socket } from 'node:net';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { batchRowsFor } from '../buffers.js';
import type { VectorBatch, VectorFormat, VectorSource } from '../types.js';
import { MAX_DIMS, VectorFileError } from '../types.js';
import {
  describeFilter,
  type PgTable,
  qualified,
  quoteIdent,
  resolveTable,
  whereClause,
} from './catalog.js';
import { clientConfig, describePgError, type PgEnv } from './connect.js';
import { allocate, countValues, decodeInto, DTYPE_OF, widthOf } from './decode.js';
import { parsePgRef, type PgRef, PgSourceError } from './ref.js';

/** Options of {@link openPgVectors}. */
export interface PgOpenOptions {
  /** Where PGHOST, PGUSER, PGPASSWORD… come from; the edges pass `process.env`. */
  readonly env?: PgEnv;
  /** Rows per batch, i.e. per cursor fetch (default: about 8 MiB of decoded values). */
  readonly batchRows?: number;
  /**
   * Longest wait for one answer of the server (a catalog query, a batch), in ms; default
   * 60 s. A server that goes silent mid-read then ends the read with a message, not a hang.
   */
  readonly readTimeoutMs?: number;
}

/** See {@link PgOpenOptions.readTimeoutMs}. */
const DEFAULT_READ_TIMEOUT_MS = 60_000;
/** How long closing waits for the server to close its side before cutting the connection. */
const END_TIMEOUT_MS = 5_000;

/** A connection and its socket, which a timeout destroys (pg's end() would wait for the server). */
interface Connection {
  readonly client: pg.Client;
  readonly socket: Socket;
}

/**
 * The format name a pgvector source reports. Not (yet) one of the vocabulary's file formats:
 * nothing chooses a file reader by it, it only names the source in reports.
 */
export const PG_FORMAT = 'pgvector' as VectorFormat;

/** The text of a row holds about this many bytes per value; sizes the default batch. */
const TEXT_BYTES_PER_VALUE = 12;

/**
 * Opens the table `ref` names (a {@link PgRef} or its URL text). Connects once to check the
 * catalog and the first row (which gives dims when the column does not declare them), then
 * connects again for each pass of `batches()`. Throws {@link PgSourceError} or
 * {@link VectorFileError}; never shows the password.
 */
export async function openPgVectors(
  ref: PgRef | string,
  opts: PgOpenOptions = {},
): Promise<VectorSource> {
  const parsed = typeof ref === 'string' ? parsePgRef(ref) : ref;
  const config = clientConfig(parsed, opts.env ?? process.env);
  const readTimeoutMs = opts.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  const open = new Set<Connection>();
  const connect = async (): Promise<Connection> => {
    const socket = new Socket();
    const client = new pg.Client({ ...config, stream: () => socket });
    // A dropped connection also surfaces as the pending query's rejection; this listener only
    // keeps the idle client's 'error' event from crashing the process.
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (e) {
      socket.destroy();
      throw new PgSourceError(parsed.display, describePgError(e, config));
    }
    const conn = { client, socket };
    open.add(conn);
    return conn;
  };
  const release = async (conn: Connection): Promise<void> => {
    if (!open.delete(conn)) return;
    // end() says goodbye and waits for the server to close; a server that does not is cut off.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        conn.socket.destroy();
        resolve();
      }, END_TIMEOUT_MS);
      void conn.client
        .end()
        .catch(() => {})
        .finally(() => {
          clearTimeout(timer);
          resolve();
        });
    });
  };
  const fail = (e: unknown): never => {
    if (e instanceof PgSourceError || e instanceof VectorFileError) throw e;
    throw new PgSourceError(parsed.display, describePgError(e, config));
  };
  /** `work` on `conn`, or a PgSourceError (and the socket destroyed) when the server is silent. */
  const timed = <T>(conn: Connection, work: Promise<T>, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        open.delete(conn);
        conn.socket.destroy();
        reject(
          new PgSourceError(
            parsed.display,
            `no answer from ${String(config.host)}:${String(config.port)} within ${readTimeoutMs / 1000} s ${what}`,
          ),
        );
      }, readTimeoutMs);
      work.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (e: unknown) => {
          clearTimeout(timer);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });

  const first = await connect();
  let table: PgTable;
  let dims: number;
  try {
    [table, dims] = await timed(
      first,
      (async (): Promise<[PgTable, number]> => {
        const resolved = await resolveTable(first.client, parsed);
        // Always asked, even when the type declares dims: a filter that matches nothing is
        // almost always a typo in its value, and is better named here than as "0 rows" later.
        const probed = await firstDims(first.client, parsed, resolved);
        return [resolved, resolved.dims ?? probed];
      })(),
      'to the catalog queries',
    );
  } catch (e) {
    await release(first);
    return fail(e);
  }
  await release(first);
  if (dims < 1 || dims > MAX_DIMS)
    throw new VectorFileError(
      parsed.display,
      `column "${table.vectorColumn}" holds ${dims} values per vector; expected 1 to ${MAX_DIMS}`,
    );

  const type = table.vectorType;
  const width = widthOf(type, dims);
  const elementBytes = type === 'bit' ? 1 : TEXT_BYTES_PER_VALUE;
  const batchRows = batchRowsFor(width * elementBytes, opts.batchRows);
  const sql =
    `select ${quoteIdent(parsed.idColumn)}::text as id, ${quoteIdent(table.vectorColumn)}::text as v` +
    // Ordered by the table's column, qualified: a bare name would sort by the text alias.
    ` from ${table.sql}${whereClause(parsed)} order by ${qualified(table.sql, quoteIdent(parsed.idColumn))}`;
  const params = parsed.where.map((w) => w.value);
  const display = parsed.display;
  let closed = false;

  async function* stream(): AsyncGenerator<VectorBatch> {
    if (closed) throw new PgSourceError(display, 'read after close');
    const conn = await connect();
    try {
      await timed(
        conn,
        conn.client.query('begin transaction isolation level repeatable read read only'),
        'to BEGIN',
      ).catch(fail);
      // Servers before Postgres 12 print real[] with 6 digits unless asked for more (3: all
      // 9, exact); from 12 any value above 0 prints the shortest exact digits. pgvector's
      // own types always print exactly.
      await timed(conn, conn.client.query('set local extra_float_digits = 3'), 'to SET').catch(
        fail,
      );
      const cursor = conn.client.query(
        new Cursor<{ id: string | null; v: string | null }>(sql, params),
      );
      const values = allocate(type, dims, batchRows);
      let rowOffset = 0;
      for (;;) {
        const rows = await timed(
          conn,
          cursor.read(batchRows),
          `reading the rows from row ${rowOffset}`,
        ).catch(fail);
        if (rows.length === 0) break;
        const ids: string[] = new Array<string>(rows.length);
        for (let r = 0; r < rows.length; r++) {
          const { id, v } = rows[r]!;
          const row = rowOffset + r;
          if (id === null)
            throw new VectorFileError(display, `null id in column "${parsed.idColumn}"`, { row });
          if (v === null)
            throw new VectorFileError(
              display,
              `null vector in column "${table.vectorColumn}" (id ${JSON.stringify(id)})`,
              { row },
            );
          const problem = decodeInto(type, v, dims, values, r);
          if (problem)
            throw new VectorFileError(
              display,
              `column "${table.vectorColumn}" (id ${JSON.stringify(id)}): ${problem}`,
              { row },
            );
          ids[r] = id;
        }
        yield {
          rowOffset,
          rows: rows.length,
          dims,
          dtype: DTYPE_OF[type],
          values: rows.length === batchRows ? values : values.subarray(0, rows.length * width),
          ids,
        };
        rowOffset += rows.length;
      }
      await timed(conn, cursor.close(), 'closing the cursor').catch(fail);
      await timed(conn, conn.client.query('commit'), 'to COMMIT').catch(fail);
    } finally {
      // Ending the connection ends the transaction and the cursor with it.
      await release(conn);
    }
  }

  return {
    info: {
      path: display,
      format: PG_FORMAT,
      dtype: DTYPE_OF[type],
      dims,
      vectorColumn: table.vectorColumn,
      idColumn: parsed.idColumn,
      hasIds: true,
    },
    batches: stream,
    async close() {
      closed = true;
      await Promise.all([...open].map(release));
    },
  };
}

/**
 * The number of values in the first row's vector (in id order), for a column that does not
 * declare it. Also where an empty selection is found, before any pass starts (a
 * {@link VectorFileError}: the gate reports it as unreadable vectors).
 */
async function firstDims(client: pg.Client, ref: PgRef, table: PgTable): Promise<number> {
  const column = quoteIdent(table.vectorColumn);
  const first = await client.query<{ v: string }>(
    `select ${column}::text as v from ${table.sql}${whereClause(ref, `${column} is not null`)}` +
      ` order by ${qualified(table.sql, quoteIdent(ref.idColumn))} limit 1`,
    ref.where.map((w) => w.value),
  );
  const text = first.rows[0]?.v;
  if (text === undefined)
    throw new VectorFileError(
      ref.display,
      `no rows with a non-null "${table.vectorColumn}" in "${table.shown}"${describeFilter(ref)}`,
    );
  return countValues(table.vectorType, text);
}
