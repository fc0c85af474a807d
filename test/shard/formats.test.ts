import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExamples, EXAMPLE_CHECK, runCli } from '../helpers/cli.js';

/** Every report format, each to its own file. */
const FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit', 'html'] as const;
const outputs = (prefix: string) => FORMATS.flatMap((f) => ['--format', `${f}=${prefix}.${f}`]);

describe('merge renders every format as check does, with the same rendering options', () => {
  it.each([[[] as string[]], [['--sarif-include-info']]])(
    'text, json, markdown, SARIF, JUnit and HTML are byte for byte the single run (%j)',
    async (extra) => {
      const dir = copyExamples();
      const single = await runCli([...EXAMPLE_CHECK, ...extra, ...outputs('single')], dir);
      expect(single.code, single.stderr).toBe(0);
      const files: string[] = [];
      for (const i of [1, 2, 3]) {
        const r = await runCli(
          [...EXAMPLE_CHECK, '--shard', `${i}/3`, '--partial', `p${i}.json`],
          dir,
        );
        expect(r.code, r.stderr).toBe(0);
        files.push(`p${i}.json`);
      }
      const merged = await runCli(['merge', ...files, ...extra, ...outputs('merged')], dir);
      expect(merged.code, merged.stderr).toBe(0);
      for (const f of FORMATS) {
        const a = readFileSync(join(dir, `single.${f}`), 'utf8');
        const b = readFileSync(join(dir, `merged.${f}`), 'utf8');
        expect(b, f).toBe(a);
      }
      const sarif = JSON.parse(readFileSync(join(dir, 'merged.sarif'), 'utf8')) as {
        runs: { results: { level: string }[] }[];
      };
      const levels = new Set(sarif.runs[0]!.results.map((r) => r.level));
      // The option reaches the formatter: info findings become SARIF notes only with it.
      expect(levels.has('note')).toBe(extra.length > 0);
    },
    120_000,
  );
});
