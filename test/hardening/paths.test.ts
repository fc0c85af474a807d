/**
 * Every path a user file can name, tried with every way out of the workspace: each must end
 * in exit 2 with one line naming the file (file:line:col where a user file names it) and the
 * field, no stack trace, and no byte source opened outside the workspace. A pull request
 * controls every file the gate reads, so none of them may make it read anything else.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/config/document.js';
import { defaultDeps } from '../../src/gate/default-deps.js';
import { isInside } from '../../src/config/paths.js';
import { confinedOpener, OutsideWorkspaceError } from '../../src/sources/confined.js';
import { openLocalSource } from '../../src/sources/local.js';
import { recordingOpener, type RecordingOpener } from '../../src/sources/recording.js';
import { readQrelsFile } from '../../src/retrieval/qrels.js';
import { ConfigError } from '../../src/config/document.js';
import { EXAMPLE_CHECK, ROOT, runCli } from '../helpers/cli.js';

let root: string;
let ws: string;
let outside: string;
const originals = new Map<string, string>();

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'eg-paths-')));
  ws = join(root, 'ws');
  outside = join(root, 'outside');
  cpSync(join(ROOT, 'examples'), ws, { recursive: true });
  mkdirSync(outside);
  // Outside the workspace: real, readable files of every kind, so a read would succeed.
  cpSync(join(ws, 'releases/1.1.0/vectors.arrow'), join(outside, 'secret.arrow'));
  cpSync(join(ws, 'suites/qrels/product-search.tsv'), join(outside, 'secret.tsv'));
  cpSync(join(ws, 'suites/product-search.yaml'), join(outside, 'secret.yaml'));
  cpSync(join(ws, 'releases/1.0.0/manifest.yaml'), join(outside, 'manifest.yaml'));
  writeFileSync(join(outside, 'secret.txt'), 'SECRET-CONTENT\n');
  symlinkSync(outside, join(ws, 'linkdir'));
  // What the staging fields need besides the field under test.
  writeFileSync(join(ws, 'contracts/model.onnx'), 'not really onnx');
  writeFileSync(join(ws, 'contracts/labels.csv'), 'id,label\n');
  writeFileSync(join(ws, 'releases/1.1.0/probe.arrow'), 'not really arrow');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Replaces `from` by `to` in a workspace file, remembering the original for {@link restore}. */
function edit(file: string, from: string | RegExp, to: string): void {
  const path = join(ws, file);
  const text = readFileSync(path, 'utf8');
  if (!originals.has(path)) originals.set(path, text);
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(path, next);
}
function create(file: string, text: string): void {
  const path = join(ws, file);
  originals.set(path, '');
  writeFileSync(path, text);
}
function restore(): void {
  for (const [path, text] of originals) {
    if (text === '') unlinkSync(path);
    else writeFileSync(path, text);
  }
  originals.clear();
}

/** A YAML double-quoted scalar (JSON's escapes are YAML's: `\u0000` stays a NUL byte). */
const q = (value: string) => JSON.stringify(value);

const CANDIDATE = 'releases/1.1.0/manifest.yaml';
const BASELINE = 'releases/1.0.0/manifest.yaml';
const SUITE = 'suites/product-search.yaml';

interface Field {
  /** The field as messages name it. */
  readonly field: string;
  /** The user file that names it (relative to the workspace); undefined: not a located document. */
  readonly file: string;
  /** The outside file an escape points at (exists, readable). */
  readonly target: string;
  /** Puts `value` (a YAML scalar) into the workspace. */
  readonly put: (value: string) => void;
  readonly args?: readonly string[];
  /**
   * A registry's released file that no longer exists is the `registry.hash` finding (a
   * retired version's files may be deleted), not a configuration error.
   */
  readonly missingIsFinding?: boolean;
}

const probe = (extra: string) =>
  `probe:\n  model: ../../contracts/model.onnx\n  set: probe.arrow\n${extra}`;

