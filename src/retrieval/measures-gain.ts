/**
 * Gain-based measures of trec_eval (ndcg, ndcg_cut, ndcg_rel, Rndcg, G). Gains are the
 * relevance levels (linear); the ideal ranking takes every judged document, highest level
 * first. Each function follows the loop of the matching trec_eval source file so that
 * floating-point sums are accumulated in the same order.
 */
import type { JudgedRanking } from './ranking.js';

/** Gain of a retrieved document: its level, 0 for non-judged and unjudged documents. */
function gainOf(rel: number, numLevels: number): number {
  return rel >= 0 && rel < numLevels ? rel : 0;
}

/**
 * trec_eval's walk down the ideal ranking (the cur_level / num_at_level loop repeated in
 * m_ndcg.c, m_G.c, ...): `gain` is the ideal gain at the position reached by the last
 * `advance()`, and 0 once the positive levels are used up.
 */
class IdealCursor {
  private level: number;
  private atLevel = 0;
  gain: number;

  constructor(private readonly levels: Int32Array) {
    this.level = levels.length - 1;
    this.gain = this.level >= 0 ? this.level : 0;
  }

  advance(): void {
    this.atLevel++;
    while (this.level >= 0 && this.atLevel > this.levels[this.level]!) {
      this.atLevel = 1;
      this.level--;
      this.gain = this.level >= 0 ? this.level : 0;
    }
  }
}

/** Discount of 0-based rank i: log2(i + 2), so rank 1 is undiscounted. */
function discount(i: number): number {
  return Math.log2(i + 2);
}

/** The positive ideal gains in order (best first). */
function idealGains(levels: Int32Array): number[] {
  const out: number[] = [];
  for (let g = levels.length - 1; g > 0; g--) for (let c = 0; c < levels[g]!; c++) out.push(g);
  return out;
}

/** m_ndcg.c: DCG of the whole ranking over DCG of the ideal ranking of all judged documents. */
export function ndcg(r: JudgedRanking): number {
  const L = r.relLevels.length;
  let dcg = 0;
  for (let i = 0; i < r.numRet; i++) {
    const g = gainOf(r.rels[i]!, L);
    if (g !== 0) dcg += g / discount(i);
  }
  const ideal = idealGains(r.relLevels);
  let idcg = 0;
  for (let i = 0; i < ideal.length; i++) idcg += ideal[i]! / discount(i);
  return idcg > 0 ? dcg / idcg : 0;
}

/** m_ndcg_cut.c: nDCG truncated at each cutoff, for the ranking and for the ideal alike. */
export function ndcgCut(r: JudgedRanking, cutoffs: readonly number[]): number[] {
  const L = r.relLevels.length;
  const ideal = idealGains(r.relLevels);
  return cutoffs.map((c) => {
    let dcg = 0;
    for (let i = 0; i < Math.min(c, r.numRet); i++) {
      const g = gainOf(r.rels[i]!, L);
      if (g !== 0) dcg += g / discount(i);
    }
    let idcg = 0;
    for (let i = 0; i < Math.min(c, ideal.length); i++) idcg += ideal[i]! / discount(i);
    return idcg > 0 ? dcg / idcg : 0;
  });
}

/** m_ndcg_rel.c: nDCG averaged at each relevant document (unretrieved ones at the end). */
export function ndcgRel(r: JudgedRanking): number {
  const L = r.relLevels.length;
  const ideal = new IdealCursor(r.relLevels);
  let dcg = 0;
  let idcg = 0;
  let sum = 0;
  let numRel = 0;
  let numRelRet = 0;
  let i = 0;
  for (; i < r.numRet && ideal.gain > 0; i++) {
    const g = gainOf(r.rels[i]!, L);
    if (g !== 0) dcg += g / discount(i);
    ideal.advance();
    if (ideal.gain > 0) {
      numRel++;
      idcg += ideal.gain / discount(i);
    }
    if (g > 0) {
      sum += dcg / idcg;
      numRelRet++;
    }
  }
  for (; i < r.numRet; i++) {
    const g = gainOf(r.rels[i]!, L);
    if (g !== 0) dcg += g / discount(i);
    if (g > 0) {
      sum += dcg / idcg;
      numRelRet++;
    }
  }
  for (; ideal.gain > 0; i++) {
    ideal.advance();
    if (ideal.gain > 0) {
      numRel++;
      idcg += ideal.gain / discount(i);
    }
  }
  sum += ((numRel - numRelRet) * dcg) / idcg;
  // NaN (no positive level at all) fails the test, as in C.
  return sum > 0 ? sum / numRel : 0;
}

/** m_Rndcg.c: nDCG averaged at the ranks where the ideal gain changes level. */
export function rndcg(r: JudgedRanking): number {
  if (r.numRel === 0) return 0;
  const L = r.relLevels.length;
  const ideal = new IdealCursor(r.relLevels);
  let oldGain = ideal.gain;
  let dcg = 0;
  let idcg = 0;
  let sum = 0;
  let changes = 0;
  let i = 0;
  for (; i < r.numRet && ideal.gain > 0; i++) {
    const g = gainOf(r.rels[i]!, L);
    ideal.advance();
    if (oldGain !== ideal.gain) {
      if (idcg > 0) {
        sum += dcg / idcg;
        changes++;
      }
      oldGain = ideal.gain;
    }
    if (g !== 0) dcg += g / discount(i);
    if (ideal.gain > 0) idcg += ideal.gain / discount(i);
  }
  if (i < r.numRet) {
    for (; i < r.numRet; i++) {
      const g = gainOf(r.rels[i]!, L);
      if (g !== 0) dcg += g / discount(i);
    }
    if (idcg > 0) {
      sum += dcg / idcg;
      changes++;
    }
  }
  for (; ideal.gain > 0; i++) {
    ideal.advance();
    if (oldGain !== ideal.gain) {
      if (idcg > 0) {
        sum += dcg / idcg;
        changes++;
      }
      oldGain = ideal.gain;
    }
    if (ideal.gain > 0) idcg += ideal.gain / discount(i);
  }
  return changes > 0 ? sum / changes : 0;
}

/** m_G.c: each document's gain discounted by log2(2 + ideal cost so far − gain so far). */
export function gMeasure(r: JudgedRanking): number {
  const L = r.relLevels.length;
  const ideal = new IdealCursor(r.relLevels);
  const minCost = 1;
  let sumResults = 0;
  let sumIdeal = 0;
  let sumCost = 0;
  let g2 = 0;
  let i = 0;
  for (; i < r.numRet && ideal.gain > 0; i++) {
    const g = gainOf(r.rels[i]!, L);
    sumResults += g;
    ideal.advance();
    if (ideal.gain > 0) sumIdeal += ideal.gain;
    sumCost += ideal.gain >= minCost ? ideal.gain : minCost;
    if (g !== 0) g2 += g / Math.log2(2 + sumCost - sumResults);
  }
  for (; i < r.numRet; i++) {
    const g = gainOf(r.rels[i]!, L);
    sumResults += g;
    sumCost += minCost;
    if (g !== 0) g2 += g / Math.log2(2 + sumCost - sumResults);
  }
  while (ideal.gain > 0) {
    ideal.advance();
    if (ideal.gain > 0) sumIdeal += ideal.gain;
  }
  return sumIdeal > 0 ? g2 / sumIdeal : 0;
}
