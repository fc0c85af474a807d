/**
 * The document walk: what aliases may do (reuse: yes; bombs, cycles, undefined: no), how
 * expansions are counted, and that the caps the runner sets are the ones applied.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Input, readConfig } from '../../src/action/inputs.js';
import { ConfigError, parseSourceText } from '../../src/config/document.js';
import { DEFAULT_CONFIG_LIMITS } from '../../src/config/limits.js';
import { ROOT } from '../helpers/cli.js';

const load = (text: string, limits = {}) => parseSourceText('x.yaml', text, undefined, limits).data;
const refusal = (text: string, limits = {}) => {
  try {
    load(text, limits);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('accepted');
};

describe('aliases', () => {
  it('reuse is fine: an anchored mapping used in several places', () => {
    expect(load('base: &b {a: 1, b: [1, 2]}\nx: *b\ny: [*b, *b]\n')).toEqual({
      base: { a: 1, b: [1, 2] },
      x: { a: 1, b: [1, 2] },
      y: [
        { a: 1, b: [1, 2] },
        { a: 1, b: [1, 2] },
      ],
    });
  });

  it('counts an alias again each time the node holding it is expanded', () => {
    // *s once inside &m, then &m expanded 3 times: 1 + 3 × (1 + 1) = 7 expansions.
    const text = 's: &s 1\nm: &m [*s]\nx: [*m, *m, *m]\n';
    expect(load(text, { maxAliases: 7 })).toBeDefined();
    expect(refusal(text, { maxAliases: 6 })).toMatch(/^x\.yaml:3:13: more than 6 alias expansions/);
  });

  it('refuses an expansion to more values than the size cap has bytes', () => {
    const text = `a: &a [${Array.from({ length: 200 }, () => '0').join(',')}]\nb: [*a, *a, *a, *a, *a]\n`;
    expect(refusal(text, { maxBytes: 1000 })).toMatch(
      /^x\.yaml:2:\d+: aliases expand the document to more than 1000 values/,
    );
  });

  it('refuses an alias that nests the document past the depth cap', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const text = `a: &a ${deep(200)}\nb: ${'['.repeat(60)}*a${']'.repeat(60)}\n`;
    expect(refusal(text)).toMatch(
      /^x\.yaml:2:\d+: alias \*a nests the document deeper than 256 levels$/,
    );
  });

  it('an anchor redefined later: an alias takes the last one before it', () => {
    expect(load('a: &x 1\nb: *x\nc: &x 2\nd: *x\n')).toEqual({ a: 1, b: 1, c: 2, d: 2 });
  });
});

describe('keys and numbers', () => {
  it('keys that are the same property are duplicates, whatever their spelling', () => {
    expect(refusal('1: a\n"1": b\n')).toBe('x.yaml:2:1: duplicate key: each field may appear once');
    expect(refusal('a: {x: 1, y: 2, x: 3}\n')).toBe(
      'x.yaml:1:17: duplicate key: each field may appear once',
    );
  });

  it('integers as JSON.stringify writes them are kept; those that would change are refused', () => {
    expect(load('a: 9007199254740993\n'.replace('3', '2'))).toEqual({ a: 9007199254740992 });
    expect(load('a: -33867273995463270\n')).toEqual({ a: -33867273995463270 });
    expect(refusal('a: 12345678901234567890\n')).toMatch(
      /^x\.yaml:1:4: the integer 12345678901234567890 cannot be held exactly/,
    );
    expect(load('a: .inf\n')).toEqual({ a: Infinity });
  });
});

describe('the caps come from the runner', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const reader = (values: Record<string, string>) => (name: Input) => values[name] ?? '';

  it("action.yml's defaults are the documented defaults", () => {
    expect(Number(action.inputs[Input.MaxConfigKb]!.default) * 1024).toBe(
      DEFAULT_CONFIG_LIMITS.maxBytes,
    );
    expect(Number(action.inputs[Input.MaxAliases]!.default)).toBe(DEFAULT_CONFIG_LIMITS.maxAliases);
  });

  it('the Action decodes max-config-kb and max-aliases, and refuses nonsense', () => {
    expect(
      readConfig(reader({ candidate: 'c', 'max-config-kb': '64', 'max-aliases': '0' }))
        .configLimits,
    ).toEqual({
      maxBytes: 64 * 1024,
      maxAliases: 0,
    });
    expect(readConfig(reader({ candidate: 'c' })).configLimits).toBeUndefined();
    expect(() => readConfig(reader({ candidate: 'c', 'max-config-kb': '0' }))).toThrow(
      'input max-config-kb: expected a whole number from 1 to 1048576, found "0"',
    );
    expect(() => readConfig(reader({ candidate: 'c', 'max-aliases': '-1' }))).toThrow(
      'input max-aliases: expected a whole number from 0 to 1000000, found "-1"',
    );
  });
});
