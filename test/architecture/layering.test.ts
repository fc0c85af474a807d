/**
 * The layering rules of eslint.config.js can fail: an upward import, an import cycle and
 * @actions/* outside the GitHub edge are each reported. (`npm test` lints the real tree
 * first; this proves the rules that lint relies on are live, not silently misconfigured.)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(file: string, text?: string): Promise<string[]> {
  const [result] =
    text === undefined
      ? await eslint.lintFiles([file])
      : await eslint.lintText(text, { filePath: join(ROOT, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

// A real pair of files for the cycle rule, which follows imports on disk.
const probeDir = join(ROOT, 'src/gate', `.layering-probe-${process.pid}`);
afterAll(() => rmSync(probeDir, { recursive: true, force: true }));

describe('layering lint', () => {
  it('reports an import from a floor above (config → gate)', async () => {
    const ids = await ruleIds(
      'src/config/probe.ts',
      "import { runGate } from '../gate/run.js';\nexport const x = runGate;\n",
    );
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it('reports an import between siblings (staging → release)', async () => {
    const ids = await ruleIds(
      'src/staging/probe-layering.ts',
      "import { classifyChange } from '../release/bump.js';\nexport const x = classifyChange;\n",
    );
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it('allows an import from a floor below (gate → config)', async () => {
    const ids = await ruleIds(
      'src/gate/probe-layering.ts',
      "import { sortFindings } from '../config/findings.js';\nexport const x = sortFindings;\n",
    );
    expect(ids).toEqual([]);
  });

  it('reports @actions/* outside action/ and github/', async () => {
    const text = "import * as core from '@actions/core';\nexport const c = core;\n";
    expect(await ruleIds('src/report/probe-layering.ts', text)).toContain('no-restricted-imports');
    expect(await ruleIds('src/action/probe-layering.ts', text)).toEqual([]);
  });

  it('reports an import cycle', async () => {
    mkdirSync(probeDir, { recursive: true });
    writeFileSync(join(probeDir, 'a.ts'), "import { b } from './b.js';\nexport const a = b + 1;\n");
    writeFileSync(
      join(probeDir, 'b.ts'),
      "import { a } from './a.js';\nexport const b = 1;\nexport const c = a;\n",
    );
    const rel = join('src/gate', `.layering-probe-${process.pid}`, 'a.ts');
    expect(await ruleIds(rel)).toContain('import-x/no-cycle');
  });
});
