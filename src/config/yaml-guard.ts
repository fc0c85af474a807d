/**
 * YAML parsing that a hostile file cannot turn into a hang, a crash or an exhausted heap:
 * nesting is capped while the parser runs (its stack is the nesting), and one linear walk
 * over the composed document refuses what `toJS()` would choke on or hand on unsafely —
 * undefined aliases, aliases inside their own anchor (cycles), alias bombs, duplicate or
 * non-text keys (a Set per mapping: linear, unlike the `yaml` library's uniqueKeys), and
 * numbers a double cannot hold.
 */
import {
  Composer,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  Parser,
  type Document,
  type LineCounter,
  type Node,
  type Scalar,
} from 'yaml';
import { ConfigError } from './errors.js';
import { LIMIT_KNOB, type ConfigLimits } from './limits.js';

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * Parses one YAML (or JSON) document, refusing nesting deeper than `maxDepth` as soon as
 * the parser's stack reaches it, before the recursive composer runs.
 * Errors and warnings stay on the returned document.
 */
export function composeGuarded(
  file: string,
  text: string,
  lineCounter: LineCounter,
  maxDepth: number,
): Document.Parsed {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0); // as Parser.parse() does before its first token
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false });
  function* tokens() {
    for (const lexeme of new Lexer().lex(text)) {
      yield* parser.next(lexeme);
      const stack = parser.stack;
      const top = stack[stack.length - 1];
      const depth = stack.length - 1 - (top && COLLECTIONS.has(top.type) ? 0 : 1);
      if (depth > maxDepth) {
        const { line, col } = lineCounter.linePos(parser.offset);
        throw new ConfigError(
          `${file}:${line}:${col}: nested deeper than ${maxDepth} levels; a configuration file has no reason to`,
          { file, line, column: col },
        );
      }
    }
    yield* parser.end();
  }
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens(), true, text.length)) {
    if (!doc) {
      doc = next;
      continue;
    }
    const { line, col } = lineCounter.linePos(next.range[0]);
    throw new ConfigError(
      `${file}:${line}:${col}: a second YAML document starts here; expected one document per file`,
      { file, line, column: col },
    );
  }
  return doc!;
}

/** What a node turns into once its aliases are expanded. */
interface Expansion {
  /** Values (nodes), counting those aliases bring in. */
  readonly values: number;
  /** Alias expansions, counting the aliases inside what an alias brings in. */
  readonly aliases: number;
  /** Levels of nesting below and including the node (0 for a scalar). */
  readonly height: number;
}

interface Frame {
  readonly node: Node;
  readonly depth: number;
  readonly children: readonly Node[];
  next: number;
  height: number;
}

/**
 * One iterative walk, in document order, over a composed document: throws ConfigError,
 * located at the offending node, for an undefined alias, an alias inside the node its
 * anchor names, more alias expansions than `maxAliases`, more values once expanded than
 * `maxBytes`, nesting deeper than `maxDepth` once expanded, a duplicate key (at the second
 * one), a key that is not a scalar, and an integer or float literal a double cannot hold.
 */
