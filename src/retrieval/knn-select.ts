/**
 * The ranking rule and the per-query top-k list that block results are merged into.
 *
 * Ranking is trec_eval's: score descending, then document id descending by string
 * comparison (trec_eval compares docnos with strcmp, i.e. UTF-8 bytes, i.e. code points).
 */
import type { KnnMetric } from './knn-graph.js';
import { compareBytes } from './ranking.js';

/** One neighbour: the corpus id, its 0-based row in the corpus, and its score (higher is better). */
export interface KnnHit {
  readonly id: string;
  readonly row: number;
  readonly score: number;
}

/** Compares two ids as trec_eval does (UTF-8 byte order, i.e. code points); the one rule lives in ranking.ts. */
export const compareIds: (a: string, b: string) => number = compareBytes;

/** True when `a` ranks before `b`: higher score, or equal score and greater id. */
export function ranksBefore(aScore: number, aId: string, bScore: number, bId: string): boolean {
  return aScore > bScore || (aScore === bScore && compareIds(aId, bId) > 0);
}

/** Sort comparator putting the best hit first (row number last, should ids repeat). */
export function byRank(a: KnnHit, b: KnnHit): number {
  return b.score - a.score || compareIds(b.id, a.id) || a.row - b.row;
}

/** The best `k` hits seen so far for one query, best first. */
export class TopKList {
  private hits: KnnHit[] = [];

  constructor(readonly k: number) {}

  /** True once `k` hits are held: then only hits ranking before the last can enter. */
  get full(): boolean {
    return this.hits.length >= this.k;
  }

  /** The score of the k-th hit, or -Infinity while fewer than k are held. */
  get threshold(): number {
    return this.full ? (this.hits[this.k - 1] as KnnHit).score : Number.NEGATIVE_INFINITY;
  }

  /** Whether a hit with this score could still enter (its id decides when it equals the threshold). */
  mayEnter(score: number): boolean {
    return !this.full || score >= this.threshold;
  }

  /** Merges candidates (any order); keeps the best k by the ranking rule. */
  merge(candidates: readonly KnnHit[]): void {
    if (candidates.length === 0) return;
    const last = this.full ? (this.hits[this.k - 1] as KnnHit) : undefined;
    const entering = last
      ? candidates.filter((c) => ranksBefore(c.score, c.id, last.score, last.id))
      : candidates;
    if (entering.length === 0) return;
    // Block results arrive sorted by score, so this sort is near-linear; then a linear merge.
    const incoming: KnnHit[] = entering === candidates ? [...candidates] : (entering as KnnHit[]);
    incoming.sort(byRank);
    const held = this.hits;
    const merged: KnnHit[] = [];
    let a = 0;
    let b = 0;
    while (merged.length < this.k && (a < held.length || b < incoming.length)) {
      const x = held[a];
      const y = incoming[b];
      if (y === undefined || (x !== undefined && byRank(x, y) <= 0)) {
        merged.push(x as KnnHit);
        a++;
      } else {
        merged.push(y);
        b++;
      }
    }
    this.hits = merged;
  }

  /** The hits, best first. */
  result(): KnnHit[] {
    return this.hits.slice();
  }
}

export interface KnnStats {
  readonly corpusRows: number;
  readonly blocks: number;
  /** onnxruntime runs of the kNN graph. */
  readonly runs: number;
  /** Rows re-scored exactly in float64 (over all queries). */
  readonly exactScores: number;
  /** Query × block pairs whose TopK cut was too close to call, scored in full. */
  readonly fullRescans: number;
}

/** The neighbours of every query, in query order. */
export interface KnnResult {
  readonly metric: KnnMetric;
  readonly k: number;
  readonly dims: number;
  /** Query ids (the given ids, or row numbers as strings). */
  readonly queryIds: readonly string[];
  /** Per query, min(k, corpus rows) hits: score descending, then id descending. */
  readonly hits: readonly (readonly KnnHit[])[];
  readonly stats: KnnStats;
}
