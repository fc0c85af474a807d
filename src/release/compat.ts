/**
 * Empirical space compatibility: may old and new vectors be mixed in one index, or must
 * every consumer re-index? Measured on a seeded sample of ids present in both versions.
 *
 * The answer rests on what a mixed index does: a query embedded by the new model searches
 * old vectors. So mixing needs each id's new vector to retrieve its own old vector (and
 * back) about as often as the old space retrieves itself, and the old neighbours it
 * retrieves to be the ones the old vector had (the mixed-index overlap). Both are ranks
 * within the space's own neighbourhoods, so they transfer from toy spaces to real,
 * anisotropic ones where an absolute same-id cosine of 0.93 already loses a tenth of
 * retrieval quality (README calibration table). A rotated or retrained space keeps its
 * neighbourhoods (kNN overlap ≈ 1, CKA ≈ 1) while moving every coordinate, so
 * neighbourhood measures alone would call it compatible; they say whether a re-index is
 * likely to keep quality.
 */
import type { OrtModule } from '../onnx/session.js';
import { openVectors } from '../vectors/open.js';
import type { OpenOptions, VectorSource } from '../vectors/types.js';
import {
  measureCompatibilityGemm,
  type CompatibilityMeasures,
  DEFAULT_K,
} from './compat-measures.js';
import { bottomK, readSampledRows, sharedKeys, type MatchBy } from './compat-sample.js';
import type { Metric } from '../config/manifest.js';
import type { RegistryCompatibility } from '../config/registry.js';
import { score } from '../config/numbers.js';

/** Decision thresholds; defaults calibrated on real and synthetic spaces (README, test/release/calibration.test.ts). */
export interface CompatibilityThresholds {
  /** Mixing needs recall@1 of self-retrieval, each direction, at least this × the old space's own. */
  readonly selfRecallRatio: number;
  /**
   * Mixing needs at least this fraction of ids nearer their old vector than its nearest old
   * neighbour (a single farther id is tolerated whatever the sample size).
   */
  readonly nearerThanNeighbour: number;
  /** Mixing needs the mean same-id cosine at least this... */
  readonly sameIdMean: number;
  /** ...and its 5th percentile at least this (no large minority of moved items). */
  readonly sameIdP5: number;
  /** For `dot` and `l2` spaces, mixing also needs the per-id norm ratio within 1 ± this (p5 and p95). */
  readonly normRatioTolerance: number;
  /** Neighbourhoods count as preserved when the kNN overlap@k is at least this... */
  readonly knnOverlap: number;
  /** ...and linear CKA at least this. */
  readonly cka: number;
  /** With cross-version benchmark cells: mixed-index quality / new-only quality at least this. */
  readonly crossVersionRatio: number;
}

/** What the analysis samples and how it decides. */
export interface CompatibilityOptions {
  /** Ids sampled (default 2,000; at most {@link MAX_SAMPLE}). */
  readonly sampleSize: number;
  readonly seed: number;
  /** Neighbours per id for the overlap (default 10). */
  readonly k: number;
  readonly thresholds: CompatibilityThresholds;
}

/** The calibrated defaults (see the README's calibration table). */
export const DEFAULT_THRESHOLDS: CompatibilityThresholds = {
  selfRecallRatio: 0.95,
  nearerThanNeighbour: 0.99,
  sameIdMean: 0.95,
  sameIdP5: 0.9,
  normRatioTolerance: 0.1,
  knnOverlap: 0.85,
  cka: 0.95,
  crossVersionRatio: 0.95,
};

/** Sample of 2,000 shared ids, seed 1, overlap@10, the calibrated thresholds. */
export const DEFAULT_COMPATIBILITY: CompatibilityOptions = {
  sampleSize: 2000,
  seed: 1,
  k: DEFAULT_K,
  thresholds: DEFAULT_THRESHOLDS,
};

/** Two Gram matrices of n² float32 each: 5,000 rows is 200 MB and ~20 G multiply-adds at 768 dims. */
export const MAX_SAMPLE = 5000;
/** Below this many shared ids the percentiles and overlaps say too little to decide. */
export const MIN_SAMPLE = 50;

/**
 * One cross-version cell of a benchmark suite: the new version's queries against a corpus
 * of old vectors (what a mixed index serves) and against new vectors (what a re-index
 * serves). Mixing needs the first to keep {@link CompatibilityThresholds.crossVersionRatio}
 * of the second.
 */
export interface CrossVersionEvidence {
  readonly suite: string;
  /** The measure compared, e.g. `ndcg_cut_10`. */
  readonly measure: string;
  /** New queries against the new corpus. */
  readonly newOnNew: number;
  /** New queries against the old corpus: what a mixed index serves. */
  readonly newOnOld: number;
}

