/**
 * The rules of the checks on the user's files, the vectors, the consumer contracts, the
 * baseline, waivers and benchmark suites. The release checks (staging, probes, versioning,
 * registry, lineage) are in rules-release.ts; README's "What the gate checks" says the same
 * in a table, and test/report/rules-coverage.test.ts keeps the three in step with src/.
 */

/** What a machine format says about one check id (SARIF `reportingDescriptor`). */
export interface CheckRule {
  /** What holds when the check passes, in one sentence (SARIF `shortDescription`). */
  readonly summary: string;
  /** What raises the finding, at which severity, and what its message names (SARIF `fullDescription`). */
  readonly description: string;
  /** What to do about a finding (SARIF `help`). */
  readonly help: string;
}

const SCHEMA_HELP =
  'Fix the field at the location given; the message names what the schema expects there, with a "did you mean" for a misspelt key. Editors can validate the file live against the published schema.';

function schemaRule(file: string, schema: string): CheckRule {
  return {
    summary: `The ${file} matches contracts/${schema}.`,
    description: `Error: the ${file} does not match contracts/${schema}. One finding per problem, located at the offending field (file:line:column); nothing else about the file is checked until it is valid.`,
    help: SCHEMA_HELP,
  };
}

/** Rules of the checks up to the engine floor, by id. */
export const GATE_RULES: Readonly<Record<string, CheckRule>> = {
  'manifest.schema': schemaRule('manifest', 'manifest.schema.json'),
  'contract.schema': schemaRule('consumer contract', 'contract.schema.json'),
  'waivers.schema': schemaRule('waivers file', 'waivers.schema.json'),
  'suite.schema': schemaRule('benchmark suite file', 'suite.schema.json'),
  'registry.schema': schemaRule('version registry', 'registry.schema.json'),
  'vectors.readable': {
    summary: 'The vectors file can be read completely.',
    description:
      'Error: the vectors file is missing, truncated, has the wrong magic bytes, is damaged, or promises more rows than it holds. The message gives the byte offset or row where reading stopped.',
    help: 'Check the path in the manifest and re-export the file; the message says what the reader expected at the offset given.',
  },
  'vectors.sha256': {
    summary: 'The vectors file hashes to the sha256 the manifest records.',
    description:
      'Error: the manifest records a sha256 of the vectors file and the file hashes to another value: the file changed after the manifest was written.',
    help: 'Record the sha256 of the file you mean to release, or restore the file that was recorded.',
  },
  'vectors.parts': {
    summary: "A dataset's parts are the ones its manifest records.",
    description:
      "Error: the manifest records a dataset's parts (vectors.parts) and a part was added, is missing, or changed in size or sha256 since: each is named.",
    help: 'Record the parts you mean to release (name, size, sha256), or restore the parts that were recorded.',
  },
  'vectors.empty': {
    summary: 'The vectors file has rows.',
    description: 'Error: the vectors file holds no rows.',
    help: 'Check the export that wrote the file.',
  },
  'vectors.dims': {
    summary: "The vectors' dimension is the manifest's.",
    description:
      "Error: the rows of the vectors file have another width than the manifest's `dims`.",
    help: 'Correct `dims` in the manifest, or re-export the vectors from the model the manifest names.',
  },
  'vectors.rows': {
    summary: "The vectors file holds the manifest's `expected_rows`.",
    description:
      "Error: the measured row count differs from the manifest's `expected_rows`: a partial (or doubled) write, caught with or without a baseline.",
    help: 'Re-export the complete vectors file, or correct `expected_rows` if the dataset changed on purpose.',
  },
  'vectors.dtype': {
    summary: "The vectors' element type is the manifest's.",
    description: "Error: the file's element type differs from the manifest's `dtype`.",
    help: 'Correct `dtype` in the manifest, or re-export the vectors with the declared element type.',
  },
  'vectors.non-finite': {
    summary: 'No vector holds NaN or infinite values.',
    description:
      'Error: some vectors hold NaN or ±Inf values. The message counts the values and rows and names the first ids; the finding is located at the first one.',
    help: 'Find the inputs of the ids named (empty texts, overflow in float16) and re-embed them.',
  },
  'vectors.zero': {
    summary: 'No vector is all zeros.',
    description:
      'Warning: some vectors are all zeros (no direction, so cosine is undefined). The message counts them and names the first ids.',
    help: 'Find why the model produced nothing for the ids named (empty inputs are the usual cause) and re-embed or drop them.',
  },
  'vectors.normalization': {
    summary: "The vectors' norms match the manifest's normalization.",
    description:
      'Error when the manifest says `l2` and some rows have |‖v‖ − 1| > 0.001 (count, norm range, first ids). Info when it says `none` but every vector is unit-norm.',
    help: 'Normalise the vectors before export, or declare the normalization they have.',
  },
  'vectors.ids-absent': {
    summary: 'The vectors carry ids.',
    description:
      'Warning: the vectors file has no ids; 0-based row numbers stand in, so rows cannot be matched across versions if the order changes.',
    help: 'Export an id column (or an ids file beside a .npy) so versions can be compared id by id.',
  },
  'vectors.ids-duplicate': {
    summary: 'No id is repeated.',
    description:
      'Error: some ids occur more than once. The message counts them and names the first.',
    help: 'Deduplicate the rows before export; a lookup by id must find one vector.',
  },
  'contract.version': {
    summary: "The candidate's version is inside the consumer's accepted range.",
    description:
      "Error: the candidate's version is outside the consumer's `accepts` semver range (prereleases included). A warning for a pending consumer.",
    help: "Agree a new range with the consumer's owner, or release under a version the range accepts.",
  },
  'contract.dims': {
    summary: "The candidate's dimension is the consumer's.",
    description:
      "Error: the candidate's `dims` differ from the consumer's `requires.dims`. A warning for a pending consumer.",
    help: "The consumer cannot read these vectors: keep the dimension, or coordinate a migration with the consumer's owner.",
  },
  'contract.dtype': {
    summary: "The candidate's element type is one the consumer accepts.",
    description:
      "Error: the candidate's `dtype` is not one the consumer's `requires.dtype` accepts. A warning for a pending consumer.",
    help: 'Release the element type the consumer reads, or agree the change with its owner.',
  },
  'contract.normalization': {
    summary: "The candidate's normalization is the consumer's.",
    description:
      "Error: the candidate's normalization is not the consumer's `requires.normalization`; `l2` is checked against the measured norms with the consumer's `norm_tolerance`. A warning for a pending consumer.",
    help: 'Normalise the vectors as the consumer requires, or agree the change with its owner.',
  },
  'contract.metric': {
    summary: "The candidate's metric is the consumer's.",
    description:
      "Error: the candidate's metric is not the consumer's `requires.metric` (`cosine` and `dot` are accepted for each other on l2-normalised vectors). A warning for a pending consumer.",
    help: 'Release vectors for the metric the consumer uses, or agree the change with its owner.',
  },
  'manifest.placeholder': {
    summary: 'The manifest holds real values, not the placeholders `init` writes.',
    description:
      'Error: a manifest field (model.name, model.revision, inputs.dataset, inputs.sha256, tag) still holds the "TODO" (or all-zero sha256) placeholder that `embedding-gate init` wrote; the finding is located at the field.',
    help: 'Replace the placeholder with the real model, revision, input dataset or hash; `init --model --revision --dataset --inputs-sha256` fills them when known.',
  },
  'contract.placeholder': {
    summary: 'The consumer contract names its consumer and owner.',
    description:
      'Error: a contract written by `embedding-gate init --contract` still has "TODO" as its consumer or owner; the finding is located at the field.',
    help: 'Name the downstream system and the team that owns it; the owner is who a blocked release asks.',
  },
  'contract.rows': {
    summary: "The candidate holds at least the consumer's `min_rows`.",
    description:
      "Error: the candidate's vectors file holds fewer rows than the consumer's `requires.min_rows`. A warning for a pending consumer.",
    help: 'Re-export the complete vectors file, or agree a smaller catalogue with the consumer’s owner.',
  },
  'contract.coverage': {
    summary: "The candidate holds the consumer's `min_coverage` of the baseline's ids.",
    description:
      "Error: the fraction of baseline ids still in the candidate is below the consumer's `requires.min_coverage` (declared removals count as lost for the consumer). A warning when it could not be measured (no baseline, or a side without ids), and for a pending consumer.",
    help: 'Re-embed the missing items, or agree the removal with the consumer’s owner; gate with a baseline so coverage is measured.',
  },
  'contract.none-active': {
    summary: 'At least one active consumer reads this embedding.',
    description:
      'Warning: contracts were given, but none is an active consumer of this embedding, so no consumer requirement gated the candidate.',
    help: "Check the contracts directory and each contract's `embedding` name; a contract still being agreed is `status: pending`.",
  },
  'baseline.changed': {
    summary: 'What changed from the baseline version.',
    description:
      'Info: dims, dtype, metric, normalisation, model, model revision or dataset changed from the baseline; one finding per field, located at the field.',
    help: 'Nothing to fix: the version bump and the consumer contracts judge whether the change is allowed.',
  },
  'baseline.ids-missing': {
    summary: 'Every baseline id is still in the candidate.',
    description:
      "Error when more baseline ids are absent from the candidate than tolerated (one id, or 0.1% of the baseline's ids when that is more) and not declared in the manifest's `removals.ids`; a warning within the tolerance. Consumers looking them up will miss. The message counts them and names the first.",
    help: "Re-embed the missing items, or list the ids removed on purpose in a file named by the manifest's `removals.ids`.",
  },
  'baseline.removal-present': {
    summary: 'Every id the manifest declares removed is gone from the candidate.',
    description:
      "Warning: ids listed in the manifest's `removals.ids` are still in the candidate: the removal did not happen, or the list is wrong. The message counts them and names the first.",
    help: 'Remove those ids from the vectors, or from the removals file.',
  },
  'baseline.ids-added': {
    summary: 'Ids new in the candidate.',
    description: 'Info: the candidate has ids the baseline does not (count and first ids).',
    help: 'Nothing to fix; listed so a reviewer sees the corpus grew.',
  },
  'waiver.expired': {
    summary: 'Every waiver is within its expiry date.',
    description:
      "Error: a waiver is past its `expires` date; the finding it waived blocks again. Located at the waiver's `expires`.",
    help: 'Fix the finding and delete the waiver, or renew it with a new date and a reason.',
  },
  'waiver.unused': {
    summary: 'Every waiver matches a finding.',
    description:
      'Info: a waiver matches no finding of this run: the finding is gone, or the fingerprint is not the one in the report.',
    help: 'Delete the waiver, or copy the fingerprint from the JSON report.',
  },
  'bench.regression': {
    summary: "The candidate meets each consumer's quality floor on its benchmark suite.",
    description:
      "Error: on a suite, the candidate scores below a consumer's `min`, or drops by more than its `max_drop` significantly (one-sided sign-flip test, Holm-adjusted over the consumer's floors with `max_drop` on the suite, α = 0.05). A warning for a pending consumer.",
    help: 'Look at the most regressed queries in the report; fix the model or the data, or agree a new floor with the consumer.',
  },
  'bench.inconclusive': {
    summary: 'The suite rules out a drop larger than each consumer allows.',
    description:
      'Warning: a drop beyond `max_drop` is neither significant nor ruled out — on a suite powered for `max_drop`, the mean dropped by more than it; otherwise the 95% CI reaches below −max_drop (then the warning is folded into `bench.underpowered`). An error when the floor sets `on_inconclusive: block`.',
    help: 'Add judged queries to the suite to narrow the interval, set `on_inconclusive: block` to make it block, or accept the risk explicitly with a waiver.',
  },
  'bench.underpowered': {
    summary: 'Each suite can resolve the `max_drop` its floors enforce.',
    description:
      'Warning: the suite blocks a drop of max_drop + e with 80% power, where the minimum detectable effect e = (z(1−α/k) + z(0.8))·sd/√n of the paired deltas is larger than `max_drop`; the message says how many judged queries would bring e down to `max_drop`. An inconclusive outcome of such a floor is told here instead of in a second warning.',
    help: 'Add judged queries to the suite (the message says how many), or agree a larger `max_drop` with the consumer.',
  },
  'bench.significant-drop': {
    summary: 'No significant drop goes unmentioned.',
    description:
      'Info: a floor with only `min` passes, but its metric dropped significantly (one-sided sign-flip test of no drop, p < 0.05, not adjusted); nothing blocks on it because the floor sets no `max_drop`.',
    help: 'Add `max_drop` to the floor if the consumer cares about drops above its `min`.',
  },
  'bench.no-baseline': {
    summary: "A consumer's allowed drop could be checked against the baseline.",
    description:
      'Warning: a `max_drop` floor cannot be checked because the suite has no query embeddings for the baseline version. Info when the suite lacks them and no floor needs them.',
    help: 'Add `versions.<baseline>.queries` to the suite file.',
  },
  'bench.recorded': {
    summary: 'The suite results the manifest records are the ones the gate measures.',
    description:
      'Warning: the candidate manifest records a suite result the gate does not reproduce (difference > 1e-4): the vectors or the suite changed since it was recorded.',
    help: 'Re-run the evaluation and record its result, or find what changed in the vectors or the suite.',
  },
  'bench.suite-missing': {
    summary: 'Every suite a consumer names was given.',
    description:
      'Error: a quality floor names a suite that is neither listed in the candidate manifest nor passed with --suites. A warning for a pending consumer.',
    help: "List the suite in the manifest's `suites` or pass it with --suites.",
  },
  'bench.suite-version': {
    summary: 'Each suite has query embeddings for the candidate version.',
    description:
      'Error (a warning when no active consumer depends on the suite): the suite file has no `versions.<candidate>.queries`.',
    help: "Embed the suite's queries with the candidate model and add them under its version.",
  },
  'bench.metric': {
    summary: 'Every metric a floor names is one the gate computes.',
    description:
      'Error (a warning for a pending consumer): a quality floor names an unknown metric, or one with a malformed cutoff.',
    help: 'Use a trec_eval measure name such as ndcg@10, recall@100 or map.',
  },
  'bench.depth': {
    summary: "Every metric's cutoff fits the suite's retrieval depth.",
    description:
      "Error (a warning when no active consumer depends on the suite): a metric's cutoff is deeper than the suite's `k`.",
    help: "Raise the suite's `k`, or lower the metric's cutoff.",
  },
  'bench.qrels': {
    summary: "A suite's relevance judgments can be read.",
    description:
      "Error (a warning when no active consumer depends on the suite): the suite's qrels file is missing or malformed; located at its file:line.",
    help: 'Fix the line named; qrels are `qid 0 docid rel` (TREC) or a TSV with a header.',
  },
  'bench.vectors': {
    summary: "A suite's query and corpus vectors can be read.",
    description:
      "Error (a warning when no active consumer depends on the suite): a suite's query or corpus vectors file cannot be read.",
    help: 'Check the path in the suite file and the file itself; the message gives the offset where reading stopped.',
  },
  'bench.knn': {
    summary: "A suite's queries and corpus fit together.",
    description:
      "Error (a warning when no active consumer depends on the suite): the suite's queries and corpus cannot be searched together (dims or element types differ, ids missing).",
    help: 'Embed the queries with the same model, dims and dtype as the corpus.',
  },
  'bench.evaluation': {
    summary: 'A suite can be evaluated.',
    description:
      "Error (a warning when no active consumer depends on the suite): the run could not be scored against the suite's judgments (an unknown measure, no judged query retrieved, an invalid run).",
    help: "Check that the suite's query ids match its judgments; the message names what failed.",
  },
  'bench.suite-duplicate': {
    summary: 'Suite names are unique.',
    description: 'Error: two suite files declare the same `suite` name.',
    help: 'Rename one of the suites; floors name suites by that name.',
  },
  'runtime.wasm': {
    summary: "The run's kNN and models ran on onnxruntime's native CPU runtime.",
    description:
      "Info: no native onnxruntime could be had (no download, no cache, no offline folder, or an unsupported platform), so the run's kNN, staging models and compatibility products ran on onnxruntime-web's WebAssembly build. The results and the verdict are the same; the run is slower. The message says why, and the report's `onnxRuntime` records it.",
    help: 'Let the gate download onnxruntime-node from the npm registry the runner is configured for (npm\'s registry, credentials and proxy settings are honoured; or set EMBEDDING_GATE_NPM_REGISTRY to a mirror), or set EMBEDDING_GATE_ONNXRUNTIME_DIR to a folder holding its binaries (README, "Runners and downloads").',
  },
};
