/**
 * Which onnxruntime runs, decided once per process, in a fixed order:
 *
 * a. `EMBEDDING_GATE_ONNXRUNTIME_DIR`: a folder holding the platform binaries, an unpacked
 *    onnxruntime-node package, or the folder `npm pack` unpacks to (with `package/`); when set,
 *    it is the only native source tried, and a folder without binaries is an error;
 * b. an installed onnxruntime-node of the pinned version, resolvable from the gate itself;
 * c. the tool cache (runtime-download.ts), filled by an earlier run;
 * d. a download of the pinned tarball from the npm registry into that cache, with npm's
 *    registry, credentials and proxy settings (npm-config.ts);
 * e. onnxruntime-web (WebAssembly), with a notice on stderr — at once when
 *    `EMBEDDING_GATE_ONNXRUNTIME=wasm` (to compare, or where a native build misbehaves).
 *
 * A failure that leaves nothing to run, or a download whose integrity does not match, is a
 * {@link RuntimeUnavailableError} naming the folder or URL and the next step.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  downloadRuntime,
  hasBinding,
  runtimeCacheDir,
  type RuntimeHost,
} from './runtime-download.js';
import { byteSize } from '../config/numbers.js';
import { redactUrl } from '../config/paths.js';
import {
  envNpmConfig,
  loadNpmConfig,
  npmNet,
  scrubSecrets,
  type NpmConfig,
  type NpmNet,
} from './npm-config.js';
import { viaProxy } from './runtime-download.js';
import { RuntimeUnavailableError, causeText } from './runtime-error.js';
import { loadNativeRuntime, type OrtApi } from './runtime-native.js';
import {
  DEFAULT_REGISTRY,
  NATIVE_PLATFORMS,
  ORT_PIN,
  ORT_WEB_VERSION,
  tarballUrl,
} from './runtime-pin.js';
import { findWasmFiles, loadWasmRuntime, type WasmFiles } from './runtime-wasm.js';

/** The environment variable naming an offline folder of onnxruntime binaries. */
export const ORT_DIR_ENV = 'EMBEDDING_GATE_ONNXRUNTIME_DIR';
/** The environment variable that, set to `wasm`, skips every native step (a-d). */
export const RUNTIME_ENV = 'EMBEDDING_GATE_ONNXRUNTIME';
/** The environment variable naming the registry to download from (before npm's own). */
export const REGISTRY_ENV = 'EMBEDDING_GATE_NPM_REGISTRY';

/** Where the runtime came from. */
export type RuntimeSource = 'offline-dir' | 'installed' | 'cache' | 'download' | 'wasm';

/** The runtime that runs, and where it came from. */
export interface ResolvedRuntime {
  readonly ort: OrtApi;
  readonly source: RuntimeSource;
  /** The folder of the native binaries, or the WebAssembly file. */
  readonly where: string;
  /** The package's version (onnxruntime-node's, or onnxruntime-web's for `wasm`). */
  readonly version: string;
  /** For `wasm`: whether `EMBEDDING_GATE_ONNXRUNTIME=wasm` asked for it (else it is a fallback). */
  readonly forced?: boolean;
  /** For `wasm`: why no native runtime ran (never a credential). */
  readonly reason?: string;
}

/** Everything the resolution touches, injected so tests can stage each step. */
export interface ResolveDeps {
  readonly host: RuntimeHost;
  /** dist/ when running from the bundle (where the WebAssembly files are). */
  readonly bundleDir?: string;
  /** One line for the user (stderr at the edge). */
  readonly notice: (line: string) => void;
  /** WebAssembly threads for the fallback. */
  readonly threads: number;
  /** The installed onnxruntime-node's package folder, if any (default: resolved from here). */
  readonly installedPackage?: () => string | undefined;
  readonly loadNative?: (dir: string) => OrtApi;
  readonly download?: (
    url: string,
    dest: string,
    host: RuntimeHost,
    net: NpmNet,
  ) => Promise<string>;
  readonly findWasm?: (bundleDir: string | undefined) => Promise<WasmFiles | undefined>;
  readonly loadWasm?: (files: WasmFiles, threads: number) => Promise<OrtApi>;
}

/**
 * The registry to download from: the gate's setting, then npm's (`npm_config_registry` in any
 * case, then the .npmrc files: see npm-config.ts), then npmjs.org.
 */
export function registryOf(env: RuntimeHost['env'], config?: NpmConfig): string {
  return env[REGISTRY_ENV] || (config ?? envNpmConfig(env)).get('registry') || DEFAULT_REGISTRY;
}

function platformDir(root: string, host: RuntimeHost): string {
  return join(root, 'bin', 'napi-v6', host.platform, host.arch);
}

