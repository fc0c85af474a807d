#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);

// src/staging/types.ts
var DEFAULT_MAX_MODEL_BYTES = 512 * 1024 * 1024;
var DEFAULT_MAX_DATA_BYTES = 256 * 1024 * 1024;
var DEFAULT_PROBE_TOLERANCE = {
  float64: 1e-7,
  float32: 1e-5,
  float16: 1e-3,
  int8: 0.01,
  uint8: 0.01
};

export {
  DEFAULT_MAX_MODEL_BYTES,
  DEFAULT_MAX_DATA_BYTES,
  DEFAULT_PROBE_TOLERANCE
};
