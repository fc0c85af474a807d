import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import { defaultDeps } from '../../src/gate/default-deps.js';
import type { GateDeps } from '../../src/gate/plan.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in process, in `cwd`, and captures what it prints. */
export async function runCli(
  args: readonly string[],
  cwd = ROOT,
  deps: GateDeps = defaultDeps(),
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    args,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env: {} },
    deps,
  );
  return { code, stdout, stderr };
}

/** A private copy of examples/ to modify, returned as its directory. */
export function copyExamples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eg-examples-'));
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

/** The example gate invocation, relative to a copy of examples/. */
export const EXAMPLE_CHECK: readonly string[] = [
  'check',
  '--candidate',
  'releases/1.1.0/manifest.yaml',
  '--baseline',
  'releases/1.0.0/manifest.yaml',
  '--contracts',
  'contracts',
];

/** Replaces text in a file below `dir`; throws when nothing changed (so a stale edit fails loudly). */
export function editFile(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(path, next);
}
