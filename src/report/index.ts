/** Every output format, as pure functions `(report) => string`, kept in one record. */
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import type { Report } from '../gate/report-model.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export type FormatName = 'text' | 'json' | 'markdown' | 'sarif' | 'junit' | 'html';

export const FORMATTERS: Readonly<Record<FormatName, (report: Report) => string>> = {
  text: formatText,
  json: formatJson,
  markdown: (report) => formatMarkdown(report),
  sarif: formatSarif,
  junit: formatJunit,
  html: formatHtml,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
