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

/**
 * The README section that explains a check, by id prefix (longest first wins); every other
 * check is explained by its row in "What the gate checks". test/report/sarif-github.test.ts
 * checks that each anchor is a heading of README.md.
 */
export const README_ANCHORS: readonly (readonly [prefix: string, anchor: string])[] = [
  ['bench.', 'benchmark-regression'],
  ['staging.', 'consumer-models-staging-in-a-contract'],
  ['probe.', 'reproducibility-probe-probe-in-a-manifest'],
  ['version.bump', 'change-classification-versionbump'],
  ['compat.', 'space-compatibility-compatspace'],
  ['version.', 'registry-contractsregistryschemajson'],
  ['registry.', 'registry-contractsregistryschemajson'],
  ['deprecation.', 'registry-contractsregistryschemajson'],
  ['lineage.', 'lineage-lineage'],
  ['waiver.', 'waivers'],
];

/** The anchor in README.md that explains check `id`. */
export function readmeAnchor(id: string): string {
  return README_ANCHORS.find(([prefix]) => id.startsWith(prefix))?.[1] ?? 'what-the-gate-checks';
}

/** Where a person reads about check `id`: the README at `readmeUrl`, at the check's anchor. */
export function helpUriFor(id: string, readmeUrl: string): string {
  return `${readmeUrl.replace(/#.*$/, '')}#${readmeAnchor(id)}`;
}
