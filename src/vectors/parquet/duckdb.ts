/**
 * The DuckDB engine behind the Parquet reader, through @duckdb/node-bindings (DuckDB's C API
 * as N-API functions): one in-process database shared by every Parquet file, a connection
 * per metadata read and per scan, parameterised queries, and raw access to result vectors.
 *
 * This is the one adapter between byte sources and DuckDB, and the only code that gives
 * DuckDB a path. DuckDB cannot read from a byte source: it opens files by name, and its
 * file functions (read_parquet, parquet_file_metadata, parquet_kv_metadata) glob-expand
 * `*`, `?`, `[...]` and `{...}` in that name, and treat `~` and URL schemes specially.
 * Handing it a manifest's path would let `[l]inkdir/x.parquet` read `linkdir/x.parquet`,
 * which may lie outside the workspace. So {@link DuckFile} hands it instead a symbolic
 * link with a fixed, plain name in a private temporary directory (mode 0700, one per
 * source), pointing at the file the byte source opened: on Linux at `/proc/self/fd/N`,
 * the open descriptor itself, so DuckDB reads exactly the bytes the source identifies
 * (and hashes) even if the path is swapped meanwhile. We found no DuckDB setting that
 * turns globbing off; and with external access disabled, allowed_paths and
 * allowed_directories refused every read_parquet in an experiment (DuckDB 1.5), even of
 * the listed paths, so they cannot confine it either.
 *
 * Why DuckDB: it was the only candidate measured to read a 3 GB float32 vector column with
 * bounded memory whatever the row-group size, with snappy and zstd, at a speed near
 * pyarrow's (see README, "Parquet reader"). The bindings are loaded on first use, so
 * commands that never read Parquet never map the 70 MB engine.
 */
import type * as Duck from '@duckdb/node-bindings';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localFileOf } from '../../sources/local.js';
import { type ByteSource, SourceError } from '../../sources/types.js';

export type DuckModule = typeof Duck;

/** A path DuckDB takes literally: absolute, no glob or brace characters, no `~`, no scheme. */
const PLAIN_PATH = /^\/[A-Za-z0-9._/-]*$/;

/**
 * A local byte source as DuckDB may open it: {@link path} names exactly the source's file,
 * and nothing DuckDB can expand or reinterpret (see the module comment). Close it before
 * closing the source; closing removes the link and its directory.
 */
export class DuckFile {
  private closing: Promise<void> | undefined;

  private constructor(
    /** What DuckDB is given. */
    readonly path: string,
    /** How messages name the file: the source's display. */
    readonly display: string,
    private readonly dir: string,
  ) {}

