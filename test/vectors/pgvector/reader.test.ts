/**
 * openPgVectors against a real Postgres wire-protocol server (PGlite + pgvector behind
 * pglite-socket, started here), with the real `pg` client over TCP.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { float32ToFloat16Bits } from '../../../src/vectors/float16.js';
import { openPgVectors } from '../../../src/vectors/pgvector/reader.js';
import { PgSourceError } from '../../../src/vectors/pgvector/ref.js';
import {
  VectorFileError,
  type VectorBatch,
  type VectorSource,
} from '../../../src/vectors/types.js';
import { gateCases } from './gate-cases.js';
import { startPgServer, startRefusingServer, type PgTestServer } from './server.js';

/** One server per file: PGlite takes ~20 s of CPU to start on a busy machine. */
const SECRET = 'pw-Zq9!never-shown';

const SETUP = `
create table emb (id text primary key, model_version text, embedding vector(3), half halfvec(3),
                  bits bit(10), arr real[], note text);
insert into emb values
  ('c', '2.0.0', '[7,8,9]', '[0.1,2,3]', '1010000001', '{1.5,-2,NaN}', 'x'),
  ('a', '2.0.0', '[1,2.5,3]', '[1,1,1]', '0000000000', '{1,2,3}', 'x'),
  ('b', '1.0.0', '[4,5,6]', '[2,2,2]', '1111111111', '{4,5,6}', 'x');
create table big (id int primary key, embedding vector(4));
insert into big select i, array[i, i + 1, i + 2, i + 3]::real[]::vector from generate_series(10000, 1, -1) i;
create table null_vector (id int, embedding vector(2));
insert into null_vector values (1, '[1,2]'), (2, null);
create table null_id (id int, embedding vector(2));
insert into null_id values (1, '[1,2]'), (null, '[3,4]');
create table ragged (id int, embedding real[]);
insert into ragged values (1, '{1,2,3}'), (2, '{1,2}');
create table loose (id int, embedding vector);
insert into loose values (1, '[1,2,3]'), (2, '[1,2]');
create table nested (id int, embedding real[]);
insert into nested values (1, '{{1,2},{3,4}}');
create table texty (id int, embedding text);
insert into texty values (1, '[1,2]');
create table "Weird ""Name""" ("My Id" int, "My Vec" vector(2));
insert into "Weird ""Name""" values (2, '[3,4]'), (1, '[1,2]');
create schema other;
create table other.emb (id int, embedding vector(2));
insert into other.emb values (1, '[9,9]');
`;

