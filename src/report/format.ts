/**
 * The one module of text helpers every report section uses, so one report never prints the
 * same kind of value two ways.
 */

/** Escapes text for a markdown table cell. */
export function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
