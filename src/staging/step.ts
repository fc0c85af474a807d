/**
 * The staging step of the gate: every applicable consumer's own model, then the
 * candidate manifest's reproducibility probes (its `probe` and each encoder's), in a
 * fixed order, sharing one onnxruntime.
 */
import type { LoadedContract } from '../config/contract.js';
import type { Finding } from '../config/findings.js';
import type { LoadedManifest } from '../config/manifest.js';
import type { VectorsRef } from '../config/vocabulary.js';
import { loadOrt, type OrtModule } from '../onnx/session.js';
import { openLocalSource } from '../sources/local.js';
import type { SourceOpener } from '../sources/types.js';
import { openVectors } from '../vectors/open.js';
import type { OpenOptions, VectorSource } from '../vectors/types.js';
import type { StagingContext, StagingSide } from './context.js';
import {
  DEFAULT_MAX_DATA_BYTES,
  DEFAULT_MAX_MODEL_BYTES,
  type StagingLimits,
  type StagingReport,
} from './types.js';

/** A version as the plan resolved it: the loaded manifest (valid) and its vectors. */
export interface StagingVersion {
  readonly loaded: LoadedManifest;
  readonly vectors: StagingSide['vectors'];
}

/** The staging view of a version with a valid manifest and its resolved vectors. */
export function stagingVersion(loaded: LoadedManifest, vectors: VectorsRef): StagingVersion {
  const m = loaded.manifest!;
  return { loaded, vectors: { ...vectors, info: { dims: m.dims, dtype: m.dtype } } };
}

/** What the step needs from the gate's plan and dependencies. */
export interface StagingStepInput {
  readonly workspace: string;
  readonly cwd: string;
  readonly seed: number;
  readonly limits?: StagingLimits;
  /** onnxruntime, loaded only when something is to run; default onnxruntime-node. */
  readonly ort?: () => Promise<OrtModule>;
  readonly openVectors?: (path: string, opts: OpenOptions) => Promise<VectorSource>;
  /** Where model, labels and probe-set bytes come from; local files when absent. */
  readonly openSource?: SourceOpener;
  /** The candidate's valid manifest and its vectors, as the gate's plan resolved them. */
  readonly candidate: StagingVersion;
  /** Only when its vectors were readable. */
  readonly baseline?: StagingVersion;
  readonly contracts: readonly LoadedContract[];
  /** Told the models (consumers' models and probes) run so far, of all to run. */
  readonly onModel?: (done: number, total: number) => void;
  /** How consumers' models run over a version (StagingContext.consumerRun). */
  readonly consumerRun?: StagingContext['consumerRun'];
  /** How probes compare over their stored vectors (StagingContext.probeRun). */
  readonly probeRun?: StagingContext['probeRun'];
  /** A shard's staging: consumers' runs recorded, nothing judged. */
  readonly recordOnly?: boolean;
}

/**
 * Runs staging validation when the candidate declares a probe or encoders' probes, or an
 * applicable contract declares `staging`; undefined when there is nothing to run.
 * Throws ConfigError (exit 2) when a path escapes the workspace or is a URL.
 */
export async function stagingStep(
  input: StagingStepInput,
): Promise<{ report: StagingReport; findings: Finding[] } | undefined> {
  const manifest = input.candidate.loaded.manifest!;
  const consumers = input.contracts
    .filter((c) => c.contract?.embedding === manifest.name && c.contract.staging)
    .sort((a, b) => a.contract!.consumer.localeCompare(b.contract!.consumer));
  const probes: { modality: string; field: (string | number)[] }[] = [];
  if (manifest.probe) probes.push({ modality: 'model', field: ['probe'] });
  for (const modality of Object.keys(manifest.encoders ?? {}).sort())
    if (manifest.encoders![modality]!.probe)
      probes.push({ modality, field: ['encoders', modality, 'probe'] });
  if (consumers.length === 0 && probes.length === 0) return undefined;

  const side = (version: StagingVersion): StagingSide => ({
    manifest: version.loaded.manifest!,
    vectors: version.vectors,
  });
  const ctx: StagingContext = {
    workspace: input.workspace,
    cwd: input.cwd,
    ort: await (input.ort ?? loadOrt)(),
    openVectors: input.openVectors ?? openVectors,
    openSource: input.openSource ?? openLocalSource,
    limits: {
      maxModelBytes: input.limits?.maxModelBytes ?? DEFAULT_MAX_MODEL_BYTES,
      maxDataBytes: input.limits?.maxDataBytes ?? DEFAULT_MAX_DATA_BYTES,
      ...(input.limits?.threads !== undefined && { threads: input.limits.threads }),
    },
    seed: input.seed,
    candidate: side(input.candidate),
    ...(input.baseline && { baseline: side(input.baseline) }),
    ...(input.consumerRun && { consumerRun: input.consumerRun }),
    ...(input.probeRun && { probeRun: input.probeRun }),
    ...(input.recordOnly && { recordOnly: true }),
  };
  const findings: Finding[] = [];
  const report: {
    consumers: StagingReport['consumers'][number][];
    probes: StagingReport['probes'][number][];
  } = {
    consumers: [],
    probes: [],
  };
  // Loaded on demand: the probe readers pull in apache-arrow (~350 ms), which a gate
  // without staging should not pay.
  const { stageConsumer } = await import('./consumer.js');
  const { runProbe } = await import('./probe.js');
  const total = consumers.length + probes.length;
  let done = 0;
  input.onModel?.(done, total);
  for (const contract of consumers) {
    const outcome = await stageConsumer(ctx, contract);
    report.consumers.push(outcome.result);
    findings.push(...outcome.findings);
    input.onModel?.(++done, total);
  }
  for (const { modality, field } of probes) {
    const decl =
      modality === 'model' && field.length === 1
        ? manifest.probe!
        : manifest.encoders![modality]!.probe!;
    const outcome = await runProbe(ctx, input.candidate.loaded, decl, modality, field);
    report.probes.push(outcome.result);
    findings.push(...outcome.findings);
    input.onModel?.(++done, total);
  }
  return { report, findings };
}
