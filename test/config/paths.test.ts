/** Path problems end with the next step: what to write or do instead. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSourceText } from '../../src/config/document.js';
import { pathProblem, requireRegularFile, resolveInWorkspace } from '../../src/config/paths.js';

describe('path messages end with the next step', () => {
  it.each([
    ['a\\b\\c.arrow', /write "a\/b\/c\.arrow"$/],
    ['https://example.com/v.arrow', /download it into the workspace and name that file$/],
    ['v\u0000.arrow', /remove the NUL byte \(\\u0000\) from the path$/],
    ['', /name the file, or remove the field$/],
  ])('%j', (value, next) => {
    expect(pathProblem(value)).toMatch(next);
  });

  it('outside the workspace: pass --workspace or move the file', () => {
    const ws = mkdtempSync(join(tmpdir(), 'eg-paths-'));
    const file = join(ws, 'manifest.yaml');
    writeFileSync(file, 'vectors:\n  path: ../../elsewhere.arrow\n');
    const doc = parseSourceText('manifest.yaml', 'vectors:\n  path: ../../elsewhere.arrow\n', file);
    expect(() => resolveInWorkspace(doc, ['vectors', 'path'], '../../elsewhere.arrow', ws)).toThrow(
      /resolves outside the workspace .+; pass --workspace <dir> to a folder that holds it, or move the file inside .+$/,
    );
  });

  it('a missing file: the path is relative to the folder of the file naming it', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'eg-paths-'));
    const doc = parseSourceText(
      'releases/1.1.0/m.yaml',
      'vectors:\n  ids: ids.txt\n',
      join(ws, 'm.yaml'),
    );
    await expect(
      requireRegularFile(doc, ['vectors', 'ids'], 'ids.txt', join(ws, 'ids.txt'), 'an ids file'),
    ).rejects.toThrow(
      /"ids\.txt": no such file.*; expected an ids file; the path is relative to the folder of releases\/1\.1\.0\/m\.yaml \(releases\/1\.1\.0\/\)$/,
    );
  });
});
