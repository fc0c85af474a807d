/**
 * Which onnxruntime a gate run used: the engine hands every step that may run ONNX (the
 * benchmarks' kNN, staging's models, the compatibility products) one loader that remembers
 * what it loaded, and the report records it — so a run that fell back to WebAssembly says so
 * in the report, not only on stderr. Recording never changes a result or the verdict.
 */
import type { Finding } from '../config/findings.js';
import { loadOrt, runtimeOf, type OrtModule } from '../onnx/session.js';
import { ORT_DIR_ENV, REGISTRY_ENV } from '../onnx/runtime-resolve.js';
import { ORT_PIN } from '../onnx/runtime-pin.js';
import type { OnnxRuntimeRecord } from './report-model.js';

/** A loader that remembers the module it loaded, and the record of its resolution. */
export interface TrackedRuntime {
  readonly ort: () => Promise<OrtModule>;
  /** The runtime used, once a step loaded one (undefined: none ran, or an injected module). */
  record(): OnnxRuntimeRecord | undefined;
}

/** Wraps `load` (default: the process's resolution, {@link loadOrt}). */
export function trackRuntime(load?: () => Promise<OrtModule>): TrackedRuntime {
  let used: OrtModule | undefined;
  return {
    ort: async () => (used = await (load ?? loadOrt)()),
    record() {
      const resolved = used && runtimeOf(used);
      if (!resolved) return undefined;
      if (resolved.source !== 'wasm') {
        return {
          backend: 'native',
          package: 'onnxruntime-node',
          version: resolved.version,
          source: resolved.source === 'offline-dir' ? 'dir' : resolved.source,
        };
      }
      return {
        backend: 'wasm',
        package: 'onnxruntime-web',
        version: resolved.version,
        source: resolved.forced ? 'forced' : 'wasm-fallback',
        ...(resolved.reason && { reason: resolved.reason }),
      };
    },
  };
}

/** The info finding of a run that fell back to WebAssembly (none for a native or chosen one). */
export function runtimeFindings(record: OnnxRuntimeRecord | undefined): Finding[] {
  if (record?.source !== 'wasm-fallback') return [];
  return [
    {
      id: 'runtime.wasm',
      severity: 'info',
      message:
        `ran on WebAssembly (${record.package} ${record.version}) because ${record.reason ?? 'no native onnxruntime could be had'}: ` +
        `the results are the same, only slower (about 2–4× here). For the native runtime, let the gate download ` +
        `${ORT_PIN.name} ${ORT_PIN.version} from the npm registry (it follows npm's registry and proxy settings, or ${REGISTRY_ENV}), ` +
        `or set ${ORT_DIR_ENV} to a folder of its binaries`,
      found: record.source,
    },
  ];
}
