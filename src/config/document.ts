/**
 * Loads the files users write (manifests, contracts, suites, registries, waivers) as YAML
 * or JSON, keeping the source ranges so every later finding can point at file:line:column.
 * Those files come from pull requests: every way a file can fail — too large, not UTF-8,
 * alias bombs, cycles, depth bombs, duplicate keys, numbers a double cannot hold — ends as
 * one located ConfigError (exit 2), under caps the runner sets ({@link ConfigLimits}).
 */
import { resolve } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import { ConfigError } from './errors.js';
import type { Location } from './findings.js';
import { configLimits, type ConfigLimits } from './limits.js';
import { checkControlCharacters, decodeSource, readCapped, tooLarge } from './source-text.js';
import { composeGuarded, guardDocument } from './yaml-guard.js';
import { TextReadError } from './read-text.js';

export { ConfigError } from './errors.js';

/** A parsed user document with a way back from a field path to its place in the file. */
export interface SourceDocument {
  /** The path as given (used in messages). */
  readonly file: string;
  /** The absolute path it was read from. */
  readonly path: string;
  readonly data: unknown;
  /**
   * Location of the field at `path` (JSON-pointer segments). Falls back to the nearest
   * existing ancestor, so a missing field points at the object that should hold it.
   * With `key: true` the location is the key of the field rather than its value.
   */
  locate(path: readonly (string | number)[], options?: { key?: boolean }): Location;
}

/** How a user file is loaded: the caps set by whoever runs the gate, and the workspace it must lie in. */
export interface LoadOptions {
  readonly limits?: Partial<ConfigLimits>;
  readonly workspace?: string;
}

/**
 * Reads and parses a YAML or JSON file; `file` is resolved against `cwd` and shown as given.
 * Throws {@link ConfigError} on any failure, within `options.limits` (the defaults when
 * absent). With `options.workspace`, the file actually opened (its real path, from the
 * descriptor) must lie inside it.
 */
export async function loadDocument(
  file: string,
  cwd: string = process.cwd(),
  options: LoadOptions = {},
): Promise<SourceDocument> {
  const path = resolve(cwd, file);
  const caps = configLimits(options.limits);
  const text = await readSourceText(file, path, caps.maxBytes, undefined, options.workspace);
  return parseSourceText(file, text, path, caps);
}

/**
 * The text of a user file: at most `maxBytes`, strictly UTF-8 (see `decodeSource`). Throws
 * ConfigError; a file-system error becomes `file: cannot read[ the <noun>]: why`.
 */
export async function readSourceText(
  file: string,
  path: string,
  maxBytes: number,
  noun?: string,
  workspace?: string,
): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readCapped(file, path, maxBytes, workspace);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const what = noun ? ` the ${noun}` : '';
    throw new ConfigError(`${file}: cannot read${what}: ${readFailure(err)}`, { file });
  }
  return decodeSource(file, bytes);
}

/** Why a file could not be read, in words. */
export function readFailure(err: unknown): string {
  if (err instanceof TextReadError) return err.detail;
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'no such file'
    : code === 'EISDIR'
      ? 'is a directory, expected a YAML or JSON file'
      : code === 'EACCES'
        ? 'permission denied'
        : String((err as Error).message);
}

/**
 * Parses already-read text; exported for tests and for documents that do not live on disk.
 * The same caps and refusals as {@link loadDocument}, the size measured in UTF-8 bytes.
 */
export function parseSourceText(
  file: string,
  text: string,
  path: string = resolve(file),
  limits?: Partial<ConfigLimits>,
): SourceDocument {
  const caps = configLimits(limits);
  // Cheap before exact: a UTF-16 code unit is at most 3 UTF-8 bytes.
  if (text.length * 3 > caps.maxBytes) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > caps.maxBytes) throw tooLarge(file, bytes, caps.maxBytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  checkControlCharacters(file, text);
  if (/\.json$/i.test(file)) checkStrictJson(file, text);
  const lineCounter = new LineCounter();
  let data: unknown;
  let doc: ReturnType<typeof composeGuarded>;
  try {
    doc = composeGuarded(file, text, lineCounter, caps.maxDepth);
    const firstError = doc.errors[0];
    if (firstError) {
      const { line, col } = lineCounter.linePos(firstError.pos[0]);
      throw new ConfigError(
        `${file}:${line}:${col}: ${describeYamlError(firstError.code, firstError.message)}`,
        { file, line, column: col },
      );
    }
    guardDocument(file, doc, lineCounter, caps);
    // The library's own alias count is a backstop: its heuristic counts a little
    // differently from the walk's, so it gets room to never fire first.
    data = doc.toJS({ maxAliasCount: caps.maxAliases === 0 ? 0 : 2 * caps.maxAliases + 1 });
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    // The walk above refuses what toJS() throws on; this is the backstop, never a stack trace.
    throw new ConfigError(`${file}: invalid YAML: ${firstLine((err as Error).message)}`, {
      file,
    });
  }
  if (data === null || data === undefined) {
    throw new ConfigError(`${file}:1:1: the file is empty; expected a mapping of fields`, {
      file,
      line: 1,
      column: 1,
    });
  }

  const at = (offset: number, path: string, end?: number): Location => {
    const s = lineCounter.linePos(offset);
    const loc: Location = { file, line: s.line, column: s.col, path };
    if (end === undefined) return loc;
    const e = lineCounter.linePos(end);
    return { ...loc, endLine: e.line, endColumn: e.col };
  };

  return {
    file,
    path,
    data,
    locate(fieldPath, options) {
      const pointer = toPointer(fieldPath);
      let node: unknown = doc.contents;
      let keyNode: Node | undefined;
      let lastGood: Node | undefined = doc.contents ?? undefined;
      for (const segment of fieldPath) {
        if (isMap(node)) {
          const pair = node.items.find(
            (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
          );
          if (!pair) break;
          keyNode = pair.key as Node;
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number') {
          keyNode = undefined;
          node = node.items[segment];
        } else {
          break;
        }
        if (node && typeof node === 'object' && 'range' in node) lastGood = node as Node;
        else break;
      }
      const target = options?.key && keyNode ? keyNode : lastGood;
      const range = target?.range;
      if (!range) return { file, line: 1, column: 1, path: pointer };
      return at(range[0], pointer, range[1]);
    },
  };
}

const firstLine = (message: string) => message.split('\n')[0] ?? message;

/** JSON pointer text for a path, e.g. `/requires/dims`. */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function checkStrictJson(file: string, text: string): void {
  try {
    JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const m = /position (\d+)/.exec(message);
    const pos = m ? Number(m[1]) : text.length;
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - before.lastIndexOf('\n');
    const what = message
      .replace(/^.*?JSON[^:]*:\s*/, '')
      .replace(/ in JSON at position \d+.*$/, '');
    throw new ConfigError(`${file}:${line}:${column}: invalid JSON: ${what}`, {
      file,
      line,
      column,
    });
  }
}

function describeYamlError(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate key: each field may appear once';
    case 'BAD_INDENT':
      return `invalid YAML: bad indentation: ${message.split('\n')[0]}`;
    case 'TAB_AS_INDENT':
      return 'invalid YAML: tab used for indentation; YAML indents with spaces';
    case 'MULTIPLE_DOCS':
      return 'a second YAML document starts here; expected one document per file';
    default:
      return `invalid YAML: ${firstLine(message)}`;
  }
}
