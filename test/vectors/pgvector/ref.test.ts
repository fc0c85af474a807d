import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../../src/config/manifest.js';
import { clientConfig, describePgError } from '../../../src/vectors/pgvector/connect.js';
import {
  isPgRef,
  parsePgRef,
  pgRefFromManifest,
  PgSourceError,
  redact,
} from '../../../src/vectors/pgvector/ref.js';
import { ConfigError } from '../../../src/config/errors.js';

function refusal(text: string): string {
  try {
    parsePgRef(text);
  } catch (e) {
    expect(e).toBeInstanceOf(PgSourceError);
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error(`accepted ${text}`);
}

describe('parsePgRef', () => {
  it('reads the brief example, with defaults left to the environment', () => {
    const ref = parsePgRef(
      'postgres:///dbname?table=embeddings&id=id&vector=embedding&where.model_version=2.0.0',
    );
    expect(ref).toEqual({
      display:
        'postgres:///dbname?table=embeddings&id=id&vector=embedding&where.model_version=2.0.0',
      database: 'dbname',
      table: 'embeddings',
      idColumn: 'id',
      vectorColumn: 'embedding',
      where: [{ column: 'model_version', value: '2.0.0' }],
    });
  });

  it('reads user, host, port, schema, sslmode and several conditions', () => {
    const ref = parsePgRef(
      'postgresql://gate@db.internal:6543/emb?schema=ml&table=vecs&where.a=1&where.b=x%20y&sslmode=require',
    );
    expect(ref).toMatchObject({
      user: 'gate',
      host: 'db.internal',
      port: 6543,
      database: 'emb',
      schema: 'ml',
      table: 'vecs',
      idColumn: 'id',
      sslmode: 'require',
      where: [
        { column: 'a', value: '1' },
        { column: 'b', value: 'x y' },
      ],
    });
    expect(ref.vectorColumn).toBeUndefined();
    expect(ref.display).toBe(
      'postgres://gate@db.internal:6543/emb?schema=ml&table=vecs&id=id&where.a=1&where.b=x+y&sslmode=require',
    );
  });

  it('refuses a password, even one holding @ and :, without showing it', () => {
    const message = refusal('postgres://gate:p@ss:w0rd@host/db?table=t');
    expect(message).toMatch(
      /^postgres:\/\/gate:\*\*\*@host\/db\?table=t: the URL holds a password/,
    );
    expect(message).not.toContain('w0rd');
    expect(message).not.toContain('p@ss');
  });

  it('names what is wrong with the rest', () => {
    expect(refusal('postgres:///db')).toBe('postgres:///db: missing table=<name>');
    expect(refusal('postgres:///db?table=t&filter=x')).toContain(
      'unknown parameter "filter"; expected table, schema, id, vector, sslmode or where.<column>',
    );
    expect(refusal('postgres:///db?table=t&table=u')).toContain('"table" is given twice');
    expect(refusal('postgres:///db?table=t&where.a=1&where.a=2')).toContain(
      'where.a is given twice',
    );
    expect(refusal('postgres:///db?table=t&where.=1')).toContain('"where." needs a column name');
    expect(refusal('postgres:///db?table=t&sslmode=maybe')).toContain(
      'sslmode "maybe" is not one of',
    );
    expect(refusal('postgres:///a/b?table=t')).toContain('"a/b" is not a database name');
    expect(refusal('mysql:///db?table=t')).toContain('expected a postgres:// or postgresql:// URL');
  });

  it('recognises the scheme', () => {
    expect(isPgRef('postgres:///db?table=t')).toBe(true);
    expect(isPgRef('POSTGRESQL://h/db')).toBe(true);
    expect(isPgRef('vectors/postgres.parquet')).toBe(false);
  });

  it('redacts only a password', () => {
    expect(redact('postgres://u@h/db')).toBe('postgres://u@h/db');
    expect(redact('postgres://u:secret@h/db?x=a:b@c')).toBe('postgres://u:***@h/db?x=a:b@c');
  });
});

describe('display', () => {
  it('is a canonical URL that parses back to the same reference', () => {
    for (const text of [
      'postgres:///db?table=t',
      'postgresql://gate@[::1]:5433/shop?schema=ml&table=Weird%20%22Name%22&vector=My+Vec&id=a%26b',
      'postgres://us%40er@h/d%C3%A9j%C3%A0?table=t&where.model_version=2.0.0&where.note=a%3Db%26c%27d&sslmode=no-verify',
    ]) {
      const ref = parsePgRef(text);
      expect(parsePgRef(ref.display)).toEqual(ref);
    }
    const merged = pgRefFromManifest('postgres:///db?table=t', {
      id_column: 'sku',
      where: { model_version: "it's 2.0" },
    });
    expect(parsePgRef(merged.display)).toEqual(merged);
  });
});

describe('pgRefFromManifest', () => {
  it('takes the columns and a structured filter from the manifest', () => {
    const ref = pgRefFromManifest('postgres:///emb?table=vecs', {
      id_column: 'doc_id',
      vector_column: 'embedding',
      where: { model_version: '2.0.0', shard: 3 },
    });
    expect(ref).toMatchObject({
      idColumn: 'doc_id',
      vectorColumn: 'embedding',
      where: [
        { column: 'model_version', value: '2.0.0' },
        { column: 'shard', value: '3' },
      ],
    });
    expect(ref.display).toBe(
      'postgres:///emb?table=vecs&id=doc_id&vector=embedding&where.model_version=2.0.0&where.shard=3',
    );
  });

  it('refuses a column the URL and the manifest name differently', () => {
    expect(() =>
      pgRefFromManifest('postgres:///emb?table=t&vector=a', { vector_column: 'b' }),
    ).toThrow('the vector column is "a" in the URL but "b" in the manifest');
    expect(() =>
      pgRefFromManifest('postgres:///emb?table=t&where.v=1', { where: { v: '2' } }),
    ).toThrow('where.v is "1" in the URL but "2" in the manifest');
  });
});

describe('clientConfig', () => {
  const ref = parsePgRef('postgres:///?table=t');

  it('follows the PG* variables, and the URL wins over them', () => {
    const env = {
      PGHOST: 'pg.example',
      PGPORT: '5433',
      PGUSER: 'gate',
      PGPASSWORD: 'hunter2',
      PGDATABASE: 'emb',
      PGSSLMODE: 'verify-full',
    };
    expect(clientConfig(ref, env)).toMatchObject({
      host: 'pg.example',
      port: 5433,
      user: 'gate',
      password: 'hunter2',
      database: 'emb',
      ssl: true,
      connectionTimeoutMillis: 10_000,
    });
    const own = parsePgRef('postgres://other@h:1/db?table=t&sslmode=disable');
    expect(clientConfig(own, env)).toMatchObject({
      host: 'h',
      port: 1,
      user: 'other',
      database: 'db',
      ssl: false,
    });
  });

  it('defaults as libpq does, without TLS unless asked', () => {
    expect(clientConfig(ref, { USER: 'me' })).toMatchObject({
      host: 'localhost',
      port: 5432,
      user: 'me',
      database: 'me',
      ssl: false,
    });
    expect(clientConfig(ref, { PGSSLMODE: 'no-verify' }).ssl).toEqual({
      rejectUnauthorized: false,
    });
  });

  it('names a bad variable', () => {
    expect(() => clientConfig(ref, { PGPORT: 'x' })).toThrow('PGPORT "x" is not a port number');
    expect(() => clientConfig(ref, { PGSSLMODE: 'on' })).toThrow('PGSSLMODE "on" is not one of');
    expect(() => clientConfig(ref, { PGCONNECT_TIMEOUT: '-1' })).toThrow('PGCONNECT_TIMEOUT "-1"');
  });

  it('scrubs the password from any error text, should a driver echo it', () => {
    const config = clientConfig(ref, { PGPASSWORD: 'hunter2' });
    expect(describePgError(new Error('bad login hunter2'), config)).toBe('bad login ***');
  });
});

describe('the manifest schema', () => {
  const manifest = (vectors: string): string => `name: products-text
version: 2.0.0
tag: v2
model: { name: m, revision: r }
vectors:
${vectors}
dims: 3
dtype: float32
normalization: l2
metric: cosine
created: 2024-09-20T14:00:00Z
inputs: { dataset: d, sha256: ${'a'.repeat(64)} }
`;
  async function findings(vectors: string): Promise<string[]> {
    const dir = await mkdtemp(join(tmpdir(), 'pg-manifest-'));
    try {
      await writeFile(join(dir, 'manifest.yaml'), manifest(vectors));
      const loaded = await loadManifest(join(dir, 'manifest.yaml'));
      return loaded.findings.map((f) => `${f.id}: ${f.message}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('accepts a table reference with a structured filter', async () => {
    expect(
      await findings(`  path: postgres:///shop?table=emb
  id_column: sku
  vector_column: embedding
  where: { model_version: "2.0.0", shard: 3, live: true }`),
    ).toEqual([]);
  });

  it('refuses a filter value that is not a string, integer or boolean', async () => {
    const found = await findings(`  path: postgres:///shop?table=emb
  where: { model_version: { op: like } }`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain('where');
  });
});
