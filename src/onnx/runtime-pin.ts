/**
 * The one onnxruntime-node release the gate runs, pinned by version and by the sha512
 * integrity npm recorded in package-lock.json. scripts/build.mjs refuses to build when these
 * differ from the lock file, and test/onnx/runtime-pin.test.ts checks the same, so the hash a
 * download is verified against is always the one `npm ci` verified.
 */

/** The pinned onnxruntime-node package. */
export const ORT_PIN = {
  name: 'onnxruntime-node',
  version: '1.30.0',
  integrity:
    'sha512-twhs1C2C/BFkz1yc5OY0KIU2GUq6DURO7hD4bx5Q2Qy3nAMJwRXW8xU3NVczE29VA9lolLOYepoD8fjTGOfIqw==',
  /** The tarball's size in bytes, for the "downloading … MB" notice and the README. */
  tarballBytes: 113_507_888,
} as const;

/** onnxruntime-web's version, whose WebAssembly build dist/ ships (package-lock.json's, tested). */
export const ORT_WEB_VERSION = '1.30.0';

/** The default registry when neither npm's nor the gate's setting names one. */
export const DEFAULT_REGISTRY = 'https://registry.npmjs.org';

/** The platform/arch pairs onnxruntime-node ships CPU binaries for. */
export const NATIVE_PLATFORMS: readonly string[] = [
  'linux-x64',
  'linux-arm64',
  'darwin-arm64',
  'win32-x64',
  'win32-arm64',
];

/**
 * Whether a file of the package's platform folder is kept. GPU execution providers (CUDA,
 * TensorRT) are never part of the npm tarball — onnxruntime-node's install script fetches them
 * from NuGet, and the gate never runs that script — but the filter keeps them out should a
 * later release ship them.
 */
export function keepNativeFile(name: string): boolean {
  return !/cuda|tensorrt/i.test(name);
}

/** The tarball's URL on a registry (npm's standard layout: no metadata request needed). */
export function tarballUrl(registry: string): string {
  const base = registry.replace(/\/+$/, '');
  return `${base}/${ORT_PIN.name}/-/${ORT_PIN.name}-${ORT_PIN.version}.tgz`;
}
