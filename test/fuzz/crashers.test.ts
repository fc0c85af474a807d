/**
 * Every file the fuzz harness found crashing, hanging or exhausting memory, kept small under
 * test/fixtures/vectors/crashers/ (crashers.json says how each was made and what it did):
 * each now ends in one VectorFileError naming the file, quickly, through both Arrow paths.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReaderCase } from './run-case.js';
import type { FuzzTarget, ReadPath } from './targets.js';

const DIR = resolve(import.meta.dirname, '..', 'fixtures', 'vectors', 'crashers');
const MANIFEST = JSON.parse(readFileSync(join(DIR, 'crashers.json'), 'utf8')) as {
  files: Record<string, { from: string; path: ReadPath; was: string }>;
};

describe('fuzz crashers end in a typed error', () => {
  for (const [file, { was, path: found }] of Object.entries(MANIFEST.files)) {
    for (const path of ['open', 'arrow-generic'] as const) {
      it(`${file} (${path}), once ${was}`, async () => {
        const target: FuzzTarget = {
          file,
          bytes: new Uint8Array(readFileSync(join(DIR, file))),
          options: {},
          path,
          cliArgs: [],
        };
        const start = performance.now();
        const outcome = await runReaderCase(target, target.bytes);
        // The path that crashed now refuses the file; the other may read past the damage
        // (the generic path does not look at every buffer the direct one does).
        if (path === found || outcome.kind !== 'ok')
          expect(outcome).toMatchObject({ kind: 'typed', message: expect.stringContaining(file) });
        expect(performance.now() - start).toBeLessThan(2000);
      });
    }
  }
});
