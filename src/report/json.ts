import type { Report } from '../gate/report-model.js';

/** The documented machine-readable report (see README, "JSON report"). */
export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
