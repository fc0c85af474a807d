/**
 * The one entry point to the readers: picks the format from `opts.format` or the file
 * extension, opens the file once as a byte source, confirms the format by its first bytes,
 * and hands the source to the matching reader. No reader opens a path itself.
 */
import { ConfigError } from '../config/errors.js';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { isDatasetPattern, listedParts, type DatasetPart } from '../sources/dataset.js';
import { NOT_REGULAR, openLocalSource } from '../sources/local.js';
import { isRemoteRef, redactUrl } from '../sources/remote.js';
import { datasetListerOf } from '../sources/router.js';
import { type ByteSource, SourceError, type SourceOpener } from '../sources/types.js';
import { describeBytes, wrongMagic } from './buffers.js';
import { openDataset } from './dataset.js';
import type { OpenOptions, VectorFormat, VectorSource } from './types.js';
import { MAX_DIMS, VECTOR_FORMATS, VectorFileError } from './types.js';

const BY_EXTENSION: Readonly<Record<string, VectorFormat>> = {
  '.arrow': 'arrow',
  '.feather': 'arrow',
  '.ipc': 'arrow',
  '.arrows': 'arrow-stream',
  '.parquet': 'parquet',
  '.npy': 'npy',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.bin': 'binary',
};

interface Magic {
  readonly what: string;
  /** As written in messages. */
  readonly shown: string;
  readonly matches: (head: Uint8Array) => boolean;
  /** Bytes of the head worth showing when this magic is what was found instead. */
  readonly length: number;
}

const startsWith =
  (...bytes: number[]) =>
  (head: Uint8Array): boolean =>
    bytes.every((b, i) => head[i] === b);

const MAGIC: Readonly<Partial<Record<VectorFormat, Magic>>> = {
  arrow: {
    what: 'an Arrow IPC file',
    shown: 'ARROW1',
    matches: startsWith(0x41, 0x52, 0x52, 0x4f, 0x57, 0x31),
    length: 6,
  },
  'arrow-stream': {
    what: 'an Arrow IPC stream',
    shown: '\\xff\\xff\\xff\\xff (continuation marker)',
    matches: startsWith(0xff, 0xff, 0xff, 0xff),
    length: 4,
  },
  parquet: {
    what: 'a Parquet file',
    shown: 'PAR1',
    matches: startsWith(0x50, 0x41, 0x52, 0x31),
    length: 4,
  },
  npy: {
    what: 'a NumPy file',
    shown: '\\x93NUMPY',
    matches: startsWith(0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59),
    length: 6,
  },
  // A head of only blank lines is left to the reader, which says "no records".
  jsonl: {
    what: 'a JSON Lines file',
    shown: '{',
    matches: (head) => (firstNonSpace(head) ?? 0x7b) === 0x7b,
    length: 1,
  },
};

/** Feather v1 predates Arrow IPC and is a different layout; say so rather than "wrong magic". */
const FEATHER_V1 = startsWith(0x46, 0x45, 0x41, 0x31);

function firstNonSpace(head: Uint8Array): number | undefined {
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3; // UTF-8 BOM
  while (
    i < head.length &&
    (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)
  )
    i++;
  return head[i];
}

/** The format a file's first bytes identify, when they identify one. */
export function sniffFormat(head: Uint8Array): VectorFormat | undefined {
  for (const format of ['arrow', 'arrow-stream', 'parquet', 'npy'] as const)
    if (MAGIC[format]!.matches(head)) return format;
  return undefined;
}