/** The compatibility answer as the report carries it. */
export interface CompatibilityReport extends CompatibilityMeasures {
  /** `mixable`: old and new vectors may share one index; `reindex`: every consumer must re-index. */
  readonly verdict: 'mixable' | 'reindex';
  /** Whether neighbourhoods survive (kNN overlap and CKA over their thresholds). */
  readonly neighbourhoods: 'preserved' | 'changed';
  /** One plain sentence: the answer and the numbers it rests on. */
  readonly summary: string;
  readonly matchedBy: MatchBy;
  /** Ids present in both versions. */
  readonly shared: number;
  readonly seed: number;
  readonly dims: { readonly baseline: number; readonly candidate: number };
  readonly thresholds: CompatibilityThresholds;
  /** The benchmark cells the answer also rests on, when a suite measured them. */
  readonly crossVersion?: readonly CrossVersionEvidence[];
}

/** Why no answer could be measured. */
export interface CompatibilityUnmeasured {
  readonly unmeasured: string;
}

/** Turns measures into the answer. Pure: the thresholds decide, nothing else. */
export function judgeCompatibility(
  m: CompatibilityMeasures,
  context: { readonly dims: { baseline: number; candidate: number }; readonly metric: Metric },
  t: CompatibilityThresholds,
  crossVersion: readonly CrossVersionEvidence[] = [],
): Pick<CompatibilityReport, 'verdict' | 'neighbourhoods' | 'summary'> {
  const preserved = m.knnOverlap >= t.knnOverlap && m.cka >= t.cka;
  const geometry = `kNN overlap@${m.k} ${score(m.knnOverlap)}, CKA ${score(m.cka)}`;
  const neighbourhoods = preserved ? 'preserved' : 'changed';
  const why: string[] = [];
  if (!m.sameIdCosine) {
    why.push(
      `dims ${context.dims.baseline} → ${context.dims.candidate}: the vectors cannot share an index`,
    );
  } else {
    const c = m.sameIdCosine;
    const self = m.selfRetrieval;
    if (self) {
      const ceiling = self.oldOnOld.recall1;
      for (const [name, r] of [
        ['new → old', self.newToOld],
        ['old → new', self.oldToNew],
      ] as const) {
        if (!(r.recall1 >= t.selfRecallRatio * ceiling)) {
          why.push(
            `self-retrieval ${name} recall@1 ${score(r.recall1)} < ${t.selfRecallRatio} × ${score(ceiling)} (the old space's own)`,
          );
        }
      }
      // One id alone never decides: in a small sample one replaced vector (an integrity
      // problem the probes and hashes name) would otherwise read as a new space.
      const farther = Math.round((1 - self.nearerThanNeighbour) * m.rows);
      if (!(self.nearerThanNeighbour >= t.nearerThanNeighbour) && farther > 1) {
        why.push(
          `only ${score(self.nearerThanNeighbour)} of ids moved less than the distance to their nearest old neighbour (< ${t.nearerThanNeighbour}; mixed-index kNN overlap@${m.k} ${score(self.mixedOverlap)})`,
        );
      }
    }
    if (c.mean < t.sameIdMean) why.push(`same-id cosine mean ${score(c.mean)} < ${t.sameIdMean}`);
    if (c.p5 < t.sameIdP5) why.push(`same-id cosine p5 ${score(c.p5)} < ${t.sameIdP5}`);
    if (context.metric !== 'cosine' && m.normRatio) {
      const lo = 1 / (1 + t.normRatioTolerance);
      const hi = 1 + t.normRatioTolerance;
      if (m.normRatio.p5 < lo || m.normRatio.p95 > hi) {
        why.push(
          `norm ratio new/old p5–p95 ${score(m.normRatio.p5)}–${score(m.normRatio.p95)} outside ${score(lo)}–${score(hi)} (${context.metric} ranks by magnitude)`,
        );
      }
    }
  }
  for (const x of crossVersion) {
    const ratio = x.newOnOld / x.newOnNew;
    if (!(ratio >= t.crossVersionRatio)) {
      why.push(
        `${x.suite} ${x.measure}: new queries on old vectors ${score(x.newOnOld)} vs ${score(x.newOnNew)} on new (ratio ${score(ratio)} < ${t.crossVersionRatio})`,
      );
    }
  }
  if (why.length === 0) {
    const c = m.sameIdCosine!;
    const self = m.selfRetrieval;
    const ranks = self
      ? `self-retrieval recall@1 ${score(self.newToOld.recall1)}, nearer than the nearest neighbour ${score(self.nearerThanNeighbour)}, `
      : '';
    const drift = preserved
      ? ''
      : `; neighbourhoods shifted (${geometry}), so rankings will change`;
    return {
      verdict: 'mixable',
      neighbourhoods,
      summary: `mixable: old and new vectors may share one index (${ranks}same-id cosine mean ${score(c.mean)}, p5 ${score(c.p5)})${drift}`,
    };
  }
  const kind = !m.sameIdCosine
    ? preserved
      ? `neighbourhoods are preserved (${geometry}), so a re-index should keep quality`
      : `a different space (${geometry})`
    : preserved
      ? `neighbourhoods are preserved (${geometry}) but coordinates are not: a rotated or retrained space; a re-index should keep quality`
      : `neighbourhoods changed too (${geometry}): incompatible, a re-index will change rankings`;
  return {
    verdict: 'reindex',
    neighbourhoods,
    summary: `re-index required: old and new vectors must not be mixed; every consumer must re-index — ${why.join('; ')}; ${kind}`,
  };
}

