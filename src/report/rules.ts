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
};

/** The description of a check id. */
export function describeCheck(id: string): string {
  return CHECK_DESCRIPTIONS[id] ?? id;
}
