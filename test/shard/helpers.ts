/** Shared by the shard tests: run a check whole and as n shards, and compare the JSON reports. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

/** The JSON report of `args` run as one check in `dir`. */
export async function singleReport(dir: string, args: readonly string[]): Promise<unknown> {
  const r = await runCli([...args, '--format', 'json=single.json'], dir);
  if (r.code === 2) throw new Error(`single check could not judge: ${r.stderr}`);
  return JSON.parse(readFileSync(join(dir, 'single.json'), 'utf8'));
}

/** The JSON report of `args` run as n shards and merged (partials given in `order`), the merge's exit code and stderr, and the partials' paths. */
export async function shardedReport(
  dir: string,
  args: readonly string[],
  n: number,
  order: (files: string[]) => string[] = (f) => f,
): Promise<{ report: unknown; code: number; stderr: string; partials: string[] }> {
  const files: string[] = [];
  for (let i = 1; i <= n; i++) {
    const file = `partials/${n}-${i}.json`;
    const r = await runCli([...args, '--shard', `${i}/${n}`, '--partial', file], dir);
    if (r.code !== 0) throw new Error(`shard ${i}/${n} failed (${r.code}): ${r.stderr}`);
    files.push(file);
  }
  const out = `merged-${n}.json`;
  const m = await runCli(['merge', ...order(files), '--format', `json=${out}`], dir);
  if (m.code === 2) throw new Error(`merge of ${n} could not judge: ${m.stderr}`);
  return {
    report: JSON.parse(readFileSync(join(dir, out), 'utf8')),
    code: m.code,
    stderr: m.stderr,
    partials: files.map((f) => join(dir, f)),
  };
}

/** A seeded generator (mulberry32), so a failing random plan can be rerun. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
