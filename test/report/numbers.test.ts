/**
 * The one way numbers are written (src/config/numbers.ts, re-exported by src/report/format.ts),
 * and a scan proving no other formatter of numbers for people is left in src/.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  byteSize,
  count,
  interval,
  MISSING,
  percent,
  plural,
  pValue,
  sci,
  score,
  signed,
  statistic,
} from '../../src/report/format.js';

describe('number helpers', () => {
  it('write scores at 4 decimals with an ASCII minus and no negative zero', () => {
    expect(score(0.73564)).toBe('0.7356');
    expect(score(-0.00442)).toBe('-0.0044');
    expect(score(-0.00001)).toBe('0.0000');
    expect(score(-0)).toBe('0.0000');
    expect(score(1)).toBe('1.0000');
  });

  it('sign every change, except one that rounds to none', () => {
    expect(signed(0.0123)).toBe('+0.0123');
    expect(signed(-0.00442)).toBe('-0.0044');
    expect(signed(0)).toBe('0.0000');
    expect(signed(-0.00004)).toBe('0.0000');
    expect(signed(0.00004)).toBe('0.0000');
    expect(interval({ low: -0.008677, high: 0.0001562 })).toBe('[-0.0087, +0.0002]');
  });

  it('write p-values, percentages, deviations and statistics', () => {
    expect(pValue(0.04213)).toBe('0.0421');
    expect(pValue(1)).toBe('1.0000');
    expect(pValue(6.2e-5)).toBe('6.2e-5');
    expect(pValue(0)).toBe('0');
    expect(percent(0.95)).toBe('95%');
    expect(percent(0.125, 1)).toBe('12.5%');
    expect(sci(3.214e-7)).toBe('3.21e-7');
    expect(sci(1e-4)).toBe('1.00e-4');
    expect(statistic(0.99991)).toBe('0.99991');
    expect(statistic(1.0000001)).toBe('1');
    expect(statistic(12.345678)).toBe('12.3457');
  });

  it('write counts and sizes with thousands separators', () => {
    expect(count(120000)).toBe('120,000');
    expect(count(7)).toBe('7');
    expect(plural(1, 'error')).toBe('1 error');
    expect(plural(2040, 'row')).toBe('2,040 rows');
    expect(byteSize(666)).toBe('666 bytes');
    expect(byteSize(1536)).toBe('1.5 KiB (1,536 bytes)');
    expect(byteSize(629145600)).toBe('600.0 MiB (629,145,600 bytes)');
  });

  it('render a missing value (undefined, or null from JSON) as a dash, and non-finite values by name', () => {
    for (const f of [score, signed, pValue, percent, sci, statistic, count, byteSize]) {
      expect(f(undefined)).toBe(MISSING);
      expect(f(null)).toBe(MISSING);
      expect(f(Number.NaN)).toBe('NaN');
    }
    expect(score(-Infinity)).toBe('-Infinity');
  });

  it('never write U+2212 or a negative zero, and round-trip through Number()', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        for (const s of [score(x), signed(x), statistic(x), sci(x)]) {
          expect(s).not.toContain('\u2212');
          expect(s).not.toMatch(/^-0(\.0*)?$/);
          expect(Number.isNaN(Number(s))).toBe(false);
        }
        expect(Math.abs(Number(score(x)) - x)).toBeLessThanOrEqual(0.00005 + 1e-9 * Math.abs(x));
      }),
    );
  });
});

const ROOT = join(import.meta.dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tsFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/**
 * Files that may turn numbers into text themselves: the helpers, and machine formats whose
 * layout a standard fixes (trec_eval's printf output, TREC run files with round-trip scores).
 */
const ALLOWED = new Set([
  'src/config/numbers.ts',
  'src/retrieval/c-format.ts',
  'src/retrieval/knn-trec.ts',
  // SVG coordinates and path data (a machine layout), and chart axis ticks, whose digits
  // follow the distance between ticks rather than the kind of value.
  'src/report/html-svg.ts',
]);

describe('one number formatter', () => {
  it('leaves no toFixed/toPrecision/toExponential/toLocaleString or U+2212 minus elsewhere in src/', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(join(ROOT, 'src'))) {
      const name = relative(ROOT, file).split('\\').join('/');
      if (ALLOWED.has(name)) continue;
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
        if (/\.(toFixed|toPrecision|toExponential|toLocaleString)\(|'−'/.test(code))
          offenders.push(`${name}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
