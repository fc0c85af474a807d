/**
 * Hostile and broken YAML/JSON (issue 11): a pull request controls every file the gate reads.
 * Each case runs the CLI on a copy of examples/ with one hostile file and expects exit 2,
 * one precise line on stderr (file:line:col where there is one), no stack trace, and little
 * CPU time. Then the loader's time is checked to grow linearly with the number of keys, and
 * random mutations of every example user file load either cleanly or as a ConfigError.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadDocument, parseSourceText } from '../../src/config/document.js';
import { validateDocument, type SchemaKind } from '../../src/config/schema.js';
import { copyExamples, ROOT, runCli } from '../helpers/cli.js';

const MANIFEST = readFileSync(join(ROOT, 'examples/releases/1.1.0/manifest.yaml'), 'utf8');
const DIR = 'releases/1.1.0';

/** The example manifest with `parameters:` replaced by `block` (a top-level YAML fragment). */
const withParameters = (block: string) =>
  MANIFEST.replace('parameters:\n  pooling: mean\n  max_tokens: 256\n', block);

/** The example manifest as JSON text, with `extra` spliced in before the closing brace. */
function manifestJson(extra = ''): string {
  const data = parseSourceText('m.yaml', MANIFEST).data;
  const text = JSON.stringify(data, null, 2);
  return text.slice(0, text.lastIndexOf('}')) + extra + '}\n';
}

const lol = (level: number) =>
  `l${level}: &l${level} [${Array.from({ length: 9 }, () => (level === 0 ? '"lol"' : `*l${level - 1}`)).join(', ')}]`;
const BILLION_LAUGHS = withParameters(
  `parameters:\n${Array.from({ length: 10 }, (_, i) => '  ' + lol(i)).join('\n')}\n`,
);

interface Case {
  readonly name: string;
  /** The hostile file's path in the copy, and its bytes. */
  readonly file: string;
  readonly content: string | Buffer | (() => Buffer);
  /** CLI arguments; the default checks the hostile file as the candidate. */
  readonly args?: readonly string[];
  /** The one line on stderr, after "embedding-gate: ". */
  readonly line: string | RegExp;
}

const check = (candidate: string, ...more: string[]) => [
  'check',
  '--candidate',
  candidate,
  ...more,
];
const CANDIDATE = `${DIR}/manifest.yaml`;

