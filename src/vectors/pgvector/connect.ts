/**
 * Connection settings for a pgvector reference, and pg's errors in words.
 *
 * Settings follow libpq: what the URL names wins, then PGHOST, PGPORT, PGUSER, PGDATABASE,
 * PGPASSWORD, PGSSLMODE, PGCONNECT_TIMEOUT and PGAPPNAME from the environment passed in
 * (never read from `process.env` here, so a test pins it). The password enters the client
 * config and nothing else: every message built here is scrubbed of it as well.
 */
import type { ClientConfig } from 'pg';
import { PgSourceError, type PgRef, SSL_MODES } from './ref.js';

/** The environment the settings come from (the edges pass `process.env`). */
export type PgEnv = Readonly<Record<string, string | undefined>>;

/** Seconds to wait for a connection when PGCONNECT_TIMEOUT is unset: never a hang. */
const DEFAULT_CONNECT_TIMEOUT_S = 10;

/** The pg client configuration for `ref`; throws {@link PgSourceError} on a bad PG* value. */
export function clientConfig(ref: PgRef, env: PgEnv): ClientConfig {
  const portText = ref.port !== undefined ? String(ref.port) : env.PGPORT;
  const port = portText === undefined || portText === '' ? 5432 : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new PgSourceError(ref.display, `PGPORT "${portText}" is not a port number (1 to 65535)`);
  const user = ref.user ?? (env.PGUSER || env.USER || env.USERNAME || 'postgres');
  const timeoutText = env.PGCONNECT_TIMEOUT;
  const timeout =
    timeoutText === undefined || timeoutText === ''
      ? DEFAULT_CONNECT_TIMEOUT_S
      : Number(timeoutText);
  if (!Number.isFinite(timeout) || timeout < 0)
    throw new PgSourceError(
      ref.display,
      `PGCONNECT_TIMEOUT "${timeoutText}" is not a number of seconds`,
    );
  const password = env.PGPASSWORD;
  return {
    host: ref.host ?? (env.PGHOST || 'localhost'),
    port,
    user,
    database: ref.database ?? (env.PGDATABASE || user),
    ...(password !== undefined ? { password } : {}),
    ssl: sslFor(ref, env),
    // libpq's 0 means "wait for ever"; the gate never waits for ever.
    connectionTimeoutMillis: (timeout || DEFAULT_CONNECT_TIMEOUT_S) * 1000,
    application_name: env.PGAPPNAME || 'embedding-gate',
    keepAlive: true,
  };
}

/**
 * pg's TLS setting for the libpq mode. As in pg itself, `require` and `prefer` verify the
 * server's certificate (pg cannot encrypt without verifying except through `no-verify`),
 * and `allow` and `prefer` do not fall back to plain text: pick `disable` or `no-verify`
 * to say so explicitly.
 */
function sslFor(ref: PgRef, env: PgEnv): ClientConfig['ssl'] {
  const mode = ref.sslmode ?? (env.PGSSLMODE || 'disable');
  if (!(SSL_MODES as readonly string[]).includes(mode))
    throw new PgSourceError(
      ref.display,
      `PGSSLMODE "${mode}" is not one of ${SSL_MODES.join(', ')}`,
    );
  if (mode === 'disable' || mode === 'allow') return false;
  if (mode === 'no-verify') return { rejectUnauthorized: false };
  return true;
}

/** The SQLSTATE codes worth a sentence of advice, beyond the server's own message. */
const ADVICE: Readonly<Record<string, string>> = {
  '28P01': 'check PGUSER and PGPASSWORD',
  '28000': 'the server refused this user or host (pg_hba.conf)',
  '3D000': 'check the database in the URL or PGDATABASE',
  '42501': 'grant SELECT on the table to this user',
  '57014': 'the query was cancelled (statement_timeout?)',
};

/**
 * One line for an error pg raised (a server error with its SQLSTATE, or a socket error),
 * with `password` scrubbed from it should a server or driver ever echo it.
 */
export function describePgError(err: unknown, config: ClientConfig): string {
  const e = err as { message?: unknown; code?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const code = typeof e?.code === 'string' ? e.code : undefined;
  let text: string;
  if (code === 'ECONNREFUSED') text = `cannot connect to ${where(config)}: connection refused`;
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    text = `cannot connect to ${where(config)}: host not found`;
  else if (code === 'ECONNRESET' || code === 'EPIPE')
    text = `the connection to ${where(config)} was dropped (${code})`;
  else if (/^Connection terminated/.test(message) && !code)
    text = `the connection to ${where(config)} was closed (${message})`;
  else if (/timeout/i.test(message) && !code)
    text = `cannot connect to ${where(config)}: ${message}`;
  else if (code && ADVICE[code]) text = `${message} (SQLSTATE ${code}: ${ADVICE[code]})`;
  else if (code && /^[0-9A-Z]{5}$/.test(code)) text = `${message} (SQLSTATE ${code})`;
  else text = message;
  return scrub(text, config.password);
}

function where(config: ClientConfig): string {
  return `${String(config.host)}:${String(config.port)} as user "${String(config.user)}"`;
}

/** `text` without any occurrence of the password (defence in depth: no driver should echo it). */
export function scrub(text: string, password: ClientConfig['password']): string {
  return typeof password === 'string' && password.length > 0
    ? text.split(password).join('***')
    : text;
}
