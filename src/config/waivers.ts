/** Waivers files (`contracts/waivers.schema.json`): the loader of the config floor. */
import { loadDocument, type LoadOptions, type SourceDocument } from './document.js';
import type { Finding } from './findings.js';
import { validateDocument } from './schema.js';

/** One entry of a waivers file (`contracts/waivers.schema.json`). */
export interface Waiver {
  readonly check: string;
  readonly consumer?: string;
  readonly fingerprint: string;
  readonly reason: string;
  readonly owner: string;
  /** `YYYY-MM-DD` (valid through that day, UTC) or an RFC 3339 date-time. */
  readonly expires: string;
}

/** A waivers file as loaded: its document (for locations), its entries when valid, its schema findings. */
export interface LoadedWaivers {
  readonly doc: SourceDocument;
  readonly waivers: readonly Waiver[];
  readonly findings: readonly Finding[];
}

/**
 * Loads and validates a waivers file (`file` resolved against `cwd`). Throws ConfigError when it cannot be read or parsed;
 * schema problems come back as `waivers.schema` findings and then no waiver applies (a
 * half-understood waivers file must not silently unblock anything).
 */
export async function loadWaivers(
  file: string,
  cwd?: string,
  options?: LoadOptions,
): Promise<LoadedWaivers> {
  const doc = await loadDocument(file, cwd, options);
  const findings = validateDocument('waivers', doc);
  if (findings.length) return { doc, waivers: [], findings };
  return { doc, waivers: (doc.data as { waivers: Waiver[] }).waivers, findings };
}
