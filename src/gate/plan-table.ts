/**
 * A manifest whose `vectors.path` names a pgvector table (`postgres://…?table=`): checked
 * here, before any connection, as the plan checks a file before any vector byte. A table is
 * remote, so it needs `--allow-remote` like an `s3://` or `https://` object; it has no bytes
 * to hash and no file format, so `sha256`, `ids` and `format` beside it are refused rather
 * than silently ignored, and `where` beside a file is refused for the same reason.
 */
import { ConfigError } from '../config/document.js';
import type { LoadedManifest, Manifest } from '../config/manifest.js';
import type { VectorsRef } from '../config/vocabulary.js';
import { isPgRef, PgSourceError, pgRefFromManifest, redact } from '../vectors/pgvector/ref.js';

/** The table reference, or undefined when `vectors.path` is not a `postgres://` URL. */
export function tableVectors(
  loaded: LoadedManifest,
  manifest: Manifest,
  allowRemote: boolean,
): VectorsRef | undefined {
  const path = manifest.vectors.path;
  const at = (field: readonly string[]) => {
    const location = loaded.doc.locate(field);
    return { location, prefix: `${location.file}:${location.line}:${location.column}` };
  };
  if (typeof path !== 'string') {
    const i = path.findIndex(isPgRef);
    if (i >= 0) {
      const { location, prefix } = at(['vectors', 'path', String(i)]);
      throw new ConfigError(
        `${prefix}: vectors.path.${i} is a postgres:// table; a list names file or object parts: name the table alone as vectors.path`,
        location,
      );
    }
  }
  if (typeof path !== 'string' || !isPgRef(path)) {
    if (manifest.vectors.where === undefined) return undefined;
    const { location, prefix } = at(['vectors', 'where']);
    throw new ConfigError(
      `${prefix}: vectors.where filters the rows of a postgres:// table; vectors.path is a file here: remove where or point path at the table`,
      location,
    );
  }
  for (const field of ['sha256', 'ids', 'format', 'parts'] as const) {
    if (manifest.vectors[field] === undefined) continue;
    const { location, prefix } = at(['vectors', field]);
    throw new ConfigError(
      `${prefix}: vectors.${field} does not apply to a postgres:// table (it has no bytes to hash, no ids file and no file format): remove it`,
      location,
    );
  }
  const { location, prefix } = at(['vectors', 'path']);
  let ref;
  try {
    ref = pgRefFromManifest(path, manifest.vectors);
  } catch (e) {
    if (e instanceof PgSourceError)
      throw new ConfigError(`${prefix}: vectors.path ${e.message}`, location);
    throw e;
  }
  if (!allowRemote)
    throw new ConfigError(
      `${prefix}: vectors.path ${redact(ref.display)} is a database table; remote reads are off by default ` +
        `so that a pull request cannot make CI connect to arbitrary servers: pass --allow-remote (Action input allow-remote: true) to read it`,
      location,
    );
  return {
    path: ref.display,
    displayPath: ref.display,
    open: manifest.dtype === 'binary' ? { dims: manifest.dims } : {},
  };
}
