/**
 * Labels files of staging validation: one `id,label` pair per line.
 *
 * Format: UTF-8 text, CSV (comma) or TSV (tab: chosen when the first non-empty line holds a
 * tab). Fields may be double-quoted, with `""` for a quote inside (RFC 4180; one record per
 * line). A first line whose first field is `id` is a header. Blank lines are skipped. Every
 * line has exactly two fields, an id appears once, and the label is a class (text) for
 * classification, a number for regression, and a relevance number for ranking.
 */

/** A labels file that breaks the format; the message names the file and line. */
export class LabelsError extends Error {
  override readonly name = 'LabelsError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    detail: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${detail}`);
  }
}

/** The labels, in file order. */
export interface LabelTable {
  readonly ids: readonly string[];
  readonly labels: readonly string[];
  /** 1-based line of each entry, for messages. */
  readonly lines: Int32Array;
  /** id → index into `ids`. */
  readonly index: ReadonlyMap<string, number>;
}

/** Splits one CSV/TSV record, honouring double quotes. Returns undefined for a broken quote. */
function splitRecord(line: string, delimiter: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return undefined;
        const ch = line[i]!;
        if (ch === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += ch;
        i++;
      }
      if (i < line.length && line[i] !== delimiter) return undefined;
    } else {
      const end = line.indexOf(delimiter, i);
      field = end < 0 ? line.slice(i) : line.slice(i, end);
      i = end < 0 ? line.length : end;
    }
    out.push(field);
    if (i >= line.length) return out;
    i++; // the delimiter
  }
}

/** Parses a labels file's text (see the module comment). Throws {@link LabelsError}. */
export function parseLabels(text: string, file: string): LabelTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rawLines = body.split('\n');
  const firstContent = rawLines.find((l) => l.trim() !== '');
  if (firstContent === undefined) throw new LabelsError(file, undefined, 'no labels (empty file)');
  const delimiter = firstContent.includes('\t') ? '\t' : ',';
  const ids: string[] = [];
  const labels: string[] = [];
  const lines: number[] = [];
  const index = new Map<string, number>();
  let sawContent = false;
  rawLines.forEach((raw, n) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const lineNo = n + 1;
    const fields = splitRecord(line, delimiter);
    if (!fields) throw new LabelsError(file, lineNo, 'unterminated or misplaced double quote');
    const first = !sawContent;
    sawContent = true;
    if (first && fields[0]!.trim().toLowerCase() === 'id') return;
    if (fields.length !== 2) {
      throw new LabelsError(
        file,
        lineNo,
        `expected 2 fields (id${delimiter === '\t' ? '<tab>' : ','}label), found ${fields.length}`,
      );
    }
    const id = fields[0]!.trim();
    const label = fields[1]!.trim();
    if (id === '') throw new LabelsError(file, lineNo, 'empty id');
    if (label === '')
      throw new LabelsError(file, lineNo, `empty label for id ${JSON.stringify(id)}`);
    const previous = index.get(id);
    if (previous !== undefined) {
      throw new LabelsError(
        file,
        lineNo,
        `id ${JSON.stringify(id)} is labeled twice (first on line ${lines[previous]}); expected one label per id`,
      );
    }
    index.set(id, ids.length);
    ids.push(id);
    labels.push(label);
    lines.push(lineNo);
  });
  if (ids.length === 0) throw new LabelsError(file, undefined, 'no labels (only a header)');
  return { ids, labels, lines: Int32Array.from(lines), index };
}

/** Labels as numbers (regression values, ranking relevance); a non-number names its line. */
export function numericLabels(table: LabelTable, file: string, what: string): Float64Array {
  return Float64Array.from(table.labels, (label, i) => {
    const value = Number(label);
    if (!Number.isFinite(value) || label.trim() === '') {
      throw new LabelsError(
        file,
        table.lines[i],
        `label ${JSON.stringify(label)} of id ${JSON.stringify(table.ids[i])} is not a number; ${what} needs numeric labels`,
      );
    }
    return value;
  });
}

/**
 * Labels as class indices: the position in `classes` when given, else the label itself
 * read as a column index below `classCount`.
 */
export function classLabels(
  table: LabelTable,
  file: string,
  classes: readonly string[] | undefined,
  classCount: number,
): Int32Array {
  const position = classes ? new Map(classes.map((c, i) => [c, i])) : undefined;
  return Int32Array.from(table.labels, (label, i) => {
    const at = position ? position.get(label) : /^\d+$/.test(label) ? Number(label) : undefined;
    if (at === undefined || at >= classCount) {
      const expected = classes
        ? `one of the contract's classes (${classes.join(', ')})`
        : `a class index from 0 to ${classCount - 1} (or list the class names in staging.classes)`;
      throw new LabelsError(
        file,
        table.lines[i],
        `label ${JSON.stringify(label)} of id ${JSON.stringify(table.ids[i])}: expected ${expected}`,
      );
    }
    return at;
  });
}
