/** Every output format, as pure functions `(report) => string`, kept in one record. */
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import type { Report } from '../gate/report-model.js';
import { formatSarif, type SarifOptions } from './sarif.js';
import { formatText } from './text.js';

export type FormatName = 'text' | 'json' | 'markdown' | 'sarif' | 'junit' | 'html';

/** Options a formatter may take; each formatter reads only its own. */
export type FormatOptions = SarifOptions;

export const FORMATTERS: Readonly<
  Record<FormatName, (report: Report, options?: FormatOptions) => string>
> = {
  text: (report) => formatText(report),
  json: (report) => formatJson(report),
  markdown: (report) => formatMarkdown(report),
  sarif: (report, options) => formatSarif(report, options),
  junit: (report) => formatJunit(report),
  html: formatHtml,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
