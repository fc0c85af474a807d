/**
 * The bytes of a user file, read with a size cap and decoded strictly: a YAML or JSON file
 * is UTF-8 text, and anything else is refused with the byte where it stops being so —
 * never silently repaired with U+FFFD.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { ConfigError } from './errors.js';
import { LIMIT_KNOB } from './limits.js';
import { assertOpenedInside } from './read-text.js';

/**
 * Reads at most `maxBytes` of `path` (shown as `file`). The size is checked on the opened
 * handle before anything is read, and the read stops at `maxBytes + 1` bytes whatever the
 * file claims. Throws ConfigError when the file is too large or not a regular file; an
 * error of the file system (ENOENT, EACCES...) is thrown as is, for the caller's wording.
 */
export async function readCapped(
  file: string,
  path: string,
  maxBytes: number,
  workspace?: string,
): Promise<Buffer> {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; regular files ignore the flag.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (info.isDirectory())
      throw Object.assign(new Error(`${file} is a directory`), { code: 'EISDIR' });
    if (!info.isFile())
      throw new ConfigError(`${file}: not a regular file; expected a YAML or JSON file`, { file });
    if (workspace !== undefined) await assertOpenedInside(handle.fd, path, workspace);
    if (info.size > maxBytes) throw tooLarge(file, info.size, maxBytes);
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > info.size) {
      throw length > maxBytes
        ? tooLarge(file, length, maxBytes)
        : new ConfigError(`${file}: the file changed while it was read`, { file });
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** The message for a file over the cap (also used for text that never was a file). */
export function tooLarge(file: string, size: number, maxBytes: number): ConfigError {
  return new ConfigError(
    `${file}: ${size} bytes, more than the ${kib(maxBytes)} KiB allowed for a YAML or JSON file; ` +
      `whoever runs the gate sets the limit with ${LIMIT_KNOB.maxBytes}`,
    { file },
  );
}

const kib = (bytes: number) => String(Math.round((bytes / 1024) * 100) / 100);

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a user file's bytes: a UTF-8 byte order mark is dropped; UTF-16 and UTF-32
 * (by their byte order marks), invalid UTF-8 and control characters are refused with the
 * byte offset and line where they are.
 */
export function decodeSource(file: string, bytes: Uint8Array): string {
  if (
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
  ) {
    throw new ConfigError(
      `${file}: the file is UTF-16 or UTF-32 (it starts with a byte order mark); save it as UTF-8`,
      { file, byte: 0 },
    );
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let text: string;
  try {
    text = UTF8.decode(bytes.subarray(bom));
  } catch {
    const at = bom + firstInvalidUtf8(bytes.subarray(bom));
    const line = lineAtByte(bytes, at);
    throw new ConfigError(`${file}: invalid UTF-8 at byte ${at} (line ${line})`, {
      file,
      line,
      byte: at,
    });
  }
  checkControlCharacters(file, text, bom);
  return text;
}

/**
 * Refuses C0 control characters other than tab, line feed and carriage return: YAML does
 * not allow them, JSON only escaped, and a NUL usually means UTF-16 or a binary file.
 * `byteBias` is what precedes `text` in the file (a byte order mark).
 */
export function checkControlCharacters(file: string, text: string, byteBias = 0): void {
  // eslint-disable-next-line no-control-regex
  const m = /[\x00-\x08\x0b\x0c\x0e-\x1f]/.exec(text);
  if (!m) return;
  const before = text.slice(0, m.index);
  const line = before.split('\n').length;
  const column = m.index - before.lastIndexOf('\n');
  const byte = byteBias + Buffer.byteLength(before, 'utf8');
  const code = m[0].charCodeAt(0);
  const what =
    code === 0
      ? 'a NUL byte (is the file UTF-16 or binary?)'
      : `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  throw new ConfigError(
    `${file}:${line}:${column}: ${what} at byte ${byte}; a YAML or JSON file is UTF-8 text`,
    { file, line, column, byte },
  );
}

/** 1-based line of byte `offset`. */
function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte of the first ill-formed UTF-8 sequence (Unicode table 3-7:
 * no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all is well formed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}