  /**
   * Links a private, plainly named path to `source`'s file. Throws a SourceError when the
   * source is not a local file (DuckDB reads only those here) or no plain path can be made.
   */
  static async of(source: ByteSource): Promise<DuckFile> {
    const local = localFileOf(source);
    if (!local) {
      throw new SourceError(
        source.display,
        `Parquet is read by DuckDB, which needs a local file; this source (${source.id}) is not one`,
      );
    }
    const dir = await mkdtemp(join(tmpdir(), 'embedding-gate-duckdb-'));
    const path = join(dir, 'source.parquet');
    try {
      if (!PLAIN_PATH.test(path)) {
        throw new SourceError(
          source.display,
          `cannot give DuckDB a plain path in the temporary directory ${JSON.stringify(tmpdir())}; ` +
            'set TMPDIR to an absolute path of letters, digits and . _ - /',
        );
      }
      await symlink(local.openedPath, path);
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    return new DuckFile(path, source.display, dir);
  }

  /** DuckDB's error text (see {@link duckMessage}), naming the file as messages do. */
  message(error: unknown): string {
    return duckMessage(error).replaceAll(this.path, this.display);
  }

  /** Removes the link. Safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= rm(this.dir, { recursive: true, force: true }).catch(() => undefined);
    return this.closing;
  }
}

/**
 * Settings for the shared database. One DuckDB thread: the reader keeps one fetch in flight,
 * so DuckDB decodes on a libuv thread while JavaScript converts the previous chunk, which
 * already uses two cores. A second DuckDB thread measured ~40% more CPU for the same work
 * and ~60 MB more peak RSS, for no gain on a 2-core machine. jemalloc (inside libduckdb)
 * gives memory back after each task above 4 MB instead of the default 128 MB.
 */
export const DUCKDB_SETTINGS: Readonly<Record<string, string>> = {
  threads: '1',
  memory_limit: '128MB',
  allocator_flush_threshold: '4MB',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  preserve_insertion_order: 'true',
};

/**
 * Per-connection settings. The 1 MB default streaming buffer holds less than one
 * 2,048 × 768 float32 chunk (6 MB), which stalled the scan between fetches.
 */
export const CONNECTION_SETTINGS: Readonly<Record<string, string>> = {
  streaming_buffer_size: '24MB',
};

let shared: Promise<{ duck: DuckModule; database: Duck.Database }> | undefined;

/** The bindings and the process-wide database, created on first call. */
export function duckdbDatabase(): Promise<{ duck: DuckModule; database: Duck.Database }> {
  if (shared) return shared;
  const opening = (async () => {
    // A CommonJS module: its exports object is the ESM default export.
    const duck = ((await import('@duckdb/node-bindings')) as unknown as { default: DuckModule })
      .default;
    const config = duck.create_config();
    for (const [name, value] of Object.entries(DUCKDB_SETTINGS))
      duck.set_config(config, name, value);
    return { duck, database: await duck.open(':memory:', config) };
  })();
  opening.catch(() => {
    if (shared === opening) shared = undefined;
  });
  shared = opening;
  return opening;
}

/** One connection: runs queries whose only parameter ($1) is a {@link DuckFile}'s path. */
export class DuckConnection {
  private closed = false;

  private constructor(
    readonly duck: DuckModule,
    private readonly connection: Duck.Connection,
  ) {}

  static async open(): Promise<DuckConnection> {
    const { duck, database } = await duckdbDatabase();
    const connection = await duck.connect(database);
    for (const [name, value] of Object.entries(CONNECTION_SETTINGS))
      await duck.query(connection, `SET ${name} = '${value}'`);
    return new DuckConnection(duck, connection);
  }

  /** Runs `sql` with `$1` bound to `file`, streaming: chunks are produced as they are fetched. */
  async stream(sql: string, file: DuckFile): Promise<Duck.Result> {
    const statement = await this.duck.prepare(this.connection, sql);
    try {
      this.duck.bind_varchar(statement, 1, file.path);
      return await this.duck.execute_prepared_streaming(statement);
    } finally {
      this.duck.destroy_prepare_sync(statement);
    }
  }

  /** Runs a small query with `$1` bound to `file` and returns its first chunk (null when empty). */
  async first(
    sql: string,
    file: DuckFile,
  ): Promise<{ result: Duck.Result; chunk: Duck.DataChunk | null }> {
    const result = await this.stream(sql, file);
    const chunk = await this.duck.fetch_chunk(result);
    return { result, chunk: chunk && this.duck.data_chunk_get_size(chunk) > 0 ? chunk : null };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.duck.disconnect_sync(this.connection);
  }
}

/** A string_t (VARCHAR or BLOB) element's bytes: inline up to 12 bytes, else behind a pointer. */
export function stringBytes(
  duck: DuckModule,
  data: Uint8Array,
  row: number,
  view: DataView,
): Uint8Array {
  const at = row * 16;
  const length = view.getUint32(at, true);
  if (length <= 12) return data.subarray(at + 4, at + 4 + length);
  return duck.get_data_from_pointer(data.buffer as ArrayBuffer, data.byteOffset + at + 8, length);
}

/** Reads column `column` of a VARCHAR/BLOB result chunk as byte strings. */
export function chunkStrings(
  duck: DuckModule,
  chunk: Duck.DataChunk,
  column: number,
): Uint8Array[] {
  const rows = duck.data_chunk_get_size(chunk);
  const vector = duck.data_chunk_get_vector(chunk, column);
  const data = duck.vector_get_data(vector, rows * 16);
  const view = new DataView(data.buffer, data.byteOffset, rows * 16);
  return Array.from({ length: rows }, (_, r) => stringBytes(duck, data, r, view));
}

/** DuckDB's error text, first line only, without its "Invalid Input Error:"-style prefix kept verbatim. */
export function duckMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? text).trim();
}

/** A SQL identifier, quoted. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
