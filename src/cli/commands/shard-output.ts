/** The shard side of `check`: run one shard and write its partial result atomically. */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../fsutil/atomic-write.js';
import { serialisePartial } from '../../gate/partial.js';
import type { GateDeps, GatePlan } from '../../gate/plan.js';
import { parseShard, runShard } from '../../gate/shard.js';
import { UsageError, type CliIO } from '../context.js';
import { requireOutputTargets } from '../output.js';

/**
 * Runs `--shard i/n` (1/1 when only `--partial` is given) and writes `--partial`. `run` gives
 * the engine its dependencies (with the CLI's progress line, erased before the closing message).
 */
export async function writeShard(
  request: GatePlan,
  opts: { shard?: string; partial?: string },
  io: CliIO,
  run: <T>(body: (deps: GateDeps) => Promise<T>) => Promise<T>,
): Promise<void> {
  if (opts.partial === undefined)
    throw new UsageError(
      `--shard ${opts.shard} needs --partial <file>: a shard writes a partial result, and "embedding-gate merge" makes the report`,
    );
  const shard = parseShard(opts.shard ?? '1/1');
  await requireOutputTargets([{ format: 'json', file: opts.partial }], io.cwd);
  const partial = await run((d) => runShard(request, d, shard));
  await writeFileAtomic(resolve(io.cwd, opts.partial), serialisePartial(partial));
  io.stderr(`shard ${shard.index}/${shard.count}: partial result written to ${opts.partial}\n`);
}
