/**
 * The trec_eval measures this project supports, in trec_eval's table order (measures.c),
 * each computed from one query's JudgedRanking exactly as the matching m_*.c file does.
 * Where trec_eval would divide by zero (only for a query without relevant documents),
 * the value is 0 rather than NaN.
 */
import { gMeasure, ndcg, ndcgCut, ndcgRel, rndcg } from './measures-gain.js';
import {
  RELEVANCE_LEVEL,
  RELVALUE_NONPOOL,
  RELVALUE_UNJUDGED,
  relevantInTop,
  type JudgedRanking,
} from './ranking.js';

/** trec_eval's floor for geometric means (MIN_GEO_MEAN). */
export const MIN_GEO_MEAN = 0.00001;
const INFAP_EPSILON = 0.00001;

/** How the `all` line is formed from the per-query values. */
export type SummaryRule = 'mean' | 'sum' | 'geometric';

/** A family of measures: one value, or one value per cutoff (`P_5`, `P_10`, ...). */
export interface MeasureFamily {
  readonly name: string;
  /** Printed as an integer (`%ld`) rather than `%6.4f`. */
  readonly integer: boolean;
  readonly summary: SummaryRule;
  /** Printed for each query with -q (gm_map and gm_bpref are summary-only). */
  readonly perQuery: boolean;
  /** Cutoff parameters: integers (ranks) or decimals (fractions of R), with defaults. */
  readonly cutoffs?: { readonly kind: 'rank' | 'fraction'; readonly defaults: readonly number[] };
  /** One value per cutoff, or a single value when the family has no cutoffs. */
  compute(r: JudgedRanking, cutoffs: readonly number[]): number[];
}

const RANKS = [5, 10, 15, 20, 30, 100, 200, 500, 1000];
const TENTHS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

function isRel(rel: number): boolean {
  return rel >= RELEVANCE_LEVEL;
}

/** Average precision over the first `limit` documents (m_map.c, m_map_cut.c). */
function averagePrecision(r: JudgedRanking, limit: number): number {
  let relSoFar = 0;
  let sum = 0;
  const n = Math.min(limit, r.numRet);
  for (let i = 0; i < n; i++) {
    if (isRel(r.rels[i]!)) {
      relSoFar++;
      sum += relSoFar / (i + 1);
    }
  }
  return relSoFar > 0 ? sum / r.numRel : 0;
}

function bpref(r: JudgedRanking): number {
  let numNonrel = 0;
  for (let g = 0; g < RELEVANCE_LEVEL && g < r.relLevels.length; g++) numNonrel += r.relLevels[g]!;
  let nonrelSoFar = 0;
  let sum = 0;
  for (let j = 0; j < r.numRet; j++) {
    const rel = r.rels[j]!;
    if (rel === RELVALUE_NONPOOL || rel === RELVALUE_UNJUDGED) continue;
    if (rel < RELEVANCE_LEVEL) nonrelSoFar++;
    else if (nonrelSoFar > 0) {
      sum += 1 - Math.min(nonrelSoFar, r.numRel) / Math.min(numNonrel, r.numRel);
    } else sum += 1;
  }
  return r.numRel > 0 ? sum / r.numRel : sum;
}

function infAP(r: JudgedRanking): number {
  let relSoFar = 0;
  let nonrelSoFar = 0;
  let unjudgedSoFar = 0;
  let sum = 0;
  for (let j = 0; j < r.numRet; j++) {
    const rel = r.rels[j]!;
    if (rel === RELVALUE_NONPOOL) continue;
    if (rel === RELVALUE_UNJUDGED) {
      unjudgedSoFar++;
      continue;
    }
    if (rel < RELEVANCE_LEVEL) {
      nonrelSoFar++;
      continue;
    }
    relSoFar++;
    if (j === 0) sum += 1;
    else {
      const fj = j;
      sum +=
        1 / (fj + 1) +
        (fj / (fj + 1)) *
          ((relSoFar - 1 + nonrelSoFar + unjudgedSoFar) / fj) *
          ((relSoFar - 1 + INFAP_EPSILON) / (relSoFar - 1 + nonrelSoFar + 2 * INFAP_EPSILON));
    }
  }
  return r.numRel > 0 ? sum / r.numRel : sum;
}

/**
 * Interpolated precision at recall fractions (m_iprec_at_recall.c). trec_eval 10 turns a
 * fraction into a count of relevant documents with lround; returns one value per fraction.
 */
