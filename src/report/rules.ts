/**
 * What each check id means, for machine formats that describe their rules (SARIF
 * `tool.driver.rules`). An id not listed is described by its own name,
 * so a new check never breaks a formatter; test/report/rules-coverage.test.ts makes sure
 * every id src/ can emit is listed here and in README's "What the gate checks".
 */
import { GATE_RULES, type CheckRule } from './rules-gate.js';
import { RELEASE_RULES } from './rules-release.js';

export type { CheckRule } from './rules-gate.js';

/** Every check's rule, by id. */
export const CHECK_RULES: Readonly<Record<string, CheckRule>> = { ...GATE_RULES, ...RELEASE_RULES };

/** The rule of a check id, or one that names the id when the id is not listed. */
export function ruleFor(id: string): CheckRule {
  return Object.hasOwn(CHECK_RULES, id)
    ? CHECK_RULES[id]!
    : { summary: id, description: id, help: `See the "${id}" finding's message.` };
}
