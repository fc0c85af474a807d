/**
 * Placeholders left in a manifest or contract: `embedding-gate init` writes "TODO" for what
 * only the user knows (the model, its revision, the input data and its hash, the consumer and
 * its owner). They pass the schema on purpose — the file stays editable and checkable — so
 * this check is what keeps such a file from being promoted.
 */
import type { Finding } from '../../config/findings.js';
import type { LoadedContract } from '../../config/contract.js';
import type { LoadedManifest } from '../../config/manifest.js';
import type { SourceDocument } from '../../config/document.js';

/** The placeholder init writes for a text field. */
export const TODO = 'TODO';
/** The placeholder init writes for the input data's sha256 (64 zeros passes the schema's pattern). */
export const TODO_SHA256 = '0'.repeat(64);

/** `manifest.placeholder` / `contract.placeholder`: one error per field still holding a placeholder. */
export function checkPlaceholders(
  manifests: readonly LoadedManifest[],
  contracts: readonly LoadedContract[],
): Finding[] {
  const findings: Finding[] = [];
  for (const m of manifests) {
    if (!m.manifest) continue;
    const fields: [readonly string[], string | undefined][] = [
      [['model', 'name'], m.manifest.model.name],
      [['model', 'revision'], m.manifest.model.revision],
      [['inputs', 'dataset'], m.manifest.inputs.dataset],
      [['inputs', 'sha256'], m.manifest.inputs.sha256],
      [['tag'], m.manifest.tag],
    ];
    findings.push(...placeholders('manifest.placeholder', m.doc, fields));
  }
  for (const c of contracts) {
    if (!c.contract) continue;
    const fields: [readonly string[], string | undefined][] = [
      [['consumer'], c.contract.consumer],
      [['owner'], c.contract.owner],
    ];
    findings.push(
      ...placeholders('contract.placeholder', c.doc, fields).map((f) => ({
        ...f,
        consumer: c.contract!.consumer,
      })),
    );
  }
  return findings;
}

function placeholders(
  id: string,
  doc: SourceDocument,
  fields: readonly [readonly string[], string | undefined][],
): Finding[] {
  return fields
    .filter(([, value]) => value === TODO || value === TODO_SHA256)
    .map(([field, value]) => ({
      id,
      severity: 'error' as const,
      message: `${field.join('.')} is still the placeholder ${JSON.stringify(value)} that embedding-gate init wrote; fill in the real value before this file gates a release`,
      location: doc.locate(field),
      found: value,
    }));
}