function interpolatedPrecision(r: JudgedRanking, fractions: readonly number[]): number[] {
  const out = fractions.map(() => 0);
  const cutoffs = fractions.map((f) => Math.round(f * r.numRel));
  let cut = cutoffs.length - 1;
  while (cut >= 0 && cutoffs[cut]! > r.numRelRet) cut--;
  let intPrecis = r.numRet > 0 ? r.numRelRet / r.numRet : 0;
  let relSoFar = r.numRelRet;
  for (let i = r.numRet; i > 0 && relSoFar > 0; i--) {
    const precis = relSoFar / i;
    if (intPrecis < precis) intPrecis = precis;
    if (isRel(r.rels[i - 1]!)) {
      while (cut >= 0 && relSoFar === cutoffs[cut]) out[cut--] = intPrecis;
      relSoFar--;
    }
  }
  while (cut >= 0) out[cut--] = intPrecis;
  return out;
}

/** Precision at multiples of R (m_Rprec_mult.c: fraction × R + 0.9, truncated). */
function rprecMult(r: JudgedRanking, fractions: readonly number[]): number[] {
  const out = fractions.map(() => 0);
  const cutoffs = fractions.map((f) => Math.trunc(f * r.numRel + 0.9));
  let cut = cutoffs.length - 1;
  while (cut >= 0 && cutoffs[cut]! > r.numRet) {
    out[cut] = r.numRelRet / cutoffs[cut]!;
    cut--;
  }
  let relSoFar = r.numRelRet;
  for (let i = r.numRet; i > 0 && relSoFar > 0; i--) {
    const precis = relSoFar / i;
    while (cut >= 0 && i === cutoffs[cut]) out[cut--] = precis;
    if (isRel(r.rels[i - 1]!)) relSoFar--;
  }
  return out;
}

function binG(r: JudgedRanking): number {
  let relSoFar = 0;
  let sum = 0;
  for (let i = 0; i < r.numRet; i++) {
    if (isRel(r.rels[i]!)) {
      relSoFar++;
      sum += 1 / Math.log2(3 + i - relSoFar);
    }
  }
  return relSoFar > 0 ? sum / r.numRel : 0;
}

/** Persistence of rbp and rbp_resid (trec_eval's default p). */
const RBP_P = 0.9;

/**
 * Rank-biased precision (m_rbp.c). Gains are the levels, rescaled to [0, 1] by the
 * smallest and largest level when they fall outside it. trec_eval leaves that min and
 * max uninitialised; the values here are the intended ones, and they reproduce its output.
 */
function rbp(r: JudgedRanking): number {
  const L = r.relLevels.length;
  const scale = L - 1 > 1 ? L - 1 : 1;
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < r.numRet; i++) {
    const rel = r.rels[i]!;
    const gain = rel >= 0 && rel < L ? rel / scale : 0;
    if (gain !== 0) sum += gain * weight;
    weight *= RBP_P;
  }
  return (1 - RBP_P) * sum;
}

/** The rbp weight left to unjudged documents and to ranks past the end (m_rbp_resid.c). */
function rbpResidual(r: JudgedRanking): number {
  let unjudged = 0;
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < r.numRet; i++) {
    if (r.rels[i]! < 0) {
      unjudged++;
      sum += weight;
    }
    weight *= RBP_P;
  }
  return unjudged > 0 ? weight + (1 - RBP_P) * sum : 0;
}

function unjudgedInTop(r: JudgedRanking, c: number): number {
  let unj = 0;
  for (let i = 0; i < Math.min(c, r.numRet); i++) if (r.rels[i]! < 0) unj++;
  return unj / c;
}

const logFloor = (x: number): number => Math.log(Math.max(x, MIN_GEO_MEAN));
const ratio = (num: number, den: number): number => (den > 0 ? num / den : 0);

function single(
  name: string,
  compute: (r: JudgedRanking) => number,
  extra: Partial<Pick<MeasureFamily, 'integer' | 'summary' | 'perQuery'>> = {},
): MeasureFamily {
  return {
    name,
    integer: extra.integer ?? false,
    summary: extra.summary ?? 'mean',
    perQuery: extra.perQuery ?? true,
    compute: (r) => [compute(r)],
  };
}

function cut(
  name: string,
  kind: 'rank' | 'fraction',
  defaults: readonly number[],
  compute: (r: JudgedRanking, cutoffs: readonly number[]) => number[],
): MeasureFamily {
  return {
    name,
    integer: false,
    summary: 'mean',
    perQuery: true,
    cutoffs: { kind, defaults },
    compute,
  };
}

