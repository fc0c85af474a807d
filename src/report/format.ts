/**
 * The one module of number and text helpers every report section uses, so one report never
 * prints the same kind of value two ways. The number helpers live on the config floor (checks
 * write numbers into finding messages and must not import this floor) and are re-exported
 * here; the markdown and layout helpers are the report's own.
 */
export {
  byteSize,
  count,
  signed,
  interval,
  MISSING,
  percent,
  plural,
  pValue,
  sci,
  score,
  statistic,
  type MaybeNumber,
} from '../config/numbers.js';

/** Escapes text for a markdown table cell: backslashes, pipes, and line breaks. */
export function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Pads `s` with spaces to `width` characters (never cuts it), for aligned terminal columns. */
export function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/** Cuts `s` to `max` characters, ending in `…` when cut. */
export function truncate(s: string, max: number | undefined): string {
  if (max === undefined || s.length <= max) return s;
  return s.slice(0, Math.max(0, max - 1)) + '…';
}
