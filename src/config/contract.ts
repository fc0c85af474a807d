/**
 * Consumer contracts: what one downstream consumer accepts. Loading, and discovery of
 * contract files from directories and globs.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import type { Metric, Normalization } from './manifest.js';
import type { VectorDType } from './vocabulary.js';
import { ConfigError, loadDocument, type LoadOptions, type SourceDocument } from './document.js';
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
    /** Fraction of the baseline's ids the candidate must hold (declared removals count as lost). */
    readonly min_coverage?: number;
    /** Fewest rows the candidate may hold. */
    readonly min_rows?: number;
  };
  /** Quality floors on benchmark suites. */
  readonly quality?: readonly QualityFloor[];
  /** The consumer's own ONNX model, run on the candidate's vectors (src/staging). */
  readonly staging?: StagingDeclaration;
}

/** What staging validation runs for one consumer (`staging` in contract.schema.json). */
export interface StagingDeclaration {
  /** ONNX model file, relative to the contract. */
  readonly model: string;
  /** sha256 of the model file, verified when present. */
  readonly sha256?: string;
  /** The model input that takes the vectors (default: the only input). */
  readonly input?: string;
  /** The model output to judge (default: the only output). */
  readonly output?: string;
  /** CSV or TSV of `id,label`, relative to the contract. */
  readonly labels: string;
  readonly task: 'classification' | 'regression' | 'ranking';
  readonly metric: 'accuracy' | 'macro_f1' | 'roc_auc' | 'mse';
  /** Class labels in the order of the output's columns (default: the column indices). */
  readonly classes?: readonly string[];
  /** One-column binary classifier: predicts the second class at or above this (default 0.5). */
  readonly threshold?: number;
  readonly min?: number;
  /** Highest acceptable mse. */
  readonly max?: number;
  /** Largest tolerated worsening from the baseline, in metric units. */
  readonly max_drop?: number;
  /** Vectors per model run. */
  readonly batch_size?: number;
}

/** One quality floor: a metric on a suite, with a minimum and/or a tolerated drop. */
export interface QualityFloor {
  readonly suite: string;
  readonly metric: string;
  readonly min?: number;
  readonly max_drop?: number;
  /**
   * What an inconclusive `max_drop` outcome does: `warn` (default) or `block`. `block` turns
   * exactly the inconclusive outcomes into blocking `bench.inconclusive` errors.
   */
  readonly on_inconclusive?: 'warn' | 'block';
}

export const DEFAULT_NORM_TOLERANCE = 1e-3;

export interface LoadedContract {
  readonly doc: SourceDocument;
  readonly contract?: ConsumerContract;
  readonly findings: readonly Finding[];
}

/** Loads and validates one contract file (ConfigError when unreadable or unparsable). */
export async function loadContract(
  file: string,
  cwd?: string,
  options?: LoadOptions,
): Promise<LoadedContract> {
  const doc = await loadDocument(file, cwd, options);
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
