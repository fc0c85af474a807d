/**
 * Datasets: one vectors reference naming many parts — a directory of parts (Hive-style
 * `key=value/` partition folders walked), a glob (`parts/*.parquet`), an `s3://` prefix or
 * glob — listed into parts in sorted path order, so rows, findings and reports come out the
 * same on every run and machine. The listing exposes each part's size so a caller can split
 * the parts (a shard takes a slice) before any byte is read.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { redactUrl, RemoteSourceError, withRetries, remoteDefaults } from './remote.js';
import type { RemoteOptions } from './remote.js';
import { loadS3Sdk, parseS3Url, rethrow, type S3ClientFactory } from './s3.js';

/** One part of a dataset. */
export interface DatasetPart {
  /** What to open: an absolute path or a URL. */
  readonly ref: string;
  /** The part's name relative to the dataset's root (`year=2024/part-00000.parquet`). */
  readonly name: string;
  /** Bytes, as listed. */
  readonly size: number;
}

/** A listed dataset: its parts in sorted order (by name, code point by code point). */
export interface Dataset {
  /** The reference as written (a directory, glob, prefix). */
  readonly ref: string;
  readonly parts: readonly DatasetPart[];
}

const GLOB = /[*?[\]{}]/;

/**
 * True when `ref` is a glob (has `* ? [ ] { }`) or a prefix (ends with `/`). An HTTP URL's
 * query and fragment are no part of its name (a presigned URL's `?` is not a glob).
 */
export function isDatasetPattern(ref: string): boolean {
  const name = /^https?:\/\//i.test(ref) ? ref.replace(/[?#].*$/s, '') : ref;
  return GLOB.test(name) || name.endsWith('/');
}

/**
 * Files a dataset walk skips, as Spark, Hive and Hadoop write them beside the parts:
 * `_SUCCESS`, `_common_metadata`, `.crc` checksums, hidden files.
 */
export function isPartName(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return !(base.startsWith('_') || base.startsWith('.') || base.endsWith('.crc'));
}

/** Code-point order, so the order does not depend on the machine's locale. */
function byName(a: DatasetPart, b: DatasetPart): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * A glob as a regular expression over `/`-separated names: `**` any folders, `*` and `?`
 * within one name, `[...]` a class, `{a,b}` alternatives.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = glob.indexOf('}', i + 1);
      if (end < 0) out += '\\{';
      else {
        out += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((s) => s.replace(/[.+^$()|\\]/g, '\\$&'))
          .join('|')})`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** The part of `pattern` before its first glob character, cut at the last `/`. */
function literalPrefix(pattern: string): string {
  const m = GLOB.exec(pattern);
  const head = m ? pattern.slice(0, m.index) : pattern;
  return head.slice(0, head.lastIndexOf('/') + 1);
}

/**
 * Lists a local dataset: `path` a directory (walked, Hive partition folders included) or
 * a glob (absolute, matched below its literal folder). Symbolic links are not followed
 * while walking (a link to elsewhere is no part of the dataset; each part is opened through
 * the confined opener anyway). An empty listing is returned as is: the caller says which
 * reference named no parts.
 */
export async function listLocalDataset(path: string, display = path): Promise<Dataset> {
  const root = GLOB.test(path) ? literalPrefix(path) : path.endsWith(sep) ? path : path + sep;
  const match = GLOB.test(path) ? globToRegExp(path.slice(root.length)) : undefined;
  const parts: DatasetPart[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const name = relative(root, full).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !entry.name.startsWith('_')) await walk(full);
      } else if (entry.isFile() && isPartName(name) && (!match || match.test(name))) {
        parts.push({ ref: full, name, size: (await stat(full)).size });
      }
    }
  };
  await walk(root);
  return { ref: display, parts: parts.sort(byName) };
}

/**
 * Lists an `s3://bucket/prefix/` or `s3://bucket/glob` dataset with ListObjectsV2 (all
 * pages), keeping keys under the prefix that match the glob and are part names.
 */
export async function listS3Dataset(
  url: string,
  client: S3ClientFactory,
  options: RemoteOptions = {},
): Promise<Dataset> {
  const opts = remoteDefaults(options);
  const display = redactUrl(url);
  const { bucket, key } = parseS3Url(url);
  const prefix = literalPrefix(key);
  const match = GLOB.test(key) ? globToRegExp(key.slice(prefix.length)) : undefined;
  const s3 = await client();
  const { ListObjectsV2Command } = await loadS3Sdk();
  const parts: DatasetPart[] = [];
  let token: string | undefined;
  do {
    const page = await withRetries(
      () =>
        s3
          .send(
            new ListObjectsV2Command({
              Bucket: bucket,
              Prefix: prefix,
              ...(token && { ContinuationToken: token }),
            }),
          )
          .catch((e: unknown) => rethrow(display, e)),
      opts,
    );
    for (const object of page.Contents ?? []) {
      const name = object.Key!.slice(prefix.length);
      if (name === '' || name.endsWith('/') || !isPartName(name)) continue;
      if (match && !match.test(name)) continue;
      parts.push({ ref: `s3://${bucket}/${object.Key}`, name, size: object.Size ?? 0 });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  if (parts.length === 0)
    throw new RemoteSourceError(display, 'names no objects (no key under it matches)', 'ENOENT');
  return { ref: display, parts: parts.sort(byName) };
}

/**
 * The parts of a dataset named part by part (a list in a manifest or suite, or
 * `OpenOptions.parts`), in the order given: each named as `names` says (as the user wrote
 * it), else by itself without credentials. Sizes are known once opened.
 */
export function listedParts(refs: readonly string[], names: readonly string[] = []): DatasetPart[] {
  return refs.map((ref, i) => ({
    ref,
    name: names[i] ?? (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref) ? redactUrl(ref) : ref),
    size: -1,
  }));
}
