/**
 * `trec_eval [-q] [-c] [-m measure[.params]]...` over parsed qrels and a run, printing
 * exactly what trec_eval 10 prints for the measures in measures.ts.
 */
import { formatFixed } from './c-format.js';
import { EvaluationError, UnknownMetricError } from './errors.js';
import { FAMILY_BY_NAME, MEASURE_FAMILIES, relString, type MeasureFamily } from './measures.js';
import { FRIENDLY_CUTOFF, FRIENDLY_PLAIN } from './metrics.js';
import type { Qrels } from './qrels.js';
import { compareBytes, judgeRanking } from './ranking.js';
import type { Run } from './run-file.js';

/** Output order: trec_eval's measure table, restricted to what is supported. */
const PRINT_ORDER: readonly string[] = [
  'runid',
  'num_q',
  ...MEASURE_FAMILIES.slice(0, MEASURE_FAMILIES.findIndex((f) => f.name === 'P') + 1).map(
    (f) => f.name,
  ),
  'relstring',
  ...MEASURE_FAMILIES.slice(MEASURE_FAMILIES.findIndex((f) => f.name === 'P') + 1).map(
    (f) => f.name,
  ),
];
const SPECIAL = new Set(['runid', 'num_q', 'relstring']);

/** trec_eval's nicknames (measures.c), restricted to supported measures. */
const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  official: [
    'runid',
    'num_q',
    'num_ret',
    'num_rel',
    'num_rel_ret',
    'map',
    'gm_map',
    'Rprec',
    'bpref',
    'recip_rank',
    'iprec_at_recall',
    'P',
  ],
  set: [
    'runid',
    'num_q',
    'num_ret',
    'num_rel',
    'num_rel_ret',
    'utility',
    'set_P',
    'set_recall',
    'set_relative_P',
    'set_map',
    'set_F',
  ],
  all_trec: PRINT_ORDER,
};

/** Options of {@link runTrecEval}, named after trec_eval's flags. */
export interface TrecEvalOptions {
  /** -q: also print every measure for every query. */
  readonly perQuery?: boolean;
  /** -c: average over every query in the qrels; a query missing from the run scores 0. */
  readonly complete?: boolean;
  /** -m arguments; without any, every supported measure is printed. */
  readonly measures?: readonly string[];
}

/** Requested families and their cutoffs (undefined: the family's defaults or none). */
export type MeasureRequests = ReadonlyMap<string, readonly number[] | undefined>;

const MEASURE_FORMS = [
  'a measure name (map, ndcg, P, ndcg_cut, ...)',
  'name.cutoffs (P.5,10)',
  'an expanded name (P_5, iprec_at_recall_0.50)',
  'a nickname (official, set, all_trec)',
];

function parseCutoffs(arg: string, family: MeasureFamily, text: string): number[] {
  const spec = family.cutoffs;
  if (!spec)
    throw new UnknownMetricError(arg, MEASURE_FORMS, `${family.name} takes no parameters here`);
  const values = text.split(',').map((t) => {
    const v = Number(t.trim());
    const ok =
      t.trim() !== '' &&
      Number.isFinite(v) &&
      (spec.kind === 'fraction' || (Number.isInteger(v) && v > 0));
    if (!ok) {
      const want = spec.kind === 'rank' ? 'positive integers' : 'numbers';
      throw new UnknownMetricError(
        arg,
        MEASURE_FORMS,
        `cutoffs of ${family.name} must be ${want}, found ${JSON.stringify(t)}`,
      );
    }
    return v;
  });
  return values;
}

/** Splits `P_5` or `iprec_at_recall_0.50` into its family and cutoff, when it is one. */
function splitExpanded(name: string): { family: MeasureFamily; cutoff: string } | undefined {
  const m = /^(.+)_(\d+(?:\.\d+)?)$/.exec(name);
  const family = m ? FAMILY_BY_NAME.get(m[1]!) : undefined;
  if (!m || !family?.cutoffs) return undefined;
  return { family, cutoff: m[2]! };
}

/**
 * Reads -m arguments the way trec_eval does: a measure, `measure.p1,p2`, or a nickname.
 * Expanded names (`P_5`) are also accepted. Cutoffs given for one family in several
 * arguments are merged (trec_eval would keep only the first argument's).
 *
 * @throws UnknownMetricError for an unsupported name or malformed cutoffs.
 */
export function parseMeasureRequests(args: readonly string[]): MeasureRequests {
  if (args.length === 0) return new Map(PRINT_ORDER.map((n) => [n, undefined]));
  const requests = new Map<string, number[] | undefined>();
  const addCutoffs = (name: string, cutoffs: number[]): void => {
    const merged = new Set([...(requests.get(name) ?? []), ...cutoffs]);
    requests.set(
      name,
      [...merged].sort((a, b) => a - b),
    );
  };
  for (const arg of args) {
    // The contracts' spelling: `ndcg@10` asks for `ndcg_cut.10`, `mrr` for `recip_rank`.
    const friendly = /^([a-z]+)@(\d+)$/i.exec(arg);
    const friendlyFamily = friendly && FRIENDLY_CUTOFF[friendly[1]!.toLowerCase()];
    if (friendly && friendlyFamily) {
      addCutoffs(
        friendlyFamily,
        parseCutoffs(arg, FAMILY_BY_NAME.get(friendlyFamily)!, friendly[2]!),
      );
      continue;
    }
    const plain = FRIENDLY_PLAIN[arg.toLowerCase()];
    if (plain && !FAMILY_BY_NAME.has(arg)) {
      if (!requests.has(plain)) requests.set(plain, undefined);
      continue;
    }
    const dot = arg.indexOf('.');
    const head = dot >= 0 ? arg.slice(0, dot) : arg;
    const params = dot >= 0 ? arg.slice(dot + 1) : undefined;
    const family = FAMILY_BY_NAME.get(head);
    if (params !== undefined && family) {
      addCutoffs(head, parseCutoffs(arg, family, params));
    } else if (params === undefined && (family || SPECIAL.has(head))) {
      if (!requests.has(head)) requests.set(head, undefined);
    } else if (params === undefined && NICKNAMES[head]) {
      for (const n of NICKNAMES[head]) if (!requests.has(n)) requests.set(n, undefined);
    } else {
      const expanded = splitExpanded(arg);
      if (!expanded) throw new UnknownMetricError(arg, MEASURE_FORMS);
      addCutoffs(expanded.family.name, parseCutoffs(arg, expanded.family, expanded.cutoff));
    }
  }
  return requests;
}

