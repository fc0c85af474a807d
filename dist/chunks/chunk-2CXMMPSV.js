#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  ConfigError
} from "./chunk-O57DMMLW.js";

// src/vectors/pgvector/ref.ts
var PgSourceError = class extends ConfigError {
  // Keeps ConfigError's name: the edges treat it as one (exit 2); `instanceof` tells them apart.
  constructor(ref, detail) {
    super(`${ref}: ${detail}`);
    this.ref = ref;
    this.detail = detail;
  }
  ref;
  detail;
};
var SCHEMES = ["postgres:", "postgresql:"];
var WHERE = "where.";
var PARAMS = ["table", "schema", "id", "vector", "sslmode"];
var SSL_MODES = [
  "disable",
  "allow",
  "prefer",
  "require",
  "verify-ca",
  "verify-full",
  "no-verify"
];
function isPgRef(text) {
  return /^postgres(ql)?:\/\//i.test(text);
}
function parsePgRef(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new PgSourceError(
      redact(text),
      "not a valid URL; expected postgres://[user@][host][:port]/[database]?table=\u2026"
    );
  }
  const shown = redact(text);
  if (!SCHEMES.includes(url.protocol.toLowerCase()))
    throw new PgSourceError(shown, `expected a postgres:// or postgresql:// URL`);
  if (url.password)
    throw new PgSourceError(
      shown,
      "the URL holds a password; remove it and set PGPASSWORD (or a ~/.pgpass file) instead, so it never appears in a manifest, a command line or a log"
    );
  if (url.hash) throw new PgSourceError(shown, `unexpected fragment "${url.hash}"`);
  const one = /* @__PURE__ */ new Map();
  const where = [];
  for (const [key, value] of url.searchParams) {
    if (key.startsWith(WHERE)) {
      const column = key.slice(WHERE.length);
      if (!column)
        throw new PgSourceError(shown, '"where." needs a column name: where.<column>=<value>');
      if (where.some((w) => w.column === column))
        throw new PgSourceError(shown, `${WHERE}${column} is given twice; one value per column`);
      where.push({ column, value });
    } else if (PARAMS.includes(key)) {
      if (one.has(key)) throw new PgSourceError(shown, `"${key}" is given twice`);
      if (!value) throw new PgSourceError(shown, `"${key}" is empty`);
      one.set(key, value);
    } else {
      throw new PgSourceError(
        shown,
        `unknown parameter "${key}"; expected ${PARAMS.join(", ")} or where.<column>`
      );
    }
  }
  const table = one.get("table");
  if (!table) throw new PgSourceError(shown, "missing table=<name>");
  const sslmode = one.get("sslmode");
  if (sslmode !== void 0 && !SSL_MODES.includes(sslmode))
    throw new PgSourceError(shown, `sslmode "${sslmode}" is not one of ${SSL_MODES.join(", ")}`);
  const path = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (path.includes("/"))
    throw new PgSourceError(shown, `"${path}" is not a database name (a name has no "/")`);
  const port = url.port ? Number(url.port) : void 0;
  const ref = {
    // An IPv6 address keeps its brackets in `hostname`; the client wants it bare.
    ...url.hostname ? { host: decodeURIComponent(url.hostname.replace(/^\[(.*)\]$/, "$1")) } : {},
    ...port !== void 0 ? { port } : {},
    ...url.username ? { user: decodeURIComponent(url.username) } : {},
    ...path ? { database: path } : {},
    ...sslmode ? { sslmode } : {},
    ...one.has("schema") ? { schema: one.get("schema") } : {},
    table,
    idColumn: one.get("id") ?? "id",
    ...one.has("vector") ? { vectorColumn: one.get("vector") } : {},
    where
  };
  return { ...ref, display: displayPgRef(ref) };
}
function pgRefFromManifest(path, fields = {}) {
  const ref = parsePgRef(path);
  const conflict = (what, a, b) => {
    throw new PgSourceError(ref.display, `${what} is "${a}" in the URL but "${b}" in the manifest`);
  };
  const url = new URL(path);
  const id = fields.id_column;
  if (id !== void 0 && url.searchParams.has("id") && id !== ref.idColumn)
    conflict("the id column", ref.idColumn, id);
  const vector = fields.vector_column;
  if (vector !== void 0 && ref.vectorColumn !== void 0 && vector !== ref.vectorColumn)
    conflict("the vector column", ref.vectorColumn, vector);
  const where = [...ref.where];
  for (const [column, raw] of Object.entries(fields.where ?? {})) {
    const value = String(raw);
    const known = where.find((w) => w.column === column);
    if (known && known.value !== value) conflict(WHERE + column, known.value, value);
    if (!known) where.push({ column, value });
  }
  const merged = {
    ...ref,
    idColumn: id ?? ref.idColumn,
    ...vector !== void 0 ? { vectorColumn: vector } : {},
    where
  };
  return { ...merged, display: displayPgRef(merged) };
}
function displayPgRef(ref) {
  const host = ref.host === void 0 ? "" : ref.host.includes(":") ? `[${ref.host}]` : ref.host;
  const authority = `${ref.user !== void 0 ? `${encodeURIComponent(ref.user)}@` : ""}${host}${ref.port !== void 0 ? `:${ref.port}` : ""}`;
  const query = new URLSearchParams();
  if (ref.schema !== void 0) query.append("schema", ref.schema);
  query.append("table", ref.table);
  query.append("id", ref.idColumn);
  if (ref.vectorColumn !== void 0) query.append("vector", ref.vectorColumn);
  for (const w of ref.where) query.append(WHERE + w.column, w.value);
  if (ref.sslmode !== void 0) query.append("sslmode", ref.sslmode);
  return `postgres://${authority}/${encodeURIComponent(ref.database ?? "")}?${query.toString()}`;
}
function redact(text) {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(text);
  if (!m) return text;
  const authority = m[2];
  const at = authority.lastIndexOf("@");
  const colon = authority.indexOf(":");
  if (at < 0 || colon < 0 || colon > at) return text;
  return `${m[1]}${authority.slice(0, colon)}:***${authority.slice(at)}${m[3]}`;
}

export {
  PgSourceError,
  WHERE,
  SSL_MODES,
  isPgRef,
  parsePgRef,
  pgRefFromManifest,
  redact
};
