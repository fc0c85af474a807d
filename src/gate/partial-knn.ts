/**
 * `knn --shard i/n`: a search of one corpus slice, and the exact merge of every slice's
 * top-k lists into the search of the whole corpus (retrieval/topk-merge.ts). The queries
 * are the same in every shard; each shard streams only its rows of the corpus.
 */
import { openLocalSource } from '../sources/local.js';
import { sha256File } from '../sources/hash.js';
import type { SourceOpener } from '../sources/types.js';
import type { KnnResult } from '../retrieval/knn.js';
import { mergeKnnResults } from '../retrieval/topk-merge.js';
import { rowSlice, sliceSource, type ShardSpec } from '../vectors/row-slice.js';
import type { VectorSource } from '../vectors/types.js';
import {
  checkShardSet,
  PARTIAL_FORMAT,
  PARTIAL_VERSION,
  planDigest,
  type KnnDescription,
  type KnnPartial,
  type PlanInput,
} from './partial.js';

/** The files of a `knn` run, resolved: what the digest covers. */
export interface KnnFiles {
  readonly queries: string;
  readonly queryIds?: string;
  readonly corpus: string;
  readonly corpusIds?: string;
}

/**
 * What the digest covers: the queries (and their ids) by sha256 — small, and what every
 * shard reads whole — and the corpus (and its ids) by size, which every shard reads only
 * in part.
 */
async function knnInputs(
  described: KnnDescription,
  files: KnnFiles,
  open: SourceOpener,
): Promise<PlanInput[]> {
  const size = async (path: string): Promise<number | undefined> => {
    try {
      const s = await open({ path });
      const bytes = s.size;
      await s.close();
      return bytes;
    } catch {
      // A table has no bytes to count, and an unreadable file is the search's to report.
      return undefined;
    }
  };
  const inputs: PlanInput[] = [
    { file: described.queries, sha256: await sha256File(files.queries, open) },
  ];
  if (files.queryIds && described.queryIds)
    inputs.push({ file: described.queryIds, sha256: await sha256File(files.queryIds, open) });
  const corpusBytes = await size(files.corpus);
  inputs.push({ file: described.corpus, ...(corpusBytes !== undefined && { bytes: corpusBytes }) });
  if (files.corpusIds && described.corpusIds) {
    const idBytes = await size(files.corpusIds);
    inputs.push({ file: described.corpusIds, ...(idBytes !== undefined && { bytes: idBytes }) });
  }
  return inputs;
}

/**
 * Runs `search` on shard `shard`'s rows of `corpus` and returns the partial. Rows are
 * numbered, and a corpus without ids named, as in the whole corpus, so the slices' lists
 * merge into the whole search's list with knn's own tie order.
 */
export async function knnShard(
  corpus: VectorSource,
  shard: ShardSpec,
  described: KnnDescription,
  files: KnnFiles,
  toolVersion: string,
  search: (corpus: VectorSource) => Promise<KnnResult>,
  open: SourceOpener = openLocalSource,
): Promise<KnnPartial> {
  const inputs = await knnInputs(described, files, open);
  const slice = rowSlice(shard, corpus.info.rows);
  const sliced = sliceSource(corpus, slice, false, { rowNumberIds: true });
  const result = await search(sliced);
  return {
    format: PARTIAL_FORMAT,
    version: PARTIAL_VERSION,
    tool: { name: 'embedding-gate', version: toolVersion },
    command: 'knn',
    plan: { digest: planDigest(toolVersion, described, inputs), request: described, inputs },
    shard,
    slice,
    result: {
      ...result,
      hits: result.hits.map((list) =>
        list.map((h) => ({ id: h.id, row: sliced.globalRow(h.row), score: h.score })),
      ),
    },
  };
}

/**
 * The whole corpus's search from its shards' partials. Throws ConfigError (exit 2) for a
 * missing or repeated shard or partials of different runs.
 */
export function mergeKnnPartials(
  partials: readonly { readonly file: string; readonly partial: KnnPartial }[],
): { result: KnnResult; tag: string } {
  const ordered = checkShardSet(partials);
  return {
    result: mergeKnnResults(ordered.map((p) => p.partial.result)),
    tag: ordered[0]!.partial.plan.request.tag,
  };
}
