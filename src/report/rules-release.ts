/**
 * The rules of the release checks: consumers' models in staging, reproducibility probes,
 * version policy, space compatibility, the registry and lineage (see rules-gate.ts).
 */
import type { CheckRule } from './rules-gate.js';

const PENDING = ' A warning for a pending consumer.';

/** Rules of the staging and release checks, by id. */
export const RELEASE_RULES: Readonly<Record<string, CheckRule>> = {
  'staging.config': {
    summary: "A consumer's staging task, metric and thresholds fit together.",
    description: `Error: a contract's \`staging\` block does not fit together (a metric that does not judge the task, \`min\` given for mse or \`max\` for a score, a \`max_drop\` that allows anything, a \`threshold\` outside classification).${PENDING}`,
    help: 'Fix the field named; README "Consumer models" lists the metrics of each task.',
  },
  'staging.model': {
    summary: "A consumer's ONNX model is a readable, self-contained file within the size cap.",
    description: `Error: the consumer's model file is missing, over the size cap, not its recorded sha256, corrupted, keeps external data, or onnxruntime refuses to load it (the file and the cause).${PENDING}`,
    help: 'Export the model as one ONNX file inside the workspace; raise --max-model-mb only for a model you trust.',
  },
  'staging.io': {
    summary:
      "A consumer's model takes the candidate's vectors (input width, dtype) and yields what the task needs.",
    description: `Error, before anything runs: the model's input is not [batch, dims] of an element type the vectors convert to exactly, or its output does not fit the task (one score column, or one column per class).${PENDING}`,
    help: "The consumer's model cannot read these vectors: keep the space, or retrain the consumer's model with its owner.",
  },
  'staging.labels': {
    summary: "A consumer's labels file is well formed and labels ids present in the vectors.",
    description: `Error: the labels file is malformed (located at its file:line), repeats an id, holds a label the task cannot use, or labels no id of the candidate.${PENDING}`,
    help: 'Fix the line named; a labels file is `id,label` per line (CSV, or TSV when the first line holds a tab).',
  },
  'staging.coverage': {
    summary: "Every labeled id is in the candidate's vectors.",
    description:
      "Warning: some labeled ids are absent from the candidate's vectors; the metric is computed on the others.",
    help: 'Re-embed the missing items, or drop their labels if they were removed on purpose.',
  },
  'staging.run': {
    summary: "A consumer's model runs on the vectors.",
    description: `Error: the consumer's model failed while running on the vectors, or the vectors could not be read during the run (the file and the cause).${PENDING}`,
    help: 'Run the model on a batch of the vectors outside the gate; the message gives the cause onnxruntime or the reader reported.',
  },
  'staging.non-finite': {
    summary: "A consumer's model yields finite outputs on the candidate's vectors.",
    description: `Error: the consumer's model outputs NaN or ±Inf for some vectors (the first ids).${PENDING}`,
    help: 'Check the vectors of the ids named, and the model on inputs of that range.',
  },
  'staging.metric': {
    summary:
      "A consumer's model scores at least its floor on the candidate and drops no more than allowed.",
    description: `Error: the consumer's model scores below \`min\` (above \`max\` for mse) on the candidate, or worse than on the baseline by more than \`max_drop\`, significantly (paired bootstrap CI and a one-sided test at α = 0.05).${PENDING}`,
    help: "The consumer's model would lose quality on these vectors: fix the embedding, or retrain the consumer's model with its owner.",
  },
  'staging.inconclusive': {
    summary: 'The labeled examples rule out a drop larger than allowed.',
    description:
      'Warning: a worsening beyond `max_drop` is still plausible (the CI reaches beyond it) but not significant.',
    help: 'Label more examples to narrow the interval, or accept the risk explicitly with a waiver.',
  },
  'staging.no-baseline': {
    summary: "A consumer's allowed drop could be checked against the baseline.",
    description:
      "Warning: a `max_drop` could not be checked (no --baseline, or the model does not take the baseline's vectors), so only `min`/`max` were judged; or the model yields NaN/±Inf for some baseline vectors, which are left out of the comparison.",
    help: 'Run the gate with --baseline so the drop can be measured.',
  },
  'probe.model': {
    summary: 'The embedding model is a readable ONNX file whose output matches the stored vectors.',
    description:
      "Error: the manifest's probe model is missing, not its recorded sha256, unreadable by onnxruntime, or its output width differs from the stored vectors' dims.",
    help: 'Point `probe.model` at the ONNX export of the model that produced the vectors.',
  },
  'probe.inputs': {
    summary: "The probe set holds the model's inputs for each id.",
    description:
      'Error: the probe set lacks a column for a model input, holds values of the wrong type (floats for an integer input), nulls, or shapes the input cannot take.',
    help: 'Fix the probe set, or map its columns to the model inputs with `probe.columns` and `probe.shapes`.',
  },
  'probe.vectors': {
    summary: 'The stored vectors a probe compares with are readable.',
    description: 'Error: the stored vectors the probe compares with cannot be read.',
    help: "Check `probe.vectors` (default: the manifest's vectors) and the file itself.",
  },
  'probe.coverage': {
    summary: 'Every probe id has a stored vector.',
    description:
      'Warning: some probe ids have no stored vector (an error when none has one); the others are compared.',
    help: 'Use probe ids that are in the released vectors.',
  },
  'probe.non-finite': {
    summary: 'The embedding model yields finite vectors for the probe inputs.',
    description:
      'Error: the probe model outputs NaN or ±Inf for some probe inputs (the first ids).',
    help: 'Check the inputs of the ids named and the exported model.',
  },
  'probe.deviation': {
    summary:
      'The stored vectors are what the declared embedding model produces (1 − cos within the tolerance).',
    description:
      "Error: stored vectors differ from what the manifest's ONNX model produces for the probe inputs by more than the tolerance (1 − cos): count and worst ids, located at the worst id's row.",
    help: 'The vectors were not produced by this model with this preprocessing: re-embed with the declared model, or correct the manifest.',
  },
  'probe.unsupported': {
    summary: 'The stored vectors can be probed (not packed bits).',
    description:
      'Warning: packed binary vectors cannot be compared by cosine, so the probe was skipped.',
    help: 'Probe a float export of the same model, or remove the probe.',
  },
  'version.bump': {
    summary: "The candidate's version number declares at least the bump its changes require.",
    description:
      "Error at the candidate's `version:` line: the declared semver bump from the baseline is smaller than the changes require (MAJOR for a new space, MINOR for a retrained checkpoint or new data, PATCH for preprocessing), or the version is not greater. The message names every difference and its bump.",
    help: 'Release under the version the message suggests; a breaking change can be accepted only as a MAJOR.',
  },
  'version.immutable': {
    summary: 'A released version number is never reused for other content.',
    description:
      "Error: the candidate's name and version are in the registry with other content (its manifest, vectors or ids hash differently).",
    help: 'Give the new content a new version number.',
  },
  'version.released': {
    summary: 'Whether the candidate is already released.',
    description: 'Info: the candidate is a released version whose files hash as recorded.',
    help: 'Nothing to fix; promoting it again is a no-op.',
  },
  'compat.space': {
    summary: 'Whether old and new vectors may share one index.',
    description:
      'Info: the measured answer, mixable or re-index (neighbourhoods preserved or incompatible), with cross-version self-retrieval, same-id cosine, kNN overlap and CKA on a seeded sample of shared ids. A re-index answer makes the change a MAJOR (see version.bump).',
    help: 'Nothing to fix here; a re-index answer needs a MAJOR version and a re-index by every consumer.',
  },
  'compat.unmeasured': {
    summary: 'The spaces of the baseline and the candidate were compared.',
    description:
      'Warning: the spaces could not be compared (fewer than 50 shared ids, or vectors that cannot be read), so a minor or patch rests on the unverified assumption that they are compatible.',
    help: 'Keep ids stable across versions so the spaces can be compared, or release as a MAJOR.',
  },
  'registry.hash': {
    summary: 'Every released file still hashes as the registry recorded.',
    description:
      "Error: a released manifest, vectors or ids file no longer hashes as recorded, or is gone (a retired version's files may be deleted).",
    help: 'Restore the released file; released files are immutable, new content needs a new version.',
  },
  'registry.channel': {
    summary: "Each channel's version is its last history entry.",
    description:
      "Error: a registry channel's `version` is not the version of its last history entry (the registry was edited by hand).",
    help: 'Change channels only with promote and rollback, which append to the history.',
  },
  'deprecation.sunset': {
    summary: 'No consumer is left on versions past their sunset.',
    description:
      "Error when a consumer's range only matches versions past their sunset or retired (a warning, never blocking, for a pending consumer); a warning, with the days left, when it is pinned to a deprecated version (the version it reads from the gated channel, when one is given).",
    help: "Move the consumer's `accepts` range to a supported version with its owner.",
  },
  'lineage.mismatch': {
    summary: 'The recorded hashes match the pointer files of the model and data.',
    description:
      "Error: a hash or size the manifest records differs from the Git LFS or DVC pointer's (both values and the pointer's file:line).",
    help: 'Record the hashes of the checkpoint or dataset the vectors were made from, or point at the right pointer file.',
  },
  'lineage.pointer': {
    summary: 'Every pointer file the manifest names exists and is a Git LFS or DVC pointer.',
    description: 'Error: a `pointer` the manifest names is missing, unreadable, or neither format.',
    help: 'Point at the Git LFS pointer or .dvc file that versions the checkpoint or dataset.',
  },
  'lineage.unverifiable': {
    summary: 'The manifest and the pointer record a hash that can be compared.',
    description:
      'Warning: one side records nothing comparable (the manifest has no `md5` for a DVC pointer, or the pointer holds only an etag).',
    help: "Record the hash the pointer uses (DVC's md5, or the sha256 a Git LFS oid is).",
  },
};
