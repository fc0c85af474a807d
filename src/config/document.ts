/**
 * Loads the files users write (manifests, contracts, suites, registries, waivers) as YAML
 * or JSON, keeping the source ranges so every later finding can point at file:line:column.
 */
import { resolve } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Location } from './findings.js';
import { readTextFile, type TextReadError } from './read-text.js';

/** A file that could not be read or parsed at all: the gate cannot judge (exit 2). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly location?: Location,
  ) {
    super(message);
  }
}

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

/**
 * Reads and parses a YAML or JSON file; `file` is resolved against `cwd` and shown as given.
 * With `workspace`, the file actually opened (its real path, from the descriptor) must lie
 * inside it. Throws {@link ConfigError} on any failure.
 */
export async function loadDocument(
  file: string,
  cwd: string = process.cwd(),
  workspace?: string,
): Promise<SourceDocument> {
  let text: string;
  const path = resolve(cwd, file);
  try {
    text = await readTextFile(path, workspace);
  } catch (err) {
    const e = err as TextReadError;
    const why = e.code === 'EISDIR' ? 'is a directory, expected a YAML or JSON file' : e.detail;
    throw new ConfigError(`${file}: cannot read: ${why}`, { file });
  }
  return parseSourceText(file, text, path);
}

/** Parses already-read text; exported for tests and for documents that do not live on disk. */
export function parseSourceText(
  file: string,
  text: string,
  path: string = resolve(file),
): SourceDocument {
  const lineCounter = new LineCounter();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (/\.json$/i.test(file)) checkStrictJson(file, text);
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const [start] = firstError.pos;
    const { line, col } = lineCounter.linePos(start);
    throw new ConfigError(
      `${file}:${line}:${col}: ${describeYamlError(firstError.code, firstError.message)}`,
      {
        file,
        line,
        column: col,
      },
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
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
    default:
      return `invalid YAML: ${message.split('\n')[0]}`;
  }
}
