import { stat } from 'node:fs/promises';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { Command, Option } from 'commander';
import semver from 'semver';
import { count } from '../../config/numbers.js';
import type { Metric, VectorFormat } from '../../config/vocabulary.js';
import { writeFileAtomic } from '../../fsutil/atomic-write.js';
import type { GateDeps } from '../../gate/plan.js';
import { sha256File } from '../../sources/hash.js';
import { openLocalSource } from '../../sources/local.js';
import { openVectors } from '../../vectors/open.js';
import { scanVectors } from '../../vectors/scan.js';
import { TODO, TODO_SHA256 } from '../../gate/checks/placeholders.js';
import { EXIT, UsageError, type CliIO } from '../context.js';
import { vectorsFileOptions } from '../options.js';

const EXAMPLES = `
Examples:
  # a manifest beside the vectors, measured from them; fill in the TODOs it names
  $ embedding-gate init releases/1.0.0/vectors.arrow --name products-text --version 1.0.0

  # and a consumer contract skeleton that accepts exactly what was measured
  $ embedding-gate init emb.npy --ids ids.txt --output releases/1.0.0/manifest.yaml \\
      --contract contracts/search-index.yaml

Exit codes: 0 written, 2 could not (unreadable vectors, an existing file without --force).`;

interface InitOptions {
  name?: string;
  version: string;
  output?: string;
  contract?: string;
  model?: string;
  revision?: string;
  dataset?: string;
  inputsSha256?: string;
  metric?: Metric;
  ids?: string;
  idColumn?: string;
  vectorColumn?: string;
  vectorsFormat?: VectorFormat;
  force?: boolean;
}

/** Rows within this of unit norm count as l2-normalised (the manifest check's tolerance). */
const UNIT_TOLERANCE = 1e-3;

/** What `init` measured in the vectors file. */
interface Measured {
  readonly format: VectorFormat;
  readonly dims: number;
  readonly dtype: string;
  readonly rows: number;
  readonly unitNorm: boolean;
  readonly nonFinite: number;
  readonly sha256: string;
  readonly hasIds: boolean;
}

/**
 * `embedding-gate init`: measures a vectors file (dims, dtype, normalisation, rows, sha256)
 * and writes a schema-valid manifest, and optionally a contract skeleton, with TODOs for what
 * only the user knows (model, revision, input dataset and its hash).
 */
export function initCommand(io: CliIO, _deps: GateDeps, setExit: (code: number) => void): Command {
  return vectorsFileOptions(new Command('init'))
    .description('write a manifest (and a contract skeleton) measured from existing vectors')
    .argument('<vectors>', 'vectors file (.arrow .feather .arrows .parquet .npy .jsonl .bin)')
    .option('--name <name>', 'embedding name (default: the vectors folder name)')
    .option('--version <version>', "semver version of this embedding (the manifest's)", '1.0.0')
    .option('--output <file>', 'manifest to write (default: manifest.yaml beside the vectors)')
    .option('--contract <file>', 'also write a consumer contract skeleton accepting these vectors')
    .option('--model <name>', 'embedding model name (else a TODO)')
    .option('--revision <rev>', 'model revision (else a TODO)')
    .option('--dataset <name>', 'name and version of the embedded data (else a TODO)')
    .option('--inputs-sha256 <hex>', 'sha256 of the embedded data (else a TODO)')
    .addOption(
      new Option(
        '--metric <metric>',
        'similarity consumers use (default: cosine if unit-norm, else dot)',
      ).choices(['cosine', 'dot', 'l2']),
    )
    .option('--force', 'replace existing files (atomically)')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, opts: InitOptions) => {
      if (!semver.valid(opts.version))
        throw new UsageError(`--version "${opts.version}" is not a semantic version (e.g. 1.0.0)`);
      if (opts.inputsSha256 !== undefined && !/^[0-9a-f]{64}$/.test(opts.inputsSha256))
        throw new UsageError('--inputs-sha256 must be 64 lowercase hex characters');
      const vectors = resolve(io.cwd, file);
      const manifestPath = resolve(
        io.cwd,
        opts.output ?? resolve(dirname(vectors), 'manifest.yaml'),
      );
      const contractPath = opts.contract && resolve(io.cwd, opts.contract);
      for (const target of [manifestPath, contractPath])
        if (target && !opts.force) await refuseExisting(target, io.cwd);

      const idsPath = opts.ids === undefined ? undefined : resolve(io.cwd, opts.ids);
      const measured = await measure(vectors, { ...opts, ids: idsPath });
      const name = opts.name ?? defaultName(vectors);
      const metric: Metric = opts.metric ?? (measured.unitNorm ? 'cosine' : 'dot');
      const manifest = manifestText(name, opts, metric, measured, {
        vectors: posixRelative(dirname(manifestPath), vectors),
        ...(idsPath && { ids: posixRelative(dirname(manifestPath), idsPath) }),
      });
      await writeFileAtomic(manifestPath, manifest);
      const shown = (p: string) => relative(io.cwd, p) || p;
      io.stdout(
        `wrote ${shown(manifestPath)}: ${name} ${opts.version}, ${count(measured.rows)} × ${measured.dims} ${measured.dtype}, ` +
          `${measured.unitNorm ? 'l2-normalised' : 'not normalised'}, sha256 ${measured.sha256.slice(0, 12)}…\n`,
      );
      if (contractPath) {
        await writeFileAtomic(contractPath, contractText(name, opts.version, metric, measured));
        io.stdout(
          `wrote ${shown(contractPath)}: a contract accepting ^${semver.major(opts.version)}.0.0\n`,
        );
      }
      const todos = [
        !opts.model && 'model.name',
        !opts.revision && 'model.revision',
        !opts.dataset && 'inputs.dataset',
        !opts.inputsSha256 && 'inputs.sha256',
        contractPath && "the contract's consumer and owner",
      ].filter(Boolean);
      if (measured.nonFinite > 0)
        io.stdout(
          `warning: ${count(measured.nonFinite)} rows hold NaN or ±Inf; check will report them (vectors.non-finite)\n`,
        );
      if (!measured.hasIds)
        io.stdout('note: the file has no ids; row numbers stand in (name --ids or --id-column)\n');
      if (todos.length)
        io.stdout(
          `next: fill in the TODOs (${todos.join(', ')}), then run embedding-gate check --candidate ${shown(manifestPath)}\n`,
        );
      setExit(EXIT.pass);
    });
}

