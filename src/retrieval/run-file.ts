/**
 * TREC run files: `qid Q0 docid rank score tag`, whitespace separated. Like trec_eval,
 * the rank column is ignored (documents are ranked by score, see ranking.ts) and the
 * run id is the tag of the last line.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { BenchParseError } from './errors.js';

/** The retrieved documents of one query, in file order (not ranked). */
export interface RankedDocs {
  readonly docids: readonly string[];
  readonly scores: ArrayLike<number>;
  /** 1-based source line of each document, when it came from a file (for error messages). */
  readonly lines?: ArrayLike<number>;
}

/** A retrieval run: documents and scores per query. */
export interface Run {
  readonly runId: string;
  readonly queries: ReadonlyMap<string, RankedDocs>;
  /** The file it was read from, when it was. */
  readonly file?: string;
}

interface Growing {
  docids: string[];
  scores: number[];
  lines: number[];
}

/**
 * Accumulates run lines one at a time, so a large run file can be streamed.
 * Duplicate documents are not checked here but when a query is ranked (ranking.ts), where
 * trec_eval checks them too; the recorded line numbers let that error point at the file.
 */
export class RunParser {
  private readonly queries = new Map<string, Growing>();
  private runId = '';

  constructor(private readonly file: string) {}

  /** Adds one raw line (1-based `lineNo`); blank lines and `#` comments are skipped. */
  addLine(raw: string, lineNo: number): void {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(/\s+/);
    // trec_eval ignores anything after the tag, so extra columns are allowed.
    if (cells.length < 6) {
      throw new BenchParseError(
        this.file,
        lineNo,
        `expected 6 columns "qid Q0 docid rank score tag", found ${cells.length}`,
      );
    }
    const scoreText = cells[4]!;
    const score = Number(scoreText);
    if (!Number.isFinite(score)) {
      throw new BenchParseError(
        this.file,
        lineNo,
        `score ${JSON.stringify(scoreText)} is not a finite number`,
      );
    }
    const qid = cells[0]!;
    let q = this.queries.get(qid);
    if (!q) {
      q = { docids: [], scores: [], lines: [] };
      this.queries.set(qid, q);
    }
    q.docids.push(cells[2]!);
    q.scores.push(score);
    q.lines.push(lineNo);
    this.runId = cells[5]!;
  }

  /** The run read so far. @throws BenchParseError when no line carried a result. */
  finish(lastLine: number): Run {
    if (this.queries.size === 0) {
      throw new BenchParseError(
        this.file,
        Math.max(1, lastLine),
        'no results found (the run file is empty)',
      );
    }
    const queries = new Map<string, RankedDocs>();
    for (const [qid, q] of this.queries) {
      queries.set(qid, {
        docids: q.docids,
        scores: Float64Array.from(q.scores),
        lines: Int32Array.from(q.lines),
      });
    }
    return { runId: this.runId, queries, file: this.file };
  }
}

/**
 * Parses the text of a TREC run file.
 * @throws BenchParseError naming the file and 1-based line of the first bad line.
 */
export function parseRun(text: string, file: string): Run {
  const parser = new RunParser(file);
  let start = 0;
  let lineNo = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    parser.addLine(text.slice(start, end), lineNo);
    start = end + 1;
  }
  return parser.finish(lineNo);
}

/** Streams a TREC run file from disk line by line (runs can be larger than one string). */
export async function readRunFile(path: string): Promise<Run> {
  const parser = new RunParser(path);
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) parser.addLine(line, ++lineNo);
  return parser.finish(lineNo);
}

/** Builds a run from in-memory rankings (e.g. the exact kNN results), with score order kept as given. */
export function runFromLists(
  lists: Iterable<readonly [string, readonly { readonly docid: string; readonly score: number }[]]>,
  runId = 'embedding-gate',
): Run {
  const queries = new Map<string, RankedDocs>();
  for (const [qid, docs] of lists) {
    queries.set(qid, {
      docids: docs.map((d) => d.docid),
      scores: Float64Array.from(docs, (d) => d.score),
    });
  }
  return { runId, queries };
}
