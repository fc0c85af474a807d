/**
 * Consumer contracts: what one downstream consumer accepts. Loading, and discovery of
 * contract files from directories and globs.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import type { Metric, Normalization } from '../release/manifest.js';
import type { VectorDType } from '../vectors/types.js';
import { ConfigError, loadDocument, type SourceDocument } from './document.js';
import type { Finding } from './findings.js';
import { validateDocument } from './schema.js';

export interface ConsumerContract {
  readonly consumer: string;
  readonly owner: string;
  readonly description?: string;
  readonly embedding: string;
  readonly accepts: string;
  /** Defaults to `active`. */
  readonly status?: 'active' | 'pending';
  readonly requires: {
    readonly dims?: number;
    readonly dtype?: VectorDType | readonly VectorDType[];
    readonly normalization?: Normalization;
    /** Defaults to {@link DEFAULT_NORM_TOLERANCE}. */
    readonly norm_tolerance?: number;
    readonly metric?: Metric;
  };
  /** Quality floors on benchmark suites. */
  readonly quality?: readonly QualityFloor[];
}

/** One quality floor: a metric on a suite, with a minimum and/or a tolerated drop. */
export interface QualityFloor {
  readonly suite: string;
  readonly metric: string;
  readonly min?: number;
  readonly max_drop?: number;
}

export const DEFAULT_NORM_TOLERANCE = 1e-3;

export interface LoadedContract {
  readonly doc: SourceDocument;
  readonly contract?: ConsumerContract;
  readonly findings: readonly Finding[];
}

/** Loads and validates one contract file (ConfigError when unreadable or unparsable). */
export async function loadContract(file: string, cwd?: string): Promise<LoadedContract> {
  const doc = await loadDocument(file, cwd);
  const findings = validateDocument('contract', doc);
  return findings.length
    ? { doc, findings }
    : { doc, contract: doc.data as ConsumerContract, findings };
}

const CONTRACT_FILES = '*.{yaml,yml,json}';

/**
 * Expands `--contracts` arguments (directories, files or globs) into a sorted, de-duplicated
 * list of files. A directory contributes its `*.yaml|*.yml|*.json` files (not recursive).
 * An argument that matches nothing is a configuration error: a typo must not silently
 * drop every consumer from the gate.
 */
export async function discoverContracts(
  patterns: readonly string[],
  cwd: string,
): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const trimmed = pattern.trim();
    if (!trimmed) continue;
    let matched: string[];
    const info = await stat(resolve(cwd, trimmed)).catch(() => undefined);
    if (info?.isDirectory()) {
      matched = await glob(CONTRACT_FILES, { cwd: resolve(cwd, trimmed) });
      matched = matched.map((m) => joinRelative(trimmed, m));
    } else if (info?.isFile()) {
      matched = [trimmed];
    } else {
      matched = await glob(trimmed, { cwd, onlyFiles: true, expandDirectories: false });
    }
    if (matched.length === 0) {
      throw new ConfigError(
        info?.isDirectory()
          ? `--contracts ${trimmed}: the directory holds no .yaml, .yml or .json contract files`
          : `--contracts ${trimmed}: no file or directory matches`,
      );
    }
    matched.forEach((m) => files.add(m));
  }
  return [...files].sort();
}

function joinRelative(dir: string, file: string): string {
  return `${dir.replace(/\/+$/, '')}/${file}`;
}