const CASES: readonly Case[] = [
  {
    name: 'an alias bomb (billion laughs)',
    file: `${DIR}/bomb.yaml`,
    content: BILLION_LAUGHS,
    line: /^releases\/1\.1\.0\/bomb\.yaml:12:12: more than 100 alias expansions; the limit guards against alias bombs; whoever runs the gate sets it with --max-aliases \(Action input max-aliases\)$/,
  },
  {
    name: 'an undefined alias',
    file: `${DIR}/undefined.yaml`,
    content: withParameters('parameters:\n  pooling: *nowhere\n'),
    line: 'releases/1.1.0/undefined.yaml:9:12: alias *nowhere has no anchor &nowhere before it',
  },
  {
    name: 'a self-referential alias in a free map',
    file: `${DIR}/self.yaml`,
    content: withParameters('parameters: &p { self: *p }\n'),
    line: 'releases/1.1.0/self.yaml:8:24: alias *p is inside the node &p names: a document cannot contain itself',
  },
  {
    name: 'a merge-key cycle (YAML 1.1 <<)',
    file: `${DIR}/merge.yaml`,
    content: '%YAML 1.1\n---\n' + withParameters('parameters: &p\n  pooling: mean\n  <<: *p\n'),
    line: 'releases/1.1.0/merge.yaml:12:7: alias *p is inside the node &p names: a document cannot contain itself',
  },
  {
    name: 'a 40k-key file with a duplicate at its end',
    file: `${DIR}/keys.yaml`,
    content: () => Buffer.from(manyKeys(40_000) + 'k17: again\n'),
    line: 'releases/1.1.0/keys.yaml:40001:1: duplicate key: each field may appear once',
  },
  {
    name: 'a 10M-element flow sequence (20 MB), above the size cap',
    file: `${DIR}/huge.yaml`,
    content: () => Buffer.from('parameters: [' + '0,'.repeat(10_000_000) + '0]\n'),
    line: /^releases\/1\.1\.0\/huge\.yaml: 20000016 bytes, more than the 1024 KiB allowed for a YAML or JSON file; whoever runs the gate sets the limit with --max-config-kb \(Action input max-config-kb\)$/,
  },
  {
    name: 'a depth bomb (100k nested lists)',
    file: `${DIR}/deep.yaml`,
    content: withParameters(`parameters: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`),
    line: 'releases/1.1.0/deep.yaml:8:269: nested deeper than 256 levels; a configuration file has no reason to',
  },
  {
    name: 'a depth bomb of block lists',
    file: `${DIR}/deep-block.yaml`,
    content: withParameters(`parameters:\n  x:\n    ${'- '.repeat(100_000)}x\n`),
    line: /^releases\/1\.1\.0\/deep-block\.yaml:10:\d+: nested deeper than 256 levels; a configuration file has no reason to$/,
  },
  {
    name: 'invalid UTF-8 at a known offset',
    file: `${DIR}/utf8.yaml`,
    content: () => {
      const bytes = Buffer.from(MANIFEST);
      // A lead byte followed by "e": ill-formed (placed by byte, the text before it not ASCII).
      bytes[Buffer.byteLength(MANIFEST.slice(0, MANIFEST.indexOf('text\n')))] = 0xc3;
      return bytes;
    },
    line: `releases/1.1.0/utf8.yaml: invalid UTF-8 at byte ${Buffer.byteLength(MANIFEST.slice(0, MANIFEST.indexOf('text\n')))} (line 2)`,
  },
  {
    name: 'a UTF-16 file (with its byte order mark)',
    file: `${DIR}/utf16.yaml`,
    content: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MANIFEST, 'utf16le')]),
    line: 'releases/1.1.0/utf16.yaml: the file is UTF-16 or UTF-32 (it starts with a byte order mark); save it as UTF-8',
  },
  {
    name: 'a UTF-16 file without a byte order mark',
    file: `${DIR}/utf16-nobom.yaml`,
    content: () => Buffer.from(MANIFEST, 'utf16le'),
    line: 'releases/1.1.0/utf16-nobom.yaml:1:2: a NUL byte (is the file UTF-16 or binary?) at byte 1; a YAML or JSON file is UTF-8 text',
  },
  {
    name: 'a NUL byte',
    file: `${DIR}/nul.yaml`,
    content: MANIFEST.replace('name: products-text', 'name: products\0text'),
    line: `releases/1.1.0/nul.yaml:2:15: a NUL byte (is the file UTF-16 or binary?) at byte ${Buffer.byteLength(MANIFEST.slice(0, MANIFEST.indexOf('-text\n')))}; a YAML or JSON file is UTF-8 text`,
  },
  {
    name: 'an integer a double cannot hold',
    file: `${DIR}/bigint.yaml`,
    content: MANIFEST.replace('dims: 64', 'dims: 123456789012345678901234'),
    line: 'releases/1.1.0/bigint.yaml:16:7: the integer 123456789012345678901234 cannot be held exactly (integers are exact up to 9007199254740991); write it as text if it is an identifier',
  },
  {
    name: 'a number out of range',
    file: `${DIR}/inf.yaml`,
    content: withParameters('parameters:\n  temperature: 1e400\n'),
    line: 'releases/1.1.0/inf.yaml:9:16: the number 1e400 is out of range (at most about 1.8e308)',
  },
  {
    name: 'a duplicate key (located at the second one)',
    file: `${DIR}/dup.yaml`,
    content: MANIFEST.replace('dims: 64\n', 'dims: 64\ndtype: float32\ndims: 65\n'),
    line: 'releases/1.1.0/dup.yaml:18:1: duplicate key: each field may appear once',
  },
  {
    name: 'JSON with a duplicate key',
    file: `${DIR}/dup.json`,
    content: () => Buffer.from(manifestJson(',\n  "dims": 65\n')),
    line: /^releases\/1\.1\.0\/dup\.json:\d+:3: duplicate key: each field may appear once$/,
  },
  {
    name: 'JSON with trailing garbage',
    file: `${DIR}/trailing.json`,
    content: () => Buffer.from(manifestJson() + '{"more": 1}\n'),
    line: /^releases\/1\.1\.0\/trailing\.json:\d+:1: invalid JSON: .+$/,
  },
  {
    name: 'tabs in YAML indentation',
    file: `${DIR}/tabs.yaml`,
    content: MANIFEST.replace('  pooling: mean', '\tpooling: mean'),
    line: 'releases/1.1.0/tabs.yaml:9:1: invalid YAML: tab used for indentation; YAML indents with spaces',
  },
  {
    name: 'an empty file',
    file: `${DIR}/empty.yaml`,
    content: '',
    line: 'releases/1.1.0/empty.yaml:1:1: the file is empty; expected a mapping of fields',
  },
  {
    name: 'a YAML stream of two documents',
    file: `${DIR}/stream.yaml`,
    content: MANIFEST + '---\nname: second\n',
    line: /^releases\/1\.1\.0\/stream\.yaml:\d+:1: a second YAML document starts here; expected one document per file$/,
  },
  {
    name: 'a contract with an alias bomb',
    file: 'contracts/bomb.yaml',
    content: BILLION_LAUGHS,
    args: check(CANDIDATE, '--contracts', 'contracts/bomb.yaml'),
    line: /^contracts\/bomb\.yaml:12:12: more than 100 alias expansions/,
  },
  {
    name: 'a registry with a cycle',
    file: 'registry.yaml',
    content: 'registry: 1\nembeddings: &e\n  loop: *e\n',
    args: check(CANDIDATE, '--registry', 'registry.yaml'),
    line: 'registry.yaml:3:9: alias *e is inside the node &e names: a document cannot contain itself',
  },
  {
    name: 'a waivers file with an undefined alias',
    file: 'waivers.yaml',
    content: 'waivers: *w\n',
    args: check(CANDIDATE, '--waivers', 'waivers.yaml'),
    line: 'waivers.yaml:1:10: alias *w has no anchor &w before it',
  },
  {
    name: 'a JSON report (card) that is not UTF-8',
    file: 'report.json',
    content: () => Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]),
    args: ['card', '--report', 'report.json'],
    line: /^\/.+\/report\.json: invalid UTF-8 at byte 2 \(line 1\)$/,
  },
  {
    name: 'a 2 KiB manifest under --max-config-kb 1',
    file: `${DIR}/manifest-copy.yaml`,
    content: `# ${'padding '.repeat(256)}\n${MANIFEST}`,
    args: check(`${DIR}/manifest-copy.yaml`, '--max-config-kb', '1'),
    line: /^releases\/1\.1\.0\/manifest-copy\.yaml: \d+ bytes, more than the 1 KiB allowed/,
  },
  {
    name: 'one alias under --max-aliases 0',
    file: `${DIR}/one-alias.yaml`,
    content: withParameters('parameters:\n  a: &a mean\n  b: *a\n'),
    args: check(`${DIR}/one-alias.yaml`, '--max-aliases', '0'),
    line: /^releases\/1\.1\.0\/one-alias\.yaml:10:6: more than 0 alias expansions/,
  },
];

