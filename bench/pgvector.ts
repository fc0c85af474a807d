/**
 * pgvector bench: `npx tsx bench/pgvector.ts [--rows 100000 --dims 384]`, also run by
 * `npm run bench`.
 *
 * Fills a `vector(dims)` table in PGlite (Postgres compiled to WebAssembly, with pgvector)
 * served over TCP by @electric-sql/pglite-socket — the tests' server (test/vectors/pgvector/
 * server.ts) — and times the gate's pgvector reader (`openVectors` on a `postgres://` URL:
 * the real `pg` client, a server-side cursor, values as text) streaming every row, then the
 * built CLI's `validate` on the same table, process start included, with its peak RSS. PGlite
 * answers from this process, one query at a time, so the figures are a floor for a real
 * server, not its speed; the 1-minute load average is printed with them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { openVectors } from '../src/vectors/open.js';
import { startPgServer } from '../test/vectors/pgvector/server.js';
import { fmt, ROOT, runNodeMeasuredAsync } from './lib.js';

function parseArgs(argv: readonly string[]): { rows: number; dims: number } {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const rows = Number(get('rows') ?? 100_000);
  const dims = Number(get('dims') ?? 384);
  for (const [name, n] of Object.entries({ rows, dims }))
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: a positive integer, got ${n}`);
  return { rows, dims };
}

async function main(): Promise<void> {
  const { rows, dims } = parseArgs(process.argv.slice(2));
  let t = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - t) / 1e9;
  const server = await startPgServer(
    `create table emb (id bigint primary key, model_version text, embedding vector(${dims}));`,
  );
  try {
    // In chunks, so no single statement holds every row.
    for (let from = 1; from <= rows; from += 10_000) {
      const to = Math.min(rows, from + 9_999);
      await server.db.exec(
        `insert into emb select i, '2.0.0', (select array_agg(random())::real[] from generate_series(1, ${dims}) where i > 0)::vector ` +
          `from generate_series(${from}, ${to}) i;`,
      );
    }
    console.log(`filled ${rows} × ${dims} rows in PGlite in ${fmt(seconds(), 1)} s`);
    const env = server.env({ PGPASSWORD: 'bench' });
    for (const [name, value] of Object.entries(env)) process.env[name] = value;
    const url = `postgres:///postgres?table=emb&id=id&vector=embedding&where.model_version=2.0.0`;

    let load = loadavg()[0]!;
    t = process.hrtime.bigint();
    const source = await openVectors(url, {});
    let read = 0;
    try {
      for await (const batch of source.batches()) read += batch.rows;
    } finally {
      await source.close();
    }
    const readerSeconds = seconds();
    if (read !== rows) throw new Error(`the reader read ${read} rows, expected ${rows}`);
    console.log(
      `\npgvector reader (in-process, pg client over TCP to PGlite): ${rows} × ${dims} in ${fmt(readerSeconds)} s, ` +
        `${fmt(rows / readerSeconds, 0)} rows/s (${fmt((rows * dims * 4) / 1e6 / readerSeconds, 1)} MB/s of float32), load ${fmt(load, 1)}`,
    );

    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
      const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('npm run build failed');
    }
    load = loadavg()[0]!;
    const m = await runNodeMeasuredAsync(
      [join(ROOT, 'dist', 'cli.js'), 'validate', url, '--allow-remote', '--normalization', 'none'],
      env,
    );
    const counted = /([\d,]+) rows/.exec(m.stdout)?.[1]?.replaceAll(',', '');
    if ((m.status !== 0 && m.status !== 1) || Number(counted) !== rows)
      throw new Error(`validate exited with ${m.status}: ${m.stderr}${m.stdout}`);
    console.log(
      `validate ${url.replace(/\?.*/, '?table=emb…')} --allow-remote: ${fmt(m.seconds)} s, ` +
        `${fmt(rows / m.seconds, 0)} rows/s, peak RSS ${fmt(m.peakRssMB, 0)} MB, load ${fmt(load, 1)}`,
    );
  } finally {
    await server.stop();
  }
}

await main();
