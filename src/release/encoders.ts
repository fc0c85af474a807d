/**
 * Versioning of multimodal spaces: every encoder writes into the one shared space, so a
 * change to any of them is a change to the space, classified like the manifest's own model
 * (src/release/bump.ts): another model is MAJOR, another revision (or checkpoint under the
 * same revision) is MINOR. An encoder removed is MAJOR (its modality can no longer be
 * embedded into the space); one added is MINOR (the existing vectors keep their meaning).
 */
import type { BumpReason } from './bump-levels.js';
import type { Manifest } from '../config/manifest.js';

const short = (hash: string): string => (hash.length > 12 ? hash.slice(0, 12) : hash);

/** The bump reasons of every encoder difference; `space` is the note bump.ts appends to minors. */
export function encoderChanges(baseline: Manifest, candidate: Manifest, space = ''): BumpReason[] {
  const before = baseline.encoders ?? {};
  const after = candidate.encoders ?? {};
  const reasons: BumpReason[] = [];
  const modalities = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const m of modalities) {
    const a = before[m]?.model;
    const b = after[m]?.model;
    const field = `encoders.${m}`;
    if (a && !b) {
      reasons.push({
        level: 'major',
        field,
        from: `${a.name}@${a.revision}`,
        to: 'removed',
        why: `the ${m} encoder left the shared space: ${m} inputs can no longer be embedded into it`,
      });
    } else if (!a && b) {
      reasons.push({
        level: 'minor',
        field,
        from: 'none',
        to: `${b.name}@${b.revision}`,
        why: `a ${m} encoder joins the shared space${space}`,
      });
    } else if (a && b) {
      if (a.name !== b.name) {
        reasons.push({
          level: 'major',
          field: `${field}.model`,
          from: a.name,
          to: b.name,
          why: `another ${m} encoder is another space for every modality sharing it`,
        });
      } else if (a.revision !== b.revision) {
        reasons.push({
          level: 'minor',
          field: `${field}.revision`,
          from: a.revision,
          to: b.revision,
          why: `a retrained ${m} encoder${space}`,
        });
      } else if (a.sha256 && b.sha256 && a.sha256 !== b.sha256) {
        reasons.push({
          level: 'minor',
          field: `${field}.sha256`,
          from: short(a.sha256),
          to: short(b.sha256),
          why: `another ${m} encoder checkpoint under the same revision${space}`,
        });
      }
    }
  }
  return reasons;
}
