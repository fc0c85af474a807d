/**
 * JSON Schema validation of user files with ajv, and the translation of ajv's errors into
 * typed, de-duplicated, located findings. Raw ajv errors never reach a user.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import semver from 'semver';
import contractSchema from '../../contracts/contract.schema.json' with { type: 'json' };
import manifestSchema from '../../contracts/manifest.schema.json' with { type: 'json' };
import registrySchema from '../../contracts/registry.schema.json' with { type: 'json' };
import suiteSchema from '../../contracts/suite.schema.json' with { type: 'json' };
import waiversSchema from '../../contracts/waivers.schema.json' with { type: 'json' };
import type { SourceDocument } from './document.js';
import type { Finding } from './findings.js';

/** The kinds of user file with a published schema. */
export type SchemaKind = 'manifest' | 'contract' | 'waivers' | 'registry' | 'suite';

const SCHEMAS: Record<SchemaKind, object> = {
  suite: suiteSchema,
  manifest: manifestSchema,
  contract: contractSchema,
  waivers: waiversSchema,
  registry: registrySchema,
};

// ajv-formats is CommonJS with `exports.default`: under NodeNext the callable sits on .default,
// while a bundler may already hand us the function itself.
type AddFormats = typeof addFormatsModule.default;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats);

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaKind, ValidateFunction>();

function validator(kind: SchemaKind): ValidateFunction {
  let fn = compiled.get(kind);
  if (fn) return fn;
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    addFormats(ajv, ['date', 'date-time']);
    ajv.addFormat('semver', { type: 'string', validate: (s: string) => semver.valid(s) !== null });
    ajv.addFormat('semver-range', {
      type: 'string',
      validate: (s: string) => semver.validRange(s) !== null,
    });
  }
  fn = ajv.compile(SCHEMAS[kind]);
  compiled.set(kind, fn);
  return fn;
}

/**
 * Validates a parsed document against its schema. Returns one error finding per problem
 * (id `<kind>.schema`), located at the offending field; an empty list means valid.
 * Never throws, whatever the document holds.
 */
export function validateDocument(kind: SchemaKind, doc: SourceDocument): Finding[] {
  const validate = validator(kind);
  if (validate(doc.data)) return [];
  // A `propertyNames` failure repeats its inner error (which names the key): keep the inner one.
  const errors = collapse((validate.errors ?? []).filter((e) => e.keyword !== 'propertyNames'));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const e of errors) {
    const { path, message, atKey } = describe(kind, e);
    const location = doc.locate(path, { key: atKey });
    const field = path.length ? path.join('.') : '(top level)';
    const text = `${field}: ${message}`;
    const dedupe = `${location.line}:${location.column}:${text}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    findings.push({ id: `${kind}.schema`, severity: 'error', message: text, location });
  }
  return findings.sort(
    (a, b) =>
      (a.location?.line ?? 0) - (b.location?.line ?? 0) || a.message.localeCompare(b.message),
  );
}

function segments(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * ajv reports every failing branch of an `anyOf`. Keep the most specific errors: branch
 * errors deeper than the anyOf win; otherwise the branches' expectations are merged.
 */
function collapse(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  const consumed = new Set<ErrorObject>();
  errors.forEach((a, index) => {
    if (a.keyword !== 'anyOf') return;
    // ajv (allErrors) emits a combinator's branch errors just before the combinator's own;
    // schemaPath cannot tell them apart once a branch goes through $ref, instancePath can.
    const under = (e: ErrorObject) =>
      e.instancePath === a.instancePath || e.instancePath.startsWith(a.instancePath + '/');
    const branch = errors.slice(0, index).filter((e) => !consumed.has(e) && under(e));
    branch.forEach((e) => consumed.add(e));
    consumed.add(a);
    const deeper = branch.filter((e) => e.instancePath.length > a.instancePath.length);
    if (deeper.length) {
      out.push(...deeper);
    } else {
      const expectations = [...new Set(branch.map((e) => expectation(e)))];
      out.push({
        ...a,
        message: `expected ${expectations.join(' or ')}`,
        params: { merged: true },
      });
    }
  });
  for (const e of errors) if (!consumed.has(e)) out.push(e);
  return out;
}

function found(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  return String(value);
}

const FORMAT_TEXT: Record<string, string> = {
  semver: 'a semantic version such as 2.1.0',
  'semver-range': 'a semver range such as ^2.0.0 or ">=1.4.0 <3.0.0"',
  date: 'an RFC 3339 date such as 2026-11-02',
  'date-time': 'an RFC 3339 date-time such as 2026-11-02T10:00:00Z',
};

/** The "expected ..." part of one ajv error. */
function expectation(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `${/^[aeiou]/.test(String(p.type)) ? 'an' : 'a'} ${String(p.type)}`;
    case 'enum':
      return `one of ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'format':
      return FORMAT_TEXT[String(p.format)] ?? `format ${String(p.format)}`;
    case 'pattern':
      return String(p.pattern) === '^[a-f0-9]{64}$'
        ? 'a sha256 digest (64 lowercase hex characters)'
        : `text matching ${String(p.pattern)}`;
    case 'minimum':
      return `a number ≥ ${String(p.limit)}`;
    case 'maximum':
      return `a number ≤ ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `a number > ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `a number < ${String(p.limit)}`;
    case 'minLength':
      return Number(p.limit) === 1
        ? 'non-empty text'
        : `text of at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `text of at most ${String(p.limit)} characters`;
    case 'minItems':
      return `a list of at least ${String(p.limit)} item(s)`;
    case 'uniqueItems':
      return 'a list without repeated items';
    case 'minProperties':
      return `at least ${String(p.limit)} field(s)`;
    case 'type:array':
      return 'a list';
    default:
      return e.message ?? e.keyword;
  }
}

function describe(
  kind: SchemaKind,
  e: ErrorObject,
): { path: (string | number)[]; message: string; atKey?: boolean } {
  const path = segments(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const badKey = (e as { propertyName?: string }).propertyName;
  if (badKey !== undefined) {
    return {
      path: [...path, badKey],
      atKey: true,
      message: `key "${badKey}": expected ${expectation(e)}`,
    };
  }
  if (e.keyword === 'required') {
    return { path, message: `missing required field "${String(p.missingProperty)}"` };
  }
  if (e.keyword === 'additionalProperties') {
    const key = String(p.additionalProperty);
    const allowed = allowedKeys(e);
    const hint = closest(key, allowed);
    return {
      path: [...path, key],
      atKey: true,
      message:
        `unknown field "${key}"` +
        (hint
          ? ` (did you mean "${hint}"?)`
          : allowed.length
            ? `; allowed: ${allowed.join(', ')}`
            : ''),
    };
  }
  if ((p as { merged?: boolean }).merged) {
    return { path, message: `${e.message ?? ''}, found ${found(e.data)}` };
  }
  return { path, message: `expected ${expectation(e)}, found ${found(e.data)}` };
}

/**
 * The property names allowed at the object whose additionalProperties failed: read from the
 * failing (sub)schema itself (verbose mode), which is right also inside a `$ref`'d definition.
 */
function allowedKeys(e: ErrorObject): string[] {
  const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)
    ?.properties;
  return props ? Object.keys(props).filter((k) => k !== '$schema') : [];
}

/** The allowed key within edit distance 2 of a misspelt one, if any. */
function closest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
