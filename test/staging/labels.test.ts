import { describe, expect, it } from 'vitest';
import { classLabels, LabelsError, numericLabels, parseLabels } from '../../src/staging/labels.js';

describe('labels files', () => {
  it('reads CSV with a header, quotes and CRLF, and TSV', () => {
    const csv = parseLabels(
      '\ufeffid,label\r\na,fraud\r\n"b,1","say ""hi"""\r\n\r\nc, legit \r\n',
      'l.csv',
    );
    expect(csv.ids).toEqual(['a', 'b,1', 'c']);
    expect(csv.labels).toEqual(['fraud', 'say "hi"', 'legit']);
    expect([...csv.lines]).toEqual([2, 3, 5]);
    const tsv = parseLabels('x\t0.5\ny\t-2\n', 'l.tsv');
    expect(tsv.ids).toEqual(['x', 'y']);
    expect([...numericLabels(tsv, 'l.tsv', 'regression')]).toEqual([0.5, -2]);
  });

  it('names the line of a broken record', () => {
    const cases: [string, RegExp][] = [
      ['a,1\nb\n', /^l\.csv:2: expected 2 fields \(id,label\), found 1$/],
      ['a,1\na,2\n', /^l\.csv:2: id "a" is labeled twice \(first on line 1\)/],
      ['a,"1\n', /^l\.csv:1: unterminated or misplaced double quote$/],
      ['a,\n', /^l\.csv:1: empty label for id "a"$/],
      ['id,label\n', /^l\.csv: no labels \(only a header\)$/],
      ['\n\n', /^l\.csv: no labels \(empty file\)$/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseLabels(text, 'l.csv')).toThrow(LabelsError);
      expect(() => parseLabels(text, 'l.csv')).toThrow(message);
    }
  });

  it('maps class labels through the contract classes or as column indices', () => {
    const t = parseLabels('a,fraud\nb,legit\nc,fraud\n', 'l.csv');
    expect([...classLabels(t, 'l.csv', ['legit', 'fraud'], 2)]).toEqual([1, 0, 1]);
    expect(() => classLabels(t, 'l.csv', ['ok', 'bad'], 2)).toThrow(
      /^l\.csv:1: label "fraud" of id "a": expected one of the contract's classes \(ok, bad\)$/,
    );
    const n = parseLabels('a,2\nb,0\n', 'l.csv');
    expect([...classLabels(n, 'l.csv', undefined, 3)]).toEqual([2, 0]);
    expect(() => classLabels(n, 'l.csv', undefined, 2)).toThrow(
      /expected a class index from 0 to 1/,
    );
    expect(() => numericLabels(t, 'l.csv', 'regression')).toThrow(
      /^l\.csv:1: label "fraud" of id "a" is not a number; regression needs numeric labels$/,
    );
  });
});
