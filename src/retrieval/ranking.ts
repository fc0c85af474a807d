/**
 * trec_eval's view of one query: the retrieved documents ranked its way and looked up in
 * the judgments (form_res_rels.c). Every measure is computed from this record.
 */
import { BenchParseError, InvalidRunError } from './errors.js';
import type { Judgments } from './qrels.js';
import type { RankedDocs } from './run-file.js';

/** Relevance of a retrieved document that is absent from the qrels. */
export const RELVALUE_NONPOOL = -1;
/** Relevance of a retrieved document judged with a negative value (in the pool, not judged). */
export const RELVALUE_UNJUDGED = -2;
/** trec_eval's default `-l`: a document is relevant when its judgment is at least 1. */
export const RELEVANCE_LEVEL = 1;

/** One query's ranking with the judgments attached (trec_eval's RES_RELS). */
export interface JudgedRanking {
  /** Relevance by rank (0-based): the judgment, or RELVALUE_NONPOOL / RELVALUE_UNJUDGED. */
  readonly rels: Int32Array;
  /** relCum[k] = relevant documents among the first k retrieved (k = 0..numRet). */
  readonly relCum: Int32Array;
  readonly numRet: number;
  /** Judged documents with relevance ≥ RELEVANCE_LEVEL, retrieved or not. */
  readonly numRel: number;
  readonly numRelRet: number;
  readonly numNonpool: number;
  readonly numUnjudged: number;
  /** relLevels[g] = judged documents with relevance g (g ≥ 0), retrieved or not. */
  readonly relLevels: Int32Array;
}

/**
 * Byte order of the UTF-8 encodings, i.e. C's strcmp on what trec_eval reads. JavaScript's
 * `<` compares UTF-16 code units, which differs only between surrogates and U+E000..U+FFFF.
 */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        // Move surrogates (code points ≥ U+10000) above the rest of the BMP.
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : 1;
}

/**
 * Indices of `docs` in trec_eval's rank order: score descending, ties broken by document
 * id descending (byte order). The rank column of a run file plays no part.
 *
 * This is the hot loop of every evaluation, so instead of a comparator sort (a function
 * call per comparison) it sorts a copy of the scores natively, finds each score's group by
 * binary search and places indices with a counting sort; only groups of tied scores, rare
 * in real runs, go through a comparator. The test suite checks it against the obvious sort.
 */
export function rankOrder(docs: RankedDocs): Int32Array {
  const { docids, scores } = docs;
  const n = docids.length;
  const sorted = Float64Array.from(scores).sort();
  // group[i] = first position of scores[i] among the ascending scores (ties share it;
  // -0 and +0 tie, as they do for C's comparisons).
  const group = new Int32Array(n);
  const filled = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = scores[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    group[i] = lo;
  }
  const order = new Int32Array(n);
  let ties = false;
  for (let i = 0; i < n; i++) {
    const g = group[i]!;
    const k = filled[g]!;
    if (k > 0) ties = true;
    filled[g] = k + 1;
    order[n - 1 - (g + k)] = i;
  }
  if (ties) {
    for (let g = 0; g < n; g++) {
      const size = filled[g]!;
      if (size < 2) continue;
      const from = n - g - size;
      order.subarray(from, from + size).sort((i, j) => compareBytes(docids[j]!, docids[i]!));
    }
  }
  return order;
}

/** Counts of judged documents per non-negative relevance level. */
export function relevanceLevels(judgments: Judgments | undefined): Int32Array {
  let max = -1;
  if (judgments) for (const rel of judgments.values()) if (rel > max) max = rel;
  const levels = new Int32Array(max + 1);
  if (judgments) for (const rel of judgments.values()) if (rel >= 0) levels[rel]!++;
  return levels;
}

function duplicateError(
  qid: string,
  docs: RankedDocs,
  idx: number,
  file: string | undefined,
): Error {
  const docid = docs.docids[idx]!;
  const reason = `document ${JSON.stringify(docid)} is retrieved twice for query ${JSON.stringify(qid)}; trec_eval rejects runs with duplicate documents`;
  if (file !== undefined && docs.lines) {
    const first = docs.docids.indexOf(docid);
    const lineA = docs.lines[first]!;
    const lineB = docs.lines[idx]!;
    return new BenchParseError(
      file,
      Math.max(lineA, lineB),
      `${reason} (also at line ${Math.min(lineA, lineB)})`,
    );
  }
  return new InvalidRunError(qid, docid, reason);
}

/**
 * Ranks one query's documents and attaches the judgments. `docs` undefined means the
 * query retrieved nothing (trec_eval -c: a missing query scores 0 on every measure).
 *
 * @throws BenchParseError (run read from a file) or InvalidRunError on a duplicate
 *   document or a NaN score.
 */
export function judgeRanking(
  qid: string,
  judgments: Judgments | undefined,
  docs: RankedDocs | undefined,
  file?: string,
): JudgedRanking {
  const relLevels = relevanceLevels(judgments);
  let numRel = 0;
  for (let g = RELEVANCE_LEVEL; g < relLevels.length; g++) numRel += relLevels[g]!;

  const n = docs ? docs.docids.length : 0;
  const rels = new Int32Array(n);
  const relCum = new Int32Array(n + 1);
  let numRelRet = 0;
  let numNonpool = 0;
  let numUnjudged = 0;
  if (docs && n > 0) {
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(docs.scores[i]!))
        throw new InvalidRunError(qid, docs.docids[i]!, 'score is NaN');
    }
    const order = rankOrder(docs);
    const seen = new Set<string>();
    for (let k = 0; k < n; k++) {
      const idx = order[k]!;
      const docid = docs.docids[idx]!;
      const before = seen.size;
      seen.add(docid);
      if (seen.size === before) throw duplicateError(qid, docs, idx, file);
      const judged = judgments?.get(docid);
      let rel: number;
      if (judged === undefined) {
        rel = RELVALUE_NONPOOL;
        numNonpool++;
      } else if (judged < 0) {
        rel = RELVALUE_UNJUDGED;
        numUnjudged++;
      } else {
        rel = judged;
        if (rel >= RELEVANCE_LEVEL) numRelRet++;
      }
      rels[k] = rel;
      relCum[k + 1] = numRelRet;
    }
  }
  return { rels, relCum, numRet: n, numRel, numRelRet, numNonpool, numUnjudged, relLevels };
}

/** Relevant documents among the first `k` retrieved; beyond the list, nothing is relevant. */
export function relevantInTop(r: JudgedRanking, k: number): number {
  return r.relCum[Math.min(k, r.numRet)]!;
}