/** The format named by `opts.format`, else by the extension; undefined if neither says. */
export function formatFor(path: string, opts: OpenOptions = {}): VectorFormat | undefined {
  // A URL's query (a presigned signature) and fragment are no part of its name.
  const name = isRemoteRef(path) ? path.replace(/[?#].*$/s, '') : path;
  return opts.format ?? BY_EXTENSION[extname(name).toLowerCase()];
}

/**
 * The dispatch point for database tables (`postgres://`, `postgresql://`): the pgvector
 * reader (vectors/pgvector/) is wired here by the lead; until then such a reference is a
 * clear error, not a file looked up by that name.
 */
const TABLE_REF = /^postgres(ql)?:\/\//i;

/**
 * Opens a vectors file for streaming. The format comes from `opts.format` or the extension
 * (`.arrow .feather .ipc` → arrow, `.arrows` → arrow-stream, `.parquet`, `.npy`,
 * `.jsonl .ndjson`, `.bin` → binary) and must agree with the file's magic bytes. One
 * leniency: when only the extension named Arrow, an Arrow stream in a `.arrow` file (or a
 * file in `.arrows`) is read as what it is, since both spellings are common in the wild.
 * The file, and a sidecar ids file (`opts.idsPath`), are opened through `openSource`, once
 * each; messages name them as written here.
 * Throws {@link VectorFileError} for unreadable, empty, mismatched or broken files.
 */
export async function openVectors(
  path: string,
  opts: OpenOptions = {},
  openSource: SourceOpener = openLocalSource,
): Promise<VectorSource> {
  if (TABLE_REF.test(path)) {
    // Loaded only for a table, so a run on files never loads the pg client.
    const { openPgVectors } = await import('./pgvector/reader.js');
    return openPgVectors(path, {
      ...(opts.batchRows !== undefined && { batchRows: opts.batchRows }),
    });
  }
  if (opts.parts) return openParts(path, listedParts(opts.parts, opts.partNames), opts, openSource);
  // A file that exists under the exact name is that file, glob characters and all; only a
  // name that names no file is a glob of parts.
  if (isDatasetPattern(path) && !(await isLocalFile(path, isRemoteRef(path))))
    return openListed(path, opts, openSource);
  // A folder has no extension to tell a format by: it is a dataset, not an unknown format.
  if (formatFor(path, opts) === undefined && !isRemoteRef(path) && (await isDirectory(path)))
    return openListed(path, opts, openSource);
  try {
    return await openFile(path, opts, openSource);
  } catch (e) {
    // A directory is a dataset of the parts below it (Hive partition folders included).
    if (e instanceof VectorFileError && e.detail.startsWith('is a directory') && e.file === path)
      return openListed(path, opts, openSource);
    throw e;
  }
}

async function isLocalFile(path: string, remote: boolean): Promise<boolean> {
  if (remote) return false;
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** The parts a directory, glob or prefix names, those of a vectors format only. */
async function openListed(
  path: string,
  opts: OpenOptions,
  openSource: SourceOpener,
): Promise<VectorSource> {
  const dataset = await datasetListerOf(openSource)(path);
  const parts = dataset.parts.filter((p) => formatFor(p.name, opts) !== undefined);
  return openParts(path, parts, opts, openSource);
}

async function openParts(
  path: string,
  parts: readonly DatasetPart[],
  opts: OpenOptions,
  openSource: SourceOpener,
): Promise<VectorSource> {
  const { parts: _list, partNames: _names, ...single } = opts;
  return openDataset(path, parts, (ref, display) => openFile(ref, single, openSource, display));
}

/** Opens one vectors file (or object); messages name it as `display`. */
async function openFile(
  path: string,
  opts: OpenOptions,
  openSource: SourceOpener,
  display = isRemoteRef(path) ? redactUrl(path) : path,
): Promise<VectorSource> {
  let format = formatFor(path, opts);
  if (!format) {
    throw new VectorFileError(
      display,
      `cannot tell the format from the extension "${extname(path)}"; name it with format (one of ${VECTOR_FORMATS.join(', ')})`,
    );
  }
  const source = await open(openSource, path, display);
  // From here the source is closed on any failure; the reader owns it once it is called.
  try {
    const head = await readHead(source);
    if (head.length === 0) throw new VectorFileError(display, 'empty file (0 bytes)');
    const magic = MAGIC[format];
    if (magic && !magic.matches(head)) {
      const actual = sniffFormat(head);
      const arrowFamily = (f: VectorFormat | undefined): boolean =>
        f === 'arrow' || f === 'arrow-stream';
      if (opts.format === undefined && arrowFamily(format) && arrowFamily(actual)) {
        format = actual!;
      } else {
        throw mismatch(display, format, magic, head, actual);
      }
    }
    // Readers load on demand: importing apache-arrow took ~35 ms from the CLI bundle (~350 ms
    // unbundled), which an .npy scan should not pay (the bundle gives each its own chunk).
    return checked(await openReader(format, source, opts, openSource));
  } catch (e) {
    await source.close();
    // A byte source that fails under a reader (a remote object that changed, a cut
    // connection) is reported about the file, not as a crash.
    if (e instanceof SourceError) throw new VectorFileError(display, e.detail);
    throw e;
  }
}

async function openReader(
  format: VectorFormat,
  source: ByteSource,
  opts: OpenOptions,
  openSource: SourceOpener,
): Promise<VectorSource> {
  switch (format) {
    case 'arrow':
    case 'arrow-stream':
      return (await import('./arrow/ipc.js')).openArrow(source, format, opts);
    case 'parquet':
      return (await import('./parquet/reader.js')).openParquet(source, opts);
    case 'npy':
      return (await import('./npy/reader.js')).openNpy(source, opts, openSource);
    case 'jsonl':
      return (await import('./jsonl/reader.js')).openJsonl(source, opts);
    case 'binary':
      return (await import('./binary/reader.js')).openBinary(source, opts, openSource);
  }
}

/**
 * The last line of defence for what every reader checks itself: the scan sizes per-dimension
 * state by `dims`, so a file that declares more than {@link MAX_DIMS} is refused here too.
 */
async function checked(vectors: VectorSource): Promise<VectorSource> {
  const { dims, path } = vectors.info;
  if (Number.isInteger(dims) && dims >= 1 && dims <= MAX_DIMS) return vectors;
  await vectors.close();
  throw new VectorFileError(path, `declares ${dims} values per vector; expected 1 to ${MAX_DIMS}`);
}

function mismatch(
  path: string,
  format: VectorFormat,
  magic: Magic,
  head: Uint8Array,
  actual: VectorFormat | undefined,
): VectorFileError {
  if (FEATHER_V1(head)) {
    return new VectorFileError(
      path,
      'Feather v1 file (magic FEA1): only Feather v2 (Arrow IPC) is supported; rewrite it with pyarrow.feather.write_feather',
    );
  }
  const shown = head.subarray(0, actual ? MAGIC[actual]!.length : Math.max(magic.length, 6));
  const note = actual && `the magic of ${MAGIC[actual]!.what}`;
  if (format === 'jsonl') {
    return new VectorFileError(
      path,
      `not a JSON Lines file (expected "{" to open the first record, found ${describeBytes(shown)}${note ? `, ${note}` : ''})`,
    );
  }
  return wrongMagic(path, magic.what, magic.shown, shown, note);
}

/** Opens the vectors file, turning the opener's refusal into the message of a vectors file. */
async function open(openSource: SourceOpener, path: string, display: string): Promise<ByteSource> {
  try {
    return await openSource({ path, display });
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    if (e.code === 'ENOENT') throw new VectorFileError(display, 'no such file');
    if (e.code === NOT_REGULAR) throw new VectorFileError(display, e.detail);
    throw new VectorFileError(display, `cannot open: ${e.detail}`);
  }
}

/** The first 64 bytes (fewer if the file is shorter). */
async function readHead(source: ByteSource): Promise<Uint8Array> {
  try {
    const head = new Uint8Array(64);
    let got = 0;
    for (let n = 1; n > 0 && got < head.length; got += n)
      n = await source.read(head, got, head.length - got, got);
    return head.subarray(0, got);
  } catch (e) {
    // A remote object that cannot be read (a ConfigError naming the URL) stops the gate.
    if (e instanceof ConfigError) throw e;
    throw new VectorFileError(source.display, `cannot read: ${(e as Error).message}`);
  }
}
