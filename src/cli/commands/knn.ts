import { redactUrl } from '../../config/paths.js';
import { Command, Option } from 'commander';
import { exactKnn, readQueries, trecRunLines, type KnnMetric } from '../../retrieval/knn.js';
import { writeLinesAtomic } from '../../fsutil/atomic-write.js';
import { openVectors } from '../../vectors/open.js';
import { EXIT, UsageError, type CliIO } from '../context.js';
import { writeFileAtomic } from '../../fsutil/atomic-write.js';
import { knnShard } from '../../gate/partial-knn.js';
import { serialisePartial } from '../../gate/partial.js';
import { parseShard } from '../../gate/shard.js';
import { VERSION } from '../../version.js';
import { isRemoteInput, optionalInputFile, requireVectorsInput } from '../files.js';
import { allowRemoteOption, positiveInt, shardOptions } from '../options.js';
import { defaultDeps } from '../../gate/default-deps.js';
import { requireOutputFile } from '../output.js';
import { progressDisplay, withProgress } from '../progress.js';
import { count } from '../../config/numbers.js';

const EXAMPLES = `
Examples:
  $ embedding-gate knn --queries queries.arrow --corpus vectors.arrow -k 100 --output run.txt
  $ embedding-gate knn --queries q.npy --query-ids q.txt --corpus c.npy --corpus-ids c.txt --metric dot --output run.txt

Writes a TREC run file: "qid Q0 docid rank score tag", scores descending, ties by docid
descending (trec_eval's order). Without ids, 0-based row numbers are the ids.
Exit codes: 0 written, 2 could not run (unreadable input, dims or dtype mismatch).`;

interface KnnOptions {
  queries: string;
  corpus: string;
  queryIds?: string;
  corpusIds?: string;
  k: number;
  metric: KnnMetric;
  output?: string;
  tag: string;
  threads?: number;
  shard?: string;
  partial?: string;
  allowRemote?: boolean;
  quiet?: boolean;
}

/** `embedding-gate knn`: exact top-k retrieval into a TREC run file. */
export function knnCommand(io: CliIO, setExit: (code: number) => void): Command {
  const command = new Command('knn')
    .description('exact k-nearest-neighbour retrieval (onnxruntime, CPU) into a TREC run file')
    .requiredOption('--queries <file>', 'query vectors (any supported format)')
    .requiredOption('--corpus <file>', 'corpus vectors (any supported format; streamed)')
    .option('--query-ids <file>', 'sidecar ids of the queries (npy, binary)')
    .option('--corpus-ids <file>', 'sidecar ids of the corpus (npy, binary)')
    .option('-k, --k <n>', 'neighbours per query', positiveInt('-k', 100_000), 10)
    .addOption(
      new Option('--metric <metric>', 'similarity')
        .choices(['cosine', 'dot', 'l2'])
        .default('cosine'),
    )
    .option('--output <file>', 'the TREC run file to write (atomically); not with --partial')
    .option('--tag <name>', 'run tag (last column)', 'embedding-gate')
    .option(
      '--threads <n>',
      'onnxruntime threads (default: all cores)',
      positiveInt('--threads', 1024),
    )
    .addOption(allowRemoteOption())
    .option('--quiet', 'no progress line on a terminal')
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', EXAMPLES);
  return shardOptions(command).action(async (opts: KnnOptions) => {
    const ids = 'a text file of ids, one per line';
    const allowRemote = opts.allowRemote === true;
    const queriesPath = await requireVectorsInput(io.cwd, opts.queries, '--queries', allowRemote);
    const queryIds = await optionalInputFile(io.cwd, opts.queryIds, '--query-ids', ids);
    const corpusPath = await requireVectorsInput(io.cwd, opts.corpus, '--corpus', allowRemote);
    const corpusIds = await optionalInputFile(io.cwd, opts.corpusIds, '--corpus-ids', ids);
    const sharded = opts.shard !== undefined || opts.partial !== undefined;
    if (sharded && opts.partial === undefined)
      throw new UsageError(`--shard ${opts.shard} needs --partial <file>`);
    if (!sharded && opts.output === undefined)
      throw new UsageError(
        'knn needs --output <file> for the TREC run (or --partial with --shard)',
      );
    const output = await requireOutputFile(
      io.cwd,
      sharded ? opts.partial! : opts.output!,
      sharded ? '--partial' : '--output',
    );
    // URLs and tables only with --allow-remote (checked above); local paths as given.
    const opener = defaultDeps(undefined, { allowRemote }).openSource;
    const querySource = await openVectors(queriesPath, { idsPath: queryIds }, opener);
    const queries = await readQueries(querySource).finally(() => querySource.close());
    const corpus = await openVectors(corpusPath, { idsPath: corpusIds }, opener);
    const search = (c: typeof corpus) =>
      exactKnn({ queries, corpus: c, k: opts.k, metric: opts.metric, threads: opts.threads });
    if (sharded) {
      try {
        const shard = parseShard(opts.shard ?? '1/1');
        const partial = await knnShard(
          corpus,
          shard,
          {
            // A partial is an artifact others read: URLs go in without their credentials.
            queries: shown(opts.queries),
            ...(opts.queryIds !== undefined && { queryIds: opts.queryIds }),
            corpus: shown(opts.corpus),
            ...(opts.corpusIds !== undefined && { corpusIds: opts.corpusIds }),
            k: opts.k,
            metric: opts.metric,
            tag: opts.tag,
          },
          { queries: queriesPath, queryIds, corpus: corpusPath, corpusIds },
          VERSION,
          search,
          opener,
        );
        await writeFileAtomic(output, serialisePartial(partial));
        io.stderr(
          `embedding-gate: shard ${shard.index}/${shard.count} of knn written to ${opts.partial}\n`,
        );
      } finally {
        await corpus.close();
      }
      setExit(EXIT.pass);
      return;
    }
    try {
      // On a terminal, unless --quiet: the corpus rows scored, with rate and time left.
      const line =
        io.stderrIsTTY === true && opts.quiet !== true
          ? progressDisplay(io.stderr, io.elapsedMs ?? (() => performance.now()))
          : undefined;
      const result = await withProgress(line, (display) => {
        display?.begin(`exact kNN of ${count(queries.rows)} queries`);
        return exactKnn({
          queries,
          corpus,
          k: opts.k,
          metric: opts.metric,
          threads: opts.threads,
          ...(display && {
            onBlock: (rows: number) =>
              display.update({
                done: rows,
                unit: 'corpus rows',
                ...(corpus.info.rows !== undefined && { total: corpus.info.rows }),
              }),
          }),
        });
      });
      await writeLinesAtomic(output, trecRunLines(result, opts.tag));
      io.stderr(
        `embedding-gate: wrote ${result.queryIds.length} queries × ${result.k} neighbours (${opts.metric}, ` +
          `${result.stats.corpusRows} corpus rows) to ${opts.output}\n`,
      );
    } finally {
      await corpus.close();
    }
    setExit(EXIT.pass);
  });
}

/** A vectors argument as a partial records it: a URL without its credentials. */
function shown(value: string): string {
  return isRemoteInput(value) ? redactUrl(value) : value;
}