/** Name of each value of a family: `P_5`, `iprec_at_recall_0.10` (C's `%3.2f`), or the family name. */
export function valueNames(family: MeasureFamily, cutoffs: readonly number[]): string[] {
  if (!family.cutoffs) return [family.name];
  return cutoffs.map(
    (c) => `${family.name}_${family.cutoffs?.kind === 'fraction' ? formatFixed(c, 2) : String(c)}`,
  );
}

/** Per-query values of the requested families over the evaluated queries (in byte order of qid). */
export interface Evaluation {
  readonly qids: readonly string[];
  /** family → per query (same order as qids) → one value per cutoff. */
  readonly values: ReadonlyMap<string, readonly (readonly number[])[]>;
  readonly relStrings: readonly string[];
  readonly cutoffs: ReadonlyMap<string, readonly number[]>;
}

/**
 * Evaluates the requested families. Without `complete`, only queries both judged and in
 * the run count (queries only in the run are always ignored, as by trec_eval).
 *
 * @throws EvaluationError when no query can be evaluated; errors of judgeRanking.
 */
export function evaluate(
  qrels: Qrels,
  run: Run,
  requests: MeasureRequests,
  complete: boolean,
): Evaluation {
  const qids = [...qrels.queries.keys()]
    .filter((q) => complete || run.queries.has(q))
    .sort(compareBytes);
  if (qids.length === 0) {
    throw new EvaluationError(
      'no query has both judgments and results (trec_eval would stop here too)',
    );
  }
  const families: { family: MeasureFamily; cutoffs: readonly number[] }[] = [];
  const cutoffsOf = new Map<string, readonly number[]>();
  for (const family of MEASURE_FAMILIES) {
    if (!requests.has(family.name)) continue;
    const cutoffs = requests.get(family.name) ?? family.cutoffs?.defaults ?? [];
    families.push({ family, cutoffs });
    cutoffsOf.set(family.name, cutoffs);
  }
  const values = new Map<string, number[][]>(families.map((f) => [f.family.name, []]));
  const relStrings: string[] = [];
  const wantRelString = requests.has('relstring');
  for (const qid of qids) {
    const r = judgeRanking(qid, qrels.queries.get(qid), run.queries.get(qid), run.file);
    for (const { family, cutoffs } of families)
      values.get(family.name)!.push(family.compute(r, cutoffs));
    if (wantRelString) relStrings.push(relString(r));
  }
  return { qids, values, relStrings, cutoffs: cutoffsOf };
}

function line(name: string, qid: string, value: string): string {
  return `${name.padEnd(22)}\t${qid}\t${value}`;
}

function formatValue(family: MeasureFamily, v: number): string {
  return family.integer ? String(Math.trunc(v)) : formatFixed(v, 4);
}

/**
 * Runs the evaluation and renders it exactly as trec_eval prints it: `%-22s\t%s\t%6.4f`
 * (or `%ld` for counts), per-query blocks first with -q, then the `all` lines.
 *
 * @throws UnknownMetricError, EvaluationError, BenchParseError, InvalidRunError.
 */
export function runTrecEval(qrels: Qrels, run: Run, options: TrecEvalOptions = {}): string {
  const requests = parseMeasureRequests(options.measures ?? []);
  const ev = evaluate(qrels, run, requests, options.complete ?? false);
  const printed = PRINT_ORDER.filter((n) => requests.has(n));
  const out: string[] = [];

  if (options.perQuery) {
    ev.qids.forEach((qid, qi) => {
      for (const name of printed) {
        if (name === 'relstring') out.push(`${name.padEnd(22)}\t${qid}\t'${ev.relStrings[qi]}'`);
        const family = FAMILY_BY_NAME.get(name);
        if (!family?.perQuery) continue;
        const names = valueNames(family, ev.cutoffs.get(name)!);
        const vals = ev.values.get(name)![qi]!;
        names.forEach((n, k) => out.push(line(n, qid, formatValue(family, vals[k]!))));
      }
    });
  }

  const n = ev.qids.length;
  for (const name of printed) {
    if (name === 'runid') out.push(line('runid', 'all', run.runId));
    if (name === 'num_q') out.push(line('num_q', 'all', String(n)));
    const family = FAMILY_BY_NAME.get(name);
    if (!family) continue;
    const names = valueNames(family, ev.cutoffs.get(name)!);
    const perQuery = ev.values.get(name)!;
    names.forEach((valueName, k) => {
      // Summed in query order, like trec_eval's accumulator, so rounding matches.
      let sum = 0;
      for (const vals of perQuery) sum += vals[k]!;
      const v =
        family.summary === 'sum' ? sum : family.summary === 'mean' ? sum / n : Math.exp(sum / n);
      out.push(line(valueName, 'all', formatValue(family, v)));
    });
  }
  return out.map((l) => `${l}\n`).join('');
}
