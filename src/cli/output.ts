/**
 * `--format name[=file]` handling: which formatter output goes where. Files are written
 * atomically; at most one format may go to standard output.
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from '../fsutil/atomic-write.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName, type FormatOptions } from '../report/index.js';
import type { Report } from '../gate/report-model.js';
import { UsageError, type CliIO } from './context.js';
import { requireLocalPath } from './files.js';

const EXTENSION: Record<FormatName, string> = {
  text: 'txt',
  json: 'json',
  markdown: 'md',
  sarif: 'sarif',
  junit: 'xml',
  html: 'html',
};

export interface OutputTarget {
  readonly format: FormatName;
  /** Undefined: standard output. */
  readonly file?: string;
}

/** Parses `--format` values (with `--output` as the file for those without one). */
export function parseOutputs(
  formats: readonly string[],
  output: string | undefined,
): OutputTarget[] {
  const targets = formats.map((spec): OutputTarget => {
    const eq = spec.indexOf('=');
    const name = (eq < 0 ? spec : spec.slice(0, eq)).trim();
    const file = eq < 0 ? undefined : spec.slice(eq + 1).trim();
    if (!FORMAT_NAMES.includes(name as FormatName)) {
      throw new UsageError(
        `--format ${spec}: unknown format "${name}"; expected one of ${FORMAT_NAMES.join(', ')}`,
      );
    }
    if (file === '') throw new UsageError(`--format ${spec}: expected a file name after "="`);
    return { format: name as FormatName, file: file ?? output };
  });
  const byFile = new Map<string, FormatName>();
  for (const t of targets) {
    if (!t.file) continue;
    const other = byFile.get(resolve(t.file));
    if (other)
      throw new UsageError(
        `--format ${other} and --format ${t.format} would both write ${t.file}, and one would silently replace the other; ` +
          `give each its own file, e.g. --format ${t.format}=report.${EXTENSION[t.format]}`,
      );
    byFile.set(resolve(t.file), t.format);
  }
  const toStdout = targets.filter((t) => !t.file);
  if (toStdout.length > 1) {
    throw new UsageError(
      `--format ${toStdout.map((t) => t.format).join(' and ')} would all write to standard output; ` +
        `send all but one to files, e.g. --format ${toStdout[1]!.format}=report.${EXTENSION[toStdout[1]!.format]}`,
    );
  }
  return targets;
}

/** Checks, before the gate runs, that every target file can be written ({@link requireOutputFile}). */
export async function requireOutputTargets(
  targets: readonly OutputTarget[],
  cwd: string,
  option = '--format',
): Promise<void> {
  for (const t of targets)
    if (t.file) await requireOutputFile(cwd, t.file, `${option} ${t.format}=${t.file}`);
}

/** Renders the report in every requested format and writes it. */
export async function emitReport(
  report: Report,
  targets: readonly OutputTarget[],
  io: CliIO,
  options: FormatOptions = {},
): Promise<void> {
  for (const t of targets) {
    const text = FORMATTERS[t.format](report, options);
    if (t.file) await writeFileAtomic(resolve(io.cwd, t.file), text);
    else io.stdout(text);
  }
}

/**
 * Checks, before the gate runs, that `dir` can take output files: a directory, or a path
 * that does not exist yet (it is created on write). Anything else is a usage error (exit 2),
 * not a failure after minutes of work.
 */
export async function requireOutputDirectory(dir: string, option: string): Promise<void> {
  requireLocalPath(dir, option);
  try {
    if (!(await stat(dir)).isDirectory())
      throw new UsageError(
        `${option} ${dir}: is not a directory; expected a directory for the run files`,
      );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * Checks, before any work, that `file` can be written as a file: not a URL, not a
 * directory, and under a folder that is a directory or does not exist yet (created on
 * write). Anything else is a usage error (exit 2) naming `option` and the file.
 */
export async function requireOutputFile(
  cwd: string,
  value: string,
  option: string,
): Promise<string> {
  requireLocalPath(value, option);
  const file = resolve(cwd, value);
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory())
    throw new UsageError(`${option}: ${value} is a directory; expected a file to write`);
  if (info && !info.isFile())
    throw new UsageError(`${option}: ${value} is not a regular file; expected a file to write`);
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const parent = await stat(dir).catch(() => undefined);
    if (parent && !parent.isDirectory())
      throw new UsageError(`${option}: ${dir} is not a directory; cannot write ${value} below it`);
    if (parent || dirname(dir) === dir) return file;
  }
}
