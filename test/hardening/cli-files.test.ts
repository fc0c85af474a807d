/**
 * Files named on the command line: missing, a directory, a URL, a NUL byte, or an output
 * path that is a directory. Each case is one row: arguments → exit 2 and one line naming
 * the option and the file — never `internal error: ENOENT` or a stack trace.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExamples, runCli } from '../helpers/cli.js';

let ws: string;
beforeAll(() => {
  ws = copyExamples();
  mkdirSync(join(ws, 'adir'));
  writeFileSync(join(ws, 'run.txt'), 'q1 Q0 d1 1 1.0 t\n');
  writeFileSync(join(ws, 'plain.txt'), 'x\n');
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

const CHECK = ['check', '--candidate', 'releases/1.1.0/manifest.yaml', '--contracts', 'contracts'];
const QRELS = 'suites/qrels/product-search.tsv';
const VECTORS = 'releases/1.1.0/vectors.arrow';
const PROMOTE = ['promote', '--channel', 'production', '--version', '1.1.0'];

/** [what, args, the one line on stderr (after "embedding-gate: ")]. */
const CASES: readonly (readonly [string, readonly string[], RegExp])[] = [
  // eval
  [
    'eval --run missing',
    ['eval', '--qrels', QRELS, '--run', 'none.txt'],
    /^--run none\.txt: no such file; expected a TREC run file/,
  ],
  [
    'eval --run a directory',
    ['eval', '--qrels', QRELS, '--run', 'adir'],
    /^--run adir: is a directory; expected a TREC run file/,
  ],
  [
    'eval --qrels a directory',
    ['eval', '--qrels', 'adir', '--run', 'run.txt'],
    /^--qrels adir: is a directory; expected a qrels file/,
  ],
  [
    'eval --qrels missing',
    ['eval', '--qrels', 'none.tsv', '--run', 'run.txt'],
    /^--qrels none\.tsv: no such file; expected a qrels file/,
  ],
  [
    'eval --qrels a URL',
    ['eval', '--qrels', 'https://example.com/q.tsv', '--run', 'run.txt'],
    /^--qrels "https:\/\/example\.com\/q\.tsv" is a URL; expected a file/,
  ],
  [
    'eval --run file://',
    ['eval', '--qrels', QRELS, '--run', 'file:///etc/passwd'],
    /^--run "file:\/\/\/etc\/passwd" is a URL/,
  ],
  // validate
  [
    'validate <vectors> missing',
    ['validate', 'none.arrow'],
    /^validate none\.arrow: no such file; expected a vectors file/,
  ],
  [
    'validate <vectors> a directory',
    ['validate', 'adir'],
    /^validate "adir": names no parts; expected a vectors file, or a directory or glob of vectors files$/,
  ],
  [
    'validate <vectors> a URL',
    ['validate', 's3://bucket/v.arrow'],
    /^validate "s3:\/\/bucket\/v\.arrow" is remote; remote reads are off by default .* pass --allow-remote to read it$/,
  ],
  [
    'validate <vectors> with a NUL byte',
    ['validate', 'v\u0000.arrow'],
    /^validate "v\\u0000\.arrow" contains a NUL byte/,
  ],
  [
    'validate --ids a directory',
    ['validate', VECTORS, '--ids', 'adir'],
    /^--ids adir: is a directory; expected a text file of ids/,
  ],
  [
    'validate --format json=<a directory>',
    ['validate', VECTORS, '--format', 'json=adir'],
    /^--format json=adir: adir is a directory; expected a file to write/,
  ],
  // knn
  [
    'knn --queries missing',
    ['knn', '--queries', 'none.arrow', '--corpus', VECTORS, '--output', 'run.out'],
    /^--queries none\.arrow: no such file; expected a vectors file/,
  ],
  [
    'knn --corpus a URL',
    ['knn', '--queries', VECTORS, '--corpus', 'http://example.com/c.arrow', '--output', 'r.out'],
    /^--corpus "http:\/\/example\.com\/c\.arrow" is remote; remote reads are off by default .* pass --allow-remote to read it$/,
  ],
  [
    'knn --corpus-ids a directory',
    ['knn', '--queries', VECTORS, '--corpus', VECTORS, '--corpus-ids', 'adir', '--output', 'r.out'],
    /^--corpus-ids adir: is a directory; expected a text file of ids/,
  ],
  [
    'knn --output a directory',
    ['knn', '--queries', VECTORS, '--corpus', VECTORS, '--output', 'adir'],
    /^--output: adir is a directory; expected a file to write/,
  ],
  [
    'knn --output below a file',
    ['knn', '--queries', VECTORS, '--corpus', VECTORS, '--output', 'plain.txt/run.out'],
    /^--output: \S*plain\.txt is not a directory; cannot write plain\.txt\/run\.out below it/,
  ],
  // check
  [
    'check --format json=<a directory>',
    [...CHECK, '--format', 'json=adir'],
    /^--format json=adir: adir is a directory; expected a file to write/,
  ],
  [
    'check --output a directory',
    [...CHECK, '--format', 'json', '--output', 'adir'],
    /^--format json=adir: adir is a directory; expected a file to write/,
  ],
  [
    'check --write-run a file',
    [...CHECK, '--write-run', 'plain.txt'],
    /^--write-run \S*plain\.txt: is not a directory; expected a directory for the run files/,
  ],
  [
    'check --candidate a URL',
    ['check', '--candidate', 'https://example.com/m.yaml'],
    /^--candidate "https:\/\/example\.com\/m\.yaml" is a URL/,
  ],
  [
    'check --candidate a directory',
    ['check', '--candidate', 'adir'],
    /^adir: cannot read: is a directory, expected a YAML or JSON file/,
  ],
  [
    'check --waivers a URL',
    [...CHECK, '--waivers', 'file:///etc/passwd'],
    /^--waivers "file:\/\/\/etc\/passwd" is a URL/,
  ],
  [
    'check --waivers a directory',
    [...CHECK, '--waivers', 'adir'],
    /^adir: cannot read: is a directory/,
  ],
  [
    'check --registry a directory',
    [...CHECK, '--registry', 'adir'],
    /^adir: cannot read the registry: is a directory/,
  ],
  [
    'check --registry a URL',
    [...CHECK, '--registry', 's3://bucket/registry.yaml'],
    /^--registry "s3:\/\/bucket\/registry\.yaml" is a URL/,
  ],
  [
    'check --contracts a URL',
    ['check', '--candidate', 'releases/1.1.0/manifest.yaml', '--contracts', 'https://x/c.yaml'],
    /^--contracts "https:\/\/x\/c\.yaml" is a URL/,
  ],
  [
    'check --suites a URL',
    [...CHECK, '--suites', 'https://x/s.yaml'],
    /^--suites "https:\/\/x\/s\.yaml" is a URL/,
  ],
  [
    'check --workspace missing',
    [...CHECK, '--workspace', 'nowhere'],
    /^--workspace nowhere: no such directory; expected the directory every file of the run lies in/,
  ],
  [
    'check --workspace a file',
    [...CHECK, '--workspace', 'plain.txt'],
    /^--workspace plain\.txt: is not a directory/,
  ],
  // promote, rollback, deprecate
  [
    'promote --report missing',
    [...PROMOTE, '--registry', 'registry.yaml', '--init', '--report', 'none.json'],
    /^--report none\.json: no such file; expected a JSON report/,
  ],
  [
    'promote --report a directory',
    [...PROMOTE, '--registry', 'registry.yaml', '--init', '--report', 'adir'],
    /^--report adir: is a directory; expected a JSON report/,
  ],
  [
    'promote --registry a directory',
    [...PROMOTE, '--registry', 'adir', '--report', 'none.json'],
    /^--registry adir: is a directory; expected a registry/,
  ],
  [
    'promote --registry a URL',
    [...PROMOTE, '--registry', 'https://x/registry.yaml', '--report', 'none.json'],
    /^--registry "https:\/\/x\/registry\.yaml" is a URL/,
  ],
  [
    'promote --candidate a URL',
    [...PROMOTE, '--registry', 'registry.yaml', '--init', '--candidate', 'https://x/m.yaml'],
    /^--candidate "https:\/\/x\/m\.yaml" is a URL/,
  ],
  [
    'rollback --registry a directory',
    ['rollback', '--registry', 'adir', '--channel', 'production'],
    /^--registry adir: is a directory; expected a registry/,
  ],
  [
    'rollback --registry missing',
    ['rollback', '--registry', 'none.yaml', '--channel', 'production'],
    /none\.yaml: no such registry; pass --init to create it/,
  ],
  [
    'deprecate --registry a URL',
    ['deprecate', '--registry', 'file:///r.yaml', '--version', '1.0.0', '--sunset', '2026-06-30'],
    /^--registry "file:\/\/\/r\.yaml" is a URL/,
  ],
  // card
  [
    'card --report a directory',
    ['card', '--report', 'adir'],
    /^--report adir: is a directory; expected a JSON report/,
  ],
  [
    'card --output a directory',
    ['card', '--report', 'plain.txt', '--output', 'adir'],
    /^--output: adir is a directory; expected a file to write/,
  ],
  [
    'card --changelog a directory',
    ['card', '--report', 'plain.txt', '--changelog', 'adir'],
    /^--changelog: adir is a directory; expected a file to write/,
  ],
];

describe('files named on the command line: exit 2 and one line naming the file', () => {
  for (const [what, args, line] of CASES) {
    it(what, async () => {
      const r = await runCli(args, ws);
      expect(r.code, r.stderr).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]!.replace(/^embedding-gate: /, '')).toMatch(line);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    });
  }
});
