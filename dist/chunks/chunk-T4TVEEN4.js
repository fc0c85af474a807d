#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
import { basename as __egBasename, dirname as __egDirname } from 'node:path';
import { fileURLToPath as __egFileURLToPath } from 'node:url';
const require = __egCreateRequire(import.meta.url);
const __egHere = __egDirname(__egFileURLToPath(import.meta.url));
const __embeddingGateDir = __egBasename(__egHere) === 'chunks' ? __egDirname(__egHere) : __egHere;

// src/sources/types.ts
var SourceError = class extends Error {
  constructor(display, detail, code) {
    super(`${display}: ${detail}`);
    this.display = display;
    this.detail = detail;
    this.code = code;
  }
  display;
  detail;
  code;
  name = "SourceError";
};

export {
  SourceError
};