const count = { integer: true, summary: 'sum' } as const;

/** Numeric measure families, in trec_eval's order. runid, num_q and relstring are handled by the printer. */
export const MEASURE_FAMILIES: readonly MeasureFamily[] = [
  single('num_ret', (r) => r.numRet, count),
  single('num_rel', (r) => r.numRel, count),
  single('num_rel_ret', (r) => r.numRelRet, count),
  single('map', (r) => averagePrecision(r, r.numRet)),
  single('gm_map', (r) => logFloor(averagePrecision(r, r.numRet)), {
    summary: 'geometric',
    perQuery: false,
  }),
  single('Rprec', (r) => ratio(relevantInTop(r, Math.min(r.numRet, r.numRel)), r.numRel)),
  single('bpref', bpref),
  single('recip_rank', (r) => {
    for (let i = 0; i < r.numRet; i++) if (isRel(r.rels[i]!)) return 1 / (i + 1);
    return 0;
  }),
  cut('iprec_at_recall', 'fraction', TENTHS, interpolatedPrecision),
  cut('P', 'rank', RANKS, (r, cs) => cs.map((c) => relevantInTop(r, c) / c)),
  cut('recall', 'rank', RANKS, (r, cs) => cs.map((c) => ratio(relevantInTop(r, c), r.numRel))),
  single('infAP', infAP),
  single('gm_bpref', (r) => logFloor(bpref(r)), { summary: 'geometric', perQuery: false }),
  cut('Rprec_mult', 'fraction', [0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.8, 2], rprecMult),
  // Default coefficients 1, -1, 0, 0: relevant retrieved minus nonrelevant retrieved.
  single('utility', (r) => r.numRelRet - (r.numRet - r.numRelRet)),
  single(
    '11pt_avg',
    (r) => interpolatedPrecision(r, TENTHS).reduce((a, b) => a + b, 0) / TENTHS.length,
  ),
  single('binG', binG),
  single('G', gMeasure),
  single('ndcg', ndcg),
  single('ndcg_rel', ndcgRel),
  single('Rndcg', rndcg),
  cut('ndcg_cut', 'rank', RANKS, ndcgCut),
  cut('map_cut', 'rank', RANKS, (r, cs) => cs.map((c) => averagePrecision(r, c))),
  cut('relative_P', 'rank', RANKS, (r, cs) =>
    cs.map((c) => ratio(relevantInTop(r, c), Math.min(c, r.numRel))),
  ),
  cut('success', 'rank', [1, 5, 10], (r, cs) => cs.map((c) => (relevantInTop(r, c) > 0 ? 1 : 0))),
  single('set_P', (r) => ratio(r.numRelRet, r.numRet)),
  single('set_relative_P', (r) => ratio(r.numRelRet, Math.min(r.numRet, r.numRel))),
  single('set_recall', (r) => ratio(r.numRelRet, r.numRel)),
  single('set_map', (r) =>
    r.numRet > 0 && r.numRel > 0 ? (r.numRelRet * r.numRelRet) / (r.numRet * r.numRel) : 0,
  ),
  single('set_F', (r) => {
    const p = ratio(r.numRelRet, r.numRet);
    const rc = ratio(r.numRelRet, r.numRel);
    return p + rc > 0 ? (2 * p * rc) / (p + rc) : 0;
  }),
  single(
    'num_nonrel_judged_ret',
    (r) => r.numRet - r.numNonpool - r.numUnjudged - r.numRelRet,
    count,
  ),
  single('rbp', rbp),
  single('rbp_resid', rbpResidual),
  cut('unj', 'rank', [5, 10, 20], (r, cs) => cs.map((c) => unjudgedInTop(r, c))),
];

/** Families by name. */
export const FAMILY_BY_NAME: ReadonlyMap<string, MeasureFamily> = new Map(
  MEASURE_FAMILIES.map((f) => [f.name, f]),
);

/** trec_eval's relstring: relevance of the first `len` documents, one character each. */
export function relString(r: JudgedRanking, len = 10): string {
  let s = '';
  for (let i = 0; i < Math.min(len, r.numRet); i++) {
    const rel = r.rels[i]!;
    if (rel > 9) s += '>';
    else if (rel >= 0) s += String(rel);
    else if (rel === RELVALUE_NONPOOL) s += '-';
    else s += '.';
  }
  return s;
}
