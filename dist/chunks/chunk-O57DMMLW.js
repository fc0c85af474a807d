#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);

// src/config/errors.ts
var ConfigError = class extends Error {
  constructor(message, location) {
    super(message);
    this.location = location;
  }
  location;
  name = "ConfigError";
};

export {
  ConfigError
};
