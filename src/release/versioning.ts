/**
 * The versioning part of the gate, called once by the engine: lineage of the candidate,
 * the empirical compatibility of candidate and baseline, the required semver bump, and —
 * with a registry — immutability, released-file hashes and the deprecation policy.
 * Returns findings and report sections; never prints, never exits.
 */
import type { OrtModule } from '../onnx/session.js';
import { sha256File } from '../sources/hash.js';
import type { SourceOpener } from '../sources/types.js';
import { ConfigError } from '../config/document.js';
import type { LoadedContract } from '../config/contract.js';
import type { Finding } from '../config/findings.js';
import { count } from '../config/numbers.js';
import { VectorFileError } from '../vectors/types.js';
import type { SuiteReport } from '../retrieval/suite-report.js';
import { checkBump, classifyChange, type RequiredBump } from './bump.js';
import {
  analyzeCompatibility,
  compatibilityFromRegistry,
  DEFAULT_COMPATIBILITY,
  type CompatibilityOptions,
  type CompatibilityReport,
  type CompatibilityUnmeasured,
  type CrossVersionEvidence,
  type SampleReader,
  type VectorOpener,
  type VersionVectors,
} from './compat.js';
import { checkLineage, type LineageCheck, type LoadedPointer } from './lineage.js';
import type { LoadedManifest } from '../config/manifest.js';
import type { LoadedRegistry } from '../config/registry.js';
import type { VectorsRef } from '../config/vocabulary.js';
import {
  checkDeprecations,
  checkImmutable,
  checkRegistryHashes,
  hashRelease,
  type ConsumerPin,
} from './registry-check.js';

/** Command-line overrides of the compatibility options (over the registry's policy). */
export interface CompatibilityOverrides {
  readonly sampleSize?: number;
  readonly seed?: number;
}

/** One version as the plan resolved it and the scan measured it. */
export interface ScannedVersion {
  readonly loaded: LoadedManifest;
  /** Its vectors, resolved once by the plan (absent when the manifest is invalid). */
  readonly vectors?: VectorsRef;
  /** Undefined when the vectors could not be read. */
  readonly rows?: number;
  readonly ids?: ReadonlySet<string>;
}

/** What the engine hands the versioning checks. */
export interface VersioningInput {
  readonly workspace: string;
  readonly cwd: string;
  /** The registry, loaded by the plan. */
  readonly registry?: LoadedRegistry;
  /** The candidate's lineage pointer files, read by the plan. */
  readonly pointers: readonly LoadedPointer[];
  readonly compatibility?: CompatibilityOverrides;
  readonly candidate: ScannedVersion;
  readonly baseline?: ScannedVersion;
  readonly contracts: readonly LoadedContract[];
  readonly now: Date;
  /** Opens vectors files for the compatibility sample; without it the spaces are not compared. */
  readonly open?: VectorOpener;
  /** onnxruntime for the compatibility products (default: the process's, loaded on first use). */
  readonly ort?: () => Promise<OrtModule>;
  /** Reads the sampled rows; absent: each file streamed whole through `open`. */
  readonly readSample?: SampleReader;
  /** Benchmark suites that ran: their cross-version cells join the compatibility answer. */
  readonly suites?: readonly SuiteReport[];
  /** The registry channel the baseline came from: consumers' pins follow it. */
  readonly channel?: string;
  /** Reads the registry's released files and the candidate's for their sha256 (the engine's confined opener). */
  readonly openSource?: SourceOpener;
}

/** The report sections this part contributes, and its findings. */
export interface VersioningOutput {
  readonly findings: Finding[];
  readonly requiredBump?: RequiredBump;
  readonly compatibility?: CompatibilityReport;
  readonly pins?: ConsumerPin[];
  readonly lineage?: LineageCheck[];
  /** sha256 of the candidate manifest file, so `promote` can tell the gated file from a later edit. */
  readonly candidateManifestSha256?: string;
}

function versionVectors(v: ScannedVersion): VersionVectors | undefined {
  const m = v.loaded.manifest;
  if (!m || !v.vectors || v.rows === undefined) return undefined;
  return {
    path: v.vectors.path,
    open: v.vectors.open,
    metric: m.metric,
    rows: v.rows,
    ...(v.ids ? { ids: v.ids } : {}),
  };
}

/** The compatibility options of a run: the registry's policy, then the request's sample size and seed. */
export function effectiveCompatibility(
  registry: VersioningInput['registry'],
  overrides: CompatibilityOverrides | undefined,
): CompatibilityOptions {
  const options = compatibilityFromRegistry(
    registry?.registry?.compatibility,
    DEFAULT_COMPATIBILITY,
  );
  return {
    ...options,
    sampleSize: overrides?.sampleSize ?? options.sampleSize,
    seed: overrides?.seed ?? options.seed,
  };
}

