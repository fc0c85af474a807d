/**
 * Postgres with pgvector for the tests, started by the tests: PGlite (Postgres compiled to
 * WASM) with its vector extension, behind @electric-sql/pglite-socket's wire-protocol server
 * on 127.0.0.1, so the real `pg` client connects over TCP as it would to a real server.
 * PGlite accepts any password (it has no pg_hba), so credentials are tested with
 * {@link startRefusingServer}.
 */
import { createServer, type Server } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface PgTestServer {
  readonly port: number;
  readonly db: PGlite;
  /** The PG* variables that reach this server. */
  env(extra?: Record<string, string>): Record<string, string>;
  stop(): Promise<void>;
}

/** Starts PGlite with pgvector on a free port and runs `setup` (SQL) in it. */
export async function startPgServer(setup: string): Promise<PgTestServer> {
  const db = await PGlite.create({ extensions: { vector } });
  await db.exec(`create extension if not exists vector;\n${setup}`);
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 4 });
  await server.start();
  const port = (server as unknown as { server: Server }).server.address() as { port: number };
  return {
    port: port.port,
    db,
    env: (extra = {}) => ({
      PGHOST: '127.0.0.1',
      PGPORT: String(port.port),
      PGUSER: 'postgres',
      PGDATABASE: 'postgres',
      PGCONNECT_TIMEOUT: '20',
      ...extra,
    }),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * A server that speaks just enough of the protocol to refuse a login as Postgres does: it asks
 * for a cleartext password, records what it was sent, and answers SQLSTATE 28P01. With
 * `silent`, it accepts the password instead, says it is ready, and then never answers; with
 * `drop`, it accepts it and closes the connection at the first query.
 */
export async function startRefusingServer(mode: 'refuse' | 'silent' | 'drop' = 'refuse'): Promise<{
  port: number;
  received: string[];
  stop(): Promise<void>;
}> {
  const received: string[] = [];
  const server = createServer((socket) => {
    let buffered = Buffer.alloc(0);
    let started = false;
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        if (!started) {
          if (buffered.length < 8) return;
          const length = buffered.readInt32BE(0);
          if (buffered.length < length) return;
          const code = buffered.readInt32BE(4);
          buffered = buffered.subarray(length);
          if (code === 80877103) {
            socket.write('N'); // SSLRequest: no TLS here
            continue;
          }
          started = true;
          socket.write(message('R', int32(3))); // AuthenticationCleartextPassword
          continue;
        }
        if (buffered.length < 5) return;
        const length = buffered.readInt32BE(1);
        if (buffered.length < 1 + length) return;
        const type = String.fromCharCode(buffered[0]!);
        const body = buffered.subarray(5, 1 + length);
        buffered = buffered.subarray(1 + length);
        if (mode === 'drop' && (type === 'Q' || type === 'P')) {
          socket.destroy();
          return;
        }
        if (type === 'p') {
          received.push(body.subarray(0, body.length - 1).toString('utf8'));
          if (mode !== 'refuse') {
            // AuthenticationOk, then ReadyForQuery (idle); every query after that goes unanswered.
            socket.write(Buffer.concat([message('R', int32(0)), message('Z', Buffer.from('I'))]));
            continue;
          }
          const fields = Buffer.concat([
            field('S', 'FATAL'),
            field('V', 'FATAL'),
            field('C', '28P01'),
            field('M', 'password authentication failed for user "gate"'),
            Buffer.from([0]),
          ]);
          socket.end(message('E', fields));
          return;
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}

function message(type: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(type), int32(body.length + 4), body]);
}

function field(code: string, text: string): Buffer {
  return Buffer.concat([Buffer.from(code), Buffer.from(text + '\0')]);
}
