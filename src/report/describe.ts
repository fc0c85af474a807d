/**
 * Small phrases shared by the human-readable formatters, so text and markdown say the
 * same thing in the same words.
 */
import { formatLocation, type Finding } from '../config/findings.js';
import type {
  OnnxRuntimeRecord,
  Report,
  VectorSummary,
  VersionInfo,
} from '../gate/report-model.js';
import type { StepProgress } from '../gate/observer.js';
import { count, plural, statistic } from './format.js';

/** "products-text 2.0.0 (v2_model-x)" or the manifest path when it did not validate. */
export function versionLabel(v: VersionInfo): string {
  if (!v.version) return v.manifest;
  return `${v.name} ${v.version}${v.tag ? ` (${v.tag})` : ''}`;
}

/** "float32 × 768, 2,000 rows, arrow" */
export function shapeLabel(s: VectorSummary): string {
  return `${s.dtype} × ${s.dims}, ${count(s.rows)} rows, ${s.format}`;
}

/** Norm statistics in one phrase, or an empty string. */
export function normsLabel(s: VectorSummary): string {
  const n = s.norms;
  if (!n) return '';
  const [min, p1, mean, p99, max] = [n.min, n.p1, n.mean, n.p99, n.max].map(statistic);
  return `‖v‖ min ${min}, p1 ${p1}, mean ${mean}, p99 ${p99}, max ${max}`;
}

/**
 * "native (onnxruntime-node 1.30.0, installed)" or "WebAssembly (onnxruntime-web 1.30.0,
 * fallback: why)": the ONNX runtime a run used, in the words every human format uses.
 */
export function runtimeLabel(r: OnnxRuntimeRecord): string {
  const backend = r.backend === 'native' ? 'native' : 'WebAssembly';
  const source =
    r.source === 'wasm-fallback'
      ? `fallback: ${r.reason ?? 'no native runtime could be had'}`
      : r.source === 'forced'
        ? 'chosen by EMBEDDING_GATE_ONNXRUNTIME=wasm'
        : r.source === 'dir'
          ? 'from EMBEDDING_GATE_ONNXRUNTIME_DIR'
          : r.source === 'download'
            ? 'downloaded by this run'
            : r.source === 'cache'
              ? 'from the tool cache'
              : 'installed';
  return `${backend} (${r.package} ${r.version}, ${source})`;
}

/** "1 error, 2 warnings, 0 notes" */
export function countsLabel(report: Report): string {
  return `${plural(report.counts.error, 'error')}, ${plural(report.counts.warning, 'warning')}, ${plural(report.counts.info, 'note')}`;
}

/** The verdict sentence both formatters lead or close with. */
export function verdictSentence(report: Report): string {
  const what =
    report.verdict === 'pass' ? 'PASS — may be promoted' : 'BLOCKED — must not be promoted';
  const suffix =
    report.failOn === 'never' ? '; fail-on never: reported only' : `; fail-on ${report.failOn}`;
  return `${what} (${countsLabel(report)}${suffix})`;
}

/** `file:line:col` of a finding, or `-`. */
export function whereLabel(f: Finding): string {
  return formatLocation(f.location) || '-';
}

/** "12 s", "3 min 5 s". */
function duration(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/**
 * What a step's counter says, as the CLI's progress line and the Action's log show it
 * (`sinceMs`: how long the count has run): "1,200 / 3,000 rows · 410 rows/s · ETA 5 s".
 */
export function progressText(p: StepProgress, sinceMs: number): string {
  const parts = [
    `${count(p.done)}${p.total !== undefined ? ` / ${count(p.total)}` : ''} ${p.unit}`,
  ];
  const rate = sinceMs > 0 ? (p.done * 1000) / sinceMs : 0;
  if (rate > 0) {
    parts.push(`${count(Math.round(rate))} ${p.unit}/s`);
    if (p.total !== undefined && p.total > p.done)
      parts.push(`ETA ${duration(((p.total - p.done) * 1000) / rate)}`);
  }
  return parts.join(' · ');
}
