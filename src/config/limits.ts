/**
 * Caps on every YAML or JSON file the gate reads. A pull request controls those files, so
 * the caps come from whoever runs the gate (CLI options, Action inputs), never from a file.
 */

/** How much one user file may cost to read. */
export interface ConfigLimits {
  /** Largest file, in bytes; also the most values a document may hold once aliases are expanded. */
  readonly maxBytes: number;
  /** Most alias expansions (`*name`) in one document, counting an alias again each time the node holding it is expanded. */
  readonly maxAliases: number;
  /** Deepest nesting of mappings and lists, aliases expanded. */
  readonly maxDepth: number;
}

/**
 * The documented defaults: 1 MiB (a registry with thousands of history entries fits; a
 * YAML parse of 1 MiB takes well under a second), 100 alias expansions (reuse, not a
 * billion laughs), 256 levels (no hand-written file comes near; the parser's stack does).
 */
export const DEFAULT_CONFIG_LIMITS: ConfigLimits = Object.freeze({
  maxBytes: 1024 * 1024,
  maxAliases: 100,
  maxDepth: 256,
});

/** The defaults with whatever the runner set. */
export function configLimits(overrides: Partial<ConfigLimits> = {}): ConfigLimits {
  return {
    maxBytes: overrides.maxBytes ?? DEFAULT_CONFIG_LIMITS.maxBytes,
    maxAliases: overrides.maxAliases ?? DEFAULT_CONFIG_LIMITS.maxAliases,
    maxDepth: overrides.maxDepth ?? DEFAULT_CONFIG_LIMITS.maxDepth,
  };
}

/** How the runner raises a cap, for messages. */
export const LIMIT_KNOB = {
  maxBytes: '--max-config-kb (Action input max-config-kb)',
  maxAliases: '--max-aliases (Action input max-aliases)',
} as const;
