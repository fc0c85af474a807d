/**
 * Every finding id src/ can emit has a rule (src/report/rules.ts, which SARIF describes its
 * rules from) and a row in README's "What the gate checks" table; and nothing is listed
 * there that src/ no longer emits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GATE_RULES } from '../../src/report/rules-gate.js';
import { RELEASE_RULES } from '../../src/report/rules-release.js';
import { CHECK_RULES } from '../../src/report/rules.js';
import { collectFindingIds, NOT_IDS } from './finding-ids.js';

const README = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

/** The rows of README's "What the gate checks" table: the ids of each row's first cell. */
function readmeRows(): { ids: string[]; severity: string; what: string }[] {
  const start = README.indexOf('\n## What the gate checks\n');
  expect(start).toBeGreaterThan(0);
  const end = README.indexOf('\n## ', start + 1);
  const rows = README.slice(start, end)
    .split('\n')
    .filter((l) => l.startsWith('| `'));
  return rows.map((row) => {
    const [first = '', severity = '', ...what] = row.slice(1, -1).split(' | ');
    return {
      ids: [...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
      severity: severity.trim(),
      what: what.join(' | ').trim(),
    };
  });
}

describe('finding ids', () => {
  const { ids, excludedSeen } = collectFindingIds();

  it('are collected from every way src/ builds them', () => {
    // 67 when this test was written: a collector that finds far fewer has gone blind.
    expect(ids.size).toBeGreaterThanOrEqual(67);
    for (const id of [
      'vectors.non-finite', // id: '…' property
      'staging.io', // first argument of a helper
      'bench.qrels', // new SuiteProblem('…')
      'bench.inconclusive', // a conditional between two literals
      'contract.dims', // `contract.${r.requirement}`
      'suite.schema', // `${kind}.schema` over SchemaKind
    ])
      expect([...ids.keys()]).toContain(id);
    // Registry refusals are printed by the CLI, never reported as findings.
    expect([...ids.keys()].some((id) => id.startsWith('promote.'))).toBe(false);
  });

  it('leave out only strings that still occur, each for a stated reason', () => {
    expect([...excludedSeen].sort()).toEqual(Object.keys(NOT_IDS).sort());
  });

  it('each have a rule with a summary, a description that states the severity, and help', () => {
    const missing = [...ids.keys()].filter((id) => !Object.hasOwn(CHECK_RULES, id));
    expect(missing, 'ids without an entry in src/report/rules-*.ts').toEqual([]);
    for (const [id, rule] of Object.entries(CHECK_RULES)) {
      expect(rule.summary, id).toMatch(/\.$/);
      expect(rule.description, id).toMatch(/\b(Error|Warning|Info)\b/);
      expect(rule.help.length, id).toBeGreaterThan(10);
    }
  });

  it('are listed once: no id in both rule files (a spread would hide one)', () => {
    expect(Object.keys(GATE_RULES).filter((id) => Object.hasOwn(RELEASE_RULES, id))).toEqual([]);
  });

  it('each have a row in README\'s "What the gate checks" table', () => {
    const rows = readmeRows();
    const documented = new Set(rows.flatMap((r) => r.ids));
    const missing = [...ids.keys()].filter((id) => !documented.has(id));
    expect(missing, 'ids without a README row').toEqual([]);
    for (const r of rows) {
      expect(r.severity, r.ids.join(', ')).toMatch(
        /^(error|warning|info)( ?\/ ?(error|warning|info))*$/,
      );
      expect(r.what.length, r.ids.join(', ')).toBeGreaterThan(3);
    }
  });

  it('are all still emitted: no stale rule and no stale README row', () => {
    const stale = (listed: Iterable<string>) => [...listed].filter((id) => !ids.has(id));
    expect(stale(Object.keys(CHECK_RULES)), 'rules for ids src/ never emits').toEqual([]);
    expect(
      stale(readmeRows().flatMap((r) => r.ids)),
      'README rows for ids src/ never emits',
    ).toEqual([]);
  });
});
