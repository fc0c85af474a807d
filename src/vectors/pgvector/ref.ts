/**
 * The reference to a pgvector table: `postgres://[user@][host][:port]/[database]?table=…`.
 *
 * The URL carries only what names the rows (server, database, table, columns, filter); the
 * password comes from PGPASSWORD and never from the URL, so no reference a pull request can
 * write, and no message that echoes one, can hold a credential. The filter is structured
 * (`where.<column>=<value>`, ANDed, each value sent as a bound parameter), never SQL text.
 */
import { ConfigError } from '../../config/errors.js';

/** One equality condition of the filter: `column = value`, the value bound as a parameter. */
export interface PgCondition {
  readonly column: string;
  readonly value: string;
}

/** A parsed pgvector table reference. Absent connection fields come from the PG* variables. */
export interface PgRef {
  /** The reference as messages show it: the URL rebuilt from its parts (never a password). */
  readonly display: string;
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly database?: string;
  /** `sslmode` as libpq spells it; PGSSLMODE when absent. */
  readonly sslmode?: string;
  /** Schema of the table; absent: the server's search_path decides. */
  readonly schema?: string;
  readonly table: string;
  /** Default `id`. */
  readonly idColumn: string;
  /** Absent: the table's only column of a vector type. */
  readonly vectorColumn?: string;
  readonly where: readonly PgCondition[];
}

/** A reference (or a connection to what it names) the gate cannot use: exit 2. */
export class PgSourceError extends ConfigError {
  // Keeps ConfigError's name: the edges treat it as one (exit 2); `instanceof` tells them apart.

  constructor(
    readonly ref: string,
    readonly detail: string,
  ) {
    super(`${ref}: ${detail}`);
  }
}

const SCHEMES = ['postgres:', 'postgresql:'];
/** The prefix of a filter parameter (`where.model_version=2.0.0`). */
export const WHERE = 'where.';
const PARAMS = ['table', 'schema', 'id', 'vector', 'sslmode'] as const;
export const SSL_MODES = [
  'disable',
  'allow',
  'prefer',
  'require',
  'verify-ca',
  'verify-full',
  'no-verify',
] as const;

/** True when `text` is written as a Postgres URL (and so is for {@link parsePgRef}). */
export function isPgRef(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text);
}

/**
 * Parses `postgres://[user@][host][:port]/[database]?table=T[&schema=S][&id=C][&vector=C]
 * [&where.<column>=<value>]…[&sslmode=M]`. Throws {@link PgSourceError} naming the
 * offending part: a password (use PGPASSWORD), an unknown parameter, a missing table,
 * a parameter given twice. Messages show the URL with any password replaced by `***`.
 */
export function parsePgRef(text: string): PgRef {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PgSourceError(
      redact(text),
      'not a valid URL; expected postgres://[user@][host][:port]/[database]?table=…',
    );
  }
  const shown = redact(text);
  if (!SCHEMES.includes(url.protocol.toLowerCase()))
    throw new PgSourceError(shown, `expected a postgres:// or postgresql:// URL`);
  if (url.password)
    throw new PgSourceError(
      shown,
      'the URL holds a password; remove it and set PGPASSWORD (or a ~/.pgpass file) instead, so it never appears in a manifest, a command line or a log',
    );
  if (url.hash) throw new PgSourceError(shown, `unexpected fragment "${url.hash}"`);
  const one = new Map<string, string>();
  const where: PgCondition[] = [];
  for (const [key, value] of url.searchParams) {
    if (key.startsWith(WHERE)) {
      const column = key.slice(WHERE.length);
      if (!column)
        throw new PgSourceError(shown, '"where." needs a column name: where.<column>=<value>');
      if (where.some((w) => w.column === column))
        throw new PgSourceError(shown, `${WHERE}${column} is given twice; one value per column`);
      where.push({ column, value });
    } else if ((PARAMS as readonly string[]).includes(key)) {
      if (one.has(key)) throw new PgSourceError(shown, `"${key}" is given twice`);
      if (!value) throw new PgSourceError(shown, `"${key}" is empty`);
      one.set(key, value);
    } else {
      throw new PgSourceError(
        shown,
        `unknown parameter "${key}"; expected ${PARAMS.join(', ')} or where.<column>`,
      );
    }
  }
  const table = one.get('table');
  if (!table) throw new PgSourceError(shown, 'missing table=<name>');
  const sslmode = one.get('sslmode');
  if (sslmode !== undefined && !(SSL_MODES as readonly string[]).includes(sslmode))
    throw new PgSourceError(shown, `sslmode "${sslmode}" is not one of ${SSL_MODES.join(', ')}`);
  const path = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (path.includes('/'))
    throw new PgSourceError(shown, `"${path}" is not a database name (a name has no "/")`);
  const port = url.port ? Number(url.port) : undefined;
  const ref: Omit<PgRef, 'display'> = {
    // An IPv6 address keeps its brackets in `hostname`; the client wants it bare.
    ...(url.hostname ? { host: decodeURIComponent(url.hostname.replace(/^\[(.*)\]$/, '$1')) } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
    ...(path ? { database: path } : {}),
    ...(sslmode ? { sslmode } : {}),
    ...(one.has('schema') ? { schema: one.get('schema')! } : {}),
    table,
    idColumn: one.get('id') ?? 'id',
    ...(one.has('vector') ? { vectorColumn: one.get('vector')! } : {}),
    where,
  };
  return { ...ref, display: displayPgRef(ref) };
}

