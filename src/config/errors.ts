/** The configuration floor's one error type, kept apart so every loader can throw it without cycles. */
import type { Location } from './findings.js';

/** A file that could not be read or parsed at all: the gate cannot judge (exit 2). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly location?: Location,
  ) {
    super(message);
  }
}
