/**
 * Benchmark suites (`contracts/suite.schema.json`): relevance judgments plus, per embedding
 * version, the query embeddings (and the corpus when it is not the release's own vectors).
 */
import { glob } from 'tinyglobby';
import { ConfigError, loadDocument, type LoadOptions, type SourceDocument } from './document.js';
import type { Finding } from './findings.js';
import { resolveInWorkspace, resolveVectorsPath } from './paths.js';
import { validateDocument } from './schema.js';
import type { VectorFormat, VectorsRef } from './vocabulary.js';

/** A vectors file named by a suite. */
export interface SuiteVectorsRef {
  /** A file, folder or glob, a URL (with --allow-remote), or a list of parts. */
  readonly path: string | readonly string[];
  readonly format?: VectorFormat;
  readonly id_column?: string;
  readonly vector_column?: string;
  readonly ids?: string;
}

export interface Suite {
  readonly suite: string;
  readonly description?: string;
  readonly qrels: string;
  readonly qrels_format?: 'auto' | 'beir' | 'trec';
  readonly k?: number;
  readonly versions: Readonly<
    Record<string, { readonly queries: SuiteVectorsRef; readonly corpus?: SuiteVectorsRef }>
  >;
}

export interface LoadedSuite {
  readonly doc: SourceDocument;
  readonly suite?: Suite;
  readonly findings: readonly Finding[];
}

/** Default retrieval depth when a suite states none. */
export const DEFAULT_SUITE_K = 100;

/** Loads and validates a suite file (ConfigError when unreadable or unparsable). */
export async function loadSuite(
  file: string,
  cwd: string,
  options?: LoadOptions,
): Promise<LoadedSuite> {
  const doc = await loadDocument(file, cwd, options);
  const findings = validateDocument('suite', doc);
  return findings.length ? { doc, findings } : { doc, suite: doc.data as Suite, findings };
}

/**
 * Expands `--suites` arguments (files or globs) relative to `cwd`. An argument matching
 * nothing is a configuration error, as for contracts.
 */
export async function discoverSuites(patterns: readonly string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns.map((p) => p.trim()).filter(Boolean)) {
    const matched = await glob(pattern, { cwd, onlyFiles: true, expandDirectories: false });
    if (matched.length === 0) throw new ConfigError(`--suites ${pattern}: no file matches`);
    matched.forEach((m) => files.add(m));
  }
  return [...files].sort();
}

/**
 * A suite-relative vectors reference, resolved as a manifest's `vectors.path` is (inside the
 * workspace; a URL only with `allowRemote`; a list of parts), as reader options.
 */
export function resolveSuiteVectors(
  loaded: LoadedSuite,
  field: readonly (string | number)[],
  ref: SuiteVectorsRef,
  workspace: string,
  cwd: string,
  allowRemote = false,
): VectorsRef {
  const where = resolveVectorsPath(loaded.doc, [...field, 'path'], ref.path, {
    workspace,
    cwd,
    allowRemote,
  });
  const idsPath = ref.ids
    ? resolveInWorkspace(loaded.doc, [...field, 'ids'], ref.ids, workspace)
    : undefined;
  return {
    path: where.path,
    displayPath: where.displayPath,
    open: {
      format: ref.format,
      idColumn: ref.id_column,
      vectorColumn: ref.vector_column,
      idsPath,
      ...(where.parts && { parts: where.parts, partNames: where.partNames }),
    },
  };
}

/** The suite's qrels path, resolved inside the workspace. */
export function resolveQrels(loaded: LoadedSuite, workspace: string): string {
  return resolveInWorkspace(loaded.doc, ['qrels'], loaded.suite!.qrels, workspace);
}