/** What a manifest's `vectors` says beside a postgres:// `path`. */
export interface PgManifestFields {
  readonly id_column?: string;
  readonly vector_column?: string;
  readonly where?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * The reference a manifest's `vectors` names: its `path` URL, with `id_column`,
 * `vector_column` and `where` (a map of column to value) from the manifest's fields.
 * A column named both in the URL and in a field must agree.
 */
export function pgRefFromManifest(path: string, fields: PgManifestFields = {}): PgRef {
  const ref = parsePgRef(path);
  const conflict = (what: string, a: string, b: string): never => {
    throw new PgSourceError(ref.display, `${what} is "${a}" in the URL but "${b}" in the manifest`);
  };
  const url = new URL(path);
  const id = fields.id_column;
  if (id !== undefined && url.searchParams.has('id') && id !== ref.idColumn)
    conflict('the id column', ref.idColumn, id);
  const vector = fields.vector_column;
  if (vector !== undefined && ref.vectorColumn !== undefined && vector !== ref.vectorColumn)
    conflict('the vector column', ref.vectorColumn, vector);
  const where = [...ref.where];
  for (const [column, raw] of Object.entries(fields.where ?? {})) {
    const value = String(raw);
    const known = where.find((w) => w.column === column);
    if (known && known.value !== value) conflict(WHERE + column, known.value, value);
    if (!known) where.push({ column, value });
  }
  const merged: Omit<PgRef, 'display'> = {
    ...ref,
    idColumn: id ?? ref.idColumn,
    ...(vector !== undefined ? { vectorColumn: vector } : {}),
    where,
  };
  return { ...merged, display: displayPgRef(merged) };
}

/** The canonical URL of a reference, as messages and reports show it. */
export function displayPgRef(ref: Omit<PgRef, 'display'>): string {
  const host = ref.host === undefined ? '' : ref.host.includes(':') ? `[${ref.host}]` : ref.host;
  const authority = `${ref.user !== undefined ? `${encodeURIComponent(ref.user)}@` : ''}${host}${ref.port !== undefined ? `:${ref.port}` : ''}`;
  const query = new URLSearchParams();
  if (ref.schema !== undefined) query.append('schema', ref.schema);
  query.append('table', ref.table);
  query.append('id', ref.idColumn);
  if (ref.vectorColumn !== undefined) query.append('vector', ref.vectorColumn);
  for (const w of ref.where) query.append(WHERE + w.column, w.value);
  if (ref.sslmode !== undefined) query.append('sslmode', ref.sslmode);
  return `postgres://${authority}/${encodeURIComponent(ref.database ?? '')}?${query.toString()}`;
}

/**
 * `text` with anything between the user name and the last `@` of the authority replaced by
 * `***`, so a password (even one holding `@` or `:`) is never shown back.
 */
export function redact(text: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(text);
  if (!m) return text;
  const authority = m[2]!;
  const at = authority.lastIndexOf('@');
  const colon = authority.indexOf(':');
  if (at < 0 || colon < 0 || colon > at) return text;
  return `${m[1]}${authority.slice(0, colon)}:***${authority.slice(at)}${m[3]}`;
}