const FIELDS: readonly Field[] = [
  {
    field: 'vectors.path',
    file: CANDIDATE,
    target: 'secret.arrow',
    put: (v) => edit(CANDIDATE, 'path: vectors.arrow', `path: ${v}`),
  },
  {
    field: 'vectors.ids',
    file: BASELINE,
    target: 'secret.txt',
    put: (v) => edit(BASELINE, /ids: ids\.txt/, `ids: ${v}`),
  },
  {
    field: 'suites.0.path',
    file: CANDIDATE,
    target: 'secret.yaml',
    put: (v) => edit(CANDIDATE, '- path: ../../suites/product-search.yaml', `- path: ${v}`),
  },
  {
    field: 'qrels',
    file: SUITE,
    target: 'secret.tsv',
    put: (v) => edit(SUITE, /qrels: .*/, `qrels: ${v}`),
  },
  {
    field: 'versions.1.1.0.queries.path',
    file: SUITE,
    target: 'secret.arrow',
    put: (v) => edit(SUITE, '{ path: queries/1.1.0.arrow }', `{ path: ${v} }`),
  },
  {
    field: 'versions.1.1.0.queries.ids',
    file: SUITE,
    target: 'secret.txt',
    put: (v) =>
      edit(SUITE, '{ path: queries/1.1.0.arrow }', `{ path: queries/1.1.0.arrow, ids: ${v} }`),
  },
  {
    field: 'versions.1.1.0.corpus.path',
    file: SUITE,
    target: 'secret.arrow',
    put: (v) =>
      edit(
        SUITE,
        '{ path: queries/1.1.0.arrow }',
        `{ path: queries/1.1.0.arrow }\n    corpus: { path: ${v} }`,
      ),
  },
  {
    field: 'versions.1.1.0.corpus.ids',
    file: SUITE,
    target: 'secret.txt',
    put: (v) =>
      edit(
        SUITE,
        '{ path: queries/1.1.0.arrow }',
        `{ path: queries/1.1.0.arrow }\n    corpus: { path: ../releases/1.1.0/vectors.arrow, ids: ${v} }`,
      ),
  },
  ...(['model', 'labels'] as const).map((which): Field => ({
    field: `staging.${which}`,
    file: 'contracts/staged.yaml',
    target: 'secret.txt',
    put: (v) =>
      create(
        'contracts/staged.yaml',
        'consumer: staged\nowner: o\nembedding: products-text\naccepts: "*"\nrequires: { dims: 64 }\n' +
          `staging:\n  model: ${which === 'model' ? v : 'model.onnx'}\n  labels: ${which === 'labels' ? v : 'labels.csv'}\n` +
          '  task: classification\n  metric: accuracy\n  min: 0.5\n',
      ),
  })),
  ...(['model', 'set'] as const).map((which): Field => ({
    field: `probe.${which}`,
    file: CANDIDATE,
    target: 'secret.arrow',
    put: (v) =>
      edit(
        CANDIDATE,
        'suites:\n',
        which === 'model'
          ? `probe:\n  model: ${v}\n  set: probe.arrow\nsuites:\n`
          : `probe:\n  model: ../../contracts/model.onnx\n  set: ${v}\nsuites:\n`,
      ),
  })),
  ...(['path', 'ids'] as const).map((which): Field => ({
    field: `probe.vectors.${which}`,
    file: CANDIDATE,
    target: which === 'path' ? 'secret.arrow' : 'secret.txt',
    put: (v) =>
      edit(
        CANDIDATE,
        'suites:\n',
        probe(
          which === 'path'
            ? `  vectors: { path: ${v} }\n`
            : `  vectors: { path: vectors.arrow, ids: ${v} }\n`,
        ) + 'suites:\n',
      ),
  })),
  {
    field: 'encoders.text.probe.model',
    file: CANDIDATE,
    target: 'secret.arrow',
    put: (v) =>
      edit(
        CANDIDATE,
        'suites:\n',
        `encoders:\n  text:\n    model: { name: m, revision: r }\n    probe:\n      model: ${v}\n      set: probe.arrow\nsuites:\n`,
      ),
  },
  ...(['model', 'inputs'] as const).map((subject): Field => ({
    field: `${subject}.pointer`,
    file: CANDIDATE,
    target: 'secret.txt',
    put: (v) =>
      subject === 'model'
        ? edit(CANDIDATE, '  revision: "2024-09-15"', `  revision: "2024-09-15"\n  pointer: ${v}`)
        : edit(
            CANDIDATE,
            '  dataset: product-catalogue-2024-09',
            `  dataset: product-catalogue-2024-09\n  pointer: ${v}`,
          ),
  })),
  ...(['manifest', 'vectors'] as const).map((role): Field => ({
    field: `embeddings.products-text.versions.1.0.0.${role}.path`,
    file: 'registry.yaml',
    target: role === 'manifest' ? 'manifest.yaml' : 'secret.arrow',
    args: ['--registry', 'registry.yaml'],
    missingIsFinding: true,
    put: (v) =>
      create(
        'registry.yaml',
        'registry: 1\nembeddings:\n  products-text:\n    versions:\n      "1.0.0":\n' +
          '        status: active\n        released: 2024-03-04T10:00:00Z\n' +
          `        manifest: { path: ${role === 'manifest' ? v : 'releases/1.0.0/manifest.yaml'}, sha256: ${'a'.repeat(64)} }\n` +
          `        vectors: { path: ${role === 'vectors' ? v : 'releases/1.0.0/vectors.npy'}, sha256: ${'b'.repeat(64)} }\n`,
      ),
  })),
];

