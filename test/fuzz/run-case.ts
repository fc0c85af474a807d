/**
 * Runs one fuzz case (a mutated file through one reader, or through the CLI's `validate`)
 * and classifies how it ended: read to the end, refused with a typed error, or anything
 * else (an untyped throw, a hang, an internal error), which is a bug.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryOpener, memorySource } from '../../src/sources/memory.js';
import { openArrow } from '../../src/vectors/arrow/ipc.js';
import { openVectors } from '../../src/vectors/open.js';
import { readEnvelope } from '../../src/vectors/parquet/meta.js';
import { type VectorSource, VectorFileError } from '../../src/vectors/types.js';
import { runCli } from '../helpers/cli.js';
import type { FuzzTarget } from './targets.js';

/** A case slower than this is a failure (the brief: never over 5 s). */
export const SLOW_MS = 5000;

export type Outcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'typed'; readonly message: string }
  | { readonly kind: 'untyped'; readonly message: string }
  | { readonly kind: 'slow'; readonly ms: number };

/** Where every case's files live: a file name as the fixture's, so messages name it. */
const DIR = '/fuzz';

/** Reads `bytes` as `target` says, to the last batch, touching every id. */
export async function runReaderCase(target: FuzzTarget, bytes: Uint8Array): Promise<Outcome> {
  return timed(async () => {
    try {
      await readAll(target, bytes);
      return { kind: 'ok' };
    } catch (e) {
      return classify(e, target.file);
    }
  });
}

async function readAll(target: FuzzTarget, bytes: Uint8Array): Promise<void> {
  const path = `${DIR}/${target.file}`;
  if (target.path === 'parquet-framing') {
    await readEnvelope(memorySource(bytes, path));
    return;
  }
  if (target.path === 'parquet') {
    await readParquetFile(target, bytes);
    return;
  }
  let source: VectorSource;
  if (target.path === 'arrow-generic') {
    const format = target.file.endsWith('.arrows') ? 'arrow-stream' : 'arrow';
    source = await openArrow(memorySource(bytes, path), format, target.options, 'generic');
  } else {
    const files: Record<string, Uint8Array> = { [path]: bytes };
    const options = { ...target.options };
    if (target.ids && options.idsPath) {
      files[`${DIR}/${options.idsPath}`] = target.ids;
      options.idsPath = `${DIR}/${options.idsPath}`;
    }
    source = await openVectors(path, options, memoryOpener(files));
  }
  await drain(source);
}

async function drain(source: VectorSource): Promise<void> {
  try {
    for await (const batch of source.batches()) {
      if (batch.values.length < 0) throw new Error('unreachable');
      void batch.ids?.length;
    }
  } finally {
    await source.close();
  }
}

let scratchDir: string | undefined;

/** The whole Parquet reader, footer to last batch, on the bytes served from memory. */
async function readParquetFile(target: FuzzTarget, bytes: Uint8Array): Promise<void> {
  const path = `${DIR}/${target.file}`;
  await drain(await openVectors(path, target.options, memoryOpener({ [path]: bytes })));
}

/**
 * Runs `validate` on `bytes` written under `target.file` in a scratch directory (with its
 * sidecar): exit 0 or 1 is a judgement, exit 2 a refusal; an internal error is a bug.
 */
export async function runCliCase(target: FuzzTarget, bytes: Uint8Array): Promise<Outcome> {
  scratchDir ??= mkdtempSync(join(tmpdir(), 'eg-fuzz-'));
  const dir = join(scratchDir, 'cli');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, target.file), bytes);
  if (target.ids && target.options.idsPath)
    writeFileSync(join(dir, target.options.idsPath), target.ids);
  return timed(async () => {
    try {
      const r = await runCli(['validate', target.file, ...target.cliArgs], dir);
      const text = r.stdout + r.stderr;
      if (/internal error/.test(text) || ![0, 1, 2].includes(r.code))
        return { kind: 'untyped', message: `exit ${r.code}: ${text.slice(0, 500)}` };
      if (r.code === 1 && text.includes('vectors.readable'))
        return { kind: 'typed', message: text.slice(0, 200) };
      if (r.code === 2) return { kind: 'typed', message: text.slice(0, 200) };
      return { kind: 'ok' };
    } catch (e) {
      return { kind: 'untyped', message: `runCli threw: ${String((e as Error).stack ?? e)}` };
    }
  });
}

/** Removes the scratch directory (call once, at the end of a run). */
export function cleanUp(): void {
  if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
  scratchDir = undefined;
}

function classify(e: unknown, file: string): Outcome {
  if (e instanceof VectorFileError) {
    // The one promise a typed error makes: it names the file.
    if (!e.message.includes(file))
      return { kind: 'untyped', message: `VectorFileError without the file name: ${e.message}` };
    return { kind: 'typed', message: e.message };
  }
  const err = e as Error;
  return { kind: 'untyped', message: `${err?.name}: ${err?.message}\n${err?.stack ?? ''}` };
}

/** Runs `f`, giving up after {@link SLOW_MS} (an asynchronous hang) and timing it. */
async function timed(f: () => Promise<Outcome>): Promise<Outcome> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome>((done) => {
    timer = setTimeout(() => done({ kind: 'slow', ms: SLOW_MS }), SLOW_MS);
  });
  try {
    const outcome = await Promise.race([f(), timeout]);
    const ms = performance.now() - start;
    return ms > SLOW_MS && outcome.kind !== 'slow' ? { kind: 'slow', ms } : outcome;
  } finally {
    clearTimeout(timer);
  }
}