function defaultInstalled(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve(`${ORT_PIN.name}/package.json`);
    const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string };
    return version === ORT_PIN.version ? dirname(pkg) : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves the runtime in the order of this module's header. */
export async function resolveRuntime(deps: ResolveDeps): Promise<ResolvedRuntime> {
  const { host } = deps;
  const loadNative = deps.loadNative ?? loadNativeRuntime;
  const where = `${host.platform}-${host.arch}`;
  const version = ORT_PIN.version;
  const tryLoad = (dir: string, what: string): OrtApi => {
    try {
      return loadNative(dir);
    } catch (e) {
      throw new RuntimeUnavailableError(
        `cannot load onnxruntime from ${what} ${dir}: ${causeText(e)}`,
      );
    }
  };

  if (host.env[RUNTIME_ENV] === 'wasm') {
    return wasm(deps, `${RUNTIME_ENV}=wasm asks for it`, true);
  }

  // a. The offline folder, when given, is the only native source.
  const offline = host.env[ORT_DIR_ENV];
  if (offline) {
    const candidates = [
      offline,
      platformDir(offline, host),
      platformDir(join(offline, 'package'), host),
    ];
    for (const dir of candidates) {
      if (await hasBinding(dir)) {
        return { ort: tryLoad(dir, ORT_DIR_ENV), source: 'offline-dir', where: dir, version };
      }
    }
    throw new RuntimeUnavailableError(
      `${ORT_DIR_ENV}=${offline} holds no onnxruntime_binding.node for ${where} (looked in ${candidates.join(', ')}); put onnxruntime-node ${ORT_PIN.version}'s bin/napi-v6/${host.platform}/${host.arch} files there, or unset it`,
    );
  }

  // b. An installed onnxruntime-node of the pinned version.
  const installed = (deps.installedPackage ?? defaultInstalled)();
  if (installed !== undefined) {
    const dir = platformDir(installed, host);
    if (await hasBinding(dir)) {
      try {
        return { ort: loadNative(dir), source: 'installed', where: dir, version };
      } catch {
        // A broken install is not the user's choice: go on to the cache.
      }
    }
  }

  // c. The tool cache, then d. a download into it.
  let reason: string;
  const cache = runtimeCacheDir(host);
  if (await hasBinding(cache)) {
    return { ort: tryLoad(cache, 'the cache'), source: 'cache', where: cache, version };
  }
  if (NATIVE_PLATFORMS.includes(where)) {
    let net: NpmNet | undefined;
    try {
      const config = loadNpmConfig(host);
      const registry = registryOf(host.env, config);
      if (!/^https?:\/\//i.test(registry) || !URL.canParse(registry))
        throw new RuntimeUnavailableError(
          `the npm registry setting ${redactUrl(registry)} is not an http(s) URL`,
        );
      net = npmNet(config, host.env, registry);
      const url = tarballUrl(registry);
      deps.notice(
        `embedding-gate: downloading onnxruntime-node ${ORT_PIN.version} (${byteSize(ORT_PIN.tarballBytes)}, once) from ${redactUrl(url)}${viaProxy(url, net)} into ${cache}`,
      );
      const dir = await (deps.download ?? downloadRuntime)(url, cache, host, net);
      return { ort: tryLoad(dir, 'the cache'), source: 'download', where: dir, version };
    } catch (e) {
      // A file that is not the pinned one is never worked around.
      if (!(e instanceof RuntimeUnavailableError) || /integrity mismatch/.test(e.message)) throw e;
      reason = scrubSecrets(e.message, net?.secrets ?? []);
    }
  } else {
    reason = `onnxruntime-node ${ORT_PIN.version} has no native build for ${where}`;
  }

  // e. WebAssembly.
  return wasm(deps, reason);
}

async function wasm(deps: ResolveDeps, reason: string, forced = false): Promise<ResolvedRuntime> {
  const files = await (deps.findWasm ?? findWasmFiles)(deps.bundleDir);
  if (files === undefined) {
    throw new RuntimeUnavailableError(
      `${reason}; and onnxruntime-web (WebAssembly) is not installed either`,
    );
  }
  const ort = await (deps.loadWasm ?? loadWasmRuntime)(files, deps.threads);
  deps.notice(
    `embedding-gate: running onnxruntime-web (WebAssembly, several times slower than native) because ${reason.replace(/; set .*$/, '')}; for the native runtime set ${ORT_DIR_ENV} or ${REGISTRY_ENV}`,
  );
  return {
    ort,
    source: 'wasm',
    where: files.wasm,
    version: ORT_WEB_VERSION,
    forced,
    reason: reason.replace(/; set .*$/, ''),
  };
}
