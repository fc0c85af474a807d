/**
 * The fuzz loop: for each target, fast-check draws mutation lists (seeded, so a failure
 * reproduces), each case runs, and its outcome is counted. Memory is sampled after every
 * case, so a reader that allocates what a corrupt file declares shows up as a peak.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { mutate, type Mutation, mutationsArb } from './mutations.js';
import type { Outcome } from './run-case.js';
import type { FuzzTarget } from './targets.js';

export interface FuzzStats {
  cases: number;
  ok: number;
  typed: number;
  untyped: number;
  slow: number;
  /** Highest RSS and ArrayBuffer bytes seen after a case. */
  peakRss: number;
  peakArrayBuffers: number;
  /** The first few bad cases, for the report. */
  readonly failures: { target: string; mutations: readonly Mutation[]; outcome: Outcome }[];
}

export interface FuzzOptions {
  readonly seed: number;
  /** Cases per target. */
  readonly casesPerTarget: number;
  readonly run: (target: FuzzTarget, bytes: Uint8Array) => Promise<Outcome>;
  /**
   * `stop`: fast-check stops at the first bad case and shrinks it (tests); `collect`: every
   * case runs and bad ones are counted (and written to `saveDir` when given).
   */
  readonly mode: 'stop' | 'collect';
  readonly saveDir?: string;
  /** Called before each case (progress, and the last words before a synchronous hang). */
  readonly onCase?: (target: FuzzTarget, mutations: readonly Mutation[]) => void;
}

export function emptyStats(): FuzzStats {
  return {
    cases: 0,
    ok: 0,
    typed: 0,
    untyped: 0,
    slow: 0,
    peakRss: 0,
    peakArrayBuffers: 0,
    failures: [],
  };
}

/** Fuzzes every target, adding to `stats`; rejects (with fast-check's report) in `stop` mode. */
export async function fuzzTargets(
  targets: readonly FuzzTarget[],
  options: FuzzOptions,
  stats: FuzzStats = emptyStats(),
): Promise<FuzzStats> {
  for (const [i, target] of targets.entries()) {
    await fc.assert(
      fc.asyncProperty(mutationsArb, async (mutations) => {
        options.onCase?.(target, mutations);
        const bytes = mutate(target.bytes, mutations);
        const outcome = await options.run(target, bytes);
        record(stats, target, mutations, outcome, bytes, options.saveDir);
        return (
          options.mode === 'collect' || (outcome.kind !== 'untyped' && outcome.kind !== 'slow')
        );
      }),
      { seed: options.seed + i, numRuns: options.casesPerTarget, endOnFailure: true },
    );
  }
  return stats;
}

function record(
  stats: FuzzStats,
  target: FuzzTarget,
  mutations: readonly Mutation[],
  outcome: Outcome,
  bytes: Uint8Array,
  saveDir: string | undefined,
): void {
  stats.cases++;
  stats[outcome.kind]++;
  const memory = process.memoryUsage();
  stats.peakRss = Math.max(stats.peakRss, memory.rss);
  stats.peakArrayBuffers = Math.max(stats.peakArrayBuffers, memory.arrayBuffers);
  if (outcome.kind !== 'untyped' && outcome.kind !== 'slow') return;
  if (stats.failures.length < 50) stats.failures.push({ target: target.file, mutations, outcome });
  if (saveDir) {
    mkdirSync(saveDir, { recursive: true });
    const name = `${outcome.kind}-${stats.untyped + stats.slow}-${target.path}-${target.file}`;
    writeFileSync(join(saveDir, name), bytes);
    writeFileSync(
      join(saveDir, `${name}.txt`),
      `${JSON.stringify(mutations)}\n${outcome.kind === 'slow' ? `${outcome.ms} ms` : outcome.message}\n`,
    );
  }
}

/** The counts, as `npm run fuzz` prints them. */
export function describeStats(stats: FuzzStats, ms: number): string {
  const mb = (n: number): string => `${(n / 2 ** 20).toFixed(0)} MB`;
  return [
    `cases:            ${stats.cases}`,
    `read to the end:  ${stats.ok}`,
    `typed failures:   ${stats.typed}`,
    `untyped throws:   ${stats.untyped}`,
    `slow (> 5 s):     ${stats.slow}`,
    `peak RSS:         ${mb(stats.peakRss)}`,
    `peak ArrayBuffer: ${mb(stats.peakArrayBuffers)}`,
    `wall time:        ${(ms / 1000).toFixed(1)} s`,
  ].join('\n');
}
