/**
 * What every step of one consumer's staging run shares (src/staging/consumer.ts): the
 * contract's declaration, its resolved paths, and the sink its findings go to.
 */
import { relative } from 'node:path';
import type { LoadedContract, StagingDeclaration } from '../config/contract.js';
import type { Finding, Location } from '../config/findings.js';
import type { StagingContext } from './context.js';
import type { IoProblem } from './feed.js';
import { resolveInWorkspace } from '../config/paths.js';

/** Adds a finding about the job's consumer. */
export type Emit = (
  id: string,
  message: string,
  location: Location,
  extra?: { expected?: unknown; found?: unknown; severity?: Finding['severity'] },
) => void;

/** What every step of one consumer's run shares: the contract, its paths, the findings sink. */
export interface Job {
  readonly ctx: StagingContext;
  readonly consumer: string;
  readonly staging: StagingDeclaration;
  readonly modelPath: string;
  readonly labelsPath: string;
  /** A path as the report shows it (relative to the working directory). */
  readonly display: (path: string) => string;
  /** A field of the contract's `staging` block. */
  readonly at: (field: string) => Location;
  /** Adds a finding about this consumer (an error unless `extra.severity` says otherwise). */
  readonly emit: Emit;
}

/**
 * The job of one contract. Its findings are errors unless the step says otherwise and name
 * the consumer; a pending consumer's are downgraded later, where all findings are judged.
 * Throws ConfigError when a staging path escapes the workspace.
 */
export function newJob(ctx: StagingContext, loaded: LoadedContract, findings: Finding[]): Job {
  const contract = loaded.contract!;
  const staging = contract.staging!;
  const resolve = (field: 'model' | 'labels') =>
    resolveInWorkspace(loaded.doc, ['staging', field], staging[field], ctx.workspace);
  return {
    ctx,
    consumer: contract.consumer,
    staging,
    modelPath: resolve('model'),
    labelsPath: resolve('labels'),
    display: (p) => relative(ctx.cwd, p) || p,
    at: (field) => loaded.doc.locate(['staging', field]),
    emit: (id, message, location, extra = {}) =>
      findings.push({
        id,
        severity: extra.severity ?? 'error',
        consumer: contract.consumer,
        message: `${contract.consumer}: ${message}`,
        location,
        ...(extra.expected !== undefined && { expected: extra.expected }),
        ...(extra.found !== undefined && { found: extra.found }),
      }),
  };
}

/** An io problem at its contract field, or at `staging.model` when that field is not written. */
export function emitIo(job: Job, p: IoProblem): void {
  const written = job.staging[p.field as keyof StagingDeclaration] !== undefined;
  job.emit('staging.io', p.message, job.at(written ? p.field : 'model'), {
    expected: p.expected,
    found: p.found,
  });
}