/** One version's vectors as the analysis needs them. */
export interface VersionVectors {
  readonly path: string;
  readonly open: OpenOptions;
  readonly metric: Metric;
  /** Row count (from the scan). */
  readonly rows: number;
  /** Every id (from the scan); absent when the file has none, which matches rows by number. */
  readonly ids?: ReadonlySet<string>;
}

/** Opens a vectors file; the readers by default, an in-memory source in tests. */
export type VectorOpener = (path: string, opts: OpenOptions) => Promise<VectorSource>;

/**
 * Reads the sampled rows (`wanted`: key → sample row) of one version as a float32 matrix,
 * with how many were found. {@link readWhole} streams the file; a sharded run answers from
 * its shards' candidates (gate/shard-sample.ts).
 */
export type SampleReader = (
  version: VersionVectors,
  wanted: ReadonlyMap<string, number>,
  by: MatchBy,
) => Promise<{ values: Float32Array; dims: number; found: number }>;

/** The single run's sample read: one streaming pass over the whole file. */
export function readWhole(open: VectorOpener): SampleReader {
  return async (version, wanted, by) => {
    const source = await open(version.path, version.open);
    try {
      return await readSampledRows(source, wanted, by);
    } finally {
      await source.close();
    }
  };
}

/**
 * Samples shared ids, reads those rows from both files (one streaming pass each, only the
 * sample kept in memory), measures and judges. Throws what the readers throw.
 */
export async function analyzeCompatibility(
  baseline: VersionVectors,
  candidate: VersionVectors,
  options: CompatibilityOptions = DEFAULT_COMPATIBILITY,
  open: VectorOpener = openVectors,
  crossVersion: readonly CrossVersionEvidence[] = [],
  ort?: () => Promise<OrtModule>,
  readSample: SampleReader = readWhole(open),
): Promise<CompatibilityReport | CompatibilityUnmeasured> {
  const by: MatchBy = baseline.ids && candidate.ids ? 'id' : 'row';
  const size = Math.min(Math.max(options.sampleSize, 1), MAX_SAMPLE);
  let shared = 0;
  const keys = bottomK(
    (function* () {
      for (const key of sharedKeys(baseline, candidate, by)) {
        shared++;
        yield key;
      }
    })(),
    size,
    options.seed,
  );
  if (keys.length < MIN_SAMPLE) {
    return {
      unmeasured: `only ${shared} ${by === 'id' ? 'ids are' : 'rows are'} present in both versions; at least ${MIN_SAMPLE} are needed to compare the spaces`,
    };
  }
  const wanted = new Map(keys.map((k, i) => [k, i]));
  const a = await readSample(baseline, wanted, by);
  const b = await readSample(candidate, wanted, by);
  if (a.found !== keys.length || b.found !== keys.length) {
    return {
      unmeasured: `the sampled rows were not all found on the second read (${a.found} and ${b.found} of ${keys.length}); did a file change during the gate?`,
    };
  }
  const measures = await measureCompatibilityGemm(
    { values: a.values, rows: keys.length, dims: a.dims, metric: baseline.metric },
    { values: b.values, rows: keys.length, dims: b.dims, metric: candidate.metric },
    options.k,
    ort ? { ort: await ort() } : {},
  );
  const dims = { baseline: a.dims, candidate: b.dims };
  const judged = judgeCompatibility(
    measures,
    { dims, metric: candidate.metric },
    options.thresholds,
    crossVersion,
  );
  return {
    ...measures,
    ...judged,
    matchedBy: by,
    shared,
    seed: options.seed,
    dims,
    thresholds: options.thresholds,
    ...(crossVersion.length ? { crossVersion } : {}),
  };
}

/** The compatibility options a registry's policy block sets over `base`. */
export function compatibilityFromRegistry(
  policy: RegistryCompatibility | undefined,
  base: CompatibilityOptions,
): CompatibilityOptions {
  if (!policy) return base;
  const t = base.thresholds;
  return {
    sampleSize: policy.sample_size ?? base.sampleSize,
    seed: policy.seed ?? base.seed,
    k: policy.k ?? base.k,
    thresholds: {
      selfRecallRatio: policy.self_recall_ratio ?? t.selfRecallRatio,
      nearerThanNeighbour: policy.nearer_than_neighbour ?? t.nearerThanNeighbour,
      sameIdMean: policy.same_id_cosine_mean ?? t.sameIdMean,
      sameIdP5: policy.same_id_cosine_p5 ?? t.sameIdP5,
      normRatioTolerance: policy.norm_ratio_tolerance ?? t.normRatioTolerance,
      knnOverlap: policy.knn_overlap ?? t.knnOverlap,
      cka: policy.cka ?? t.cka,
      crossVersionRatio: policy.cross_version_ratio ?? t.crossVersionRatio,
    },
  };
}
