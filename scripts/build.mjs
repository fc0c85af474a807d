// Bundles the CLI and the Action into dist/ with esbuild: JavaScript and WebAssembly only, on
// every platform. Nothing native is copied: onnxruntime's binaries are obtained at run time
// (src/onnx/runtime-resolve.ts: offline folder, installed package, tool cache, a download
// verified against the integrity pinned in src/onnx/runtime-pin.ts), and onnxruntime-web's
// WebAssembly build is the fallback, copied here brotli-compressed (14 MB → 2.9 MB).
//
// The build refuses to run when the pin differs from package-lock.json, so the integrity a
// download is checked against is the one `npm ci` checked.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.EMBEDDING_GATE_DIST ?? join(root, 'dist');

const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const locked = lock.packages['node_modules/onnxruntime-node'];
const pin = readFileSync(join(root, 'src/onnx/runtime-pin.ts'), 'utf8');
if (!locked || !pin.includes(`version: '${locked.version}'`) || !pin.includes(locked.integrity)) {
  throw new Error(
    `src/onnx/runtime-pin.ts does not match package-lock.json's onnxruntime-node ` +
      `(${locked?.version} ${locked?.integrity}): update the pin`,
  );
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'onnxruntime-web'), { recursive: true });

const banner = [
  '#!/usr/bin/env node',
  "import { createRequire as __egCreateRequire } from 'node:module';",
  'const require = __egCreateRequire(import.meta.url);',
].join('\n');

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/index.ts', action: 'src/action/index.ts' },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: banner },
  // onnxruntime-node is never bundled: its binaries are found at run time, and its JavaScript
  // is replaced by src/onnx/runtime-native.ts.
  external: ['onnxruntime-node'],
  legalComments: 'none',
  logLevel: 'warning',
  minifySyntax: false,
});

const web = join(root, 'node_modules/onnxruntime-web/dist');
copyFileSync(
  join(web, 'ort-wasm-simd-threaded.mjs'),
  join(dist, 'onnxruntime-web/ort-wasm-simd-threaded.mjs'),
);
const wasm = readFileSync(join(web, 'ort-wasm-simd-threaded.wasm'));
writeFileSync(
  join(dist, 'onnxruntime-web/ort-wasm-simd-threaded.wasm.br'),
  brotliCompressSync(wasm, {
    params: {
      // Quality 5 with a 16 MB window: 2.9 MB in seconds; 11 saves 0.5 MB for a minute's work.
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: wasm.length,
    },
  }),
);
// dist/ is ESM whatever the consumer's package.json says.
writeFileSync(join(dist, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
chmodSync(join(dist, 'cli.js'), 0o755);