/** A YAML mapping of `n` keys, one per line. */
function manyKeys(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`k${i}: ${i}`);
  return lines.join('\n') + '\n';
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

describe('hostile YAML and JSON: exit 2, one located line, no stack trace, no hang', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyExamples();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(CASES.map((c) => [c.name, c] as const))('%s', { timeout: 20_000 }, async (_, c) => {
    const content = typeof c.content === 'function' ? c.content() : c.content;
    writeFileSync(join(dir, c.file), content);
    const started = process.cpuUsage();
    const r = await runCli(c.args ?? check(c.file), dir);
    const cpu = cpuMs(started);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr.endsWith('\n')).toBe(true);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const line = lines[0]!.replace(/^embedding-gate: /, '');
    if (typeof c.line === 'string') expect(line).toBe(c.line);
    else expect(line).toMatch(c.line);
    expect(r.code).toBe(2);
    // CPU time, not wall time: the machine may be shared; a hang or a quadratic loop shows here.
    expect(cpu).toBeLessThan(c.file.endsWith('keys.yaml') ? 2000 : 1000);
  });
});

describe('the loader is linear in the number of keys', () => {
  it('10k vs 40k keys: ratio < 8, 40k under 2 s of CPU', () => {
    const time = (n: number) => {
      const text = manyKeys(n);
      const started = process.cpuUsage();
      parseSourceText('keys.yaml', text);
      return cpuMs(started);
    };
    time(1000); // warm the JIT
    const t10 = time(10_000);
    const t40 = time(40_000);
    expect(t40).toBeLessThan(2000);
    expect(t40 / Math.max(t10, 1)).toBeLessThan(8);
  });
});

/** The example user files and the schema each is validated against. */
const USER_FILES: readonly (readonly [string, SchemaKind])[] = [
  ['examples/releases/1.0.0/manifest.yaml', 'manifest'],
  ['examples/releases/1.1.0/manifest.yaml', 'manifest'],
  ['examples/contracts/fraud-classifier.yaml', 'contract'],
  ['examples/contracts/recommender.yaml', 'contract'],
  ['examples/contracts/search-index.yaml', 'contract'],
  ['examples/suites/product-search.yaml', 'suite'],
];

type Mutation =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; from: number; length: number; to: number }
  | { kind: 'insert'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    xor: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    from: fc.nat(),
    length: fc.integer({ min: 1, max: 200 }),
    to: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom('&a ', '*a', '*a ', '&a [', '<<: *a\n', '&a {x: *a}', ': ', '\n- ', '\t'),
  }),
);

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const n = bytes.length || 1;
  switch (m.kind) {
    case 'flip': {
      const out = Buffer.from(bytes);
      if (out.length) out[m.at % n] = out[m.at % n]! ^ m.xor;
      return out;
    }
    case 'truncate':
      return bytes.subarray(0, m.at % n);
    case 'duplicate': {
      const from = m.from % n;
      const span = bytes.subarray(from, from + m.length);
      const to = m.to % n;
      return Buffer.concat([bytes.subarray(0, to), span, bytes.subarray(to)]);
    }
    case 'insert': {
      const at = m.at % n;
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text), bytes.subarray(at)]);
    }
  }
}

describe('random mutations of every example user file: a document or a ConfigError, nothing else', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eg-mutations-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(USER_FILES)('%s', async (file, kind) => {
    const original = readFileSync(join(ROOT, file));
    const target = join(dir, file.replace(/\//g, '_'));
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        writeFileSync(target, mutations.reduce(mutate, original));
        try {
          const doc = await loadDocument(target, dir);
          const findings = validateDocument(kind, doc);
          // What a report does with a document must not throw either (cycles would).
          JSON.stringify(doc.data);
          for (const f of findings) expect(f.location?.line).toBeGreaterThan(0);
        } catch (err) {
          if (!(err instanceof ConfigError)) throw err;
          expect(err.message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 60 },
    );
  });
});
