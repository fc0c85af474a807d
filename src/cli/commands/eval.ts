import { Command } from 'commander';
import { readQrelsFile } from '../../retrieval/qrels.js';
import { readRunFile } from '../../retrieval/run-file.js';
import { runTrecEval } from '../../retrieval/trec-eval.js';
import { EXIT, type CliIO } from '../context.js';
import { requireInputFile } from '../files.js';
import { collect } from '../options.js';

const EXAMPLES = `
Examples:
  $ embedding-gate eval --qrels qrels/test.tsv --run run.txt
  $ embedding-gate eval --qrels qrels.test --run results.test -q -m map -m P.5,10 -m ndcg_cut.10

Prints trec_eval's format ("measure<TAB>qid|all<TAB>value", 4 decimals) with trec_eval's
measure names and semantics: rank by score descending, ties by docid descending, the
rank column ignored; relevance threshold 1. qrels: BEIR TSV or TREC, auto-detected.
Exit codes: 0 printed, 2 unreadable input or unknown measure.`;

interface EvalOptions {
  qrels: string;
  run: string;
  q?: boolean;
  c?: boolean;
  m?: string[];
}

/** `embedding-gate eval`: trec_eval-identical measures of a run. */
export function evalCommand(io: CliIO, setExit: (code: number) => void): Command {
  return new Command('eval')
    .description('evaluate a TREC run against relevance judgments, exactly as trec_eval does')
    .requiredOption('--qrels <file>', 'relevance judgments: BEIR qrels TSV or TREC qrels')
    .requiredOption('--run <file>', 'TREC run file (qid Q0 docid rank score tag)')
    .option('-q', 'also print every measure for every query')
    .option('-c', 'average over every query in the qrels, counting missing ones as 0')
    .option(
      '-m <measure>',
      'a measure or family (map, P.5,10, ndcg_cut); repeatable; default all',
      collect,
    )
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', EXAMPLES)
    .action(async (opts: EvalOptions) => {
      const qrelsPath = await requireInputFile(
        io.cwd,
        opts.qrels,
        '--qrels',
        'a qrels file (BEIR TSV or TREC)',
      );
      const runPath = await requireInputFile(
        io.cwd,
        opts.run,
        '--run',
        'a TREC run file (qid Q0 docid rank score tag)',
      );
      const qrels = await readQrelsFile(qrelsPath);
      const run = await readRunFile(runPath);
      io.stdout(
        runTrecEval(qrels, run, { perQuery: opts.q, complete: opts.c, measures: opts.m ?? [] }),
      );
      setExit(EXIT.pass);
    });
}