export function guardDocument(
  file: string,
  doc: Document.Parsed,
  lineCounter: LineCounter,
  limits: ConfigLimits,
): void {
  const fail = (node: Node | undefined, message: string): never => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    throw new ConfigError(`${file}:${line}:${col}: ${message}`, { file, line, column: col });
  };
  const anchors = new Map<string, Node>();
  const expansions = new Map<Node, Expansion>();
  const open = new Set<Node>();
  let values = 0;
  let aliases = 0;

  const root = doc.contents;
  if (!root) return;
  const stack: Frame[] = [];
  const enter = (node: Node, depth: number): number => {
    values++;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target)
        return fail(node, `alias *${node.source} has no anchor &${node.source} before it`);
      if (open.has(target))
        return fail(
          node,
          `alias *${node.source} is inside the node &${node.source} names: a document cannot contain itself`,
        );
      const e = expansions.get(target)!;
      aliases += 1 + e.aliases;
      values += e.values;
      if (aliases > limits.maxAliases)
        return fail(
          node,
          `more than ${limits.maxAliases} alias expansions; the limit guards against alias bombs; whoever runs the gate sets it with ${LIMIT_KNOB.maxAliases}`,
        );
      if (values > limits.maxBytes)
        return fail(
          node,
          `aliases expand the document to more than ${limits.maxBytes} values, more than a file within the size limit could hold; whoever runs the gate sets it with ${LIMIT_KNOB.maxBytes}`,
        );
      if (depth + e.height > limits.maxDepth)
        return fail(
          node,
          `alias *${node.source} nests the document deeper than ${limits.maxDepth} levels`,
        );
      return e.height;
    }
    if (isScalar(node)) {
      checkNumber(node, fail);
      return 0;
    }
    if (depth + 1 > limits.maxDepth)
      return fail(
        node,
        `nested deeper than ${limits.maxDepth} levels; a configuration file has no reason to`,
      );
    const children: Node[] = [];
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (key !== null && !isScalar(key))
          fail(key, 'a mapping key must be text or a number, not a list, a mapping or an alias');
        const name =
          key === null || (key as Scalar).value === null ? '' : String((key as Scalar).value);
        if (keys.has(name)) fail(key ?? node, 'duplicate key: each field may appear once');
        keys.add(name);
        if (key) children.push(key);
        if (pair.value) children.push(pair.value as Node);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) {
          if (item.key) children.push(item.key as Node);
          if (item.value) children.push(item.value as Node);
        } else if (item) children.push(item as Node);
      }
    }
    open.add(node);
    stack.push({ node, depth: depth + 1, children, next: 0, height: 1 });
    return -1;
  };

  // An anchored node's expansion is what the walk counted between entering and leaving it.
  const startCounts = new Map<Node, { values: number; aliases: number }>();
  const complete = (node: Node, height: number) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.height = Math.max(parent.height, height + 1);
    const start = startCounts.get(node);
    if (start)
      expansions.set(node, {
        values: values - start.values,
        aliases: aliases - start.aliases,
        height,
      });
  };
  const visit = (node: Node, depth: number) => {
    if (node.anchor) startCounts.set(node, { values, aliases });
    const height = enter(node, depth);
    if (height >= 0) complete(node, height);
  };

  visit(root, 0);
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.children.length) {
      visit(frame.children[frame.next++]!, frame.depth);
      continue;
    }
    stack.pop();
    open.delete(frame.node);
    complete(frame.node, frame.height);
  }
}

/**
 * An integer literal must mean what it says: either the double holds it exactly, or it is
 * the double's own shortest form (as JSON.stringify writes it). 12345678901234567890 is
 * neither — it would silently become 12345678901234567000. Any other number must be
 * finite unless written `.inf`/`.nan`.
 */
function checkNumber(node: Node, fail: (node: Node, message: string) => never): void {
  if (!isScalar(node)) return;
  const value = node.value;
  if (typeof value !== 'number' && typeof value !== 'bigint') return;
  const source = String(node.source ?? value).trim();
  const literal = /^([-+]?)(0x[0-9a-f]+|0o[0-7]+|[0-9]+)$/i.exec(source.replace(/_/g, ''));
  if (literal && (typeof value === 'bigint' || !Number.isSafeInteger(value))) {
    const exact = BigInt(literal[2]!) * (literal[1] === '-' ? -1n : 1n);
    const meant =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (BigInt(value) === exact || String(value) === exact.toString());
    if (!meant)
      fail(
        node,
        `the integer ${truncate(source)} cannot be held exactly (integers are exact up to ${Number.MAX_SAFE_INTEGER}); write it as text if it is an identifier`,
      );
  }
  if (typeof value === 'number' && !Number.isFinite(value) && !/^[-+]?\.(inf|nan)$/i.test(source))
    fail(node, `the number ${truncate(source)} is out of range (at most about 1.8e308)`);
}

const truncate = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}...` : s);
