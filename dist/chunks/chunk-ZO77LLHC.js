#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
import { basename as __egBasename, dirname as __egDirname } from 'node:path';
import { fileURLToPath as __egFileURLToPath } from 'node:url';
const require = __egCreateRequire(import.meta.url);
const __egHere = __egDirname(__egFileURLToPath(import.meta.url));
const __embeddingGateDir = __egBasename(__egHere) === 'chunks' ? __egDirname(__egHere) : __egHere;
import {
  localFileOf
} from "./chunk-5S46RYYR.js";
import {
  SourceError
} from "./chunk-T4TVEEN4.js";

// src/vectors/parquet/duckdb.ts
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var PLAIN_PATH = /^\/[A-Za-z0-9._/-]*$/;
var DuckFile = class _DuckFile {
  constructor(path, display, dir) {
    this.path = path;
    this.display = display;
    this.dir = dir;
  }
  path;
  display;
  dir;
  closing;
  /**
   * Links a private, plainly named path to `source`'s file. Throws a SourceError when the
   * source is not a local file (DuckDB reads only those here) or no plain path can be made.
   */
  static async of(source) {
    const local = localFileOf(source);
    if (!local) {
      throw new SourceError(
        source.display,
        `Parquet is read by DuckDB, which needs a local file; this source (${source.id}) is not one`
      );
    }
    const dir = await mkdtemp(join(tmpdir(), "embedding-gate-duckdb-"));
    const path = join(dir, "source.parquet");
    try {
      if (!PLAIN_PATH.test(path)) {
        throw new SourceError(
          source.display,
          `cannot give DuckDB a plain path in the temporary directory ${JSON.stringify(tmpdir())}; set TMPDIR to an absolute path of letters, digits and . _ - /`
        );
      }
      await symlink(local.openedPath, path);
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    return new _DuckFile(path, source.display, dir);
  }
  /** DuckDB's error text (see {@link duckMessage}), naming the file as messages do. */
  message(error) {
    return duckMessage(error).replaceAll(this.path, this.display);
  }
  /** Removes the link. Safe to call more than once. */
  close() {
    this.closing ??= rm(this.dir, { recursive: true, force: true }).catch(() => void 0);
    return this.closing;
  }
};
var DUCKDB_SETTINGS = {
  threads: "1",
  memory_limit: "128MB",
  allocator_flush_threshold: "4MB",
  autoinstall_known_extensions: "false",
  autoload_known_extensions: "false",
  preserve_insertion_order: "true"
};
var CONNECTION_SETTINGS = {
  streaming_buffer_size: "24MB"
};
var shared;
function duckdbDatabase() {
  if (shared) return shared;
  const opening = (async () => {
    const duck = (await import("./duckdb-WYANH7J7.js")).default;
    const config = duck.create_config();
    for (const [name, value] of Object.entries(DUCKDB_SETTINGS))
      duck.set_config(config, name, value);
    return { duck, database: await duck.open(":memory:", config) };
  })();
  opening.catch(() => {
    if (shared === opening) shared = void 0;
  });
  shared = opening;
  return opening;
}
var DuckConnection = class _DuckConnection {
  constructor(duck, connection) {
    this.duck = duck;
    this.connection = connection;
  }
  duck;
  connection;
  closed = false;
  static async open() {
    const { duck, database } = await duckdbDatabase();
    const connection = await duck.connect(database);
    for (const [name, value] of Object.entries(CONNECTION_SETTINGS))
      await duck.query(connection, `SET ${name} = '${value}'`);
    return new _DuckConnection(duck, connection);
  }
  /** Runs `sql` with `$1` bound to `file`, streaming: chunks are produced as they are fetched. */
  async stream(sql, file) {
    const statement = await this.duck.prepare(this.connection, sql);
    try {
      this.duck.bind_varchar(statement, 1, file.path);
      return await this.duck.execute_prepared_streaming(statement);
    } finally {
      this.duck.destroy_prepare_sync(statement);
    }
  }
  /** Runs a small query with `$1` bound to `file` and returns its first chunk (null when empty). */
  async first(sql, file) {
    const result = await this.stream(sql, file);
    const chunk = await this.duck.fetch_chunk(result);
    return { result, chunk: chunk && this.duck.data_chunk_get_size(chunk) > 0 ? chunk : null };
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    this.duck.disconnect_sync(this.connection);
  }
};
function stringBytes(duck, data, row, view) {
  const at = row * 16;
  const length = view.getUint32(at, true);
  if (length <= 12) return data.subarray(at + 4, at + 4 + length);
  return duck.get_data_from_pointer(data.buffer, data.byteOffset + at + 8, length);
}
function chunkStrings(duck, chunk, column) {
  const rows = duck.data_chunk_get_size(chunk);
  const vector = duck.data_chunk_get_vector(chunk, column);
  const data = duck.vector_get_data(vector, rows * 16);
  const view = new DataView(data.buffer, data.byteOffset, rows * 16);
  return Array.from({ length: rows }, (_, r) => stringBytes(duck, data, r, view));
}
function duckMessage(error) {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n")[0] ?? text).trim();
}
function quoteIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

export {
  DuckFile,
  DuckConnection,
  stringBytes,
  chunkStrings,
  quoteIdentifier
};
