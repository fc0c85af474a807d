/**
 * The WebAssembly fallback: onnxruntime-web's Node build, for hosts where the native runtime
 * cannot be had (no binaries for the platform, no registry, no offline folder). It runs the
 * same graphs (src/onnx/graph.ts, the staging models) at several times the CPU cost.
 *
 * In dist/ the build copies the glue module and a brotli-compressed copy of the .wasm (14 MB →
 * 2.9 MB, which keeps dist/ under its 15 MB budget) to dist/onnxruntime-web/; run from source,
 * both come from node_modules.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import type { OrtApi } from './runtime-native.js';

/** The onnxruntime-web files of one layout. */
export interface WasmFiles {
  /** The Emscripten glue module. */
  readonly glue: string;
  /** The WebAssembly binary, brotli-compressed when it ends in `.br`. */
  readonly wasm: string;
}

const GLUE = 'ort-wasm-simd-threaded.mjs';
const WASM = 'ort-wasm-simd-threaded.wasm';

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Where the WebAssembly files are: beside the bundle (`<dist>/onnxruntime-web/`, `bundleDir`
 * being dist/) or in an installed onnxruntime-web; undefined when neither has them.
 */
export async function findWasmFiles(bundleDir: string | undefined): Promise<WasmFiles | undefined> {
  if (bundleDir) {
    const dir = join(bundleDir, 'onnxruntime-web');
    const files = { glue: join(dir, GLUE), wasm: join(dir, `${WASM}.br`) };
    if ((await exists(files.glue)) && (await exists(files.wasm))) return files;
  }
  try {
    // The package exports no ./package.json; its Node entry lives in dist/ beside the files.
    const dir = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));
    const files = { glue: join(dir, GLUE), wasm: join(dir, WASM) };
    if ((await exists(files.glue)) && (await exists(files.wasm))) return files;
  } catch {
    // not installed: the caller says so
  }
  return undefined;
}

/** Loads onnxruntime-web's Node build on `files`, with `threads` WebAssembly threads. */
export async function loadWasmRuntime(files: WasmFiles, threads: number): Promise<OrtApi> {
  const bytes = await readFile(files.wasm);
  const binary = files.wasm.endsWith('.br') ? brotliDecompressSync(bytes) : bytes;
  const web = (await import('onnxruntime-web')) as unknown as OrtApi & {
    env: { wasm: Record<string, unknown> };
  };
  web.env.wasm['wasmBinary'] = binary.buffer.slice(
    binary.byteOffset,
    binary.byteOffset + binary.byteLength,
  );
  web.env.wasm['wasmPaths'] = { mjs: pathToFileURL(files.glue).href };
  web.env.wasm['numThreads'] = threads;
  // Sessions ask for the `wasm' provider by name: `cpu' may already be the native backend when
  // both runtimes were loaded in one process (tests compare them).
  const create = (model: string | Uint8Array, options?: object) =>
    web.InferenceSession.create(model as Uint8Array, {
      ...options,
      executionProviders: ['wasm'],
    });
  const InferenceSession = { create } as unknown as OrtApi['InferenceSession'];
  return { InferenceSession, Tensor: web.Tensor };
}

/** dist/ when running from the bundle (a chunk in dist/chunks/ or a file in dist/). */
export function bundleDirOf(moduleUrl: string): string {
  const here = dirname(fileURLToPath(moduleUrl));
  return here.endsWith('chunks') ? dirname(here) : here;
}
