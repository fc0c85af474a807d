/** Qrels and run readers: formats, detection, and precise errors. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BenchParseError, InvalidRunError } from '../../src/retrieval/errors.js';
import { parseQrels, readQrelsFile } from '../../src/retrieval/qrels.js';
import { judgeRanking } from '../../src/retrieval/ranking.js';
import { parseRun, readRunFile, runFromLists } from '../../src/retrieval/run-file.js';

/** Runs `fn` and returns what it threw (failing when it does not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('parseQrels', () => {
  it('reads TREC qrels with graded and negative relevance, comments, blank lines and CRLF', () => {
    const q = parseQrels(
      '# judged by hand\r\n1 0 a 2\r\n\r\n1 0 b -1\r\n2\tQ0\tc   0\r\n',
      'q.txt',
    );
    expect(q.format).toBe('trec');
    expect([...q.queries.get('1')!]).toEqual([
      ['a', 2],
      ['b', -1],
    ]);
    expect(q.queries.get('2')!.get('c')).toBe(0);
  });

  it('detects a BEIR TSV by its header and reads tab-separated ids that contain spaces', () => {
    const q = parseQrels(
      'query-id\tcorpus-id\tscore\nq1\tdoc 1\t1\nq1\tdoc2\t0\n',
      'qrels/test.tsv',
    );
    expect(q.format).toBe('beir');
    expect(q.queries.get('q1')!.get('doc 1')).toBe(1);
  });

  it.each([
    [
      '1 0 a\n',
      'q.txt:1: expected 4 columns "qid 0 docid rel", found 3 (a BEIR qrels file starts with the header "query-id\\tcorpus-id\\tscore")',
    ],
    ['1 0 a 1\n1 0 b 1 extra\n', 'q.txt:2: expected 4 columns "qid 0 docid rel", found 5'],
    ['1 0 a 1\n\n1 0 b high\n', 'q.txt:3: relevance "high" is not an integer'],
    ['1 0 a 1.5\n', 'q.txt:1: relevance "1.5" is not an integer'],
    ['1 0 a 1\n1 0 a 0\n', 'q.txt:2: document "a" is judged twice for query "1" (first at line 1)'],
    [
      'query-id\tcorpus-id\tscore\nq1\td1\n',
      'q.txt:2: expected 3 tab-separated columns "query-id corpus-id score", found 2',
    ],
    [
      '# only a comment\n',
      'q.txt:1: no judgments found (the file is empty or has only a header and comments)',
    ],
  ])('rejects %j with a located message', (text, message) => {
    const e = thrown(() => parseQrels(text, 'q.txt'));
    expect(e).toBeInstanceOf(BenchParseError);
    expect((e as BenchParseError).message).toBe(message);
    expect((e as BenchParseError).file).toBe('q.txt');
    expect((e as BenchParseError).line).toBe(Number(message.split(':')[1]));
  });

  it('refuses a forced BEIR format without its header', () => {
    expect(() => parseQrels('q1\td1\t1\n', 'x.tsv', 'beir')).toThrow(
      'x.tsv:1: expected the BEIR header',
    );
  });
});

describe('parseRun', () => {
  it('keeps file order, reads the run id from the last line, and ignores columns after the tag', () => {
    const run = parseRun(
      'q1 Q0 a 1 0.5 first\nq2 Q0 b 1 -1e-3 x\nq1 Q0 c 2 0.25 last extra\n',
      'run.txt',
    );
    expect(run.runId).toBe('last');
    expect(run.queries.get('q1')!.docids).toEqual(['a', 'c']);
    expect(Array.from(run.queries.get('q1')!.lines!)).toEqual([1, 3]);
    expect(run.queries.get('q2')!.scores[0]).toBe(-0.001);
  });

  it.each([
    ['q1 Q0 a 1 0.5\n', 'run.txt:1: expected 6 columns "qid Q0 docid rank score tag", found 5'],
    ['q1 Q0 a 1 0.5 t\nq1 Q0 b 2 high t\n', 'run.txt:2: score "high" is not a finite number'],
    ['q1 Q0 a 1 NaN t\n', 'run.txt:1: score "NaN" is not a finite number'],
    ['\n\n', 'run.txt:3: no results found (the run file is empty)'],
  ])('rejects %j with a located message', (text, message) => {
    const e = thrown(() => parseRun(text, 'run.txt'));
    expect(e).toBeInstanceOf(BenchParseError);
    expect((e as BenchParseError).message).toBe(message);
  });

  it('rejects a duplicate document when the query is evaluated, pointing at both lines (trec_eval refuses it too)', () => {
    const run = parseRun('q1 Q0 a 1 0.5 t\nq1 Q0 b 2 0.4 t\nq1 Q0 a 3 0.1 t\n', 'run.txt');
    const e = thrown(() =>
      judgeRanking('q1', new Map([['a', 1]]), run.queries.get('q1'), run.file),
    );
    expect(e).toBeInstanceOf(BenchParseError);
    expect((e as BenchParseError).message).toBe(
      'run.txt:3: document "a" is retrieved twice for query "q1"; trec_eval rejects runs with duplicate documents (also at line 1)',
    );
  });

  it('rejects duplicates and NaN scores of in-memory runs with a typed error', () => {
    const dup = runFromLists([
      [
        'q',
        [
          { docid: 'a', score: 1 },
          { docid: 'a', score: 1 },
        ],
      ],
    ]);
    expect(() => judgeRanking('q', undefined, dup.queries.get('q'))).toThrow(InvalidRunError);
    const nan = runFromLists([['q', [{ docid: 'a', score: Number.NaN }]]]);
    expect(() => judgeRanking('q', undefined, nan.queries.get('q'))).toThrow('score is NaN');
  });
});

describe('file readers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eg-bench-readers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stream a run file and read a qrels file with the path in errors', async () => {
    const runPath = join(dir, 'run.txt');
    writeFileSync(runPath, 'q1 Q0 a 1 2 r\nq1 Q0 b 2 1 r');
    const run = await readRunFile(runPath);
    expect(run.queries.get('q1')!.docids).toEqual(['a', 'b']);
    expect(run.file).toBe(runPath);
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'q1 Q0 a 1 2 r\nq1 Q0 b\n');
    await expect(readRunFile(bad)).rejects.toThrow(`${bad}:2: expected 6 columns`);
    const qrelsPath = join(dir, 'qrels.txt');
    writeFileSync(qrelsPath, '1 0 a 1\n');
    expect((await readQrelsFile(qrelsPath)).queries.size).toBe(1);
  });
});