async function refuseExisting(target: string, cwd: string): Promise<void> {
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (exists)
    throw new UsageError(
      `${relative(cwd, target) || target} exists; init never overwrites a file (pass --force to replace it)`,
    );
}

async function measure(path: string, opts: InitOptions): Promise<Measured> {
  const source = await openVectors(
    path,
    {
      format: opts.vectorsFormat,
      idColumn: opts.idColumn,
      vectorColumn: opts.vectorColumn,
      idsPath: opts.ids,
    },
    openLocalSource,
  );
  try {
    const stats = await scanVectors(source, {
      expectUnitNorm: true,
      normTolerance: UNIT_TOLERANCE,
    });
    const unitNorm =
      stats.rows > 0 &&
      stats.dtype !== 'binary' &&
      (stats.unitNorm?.rows ?? 0) === 0 &&
      stats.zero.rows === 0;
    return {
      format: source.info.format,
      dims: stats.dims,
      dtype: stats.dtype,
      rows: stats.rows,
      unitNorm,
      nonFinite: stats.nonFinite.rows,
      sha256: await sha256File(path),
      hasIds: source.info.hasIds,
    };
  } finally {
    await source.close();
  }
}

function defaultName(vectors: string): string {
  const folder = basename(dirname(vectors));
  const stem = basename(vectors, extname(vectors));
  const base = semver.valid(folder) || folder === '' ? stem : folder;
  return (
    base
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'embedding'
  );
}

function posixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

const q = (s: string) => JSON.stringify(s);

function manifestText(
  name: string,
  opts: InitOptions,
  metric: Metric,
  m: Measured,
  paths: { vectors: string; ids?: string },
): string {
  const todo = (value: string | undefined, what: string) =>
    value === undefined ? `${q(TODO)}  # TODO: ${what}` : q(value);
  const lines = [
    `# Written by embedding-gate init from ${paths.vectors}: dims, dtype, normalisation and sha256 were measured.`,
    `name: ${q(name)}`,
    `version: ${q(opts.version)}`,
    `tag: ${q(`v${opts.version}_${name}`)}`,
    'model:',
    `  name: ${todo(opts.model, 'the embedding model, e.g. sentence-transformers/all-MiniLM-L6-v2')}`,
    `  revision: ${todo(opts.revision, 'the model revision (commit, tag or checkpoint date)')}`,
    'vectors:',
    `  path: ${q(paths.vectors)}`,
    ...(opts.vectorsFormat ? [`  format: ${opts.vectorsFormat}`] : []),
    ...(opts.idColumn ? [`  id_column: ${q(opts.idColumn)}`] : []),
    ...(opts.vectorColumn ? [`  vector_column: ${q(opts.vectorColumn)}`] : []),
    ...(paths.ids ? [`  ids: ${q(paths.ids)}`] : []),
    `  sha256: ${m.sha256}`,
    `dims: ${m.dims}`,
    `dtype: ${m.dtype}`,
    `normalization: ${m.unitNorm ? 'l2' : 'none'}`,
    `metric: ${metric}`,
    `created: ${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    'inputs:',
    `  dataset: ${todo(opts.dataset, 'name and version of the embedded data')}`,
    opts.inputsSha256 === undefined
      ? `  sha256: ${q(TODO_SHA256)}  # TODO: sha256 of the embedded data`
      : `  sha256: ${opts.inputsSha256}`,
  ];
  return lines.join('\n') + '\n';
}

function contractText(name: string, version: string, metric: Metric, m: Measured): string {
  return (
    [
      '# Written by embedding-gate init: it accepts exactly what was measured. Name the consumer and its owner.',
      'consumer: "TODO"  # TODO: the downstream system, e.g. search-index',
      'owner: "TODO"  # TODO: the team that owns it, e.g. "@org/search"',
      `embedding: ${q(name)}`,
      `accepts: ${q(`^${semver.major(version)}.0.0`)}`,
      'requires:',
      `  dims: ${m.dims}`,
      `  dtype: ${m.dtype}`,
      ...(m.unitNorm ? ['  normalization: l2'] : []),
      `  metric: ${metric}`,
    ].join('\n') + '\n'
  );
}
