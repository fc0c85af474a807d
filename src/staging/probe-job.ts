/**
 * What every step of one reproducibility probe (src/staging/probe.ts) shares: the
 * declaration, its resolved paths as the report shows them, and the sink its findings go to.
 */
import { relative } from 'node:path';
import type { SourceDocument } from '../config/document.js';
import type { Finding, Location } from '../config/findings.js';
import type { ProbeDeclaration } from '../config/manifest.js';
import { resolveInWorkspace } from '../config/paths.js';
import type { OpenOptions } from '../vectors/types.js';
import type { StagingContext } from './context.js';

/** What every step of one probe shares: the declaration, its paths, the findings sink. */
export interface ProbeJob {
  readonly ctx: StagingContext;
  readonly decl: ProbeDeclaration;
  readonly modelPath: string;
  readonly setPath: string;
  /** The stored vectors compared with: the probe's own `vectors`, else the candidate's. */
  readonly stored: { readonly path: string; readonly open: OpenOptions };
  /** The model, the probe set and the stored vectors as the report shows them. */
  readonly modelFile: string;
  readonly setFile: string;
  readonly storedFile: string;
  /** A field of the probe's declaration (`at()` is the declaration itself). */
  readonly at: (...sub: string[]) => Location;
  /** Adds a finding of this probe (its message prefixed with the encoder, if any). */
  readonly add: (finding: Finding) => void;
  /** Adds a finding of this probe built from its parts. */
  readonly emit: (
    id: string,
    message: string,
    location: Location,
    severity?: Finding['severity'],
  ) => void;
}

/**
 * The job of the probe declared at `field` of the candidate manifest (`['probe']` or
 * `['encoders', modality, 'probe']`). Its findings name the encoder unless the probe is the
 * manifest's own. Throws ConfigError when a probe path escapes the workspace.
 */
export function newProbeJob(
  ctx: StagingContext,
  doc: SourceDocument,
  decl: ProbeDeclaration,
  modality: string,
  field: readonly (string | number)[],
  findings: Finding[],
): ProbeJob {
  const resolve = (sub: readonly string[], value: string) =>
    resolveInWorkspace(doc, [...field, ...sub], value, ctx.workspace);
  const display = (p: string) => relative(ctx.cwd, p) || p;
  const modelPath = resolve(['model'], decl.model);
  const setPath = resolve(['set'], decl.set);
  const vectors = decl.vectors;
  const stored = vectors
    ? {
        path: resolve(['vectors', 'path'], vectors.path),
        open: {
          format: vectors.format,
          idColumn: vectors.id_column,
          vectorColumn: vectors.vector_column,
          idsPath: vectors.ids && resolve(['vectors', 'ids'], vectors.ids),
        } satisfies OpenOptions,
      }
    : { path: ctx.candidate.vectors.path, open: ctx.candidate.vectors.open };
  const prefix = modality === 'model' ? '' : `${modality} encoder: `;
  const add = (finding: Finding) => {
    findings.push({ ...finding, message: `${prefix}${finding.message}` });
  };
  return {
    ctx,
    decl,
    modelPath,
    setPath,
    stored,
    modelFile: display(modelPath),
    setFile: display(setPath),
    storedFile: display(stored.path),
    at: (...sub) => doc.locate([...field, ...sub]),
    add,
    emit: (id, message, location, severity = 'error') => add({ id, severity, message, location }),
  };
}
