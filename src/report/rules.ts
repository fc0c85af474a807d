/**
 * One-line descriptions of the gate's check ids, for machine formats that describe their
 * rules (SARIF `tool.driver.rules`, JUnit class names). An id not listed here is described
 * by its own name, so a new check never breaks a formatter.
 */
export const CHECK_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'manifest.schema': 'The manifest matches contracts/manifest.schema.json.',
  'contract.schema': 'The consumer contract matches contracts/contract.schema.json.',
  'waivers.schema': 'The waivers file matches contracts/waivers.schema.json.',
  'vectors.readable': 'The vectors file can be read completely.',
  'vectors.sha256': 'The vectors file hashes to the sha256 the manifest records.',
  'vectors.empty': 'The vectors file has rows.',
  'vectors.dims': "The vectors' dimension is the manifest's.",
  'vectors.dtype': "The vectors' element type is the manifest's.",
  'vectors.non-finite': 'No vector holds NaN or infinite values.',
  'vectors.zero': 'No vector is all zeros.',
  'vectors.normalization': "The vectors' norms match the manifest's normalization.",
  'vectors.ids-absent': 'The vectors carry ids.',
  'vectors.ids-duplicate': 'No id is repeated.',
  'contract.version': "The candidate's version is inside the consumer's accepted range.",
  'contract.dims': "The candidate's dimension is the consumer's.",
  'contract.dtype': "The candidate's element type is one the consumer accepts.",
  'contract.normalization': "The candidate's normalization is the consumer's.",
  'contract.metric': "The candidate's metric is the consumer's.",
  'contract.none-active': 'At least one active consumer reads this embedding.',
  'baseline.changed': 'What changed from the baseline version.',
  'baseline.ids-missing': 'Every baseline id is still in the candidate.',
  'baseline.ids-added': 'Ids new in the candidate.',
  'waiver.expired': 'Every waiver is within its expiry date.',
  'waiver.unused': 'Every waiver matches a finding.',
  'staging.config': "A consumer's staging task, metric and thresholds fit together.",
  'staging.model':
    "A consumer's ONNX model is a readable, self-contained file within the size cap.",
  'staging.io':
    "A consumer's model takes the candidate's vectors (input width, dtype) and yields what the task needs.",
  'staging.labels':
    "A consumer's labels file is well formed and labels ids present in the vectors.",
  'staging.coverage': "Every labeled id is in the candidate's vectors.",
  'staging.run': "A consumer's model runs on the vectors.",
  'staging.non-finite': "A consumer's model yields finite outputs on the candidate's vectors.",
  'staging.metric':
    "A consumer's model scores at least its floor on the candidate and drops no more than allowed.",
  'staging.inconclusive': 'The labeled examples rule out a drop larger than allowed.',
  'staging.no-baseline': "A consumer's allowed drop could be checked against the baseline.",
  'probe.model':
    'The embedding model is a readable ONNX file whose output matches the stored vectors.',
  'probe.inputs': "The probe set holds the model's inputs for each id.",
  'probe.vectors': 'The stored vectors a probe compares with are readable.',
  'probe.coverage': 'Every probe id has a stored vector.',
  'probe.non-finite': 'The embedding model yields finite vectors for the probe inputs.',
  'probe.deviation':
    'The stored vectors are what the declared embedding model produces (1 − cos within the tolerance).',
  'probe.unsupported': 'The stored vectors can be probed (not packed bits).',
};

/** The description of a check id. */
export function describeCheck(id: string): string {
  return CHECK_DESCRIPTIONS[id] ?? id;
}
