#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
import { basename as __egBasename, dirname as __egDirname } from 'node:path';
import { fileURLToPath as __egFileURLToPath } from 'node:url';
const require = __egCreateRequire(import.meta.url);
const __egHere = __egDirname(__egFileURLToPath(import.meta.url));
const __embeddingGateDir = __egBasename(__egHere) === 'chunks' ? __egDirname(__egHere) : __egHere;
import {
  __commonJS,
  __require
} from "./chunk-M6NBXKVS.js";

// node_modules/@duckdb/node-bindings/duckdb.js
var require_duckdb = __commonJS({
  "node_modules/@duckdb/node-bindings/duckdb.js"(exports, module) {
    module.exports = process.platform === "linux" && process.arch === "x64" ? __require(__embeddingGateDir + "/duckdb/duckdb.node") : (() => {
      throw new Error("embedding-gate ships DuckDB (Parquet) for linux-x64 only; this is " + process.platform + "-" + process.arch);
    })();
  }
});
export default require_duckdb();
