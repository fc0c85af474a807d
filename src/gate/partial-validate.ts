/**
 * `validate --shard i/n`: one shard's scan of the file, and the merge that runs `validate`'s
 * own checks on the merged scan — so the report is the single run's.
 */
import type { ShardSpec } from '../vectors/row-slice.js';
import { openLocalSource } from '../sources/local.js';
import {
  checkShardSet,
  PARTIAL_FORMAT,
  PARTIAL_VERSION,
  planDigest,
  type ValidateDescription,
  type ValidatePartial,
} from './partial.js';
import type { GateDeps } from './plan.js';
import type { Report } from './report-model.js';
import { mergeScanPartials, scanShard } from './shard-scan.js';
import { runValidate, validateScanRequest, type ValidatePlan } from './validate.js';

/** The digest's inputs: the request and the file's size (every shard reads only part of it). */
async function digestOf(
  plan: ValidatePlan,
  described: ValidateDescription,
  deps: GateDeps,
): Promise<{ digest: string; inputs: ValidatePartial['plan']['inputs'] }> {
  const request = validateScanRequest(plan);
  let bytes: number | undefined;
  try {
    const source = await (deps.openSource ?? openLocalSource)({ path: request.path });
    bytes = source.size;
    await source.close();
  } catch {
    // Unreadable: the scan reports it in every shard and in the merge alike.
  }
  const inputs = [{ file: request.displayPath, ...(bytes !== undefined && { bytes }) }];
  return { digest: planDigest(deps.toolVersion, described, inputs), inputs };
}

/** Scans shard `shard`'s rows of the file `validate` names. */
export async function runValidateShard(
  plan: ValidatePlan,
  described: ValidateDescription,
  deps: GateDeps,
  shard: ShardSpec,
): Promise<ValidatePartial> {
  const { digest, inputs } = await digestOf(plan, described, deps);
  return {
    format: PARTIAL_FORMAT,
    version: PARTIAL_VERSION,
    tool: { name: 'embedding-gate', version: deps.toolVersion },
    command: 'validate',
    plan: { digest, request: described, inputs },
    shard,
    scan: await scanShard(validateScanRequest(plan), shard, deps.openSource),
  };
}

/**
 * The report of `validate` from its shards' partials: refuses (ConfigError, exit 2) a
 * missing or repeated shard or partials of different runs; `plan` is rebuilt by the edge
 * from the partials' description.
 */
export async function runValidateMerge(
  partials: readonly { readonly file: string; readonly partial: ValidatePartial }[],
  plan: ValidatePlan,
  deps: GateDeps,
): Promise<Report> {
  const ordered = checkShardSet(partials);
  const merged = (() => {
    try {
      return mergeScanPartials(ordered.map((p) => p.partial.scan));
    } catch (err) {
      return err as Error;
    }
  })();
  const scan: GateDeps['scan'] = async () => {
    if (merged instanceof Error) throw merged;
    return merged;
  };
  return runValidate(plan, { ...deps, scan });
}
