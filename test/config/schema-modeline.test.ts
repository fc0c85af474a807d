/**
 * Every example YAML file names its JSON Schema on its first line for editors
 * (`# yaml-language-server: $schema=<relative path>`), the path resolves to the schema its
 * loader validates against, and the loaders still accept the file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/config/contract.js';
import { loadManifest } from '../../src/config/manifest.js';
import { loadSuite } from '../../src/config/suite.js';
import { ROOT } from '../helpers/cli.js';

const EXAMPLES = join(ROOT, 'examples');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? yamlFiles(join(dir, e.name))
      : /\.ya?ml$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

const LOADERS = {
  'manifest.schema.json': (f: string) => loadManifest(f, ROOT),
  'contract.schema.json': (f: string) => loadContract(f, ROOT),
  'suite.schema.json': (f: string) => loadSuite(f, ROOT),
} as const;

describe('examples name their schema for editors', () => {
  const files = yamlFiles(EXAMPLES).map((f) => relative(ROOT, f));

  it('finds the example files', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('%s', async (file) => {
    const first = readFileSync(join(ROOT, file), 'utf8').split('\n', 1)[0]!;
    // The YAML language server reads `$schema=` up to the first space.
    const m = /^# yaml-language-server: \$schema=(\S+)/.exec(first);
    expect(m, first).not.toBeNull();
    const target = m![1]!;
    expect(target).not.toMatch(/^[a-z]+:/i); // relative: no invented URL
    const schema = resolve(dirname(join(ROOT, file)), target);
    expect(relative(ROOT, schema)).toMatch(/^contracts\/\w+\.schema\.json$/);
    expect(existsSync(schema)).toBe(true);
    const loaded = await LOADERS[schema.split('/').pop() as keyof typeof LOADERS](file);
    expect(loaded.findings).toEqual([]);
  });
});