interface Escape {
  readonly name: string;
  /** The value written for a field of a file in `docDir`, aiming at `target` outside. */
  readonly value: (docDir: string, target: string) => string;
  /** What the message says. */
  readonly says: RegExp;
}

const ESCAPES: readonly Escape[] = [
  {
    name: '..',
    value: (d, t) => relative(d, join(outside, t)),
    says: /resolves outside the workspace/,
  },
  {
    name: 'an absolute path',
    value: (_, t) => join(outside, t),
    says: /resolves outside the workspace/,
  },
  {
    name: 'a symbolic link to outside',
    value: (d, t) => relative(d, join(ws, 'linkdir', t)),
    says: /resolves outside the workspace/,
  },
  // Glob characters: in a config file's path, literal (`[l]inkdir` is a folder of that name,
  // not `linkdir`); in a vectors path, a glob of parts, which never follows the symbolic link
  // out and so names no part here.
  {
    name: 'glob [l]inkdir',
    value: (d, t) => relative(d, join(ws, '[l]inkdir', t)),
    says: /no such file|cannot read|names no parts; expected a vectors file, or a directory or glob of parts, inside the workspace/,
  },
  {
    name: 'glob *',
    value: (d, t) => relative(d, join(ws, 'linkdi*', t)),
    says: /no such file|cannot read|names no parts; expected a vectors file, or a directory or glob of parts, inside the workspace/,
  },
  {
    name: 'glob ?',
    value: (d, t) => relative(d, join(ws, 'linkdi?', t)),
    says: /no such file|cannot read|names no parts; expected a vectors file, or a directory or glob of parts, inside the workspace/,
  },
  {
    name: 'https://',
    value: (_, t) => `https://example.com/${t}`,
    says: /is a URL|is remote; remote reads are off by default .* pass --allow-remote/,
  },
  { name: 'file://', value: (_, t) => `file://${join(outside, t)}`, says: /is a URL/ },
  {
    name: 's3://',
    value: (_, t) => `s3://bucket/${t}`,
    says: /is a URL|is remote; remote reads are off by default .* pass --allow-remote/,
  },
  { name: 'a NUL byte', value: (_, t) => `${t}\u0000.arrow`, says: /contains a NUL byte/ },
  {
    name: 'Windows separators',
    value: (d, t) => relative(d, join(outside, t)).split('/').join('\\'),
    says: /contains a backslash; write paths with "\/"/,
  },
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function assertNothingOutside(recording: RecordingOpener): void {
  for (const o of recording.opened) {
    expect(isInside(ws, o.id), `${o.id} was opened`).toBe(true);
  }
  for (const r of recording.requested) {
    expect(isInside(ws, r.path) && !r.path.includes('linkdir'), `${r.path} was requested`).toBe(
      true,
    );
  }
}

describe('every path a user file names, every way out: exit 2, one line, nothing opened outside', () => {
  for (const f of FIELDS) {
    for (const e of ESCAPES) {
      it(`${f.field} (${f.file}) as ${e.name}`, async () => {
        try {
          const value = e.value(dirname(join(ws, f.file)), f.target);
          f.put(q(value));
          const recording = recordingOpener(openLocalSource);
          const r = await runCli(
            [...EXAMPLE_CHECK, ...(f.args ?? [])],
            ws,
            defaultDeps(recording.open),
          );
          if (f.missingIsFinding && e.name.startsWith('glob')) {
            // Taken literally, the file is simply not there: the finding says so.
            expect(r.code).toBe(1);
            expect(r.stdout).toContain('registry.hash');
            expect(r.stdout).toContain('no longer exists');
            assertNothingOutside(recording);
            return;
          }
          expect(r.code, r.stderr + r.stdout).toBe(2);
          const lines = r.stderr.trimEnd().split('\n');
          expect(lines).toHaveLength(1);
          expect(lines[0]).toMatch(
            new RegExp(`^embedding-gate: ${escapeRe(f.file)}:\\d+:\\d+: ${escapeRe(f.field)} `),
          );
          expect(lines[0]).toMatch(e.says);
          expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
          expect(r.stdout + r.stderr).not.toContain('SECRET-CONTENT');
          assertNothingOutside(recording);
        } finally {
          restore();
        }
      });
    }
  }
});

describe("promote --report: the report's manifest is checked before it is opened", () => {
  for (const e of ESCAPES) {
    it(`candidate.manifest as ${e.name}`, async () => {
      try {
        const value = e.value(ws, 'manifest.yaml');
        create(
          'gate.json',
          JSON.stringify({
            schemaVersion: 1,
            tool: { name: 'embedding-gate', version: '0' },
            verdict: 'pass',
            failOn: 'error',
            candidate: { manifest: value, name: 'products-text', version: '1.0.0' },
          }),
        );
        const recording = recordingOpener(openLocalSource);
        const r = await runCli(
          [
            'promote',
            '--registry',
            'registry.yaml',
            '--init',
            '--channel',
            'production',
            '--version',
            '1.0.0',
            '--report',
            'gate.json',
          ],
          ws,
          defaultDeps(recording.open),
        );
        const lines = r.stderr.trimEnd().split('\n');
        if (e.name.startsWith('glob')) {
          // Taken literally: no such manifest, said as the manifest loader says it.
          expect(r.code).toBe(2);
          expect(lines).toHaveLength(1);
          expect(lines[0]).toMatch(/cannot read: no such file/);
        } else {
          expect(r.code, r.stderr).toBe(2);
          expect(lines).toHaveLength(1);
          expect(lines[0]).toMatch(/^embedding-gate: gate\.json: candidate\.manifest /);
          expect(lines[0]).toMatch(e.says);
        }
        expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
        assertNothingOutside(recording);
      } finally {
        restore();
      }
    });
  }
});

describe('a symbolic link swapped in after the name was checked is refused by what was opened', () => {
  it('the confined byte opener refuses the source by its real path, before any byte is read', async () => {
    const inside = join(ws, 'swap.arrow');
    cpSync(join(ws, 'releases/1.1.0/vectors.arrow'), inside);
    // The swap happens between the opener's check of the name and the open itself.
    const recording = recordingOpener(async (request) => {
      rmSync(inside);
      symlinkSync(join(outside, 'secret.arrow'), inside);
      return openLocalSource(request);
    });
    try {
      const open = confinedOpener(ws, recording.open);
      const err = await open({ path: inside, display: 'swap.arrow' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OutsideWorkspaceError);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toBe(
        `swap.arrow: resolves outside the workspace ${ws} (to ${join(outside, 'secret.arrow')}); ` +
          'expected a file inside it (the gate reads nothing outside the workspace)',
      );
      expect(recording.opened).toHaveLength(1);
      expect(recording.opened[0]).toMatchObject({ bytesRead: 0, closed: true });
    } finally {
      rmSync(inside);
    }
  });

  it("a registry's released file swapped to a link outside after the plan: check exits 2, nothing hashed", async () => {
    const inside = join(ws, 'releases/1.0.0/swap.npy');
    cpSync(join(ws, 'releases/1.0.0/vectors.npy'), inside);
    create(
      'registry.yaml',
      'registry: 1\nembeddings:\n  products-text:\n    versions:\n      "1.0.0":\n' +
        '        status: active\n        released: 2024-03-04T10:00:00Z\n' +
        `        manifest: { path: releases/1.0.0/manifest.yaml, sha256: ${'a'.repeat(64)} }\n` +
        `        vectors: { path: releases/1.0.0/swap.npy, sha256: ${'b'.repeat(64)} }\n`,
    );
    // Only the registry names swap.npy, so the swap lands between the plan's name check
    // and the registry's hashing of the file.
    const recording = recordingOpener(async (request) => {
      if (request.path === inside) {
        rmSync(inside);
        symlinkSync(join(outside, 'secret.arrow'), inside);
      }
      return openLocalSource(request);
    });
    try {
      const r = await runCli(
        [...EXAMPLE_CHECK, '--registry', 'registry.yaml'],
        ws,
        defaultDeps(recording.open),
      );
      expect(r.code, r.stderr + r.stdout).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toEqual([
        `embedding-gate: ${join('releases/1.0.0/swap.npy')}: resolves outside the workspace ${ws} (to ${join(outside, 'secret.arrow')}); ` +
          'expected a file inside it (the gate reads nothing outside the workspace)',
      ]);
      const opened = recording.opened.filter((o) => o.id.endsWith('secret.arrow'));
      expect(opened.every((o) => o.bytesRead === 0 && o.closed)).toBe(true);
    } finally {
      rmSync(inside, { force: true });
      restore();
    }
  });

  it('a plain link to outside is refused by name, without being opened', async () => {
    const recording = recordingOpener(openLocalSource);
    const open = confinedOpener(ws, recording.open);
    const err = await open({ path: join(ws, 'linkdir/secret.arrow') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutsideWorkspaceError);
    expect(recording.requested).toEqual([]);
  });

  it('config text files (documents, qrels) are checked by the real path of the opened file', async () => {
    symlinkSync(join(outside, 'secret.yaml'), join(ws, 'swapped.yaml'));
    symlinkSync(join(outside, 'secret.tsv'), join(ws, 'swapped.tsv'));
    try {
      await expect(loadDocument('swapped.yaml', ws, { workspace: ws })).rejects.toThrow(
        new RegExp(`^swapped\\.yaml: cannot read: lies outside the workspace ${escapeRe(ws)}`),
      );
      await expect(readQrelsFile(join(ws, 'swapped.tsv'), 'auto', ws)).rejects.toThrow(
        /cannot read the qrels: lies outside the workspace/,
      );
      // Without a workspace (tools that gate nothing, e.g. `eval`) the same read succeeds.
      expect((await loadDocument('swapped.yaml', ws)).data).toBeTruthy();
    } finally {
      rmSync(join(ws, 'swapped.yaml'));
      rmSync(join(ws, 'swapped.tsv'));
    }
  });

  it('a manifest named on the command line that links outside the workspace: exit 2', async () => {
    const r = await runCli(
      ['check', '--candidate', 'linkdir/manifest.yaml', '--contracts', 'contracts'],
      ws,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^embedding-gate: linkdir\/manifest\.yaml: cannot read: lies outside the workspace \S+ \(it is \S+\); expected a file inside it\n$/,
    );
  });
});
