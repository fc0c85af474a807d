/**
 * The one entry point to the readers: picks the format from `opts.format` or the file
 * extension, confirms it by the file's first bytes, and opens the matching reader.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { describeBytes, wrongMagic } from './buffers.js';
import type { OpenOptions, VectorFormat, VectorSource } from './types.js';
import { VECTOR_FORMATS, VectorFileError } from './types.js';

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
  return opts.format ?? BY_EXTENSION[extname(path).toLowerCase()];
}

/**
 * Opens a vectors file for streaming. The format comes from `opts.format` or the extension
 * (`.arrow .feather .ipc` → arrow, `.arrows` → arrow-stream, `.parquet`, `.npy`,
 * `.jsonl .ndjson`, `.bin` → binary) and must agree with the file's magic bytes. One
 * leniency: when only the extension named Arrow, an Arrow stream in a `.arrow` file (or a
 * file in `.arrows`) is read as what it is, since both spellings are common in the wild.
 * Throws {@link VectorFileError} for unreadable, empty, mismatched or broken files.
 */
export async function openVectors(path: string, opts: OpenOptions = {}): Promise<VectorSource> {
  let format = formatFor(path, opts);
  if (!format) {
    throw new VectorFileError(
      path,
      `cannot tell the format from the extension "${extname(path)}"; name it with format (one of ${VECTOR_FORMATS.join(', ')})`,
    );
  }
  const head = await readHead(path);
  if (head.length === 0) throw new VectorFileError(path, 'empty file (0 bytes)');
  const magic = MAGIC[format];
  if (magic && !magic.matches(head)) {
    const actual = sniffFormat(head);
    const arrowFamily = (f: VectorFormat | undefined): boolean =>
      f === 'arrow' || f === 'arrow-stream';
    if (opts.format === undefined && arrowFamily(format) && arrowFamily(actual)) {
      format = actual!;
    } else {
      if (FEATHER_V1(head)) {
        throw new VectorFileError(
          path,
          'Feather v1 file (magic FEA1): only Feather v2 (Arrow IPC) is supported; rewrite it with pyarrow.feather.write_feather',
        );
      }
      const shown = head.subarray(0, actual ? MAGIC[actual]!.length : Math.max(magic.length, 6));
      const note = actual && `the magic of ${MAGIC[actual]!.what}`;
      if (format === 'jsonl') {
        throw new VectorFileError(
          path,
          `not a JSON Lines file (expected "{" to open the first record, found ${describeBytes(shown)}${note ? `, ${note}` : ''})`,
        );
      }
      throw wrongMagic(path, magic.what, magic.shown, shown, note);
    }
  }
  // Readers load on demand: importing apache-arrow took ~35 ms from the CLI bundle (~350 ms
  // unbundled), which an .npy scan should not pay (the bundle gives each its own chunk).
  switch (format) {
    case 'arrow':
    case 'arrow-stream':
      return (await import('./arrow/ipc.js')).openArrow(path, format, opts);
    case 'parquet':
      return (await import('./parquet/reader.js')).openParquet(path, opts);
    case 'npy':
      return (await import('./npy/reader.js')).openNpy(path, opts);
    case 'jsonl':
      return (await import('./jsonl/reader.js')).openJsonl(path, opts);
    case 'binary':
      return (await import('./binary/reader.js')).openBinary(path, opts);
  }
}

/** The first 64 bytes (fewer if the file is shorter). */
async function readHead(path: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new VectorFileError(
      path,
      err.code === 'ENOENT' ? 'no such file' : `cannot open: ${err.message}`,
    );
  }
  try {
    const head = new Uint8Array(64);
    const { bytesRead } = await handle.read(head, 0, 64, 0);
    return head.subarray(0, bytesRead);
  } catch (e) {
    throw new VectorFileError(path, `cannot read: ${(e as Error).message}`);
  } finally {
    await handle.close();
  }
}
