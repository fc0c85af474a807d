/**
 * Collects every finding id src/ can emit, by reading the source with the TypeScript parser
 * (so ids mentioned in comments do not count, and ids in strings always do).
 *
 * An id is a string literal shaped `family.name` (`vectors.non-finite`), or a template
 * literal shaped like one (`contract.${r.requirement}`). Every such literal outside
 * src/report/ (formatters emit no findings) is taken as an id unless it is listed in
 * {@link NOT_IDS} or is the first argument of `new RegistryRefusal(…)` (a refusal of a
 * registry command, printed by the CLI, never a finding in a report). A template is expanded
 * through {@link TEMPLATES}, which reads its possible values from the source too; a
 * template the table does not know makes the collector throw, so a new one cannot slip by.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

const ID = /^[a-z]+\.[a-z][a-z0-9-]*$/;
/** A template with its substitutions written `*`: `contract.*`, `*.schema`. */
const TEMPLATE_ID = /^[a-z*]+\.[a-z0-9*-]+$/;

/**
 * Strings shaped like ids that are not finding ids: manifest field paths (the version-bump
 * reasons name them), an ONNX operator domain, and file-name suffixes. Each must still occur
 * in src/ (the test checks), so the list cannot outlive its reason.
 */
export const NOT_IDS: Readonly<Record<string, string>> = {
  '*.tgz': 'a temporary file name of the onnxruntime download (src/onnx/runtime-download.ts)',
  '*.complete': 'the marker file of an unpacked download (src/onnx/runtime-download.ts)',
  '*.br': 'the brotli-compressed WebAssembly file of onnxruntime-web (src/onnx/runtime-wasm.ts)',
  'model.revision': 'manifest field path (bump reasons)',
  'model.sha256': 'manifest field path (bump reasons)',
  'inputs.sha256': 'manifest field path (bump reasons)',
  'encoders.*': 'manifest field path of an encoder (bump reasons)',
  '*.model': 'manifest field path of an encoder (bump reasons)',
  '*.revision': 'manifest field path of an encoder (bump reasons)',
  '*.sha256': 'manifest field path of an encoder (bump reasons)',
  '*.lock': 'registry lock file name',
  '*.stale-*': 'stale registry lock file name',
  'model.name': 'manifest field path (init names its TODOs)',
  'inputs.dataset': 'manifest field path (init names its TODOs)',
  'manifest.yaml': 'the file name init writes by default',
  'package.json': "a file whose folder is npm's project folder (src/onnx/npm-config.ts)",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** The string members of the union type alias `name` in `file`. */
function unionMembers(file: string, name: string): string[] {
  const out: string[] = [];
  walk(parse(join(SRC, file)), (n) => {
    if (!ts.isTypeAliasDeclaration(n) || n.name.text !== name) return;
    walk(n.type, (t) => {
      if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) out.push(t.literal.text);
    });
  });
  if (!out.length) throw new Error(`no string union ${name} in src/${file}`);
  return out;
}

/** Every string assigned to property `property` in `file`. */
function propertyValues(file: string, property: string): string[] {
  const out: string[] = [];
  walk(parse(join(SRC, file)), (n) => {
    if (
      ts.isPropertyAssignment(n) &&
      ts.isIdentifier(n.name) &&
      n.name.text === property &&
      ts.isStringLiteral(n.initializer)
    )
      out.push(n.initializer.text);
  });
  if (!out.length) throw new Error(`no ${property}: '…' in src/${file}`);
  return out;
}

/** Templates that build ids, and where their values come from. */
const TEMPLATES: Readonly<Record<string, () => string[]>> = {
  // config/schema.ts: `${kind}.schema` for every SchemaKind.
  '*.schema': () => unionMembers('config/schema.ts', 'SchemaKind').map((k) => `${k}.schema`),
  // gate/checks/consumers.ts: `contract.${r.requirement}` for every requirement it checks.
  'contract.*': () =>
    propertyValues('gate/checks/consumers.ts', 'requirement').map((r) => `contract.${r}`),
};

function templatePattern(t: ts.TemplateExpression): string {
  return t.head.text + t.templateSpans.map((s) => `*${s.literal.text}`).join('');
}

function isRefusalId(n: ts.Node): boolean {
  const p = n.parent;
  return (
    ts.isNewExpression(p) &&
    p.arguments?.[0] === n &&
    ts.isIdentifier(p.expression) &&
    p.expression.text === 'RegistryRefusal'
  );
}

export interface CollectedIds {
  /** Every finding id, sorted, with the files that emit it. */
  readonly ids: ReadonlyMap<string, readonly string[]>;
  /** The NOT_IDS entries seen, to prove each still has a reason to be listed. */
  readonly excludedSeen: ReadonlySet<string>;
}

/** Reads src/ and returns every finding id it can emit. */
export function collectFindingIds(): CollectedIds {
  const ids = new Map<string, string[]>();
  const excludedSeen = new Set<string>();
  const add = (id: string, file: string) => {
    const files = ids.get(id) ?? [];
    if (!files.includes(file)) files.push(file);
    ids.set(id, files);
  };
  for (const path of sourceFiles(SRC)) {
    const file = relative(ROOT, path);
    if (file.startsWith(join('src', 'report'))) continue;
    walk(parse(path), (n) => {
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
        if (!ID.test(n.text) || isRefusalId(n)) return;
        if (n.text in NOT_IDS) excludedSeen.add(n.text);
        else add(n.text, file);
      } else if (ts.isTemplateExpression(n)) {
        const pattern = templatePattern(n);
        if (!TEMPLATE_ID.test(pattern)) return;
        if (pattern in NOT_IDS) {
          excludedSeen.add(pattern);
          return;
        }
        const expand = TEMPLATES[pattern];
        if (!expand)
          throw new Error(
            `${file}: the template \`${n.getText()}\` looks like a finding id; add it to TEMPLATES (with where its values come from) or to NOT_IDS`,
          );
        for (const id of expand()) add(id, file);
      }
    });
  }
  return { ids: new Map([...ids].sort(([a], [b]) => a.localeCompare(b))), excludedSeen };
}