/** Runs every versioning check the inputs allow. Throws ConfigError for unreadable files (exit 2). */
export async function runVersioning(input: VersioningInput): Promise<VersioningOutput> {
  const findings: Finding[] = [];
  const candidate = input.candidate.loaded;
  const cm = candidate.manifest;
  const out: { -readonly [K in keyof VersioningOutput]: VersioningOutput[K] } = { findings };

  const registry = input.registry;
  if (registry) findings.push(...registry.findings);
  const options = effectiveCompatibility(registry, input.compatibility);

  if (cm) {
    out.candidateManifestSha256 = await sha256File(candidate.doc.path, input.openSource);
    const lineage = checkLineage(candidate, input.pointers);
    findings.push(...lineage.findings);
    if (lineage.checks.length) out.lineage = lineage.checks;
  }

  const bm = input.baseline?.loaded.manifest;
  if (cm && bm && input.baseline) {
    let compat: CompatibilityReport | CompatibilityUnmeasured | undefined;
    const a = versionVectors(input.baseline);
    const b = versionVectors(input.candidate);
    if (!a || !b) compat = { unmeasured: 'the vectors of one version could not be read' };
    else if (!input.open) compat = { unmeasured: 'no vectors reader was given to the engine' };
    else {
      try {
        compat = await analyzeCompatibility(
          a,
          b,
          options,
          input.open,
          crossVersionCells(input.suites),
          input.ort,
          input.readSample,
        );
      } catch (err) {
        if (!(err instanceof VectorFileError)) throw err;
        compat = { unmeasured: `reading the sample failed: ${err.message}` };
      }
    }
    const classified = classifyChange(bm, cm, compat);
    const bump = checkBump(bm, cm, candidate.doc, classified);
    findings.push(...bump.findings);
    const v = bump.summary;
    out.requiredBump = {
      level: v.required,
      declared: v.declared,
      reasons: v.reasons.map((r) => `${r.level}: ${r.field} ${r.from} → ${r.to} — ${r.why}`),
      from: v.from,
      to: v.to,
      sufficient: v.sufficient,
      details: v.reasons,
    };
    const where = { file: candidate.doc.file };
    if ('verdict' in compat) {
      out.compatibility = compat;
      findings.push({
        id: 'compat.space',
        severity: 'info',
        message: `${bm.version} → ${cm.version}: ${compat.summary} (${count(compat.rows)} of ${count(compat.shared)} shared ids sampled, seed ${compat.seed})`,
        location: where,
      });
    } else if (classified.reasons.every((r) => r.level !== 'major')) {
      // Without the measurement a minor or patch could hide a swapped space: say so.
      findings.push({
        id: 'compat.unmeasured',
        severity: 'warning',
        message: `the spaces of ${bm.version} and ${cm.version} were not compared (${compat.unmeasured}); a ${classified.required === 'none' ? 'release' : classified.required + ' bump'} assumes they are compatible, which is unverified`,
        location: where,
      });
    }
  }

  if (registry?.registry) {
    findings.push(
      ...(await checkRegistryHashes(registry, input.workspace, input.cwd, input.openSource)),
    );
    const vectors = input.candidate.vectors;
    if (cm && vectors) {
      const files = await hashRelease(
        registry.doc.path,
        {
          manifest: candidate.doc.path,
          vectors: vectors.path,
          ...(vectors.open.idsPath ? { ids: vectors.open.idsPath } : {}),
        },
        input.openSource,
      ).catch((err: unknown) => {
        // Refused by the confined opener: the configuration error it is, not "unhashable".
        if (err instanceof ConfigError) throw err;
        return undefined;
      });
      if (files)
        findings.push(
          ...checkImmutable(
            registry,
            cm.name,
            cm.version,
            files,
            candidate.doc.locate(['version']),
          ),
        );
    }
    const deprecations = checkDeprecations(
      registry.registry,
      input.contracts,
      input.now,
      input.channel,
    );
    findings.push(...deprecations.findings);
    out.pins = deprecations.pins;
  }
  return out;
}

/** The cross-version cells of the suites that ran (same dims only), as compatibility evidence. */
export function crossVersionCells(suites: readonly SuiteReport[] = []): CrossVersionEvidence[] {
  return suites.flatMap((s) =>
    (s.cross ?? []).map((c) => ({
      suite: s.suite,
      measure: c.metric,
      newOnNew: c.candidateCandidate,
      newOnOld: c.candidateQueriesBaselineCorpus,
    })),
  );
}