let server: PgTestServer;
beforeAll(async () => {
  server = await startPgServer(SETUP);
  // openVectors (the gate's path to a table) takes the PG* settings from the environment.
  for (const [name, value] of Object.entries(server.env({ PGPASSWORD: SECRET })))
    vi.stubEnv(name, value);
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const env = (): Record<string, string> => server.env({ PGPASSWORD: SECRET });

async function readAll(
  source: VectorSource,
): Promise<{ batches: VectorBatch[]; ids: string[]; values: number[] }> {
  const batches: VectorBatch[] = [];
  const ids: string[] = [];
  const values: number[] = [];
  for await (const b of source.batches()) {
    batches.push({ ...b, values: b.values.slice() });
    ids.push(...(b.ids ?? []));
    values.push(...b.values);
  }
  return { batches, ids, values };
}

async function read(url: string, batchRows?: number) {
  const source = await openPgVectors(url, { env: env(), ...(batchRows ? { batchRows } : {}) });
  try {
    return { info: source.info, ...(await readAll(source)) };
  } finally {
    await source.close();
  }
}

/** The error `promise` rejects with, checked never to hold the password. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(err, 'expected a rejection').toBeInstanceOf(Error);
  expect(err!.message).not.toContain(SECRET);
  expect(String(err!.stack)).not.toContain(SECRET);
  return err!;
}

async function readFailure(url: string): Promise<Error> {
  return failure(read(url));
}

describe('column types', () => {
  it('reads vector rows in id order with their ids', async () => {
    const r = await read('postgres:///postgres?table=emb&vector=embedding');
    expect(r.info).toMatchObject({ dims: 3, dtype: 'float32', hasIds: true, idColumn: 'id' });
    expect(r.info.path).toBe('postgres:///postgres?table=emb&id=id&vector=embedding');
    expect(r.ids).toEqual(['a', 'b', 'c']);
    expect(r.values).toEqual([1, 2.5, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.batches[0]!.values).toBeInstanceOf(Float32Array);
  });

  it('reads halfvec as float16 bits, exactly', async () => {
    const r = await read('postgres:///postgres?table=emb&vector=half');
    expect(r.info.dtype).toBe('float16');
    expect(r.batches[0]!.values).toBeInstanceOf(Uint16Array);
    const one = float32ToFloat16Bits(1);
    const two = float32ToFloat16Bits(2);
    expect(r.values).toEqual([
      one,
      one,
      one,
      two,
      two,
      two,
      float32ToFloat16Bits(0.1),
      two,
      float32ToFloat16Bits(3),
    ]);
  });

  it('reads bit(n) as packed binary, first bit most significant', async () => {
    const r = await read('postgres:///postgres?table=emb&vector=bits');
    expect(r.info).toMatchObject({ dtype: 'binary', dims: 10 });
    expect(r.values).toEqual([0, 0, 0xff, 0xc0, 0b10100000, 0b01000000]);
  });

  it('reads real[] as float32, NaN kept for the scan to find', async () => {
    const r = await read('postgres:///postgres?table=emb&vector=arr');
    expect(r.info).toMatchObject({ dtype: 'float32', dims: 3 });
    expect(r.values).toEqual([1, 2, 3, 4, 5, 6, 1.5, -2, NaN]);
  });

  it('finds the only vector column when none is named, and quotes odd identifiers', async () => {
    const r = await read(
      `postgres:///postgres?table=${encodeURIComponent('Weird "Name"')}&id=My+Id`,
    );
    expect(r.info.vectorColumn).toBe('My Vec');
    expect(r.ids).toEqual(['1', '2']);
    expect(r.values).toEqual([1, 2, 3, 4]);
  });

  it('reads a table in a named schema', async () => {
    const r = await read('postgres:///postgres?schema=other&table=emb');
    expect(r.values).toEqual([9, 9]);
  });
});

describe('filter', () => {
  it('keeps the rows whose column equals the value', async () => {
    const r = await read(
      'postgres:///postgres?table=emb&vector=embedding&where.model_version=2.0.0',
    );
    expect(r.ids).toEqual(['a', 'c']);
  });

  it('sends the value as a parameter, never as SQL', async () => {
    const err = await readFailure(
      `postgres:///postgres?table=emb&vector=embedding&where.model_version=${encodeURIComponent("x' or '1'='1")}`,
    );
    expect(err).toBeInstanceOf(VectorFileError);
    expect(err.message).toContain(
      `no rows with a non-null "embedding" in "public.emb" where model_version = 'x'' or ''1''=''1'`,
    );
  });

  it('names a value the column type refuses', async () => {
    const err = await readFailure('postgres:///postgres?table=big&where.id=abc');
    expect(err).toBeInstanceOf(PgSourceError);
    expect(err.message).toMatch(/invalid input syntax for type integer: "abc" \(SQLSTATE 22P02\)/);
  });
});

describe('batches', () => {
  it('streams 10,000 rows in bounded batches, ordered by the id column, the same on every pass', async () => {
    const source = await openPgVectors('postgres:///postgres?table=big', {
      env: env(),
      batchRows: 1000,
    });
    try {
      const first = await readAll(source);
      expect(first.batches.map((b) => b.rows)).toEqual(Array(10).fill(1000));
      expect(first.batches.map((b) => b.rowOffset)).toEqual(
        [...Array(10).keys()].map((i) => i * 1000),
      );
      expect(first.batches.every((b) => b.values.length === 4000)).toBe(true);
      // Numeric order of the int column, not text order.
      expect(first.ids.slice(0, 3)).toEqual(['1', '2', '3']);
      expect(first.ids.at(-1)).toBe('10000');
      expect(first.values.slice(-4)).toEqual([10000, 10001, 10002, 10003]);
      const second = await readAll(source);
      expect(second.ids).toEqual(first.ids);
    } finally {
      await source.close();
    }
  });
});

describe('bad rows are VectorFileErrors naming the row', () => {
  it('a null vector', async () => {
    const err = await readFailure('postgres:///postgres?table=null_vector');
    expect(err).toBeInstanceOf(VectorFileError);
    expect(err.message).toContain('(row 1): null vector in column "embedding" (id "2")');
  });

  it('a null id', async () => {
    const err = await readFailure('postgres:///postgres?table=null_id');
    expect(err.message).toContain('(row 1): null id in column "id"');
  });

  it('a real[] of the wrong length', async () => {
    const err = await readFailure('postgres:///postgres?table=ragged');
    expect(err.message).toContain('(row 1): column "embedding" (id "2"): 2 values; expected 3');
  });

  it('an unconstrained vector of the wrong length', async () => {
    const err = await readFailure('postgres:///postgres?table=loose');
    expect(err).toBeInstanceOf(VectorFileError);
    expect(err.message).toContain('(row 1): column "embedding" (id "2"): 2 values; expected 3');
  });

  it('a nested array', async () => {
    const err = await readFailure('postgres:///postgres?table=nested');
    expect(err.message).toContain('a nested (multi-dimensional) array');
  });
});

describe('wrong references are PgSourceErrors (exit 2) naming the table or column', () => {
  it('a missing table', async () => {
    const err = await readFailure('postgres:///postgres?table=nope');
    expect(err).toBeInstanceOf(PgSourceError);
    expect(err.message).toBe(
      'postgres:///postgres?table=nope&id=id: no table or view "nope" in database "postgres" on the search_path (name its schema with schema=<name>)',
    );
  });

  it('a missing vector column, listing the columns', async () => {
    const err = await readFailure('postgres:///postgres?table=null_id&vector=emb');
    expect(err.message).toContain(
      'table "public.null_id" has no vector column "emb"; its columns: id (integer), embedding (vector(2))',
    );
  });

  it('a missing id column', async () => {
    const err = await readFailure('postgres:///postgres?table=emb&id=key&vector=embedding');
    expect(err.message).toContain('table "public.emb" has no id column "key"');
  });

  it('a missing filter column', async () => {
    const err = await readFailure('postgres:///postgres?table=emb&vector=embedding&where.model=2');
    expect(err.message).toContain('has no filter column "model" (where.model)');
  });

  it('a column of the wrong type', async () => {
    const err = await readFailure('postgres:///postgres?table=emb&vector=note');
    expect(err).toBeInstanceOf(PgSourceError);
    expect(err.message).toContain(
      'column "note" of "public.emb" is text; expected vector, halfvec, bit, real[] or double precision[]',
    );
  });

  it('a table with no vector column, or several', async () => {
    expect((await readFailure('postgres:///postgres?table=texty')).message).toContain(
      'table "public.texty" has no column of type vector',
    );
    expect((await readFailure('postgres:///postgres?table=emb')).message).toContain(
      'has several vector columns (embedding, half, bits, arr); name one with vector=<column>',
    );
  });

  it('a password in the URL, refused before connecting', async () => {
    const err = await readFailure(`postgres://gate:${SECRET}@127.0.0.1/postgres?table=emb`);
    expect(err).toBeInstanceOf(PgSourceError);
    expect(err.message).toMatch(
      /^postgres:\/\/gate:\*\*\*@127\.0\.0\.1\/postgres\?table=emb: the URL holds a password; remove it and set PGPASSWORD/,
    );
  });
});

describe('connections', () => {
  it('a refused login names the user and the variables, never the password it sent', async () => {
    const refusing = await startRefusingServer();
    try {
      const err = await failure(
        openPgVectors('postgres://gate@127.0.0.1/db?table=emb', {
          env: { PGPORT: String(refusing.port), PGPASSWORD: SECRET },
        }),
      );
      expect(refusing.received).toEqual([SECRET]);
      expect(err).toBeInstanceOf(PgSourceError);
      expect(err.message).toBe(
        'postgres://gate@127.0.0.1/db?table=emb&id=id: password authentication failed for user "gate" (SQLSTATE 28P01: check PGUSER and PGPASSWORD)',
      );
    } finally {
      await refusing.stop();
    }
  });

  it('a server that stops answering: a message after the read timeout, not a hang', async () => {
    const silent = await startRefusingServer('silent');
    try {
      const started = Date.now();
      const err = await failure(
        openPgVectors('postgres://gate@127.0.0.1/db?table=emb', {
          env: { PGPORT: String(silent.port), PGPASSWORD: SECRET },
          readTimeoutMs: 300,
        }),
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect(err).toBeInstanceOf(PgSourceError);
      expect(err.message).toBe(
        `postgres://gate@127.0.0.1/db?table=emb&id=id: no answer from 127.0.0.1:${silent.port} within 0.3 s to the catalog queries`,
      );
    } finally {
      await silent.stop();
    }
  });

  it('a connection closed by the server: named, not a crash', async () => {
    const dropping = await startRefusingServer('drop');
    try {
      const err = await failure(
        openPgVectors('postgres://gate@127.0.0.1/db?table=emb', {
          env: { PGPORT: String(dropping.port), PGPASSWORD: SECRET },
        }),
      );
      expect(err).toBeInstanceOf(PgSourceError);
      expect(err.message).toBe(
        `postgres://gate@127.0.0.1/db?table=emb&id=id: the connection to 127.0.0.1:${dropping.port} as user "gate" was closed (Connection terminated unexpectedly)`,
      );
    } finally {
      await dropping.stop();
    }
  });

  it('nothing listening: connection refused, at once', async () => {
    const refusing = await startRefusingServer();
    const port = refusing.port;
    await refusing.stop();
    const started = Date.now();
    const err = await failure(
      openPgVectors('postgres:///db?table=emb', {
        env: { PGHOST: '127.0.0.1', PGPORT: String(port), PGUSER: 'u', PGPASSWORD: SECRET },
      }),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err.message).toBe(
      `postgres:///db?table=emb&id=id: cannot connect to 127.0.0.1:${port} as user "u": connection refused`,
    );
  });
});

gateCases(() => server, SECRET);
