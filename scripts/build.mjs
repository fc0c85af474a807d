// Bundles the CLI and the Action into dist/ with esbuild, and copies the native parts that
// cannot be bundled: onnxruntime-node's addon and its shared library, and DuckDB's addon and
// its shared library (linux-x64; both addons' RUNPATH is $ORIGIN, so each pair sits side by
// side).
//
// ncc cannot relocate onnxruntime-node's computed `require(`../bin/napi-v6/${platform}/...`)`;
// here a plugin rewrites that one require to the copied addon next to the bundle.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const ortBin = join(root, 'node_modules/onnxruntime-node/bin/napi-v6/linux/x64');
const duckBin = join(root, 'node_modules/@duckdb/node-bindings-linux-x64');

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'onnxruntime'), { recursive: true });

/** Points onnxruntime-node's binding require at dist/onnxruntime/. */
const onnxruntimeBinding = {
  name: 'onnxruntime-binding',
  setup(b) {
    b.onLoad({ filter: /onnxruntime-node[\\/]dist[\\/]binding\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const pattern =
        /require\(`\.\.\/bin\/napi-v6\/\$\{process\.platform\}\/\$\{process\.arch\}\/onnxruntime_binding\.node`\)/;
      if (!pattern.test(source))
        throw new Error('onnxruntime-node binding.js changed: update scripts/build.mjs');
      const replaced = source.replace(
        pattern,
        `(process.platform === 'linux' && process.arch === 'x64'
          ? require(__embeddingGateDir + '/onnxruntime/onnxruntime_binding.node')
          : (() => { throw new Error('embedding-gate ships onnxruntime for linux-x64 only; this is ' + process.platform + '-' + process.arch); })())`,
      );
      return { contents: replaced, loader: 'js' };
    });
  },
};

/** Points @duckdb/node-bindings' platform switch at dist/duckdb/ (linux-x64, glibc). */
const duckdbBinding = {
  name: 'duckdb-binding',
  setup(b) {
    b.onLoad({ filter: /@duckdb[\\/]node-bindings[\\/]duckdb\.js$/ }, () => ({
      contents: `module.exports = (process.platform === 'linux' && process.arch === 'x64')
        ? require(__embeddingGateDir + '/duckdb/duckdb.node')
        : (() => { throw new Error('embedding-gate ships DuckDB (Parquet) for linux-x64 only; this is ' + process.platform + '-' + process.arch); })();`,
      loader: 'js',
    }));
  },
};

const banner = [
  '#!/usr/bin/env node',
  "import { createRequire as __egCreateRequire } from 'node:module';",
  "import { basename as __egBasename, dirname as __egDirname } from 'node:path';",
  "import { fileURLToPath as __egFileURLToPath } from 'node:url';",
  'const require = __egCreateRequire(import.meta.url);',
  // Shared chunks live in dist/chunks/; the native parts are relative to dist/ itself.
  'const __egHere = __egDirname(__egFileURLToPath(import.meta.url));',
  "const __embeddingGateDir = __egBasename(__egHere) === 'chunks' ? __egDirname(__egHere) : __egHere;",
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
  plugins: [onnxruntimeBinding, duckdbBinding],
  legalComments: 'none',
  logLevel: 'warning',
  minifySyntax: false,
});

for (const f of ['onnxruntime_binding.node', 'libonnxruntime.so.1']) {
  copyFileSync(join(ortBin, f), join(dist, 'onnxruntime', f));
}
mkdirSync(join(dist, 'duckdb'), { recursive: true });
for (const f of ['duckdb.node', 'libduckdb.so']) {
  copyFileSync(join(duckBin, f), join(dist, 'duckdb', f));
}
// dist/ is ESM whatever the consumer's package.json says.
writeFileSync(join(dist, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
chmodSync(join(dist, 'cli.js'), 0o755);
