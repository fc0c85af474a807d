#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);

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
