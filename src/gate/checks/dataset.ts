/**
 * A dataset's parts against the parts its manifest records (`vectors.parts`): each part
 * added, missing or changed since the release is named, so a reviewer sees which file moved
 * rather than only that the dataset digest differs.
 */
import type { Finding, Location } from '../../config/findings.js';
import type { HashedPart } from '../../sources/hash.js';

/** What the manifest records for one part. */
export interface DeclaredPart {
  readonly path: string;
  readonly size?: number;
  readonly sha256: string;
}

/** At most this many names per kind in one message; the rest are counted. */
const NAMES_SHOWN = 10;

/**
 * One `vectors.parts` error finding naming every part added, missing or changed (in size or
 * sha256), or none when the dataset is as recorded. `display` names the dataset.
 */
export function datasetPartFindings(
  declared: readonly DeclaredPart[],
  found: readonly HashedPart[],
  display: string,
  location: Location | undefined,
): Finding[] {
  const now = new Map(found.map((p) => [p.name, p]));
  const was = new Map(declared.map((p) => [p.path, p]));
  const added = found.filter((p) => !was.has(p.name)).map((p) => p.name);
  const missing = declared.filter((p) => !now.has(p.path)).map((p) => p.path);
  const changed = declared
    .filter((p) => {
      const f = now.get(p.path);
      return (
        f !== undefined && (f.sha256 !== p.sha256 || (p.size !== undefined && f.size !== p.size))
      );
    })
    .map((p) => p.path);
  if (added.length + missing.length + changed.length === 0) return [];
  const list = (names: string[]) =>
    names.slice(0, NAMES_SHOWN).join(', ') +
    (names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : '');
  const said = [
    added.length ? `added ${list(added)}` : '',
    missing.length ? `missing ${list(missing)}` : '',
    changed.length ? `changed ${list(changed)}` : '',
  ].filter(Boolean);
  return [
    {
      id: 'vectors.parts',
      severity: 'error',
      message:
        `${display}: the parts differ from those the manifest records (${said.join('; ')}); ` +
        `the dataset changed after the manifest was written (released versions are immutable)`,
      ...(location && { location }),
      expected: declared.length,
      found: { added, missing, changed },
    },
  ];
}
