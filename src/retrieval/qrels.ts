/**
 * Relevance judgments: BEIR qrels TSV (`query-id\tcorpus-id\tscore` header) and TREC
 * qrels (`qid 0 docid rel`), told apart by the first line.
 */
import { ConfigError } from '../config/document.js';
import { readTextFile, type TextReadError } from '../config/read-text.js';
import { BenchParseError } from './errors.js';

/** Judged documents of one query: docid → integer relevance (negative = in pool, unjudged). */
export type Judgments = ReadonlyMap<string, number>;

/** All judgments of a suite, by query id. */
export interface Qrels {
  readonly format: QrelsFormat;
  readonly queries: ReadonlyMap<string, Judgments>;
}

/** `trec`: `qid 0 docid rel` lines; `beir`: a TSV with the `query-id corpus-id score` header. */
export type QrelsFormat = 'trec' | 'beir';

const INTEGER = /^[+-]?\d+$/;
const BEIR_HEADER = ['query-id', 'corpus-id', 'score'];

/** True when a first content line is the BEIR header (tab or space separated, any case). */
function isBeirHeader(line: string): boolean {
  const cells = line.trim().split(/\s+/);
  return cells.length === 3 && cells.every((c, i) => c.toLowerCase() === BEIR_HEADER[i]);
}

/** Calls `visit` for every line that carries data: blank lines and `#` comments are skipped, as trec_eval does. */
function forEachContentLine(text: string, visit: (line: string, lineNo: number) => void): void {
  let start = 0;
  let lineNo = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) visit(line, lineNo);
    start = end + 1;
  }
}

/**
 * Parses a qrels file. `format: 'auto'` picks BEIR when the first content line is the
 * `query-id corpus-id score` header, TREC otherwise. Relevance must be an integer
 * (trec_eval's `atol` would silently read `1.5` as 1 and `x` as 0; we refuse both).
 * A (query, document) pair judged twice is an error, as it is for trec_eval.
 *
 * @throws BenchParseError with the file and 1-based line of the first bad line.
 */
export function parseQrels(
  text: string,
  file: string,
  format: QrelsFormat | 'auto' = 'auto',
): Qrels {
  const queries = new Map<string, Map<string, number>>();
  const lineOf = new Map<string, Map<string, number>>();
  let detected: QrelsFormat | undefined = format === 'auto' ? undefined : format;
  let first = true;

  const add = (qid: string, docid: string, relText: string, lineNo: number): void => {
    if (!INTEGER.test(relText)) {
      throw new BenchParseError(
        file,
        lineNo,
        `relevance ${JSON.stringify(relText)} is not an integer`,
      );
    }
    let docs = queries.get(qid);
    let lines = lineOf.get(qid);
    if (!docs || !lines) {
      docs = new Map();
      lines = new Map();
      queries.set(qid, docs);
      lineOf.set(qid, lines);
    }
    const earlier = lines.get(docid);
    if (earlier !== undefined) {
      throw new BenchParseError(
        file,
        lineNo,
        `document ${JSON.stringify(docid)} is judged twice for query ${JSON.stringify(qid)} (first at line ${earlier})`,
      );
    }
    docs.set(docid, Number.parseInt(relText, 10));
    lines.set(docid, lineNo);
  };

  forEachContentLine(text, (line, lineNo) => {
    if (first) {
      first = false;
      const header = isBeirHeader(line);
      detected ??= header ? 'beir' : 'trec';
      if (detected === 'beir') {
        if (!header) {
          throw new BenchParseError(
            file,
            lineNo,
            `expected the BEIR header "query-id\\tcorpus-id\\tscore", found ${JSON.stringify(line.trim())}`,
          );
        }
        return;
      }
    }
    if (detected === 'beir') {
      const cells = line.split('\t').map((c) => c.trim());
      if (cells.length !== 3 || cells.some((c) => c === '')) {
        const found = cells.filter((c) => c !== '').length;
        throw new BenchParseError(
          file,
          lineNo,
          `expected 3 tab-separated columns "query-id corpus-id score", found ${found}`,
        );
      }
      add(cells[0]!, cells[1]!, cells[2]!, lineNo);
    } else {
      const cells = line.trim().split(/\s+/);
      if (cells.length !== 4) {
        const hint =
          cells.length === 3
            ? ' (a BEIR qrels file starts with the header "query-id\\tcorpus-id\\tscore")'
            : '';
        throw new BenchParseError(
          file,
          lineNo,
          `expected 4 columns "qid 0 docid rel", found ${cells.length}${hint}`,
        );
      }
      add(cells[0]!, cells[2]!, cells[3]!, lineNo);
    }
  });

  if (queries.size === 0) {
    throw new BenchParseError(
      file,
      1,
      'no judgments found (the file is empty or has only a header and comments)',
    );
  }
  return { format: detected ?? 'trec', queries };
}

/**
 * Reads and parses a qrels file from disk (UTF-8). With `workspace`, the file actually opened
 * must lie inside it. Throws ConfigError when it cannot be read, BenchParseError when it
 * does not parse.
 */
export async function readQrelsFile(
  path: string,
  format: QrelsFormat | 'auto' = 'auto',
  workspace?: string,
): Promise<Qrels> {
  let text: string;
  try {
    text = await readTextFile(path, workspace);
  } catch (err) {
    throw new ConfigError(`${path}: cannot read the qrels: ${(err as TextReadError).detail}`);
  }
  return parseQrels(text, path, format);
}
