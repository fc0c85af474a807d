/**
 * TREC run files from kNN results: `qid Q0 docid rank score tag`, one line per hit.
 *
 * trec_eval ignores the rank column: it re-sorts each query's lines by score descending,
 * then docno descending (strcmp). So the printed scores must keep the order of the
 * computed ones: every score is printed with the fewest digits (at least 6 significant)
 * that read back to the same float32, so distinct scores never print equal, and equal
 * scores are already ordered by id descending — the order trec_eval rebuilds.
 */
import type { KnnResult } from './knn-select.js';
import { KnnInputError } from './knn-input.js';

/** A score as the shortest decimal (≥ 6 significant digits, trailing zeros dropped) that rounds back to the same float32. */
export function formatScore(score: number): string {
  if (!Number.isFinite(score)) return String(score);
  const target = Math.fround(score);
  let text = target.toPrecision(9);
  for (let p = 6; p < 9; p++) {
    const candidate = target.toPrecision(p);
    if (Math.fround(Number(candidate)) === target) {
      text = candidate;
      break;
    }
  }
  return stripZeros(text);
}

function stripZeros(text: string): string {
  const [mantissa = text, exponent] = text.split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  const sign = trimmed === '-0' ? '0' : trimmed;
  return exponent === undefined ? sign : `${sign}e${exponent}`;
}

const WHITESPACE = /\s/;

function checkField(value: string, what: string): string {
  if (value === '' || WHITESPACE.test(value)) {
    throw new KnnInputError(
      'bad-id',
      `TREC run: ${what} ${JSON.stringify(value)} is empty or contains whitespace`,
    );
  }
  return value;
}

/** The run's lines (each ending in a newline), query by query, for streaming to a file. */
export function* trecRunLines(result: KnnResult, tag: string): Generator<string> {
  checkField(tag, 'run tag');
  for (let q = 0; q < result.hits.length; q++) {
    const qid = checkField(result.queryIds[q] ?? String(q), 'query id');
    const hits = result.hits[q] ?? [];
    for (let r = 0; r < hits.length; r++) {
      const hit = hits[r] as (typeof hits)[number];
      yield `${qid} Q0 ${checkField(hit.id, 'document id')} ${r + 1} ${formatScore(hit.score)} ${tag}\n`;
    }
  }
}

/** The whole TREC run file as one string (see {@link trecRunLines} to stream it). */
export function writeTrecRun(result: KnnResult, tag: string): string {
  let out = '';
  for (const line of trecRunLines(result, tag)) out += line;
  return out;
}
